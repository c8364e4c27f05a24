/*
 * The workbook writer: every string reaches an XLSX workbook through here,
 * made safe for XML and cut to what a cell holds, converted for zh-Hant,
 * and a failure is kept with the cell it happened at. libxlsxwriter does
 * the writing; it is loaded on first use (see out_xlsx.c).
 */
#ifndef CRAF_OUT_XLSX_H
#define CRAF_OUT_XLSX_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "date.h"
#include "i18n.h"
#include "strbuf.h"

/* The most an Excel cell holds, in UTF-16 units (what Excel counts as characters). */
#define WB_CELL_MAX 32767
/* Ends text cut to fit a cell; %zu is the number of characters cut. */
#define WB_TRUNCATED "\u2026 [truncated: %zu more characters]"

/* The cell styles every workbook of craf's shares. */
enum wb_style {
	WB_PLAIN,
	WB_TITLE,      /* large and bold */
	WB_HEADER,     /* white on blue, wrapped: column headers */
	WB_WRAP,       /* wrapped, top-aligned */
	WB_BOLD,       /* labels */
	WB_OVERDUE,    /* wrapped, on pale red */
	WB_OK,	       /* green and bold */
	WB_BAD,	       /* red and bold */
	WB_INPUT,      /* wrapped, top-aligned and unlocked: to fill in on a protected sheet */
	WB_INPUT_DATE, /* as WB_INPUT, a date shown yyyy-mm-dd */
	WB_READONLY,   /* wrapped, top-aligned, on grey: given, not to be changed */
	WB_NOTE,       /* wrapped, italic, grey: guidance beside a cell */
	/* A heat map's cells: at target, one level short, further, not assessed. */
	WB_HEAT_OK,
	WB_HEAT_NEAR,
	WB_HEAT_FAR,
	WB_HEAT_NONE,
	WB_STYLE_COUNT
};

struct wb_props {
	const char *title;
	const char *company; /* user text: made safe like a cell */
	time_t created;	     /* fixed, so the same input gives the same workbook */
};

struct wb_out;

/*
 * Starts the workbook at path (replaced if it exists). Warnings (text cut
 * to fit a cell, naming the cell) go to warnings; the first failure to err.
 * NULL on failure, with the reason in err.
 */
struct wb_out *wb_open(const char *path, const struct wb_props *props, enum lang lang,
		       struct strbuf *warnings, struct strbuf *err);
/*
 * Adds a sheet and makes it the one written to. cols (ncols), when given,
 * name cells in messages: "sheet "Answers", cell F2 (Note, 3.1.5)".
 */
void wb_sheet(struct wb_out *w, const char *name, const char *const *cols, size_t ncols);
/* From here on, the cells of the current sheet are named by these column headers. */
void wb_name_columns(struct wb_out *w, const char *const *cols, size_t ncols);
/* What the next rows are about (a control id), for messages. */
void wb_row_about(struct wb_out *w, const char *id);
/* A string (NULL or "" writes a blank cell in that style). */
void wb_text(struct wb_out *w, size_t row, size_t col, const char *s, enum wb_style style);
void wb_number(struct wb_out *w, size_t row, size_t col, double v, enum wb_style style);
/* A date, as a real date (a serial number) shown yyyy-mm-dd in WB_INPUT_DATE. */
void wb_date(struct wb_out *w, size_t row, size_t col, struct date d, enum wb_style style);
/* Merges first_col..last_col of row into one cell holding s. */
void wb_merge(struct wb_out *w, size_t row, size_t first_col, size_t last_col, const char *s,
	      enum wb_style style);
/*
 * About how many lines s takes, wrapped in a column width characters wide
 * (what wb_columns takes): rows are not fitted to wrapped text by every
 * spreadsheet, so a writer sets their height from this.
 */
size_t wb_text_lines(const char *s, double width);
/* The height of a row of n lines of text in the default font, in points. */
#define WB_LINE_HEIGHT 15.0
/* Sets a row's height in points, which the heights worked out from wrapped cells then leave alone.
 */
void wb_row_height(struct wb_out *w, size_t row, double height);
/* Makes the current sheet the one the workbook opens on. */
void wb_activate(struct wb_out *w);
/* The column headers, in WB_HEADER, across row. */
void wb_headers(struct wb_out *w, size_t row, const char *const *names, size_t n);
/*
 * Column widths, in characters. Set them before the sheet's cells: each row
 * is made tall enough for its wrapped cells (WB_HEADER, WB_WRAP,
 * WB_OVERDUE, WB_INPUT) at the widths set when the cell is written.
 */
void wb_columns(struct wb_out *w, size_t first, size_t last, double width, enum wb_style style);
void wb_freeze(struct wb_out *w, size_t row, size_t col);
void wb_filter(struct wb_out *w, size_t first_row, size_t first_col, size_t last_row,
	       size_t last_col);
/* Column i is widths[i] characters wide. */
void wb_widths(struct wb_out *w, const double *widths, size_t n);
/*
 * A table whose headers are on row head and data below it to row last, over
 * ncols columns: the header row frozen, filtered and repeated on each page.
 */
void wb_table(struct wb_out *w, size_t head, size_t last, size_t ncols);
/*
 * Landscape A4, fitted to the page width, narrow margins, page numbers in
 * the footer, rows first..last repeated on every page.
 */
void wb_print_setup(struct wb_out *w, size_t repeat_first, size_t repeat_last);
/* Cells of the range accept only one of values (a dropdown). */
void wb_validate_list(struct wb_out *w, size_t first_row, size_t col, size_t last_row,
		      const char *const *values, size_t n);
/* Cells of the range accept only a date (or are left empty). */
void wb_validate_date(struct wb_out *w, size_t first_row, size_t col, size_t last_row);
/* Protects the current sheet: only WB_INPUT cells can be edited (no password). */
void wb_protect(struct wb_out *w);
/* True once something failed: nothing more is written. */
bool wb_failed(const struct wb_out *w);
/*
 * Finishes the workbook and checks that every part reads back whole (see
 * out_xlsx.c); frees w. Returns 0, or -1 with the reason in err (after a
 * failure, nothing is written).
 */
int wb_close(struct wb_out *w);

/*
 * Appends s as it may go into a workbook: characters XML 1.0 forbids (C0
 * controls but tab, LF and CR; U+FFFE, U+FFFF) and those every output
 * shows by code (DEL, C1 controls, bidirectional controls, zero-width and
 * other invisible characters: textsafe_hidden) as "<U+202E>", bytes that
 * are not UTF-8 as "<0xFF>", and, when longer than max UTF-16 units, cut
 * with WB_TRUNCATED to max. Returns the number of characters cut.
 */
size_t wb_cell_text(struct strbuf *out, const char *s, size_t max);

#endif
