/*
 * The workbook writer (out_xlsx.h). libxlsxwriter links libcrypto, whose
 * loading alone costs every run of craf more CPU time than its work on the
 * shipped example: it is loaded with dlopen when a workbook is written, and
 * runs that write none never pay.
 */
#include "out_xlsx.h"

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "dynlib.h"
#include "hant.h"
#include "libminizip.h"
#include "names.h"
#include "term.h"
#include "textsafe.h"
#include "xalloc.h"

static struct {
	lxw_workbook *(*workbook_new_opt)(const char *, lxw_workbook_options *);
	lxw_error (*workbook_set_properties)(lxw_workbook *, lxw_doc_properties *);
	lxw_format *(*workbook_add_format)(lxw_workbook *);
	lxw_worksheet *(*workbook_add_worksheet)(lxw_workbook *, const char *);
	lxw_error (*workbook_close)(lxw_workbook *);
	void (*lxw_workbook_free)(lxw_workbook *);
	char *(*lxw_strerror)(lxw_error);
	void (*lxw_rowcol_to_cell)(char *, lxw_row_t, lxw_col_t);
	lxw_error (*worksheet_write_blank)(lxw_worksheet *, lxw_row_t, lxw_col_t, lxw_format *);
	lxw_error (*worksheet_write_string)(lxw_worksheet *, lxw_row_t, lxw_col_t, const char *,
					    lxw_format *);
	lxw_error (*worksheet_write_number)(lxw_worksheet *, lxw_row_t, lxw_col_t, double,
					    lxw_format *);
	lxw_error (*worksheet_write_datetime)(lxw_worksheet *, lxw_row_t, lxw_col_t, lxw_datetime *,
					      lxw_format *);
	lxw_error (*worksheet_set_row)(lxw_worksheet *, lxw_row_t, double, lxw_format *);
	lxw_error (*worksheet_merge_range)(lxw_worksheet *, lxw_row_t, lxw_col_t, lxw_row_t,
					   lxw_col_t, const char *, lxw_format *);
	void (*worksheet_activate)(lxw_worksheet *);
	void (*format_set_num_format)(lxw_format *, const char *);
	void (*format_set_border)(lxw_format *, uint8_t);
	void (*format_set_border_color)(lxw_format *, lxw_color_t);
	void (*format_set_italic)(lxw_format *);
	void (*worksheet_freeze_panes)(lxw_worksheet *, lxw_row_t, lxw_col_t);
	lxw_error (*worksheet_autofilter)(lxw_worksheet *, lxw_row_t, lxw_col_t, lxw_row_t,
					  lxw_col_t);
	lxw_error (*worksheet_set_column)(lxw_worksheet *, lxw_col_t, lxw_col_t, double,
					  lxw_format *);
	void (*worksheet_set_landscape)(lxw_worksheet *);
	void (*worksheet_set_paper)(lxw_worksheet *, uint8_t);
	void (*worksheet_fit_to_pages)(lxw_worksheet *, uint16_t, uint16_t);
	lxw_error (*worksheet_repeat_rows)(lxw_worksheet *, lxw_row_t, lxw_row_t);
	void (*worksheet_set_margins)(lxw_worksheet *, double, double, double, double);
	lxw_error (*worksheet_set_footer)(lxw_worksheet *, const char *);
	lxw_error (*worksheet_data_validation_range)(lxw_worksheet *, lxw_row_t, lxw_col_t,
						     lxw_row_t, lxw_col_t, lxw_data_validation *);
	void (*worksheet_protect)(lxw_worksheet *, const char *, lxw_protection *);
	void (*format_set_bold)(lxw_format *);
	void (*format_set_font_size)(lxw_format *, double);
	void (*format_set_font_color)(lxw_format *, lxw_color_t);
	void (*format_set_bg_color)(lxw_format *, lxw_color_t);
	void (*format_set_text_wrap)(lxw_format *);
	void (*format_set_align)(lxw_format *, uint8_t);
	void (*format_set_unlocked)(lxw_format *);
} lx;

#define LX_SYM(name) DYNLIB_SYM(d, lx, name)

