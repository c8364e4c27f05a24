/* The workbook machinery every XLSX export shares: one loader, one checked way in for text. */
#include "xlsx_book.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unzip.h>

#include "hant.h"
#include "report.h"
#include "term.h"
#include "textsafe.h"

/*
 * libxlsxwriter links libcrypto, whose loading alone costs every run of craf
 * more CPU time than its work on the shipped example: it is loaded with
 * dlopen when a workbook is written, and runs that write none never pay.
 */
static struct {
	void *lib;
	char error[256];
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
	void (*worksheet_freeze_panes)(lxw_worksheet *, lxw_row_t, lxw_col_t);
	lxw_error (*worksheet_autofilter)(lxw_worksheet *, lxw_row_t, lxw_col_t, lxw_row_t,
					  lxw_col_t);
	lxw_error (*worksheet_set_column)(lxw_worksheet *, lxw_col_t, lxw_col_t, double,
					  lxw_format *);
	void (*format_set_bold)(lxw_format *);
	void (*format_set_font_size)(lxw_format *, double);
	void (*format_set_font_color)(lxw_format *, lxw_color_t);
	void (*format_set_bg_color)(lxw_format *, lxw_color_t);
	void (*format_set_text_wrap)(lxw_format *);
	void (*format_set_align)(lxw_format *, uint8_t);
} lx;

static pthread_once_t lx_once = PTHREAD_ONCE_INIT;

/*
 * sizeof evaluates nothing, so nothing links against the library, but the
 * compiler still checks each pointer's type against xlsxwriter.h.
 */
#define LX_SYM(name)                                                                               \
	((void)sizeof(lx.name = name), *(void **)&lx.name = dlsym(lx.lib, #name), lx.name != NULL)

static void lx_load(void)
{
	/* The version craf was built against: another's interface may differ. */
	lx.lib = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
	if (!lx.lib) {
		snprintf(lx.error, sizeof(lx.error),
			 "XLSX output needs libxlsxwriter (Debian package libxlsxwriter4): %s",
			 dlerror());
		return;
	}
	/* POSIX lets a data pointer from dlsym stand for a function pointer. */
	if (LX_SYM(workbook_new_opt) && LX_SYM(workbook_set_properties) &&
	    LX_SYM(workbook_add_format) && LX_SYM(workbook_add_worksheet) &&
	    LX_SYM(workbook_close) && LX_SYM(lxw_workbook_free) && LX_SYM(lxw_strerror) &&
	    LX_SYM(lxw_rowcol_to_cell) && LX_SYM(worksheet_write_blank) &&
	    LX_SYM(worksheet_write_string) && LX_SYM(worksheet_write_number) &&
	    LX_SYM(worksheet_freeze_panes) && LX_SYM(worksheet_autofilter) &&
	    LX_SYM(worksheet_set_column) && LX_SYM(format_set_bold) &&
	    LX_SYM(format_set_font_size) && LX_SYM(format_set_font_color) &&
	    LX_SYM(format_set_bg_color) && LX_SYM(format_set_text_wrap) && LX_SYM(format_set_align))
		return;
	snprintf(lx.error, sizeof(lx.error), "the libxlsxwriter library lacks a function: %s",
		 dlerror());
	dlclose(lx.lib);
	lx.lib = NULL;
}

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

size_t report_xlsx_text(struct strbuf *out, const char *s, size_t max)
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
	marker = (size_t)snprintf(NULL, 0, REPORT_XLSX_TRUNCATED, chars) - 2;
	budget = max > marker ? max - marker : 0;
	for (p = s, units = 0; p < s + len; p += k, kept++) {
		k = term_utf8_decode(p, (size_t)(s + len - p), &cp);
		if (units + xml_char(NULL, p, k, cp) > budget)
			break;
		units += xml_char(out, p, k, cp);
	}
	strbuf_addf(out, REPORT_XLSX_TRUNCATED, chars - kept);
	return chars - kept;
}

void xlsx_check(struct xlsx_book *x, lxw_error e, const char *what)
{
	if (e == LXW_NO_ERROR || x->failed)
		return;
	x->failed = true;
	strbuf_addf(x->err, "%s: %s", what, lx.lxw_strerror(e));
}

/* "sheet "Gap register", cell F2 (Note, 3.1.5)": where a cell is, for people. */
static void cell_name(struct strbuf *sb, const struct xlsx_book *x, lxw_row_t row, lxw_col_t col)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];
	const char *field = x->cols && col < x->ncols	      ? x->cols[col]
			    : x->label && x->label_row == row ? x->label
							      : NULL;

	lx.lxw_rowcol_to_cell(cell, row, col);
	strbuf_addf(sb, "sheet \"%s\", cell %s", x->sheet, cell);
	if (field && x->row_id)
		strbuf_addf(sb, " (%s, %s)", field, x->row_id);
	else if (field)
		strbuf_addf(sb, " (%s)", field);
}

