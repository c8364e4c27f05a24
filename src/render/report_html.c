/* The executive HTML report: one self-contained file, inline CSS and SVG, no script. */
#include <stdio.h>

#include "out_html.h"
#include "report.h"
#include "report_text.h"

/* The style sheet, inline: the report is one self-contained file. */
static void style_sheet(struct html_out *out)
{
	html_raw(
		out,
		":root{--ink:#1c2430;--muted:#5b6675;--line:#d9dee5;--bg:#f5f7fa;--card:#fff;"
		"--ok:#1f7a5a;--ok-bg:#e3f3ec;--bad:#b42318;--bad-bg:#fdecea;--warn:#a15c00;"
		"--warn-bg:#fff4e0;--accent:#1d4f91}"
		"*{box-sizing:border-box}"
		"body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 -apple-system,"
		"'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans CJK SC','PingFang SC',"
		"'Microsoft YaHei',sans-serif}"
		"main{max-width:1080px;margin:0 auto;padding:40px 32px 64px}"
		"header{border-bottom:3px solid var(--accent);padding-bottom:20px;"
		"margin-bottom:28px}"
		".eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:12px;"
		"color:var(--accent);"
		"font-weight:600;margin:0 0 6px}"
		"h1{font-size:30px;margin:0 0 6px;line-height:1.2}"
		"h2{font-size:20px;margin:40px 0 14px;padding-bottom:6px;"
		"border-bottom:1px solid var(--line)}"
		"h3{font-size:16px;margin:26px 0 10px}"
		".meta{color:var(--muted);margin:0}"
		".cards{display:grid;grid-template-columns:repeat(4,1fr);gap:14px}"
		".card{background:var(--card);border:1px solid var(--line);border-radius:10px;"
		"padding:16px 18px}"
		".card .label{font-size:12px;text-transform:uppercase;letter-spacing:.06em;"
		"color:var(--muted)}"
		".card .value{font-size:24px;font-weight:700;margin-top:4px}"
		".card .sub{font-size:13px;color:var(--muted)}"
		".card.bad{border-top:4px solid var(--bad)}.card.ok{border-top:4px solid var(--ok)}"
		".card.warn{border-top:4px solid var(--warn)}"
		".card.neutral{border-top:4px solid var(--accent)}"
		".panel{background:var(--card);border:1px solid var(--line);border-radius:10px;"
		"padding:18px}"
		"svg text{font-family:inherit}"
		"table{width:100%;border-collapse:collapse;background:var(--card);font-size:13.5px}"
		"th,td{text-align:left;vertical-align:top;padding:8px 10px;"
		"border-bottom:1px solid var(--line)}"
		"th{background:#eef1f5;font-size:12px;text-transform:uppercase;"
		"letter-spacing:.04em;"
		"color:var(--muted)}"
		"td.num{text-align:right;white-space:nowrap}td.nw{white-space:nowrap}"
		".pill{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;"
		"font-weight:600;white-space:nowrap}"
		".st-met,.st-compensating,.st-not-applicable,.st-inherited{background:var(--ok-bg);"
		"color:var(--ok)}"
		".st-partial,.st-risk-accepted{background:var(--warn-bg);color:var(--warn)}"
		".st-not-met{background:var(--bad-bg);color:var(--bad)}"
		".st-unanswered{background:#eceff3;color:var(--muted)}"
		".overdue td{background:#fff7f6}.flag{color:var(--bad);font-weight:700}"
		".bar{height:8px;background:#e6e9ee;border-radius:4px;overflow:hidden;"
		"min-width:90px;"
		"margin-top:4px}"
		".bar span{display:block;height:100%;background:var(--ok)}"
		".bar span.part{background:var(--warn)}"
		".req{color:var(--muted);font-size:12.5px}"
		"ul.ev{margin:0;padding-left:18px}"
		"footer{margin-top:48px;color:var(--muted);font-size:12px;"
		"border-top:1px solid var(--line);"
		"padding-top:14px;word-break:break-all}"
		"@media print{body{background:#fff;font-size:11px}main{padding:0;max-width:none}"
		".cards{grid-template-columns:repeat(4,1fr)}section{break-inside:auto}"
		"tr{break-inside:avoid}h2{break-after:avoid}.appendix{break-before:page}"
		".card,.panel{border-color:#bbb}}"
		"@page{size:A4;margin:14mm}");
}

