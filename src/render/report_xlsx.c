/* The gap register as an Excel workbook: summary, gaps and every answer, formatted. */
#include <stdint.h>
#include <string.h>

#include "names.h"
#include "out_xlsx.h"
#include "report.h"
#include "report_text.h"

struct xl {
	struct wb_out *w;
	enum lang lang;
};

static void summary_sheet(struct xl *x, const struct result *r)
{
	const char *const cols[] = {"Domain",	"Name",		"Achieved", "Meets target",
				    "Baseline", "Intermediate", "Advanced"};
	wb_sheet(x->w, "Summary", NULL, 0);
	struct strbuf v = STRBUF_INIT;
	char date[11];
	size_t row = 0;

	wb_columns(x->w, 0, 0, 22, WB_PLAIN);
	wb_columns(x->w, 1, 1, 40, WB_PLAIN);
	wb_columns(x->w, 2, 6, 14, WB_PLAIN);

	wb_text(x->w, row++, 0, msg(x->lang, MSG_REPORT_TITLE), WB_TITLE);
	row++;
	wb_text(x->w, row, 0, msg(x->lang, MSG_INSTITUTION), WB_BOLD);
	wb_text(x->w, row++, 1, r->institution, WB_PLAIN);
	wb_text(x->w, row, 0, msg(x->lang, MSG_ASSESSED), WB_BOLD);
	wb_text(x->w, row++, 1, date_format(&r->assessment_date, date), WB_PLAIN);
	if (r->assessor) {
		wb_text(x->w, row, 0, "Assessor", WB_BOLD);
		wb_text(x->w, row++, 1, r->assessor, WB_PLAIN);
	}
	if (r->scope) {
		wb_text(x->w, row, 0, msg(x->lang, MSG_SCOPE), WB_BOLD);
		wb_text(x->w, row++, 1, r->scope, WB_PLAIN);
	}
	strbuf_addf(&v, "%s %s", r->framework, r->catalogue_version);
	wb_text(x->w, row, 0, msg(x->lang, MSG_CATALOGUE), WB_BOLD);
	wb_text(x->w, row++, 1, v.buf, WB_PLAIN);
	strbuf_reset(&v);
	strbuf_addf(&v, "%s (%s)", level_name(r->target),
		    r->target_source == TARGET_INHERENT_RISK  ? "from inherent risk"
		    : r->target_source == TARGET_COMMAND_LINE ? "set on the command line"
							      : "set in the answers file");
	wb_text(x->w, row, 0, msg(x->lang, MSG_TARGET), WB_BOLD);
	wb_text(x->w, row++, 1, v.buf, WB_PLAIN);
	if (r->inherent_risk != RISK_NONE) {
		strbuf_reset(&v);
		report_risk_summary(&v, r, x->lang);
		wb_text(x->w, row, 0, msg(x->lang, MSG_INHERENT_RISK), WB_BOLD);
		wb_text(x->w, row++, 1, v.buf, WB_PLAIN);
		if (r->risk.override != RISK_NONE && r->risk.justification) {
			wb_text(x->w, row, 0, msg(x->lang, MSG_RISK_JUSTIFICATION), WB_BOLD);
			wb_text(x->w, row++, 1, r->risk.justification, WB_PLAIN);
		}
	}
	wb_text(x->w, row, 0, msg(x->lang, MSG_OVERALL), WB_BOLD);
	wb_text(x->w, row++, 1, level_name(r->overall), r->overall >= r->target ? WB_OK : WB_BAD);
	wb_text(x->w, row, 0, "Gaps", WB_BOLD);
	wb_number(x->w, row++, 1, (double)r->summary.gaps, WB_PLAIN);
	wb_text(x->w, row, 0, "Overdue remediations", WB_BOLD);
	wb_number(x->w, row++, 1, (double)r->summary.overdue, WB_PLAIN);
	/* Workbooks without file evidence read as before. */
	if (r->summary.evidence_files) {
		wb_text(x->w, row, 0, "Evidence files", WB_BOLD);
		wb_number(x->w, row++, 1, (double)r->summary.evidence_files, WB_PLAIN);
		wb_text(x->w, row, 0, msg(x->lang, MSG_STALE_SECTION), WB_BOLD);
		wb_number(x->w, row++, 1, (double)r->summary.stale_evidence, WB_PLAIN);
	}
	row++;
	wb_headers(x->w, row, cols, 7);
	wb_freeze(x->w, row + 1, 0);
	wb_print_setup(x->w, row, row);
	/* Below the headers, cells are named by them. */
	wb_name_columns(x->w, cols, 7);
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];

		row++;
		wb_row_about(x->w, rd->id);
		wb_text(x->w, row, 0, rd->id, WB_PLAIN);
		wb_text(x->w, row, 1, text_get(&rd->name, x->lang), WB_PLAIN);
		wb_text(x->w, row, 2, level_name(rd->achieved), rd->meets_target ? WB_OK : WB_BAD);
		wb_text(x->w, row, 3, rd->meets_target ? "yes" : "no", WB_PLAIN);
		for (int l = 0; l < LEVEL_COUNT; l++) {
			strbuf_reset(&v);
			strbuf_addf(&v, "%u/%u", rd->achieved_count[l], rd->required[l]);
			wb_text(x->w, row, (size_t)(4 + l), v.buf, WB_PLAIN);
		}
	}
	strbuf_release(&v);
}

