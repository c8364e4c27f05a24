/* The gap register as an Excel workbook: summary, gaps and every answer, formatted. */
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "report_text.h"
#include "xlsx_book.h"

static void summary_sheet(struct xlsx_book *x, const struct result *r)
{
	const char *const cols[] = {"Domain",	"Name",		"Achieved", "Meets target",
				    "Baseline", "Intermediate", "Advanced"};
	lxw_worksheet *ws = xlsx_sheet(x, "Summary", NULL, 0);
	struct strbuf v = STRBUF_INIT;
	char date[11];
	lxw_row_t row = 0;

	if (!ws)
		return;

	xlsx_put(x, ws, row++, 0, msg(x->lang, MSG_REPORT_TITLE), x->title);
	row++;
	xlsx_put(x, ws, row, 0, msg(x->lang, MSG_INSTITUTION), x->bold);
	xlsx_put(x, ws, row++, 1, r->institution, NULL);
	xlsx_put(x, ws, row, 0, msg(x->lang, MSG_ASSESSED), x->bold);
	xlsx_put(x, ws, row++, 1, date_format(&r->assessment_date, date), NULL);
	if (r->assessor) {
		xlsx_put(x, ws, row, 0, "Assessor", x->bold);
		xlsx_put(x, ws, row++, 1, r->assessor, NULL);
	}
	if (r->scope) {
		xlsx_put(x, ws, row, 0, msg(x->lang, MSG_SCOPE), x->bold);
		xlsx_put(x, ws, row++, 1, r->scope, NULL);
	}
	strbuf_addf(&v, "%s %s", r->framework, r->catalogue_version);
	xlsx_put(x, ws, row, 0, msg(x->lang, MSG_CATALOGUE), x->bold);
	xlsx_put(x, ws, row++, 1, v.buf, NULL);
	strbuf_reset(&v);
	strbuf_addf(&v, "%s (%s)", level_name(r->target),
		    r->target_source == TARGET_INHERENT_RISK  ? "from inherent risk"
		    : r->target_source == TARGET_COMMAND_LINE ? "set on the command line"
							      : "set in the answers file");
	xlsx_put(x, ws, row, 0, msg(x->lang, MSG_TARGET), x->bold);
	xlsx_put(x, ws, row++, 1, v.buf, NULL);
	if (r->inherent_risk != RISK_NONE) {
		strbuf_reset(&v);
		report_risk_summary(&v, r, x->lang);
		xlsx_put(x, ws, row, 0, msg(x->lang, MSG_INHERENT_RISK), x->bold);
		xlsx_put(x, ws, row++, 1, v.buf, NULL);
		if (r->risk.override != RISK_NONE && r->risk.justification) {
			xlsx_put(x, ws, row, 0, msg(x->lang, MSG_RISK_JUSTIFICATION), x->bold);
			xlsx_put(x, ws, row++, 1, r->risk.justification, NULL);
		}
	}
	xlsx_put(x, ws, row, 0, msg(x->lang, MSG_OVERALL), x->bold);
	xlsx_put(x, ws, row++, 1, level_name(r->overall), r->overall >= r->target ? x->ok : x->bad);
	xlsx_put(x, ws, row, 0, "Gaps", x->bold);
	xlsx_number(x, ws, row++, 1, (double)r->summary.gaps, NULL);
	xlsx_put(x, ws, row, 0, "Overdue remediations", x->bold);
	xlsx_number(x, ws, row++, 1, (double)r->summary.overdue, NULL);
	row++;
	xlsx_headers(x, ws, row, cols, 7);
	xlsx_freeze(x, ws, row + 1, 0);
	/* Below the headers, cells are named by them. */
	x->cols = cols;
	x->ncols = 7;
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];

		row++;
		x->row_id = rd->id;
		xlsx_put(x, ws, row, 0, rd->id, NULL);
		xlsx_put(x, ws, row, 1, text_get(&rd->name, x->lang), NULL);
		xlsx_put(x, ws, row, 2, level_name(rd->achieved),
			 rd->meets_target ? x->ok : x->bad);
		xlsx_put(x, ws, row, 3, rd->meets_target ? "yes" : "no", NULL);
		for (int l = 0; l < LEVEL_COUNT; l++) {
			strbuf_reset(&v);
			strbuf_addf(&v, "%u/%u", rd->achieved_count[l], rd->required[l]);
			xlsx_put(x, ws, row, (lxw_col_t)(4 + l), v.buf, NULL);
		}
	}
	xlsx_columns(x, ws, 0, 0, 22);
	xlsx_columns(x, ws, 1, 1, 40);
	xlsx_columns(x, ws, 2, 6, 14);
	strbuf_release(&v);
}

