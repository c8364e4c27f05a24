/* Reading XLSX workbooks from memory, with limits, for answers kept in spreadsheets. */
#ifndef CRAF_XLSX_READ_H
#define CRAF_XLSX_READ_H

#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "strbuf.h"

/*
 * Bounds against hostile workbooks. Going past one is an error that names
 * it; none is taken from the file's own claims (sizes in the zip headers,
 * counts in the XML).
 */
struct xlsx_limits {
	size_t max_total;   /* uncompressed bytes of all parts read over the book's life */
	size_t max_part;    /* uncompressed bytes of one part, counted while inflating */
	size_t max_entries; /* entries in the zip */
	size_t max_depth;   /* XML element nesting */
	size_t max_cells;   /* cells in one sheet */
	size_t max_string;  /* bytes of one cell's text or one shared string */
	size_t max_shared;  /* shared strings */
};

/* The defaults: 64 MiB in all, 32 MiB a part, 10000 entries, depth 64, a million cells,
 * 128 KiB a string (Excel's 32767 characters), a million shared strings. */
void xlsx_limits_default(struct xlsx_limits *lim);

enum xlsx_type {
	XLSX_EMPTY,  /* a cell with a style but no value; text "" */
	XLSX_STRING, /* shared, inline (rich-text runs joined) or a formula's string result */
	XLSX_NUMBER, /* text as written in the file: "42", "0.1", "1.5E-3" */
	XLSX_BOOL,   /* text "TRUE" or "FALSE" */
	XLSX_ERROR,  /* text as written: "#N/A", "#DIV/0!" */
	/* A formula whose result the file does not hold (a writer that does not calculate); text ""
	 */
	XLSX_FORMULA,
};

struct xlsx_cell {
	const char *sheet; /* the sheet's name */
	unsigned row;	   /* 1-based */
	unsigned col;	   /* 1-based: A is 1 */
	enum xlsx_type type;
	const char *text; /* UTF-8, NUL-terminated, never NULL */
	size_t len;	  /* bytes of text */
};

enum xlsx_date_system {
	XLSX_DATE_1900, /* serial 1 is 1900-01-01, with Lotus's 1900-02-29 */
	XLSX_DATE_1904, /* serial 0 is 1904-01-01 (workbookPr date1904) */
};

struct xlsx_book;

/*
 * Opens the workbook in buf (len bytes, read by the caller; it must stay
 * valid until xlsx_close): reads its sheet list, date system and shared
 * strings. file names the workbook in messages. lim NULL: the defaults.
 * Refuses, with a message that says what to do, .xls and encrypted
 * workbooks (compound documents), CSV and other text, zips that are not
 * workbooks. Returns 0, or -1 after adding diagnostics to dl (*out NULL).
 * Errors inside a part are placed "FILE: PART:LINE:COL".
 */
int xlsx_open(struct xlsx_book **out, const char *file, const unsigned char *buf, size_t len,
	      const struct xlsx_limits *lim, struct diag_list *dl);
void xlsx_close(struct xlsx_book *book);

/* The sheets in the workbook's order (tab order, not part names). */
size_t xlsx_sheet_count(const struct xlsx_book *book);
const char *xlsx_sheet_name(const struct xlsx_book *book, size_t i);
enum xlsx_date_system xlsx_date_system(const struct xlsx_book *book);

/*
 * Called for each cell in document order (rows, then columns, each cell
 * once); cell and its text live only during the call. Returns 0 to go on;
 * anything else stops the reading.
 */
typedef int (*xlsx_cell_fn)(void *ctx, const struct xlsx_cell *cell);

/*
 * Streams the sheet named sheet (exactly) to fn. Returns 0 when every cell
 * was delivered, fn's non-zero value when fn stopped it, or -1 after adding
 * diagnostics (cells delivered before the error must then be dropped).
 */
int xlsx_read_sheet(struct xlsx_book *book, const char *sheet, xlsx_cell_fn fn, void *ctx,
		    struct diag_list *dl);

/* A sheet's cells as rows: only rows that hold cells, in order; cells own their text. */
struct xlsx_row {
	unsigned row;
	struct xlsx_cell *cells;
	size_t nr, alloc;
};

/* Cells row1:col1 to row2:col2, both included. */
struct xlsx_range {
	unsigned row1, col1, row2, col2;
};

struct xlsx_rows {
	char *sheet;
	struct xlsx_row *rows;
	size_t nr, alloc;
	/* The sheet's merged ranges: a merge keeps its value in its first cell only. */
	struct xlsx_range *merges;
	size_t nmerges, merges_alloc;
};

/* Reads the sheet into rows (released by the caller, also after an error). 0 or -1. */
int xlsx_read_rows(struct xlsx_book *book, const char *sheet, struct xlsx_rows *rows,
		   struct diag_list *dl);
void xlsx_rows_release(struct xlsx_rows *rows);
/*
 * The first merged range that reaches a row below row `below` and, unless
 * cols is NULL, one of the ncols columns in cols (0s ignored); NULL when
 * none. Cells a merge covers read as blank: a reader refuses them in data.
 */
const struct xlsx_range *xlsx_rows_merged(const struct xlsx_rows *rows, unsigned below,
					  const unsigned *cols, size_t ncols);
/* Appends "F2:F4" (a message's position names the sheet). */
void xlsx_range_ref(struct strbuf *sb, const struct xlsx_range *r);

/* Appends "E" for column 5, "AA" for 27. */
void xlsx_col_name(struct strbuf *sb, unsigned col);
/* Appends "Sheet!E14", quoting a sheet name as Excel does: 'My sheet'!E14. */
void xlsx_ref(struct strbuf *sb, const char *sheet, unsigned row, unsigned col);
void xlsx_cell_ref(struct strbuf *sb, const struct xlsx_cell *cell);

/*
 * The calendar day of a date serial written as text ("45292", "45292.75";
 * the time of day is dropped). 1900: serial 60 is Lotus's 1900-02-29, which
 * never was, and is refused with 0 and anything past 9999-12-31.
 * Returns 0, or -1 when text is not such a serial.
 */
int xlsx_serial_date(const char *text, enum xlsx_date_system sys, struct date *out);

#endif