static void pill(struct html_out *out, enum status s, enum lang lang)
{
	html_raw(out, "<span class=\"pill st-");
	html_attr(out, status_name(s));
	html_raw(out, "\">");
	html_text(out, report_status_name(s, lang));
	html_raw(out, "</span>");
}

static void card(struct html_out *out, const char *kind, const char *label, const char *value,
		 const char *sub)
{
	html_raw(out, "<div class=\"card ");
	html_attr(out, kind);
	html_raw(out, "\"><div class=\"label\">");
	html_text(out, label);
	html_raw(out, "</div><div class=\"value\">");
	html_text(out, value);
	html_raw(out, "</div><div class=\"sub\">");
	html_text(out, sub);
	html_raw(out, "</div></div>");
}

static void summary_cards(struct html_out *out, const struct result *r, enum lang lang)
{
	struct strbuf sub = STRBUF_INIT;
	char n[32];

	strbuf_adds(&sub, msg(lang, r->overall >= r->target ? MSG_MEETS_TARGET : MSG_BELOW_TARGET));
	html_raw(out, "<section class=\"cards\">");
	card(out, r->overall >= r->target ? "ok" : "bad", msg(lang, MSG_OVERALL),
	     report_level_name(r->overall, lang), sub.buf);
	strbuf_reset(&sub);
	if (r->target_source == TARGET_INHERENT_RISK)
		strbuf_addf(&sub, "%s: %s", msg(lang, MSG_FROM_INHERENT_RISK),
			    report_risk_name(r->inherent_risk, lang));
	else
		strbuf_adds(&sub, msg(lang, r->target_source == TARGET_COMMAND_LINE
						    ? MSG_FROM_COMMAND_LINE
						    : MSG_FROM_EXPLICIT));
	card(out, "neutral", msg(lang, MSG_TARGET), report_level_name(r->target, lang), sub.buf);
	strbuf_reset(&sub);
	for (int l = 0; l < LEVEL_COUNT; l++)
		if (r->summary.gaps_by_level[l])
			strbuf_addf(&sub, "%s%s %zu", sub.len ? ", " : "",
				    report_level_name((enum level)l, lang),
				    r->summary.gaps_by_level[l]);
	snprintf(n, sizeof(n), "%zu", r->summary.gaps);
	card(out, r->summary.gaps ? "bad" : "ok", msg_n(lang, MSG_SUMMARY_GAPS, r->summary.gaps), n,
	     sub.buf);
	strbuf_reset(&sub);
	strbuf_addf(&sub, "%zu %s", r->summary.unanswered, msg(lang, MSG_SUMMARY_UNANSWERED));
	snprintf(n, sizeof(n), "%zu", r->summary.overdue);
	card(out, r->summary.overdue ? "warn" : "ok", msg(lang, MSG_SUMMARY_OVERDUE), n, sub.buf);
	/* Reports without file evidence read as before. */
	if (r->summary.evidence_files) {
		strbuf_reset(&sub);
		strbuf_addf(&sub, "%s %d %s", msg(lang, MSG_STALE_OLDER), r->evidence_max_age,
			    msg(lang, MSG_MONTHS));
		snprintf(n, sizeof(n), "%zu / %zu", r->summary.stale_evidence,
			 r->summary.evidence_files);
		card(out, r->summary.stale_evidence ? "warn" : "ok", msg(lang, MSG_STALE_SECTION),
		     n, sub.buf);
	}
	html_raw(out, "</section>");
	strbuf_release(&sub);
}

