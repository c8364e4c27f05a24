/* Renders a result as GitHub-flavoured Markdown, for wikis and tickets. */
#include "out_markdown.h"
#include "report.h"
#include "report_text.h"

/* "| label | value |": a row of the two-column table at the top. */
static void row2(struct md_out *out, const char *label, const char *value)
{
	md_row(out, (const char *const[]){label, value}, 2);
}

void report_markdown_render(struct md_out *out, const struct result *r,
			    const struct report_options *o)
{
	enum lang lang = o->lang;
	struct strbuf v = STRBUF_INIT;
	char date[11];

	md_raw(out, "# ");
	md_text(out, msg(lang, MSG_REPORT_TITLE));
	md_raw(out, "\n\n| | |\n|---|---|\n");
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

	md_raw(out, "\n## ");
	md_text(out, msg(lang, MSG_DOMAINS));
	md_raw(out, "\n\n");
	md_row(out,
	       (const char *const[]){msg(lang, MSG_DOMAIN), msg(lang, MSG_ACHIEVED),
				     report_level_name(LEVEL_BASELINE, lang),
				     report_level_name(LEVEL_INTERMEDIATE, lang),
				     report_level_name(LEVEL_ADVANCED, lang)},
	       5);
	md_raw(out, "|---|---|---:|---:|---:|\n");
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];

		md_raw(out, "| ");
		md_text(out, rd->id);
		md_raw(out, " ");
		md_text(out, text_get(&rd->name, lang));
		if (rd->meets_target)
			md_raw(out, " | ✓ ");
		else
			md_raw(out, " | ✗ ");
		md_text(out, report_level_name(rd->achieved, lang));
		md_raw(out, " |");
		for (int l = 0; l < LEVEL_COUNT; l++)
			md_rawf(out, " %u/%u |", rd->achieved_count[l], rd->required[l]);
		md_raw(out, "\n");
	}

	md_raw(out, "\n## ");
	md_text(out, msg(lang, MSG_GAPS_AGAINST));
	md_raw(out, ": ");
	md_text(out, report_level_name(r->target, lang));
	md_rawf(out, " (%zu)\n", r->ngaps);
	if (!r->ngaps) {
		md_raw(out, "\n");
		md_text(out, msg(lang, MSG_NO_GAPS));
		md_raw(out, "\n");
	}
	for (size_t d = 0; d < r->ndomains; d++) {
		bool any = false;

		for (size_t g = 0; g < r->ngaps; g++) {
			const struct result_control *c = &r->controls[r->gaps[g].control];
			const struct result_level *rl = &c->levels[r->gaps[g].level];

			if (c->domain != d)
				continue;
			if (!any) {
				md_raw(out, "\n### ");
				md_text(out, r->domains[d].id);
				md_raw(out, " ");
				md_text(out, text_get(&r->domains[d].name, lang));
				md_raw(out, "\n\n");
				md_row(out,
				       (const char *const[]){
					       "ID", msg(lang, MSG_LEVEL), msg(lang, MSG_STATUS),
					       msg(lang, MSG_REQUIREMENT), msg(lang, MSG_NOTE),
					       msg(lang, MSG_REMEDIATION), msg(lang, MSG_HELPS)},
				       7);
				md_raw(out, "|---|---|---|---|---|---|---|\n");
				any = true;
			}
			md_raw(out, "| ");
			md_text(out, c->id);
			md_raw(out, " ");
			md_text(out, text_get(&c->name, lang));
			md_raw(out, " | ");
			md_text(out, c->single ? msg(lang, MSG_ALL_LEVELS)
					       : report_level_name(rl->level, lang));
			md_raw(out, " | ");
			md_text(out, report_status_name(rl->status, lang));
			if (rl->expired) {
				md_raw(out, " **");
				md_text(out, msg(lang, MSG_EXPIRED));
				md_raw(out, "**");
			}
			md_raw(out, " | ");
			md_text(out, text_get(&rl->requirement, lang));
			md_raw(out, " | ");
			md_text(out, rl->note);
			md_raw(out, " | ");
			if (rl->has_remediation) {
				strbuf_reset(&v);
				strbuf_addf(&v, "%s (%s, %s %s)", rl->remediation.action,
					    rl->remediation.owner, msg(lang, MSG_DUE),
					    date_format(&rl->remediation.due, date));
				md_text(out, v.buf);
				if (rl->overdue) {
					md_raw(out, " **");
					md_text(out, msg(lang, MSG_OVERDUE));
					md_raw(out, "**");
				}
			}
			md_raw(out, " | ");
			for (size_t k = 0; k < c->nproducts; k++) {
				if (k)
					md_raw(out, ", ");
				md_text(out, r->products[c->products[k]].abbr);
			}
			md_raw(out, " |\n");
		}
	}
	if (r->nstale) {
		md_raw(out, "\n## ");
		md_text(out, msg(lang, MSG_STALE_SECTION));
		md_rawf(out, " (%zu)\n\n", r->nstale);
		strbuf_reset(&v);
		strbuf_addf(&v, "%s %d %s.", msg(lang, MSG_STALE_OLDER), r->evidence_max_age,
			    msg(lang, MSG_MONTHS));
		md_text(out, v.buf);
		md_raw(out, "\n\n| ID | ");
		md_text(out, msg(lang, MSG_LEVEL));
		md_raw(out, " | ");
		md_text(out, msg(lang, MSG_FILE));
		md_raw(out, " | ");
		md_text(out, msg(lang, MSG_DATE));
		md_raw(out, " | ");
		md_text(out, msg(lang, MSG_TITLE));
		md_raw(out, " |\n|---|---|---|---|---|\n");
		for (size_t i = 0; i < r->nstale; i++) {
			const struct result_control *c = &r->controls[r->stale[i].control];
			const struct result_level *rl = &c->levels[r->stale[i].level];
			const struct evidence_file *ef = &rl->files.items[r->stale[i].file];

			md_raw(out, "| ");
			md_text(out, c->id);
			md_raw(out, " | ");
			md_text(out, c->single ? msg(lang, MSG_ALL_LEVELS)
					       : report_level_name(rl->level, lang));
			md_raw(out, " | ");
			md_text(out, ef->path);
			md_raw(out, " | ");
			md_text(out, date_format(&ef->date, date));
			md_raw(out, " | ");
			md_text(out, ef->title);
			md_raw(out, " |\n");
		}
	}
	strbuf_reset(&v);
	strbuf_addf(&v, "%zu %s", r->summary.gaps, msg_n(lang, MSG_SUMMARY_GAPS, r->summary.gaps));
	md_raw(out, "\n");
	md_text(out, v.buf);
	strbuf_reset(&v);
	for (int l = 0; l < LEVEL_COUNT; l++)
		if (r->summary.gaps_by_level[l])
			strbuf_addf(&v, "%s%s %zu", v.len ? ", " : "",
				    report_level_name((enum level)l, lang),
				    r->summary.gaps_by_level[l]);
	if (v.len) {
		md_raw(out, " (");
		md_text(out, v.buf);
		md_raw(out, ")");
	}
	strbuf_reset(&v);
	strbuf_addf(&v, ", %zu %s, %zu %s", r->summary.unanswered,
		    msg(lang, MSG_SUMMARY_UNANSWERED), r->summary.overdue,
		    msg(lang, MSG_SUMMARY_OVERDUE));
	/* Reports without file evidence read as before. */
	if (r->summary.evidence_files)
		strbuf_addf(&v, ", %zu %s", r->summary.stale_evidence,
			    msg_n(lang, MSG_SUMMARY_STALE, r->summary.stale_evidence));
	strbuf_adds(&v, ".");
	md_text(out, v.buf);
	md_raw(out, "\n");
	strbuf_release(&v);
}