static bool lx_resolve(struct dynlib *d)
{
	return LX_SYM(workbook_new_opt) && LX_SYM(workbook_set_properties) &&
	       LX_SYM(workbook_add_format) && LX_SYM(workbook_add_worksheet) &&
	       LX_SYM(workbook_close) && LX_SYM(lxw_workbook_free) && LX_SYM(lxw_strerror) &&
	       LX_SYM(lxw_rowcol_to_cell) && LX_SYM(worksheet_write_blank) &&
	       LX_SYM(worksheet_write_string) && LX_SYM(worksheet_write_number) &&
	       LX_SYM(worksheet_freeze_panes) && LX_SYM(worksheet_autofilter) &&
	       LX_SYM(worksheet_set_column) && LX_SYM(worksheet_set_landscape) &&
	       LX_SYM(worksheet_set_paper) && LX_SYM(worksheet_fit_to_pages) &&
	       LX_SYM(worksheet_repeat_rows) && LX_SYM(worksheet_set_row) &&
	       LX_SYM(worksheet_set_margins) && LX_SYM(worksheet_set_footer) &&
	       LX_SYM(worksheet_data_validation_range) && LX_SYM(worksheet_protect) &&
	       LX_SYM(format_set_bold) && LX_SYM(format_set_font_size) &&
	       LX_SYM(format_set_font_color) && LX_SYM(format_set_bg_color) &&
	       LX_SYM(format_set_text_wrap) && LX_SYM(format_set_align) &&
	       LX_SYM(format_set_unlocked) && LX_SYM(worksheet_write_datetime) &&
	       LX_SYM(worksheet_merge_range) && LX_SYM(worksheet_activate) &&
	       LX_SYM(format_set_num_format) && LX_SYM(format_set_border) &&
	       LX_SYM(format_set_border_color) && LX_SYM(format_set_italic);
}

static struct dynlib lx_lib = DYNLIB_INIT("libxlsxwriter.so.4", "XLSX output needs libxlsxwriter",
					  "libxlsxwriter4", lx_resolve);

struct wb_out {
	lxw_workbook *wb;
	char *path;
	lxw_format *styles[WB_STYLE_COUNT];
	bool to_hant; /* every string is converted as it is written */
	/* The sheet being written, and where its cells are, to name them in messages. */
	lxw_worksheet *ws;
	const char *sheet;
	const char *const *cols; /* the sheet's column headers, or NULL */
	size_t ncols;
	const char *row_id; /* what the row is about, or NULL */
	const char *label;  /* what column A of label_row says */
	size_t label_row;
	struct strbuf text; /* the cell being written, reused */
	/*
	 * Row heights: no spreadsheet is bound to fit a row to its wrapped text
	 * when it opens a workbook (LibreOffice does not), so each row is given
	 * the lines its wrapped cells need at the column widths set so far.
	 */
	double *widths; /* by column; 0: the default width */
	size_t nwidths;
	unsigned short *lines; /* by row: lines of its tallest wrapped cell */
	size_t nlines, lines_alloc;
	struct strbuf *warnings;
	struct strbuf *err; /* the first failure; nothing is written after one */
	bool failed;
};

/*
 * One character of s (k bytes, code point cp) as it may go into a cell;
 * returns the UTF-16 units added. What XML 1.0 forbids, and what every
 * output shows by its code (textsafe_hidden: controls, bidirectional
 * controls, invisible characters), becomes visible; tab, LF and CR stay, as
 * line breaks in a cell.
 */
