/* Maturity over several assessment cycles: text, JSON, and HTML with a line chart. */
#include "trend_render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "out_html.h"
#include "out_text.h"
#include "report_text.h"
#include "term.h"
#include "trend.h"
#include "xalloc.h"

/* Columns of the text table: a label, then a cycle every CELL_COL columns. */
#define LABEL_COL 30
#define CELL_COL  15

static void text_row(struct txt_out *out, const char *label, int label_col,
		     const char *const *cells, size_t from, size_t to)
{
	txt_raw(out, "  ");
	txt_pad_cut(out, label, label_col);
	for (size_t i = from; i < to; i++) {
		txt_raw(out, " ");
		if (i + 1 < to)
			txt_pad(out, cells[i], CELL_COL - 1);
		else
			txt_text(out, cells[i]);
	}
	txt_raw(out, "\n");
}

/* The widest cell: a date, a level name or a count. */
static int widest_cell(const struct result **c, size_t n, enum lang lang)
{
	int w = 10;

	for (int l = LEVEL_NONE; l < LEVEL_COUNT; l++)
		if (term_width(report_level_name((enum level)l, lang)) > w)
			w = term_width(report_level_name((enum level)l, lang));
	for (size_t i = 0; i < n; i++) {
		char num[24];
		int k = snprintf(num, sizeof(num), "%zu", c[i]->summary.gaps);

		if (k > w)
			w = k;
		k = snprintf(num, sizeof(num), "%zu", c[i]->summary.overdue);
		if (k > w)
			w = k;
	}
	return w;
}

void trend_text_render(struct txt_out *out, const struct result **c, size_t n, enum lang lang,
		       int width)
{
	const char **cells = xcalloc(n, sizeof(*cells));
	char(*nums)[24] = xcalloc(n, sizeof(*nums));
	char(*dates)[11] = xcalloc(n, sizeof(*dates));
	size_t nrows, per_block = 1;
	struct trend_domain *rows = trend_domains(c, n, &nrows);
	struct txt_out line = TXT_OUT_INIT;
	int cell = widest_cell(c, n, lang), label_col = LABEL_COL;

	/* As many cycles side by side as fit; at least one, with shortened labels if need be. */
	if (2 + label_col + 1 + cell > width)
		label_col = width - 3 - cell > 8 ? width - 3 - cell : 8;
	while (2 + label_col + (int)per_block * CELL_COL + 1 + cell <= width)
		per_block++;

	txt_text(out, msg(lang, MSG_TREND_TITLE));
	txt_raw(out, "\n");
	for (int i = term_width(msg(lang, MSG_TREND_TITLE)); i > 0; i--)
		txt_raw(out, "=");
	txt_raw(out, "\n\n  ");
	txt_pad(out, msg(lang, MSG_INSTITUTION), 12);
	txt_raw(out, " ");
	txt_wrap_hanging(out, c[n - 1]->institution, 15, term_prose_width(width));
	for (size_t i = 0; i < n; i++)
		date_format(&c[i]->assessment_date, dates[i]);
	/* The date range stays on one line. */
	txt_rawf(&line, "%zu ", n);
	txt_text(&line, msg_n(lang, MSG_TREND_CYCLES, n));
	txt_raw(&line, ", ");
	txt_text(&line, dates[0]);
	txt_rawf(&line, "%c..%c", TERM_NBSP, TERM_NBSP);
	txt_text(&line, dates[n - 1]);
	txt_raw(out, "\n  ");
	txt_wrap_styled(out, &line, 2, 2, term_prose_width(width));
	txt_raw(out, "\n");
	txt_release(&line);
	for (size_t from = 0; from < n; from += per_block) {
		size_t to = from + per_block < n ? from + per_block : n;

		txt_raw(out, "\n");
		for (size_t i = 0; i < n; i++)
			cells[i] = dates[i];
		text_row(out, "", label_col, cells, from, to);
		for (size_t i = 0; i < n; i++)
			cells[i] = report_level_name(c[i]->target, lang);
		text_row(out, msg(lang, MSG_TARGET), label_col, cells, from, to);
		for (size_t i = 0; i < n; i++)
			cells[i] = report_level_name(c[i]->overall, lang);
		text_row(out, msg(lang, MSG_OVERALL), label_col, cells, from, to);
		for (size_t d = 0; d < nrows; d++) {
			struct strbuf label = STRBUF_INIT;

			/* User text: text_row makes it safe. */
			strbuf_addf(&label, "%s %s", rows[d].id, text_get(&rows[d].name, lang));
			for (size_t i = 0; i < n; i++) {
				int l = trend_domain_level(c[i], rows[d].id);

				cells[i] = l < LEVEL_NONE ? "-"
							  : report_level_name((enum level)l, lang);
			}
			text_row(out, label.buf, label_col, cells, from, to);
			strbuf_release(&label);
		}
		for (size_t i = 0; i < n; i++) {
			snprintf(nums[i], sizeof(nums[i]), "%zu", c[i]->summary.gaps);
			cells[i] = nums[i];
		}
		text_row(out, msg(lang, MSG_GAPS_LABEL), label_col, cells, from, to);
		for (size_t i = 0; i < n; i++) {
			snprintf(nums[i], sizeof(nums[i]), "%zu", c[i]->summary.overdue);
			cells[i] = nums[i];
		}
		text_row(out, msg(lang, MSG_OVERDUE_LABEL), label_col, cells, from, to);
	}
	free(rows);
	free(dates);
	free(nums);
	free(cells);
}

