/* The executive HTML report: one self-contained file, inline CSS and SVG, no script. */
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "report.h"
#include "report_text.h"
#include "term.h"

/* Every piece of text goes through here: nothing a user wrote becomes markup. */
static void esc(struct strbuf *out, const char *s)
{
	escape_html(out, s);
}

static const char css[] =
	":root{--ink:#1c2430;--muted:#5b6675;--line:#d9dee5;--bg:#f5f7fa;--card:#fff;"
	"--ok:#1f7a5a;--ok-bg:#e3f3ec;--bad:#b42318;--bad-bg:#fdecea;--warn:#a15c00;"
	"--warn-bg:#fff4e0;--accent:#1d4f91}"
	"*{box-sizing:border-box}"
	"body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 -apple-system,"
	"'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans CJK SC','PingFang SC',"
	"'Microsoft YaHei',sans-serif}"
	"main{max-width:1080px;margin:0 auto;padding:40px 32px 64px}"
	"header{border-bottom:3px solid var(--accent);padding-bottom:20px;margin-bottom:28px}"
	".eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:12px;color:var(--accent);"
	"font-weight:600;margin:0 0 6px}"
	"h1{font-size:30px;margin:0 0 6px;line-height:1.2}"
	"h2{font-size:20px;margin:40px 0 14px;padding-bottom:6px;border-bottom:1px solid var(--line)}"
	"h3{font-size:16px;margin:26px 0 10px}"
	".meta{color:var(--muted);margin:0}"
	".cards{display:grid;grid-template-columns:repeat(4,1fr);gap:14px}"
	".card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px}"
	".card .label{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}"
	".card .value{font-size:24px;font-weight:700;margin-top:4px}"
	".card .sub{font-size:13px;color:var(--muted)}"
	".card.bad{border-top:4px solid var(--bad)}.card.ok{border-top:4px solid var(--ok)}"
	".card.warn{border-top:4px solid var(--warn)}.card.neutral{border-top:4px solid var(--accent)}"
	".panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px}"
	"svg text{font-family:inherit}"
	"table{width:100%;border-collapse:collapse;background:var(--card);font-size:13.5px}"
	"th,td{text-align:left;vertical-align:top;padding:8px 10px;border-bottom:1px solid var(--line)}"
	"th{background:#eef1f5;font-size:12px;text-transform:uppercase;letter-spacing:.04em;"
	"color:var(--muted)}"
	"td.num{text-align:right;white-space:nowrap}td.nw{white-space:nowrap}"
	".pill{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;"
	"font-weight:600;white-space:nowrap}"
	".st-met,.st-compensating,.st-not-applicable,.st-inherited{background:var(--ok-bg);color:var(--ok)}"
	".st-partial,.st-risk-accepted{background:var(--warn-bg);color:var(--warn)}"
	".st-not-met{background:var(--bad-bg);color:var(--bad)}"
	".st-unanswered{background:#eceff3;color:var(--muted)}"
	".overdue td{background:#fff7f6}.flag{color:var(--bad);font-weight:700}"
	".bar{height:8px;background:#e6e9ee;border-radius:4px;overflow:hidden;min-width:90px;"
	"margin-top:4px}"
	".bar span{display:block;height:100%;background:var(--ok)}"
	".bar span.part{background:var(--warn)}"
	".req{color:var(--muted);font-size:12.5px}"
	"ul.ev{margin:0;padding-left:18px}"
	"footer{margin-top:48px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);"
	"padding-top:14px;word-break:break-all}"
	"@media print{body{background:#fff;font-size:11px}main{padding:0;max-width:none}"
	".cards{grid-template-columns:repeat(4,1fr)}section{break-inside:auto}"
	"tr{break-inside:avoid}h2{break-after:avoid}.appendix{break-before:page}"
	".card,.panel{border-color:#bbb}}"
	"@page{size:A4;margin:14mm}";

static const char *status_class(enum status s)
{
	return status_name(s);
}

static void pill(struct strbuf *out, enum status s, enum lang lang)
{
	strbuf_addf(out, "<span class=\"pill st-%s\">", status_class(s));
	esc(out, report_status_name(s, lang));
	strbuf_adds(out, "</span>");
}

static void card(struct strbuf *out, const char *kind, const char *label, const char *value,
		 const char *sub)
{
	strbuf_addf(out, "<div class=\"card %s\"><div class=\"label\">", kind);
	esc(out, label);
	strbuf_adds(out, "</div><div class=\"value\">");
	esc(out, value);
	strbuf_adds(out, "</div><div class=\"sub\">");
	esc(out, sub);
	strbuf_adds(out, "</div></div>");
}

