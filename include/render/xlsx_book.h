/*
 * The workbook machinery every XLSX export shares: libxlsxwriter opened with
 * dlopen, every string written through one checked call, the first failure
 * kept with the cell it happened in, and the finished file read back.
 */
#ifndef CRAF_XLSX_BOOK_H
#define CRAF_XLSX_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>
#include <xlsxwriter.h>

#include "i18n.h"
#include "strbuf.h"

struct xlsx_book {
	lxw_workbook *wb;
	/* The formats every workbook has. */
	lxw_format *title, *header, *wrap, *bold, *overdue, *ok, *bad;
	enum lang lang;
	bool to_hant; /* every string is converted as it is written */
	/* Where the cells being written are, to name them in a warning or an error. */
	const char *sheet;
	const char *const *cols; /* the sheet's column headers, or NULL */
	size_t ncols;
	const char *row_id; /* what the row is about (a control, an entity), or NULL */
	const char *label;  /* the label written in column A of label_row */
	lxw_row_t label_row;
	struct strbuf text; /* the cell being written, reused */
	struct strbuf *warnings;
	struct strbuf *err; /* the first failure; nothing is written after one */
	bool failed;
};

/*
 * Starts the workbook at path, titled title, for company (user text, may be
 * NULL), created at now. Returns 0, or -1 with the reason in err (nothing
 * to close then).
 */
int xlsx_book_open(struct xlsx_book *x, const char *path, const char *title, const char *company,
		   enum lang lang, time_t now, struct strbuf *warnings, struct strbuf *err);
/* Writes the workbook out and reads it back; frees it either way. Returns 0 or -1 (err). */
int xlsx_book_close(struct xlsx_book *x, const char *path);

/* A further format: fill colour bg and font colour fg (0xRRGGBB), bold or not. */
lxw_format *xlsx_book_format(struct xlsx_book *x, lxw_color_t bg, lxw_color_t fg, bool bold);
/* Starts a sheet; NULL (with the error kept) if it cannot be added. */
lxw_worksheet *xlsx_sheet(struct xlsx_book *x, const char *name, const char *const *cols,
			  size_t ncols);
/* Every string goes in through here (see xlsx_book.c); NULL or "" leaves a blank cell. */
void xlsx_put(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
	      lxw_format *f);
void xlsx_number(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
		 lxw_format *f);
void xlsx_headers(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t row, const char *const *names,
		  size_t n);
void xlsx_freeze(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col);
void xlsx_filter(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t last_row, lxw_col_t last_col);
void xlsx_columns(struct xlsx_book *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
		  double width);
/* Keeps the first libxlsxwriter failure, saying what was being done. */
void xlsx_check(struct xlsx_book *x, lxw_error e, const char *what);

#endif