static size_t xml_char(struct strbuf *out, const char *s, size_t k, unsigned cp)
{
	char buf[16];
	size_t n;

	if (cp == 0xfffd && k == 1 && (unsigned char)*s >= 0x80)
		n = (size_t)snprintf(buf, sizeof(buf), "<0x%02X>", (unsigned char)*s);
	else if ((textsafe_hidden(cp) && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xfffe ||
		 cp == 0xffff)
		n = (size_t)snprintf(buf, sizeof(buf), "<U+%04X>", cp);
	else {
		if (out)
			strbuf_add(out, s, k);
		return cp >= 0x10000 ? 2 : 1;
	}
	if (out)
		strbuf_add(out, buf, n);
	return n;
}

size_t wb_cell_text(struct strbuf *out, const char *s, size_t max)
{
	size_t len = strlen(s), units = 0, chars = 0, kept = 0, budget, marker;
	const char *p;
	unsigned cp;
	size_t k;

	strbuf_add(out, "", 0);
	for (p = s; p < s + len; p += k, chars++) {
		k = term_utf8_decode(p, (size_t)(s + len - p), &cp);
		units += xml_char(NULL, p, k, cp);
	}
	if (units <= max) {
		for (p = s; p < s + len; p += k) {
			k = term_utf8_decode(p, (size_t)(s + len - p), &cp);
			xml_char(out, p, k, cp);
		}
		return 0;
	}
	/* The marker with every character cut is the longest it can be ("…" is one unit). */
	marker = (size_t)snprintf(NULL, 0, WB_TRUNCATED, chars) - 2;
	budget = max > marker ? max - marker : 0;
	for (p = s, units = 0; p < s + len; p += k, kept++) {
		k = term_utf8_decode(p, (size_t)(s + len - p), &cp);
		if (units + xml_char(NULL, p, k, cp) > budget)
			break;
		units += xml_char(out, p, k, cp);
	}
	strbuf_addf(out, WB_TRUNCATED, chars - kept);
	return chars - kept;
}

/* Keeps the first failure. */
static void fail(struct wb_out *w, const char *what)
{
	if (w->failed)
		return;
	w->failed = true;
	strbuf_adds(w->err, what);
}

static void check(struct wb_out *w, lxw_error e, const char *what)
{
	if (e == LXW_NO_ERROR || w->failed)
		return;
	w->failed = true;
	strbuf_addf(w->err, "%s: %s", what, lx.lxw_strerror(e));
}

/* "sheet "Gap register", cell F2 (Note, 3.1.5)": where a cell is, for people. */
static void cell_name(struct strbuf *sb, const struct wb_out *w, size_t row, size_t col)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];
	const char *field = w->cols && col < w->ncols	      ? w->cols[col]
			    : w->label && w->label_row == row ? w->label
							      : NULL;

	lx.lxw_rowcol_to_cell(cell, (lxw_row_t)row, (lxw_col_t)col);
	strbuf_addf(sb, "sheet \"%s\", cell %s", w->sheet, cell);
	if (field && w->row_id)
		strbuf_addf(sb, " (%s, %s)", field, w->row_id);
	else if (field)
		strbuf_addf(sb, " (%s)", field);
}

/* Default column width in characters, as Excel's. */
#define WB_DEFAULT_WIDTH 8.43
/* A row is this many points a line (11-point Calibri and Carlito), and at most 409 (Excel's). */
#define WB_ROW_MAX_POINTS 409.0

static bool wraps(enum wb_style style)
{
	return style == WB_HEADER || style == WB_WRAP || style == WB_OVERDUE || style == WB_INPUT;
}

/*
 * The lines s takes wrapped in a column width units wide: wrapped as the
 * terminal text is, at the columns of text a unit of width holds, each line
 * break in s starting a line.
 */
size_t wb_text_lines(const char *s, double width)
{
	struct strbuf para = STRBUF_INIT, wrapped = STRBUF_INIT;
	size_t lines = 0, ncp = 0;
	double per_unit;
	int chars;

	if (!s)
		s = "";
	/*
	 * A unit of width is a digit's width: about 1.15 letters of proportional
	 * text, but only half a Chinese character (two columns in term_width).
	 */
	for (const char *p = s; *p; p++)
		ncp += ((unsigned char)*p & 0xc0) != 0x80;
	per_unit = (double)term_width(s) > 1.3 * (double)ncp ? 0.9 : 1.15;
	chars = width * per_unit > 4 ? (int)(width * per_unit) : 4;
	for (const char *p = s;; p++) {
		if (*p && *p != '\n')
			continue;
		strbuf_reset(&para);
		strbuf_add(&para, s, (size_t)(p - s));
		strbuf_reset(&wrapped);
		term_wrap(&wrapped, para.buf, 0, chars);
		lines++;
		for (size_t i = 0; i + 1 < wrapped.len; i++)
			lines += wrapped.buf[i] == '\n';
		if (!*p)
			break;
		s = p + 1;
	}
	strbuf_release(&para);
	strbuf_release(&wrapped);
	return lines;
}

/* A row whose height its writer set (wb_row_height): left as it is. */
#define ROW_FIXED 0xffff

/* The lines entry of row, the array grown to hold it. */
static unsigned short *row_lines(struct wb_out *w, size_t row)
{
	if (row >= w->nlines) {
		w->lines = xgrow(w->lines, &w->lines_alloc, row + 1, sizeof(*w->lines));
		memset(w->lines + w->nlines, 0, (row + 1 - w->nlines) * sizeof(*w->lines));
		w->nlines = row + 1;
	}
	return &w->lines[row];
}