/*
 * Every string goes in through here: converted for zh-Hant, characters XML
 * forbids made visible, and cut to what a cell holds (with a marker and a
 * warning) rather than refused. libxlsxwriter writes strings as text, never
 * as formulas, so a leading = + - @ needs no defusing.
 */
void xlsx_put(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
	      lxw_format *f)
{
	struct strbuf where = STRBUF_INIT, err = STRBUF_INIT;
	char *hant = NULL;
	size_t cut = 0;
	lxw_error e;

	if (x->failed)
		return;
	if (col == 0) {
		x->label = s;
		x->label_row = row;
	}
	if (!s || !*s) {
		e = f ? lx.worksheet_write_blank(ws, row, col, f) : LXW_NO_ERROR;
	} else {
		if (x->to_hant) {
			hant = hant_convert_str(s, &err);
			if (!hant) {
				x->failed = true;
				strbuf_addf(x->err, "%s", strbuf_str(&err));
				goto cleanup;
			}
		}
		strbuf_reset(&x->text);
		cut = report_xlsx_text(&x->text, hant ? hant : s, REPORT_XLSX_CELL_MAX);
		e = lx.worksheet_write_string(ws, row, col, x->text.buf, f);
	}
	if (cut || e != LXW_NO_ERROR)
		cell_name(&where, x, row, col);
	if (cut)
		strbuf_addf(x->warnings,
			    "%s: the text is longer than an Excel cell holds (%d characters), "
			    "so its last %zu characters are cut\n",
			    where.buf, REPORT_XLSX_CELL_MAX, cut);
	xlsx_check(x, e, where.buf);
cleanup:
	free(hant);
	strbuf_release(&where);
	strbuf_release(&err);
}

lxw_worksheet *xlsx_sheet(struct xlsx_book *x, const char *name, const char *const *cols,
			  size_t ncols)
{
	lxw_worksheet *ws = x->failed ? NULL : lx.workbook_add_worksheet(x->wb, name);

	if (!ws && !x->failed) {
		x->failed = true;
		strbuf_addf(x->err, "cannot add the sheet \"%s\"", name);
	}
	x->sheet = name;
	x->cols = cols;
	x->ncols = ncols;
	x->row_id = NULL;
	x->label = NULL;
	return ws;
}

void xlsx_headers(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t row, const char *const *names,
		  size_t n)
{
	for (size_t i = 0; i < n; i++)
		xlsx_put(x, ws, row, (lxw_col_t)i, names[i], x->header);
}

void xlsx_number(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, double v,
		 lxw_format *f)
{
	struct strbuf where = STRBUF_INIT;
	lxw_error e;

	if (x->failed)
		return;
	e = lx.worksheet_write_number(ws, row, col, v, f);
	if (e != LXW_NO_ERROR)
		cell_name(&where, x, row, col);
	xlsx_check(x, e, where.buf ? where.buf : "a number");
	strbuf_release(&where);
}

void xlsx_freeze(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col)
{
	if (!x->failed)
		lx.worksheet_freeze_panes(ws, row, col);
}

void xlsx_filter(struct xlsx_book *x, lxw_worksheet *ws, lxw_row_t last_row, lxw_col_t last_col)
{
	if (!x->failed)
		xlsx_check(x, lx.worksheet_autofilter(ws, 0, 0, last_row, last_col), "the filter");
}

void xlsx_columns(struct xlsx_book *x, lxw_worksheet *ws, lxw_col_t first, lxw_col_t last,
		  double width)
{
	if (!x->failed)
		xlsx_check(x, lx.worksheet_set_column(ws, first, last, width, NULL),
			   "column widths");
}

lxw_format *xlsx_book_format(struct xlsx_book *x, lxw_color_t bg, lxw_color_t fg, bool bold)
{
	lxw_format *f = x->failed ? NULL : lx.workbook_add_format(x->wb);

	if (!f) {
		xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "cell formats");
		return NULL;
	}
	lx.format_set_bg_color(f, bg);
	lx.format_set_font_color(f, fg);
	if (bold)
		lx.format_set_bold(f);
	lx.format_set_align(f, LXW_ALIGN_CENTER);
	return f;
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
	unzFile z = unzOpen64(path);
	int e, n = 0;
	size_t nhead, ntail;

	if (!z) {
		strbuf_addf(err, "cannot read the finished workbook back");
		return -1;
	}
	for (e = unzGoToFirstFile(z); e == UNZ_OK; e = unzGoToNextFile(z)) {
		e = unzGetCurrentFileInfo64(z, NULL, name, sizeof(name), NULL, 0, NULL, 0);
		if (e == UNZ_OK)
			e = unzOpenCurrentFile(z);
		if (e != UNZ_OK)
			break;
		nhead = ntail = 0;
		while ((n = unzReadCurrentFile(z, buf, sizeof(buf))) > 0) {
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
		e = unzCloseCurrentFile(z); /* UNZ_CRCERROR if the data is not what was zipped */
		if (n < 0 || e != UNZ_OK)
			break;
		if (!xml_complete(head, nhead, tail, ntail)) {
			strbuf_addf(err,
				    "its part %s was cut short while being written "
				    "(is the temporary directory full, or a file-size limit set?)",
				    name);
			unzClose(z);
			return -1;
		}
	}
	unzClose(z);
	if (e != UNZ_END_OF_LIST_OF_FILE || n < 0) {
		strbuf_addf(err, "the finished workbook does not read back (unzip error %d)",
			    n < 0 ? n : e);
		return -1;
	}
	return 0;
}

