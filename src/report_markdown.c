/* Renders a result as GitHub-flavoured Markdown, for wikis and tickets. */
#include <string.h>

#include "escape.h"
#include "report.h"
#include "report_text.h"
#include "term.h"

/* User text inside a table cell: nothing in it may end the cell or start markup. */
static void cell(struct strbuf *out, const char *s)
{
	escape_markdown(out, s);
}

static void row2(struct strbuf *out, const char *label, const char *value)
{
	strbuf_addf(out, "| %s | ", label);
	cell(out, value);
	strbuf_adds(out, " |\n");
}

void report_markdown_render(struct strbuf *out, const struct result *r,
			    const struct report_options *o)
{
	enum lang lang = o->lang;
	struct strbuf v = STRBUF_INIT;
	char date[11];

	strbuf_addf(out, "# %s\n\n| | |\n|---|---|\n", msg(lang, MSG_REPORT_TITLE));
	row2(out, msg(lang, MSG_INSTITUTION), r->institution);
	strbuf_adds(&v, date_format(&r->assessment_date, date));
	if (r->assessor)
		strbuf_addf(&v, " %s %s", msg(lang, MSG_BY), r->assessor);
	row2(out, msg(lang, MSG_ASSESSED), v.buf);
	if (r->scope)
		row2(out, msg(lang, MSG_SCOPE), r->scope);
	strbuf_reset(&v);
	strbuf_addf(&v, "%s %s (%s, %zu %s)", r->framework, r->catalogue_version,
		    r->catalogue_builtin ? msg(lang, MSG_BUILTIN) : r->catalogue_origin,
		    r->ncontrols, msg_n(lang, MSG_PRINCIPLES, r->ncontrols));
	row2(out, msg(lang, MSG_CATALOGUE), v.buf);
	strbuf_reset(&v);
	/* As the text report says it: "intermediate (from inherent risk: medium)". */
	strbuf_addf(&v, "%s (%s", report_level_name(r->target, lang),
		    r->target_source == TARGET_INHERENT_RISK  ? msg(lang, MSG_FROM_INHERENT_RISK)
		    : r->target_source == TARGET_COMMAND_LINE ? msg(lang, MSG_FROM_COMMAND_LINE)
							      : msg(lang, MSG_FROM_EXPLICIT));
	if (r->target_source == TARGET_INHERENT_RISK)
		strbuf_addf(&v, ": %s", report_risk_name(r->inherent_risk, lang));
	strbuf_addc(&v, ')');
	row2(out, msg(lang, MSG_TARGET), v.buf);
	if (r->inherent_risk != RISK_NONE) {
		strbuf_reset(&v);
		report_risk_summary(&v, r, lang);
		if (r->risk.override != RISK_NONE && r->risk.justification)
			strbuf_addf(&v, "; %s: %s", msg(lang, MSG_RISK_JUSTIFICATION),
				    r->risk.justification);
		row2(out, msg(lang, MSG_INHERENT_RISK), v.buf);
	}
	strbuf_reset(&v);
	strbuf_addf(&v, "%s (%s)", report_level_name(r->overall, lang),
		    msg(lang, r->overall >= r->target ? MSG_MEETS_TARGET : MSG_BELOW_TARGET));
	row2(out, msg(lang, MSG_OVERALL), v.buf);

	strbuf_addf(out, "\n## %s\n\n| %s | %s | %s | %s | %s |\n|---|---|---:|---:|---:|\n",
		    msg(lang, MSG_DOMAINS), msg(lang, MSG_DOMAIN), msg(lang, MSG_ACHIEVED),
		    report_level_name(LEVEL_BASELINE, lang),
		    report_level_name(LEVEL_INTERMEDIATE, lang),
		    report_level_name(LEVEL_ADVANCED, lang));
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];

		strbuf_addf(out, "| %s ", rd->id);
		cell(out, text_get(&rd->name, lang));
		strbuf_addf(out, " | %s %s |", rd->meets_target ? "✓" : "✗",
			    report_level_name(rd->achieved, lang));
		for (int l = 0; l < LEVEL_COUNT; l++)
			strbuf_addf(out, " %u/%u |", rd->achieved_count[l], rd->required[l]);
		strbuf_addc(out, '\n');
	}

	strbuf_addf(out, "\n## %s: %s (%zu)\n", msg(lang, MSG_GAPS_AGAINST),
		    report_level_name(r->target, lang), r->ngaps);
	if (!r->ngaps)
		strbuf_addf(out, "\n%s\n", msg(lang, MSG_NO_GAPS));
	for (size_t d = 0; d < r->ndomains; d++) {
		bool any = false;

		for (size_t g = 0; g < r->ngaps; g++) {
			const struct result_control *c = &r->controls[r->gaps[g].control];
			const struct result_level *rl = &c->levels[r->gaps[g].level];

			if (c->domain != d)
				continue;
			if (!any) {
				strbuf_addf(out, "\n### %s ", r->domains[d].id);
				cell(out, text_get(&r->domains[d].name, lang));
				strbuf_addf(out, "\n\n| ID | %s | %s | %s | %s | %s | %s |\n",
					    msg(lang, MSG_LEVEL), msg(lang, MSG_STATUS),
					    msg(lang, MSG_REQUIREMENT), msg(lang, MSG_NOTE),
					    msg(lang, MSG_REMEDIATION), msg(lang, MSG_HELPS));
				strbuf_adds(out, "|---|---|---|---|---|---|---|\n");
				any = true;
			}
			strbuf_addf(out, "| %s ", c->id);
			cell(out, text_get(&c->name, lang));
			strbuf_addf(out, " | %s | %s",
				    c->single ? msg(lang, MSG_ALL_LEVELS)
					      : report_level_name(rl->level, lang),
				    report_status_name(rl->status, lang));
			if (rl->expired)
				strbuf_addf(out, " **%s**", msg(lang, MSG_EXPIRED));
			strbuf_adds(out, " | ");
			cell(out, text_get(&rl->requirement, lang));
			strbuf_adds(out, " | ");
			if (rl->note)
				cell(out, rl->note);
			strbuf_adds(out, " | ");
			if (rl->has_remediation) {
				strbuf_reset(&v);
				strbuf_addf(&v, "%s (%s, %s %s)", rl->remediation.action,
					    rl->remediation.owner, msg(lang, MSG_DUE),
					    date_format(&rl->remediation.due, date));
				cell(out, v.buf);
				if (rl->overdue)
					strbuf_addf(out, " **%s**", msg(lang, MSG_OVERDUE));
			}
			strbuf_adds(out, " | ");
			for (size_t k = 0; k < c->nproducts; k++) {
				strbuf_adds(out, k ? ", " : "");
				cell(out, r->products[c->products[k]].abbr);
			}
			strbuf_adds(out, " |\n");
		}
	}
	strbuf_addf(out, "\n%zu %s", r->summary.gaps,
		    msg_n(lang, MSG_SUMMARY_GAPS, r->summary.gaps));
	strbuf_reset(&v);
	for (int l = 0; l < LEVEL_COUNT; l++)
		if (r->summary.gaps_by_level[l])
			strbuf_addf(&v, "%s%s %zu", v.len ? ", " : "",
				    report_level_name((enum level)l, lang),
				    r->summary.gaps_by_level[l]);
	if (v.len)
		strbuf_addf(out, " (%s)", v.buf);
	strbuf_addf(out, ", %zu %s, %zu %s.\n", r->summary.unanswered,
		    msg(lang, MSG_SUMMARY_UNANSWERED), r->summary.overdue,
		    msg(lang, MSG_SUMMARY_OVERDUE));
	strbuf_release(&v);
}