static void note_lines(struct wb_out *w, size_t row, size_t col, const char *s, enum wb_style style)
{
	size_t n;

	if (!wraps(style) || (!strchr(s, '\n') && term_width(s) < 8))
		return;
	n = wb_text_lines(s, col < w->nwidths && w->widths[col] > 0 ? w->widths[col]
								    : WB_DEFAULT_WIDTH);
	if (n < 2 || *row_lines(w, row) == ROW_FIXED)
		return;
	if (n > 1000)
		n = 1000;
	if (n > w->lines[row])
		w->lines[row] = (unsigned short)n;
}

/* Gives the current sheet's rows their heights; the next sheet starts afresh. */
static void set_heights(struct wb_out *w)
{
	for (size_t r = 0; r < w->nlines && !w->failed && w->ws; r++) {
		double h = w->lines[r] * WB_LINE_HEIGHT;

		if (w->lines[r] < 2 || w->lines[r] == ROW_FIXED)
			continue;
		check(w,
		      lx.worksheet_set_row(w->ws, (lxw_row_t)r,
					   h > WB_ROW_MAX_POINTS ? WB_ROW_MAX_POINTS : h, NULL),
		      "row heights");
	}
	w->nlines = 0;
	w->nwidths = 0;
}

/*
 * Every string goes in through here: converted for zh-Hant, characters XML
 * forbids made visible, and cut to what a cell holds (with a marker and a
 * warning) rather than refused. libxlsxwriter writes strings as text, never
 * as formulas, so a leading = + - @ needs no defusing.
 */
void wb_text(struct wb_out *w, size_t row, size_t col, const char *s, enum wb_style style)
{
	struct strbuf where = STRBUF_INIT, err = STRBUF_INIT;
	lxw_format *f = w->styles[style];
	char *hant = NULL;
	size_t cut = 0;
	lxw_error e;

	if (w->failed || !w->ws)
		return;
	if (col == 0) {
		w->label = s;
		w->label_row = row;
	}
	if (!s || !*s) {
		e = f ? lx.worksheet_write_blank(w->ws, (lxw_row_t)row, (lxw_col_t)col, f)
		      : LXW_NO_ERROR;
	} else {
		if (w->to_hant) {
			hant = hant_convert_str(s, &err);
			if (!hant) {
				fail(w, strbuf_str(&err));
				goto cleanup;
			}
		}
		strbuf_reset(&w->text);
		cut = wb_cell_text(&w->text, hant ? hant : s, WB_CELL_MAX);
		e = lx.worksheet_write_string(w->ws, (lxw_row_t)row, (lxw_col_t)col, w->text.buf,
					      f);
		note_lines(w, row, col, w->text.buf, style);
	}
	if (cut || e != LXW_NO_ERROR)
		cell_name(&where, w, row, col);
	if (cut)
		strbuf_addf(w->warnings,
			    "%s: the text is longer than an Excel cell holds (%d characters), "
			    "so its last %zu characters are cut\n",
			    where.buf, WB_CELL_MAX, cut);
	check(w, e, where.buf);
cleanup:
	free(hant);
	strbuf_release(&where);
	strbuf_release(&err);
}

void wb_number(struct wb_out *w, size_t row, size_t col, double v, enum wb_style style)
{
	struct strbuf where = STRBUF_INIT;
	lxw_error e;

	if (w->failed || !w->ws)
		return;
	e = lx.worksheet_write_number(w->ws, (lxw_row_t)row, (lxw_col_t)col, v, w->styles[style]);
	if (e != LXW_NO_ERROR) {
		cell_name(&where, w, row, col);
		check(w, e, where.buf);
	}
	strbuf_release(&where);
}

void wb_date(struct wb_out *w, size_t row, size_t col, struct date d, enum wb_style style)
{
	struct strbuf where = STRBUF_INIT;
	lxw_datetime dt = {d.year, d.month, d.day, 0, 0, 0};
	lxw_error e;

	if (w->failed || !w->ws)
		return;
	e = lx.worksheet_write_datetime(w->ws, (lxw_row_t)row, (lxw_col_t)col, &dt,
					w->styles[style]);
	if (e != LXW_NO_ERROR) {
		cell_name(&where, w, row, col);
		check(w, e, where.buf);
	}
	strbuf_release(&where);
}