static void gap_sheet(struct xl *x, const struct result *r)
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
	const size_t ncols = ARRAY_SIZE(cols);
	/* Widths that print on landscape A4 at about two-thirds size; long text wraps. */
	static const double widths[] = {8, 18, 12, 13, 40, 30, 30, 28, 13, 11, 9, 14, 16};
	wb_sheet(x->w, "Gap register", cols, ncols);
	struct strbuf v = STRBUF_INIT;
	char date[11];

	wb_widths(x->w, widths, ncols);
	wb_headers(x->w, 0, cols, ncols);
	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];
		size_t row = (size_t)(g + 1);
		enum wb_style f = rl->overdue ? WB_OVERDUE : WB_WRAP;

		wb_row_about(x->w, c->id);

		wb_text(x->w, row, 0, c->id, f);
		wb_text(x->w, row, 1, text_get(&c->name, x->lang), f);
		wb_text(x->w, row, 2, c->single ? "all" : level_name(rl->level), f);
		wb_text(x->w, row, 3, status_name(rl->status), f);
		wb_text(x->w, row, 4, text_get(&rl->requirement, x->lang), f);
		wb_text(x->w, row, 5, rl->note, f);
		strbuf_reset(&v);
		for (size_t e = 0; e < rl->evidence.nr; e++)
			strbuf_addf(&v, "%s%s", e ? "\n" : "", rl->evidence.items[e]);
		wb_text(x->w, row, 6, v.buf, f);
		wb_text(x->w, row, 7, rl->has_remediation ? rl->remediation.action : NULL, f);
		wb_text(x->w, row, 8, rl->has_remediation ? rl->remediation.owner : NULL, f);
		wb_text(x->w, row, 9,
			rl->has_remediation ? date_format(&rl->remediation.due, date) : NULL, f);
		wb_text(x->w, row, 10, rl->overdue ? "yes" : "no", f);
		wb_text(x->w, row, 11,
			c->responsibility == RESP_NONE ? NULL
						       : responsibility_name(c->responsibility),
			f);
		strbuf_reset(&v);
		for (size_t k = 0; k < c->nproducts; k++)
			strbuf_addf(&v, "%s%s", k ? ", " : "", r->products[c->products[k]].abbr);
		wb_text(x->w, row, 12, v.buf, f);
	}
	wb_table(x->w, 0, r->ngaps, ncols);
	strbuf_release(&v);
}