static void summary_cards(struct strbuf *out, const struct result *r, enum lang lang)
{
	struct strbuf sub = STRBUF_INIT;
	char n[32];

	strbuf_adds(&sub, msg(lang, r->overall >= r->target ? MSG_MEETS_TARGET : MSG_BELOW_TARGET));
	strbuf_adds(out, "<section class=\"cards\">");
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
	strbuf_adds(out, "</section>");
	strbuf_release(&sub);
}

/* Horizontal bars: each domain's achieved level, with the target as a dashed line. */
static void chart(struct strbuf *out, const struct result *r, enum lang lang)
{
	const int left = 250, right = 30, top = 34, row = 38, width = 1000;
	const int plot = width - left - right;
	const int height = top + row * (int)r->ndomains + 16;
	const int tx = left + plot * (r->target + 1) / 3;

	strbuf_addf(out,
		    "<div class=\"panel\"><svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
		    "aria-label=\"",
		    width, height);
	esc(out, msg(lang, MSG_DOMAINS));
	strbuf_adds(out, "\" xmlns=\"http://www.w3.org/2000/svg\">");
	for (int l = LEVEL_NONE; l < LEVEL_COUNT; l++) {
		int x = left + plot * (l + 1) / 3;

		strbuf_addf(out,
			    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d9dee5\"/>"
			    "<text x=\"%d\" y=\"18\" font-size=\"13\" fill=\"#5b6675\" "
			    "text-anchor=\"%s\">",
			    x, top - 6, x, height - 12, x,
			    l == LEVEL_NONE	  ? "start"
			    : l == LEVEL_ADVANCED ? "end"
						  : "middle");
		esc(out, report_level_name((enum level)l, lang));
		strbuf_adds(out, "</text>");
	}
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];
		int y = top + row * (int)d;
		int w = plot * (rd->achieved + 1) / 3;

		strbuf_addf(out,
			    "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\" "
			    "fill=\"#1c2430\">",
			    left - 12, y + 22);
		strbuf_addf(out, "%s ", rd->id);
		esc(out, text_get(&rd->name, lang));
		strbuf_addf(out,
			    "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"22\" rx=\"4\" "
			    "fill=\"%s\"/>",
			    left, y + 7, w > 0 ? w : 3, rd->meets_target ? "#1f7a5a" : "#d97706");
		/* The level in words too: the chart must not rely on colour alone. */
		if (w > 80)
			strbuf_addf(out,
				    "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#ffffff\" "
				    "text-anchor=\"end\">",
				    left + w - 8, y + 23);
		else
			strbuf_addf(out,
				    "<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#1c2430\">",
				    left + (w > 0 ? w : 3) + 8, y + 23);
		esc(out, report_level_name(rd->achieved, lang));
		strbuf_adds(out, "</text>");
	}
	strbuf_addf(
		out,
		"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#b42318\" "
		"stroke-width=\"2.5\" stroke-dasharray=\"6 4\"/>"
		"<text x=\"%d\" y=\"%d\" font-size=\"12\" fill=\"#b42318\" text-anchor=\"end\">",
		tx, top - 4, tx, height - 12, tx - 6, height - 2);
	esc(out, msg(lang, MSG_TARGET));
	strbuf_adds(out, "</text></svg></div>");
}

static void progress(struct strbuf *out, const struct result *r, enum lang lang)
{
	strbuf_adds(out, "<table><thead><tr><th>");
	esc(out, msg(lang, MSG_DOMAIN));
	strbuf_adds(out, "</th><th>");
	esc(out, msg(lang, MSG_ACHIEVED));
	strbuf_adds(out, "</th>");
	for (int l = 0; l < LEVEL_COUNT; l++) {
		strbuf_adds(out, "<th>");
		esc(out, report_level_name((enum level)l, lang));
		strbuf_adds(out, "</th>");
	}
	strbuf_adds(out, "</tr></thead><tbody>");
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];

		strbuf_addf(out, "<tr><td>%s ", rd->id);
		esc(out, text_get(&rd->name, lang));
		strbuf_addf(out, "</td><td><span class=\"pill %s\">%s ",
			    rd->meets_target ? "st-met" : "st-not-met",
			    rd->meets_target ? "&#10003;" : "&#10007;");
		esc(out, report_level_name(rd->achieved, lang));
		strbuf_adds(out, "</span></td>");
		for (int l = 0; l < LEVEL_COUNT; l++) {
			unsigned req = rd->required[l], got = rd->achieved_count[l];

			if (!req) {
				strbuf_adds(out, "<td>&ndash;</td>");
				continue;
			}
			strbuf_addf(out,
				    "<td>%u / %u<div class=\"bar\"><span class=\"%s\" "
				    "style=\"width:%u%%\"></span></div></td>",
				    got, req, got == req ? "" : "part", got * 100 / req);
		}
		strbuf_adds(out, "</tr>");
	}
	strbuf_adds(out, "</tbody></table>");
}