void wb_merge(struct wb_out *w, size_t row, size_t first_col, size_t last_col, const char *s,
	      enum wb_style style)
{
	struct strbuf where = STRBUF_INIT;
	lxw_error e;

	if (w->failed || !w->ws)
		return;
	/* The range is made blank in style, then the text goes in its first cell as any text. */
	e = lx.worksheet_merge_range(w->ws, (lxw_row_t)row, (lxw_col_t)first_col, (lxw_row_t)row,
				     (lxw_col_t)last_col, "", w->styles[style]);
	if (e != LXW_NO_ERROR) {
		cell_name(&where, w, row, first_col);
		check(w, e, where.buf);
	} else {
		wb_text(w, row, first_col, s, style);
	}
	strbuf_release(&where);
}

void wb_row_height(struct wb_out *w, size_t row, double height)
{
	if (w->failed || !w->ws)
		return;
	check(w, lx.worksheet_set_row(w->ws, (lxw_row_t)row, height, NULL), "a row height");
	*row_lines(w, row) = ROW_FIXED;
}

void wb_activate(struct wb_out *w)
{
	if (!w->failed && w->ws)
		lx.worksheet_activate(w->ws);
}

void wb_sheet(struct wb_out *w, const char *name, const char *const *cols, size_t ncols)
{
	set_heights(w);
	w->ws = w->failed ? NULL : lx.workbook_add_worksheet(w->wb, name);
	if (!w->ws && !w->failed) {
		w->failed = true;
		strbuf_addf(w->err, "cannot add the sheet \"%s\"", name);
	}
	w->sheet = name;
	w->cols = cols;
	w->ncols = ncols;
	w->row_id = NULL;
	w->label = NULL;
}

void wb_name_columns(struct wb_out *w, const char *const *cols, size_t ncols)
{
	w->cols = cols;
	w->ncols = ncols;
}

void wb_row_about(struct wb_out *w, const char *id)
{
	w->row_id = id;
}

void wb_headers(struct wb_out *w, size_t row, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		wb_text(w, row, i, names[i], WB_HEADER);
}

void wb_columns(struct wb_out *w, size_t first, size_t last, double width, enum wb_style style)
{
	if (last >= w->nwidths && last < 16384) {
		w->widths = xrealloc(w->widths, (last + 1) * sizeof(*w->widths));
		memset(w->widths + w->nwidths, 0, (last + 1 - w->nwidths) * sizeof(*w->widths));
		w->nwidths = last + 1;
	}
	for (size_t c = first; c <= last && c < w->nwidths; c++)
		w->widths[c] = width;
	if (!w->failed && w->ws)
		check(w,
		      lx.worksheet_set_column(w->ws, (lxw_col_t)first, (lxw_col_t)last, width,
					      w->styles[style]),
		      "column widths");
}

void wb_freeze(struct wb_out *w, size_t row, size_t col)
{
	if (!w->failed && w->ws)
		lx.worksheet_freeze_panes(w->ws, (lxw_row_t)row, (lxw_col_t)col);
}

void wb_filter(struct wb_out *w, size_t first_row, size_t first_col, size_t last_row,
	       size_t last_col)
{
	if (!w->failed && w->ws)
		check(w,
		      lx.worksheet_autofilter(w->ws, (lxw_row_t)first_row, (lxw_col_t)first_col,
					      (lxw_row_t)last_row, (lxw_col_t)last_col),
		      "the filter");
}

void wb_print_setup(struct wb_out *w, size_t repeat_first, size_t repeat_last)
{
	if (w->failed || !w->ws)
		return;
	lx.worksheet_set_landscape(w->ws);
	lx.worksheet_set_paper(w->ws, 9); /* A4 */
	/* As wide as one page, as long as it takes. */
	lx.worksheet_fit_to_pages(w->ws, 1, 0);
	/* Narrow margins leave more of the width to the text: half an inch, a third at the sides.
	 */
	lx.worksheet_set_margins(w->ws, 0.3, 0.3, 0.5, 0.5);
	check(w, lx.worksheet_set_footer(w->ws, "&C&P / &N"), "the page footer");
	check(w, lx.worksheet_repeat_rows(w->ws, (lxw_row_t)repeat_first, (lxw_row_t)repeat_last),
	      "the rows repeated on each page");
}