/* Horizontal bars: each domain's achieved level, with the target as a dashed line. */
static void chart(struct html_out *out, const struct result *r, enum lang lang)
{
	const int left = 250, right = 30, top = 34, row = 38, width = 1000;
	const int plot = width - left - right;
	const int height = top + row * (int)r->ndomains + 16;
	const int tx = left + plot * (r->target + 1) / 3;

	html_rawf(out,
		  "<div class=\"panel\"><svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
		  "aria-label=\"",
		  width, height);
	html_attr(out, msg(lang, MSG_DOMAINS));
	html_raw(out, "\" xmlns=\"http://www.w3.org/2000/svg\">");
	for (int l = LEVEL_NONE; l < LEVEL_COUNT; l++) {
		int x = left + plot * (l + 1) / 3;

		html_rawf(out,
			  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d9dee5\"/>"
			  "<text x=\"%d\" y=\"18\" font-size=\"13\" fill=\"#5b6675\" "
			  "text-anchor=\"",
			  x, top - 6, x, height - 12, x);
		if (l == LEVEL_NONE)
			html_raw(out, "start");
		else if (l == LEVEL_ADVANCED)
			html_raw(out, "end");
		else
			html_raw(out, "middle");
		html_raw(out, "\">");
		html_attr(out, report_level_name((enum level)l, lang));
		html_raw(out, "</text>");
	}
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];
		int y = top + row * (int)d;
		int w = plot * (rd->achieved + 1) / 3;

		html_rawf(out,
			  "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\" "
			  "fill=\"#1c2430\">",
			  left - 12, y + 22);
		html_attr(out, rd->id);
		html_raw(out, " ");
		html_attr(out, text_get(&rd->name, lang));
		html_rawf(out,
			  "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" rx=\"4\" "
			  "fill=\"",
			  left, y + 7, w > 0 ? w : 3);
		if (rd->meets_target)
			html_raw(out, "#1f7a5a\"/>");
		else
			html_raw(out, "#d97706\"/>");
		/* The level in words too: the chart must not rely on colour alone. */
		if (w > 80)
			html_rawf(out,
				  "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#ffffff\" "
				  "text-anchor=\"end\">",
				  left + w - 8, y + 23);
		else
			html_rawf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1c2430\">",
				  left + (w > 0 ? w : 3) + 8, y + 23);
		html_attr(out, report_level_name(rd->achieved, lang));
		html_raw(out, "</text>");
	}
	html_rawf(out,
		  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b42318\" "
		  "stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>"
		  "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#b42318\" text-anchor=\"end\">",
		  tx, top - 4, tx, height - 12, tx - 6, height - 2);
	html_attr(out, msg(lang, MSG_TARGET));
	html_raw(out, "</text></svg></div>");
}

static void progress(struct html_out *out, const struct result *r, enum lang lang)
{
	html_raw(out, "<table><thead><tr>");
	html_th(out,
		(const char *const[]){msg(lang, MSG_DOMAIN), msg(lang, MSG_ACHIEVED),
				      report_level_name(LEVEL_BASELINE, lang),
				      report_level_name(LEVEL_INTERMEDIATE, lang),
				      report_level_name(LEVEL_ADVANCED, lang)},
		5);
	html_raw(out, "</tr></thead><tbody>");
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];

		html_raw(out, "<tr><td>");
		html_text(out, rd->id);
		html_raw(out, " ");
		html_text(out, text_get(&rd->name, lang));
		if (rd->meets_target)
			html_raw(out, "</td><td><span class=\"pill st-met\">&#10003; ");
		else
			html_raw(out, "</td><td><span class=\"pill st-not-met\">&#10007; ");
		html_text(out, report_level_name(rd->achieved, lang));
		html_raw(out, "</span></td>");
		for (int l = 0; l < LEVEL_COUNT; l++) {
			unsigned req = rd->required[l], got = rd->achieved_count[l];

			if (!req) {
				html_raw(out, "<td>&ndash;</td>");
				continue;
			}
			html_rawf(out, "<td>%u / %u<div class=\"bar\"><span class=\"", got, req);
			if (got != req)
				html_raw(out, "part");
			html_rawf(out, "\" style=\"width:%u%%\"></span></div></td>",
				  got * 100 / req);
		}
		html_raw(out, "</tr>");
	}
	html_raw(out, "</tbody></table>");
}