static void gap_sheet(struct xlsx_book *x, const struct result *r)
{
	const char *const cols[] = {"Control",
				    "Name",
				    "Level",
				    "Status",
				    "Requirement",
				    "Note",
				    "Evidence",
				    "Action",
				    "Owner",
				    "Due",
				    "Overdue",
				    "Responsibility",
				    "Tencent Cloud products"};
	const size_t ncols = sizeof(cols) / sizeof(cols[0]);
	lxw_worksheet *ws = xlsx_sheet(x, "Gap register", cols, ncols);
	struct strbuf v = STRBUF_INIT;
	char date[11];

	if (!ws)
		return;
	xlsx_headers(x, ws, 0, cols, ncols);
	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];
		lxw_row_t row = (lxw_row_t)(g + 1);
		lxw_format *f = rl->overdue ? x->overdue : x->wrap;

		x->row_id = c->id;

		xlsx_put(x, ws, row, 0, c->id, f);
		xlsx_put(x, ws, row, 1, text_get(&c->name, x->lang), f);
		xlsx_put(x, ws, row, 2, c->single ? "all" : level_name(rl->level), f);
		xlsx_put(x, ws, row, 3, status_name(rl->status), f);
		xlsx_put(x, ws, row, 4, text_get(&rl->requirement, x->lang), f);
		xlsx_put(x, ws, row, 5, rl->note, f);
		strbuf_reset(&v);
		for (size_t e = 0; e < rl->evidence.nr; e++)
			strbuf_addf(&v, "%s%s", e ? "\n" : "", rl->evidence.items[e]);
		xlsx_put(x, ws, row, 6, v.buf, f);
		xlsx_put(x, ws, row, 7, rl->has_remediation ? rl->remediation.action : NULL, f);
		xlsx_put(x, ws, row, 8, rl->has_remediation ? rl->remediation.owner : NULL, f);
		xlsx_put(x, ws, row, 9,
			 rl->has_remediation ? date_format(&rl->remediation.due, date) : NULL, f);
		xlsx_put(x, ws, row, 10, rl->overdue ? "yes" : "no", f);
		xlsx_put(x, ws, row, 11,
			 c->responsibility == RESP_NONE ? NULL
							: responsibility_name(c->responsibility),
			 f);
		strbuf_reset(&v);
		for (size_t k = 0; k < c->nproducts; k++)
			strbuf_addf(&v, "%s%s", k ? ", " : "", r->products[c->products[k]].abbr);
		xlsx_put(x, ws, row, 12, v.buf, f);
	}
	xlsx_freeze(x, ws, 1, 1);
	xlsx_filter(x, ws, (lxw_row_t)r->ngaps, (lxw_col_t)(ncols - 1));
	xlsx_columns(x, ws, 0, 0, 9);
	xlsx_columns(x, ws, 1, 1, 30);
	xlsx_columns(x, ws, 2, 3, 13);
	xlsx_columns(x, ws, 4, 6, 50);
	xlsx_columns(x, ws, 7, 7, 40);
	xlsx_columns(x, ws, 8, 12, 16);
	strbuf_release(&v);
}

static void answers_sheet(struct xlsx_book *x, const struct result *r)
{
	const char *const cols[] = {"Control", "Domain",   "Component", "Name", "Level",
				    "Status",  "Achieved", "Evidence",	"Note", "Action",
				    "Owner",   "Due",	   "Expires"};
	const size_t ncols = sizeof(cols) / sizeof(cols[0]);
	lxw_worksheet *ws = xlsx_sheet(x, "Answers", cols, ncols);
	struct strbuf v = STRBUF_INIT;
	lxw_row_t row = 0;
	char date[11];

	if (!ws)
		return;
	xlsx_headers(x, ws, 0, cols, ncols);
	for (size_t i = 0; i < r->ncontrols; i++) {
		const struct result_control *c = &r->controls[i];
		const struct result_domain *rd = &r->domains[c->domain];

		for (size_t l = 0; l < c->nlevels; l++) {
			const struct result_level *rl = &c->levels[l];

			row++;
			x->row_id = c->id;
			xlsx_put(x, ws, row, 0, c->id, x->wrap);
			xlsx_put(x, ws, row, 1, rd->id, x->wrap);
			xlsx_put(x, ws, row, 2, rd->components[c->component].id, x->wrap);
			xlsx_put(x, ws, row, 3, text_get(&c->name, x->lang), x->wrap);
			xlsx_put(x, ws, row, 4, c->single ? "all" : level_name(rl->level), x->wrap);
			xlsx_put(x, ws, row, 5, status_name(rl->status), x->wrap);
			xlsx_put(x, ws, row, 6, rl->achieved ? "yes" : "no",
				 rl->achieved ? x->ok : x->bad);
			strbuf_reset(&v);
			for (size_t e = 0; e < rl->evidence.nr; e++)
				strbuf_addf(&v, "%s%s", e ? "\n" : "", rl->evidence.items[e]);
			xlsx_put(x, ws, row, 7, v.buf, x->wrap);
			xlsx_put(x, ws, row, 8, rl->note, x->wrap);
			xlsx_put(x, ws, row, 9, rl->has_remediation ? rl->remediation.action : NULL,
				 x->wrap);
			xlsx_put(x, ws, row, 10, rl->has_remediation ? rl->remediation.owner : NULL,
				 x->wrap);
			xlsx_put(x, ws, row, 11,
				 rl->has_remediation ? date_format(&rl->remediation.due, date)
						     : NULL,
				 x->wrap);
			xlsx_put(x, ws, row, 12,
				 date_is_set(&rl->expires) ? date_format(&rl->expires, date) : NULL,
				 x->wrap);
		}
	}
	xlsx_freeze(x, ws, 1, 1);
	xlsx_filter(x, ws, row, (lxw_col_t)(ncols - 1));
	xlsx_columns(x, ws, 0, 2, 10);
	xlsx_columns(x, ws, 3, 3, 30);
	xlsx_columns(x, ws, 4, 6, 13);
	xlsx_columns(x, ws, 7, 9, 45);
	xlsx_columns(x, ws, 10, 12, 16);
	strbuf_release(&v);
}

int report_xlsx_write(const char *path, const struct result *r, const struct report_options *o,
		      struct strbuf *warnings, struct strbuf *err)
{
	struct xlsx_book x;

	if (xlsx_book_open(&x, path, "C-RAF 2.0 maturity-gap report", r->institution, o->lang,
			   o->now, warnings, err))
		return -1;
	summary_sheet(&x, r);
	gap_sheet(&x, r);
	answers_sheet(&x, r);
	return xlsx_book_close(&x, path);
}
