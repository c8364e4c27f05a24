/* The inherent-risk rating as text: the indicators, the tally, the override and what it requires.
 */
#include "risk_render.h"

#include <string.h>

#include "out_text.h"
#include "report_text.h"
#include "term.h"

/* "  Label          value", the value (made safe by the writer) wrapping under itself. */
static void line(struct txt_out *out, const char *label, const char *value, int width)
{
	txt_raw(out, "  ");
	txt_pad(out, label, 14);
	txt_raw(out, " ");
	txt_wrap_hanging(out, value, 17, term_prose_width(width));
	txt_raw(out, "\n");
}

void risk_text_render(struct txt_out *out, const struct result *r, enum lang lang, int width)
{
	const struct result_risk *rr = &r->risk;
	struct strbuf v = STRBUF_INIT;
	char date[11];

	txt_text(out, msg(lang, MSG_RISK_TITLE));
	txt_raw(out, "\n");
	for (int i = term_width(msg(lang, MSG_RISK_TITLE)); i > 0; i--)
		txt_raw(out, "=");
	txt_raw(out, "\n\n");
	line(out, msg(lang, MSG_INSTITUTION), r->institution, width);
	line(out, msg(lang, MSG_ASSESSED), date_format(&r->assessment_date, date), width);
	if (rr->from_indicators) {
		const char *category = NULL;

		txt_raw(out, "\n");
		for (size_t i = 0; i < rr->nindicators; i++) {
			const struct result_risk_indicator *ind = &rr->indicators[i];

			/* Grouped by category in the order first met. */
			if (category && !strcmp(category, ind->category))
				continue;
			category = ind->category;
			txt_wrap(out,
				 ind->category_name.en ? text_get(&ind->category_name, lang)
						       : ind->category,
				 0, width);
			txt_raw(out, "\n");
			for (size_t k = i; k < rr->nindicators; k++) {
				const struct result_risk_indicator *x = &rr->indicators[k];

				if (strcmp(x->category, category))
					continue;
				strbuf_reset(&v);
				strbuf_adds(&v, x->name);
				if (x->note)
					strbuf_addf(&v, ": %s", x->note);
				txt_raw(out, "  ");
				txt_pad(out, report_risk_name(x->rating, lang), 8);
				txt_wrap_hanging(out, v.buf, 10, term_prose_width(width));
				txt_raw(out, "\n");
			}
		}
		txt_raw(out, "\n");
		strbuf_reset(&v);
		for (int k = 0; k < RISK_COUNT; k++)
			strbuf_addf(&v, "%s%s %u", k ? ", " : "",
				    report_risk_name((enum risk)k, lang), rr->counts[k]);
		line(out, msg(lang, MSG_RISK_COUNTS), v.buf, width);
		line(out, msg(lang, MSG_RISK_RULE), msg(lang, MSG_RISK_RULE_TEXT), width);
		line(out, msg(lang, MSG_RISK_COMPUTED), report_risk_name(rr->computed, lang),
		     width);
	}
	if (rr->override != RISK_NONE) {
		strbuf_reset(&v);
		strbuf_addf(&v, "%s: %s", report_risk_name(rr->override, lang),
			    rr->justification ? rr->justification : "");
		line(out, msg(lang, MSG_RISK_OVERRIDE_LABEL), v.buf, width);
	}
	strbuf_reset(&v);
	report_risk_summary(&v, r, lang);
	line(out, msg(lang, MSG_INHERENT_RISK), v.buf, width);
	strbuf_reset(&v);
	strbuf_addf(&v, "%s (%s)", report_level_name(r->target, lang),
		    msg(lang, r->target_source == TARGET_INHERENT_RISK ? MSG_FROM_INHERENT_RISK
								       : MSG_FROM_EXPLICIT));
	line(out, msg(lang, MSG_TARGET), v.buf, width);
	line(out, "iCAST",
	     msg(lang, r->icast_required ? MSG_ICAST_REQUIRED_TEXT : MSG_ICAST_NOT_TEXT), width);
	strbuf_release(&v);
}