static void gap_register(struct html_out *out, const struct result *r, enum lang lang)
{
	char date[11];

	if (!r->ngaps) {
		html_raw(out, "<p>");
		html_text(out, msg(lang, MSG_NO_GAPS));
		html_raw(out, "</p>");
		return;
	}
	html_raw(out, "<table><thead><tr><th>#</th>");
	html_th(out,
		(const char *const[]){"ID", msg(lang, MSG_LEVEL), msg(lang, MSG_STATUS),
				      msg(lang, MSG_REQUIREMENT), msg(lang, MSG_REMEDIATION),
				      msg(lang, MSG_DUE)},
		6);
	html_raw(out, "</tr></thead><tbody>");
	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];

		if (rl->overdue)
			html_raw(out, "<tr class=\"overdue\">");
		else
			html_raw(out, "<tr>");
		html_rawf(out, "<td class=\"num\">%zu</td><td><strong>", g + 1);
		html_text(out, c->id);
		html_raw(out, "</strong><br>");
		html_text(out, text_get(&c->name, lang));
		html_raw(out, "</td><td class=\"nw\">");
		html_text(out, c->single ? msg(lang, MSG_ALL_LEVELS)
					 : report_level_name(rl->level, lang));
		html_raw(out, "</td><td class=\"nw\">");
		pill(out, rl->status, lang);
		if (rl->expired) {
			html_raw(out, "<br><span class=\"flag\">");
			html_text(out, msg(lang, MSG_EXPIRED));
			html_raw(out, "</span>");
		}
		html_raw(out, "</td><td><div class=\"req\">");
		html_text(out, text_get(&rl->requirement, lang));
		html_raw(out, "</div>");
		if (rl->note) {
			html_raw(out, "<div><em>");
			html_text(out, msg(lang, MSG_NOTE));
			html_raw(out, ":</em> ");
			html_text(out, rl->note);
			html_raw(out, "</div>");
		}
		html_raw(out, "</td><td>");
		if (rl->has_remediation) {
			html_text(out, rl->remediation.action);
			html_raw(out, "<br><strong>");
			html_text(out, rl->remediation.owner);
			html_raw(out, "</strong>");
		}
		html_raw(out, "</td><td class=\"num\">");
		if (rl->has_remediation) {
			html_text(out, date_format(&rl->remediation.due, date));
			if (rl->overdue) {
				html_raw(out, "<br><span class=\"flag\">");
				html_text(out, msg(lang, MSG_OVERDUE));
				html_raw(out, "</span>");
			}
		}
		html_raw(out, "</td></tr>");
	}
	html_raw(out, "</tbody></table>");
}

static void evidence_item(struct html_out *out, const struct evidence_file *ef, enum lang lang)
{
	char date[11];

	html_raw(out, "<li><code>");
	html_text(out, ef->path);
	html_raw(out, "</code> ");
	html_text(out, date_format(&ef->date, date));
	if (ef->title) {
		html_raw(out, " &middot; ");
		html_text(out, ef->title);
	}
	if (ef->stale) {
		html_raw(out, " <span class=\"flag\">");
		html_text(out, msg(lang, MSG_STALE));
		html_raw(out, "</span>");
	}
	html_raw(out, "</li>");
}

static void stale_section(struct html_out *out, const struct result *r, enum lang lang)
{
	char date[11];

	html_raw(out, "\n<section><h2>");
	html_text(out, msg(lang, MSG_STALE_SECTION));
	html_rawf(out, " (%zu)</h2><p>", r->nstale);
	html_text(out, msg(lang, MSG_STALE_OLDER));
	html_rawf(out, " %d ", r->evidence_max_age);
	html_text(out, msg(lang, MSG_MONTHS));
	html_raw(out, "</p><table><thead><tr>");
	html_th(out,
		(const char *const[]){"ID", msg(lang, MSG_LEVEL), msg(lang, MSG_FILE),
				      msg(lang, MSG_DATE), msg(lang, MSG_TITLE)},
		5);
	html_raw(out, "</tr></thead><tbody>");
	for (size_t i = 0; i < r->nstale; i++) {
		const struct result_control *c = &r->controls[r->stale[i].control];
		const struct result_level *rl = &c->levels[r->stale[i].level];
		const struct evidence_file *ef = &rl->files.items[r->stale[i].file];

		html_raw(out, "<tr><td class=\"nw\"><strong>");
		html_text(out, c->id);
		html_raw(out, "</strong></td><td class=\"nw\">");
		html_text(out, c->single ? msg(lang, MSG_ALL_LEVELS)
					 : report_level_name(rl->level, lang));
		html_raw(out, "</td><td><code>");
		html_text(out, ef->path);
		html_raw(out, "</code></td><td class=\"nw\">");
		html_text(out, date_format(&ef->date, date));
		html_raw(out, "</td><td>");
		html_text(out, ef->title);
		html_raw(out, "</td></tr>");
	}
	html_raw(out, "</tbody></table></section>");
}

