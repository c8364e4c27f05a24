/* craf risk: the inherent-risk rating, how it was derived, and what it requires. */
#include <string.h>

#include "answers.h"
#include "cmd.h"
#include "engine.h"
#include "exitcode.h"
#include "out_text.h"
#include "report_json.h"
#include "report_text.h"
#include "term.h"

static const struct opt options[] = {
	CMD_OPTION(CATALOGUE), CMD_OPTION_FORMAT("text (default) or json"),
	CMD_OPTION(HELP),      CMD_OPTION(LANG),
	CMD_OPTION(NO_PAGER),  CMD_OPTION(WIDTH),
};

static const enum report_format formats[] = {REPORT_TEXT, REPORT_JSON};

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
	struct cmd_opts co;
	struct cmd_loader ld;
	struct result res;
	struct opt_iter it;
	int ret, json;

	cmd_loader_init(&ld);
	ld.answers_only = true;
	result_init(&res);
	cmd_opts_begin(&co, &it, &cmd_risk, argc, argv);
	/* risk has no options of its own. */
	if (cmd_opts_next(&co, &it, &value) != OPT_END) {
		ret = co.status;
		goto cleanup;
	}
	json = co.format == REPORT_JSON;
	if ((ret = cmd_want_one_file(&cmd_risk, it.nargs, "answers file")))
		goto cleanup;
	eo.now = cmd_now();
	ld.catalogue_dir = co.catalogue;
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

		render_text(&w, &res, co.lang, cmd_output_width(co.width, NULL));
		txt_finish(&w, &out);
	}
	if (!json && cmd_localise(&out, co.lang)) {
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
	.name = "risk",
	.run = run,
	.summary = "Show the inherent-risk rating, how it was derived and the target it sets",
	.synopsis = "risk [OPTIONS] ANSWERS.yaml",
	.description =
		"Shows the inherent-risk indicators of the answers file by category, the\n"
		"count of each rating, the rating the majority rule gives (the most\n"
		"frequent, the higher on a tie), any override and its justification, the\n"
		"target maturity that follows (low -> baseline, medium -> intermediate,\n"
		"high -> advanced) and whether iCAST is required (medium and high).\n"
		"The categories and illustrative indicators are in controls/inherent-risk.yaml.\n"
		"With - for ANSWERS.yaml the answers are read from standard input.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.formats = formats,
	.nformats = OPT_COUNT(formats),
	.epilogue = "Exit status: 0 shown, 2 usage or input error.\n",
};