int xlsx_book_open(struct xlsx_book *x, const char *path, const char *title, const char *company,
		   enum lang lang, time_t now, struct strbuf *warnings, struct strbuf *err)
{
	lxw_workbook_options wo = {0};
	lxw_doc_properties props;
	struct strbuf comp = STRBUF_INIT, dir = STRBUF_INIT;
	const char *slash = strrchr(path, '/');
	int ret = -1;

	memset(x, 0, sizeof(*x));
	x->lang = lang;
	x->to_hant = lang == LANG_ZH_HANT;
	x->warnings = warnings;
	x->err = err;
	pthread_once(&lx_once, lx_load);
	if (!lx.lib) {
		strbuf_addf(err, "%s", lx.error);
		return -1;
	}
	if (x->to_hant) {
		/* Fail early and clearly if the conversion tables are missing. */
		char *probe = hant_convert_str("汉", err);

		if (!probe)
			return -1;
		free(probe);
	}
	/* libxlsxwriter's own temporary files go beside the workbook, not in a fixed /tmp. */
	if (slash) {
		strbuf_add(&dir, path, (size_t)(slash - path));
		wo.tmpdir = dir.len ? dir.buf : (char *)"/";
	}
	x->wb = lx.workbook_new_opt(path, &wo);
	if (!x->wb) {
		strbuf_addf(err, "cannot create the workbook");
		goto cleanup;
	}
	memset(&props, 0, sizeof(props));
	props.title = (char *)title;
	report_xlsx_text(&comp, company ? company : "", SIZE_MAX);
	props.company = comp.buf;
	/* A fixed creation time keeps the workbook reproducible. */
	props.created = now;
	xlsx_check(x, lx.workbook_set_properties(x->wb, &props), "document properties");
	x->title = lx.workbook_add_format(x->wb);
	x->header = lx.workbook_add_format(x->wb);
	x->wrap = lx.workbook_add_format(x->wb);
	x->bold = lx.workbook_add_format(x->wb);
	x->overdue = lx.workbook_add_format(x->wb);
	x->ok = lx.workbook_add_format(x->wb);
	x->bad = lx.workbook_add_format(x->wb);
	if (!x->title || !x->header || !x->wrap || !x->bold || !x->overdue || !x->ok || !x->bad)
		xlsx_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, "cell formats");
	if (x->failed) {
		lx.lxw_workbook_free(x->wb);
		x->wb = NULL;
		goto cleanup;
	}
	lx.format_set_bold(x->title);
	lx.format_set_font_size(x->title, 16);
	lx.format_set_bold(x->header);
	lx.format_set_font_color(x->header, LXW_COLOR_WHITE);
	lx.format_set_bg_color(x->header, 0x1D4F91);
	lx.format_set_text_wrap(x->header);
	lx.format_set_text_wrap(x->wrap);
	lx.format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_bold(x->bold);
	lx.format_set_text_wrap(x->overdue);
	lx.format_set_align(x->overdue, LXW_ALIGN_VERTICAL_TOP);
	lx.format_set_bg_color(x->overdue, 0xFDECEA);
	lx.format_set_font_color(x->ok, 0x1F7A5A);
	lx.format_set_bold(x->ok);
	lx.format_set_font_color(x->bad, 0xB42318);
	lx.format_set_bold(x->bad);
	ret = 0;
cleanup:
	if (ret)
		strbuf_release(&x->text);
	strbuf_release(&comp);
	strbuf_release(&dir);
	return ret;
}

int xlsx_book_close(struct xlsx_book *x, const char *path)
{
	lxw_error e;
	int ret = -1;

	/* After a failure nothing is written: the workbook would be missing something. */
	if (x->failed) {
		lx.lxw_workbook_free(x->wb);
		goto cleanup;
	}
	errno = 0;
	e = lx.workbook_close(x->wb);
	if (e != LXW_NO_ERROR) {
		int sys = errno;

		strbuf_addf(x->err, "%s", lx.lxw_strerror(e));
		/* These are failed system calls, and errno says which. */
		if (sys && (e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE ||
			    e == LXW_ERROR_ZIP_FILE_OPERATION))
			strbuf_addf(x->err, " (%s)", strerror(sys));
		goto cleanup;
	}
	ret = check_parts(path, x->err);
cleanup:
	x->wb = NULL;
	strbuf_release(&x->text);
	return ret;
}