/* Every evidence file with what pins it, so an auditor can check the copy in hand. */
static void evidence_appendix(struct html_out *out, const struct result *r, enum lang lang)
{
	char date[11];

	html_raw(out, "<h3>");
	html_text(out, msg(lang, MSG_EVIDENCE_APPENDIX));
	html_raw(out, "</h3><table><thead><tr>");
	html_th(out,
		(const char *const[]){"ID", msg(lang, MSG_FILE), msg(lang, MSG_DATE),
				      msg(lang, MSG_SIZE), "SHA-256"},
		5);
	html_raw(out, "</tr></thead><tbody>");
	for (struct report_evidence it = REPORT_EVIDENCE_INIT(r); report_evidence_next(&it);) {
		html_raw(out, "<tr><td class=\"nw\">");
		html_text(out, it.c->id);
		html_raw(out, " ");
		html_text(out, it.c->single ? msg(lang, MSG_ALL_LEVELS)
					    : report_level_name(it.rl->level, lang));
		html_raw(out, "</td><td><code>");
		html_text(out, it.ef->path);
		html_raw(out, "</code>");
		if (it.ef->title) {
			html_raw(out, "<br>");
			html_text(out, it.ef->title);
		}
		html_raw(out, "</td><td class=\"nw\">");
		html_text(out, date_format(&it.ef->date, date));
		html_rawf(out, "</td><td class=\"num\">%llu</td><td><code>", it.ef->size);
		html_text(out, it.ef->sha256);
		html_raw(out, "</code></td></tr>");
	}
	html_raw(out, "</tbody></table>");
}

static void appendix(struct html_out *out, const struct result *r, enum lang lang)
{
	for (size_t d = 0; d < r->ndomains; d++) {
		html_raw(out, "<h3>");
		html_text(out, r->domains[d].id);
		html_raw(out, " ");
		html_text(out, text_get(&r->domains[d].name, lang));
		html_raw(out, "</h3><table><thead><tr>");
		html_th(out,
			(const char *const[]){"ID", msg(lang, MSG_LEVEL), msg(lang, MSG_STATUS),
					      msg(lang, MSG_EVIDENCE), msg(lang, MSG_NOTE)},
			5);
		html_raw(out, "</tr></thead><tbody>");
		for (size_t i = 0; i < r->ncontrols; i++) {
			const struct result_control *c = &r->controls[i];

			if (c->domain != d)
				continue;
			for (size_t l = 0; l < c->nlevels; l++) {
				const struct result_level *rl = &c->levels[l];

				html_raw(out, "<tr>");
				if (l == 0) {
					html_rawf(out, "<td rowspan=\"%zu\"><strong>", c->nlevels);
					html_text(out, c->id);
					html_raw(out, "</strong><br>");
					html_text(out, text_get(&c->name, lang));
					html_raw(out, "</td>");
				}
				html_raw(out, "<td class=\"nw\">");
				html_text(out, c->single ? msg(lang, MSG_ALL_LEVELS)
							 : report_level_name(rl->level, lang));
				html_raw(out, "</td><td class=\"nw\">");
				pill(out, rl->status, lang);
				html_raw(out, "</td><td>");
				if (rl->evidence.nr) {
					html_raw(out, "<ul class=\"ev\">");
					for (size_t e = 0; e < rl->evidence.nr; e++) {
						html_raw(out, "<li>");
						html_text(out, rl->evidence.items[e]);
						html_raw(out, "</li>");
					}
					html_raw(out, "</ul>");
				}
				if (rl->files.nr) {
					html_raw(out, "<ul class=\"ev\">");
					for (size_t e = 0; e < rl->files.nr; e++)
						evidence_item(out, &rl->files.items[e], lang);
					html_raw(out, "</ul>");
				}
				html_raw(out, "</td><td>");
				html_text(out, rl->note);
				html_raw(out, "</td></tr>");
			}
		}
		html_raw(out, "</tbody></table>");
	}
}