static void answers_sheet(struct xl *x, const struct result *r)
{
	const char *const cols[] = {"Control", "Domain",   "Component", "Name", "Level",
				    "Status",  "Achieved", "Evidence",	"Note", "Action",
				    "Owner",   "Due",	   "Expires"};
	const size_t ncols = ARRAY_SIZE(cols);
	static const double widths[] = {8, 8, 10, 18, 12, 13, 9, 34, 30, 26, 13, 11, 11};
	wb_sheet(x->w, "Answers", cols, ncols);
	struct strbuf v = STRBUF_INIT;
	size_t row = 0;
	char date[11];

	wb_widths(x->w, widths, ncols);
	wb_headers(x->w, 0, cols, ncols);
	for (size_t i = 0; i < r->ncontrols; i++) {
		const struct result_control *c = &r->controls[i];
		const struct result_domain *rd = &r->domains[c->domain];

		for (size_t l = 0; l < c->nlevels; l++) {
			const struct result_level *rl = &c->levels[l];

			row++;
			wb_row_about(x->w, c->id);
			wb_text(x->w, row, 0, c->id, WB_WRAP);
			wb_text(x->w, row, 1, rd->id, WB_WRAP);
			wb_text(x->w, row, 2, rd->components[c->component].id, WB_WRAP);
			wb_text(x->w, row, 3, text_get(&c->name, x->lang), WB_WRAP);
			wb_text(x->w, row, 4, c->single ? "all" : level_name(rl->level), WB_WRAP);
			wb_text(x->w, row, 5, status_name(rl->status), WB_WRAP);
			wb_text(x->w, row, 6, rl->achieved ? "yes" : "no",
				rl->achieved ? WB_OK : WB_BAD);
			strbuf_reset(&v);
			for (size_t e = 0; e < rl->evidence.nr; e++)
				strbuf_addf(&v, "%s%s", e ? "\n" : "", rl->evidence.items[e]);
			wb_text(x->w, row, 7, v.buf, WB_WRAP);
			wb_text(x->w, row, 8, rl->note, WB_WRAP);
			wb_text(x->w, row, 9, rl->has_remediation ? rl->remediation.action : NULL,
				WB_WRAP);
			wb_text(x->w, row, 10, rl->has_remediation ? rl->remediation.owner : NULL,
				WB_WRAP);
			wb_text(x->w, row, 11,
				rl->has_remediation ? date_format(&rl->remediation.due, date)
						    : NULL,
				WB_WRAP);
			wb_text(x->w, row, 12,
				date_is_set(&rl->expires) ? date_format(&rl->expires, date) : NULL,
				WB_WRAP);
		}
	}
	wb_table(x->w, 0, row, ncols);
	strbuf_release(&v);
}

/* Every evidence file with its digest, stale ones marked: the workbook's own section. */
static void evidence_sheet(struct xl *x, const struct result *r)
{
	const char *const cols[] = {"Control", "Level", "Path",	   "Date",
				    "Title",   "Bytes", "SHA-256", "Stale"};
	const size_t ncols = sizeof(cols) / sizeof(cols[0]);
	char date[11];
	size_t row = 0;

	wb_sheet(x->w, "Evidence files", NULL, 0);
	wb_headers(x->w, 0, cols, ncols);
	for (struct report_evidence it = REPORT_EVIDENCE_INIT(r); report_evidence_next(&it);) {
		row++;
		wb_text(x->w, row, 0, it.c->id, WB_WRAP);
		wb_text(x->w, row, 1, it.c->single ? "all" : level_name(it.rl->level), WB_WRAP);
		wb_text(x->w, row, 2, it.ef->path, WB_WRAP);
		wb_text(x->w, row, 3, date_format(&it.ef->date, date), WB_WRAP);
		wb_text(x->w, row, 4, it.ef->title, WB_WRAP);
		wb_number(x->w, row, 5, (double)it.ef->size, WB_PLAIN);
		wb_text(x->w, row, 6, it.ef->sha256, WB_PLAIN);
		wb_text(x->w, row, 7, it.ef->stale ? "stale" : "current",
			it.ef->stale ? WB_BAD : WB_OK);
	}
	wb_freeze(x->w, 1, 0);
	wb_print_setup(x->w, 0, 0);
	wb_filter(x->w, 0, 0, row, ncols - 1);
	wb_columns(x->w, 0, 1, 12, WB_PLAIN);
	wb_columns(x->w, 2, 2, 40, WB_PLAIN);
	wb_columns(x->w, 3, 3, 12, WB_PLAIN);
	wb_columns(x->w, 4, 4, 30, WB_PLAIN);
	wb_columns(x->w, 5, 5, 10, WB_PLAIN);
	wb_columns(x->w, 6, 6, 66, WB_PLAIN);
	wb_columns(x->w, 7, 7, 10, WB_PLAIN);
}

int report_xlsx_write(const char *path, const struct result *r, const struct report_options *o,
		      struct strbuf *warnings, struct strbuf *err)
{
	struct wb_props props = {"C-RAF 2.0 maturity-gap report", r->institution, o->now};
	struct xl x = {wb_open(path, &props, o->lang, warnings, err), o->lang};

	if (!x.w)
		return -1;
	summary_sheet(&x, r);
	gap_sheet(&x, r);
	answers_sheet(&x, r);
	if (r->summary.evidence_files)
		evidence_sheet(&x, r);
	return wb_close(x.w);
}
