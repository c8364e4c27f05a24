/* craf risk: the inherent-risk rating, how it was derived, and what it requires. */
#include <string.h>

#include "answers.h"
#include "cmd.h"
#include "engine.h"
#include "exitcode.h"
#include "opts.h"
#include "out_text.h"
#include "report_json.h"
#include "report_text.h"
#include "term.h"

enum { O_CATALOGUE, O_FORMAT, O_HELP, O_LANG, O_NO_PAGER, O_WIDTH };

static const struct opt options[] = {
	{"catalogue", 0, true, O_CATALOGUE}, {"format", 0, true, O_FORMAT},
	{"help", 'h', false, O_HELP},	     {"lang", 0, true, O_LANG},
	{"no-pager", 0, false, O_NO_PAGER},  {"width", 0, true, O_WIDTH},
};

/* "  Label          value", the value (made safe by the writer) wrapping under itself. */
static void line(struct txt_out *out, const char *label, const char *value, int width)
{
	txt_raw(out, "  ");
	txt_pad(out, label, 14);
	txt_raw(out, " ");
	txt_wrap_hanging(out, value, 17, term_prose_width(width));
	txt_raw(out, "\n");
}

static void render_text(struct txt_out *out, const struct result *r, enum lang lang, int width)
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

static int run(int argc, char **argv)
{
	const char *value;
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	enum lang lang = lang_default();
	struct cmd_loader ld;
	struct result res;
	struct opt_iter it;
	int id, ret, json = 0, width = 0;

	cmd_loader_init(&ld);
	ld.answers_only = true;
	result_init(&res);
	opt_iter_init(&it, argc, argv, options, sizeof(options) / sizeof(options[0]));
	while ((id = opt_next(&it, &value)) != OPT_END) {
		switch (id) {
		case OPT_ERROR:
			ret = cmd_usage_error(&cmd_risk, "%s", it.error);
			goto cleanup;
		case O_HELP:
			ret = cmd_help(&cmd_risk);
			goto cleanup;
		case O_CATALOGUE:
			ld.catalogue_dir = value;
			break;
		case O_FORMAT:
			if (strcmp(value, "text") && strcmp(value, "json")) {
				ret = cmd_usage_error(
					&cmd_risk, "unknown format \"%s\" (expected text or json)",
					value);
				goto cleanup;
			}
			json = !strcmp(value, "json");
			break;
		case O_LANG:
			if (cmd_opt_lang(&cmd_risk, value, &lang)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		case O_NO_PAGER:
			cmd_pager_disable();
			break;
		case O_WIDTH:
			if (cmd_opt_width(&cmd_risk, value, &width)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		}
	}
	if ((ret = cmd_want_one_file(&cmd_risk, it.nargs, "answers file")))
		goto cleanup;
	ld.eo = eo;
	if (cmd_load_result(&ld, it.args[0], &res, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	cmd_report_diags(&dl);
	if (json)
		report_json_risk_render(&out, &res);
	else {
		struct txt_out w = TXT_OUT_INIT;

		render_text(&w, &res, lang, cmd_output_width(width, NULL));
		txt_finish(&w, &out);
	}
	if (!json && cmd_localise(&out, lang)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	cmd_pager_start(NULL);
	if (cmd_write_output(NULL, strbuf_str(&out), out.len, NULL)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	ret = cmd_finish(CRAF_EXIT_OK);
cleanup:
	strbuf_release(&out);
	result_release(&res);
	cmd_loader_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_risk = {
	"risk",
	run,
	"Show the inherent-risk rating, how it was derived and the target it sets",
	"usage: craf risk [OPTIONS] ANSWERS.yaml\n"
	"\n"
	"Shows the inherent-risk indicators of the answers file by category, the\n"
	"count of each rating, the rating the majority rule gives (the most\n"
	"frequent, the higher on a tie), any override and its justification, the\n"
	"target maturity that follows (low -> baseline, medium -> intermediate,\n"
	"high -> advanced) and whether iCAST is required (medium and high).\n"
	"The categories and illustrative indicators are in controls/inherent-risk.yaml.\n"
	"With - for ANSWERS.yaml the answers are read from standard input.\n"
	"\n"
	"Options:\n"
	"  --format FORMAT   text (default) or json\n"
	"  --lang LANG       en, zh or zh-Hant (default: from the locale, else en)\n"
	"  --catalogue DIR   Use the catalogue in DIR instead of the built-in one\n"
	"  --no-pager        Do not page the output (at a terminal it goes through\n"
	"                    $CRAF_PAGER, else $PAGER, else less -FRX)\n"
	"  --width N         Fit text to N columns, 40 to 1000 (default: the\n"
	"                    terminal's width, else $COLUMNS, else 80)\n"
	"  -h, --help        Show this help\n"
	"\n"
	"Exit status: 0 shown, 2 usage or input error.\n",
};
