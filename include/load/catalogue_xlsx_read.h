/* A catalogue read back from its workbook (craf catalogue convert matrix.xlsx -o DIR). */
#ifndef CRAF_CATALOGUE_XLSX_READ_H
#define CRAF_CATALOGUE_XLSX_READ_H

#include <stddef.h>

#include "arena.h"
#include "catalogue.h"
#include "diag.h"
#include "strbuf.h"
#include "ytree.h"

/* One file of the catalogue directory the workbook becomes. */
struct catalogue_book_file {
	const char *name;	  /* framework.yaml, products.yaml, 1-governance.yaml, ... */
	struct ytree *root;	  /* its content, each string with the cell it came from */
	struct strbuf yaml;	  /* the caller writes root here (render/yaml_emit.h) ... */
	struct ytree_lines lines; /* ... and for each line, the cells it holds */
};

struct catalogue_book {
	const char *file;    /* the workbook, as messages name it */
	const char **sheets; /* by the index a ytree_src holds */
	size_t nsheets;
	struct catalogue_book_file *files; /* framework.yaml first */
	size_t nfiles;
	struct arena arena;
};

void catalogue_book_init(struct catalogue_book *book);
void catalogue_book_release(struct catalogue_book *book);

/*
 * Reads the workbook at path (the layout of docs/catalogue.md, "The
 * catalogue as a workbook") into book->files, columns found by their
 * headers, blank rows skipped. Problems of the workbook itself (a missing
 * sheet or column, a principle whose rows disagree, two rows for one
 * requirement) are added to dl, each naming its cell: "matrix.xlsx:
 * Requirements!F12: ...". Returns 0 when the files are made (dl may still
 * hold errors: check them with catalogue_xlsx_check too, to report all at
 * once), or -1 when the workbook cannot be read that far.
 */
int catalogue_xlsx_read(struct catalogue_book *book, const char *path, struct diag_list *dl);
/* As catalogue_xlsx_read for a workbook in memory; file names it in messages. */
int catalogue_xlsx_read_buffer(struct catalogue_book *book, const char *file,
			       const unsigned char *buf, size_t len, struct diag_list *dl);

/*
 * Loads the files (their yaml written) into cat with every check of the
 * catalogue loader; each problem is added to dl naming the cell it comes
 * from. Returns 0, or -1 (cat then released by the caller).
 */
int catalogue_xlsx_check(const struct catalogue_book *book, struct catalogue *cat,
			 struct diag_list *dl);

#endif
