/* The gap register as an Excel workbook: summary, gaps and every answer, formatted. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "hant.h"
#include "report.h"
#include "report_text.h"

struct xl {
	lxw_workbook *wb;
	lxw_format *title, *header, *wrap, *bold, *overdue, *ok, *bad;
	enum lang lang;
};

/* Set while writing a zh-Hant workbook: every string is converted as it is written. */
static bool to_hant;

/* libxlsxwriter writes strings as text, never as formulas, so no defusing is needed. */
static void put(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s, lxw_format *f)
{
	if (s && *s) {
		struct strbuf err = STRBUF_INIT;
		char *hant = to_hant ? hant_convert_str(s, &err) : NULL;

		worksheet_write_string(ws, row, col, hant ? hant : s, f);
		free(hant);
		strbuf_release(&err);
	} else if (f) {
		worksheet_write_blank(ws, row, col, f);
	}
}

static void headers(struct xl *x, lxw_worksheet *ws, lxw_row_t row, const char *const *names,
		    size_t n)
{
	for (size_t i = 0; i < n; i++)
		put(ws, row, (lxw_col_t)i, names[i], x->header);
}

static void summary_sheet(struct xl *x, const struct result *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Summary");
	const char *const cols[] = {"Domain",	"Name",		"Achieved", "Meets target",
				    "Baseline", "Intermediate", "Advanced"};
	struct strbuf v = STRBUF_INIT;
	char date[11];
	lxw_row_t row = 0;

	put(ws, row++, 0, msg(x->lang, MSG_REPORT_TITLE), x->title);
	row++;
	put(ws, row, 0, msg(x->lang, MSG_INSTITUTION), x->bold);
	put(ws, row++, 1, r->institution, NULL);
	put(ws, row, 0, msg(x->lang, MSG_ASSESSED), x->bold);
	put(ws, row++, 1, date_format(&r->assessment_date, date), NULL);
	if (r->assessor) {
		put(ws, row, 0, "Assessor", x->bold);
		put(ws, row++, 1, r->assessor, NULL);
	}
	if (r->scope) {
		put(ws, row, 0, msg(x->lang, MSG_SCOPE), x->bold);
		put(ws, row++, 1, r->scope, NULL);
	}
	strbuf_addf(&v, "%s %s", r->framework, r->catalogue_version);
	put(ws, row, 0, msg(x->lang, MSG_CATALOGUE), x->bold);
	put(ws, row++, 1, v.buf, NULL);
	strbuf_reset(&v);
	strbuf_addf(&v, "%s (%s)", level_name(r->target),
		    r->target_source == TARGET_INHERENT_RISK  ? "from inherent risk"
		    : r->target_source == TARGET_COMMAND_LINE ? "set on the command line"
							      : "set in the answers file");
	put(ws, row, 0, msg(x->lang, MSG_TARGET), x->bold);
	put(ws, row++, 1, v.buf, NULL);
	if (r->inherent_risk != RISK_NONE) {
		strbuf_reset(&v);
		report_risk_summary(&v, r, x->lang);
		put(ws, row, 0, msg(x->lang, MSG_INHERENT_RISK), x->bold);
		put(ws, row++, 1, v.buf, NULL);
		if (r->risk.override != RISK_NONE && r->risk.justification) {
			put(ws, row, 0, msg(x->lang, MSG_RISK_JUSTIFICATION), x->bold);
			put(ws, row++, 1, r->risk.justification, NULL);
		}
	}
	put(ws, row, 0, msg(x->lang, MSG_OVERALL), x->bold);
	put(ws, row++, 1, level_name(r->overall), r->overall >= r->target ? x->ok : x->bad);
	put(ws, row, 0, "Gaps", x->bold);
	worksheet_write_number(ws, row++, 1, (double)r->summary.gaps, NULL);
	put(ws, row, 0, "Overdue remediations", x->bold);
	worksheet_write_number(ws, row++, 1, (double)r->summary.overdue, NULL);
	row++;
	headers(x, ws, row, cols, 7);
	worksheet_freeze_panes(ws, row + 1, 0);
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];

		row++;
		put(ws, row, 0, rd->id, NULL);
		put(ws, row, 1, text_get(&rd->name, x->lang), NULL);
		put(ws, row, 2, level_name(rd->achieved), rd->meets_target ? x->ok : x->bad);
		put(ws, row, 3, rd->meets_target ? "yes" : "no", NULL);
		for (int l = 0; l < LEVEL_COUNT; l++) {
			strbuf_reset(&v);
			strbuf_addf(&v, "%u/%u", rd->achieved_count[l], rd->required[l]);
			put(ws, row, (lxw_col_t)(4 + l), v.buf, NULL);
		}
	}
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 40, NULL);
	worksheet_set_column(ws, 2, 6, 14, NULL);
	strbuf_release(&v);
}