static void th(struct strbuf *out, const char *s)
{
	strbuf_adds(out, "<th>");
	esc(out, s);
	strbuf_adds(out, "</th>");
}

static void gap_register(struct strbuf *out, const struct result *r, enum lang lang)
{
	char date[11];

	if (!r->ngaps) {
		strbuf_adds(out, "<p>");
		esc(out, msg(lang, MSG_NO_GAPS));
		strbuf_adds(out, "</p>");
		return;
	}
	strbuf_adds(out, "<table><thead><tr><th>#</th>");
	th(out, "ID");
	th(out, msg(lang, MSG_LEVEL));
	th(out, msg(lang, MSG_STATUS));
	th(out, msg(lang, MSG_REQUIREMENT));
	th(out, msg(lang, MSG_REMEDIATION));
	th(out, msg(lang, MSG_DUE));
	strbuf_adds(out, "</tr></thead><tbody>");
	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];

		strbuf_addf(out, "<tr%s><td class=\"num\">%zu</td><td><strong>",
			    rl->overdue ? " class=\"overdue\"" : "", g + 1);
		esc(out, c->id);
		strbuf_adds(out, "</strong><br>");
		esc(out, text_get(&c->name, lang));
		strbuf_adds(out, "</td><td class=\"nw\">");
		esc(out,
		    c->single ? msg(lang, MSG_ALL_LEVELS) : report_level_name(rl->level, lang));
		strbuf_adds(out, "</td><td class=\"nw\">");
		pill(out, rl->status, lang);
		if (rl->expired) {
			strbuf_adds(out, "<br><span class=\"flag\">");
			esc(out, msg(lang, MSG_EXPIRED));
			strbuf_adds(out, "</span>");
		}
		strbuf_adds(out, "</td><td><div class=\"req\">");
		esc(out, text_get(&rl->requirement, lang));
		strbuf_adds(out, "</div>");
		if (rl->note) {
			strbuf_adds(out, "<div><em>");
			esc(out, msg(lang, MSG_NOTE));
			strbuf_adds(out, ":</em> ");
			esc(out, rl->note);
			strbuf_adds(out, "</div>");
		}
		strbuf_adds(out, "</td><td>");
		if (rl->has_remediation) {
			esc(out, rl->remediation.action);
			strbuf_adds(out, "<br><strong>");
			esc(out, rl->remediation.owner);
			strbuf_adds(out, "</strong>");
		}
		strbuf_adds(out, "</td><td class=\"num\">");
		if (rl->has_remediation) {
			esc(out, date_format(&rl->remediation.due, date));
			if (rl->overdue) {
				strbuf_adds(out, "<br><span class=\"flag\">");
				esc(out, msg(lang, MSG_OVERDUE));
				strbuf_adds(out, "</span>");
			}
		}
		strbuf_adds(out, "</td></tr>");
	}
	strbuf_adds(out, "</tbody></table>");
}

static void appendix(struct strbuf *out, const struct result *r, enum lang lang)
{
	for (size_t d = 0; d < r->ndomains; d++) {
		strbuf_addf(out, "<h3>%s ", r->domains[d].id);
		esc(out, text_get(&r->domains[d].name, lang));
		strbuf_adds(out, "</h3><table><thead><tr>");
		th(out, "ID");
		th(out, msg(lang, MSG_LEVEL));
		th(out, msg(lang, MSG_STATUS));
		th(out, msg(lang, MSG_EVIDENCE));
		th(out, msg(lang, MSG_NOTE));
		strbuf_adds(out, "</tr></thead><tbody>");
		for (size_t i = 0; i < r->ncontrols; i++) {
			const struct result_control *c = &r->controls[i];

			if (c->domain != d)
				continue;
			for (size_t l = 0; l < c->nlevels; l++) {
				const struct result_level *rl = &c->levels[l];

				strbuf_adds(out, "<tr>");
				if (l == 0) {
					strbuf_addf(out, "<td rowspan=\"%zu\"><strong>",
						    c->nlevels);
					esc(out, c->id);
					strbuf_adds(out, "</strong><br>");
					esc(out, text_get(&c->name, lang));
					strbuf_adds(out, "</td>");
				}
				strbuf_adds(out, "<td class=\"nw\">");
				esc(out, c->single ? msg(lang, MSG_ALL_LEVELS)
						   : report_level_name(rl->level, lang));
				strbuf_adds(out, "</td><td class=\"nw\">");
				pill(out, rl->status, lang);
				strbuf_adds(out, "</td><td>");
				if (rl->evidence.nr) {
					strbuf_adds(out, "<ul class=\"ev\">");
					for (size_t e = 0; e < rl->evidence.nr; e++) {
						strbuf_adds(out, "<li>");
						esc(out, rl->evidence.items[e]);
						strbuf_adds(out, "</li>");
					}
					strbuf_adds(out, "</ul>");
				}
				strbuf_adds(out, "</td><td>");
				esc(out, rl->note);
				strbuf_adds(out, "</td></tr>");
			}
		}
		strbuf_adds(out, "</tbody></table>");
	}
}