void report_html_render(struct html_out *out, const struct result *r,
			const struct report_options *o)
{
	enum lang lang = o->lang;
	char date[11];

	html_raw(out, "<!DOCTYPE html>\n<html lang=\"");
	html_attr(out, lang == LANG_ZH_HANT ? "zh-Hant-HK" : lang == LANG_ZH ? "zh-Hans" : "en");
	html_raw(out, "\"><head><meta charset=\"utf-8\">"
		      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
		      "<meta name=\"generator\" content=\"craf ");
	html_attr(out, r->tool_version);
	html_raw(out, "\"><title>");
	html_attr(out, msg(lang, MSG_REPORT_TITLE));
	html_raw(out, " &mdash; ");
	html_attr(out, r->institution);
	html_raw(out, "</title><style>");
	style_sheet(out);
	html_raw(out, "</style></head><body><main>\n<header><p class=\"eyebrow\">");
	html_text(out, msg(lang, MSG_REPORT_TITLE));
	html_raw(out, "</p><h1>");
	html_text(out, r->institution);
	html_raw(out, "</h1><p class=\"meta\">");
	html_text(out, msg(lang, MSG_ASSESSED));
	html_raw(out, " ");
	html_text(out, date_format(&r->assessment_date, date));
	if (r->assessor) {
		html_raw(out, " &middot; ");
		html_text(out, r->assessor);
	}
	if (r->scope) {
		html_raw(out, "<br>");
		html_text(out, msg(lang, MSG_SCOPE));
		html_raw(out, ": ");
		html_text(out, r->scope);
	}
	if (r->inherent_risk != RISK_NONE) {
		struct strbuf v = STRBUF_INIT;

		report_risk_summary(&v, r, lang);
		html_raw(out, "<br>");
		html_text(out, msg(lang, MSG_INHERENT_RISK));
		html_raw(out, ": ");
		html_text(out, v.buf);
		if (r->risk.override != RISK_NONE && r->risk.justification) {
			html_raw(out, " &middot; ");
			html_text(out, msg(lang, MSG_RISK_JUSTIFICATION));
			html_raw(out, ": ");
			html_text(out, r->risk.justification);
		}
		strbuf_release(&v);
	}
	html_raw(out, "<br>");
	html_text(out, msg(lang, MSG_CATALOGUE));
	html_raw(out, ": ");
	html_text(out, r->framework);
	html_raw(out, " ");
	html_text(out, r->catalogue_version);
	html_raw(out, "</p></header>\n");
	summary_cards(out, r, lang);
	html_raw(out, "\n<section><h2>");
	html_text(out, msg(lang, MSG_DOMAINS));
	html_raw(out, "</h2>");
	chart(out, r, lang);
	html_raw(out, "</section>\n<section><h2>");
	html_text(out, msg(lang, MSG_PROGRESS));
	html_raw(out, "</h2>");
	progress(out, r, lang);
	html_raw(out, "</section>\n<section><h2>");
	html_text(out, msg(lang, MSG_GAPS_AGAINST));
	html_raw(out, ": ");
	html_text(out, report_level_name(r->target, lang));
	html_rawf(out, " (%zu)</h2>", r->ngaps);
	gap_register(out, r, lang);
	html_raw(out, "</section>");
	if (r->nstale)
		stale_section(out, r, lang);
	html_raw(out, "\n<section class=\"appendix\"><h2>");
	html_text(out, msg(lang, MSG_APPENDIX));
	html_raw(out, "</h2>");
	appendix(out, r, lang);
	if (r->summary.evidence_files)
		evidence_appendix(out, r, lang);
	html_raw(out, "</section>\n<footer>craf ");
	html_text(out, r->tool_version);
	html_raw(out, " &middot; ");
	html_text(out, r->generated_at);
	html_raw(out, "<br>catalogue sha256 ");
	html_text(out, r->catalogue_sha256);
	html_raw(out, "<br>answers sha256 ");
	html_text(out, r->answers_sha256);
	html_raw(out, "</footer></main></body></html>\n");
}