void wb_widths(struct wb_out *w, const double *widths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		wb_columns(w, i, i, widths[i], WB_PLAIN);
}

void wb_table(struct wb_out *w, size_t head, size_t last, size_t ncols)
{
	wb_freeze(w, head + 1, 1);
	wb_print_setup(w, head, head);
	wb_filter(w, head, 0, last, ncols - 1);
}

static void validate(struct wb_out *w, size_t first_row, size_t col, size_t last_row,
		     lxw_data_validation *v)
{
	if (w->failed || !w->ws || last_row < first_row)
		return;
	v->error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	check(w,
	      lx.worksheet_data_validation_range(w->ws, (lxw_row_t)first_row, (lxw_col_t)col,
						 (lxw_row_t)last_row, (lxw_col_t)col, v),
	      "a cell validation");
}

void wb_validate_list(struct wb_out *w, size_t first_row, size_t col, size_t last_row,
		      const char *const *values, size_t n)
{
	lxw_data_validation v;
	const char **list = xcalloc(n + 1, sizeof(*list));

	memcpy(list, values, n * sizeof(*list));
	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)list;
	v.error_title = (char *)"Not a valid value";
	v.error_message = (char *)"Choose a value from the list.";
	validate(w, first_row, col, last_row, &v);
	free(list);
}

void wb_validate_date(struct wb_out *w, size_t first_row, size_t col, size_t last_row)
{
	lxw_data_validation v;

	memset(&v, 0, sizeof(v));
	v.validate = LXW_VALIDATION_TYPE_DATE;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_datetime = (lxw_datetime){1900, 1, 1, 0, 0, 0};
	v.maximum_datetime = (lxw_datetime){9999, 12, 31, 0, 0, 0};
	v.error_title = (char *)"Not a date";
	v.error_message = (char *)"Enter a date as YYYY-MM-DD.";
	validate(w, first_row, col, last_row, &v);
}

void wb_protect(struct wb_out *w)
{
	lxw_protection p;

	if (w->failed || !w->ws)
		return;
	/* Protection guards against slips, not people: no password; rows can still be filtered. */
	memset(&p, 0, sizeof(p));
	p.format_columns = 1;
	p.format_rows = 1;
	p.autofilter = 1;
	p.sort = 1;
	lx.worksheet_protect(w->ws, NULL, &p);
}

bool wb_failed(const struct wb_out *w)
{
	return w->failed;
}