void report_html_render(struct strbuf *out, const struct result *r, const struct report_options *o)
{
	enum lang lang = o->lang;
	char date[11];

	strbuf_addf(out,
		    "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
		    "<meta name=\"generator\" content=\"craf %s\"><title>",
		    lang == LANG_ZH_HANT ? "zh-Hant-HK"
		    : lang == LANG_ZH	 ? "zh-Hans"
					 : "en",
		    r->tool_version);
	esc(out, msg(lang, MSG_REPORT_TITLE));
	strbuf_adds(out, " &mdash; ");
	esc(out, r->institution);
	strbuf_addf(out,
		    "</title><style>%s</style></head><body><main>\n<header>"
		    "<p class=\"eyebrow\">",
		    css);
	esc(out, msg(lang, MSG_REPORT_TITLE));
	strbuf_adds(out, "</p><h1>");
	esc(out, r->institution);
	strbuf_adds(out, "</h1><p class=\"meta\">");
	esc(out, msg(lang, MSG_ASSESSED));
	strbuf_adds(out, " ");
	esc(out, date_format(&r->assessment_date, date));
	if (r->assessor) {
		strbuf_adds(out, " &middot; ");
		esc(out, r->assessor);
	}
	if (r->scope) {
		strbuf_adds(out, "<br>");
		esc(out, msg(lang, MSG_SCOPE));
		strbuf_adds(out, ": ");
		esc(out, r->scope);
	}
	if (r->inherent_risk != RISK_NONE) {
		struct strbuf v = STRBUF_INIT;

		report_risk_summary(&v, r, lang);
		strbuf_adds(out, "<br>");
		esc(out, msg(lang, MSG_INHERENT_RISK));
		strbuf_adds(out, ": ");
		esc(out, v.buf);
		if (r->risk.override != RISK_NONE && r->risk.justification) {
			strbuf_adds(out, " &middot; ");
			esc(out, msg(lang, MSG_RISK_JUSTIFICATION));
			strbuf_adds(out, ": ");
			esc(out, r->risk.justification);
		}
		strbuf_release(&v);
	}
	strbuf_adds(out, "<br>");
	esc(out, msg(lang, MSG_CATALOGUE));
	strbuf_adds(out, ": ");
	esc(out, r->framework);
	strbuf_adds(out, " ");
	esc(out, r->catalogue_version);
	strbuf_adds(out, "</p></header>\n");
	summary_cards(out, r, lang);
	strbuf_adds(out, "\n<section><h2>");
	esc(out, msg(lang, MSG_DOMAINS));
	strbuf_adds(out, "</h2>");
	chart(out, r, lang);
	strbuf_adds(out, "</section>\n<section><h2>");
	esc(out, msg(lang, MSG_PROGRESS));
	strbuf_adds(out, "</h2>");
	progress(out, r, lang);
	strbuf_addf(out, "</section>\n<section><h2>");
	esc(out, msg(lang, MSG_GAPS_AGAINST));
	strbuf_adds(out, ": ");
	esc(out, report_level_name(r->target, lang));
	strbuf_addf(out, " (%zu)</h2>", r->ngaps);
	gap_register(out, r, lang);
	strbuf_adds(out, "</section>\n<section class=\"appendix\"><h2>");
	esc(out, msg(lang, MSG_APPENDIX));
	strbuf_adds(out, "</h2>");
	appendix(out, r, lang);
	strbuf_adds(out, "</section>\n<footer>craf ");
	esc(out, r->tool_version);
	strbuf_adds(out, " &middot; ");
	esc(out, r->generated_at);
	strbuf_adds(out, "<br>catalogue sha256 ");
	esc(out, r->catalogue_sha256);
	strbuf_adds(out, "<br>answers sha256 ");
	esc(out, r->answers_sha256);
	strbuf_adds(out, "</footer></main></body></html>\n");
}