void trend_json_render(struct strbuf *out, const struct result **c, size_t n)
{
	struct jsonw w;
	char date[11];

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_str(&w, "schema", "craf-trend/1");
	jsonw_array(&w, "cycles", false);
	for (size_t i = 0; i < n; i++) {
		jsonw_object(&w, NULL);
		jsonw_str(&w, "institution", c[i]->institution);
		jsonw_str(&w, "assessment_date", date_format(&c[i]->assessment_date, date));
		jsonw_str(&w, "source", c[i]->answers_path);
		jsonw_str(&w, "target", level_name(c[i]->target));
		jsonw_str(&w, "overall", level_name(c[i]->overall));
		jsonw_int(&w, "gaps", (long long)c[i]->summary.gaps);
		jsonw_int(&w, "overdue_remediations", (long long)c[i]->summary.overdue);
		/* Domain ids are checked ids (src/util/ids.c), safe as keys. */
		jsonw_object(&w, "domains");
		for (size_t d = 0; d < c[i]->ndomains; d++)
			jsonw_str(&w, c[i]->domains[d].id, level_name(c[i]->domains[d].achieved));
		jsonw_end(&w);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
}

/* A row of the table under the chart: each cycle's target, or its overall level. */
static void html_level_row(struct html_out *out, const char *label, const struct result **c,
			   size_t n, bool overall, enum lang lang)
{
	html_raw(out, "<tr><td>");
	html_text(out, label);
	html_raw(out, "</td>");
	for (size_t i = 0; i < n; i++) {
		html_raw(out, "<td>");
		html_text(out, report_level_name(overall ? c[i]->overall : c[i]->target, lang));
		html_raw(out, "</td>");
	}
	html_raw(out, "</tr>");
}

/* The chart's plot area: where each cycle and each level fall. */
struct plot {
	int left, top, w, h;
	size_t n; /* cycles */
};

/* Cycle i, spread evenly across; a single cycle in the middle. */
static int plot_x(const struct plot *p, size_t i)
{
	return p->n > 1 ? p->left + (int)(p->w * i / (p->n - 1)) : p->left + p->w / 2;
}

/* Level l, from none at the bottom to advanced at the top. */
static int plot_y(const struct plot *p, int l)
{
	return p->top + p->h - p->h * (l + 1) / 3;
}

void trend_html_render(struct html_out *out, const struct result **c, size_t n, enum lang lang)
{
	static const char *const colours[] = {"#1d4f91", "#1f7a5a", "#b42318", "#a15c00",
					      "#6b3fa0", "#0e7490", "#be185d", "#4d7c0f"};
	const int left = 110, right = 240, top = 30, bottom = 50, width = 1000, height = 360;
	const int pw = width - left - right, ph = height - top - bottom;
	const struct plot p = {left, top, pw, ph, n};
	size_t nrows;
	struct trend_domain *rows = trend_domains(c, n, &nrows);
	char date[11];

	html_raw(out, "<!DOCTYPE html>\n<html lang=\"");
	html_attr(out, lang == LANG_ZH_HANT ? "zh-Hant-HK" : lang == LANG_ZH ? "zh-Hans" : "en");
	html_raw(out, "\"><head><meta charset=\"utf-8\"><title>");
	html_attr(out, msg(lang, MSG_TREND_TITLE));
	html_raw(out,
		 "</title><style>body{margin:0;background:#f5f7fa;color:#1c2430;font:15px/1.5 "
		 "-apple-system,'Segoe UI',Roboto,Arial,sans-serif}main{max-width:1040px;margin:0 "
		 "auto;padding:36px 28px}h1{margin:0 0 4px}h2{font-size:18px;margin:30px 0 10px}"
		 ".panel{background:#fff;border:1px solid #d9dee5;border-radius:10px;padding:16px}"
		 "table{width:100%;border-collapse:collapse;background:#fff;font-size:14px}"
		 "th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #d9dee5}"
		 "th{background:#eef1f5;font-size:12px;text-transform:uppercase;color:#5b6675}"
		 "</style></head><body><main><h1>");
	html_text(out, msg(lang, MSG_TREND_TITLE));
	html_raw(out, "</h1><p>");
	html_text(out, c[n - 1]->institution);
	html_rawf(out,
		  "</p><div class=\"panel\"><svg viewBox=\"0 0 %d %d\" width=\"100%%\" "
		  "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">",
		  width, height);
	for (int l = LEVEL_NONE; l < LEVEL_COUNT; l++) {
		int y = plot_y(&p, l);

		html_rawf(out,
			  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d9dee5\"/>"
			  "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" "
			  "fill=\"#5b6675\">",
			  left, y, left + pw, y, left - 8, y + 4);
		html_attr(out, report_level_name((enum level)l, lang));
		html_raw(out, "</text>");
	}
	for (size_t i = 0; i < n; i++) {
		html_rawf(out,
			  "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" "
			  "fill=\"#5b6675\">",
			  plot_x(&p, i), height - bottom + 22);
		html_attr(out, date_format(&c[i]->assessment_date, date));
		html_raw(out, "</text>");
	}
	for (size_t d = 0; d < nrows; d++) {
		const char *colour = colours[d % (sizeof(colours) / sizeof(colours[0]))];
		/* A small offset per domain keeps equal levels from hiding each other. */
		int off = (int)(d % 7) * 3 - 9;

		html_raw(out, "<polyline fill=\"none\" stroke=\"");
		html_attr(out, colour);
		html_raw(out, "\" stroke-width=\"2.5\" points=\"");
		for (size_t i = 0; i < n; i++) {
			int l = trend_domain_level(c[i], rows[d].id);

			if (l >= LEVEL_NONE)
				html_rawf(out, "%d,%d ", plot_x(&p, i), plot_y(&p, l) + off);
		}
		html_raw(out, "\"/>");
		for (size_t i = 0; i < n; i++) {
			int l = trend_domain_level(c[i], rows[d].id);

			if (l < LEVEL_NONE)
				continue;
			html_rawf(out, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"", plot_x(&p, i),
				  plot_y(&p, l) + off);
			html_attr(out, colour);
			html_raw(out, "\"/>");
		}
		html_rawf(out, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"",
			  left + pw + 24, top + 8 + (int)d * 20);
		html_attr(out, colour);
		html_rawf(out, "\"/><text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1c2430\">",
			  left + pw + 44, top + 13 + (int)d * 20);
		html_attr(out, rows[d].id);
		html_raw(out, " ");
		html_attr(out, text_get(&rows[d].name, lang));
		html_raw(out, "</text>");
	}
	html_raw(out, "</svg></div><h2>");
	html_text(out, msg(lang, MSG_GAPS_LABEL));
	html_raw(out, "</h2><table><thead><tr><th></th>");
	for (size_t i = 0; i < n; i++) {
		html_raw(out, "<th>");
		html_text(out, date_format(&c[i]->assessment_date, date));
		html_raw(out, "</th>");
	}
	html_raw(out, "</tr></thead><tbody>");
	html_level_row(out, msg(lang, MSG_TARGET), c, n, false, lang);
	html_level_row(out, msg(lang, MSG_OVERALL), c, n, true, lang);
	html_raw(out, "<tr><td>");
	html_text(out, msg(lang, MSG_GAPS_LABEL));
	html_raw(out, "</td>");
	for (size_t i = 0; i < n; i++)
		html_rawf(out, "<td>%zu</td>", c[i]->summary.gaps);
	html_raw(out, "</tr></tbody></table></main></body></html>\n");
	free(rows);
}