static void make_styles(struct wb_out *w)
{
	lxw_format **s = w->styles;

	for (int i = 1; i < WB_STYLE_COUNT; i++)
		if (!(s[i] = lx.workbook_add_format(w->wb))) {
			check(w, LXW_ERROR_MEMORY_MALLOC_FAILED, "cell formats");
			return;
		}
	lx.format_set_bold(s[WB_TITLE]);
	lx.format_set_font_size(s[WB_TITLE], 16);
	lx.format_set_bold(s[WB_HEADER]);
	lx.format_set_font_color(s[WB_HEADER], LXW_COLOR_WHITE);
	lx.format_set_bg_color(s[WB_HEADER], 0x1D4F91);
	lx.format_set_text_wrap(s[WB_HEADER]);
	lx.format_set_text_wrap(s[WB_WRAP]);
	lx.format_set_align(s[WB_WRAP], LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_bold(s[WB_BOLD]);
	lx.format_set_align(s[WB_BOLD], LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_text_wrap(s[WB_OVERDUE]);
	lx.format_set_align(s[WB_OVERDUE], LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_bg_color(s[WB_OVERDUE], 0xFDECEA);
	lx.format_set_font_color(s[WB_OK], 0x1F7A5A);
	lx.format_set_bold(s[WB_OK]);
	lx.format_set_align(s[WB_OK], LXW_ALIGN_VERTICAL_TOP); /* level with wrapped neighbours */
	lx.format_set_font_color(s[WB_BAD], 0xB42318);
	lx.format_set_bold(s[WB_BAD]);
	lx.format_set_align(s[WB_BAD], LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_text_wrap(s[WB_INPUT]);
	lx.format_set_align(s[WB_INPUT], LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_bg_color(s[WB_INPUT], 0xFFFBE6);
	lx.format_set_unlocked(s[WB_INPUT]);
	lx.format_set_border(s[WB_INPUT], LXW_BORDER_THIN);
	lx.format_set_border_color(s[WB_INPUT], 0xD9C77E);
	lx.format_set_align(s[WB_INPUT_DATE], LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_align(s[WB_INPUT_DATE], LXW_ALIGN_LEFT);
	lx.format_set_bg_color(s[WB_INPUT_DATE], 0xFFFBE6);
	lx.format_set_border(s[WB_INPUT_DATE], LXW_BORDER_THIN);
	lx.format_set_border_color(s[WB_INPUT_DATE], 0xD9C77E);
	lx.format_set_num_format(s[WB_INPUT_DATE], "yyyy-mm-dd");
	lx.format_set_unlocked(s[WB_INPUT_DATE]);
	lx.format_set_text_wrap(s[WB_READONLY]);
	lx.format_set_align(s[WB_READONLY], LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_bg_color(s[WB_READONLY], 0xF2F4F7);
	lx.format_set_border(s[WB_READONLY], LXW_BORDER_THIN);
	lx.format_set_border_color(s[WB_READONLY], 0xD0D5DD);
	lx.format_set_italic(s[WB_NOTE]);
	lx.format_set_text_wrap(s[WB_NOTE]);
	lx.format_set_align(s[WB_NOTE], LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_font_color(s[WB_NOTE], 0x475467);
	lx.format_set_bg_color(s[WB_HEAT_OK], 0xCDEEDD);
	lx.format_set_font_color(s[WB_HEAT_OK], 0x14532D);
	lx.format_set_bold(s[WB_HEAT_OK]);
	lx.format_set_bg_color(s[WB_HEAT_NEAR], 0xFDE7B0);
	lx.format_set_font_color(s[WB_HEAT_NEAR], 0x7A4A00);
	lx.format_set_bold(s[WB_HEAT_NEAR]);
	lx.format_set_bg_color(s[WB_HEAT_FAR], 0xF8C9C4);
	lx.format_set_font_color(s[WB_HEAT_FAR], 0x7F1D1D);
	lx.format_set_bold(s[WB_HEAT_FAR]);
	lx.format_set_bg_color(s[WB_HEAT_NONE], 0xECEFF3);
	lx.format_set_font_color(s[WB_HEAT_NONE], 0x6B7280);
}

struct wb_out *wb_open(const char *path, const struct wb_props *props, enum lang lang,
		       struct strbuf *warnings, struct strbuf *err)
{
	lxw_workbook_options wo = {0};
	lxw_doc_properties dp;
	struct strbuf company = STRBUF_INIT, dir = STRBUF_INIT;
	const char *slash = strrchr(path, '/');
	struct wb_out *w;

	if (!dynlib_ready(&lx_lib)) {
		strbuf_adds(err, lx_lib.error);
		return NULL;
	}
	if (lang == LANG_ZH_HANT) {
		/* Fail early and clearly if the conversion tables are missing. */
		char *probe = hant_convert_str("汉", err);

		if (!probe)
			return NULL;
		free(probe);
	}
	w = xcalloc(1, sizeof(*w));
	w->to_hant = lang == LANG_ZH_HANT;
	w->warnings = warnings;
	w->err = err;
	w->path = xstrdup(path);
	/* libxlsxwriter's own temporary files go beside the workbook, not in a fixed /tmp. */
	if (slash) {
		strbuf_add(&dir, path, (size_t)(slash - path));
		wo.tmpdir = dir.len ? dir.buf : (char *)"/";
	}
	w->wb = lx.workbook_new_opt(path, &wo);
	strbuf_release(&dir);
	if (!w->wb) {
		strbuf_addf(err, "cannot create the workbook");
		free(w->path);
		free(w);
		return NULL;
	}
	memset(&dp, 0, sizeof(dp));
	dp.title = (char *)props->title;
	wb_cell_text(&company, props->company ? props->company : "", SIZE_MAX);
	dp.company = company.buf;
	dp.created = props->created;
	check(w, lx.workbook_set_properties(w->wb, &dp), "document properties");
	strbuf_release(&company);
	make_styles(w);
	return w;
}

/* True when xml (its first and last bytes) ends where its root element ends. */
static bool xml_complete(const char *head, size_t nhead, const char *tail, size_t ntail)
{
	const char *p = head, *end = head + nhead, *name;
	size_t n;

	/* The root is the first element: skip the declaration, comments, spaces. */
	while (p < end && !(*p == '<' && p + 1 < end &&
			    ((p[1] >= 'A' && p[1] <= 'Z') || (p[1] >= 'a' && p[1] <= 'z'))))
		p++;
	if (p == end)
		return false;
	name = ++p;
	while (p < end && !strchr(" \t\r\n/>", *p))
		p++;
	n = (size_t)(p - name);
	while (ntail && strchr(" \t\r\n", tail[ntail - 1]))
		ntail--;
	return p < end && ntail >= n + 3 && tail[ntail - n - 3] == '<' &&
	       tail[ntail - n - 2] == '/' && !memcmp(tail + ntail - n - 1, name, n) &&
	       tail[ntail - 1] == '>';
}

/*
 * libxlsxwriter 1.1.4 builds each part of the workbook in a temporary file
 * and never checks those writes: on a full disk or past a file-size limit
 * a part is cut short, then zipped as if whole. So the workbook is read
 * back, and every part must unzip (CRC included) and end with its root.
 */
static int check_parts(const char *path, struct strbuf *err)
{
	enum { KEEP = 512 };
	char name[256], buf[65536], head[KEEP], tail[KEEP];
	const char *why;
	const struct libminizip *mz = libminizip_load(&why);
	unzFile z;
	int e, n = 0;
	size_t nhead, ntail;

	if (!mz) {
		strbuf_adds(err, why);
		return -1;
	}
	z = mz->unzOpen64(path);
	if (!z) {
		strbuf_addf(err, "cannot read the finished workbook back");
		return -1;
	}
	for (e = mz->unzGoToFirstFile(z); e == UNZ_OK; e = mz->unzGoToNextFile(z)) {
		e = mz->unzGetCurrentFileInfo64(z, NULL, name, sizeof(name), NULL, 0, NULL, 0);
		if (e == UNZ_OK)
			e = mz->unzOpenCurrentFile(z);
		if (e != UNZ_OK)
			break;
		nhead = ntail = 0;
		while ((n = mz->unzReadCurrentFile(z, buf, sizeof(buf))) > 0) {
			size_t k = (size_t)n, c = KEEP - nhead < k ? KEEP - nhead : k;

			memcpy(head + nhead, buf, c);
			nhead += c;
			/* The last KEEP bytes, however the reads fell. */
			if (k >= KEEP) {
				memcpy(tail, buf + k - KEEP, KEEP);
				ntail = KEEP;
			} else {
				if (ntail + k > KEEP) {
					size_t drop = ntail + k - KEEP;

					memmove(tail, tail + drop, ntail - drop);
					ntail -= drop;
				}
				memcpy(tail + ntail, buf, k);
				ntail += k;
			}
		}
		e = mz->unzCloseCurrentFile(
			z); /* UNZ_CRCERROR if the data is not what was zipped */
		if (n < 0 || e != UNZ_OK)
			break;
		if (!xml_complete(head, nhead, tail, ntail)) {
			strbuf_addf(err,
				    "its part %s was cut short while being written "
				    "(is the temporary directory full, or a file-size limit set?)",
				    name);
			mz->unzClose(z);
			return -1;
		}
	}
	mz->unzClose(z);
	if (e != UNZ_END_OF_LIST_OF_FILE || n < 0) {
		strbuf_addf(err, "the finished workbook does not read back (unzip error %d)",
			    n < 0 ? n : e);
		return -1;
	}
	return 0;
}

int wb_close(struct wb_out *w)
{
	int ret = -1;
	lxw_error e;

	set_heights(w);
	/* After a failure nothing is written: the workbook would be missing something. */
	if (w->failed) {
		lx.lxw_workbook_free(w->wb);
		goto cleanup;
	}
	errno = 0;
	e = lx.workbook_close(w->wb);
	if (e != LXW_NO_ERROR) {
		int sys = errno;

		strbuf_addf(w->err, "%s", lx.lxw_strerror(e));
		/* These are failed system calls, and errno says which. */
		if (sys && (e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE ||
			    e == LXW_ERROR_ZIP_FILE_OPERATION))
			strbuf_addf(w->err, " (%s)", strerror(sys));
		goto cleanup;
	}
	ret = check_parts(w->path, w->err);
cleanup:
	strbuf_release(&w->text);
	free(w->widths);
	free(w->lines);
	free(w->path);
	free(w);
	return ret;
}