static void gap_sheet(struct xl *x, const struct result *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Gap register");
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
	struct strbuf v = STRBUF_INIT;
	char date[11];

	headers(x, ws, 0, cols, ncols);
	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];
		lxw_row_t row = (lxw_row_t)(g + 1);
		lxw_format *f = rl->overdue ? x->overdue : x->wrap;

		put(ws, row, 0, c->id, f);
		put(ws, row, 1, text_get(&c->name, x->lang), f);
		put(ws, row, 2, c->single ? "all" : level_name(rl->level), f);
		put(ws, row, 3, status_name(rl->status), f);
		put(ws, row, 4, text_get(&rl->requirement, x->lang), f);
		put(ws, row, 5, rl->note, f);
		strbuf_reset(&v);
		for (size_t e = 0; e < rl->evidence.nr; e++)
			strbuf_addf(&v, "%s%s", e ? "\n" : "", rl->evidence.items[e]);
		put(ws, row, 6, v.buf, f);
		put(ws, row, 7, rl->has_remediation ? rl->remediation.action : NULL, f);
		put(ws, row, 8, rl->has_remediation ? rl->remediation.owner : NULL, f);
		put(ws, row, 9,
		    rl->has_remediation ? date_format(&rl->remediation.due, date) : NULL, f);
		put(ws, row, 10, rl->overdue ? "yes" : "no", f);
		put(ws, row, 11,
		    c->responsibility == RESP_NONE ? NULL : responsibility_name(c->responsibility),
		    f);
		strbuf_reset(&v);
		for (size_t k = 0; k < c->nproducts; k++)
			strbuf_addf(&v, "%s%s", k ? ", " : "", r->products[c->products[k]].abbr);
		put(ws, row, 12, v.buf, f);
	}
	worksheet_freeze_panes(ws, 1, 1);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)r->ngaps, (lxw_col_t)(ncols - 1));
	worksheet_set_column(ws, 0, 0, 9, NULL);
	worksheet_set_column(ws, 1, 1, 30, NULL);
	worksheet_set_column(ws, 2, 3, 13, NULL);
	worksheet_set_column(ws, 4, 6, 50, NULL);
	worksheet_set_column(ws, 7, 7, 40, NULL);
	worksheet_set_column(ws, 8, 12, 16, NULL);
	strbuf_release(&v);
}

static void answers_sheet(struct xl *x, const struct result *r)
{
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, "Answers");
	const char *const cols[] = {"Control", "Domain",   "Component", "Name", "Level",
				    "Status",  "Achieved", "Evidence",	"Note", "Action",
				    "Owner",   "Due",	   "Expires"};
	const size_t ncols = sizeof(cols) / sizeof(cols[0]);
	struct strbuf v = STRBUF_INIT;
	lxw_row_t row = 0;
	char date[11];

	headers(x, ws, 0, cols, ncols);
	for (size_t i = 0; i < r->ncontrols; i++) {
		const struct result_control *c = &r->controls[i];
		const struct result_domain *rd = &r->domains[c->domain];

		for (size_t l = 0; l < c->nlevels; l++) {
			const struct result_level *rl = &c->levels[l];

			row++;
			put(ws, row, 0, c->id, x->wrap);
			put(ws, row, 1, rd->id, x->wrap);
			put(ws, row, 2, rd->components[c->component].id, x->wrap);
			put(ws, row, 3, text_get(&c->name, x->lang), x->wrap);
			put(ws, row, 4, c->single ? "all" : level_name(rl->level), x->wrap);
			put(ws, row, 5, status_name(rl->status), x->wrap);
			put(ws, row, 6, rl->achieved ? "yes" : "no", rl->achieved ? x->ok : x->bad);
			strbuf_reset(&v);
			for (size_t e = 0; e < rl->evidence.nr; e++)
				strbuf_addf(&v, "%s%s", e ? "\n" : "", rl->evidence.items[e]);
			put(ws, row, 7, v.buf, x->wrap);
			put(ws, row, 8, rl->note, x->wrap);
			put(ws, row, 9, rl->has_remediation ? rl->remediation.action : NULL,
			    x->wrap);
			put(ws, row, 10, rl->has_remediation ? rl->remediation.owner : NULL,
			    x->wrap);
			put(ws, row, 11,
			    rl->has_remediation ? date_format(&rl->remediation.due, date) : NULL,
			    x->wrap);
			put(ws, row, 12,
			    date_is_set(&rl->expires) ? date_format(&rl->expires, date) : NULL,
			    x->wrap);
		}
	}
	worksheet_freeze_panes(ws, 1, 1);
	worksheet_autofilter(ws, 0, 0, row, (lxw_col_t)(ncols - 1));
	worksheet_set_column(ws, 0, 2, 10, NULL);
	worksheet_set_column(ws, 3, 3, 30, NULL);
	worksheet_set_column(ws, 4, 6, 13, NULL);
	worksheet_set_column(ws, 7, 9, 45, NULL);
	worksheet_set_column(ws, 10, 12, 16, NULL);
	strbuf_release(&v);
}

int report_xlsx_write(const char *path, const struct result *r, const struct report_options *o,
		      struct strbuf *err)
{
	lxw_doc_properties props;
	struct xl x;
	lxw_error e;
	const char *sde = getenv("SOURCE_DATE_EPOCH");

	memset(&x, 0, sizeof(x));
	x.lang = o->lang;
	to_hant = o->lang == LANG_ZH_HANT;
	if (to_hant) {
		/* Fail early and clearly if the conversion tables are missing. */
		char *probe = hant_convert_str("汉", err);

		if (!probe)
			return -1;
		free(probe);
	}
	x.wb = workbook_new(path);
	if (!x.wb) {
		strbuf_addf(err, "cannot create the workbook");
		return -1;
	}
	memset(&props, 0, sizeof(props));
	props.title = (char *)"C-RAF 2.0 maturity-gap report";
	props.company = (char *)r->institution;
	/* A fixed creation time keeps the workbook reproducible. */
	props.created = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
	workbook_set_properties(x.wb, &props);
	x.title = workbook_add_format(x.wb);
	format_set_bold(x.title);
	format_set_font_size(x.title, 16);
	x.header = workbook_add_format(x.wb);
	format_set_bold(x.header);
	format_set_font_color(x.header, LXW_COLOR_WHITE);
	format_set_bg_color(x.header, 0x1D4F91);
	format_set_text_wrap(x.header);
	x.wrap = workbook_add_format(x.wb);
	format_set_text_wrap(x.wrap);
	format_set_align(x.wrap, LXW_ALIGN_VERTICAL_TOP);
	x.bold = workbook_add_format(x.wb);
	format_set_bold(x.bold);
	x.overdue = workbook_add_format(x.wb);
	format_set_text_wrap(x.overdue);
	format_set_align(x.overdue, LXW_ALIGN_VERTICAL_TOP);
	format_set_bg_color(x.overdue, 0xFDECEA);
	x.ok = workbook_add_format(x.wb);
	format_set_font_color(x.ok, 0x1F7A5A);
	format_set_bold(x.ok);
	x.bad = workbook_add_format(x.wb);
	format_set_font_color(x.bad, 0xB42318);
	format_set_bold(x.bad);
	summary_sheet(&x, r);
	gap_sheet(&x, r);
	answers_sheet(&x, r);
	e = workbook_close(x.wb);
	if (e != LXW_NO_ERROR) {
		strbuf_addf(err, "%s", lxw_strerror(e));
		return -1;
	}
	return 0;
}
