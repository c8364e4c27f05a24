/* craf risk: the inherent-risk rating, how it was derived, and what it requires. */
#include <string.h>

#include "answers.h"
#include "cmd.h"
#include "engine.h"
#include "exitcode.h"
#include "out_text.h"
#include "report_json.h"
#include "risk_render.h"
#include "term.h"

static const struct opt options[] = {
	CMD_OPTION(CATALOGUE), CMD_OPTION_FORMAT("text (default) or json"),
	CMD_OPTION(HELP),      CMD_OPTION(LANG),
	CMD_OPTION(NO_PAGER),  CMD_OPTION(WIDTH),
};

static const enum report_format formats[] = {REPORT_TEXT, REPORT_JSON};

static int run(int argc, char **argv)
{
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	struct cmd_opts co;
	struct inputs ld;
	struct result res;
	int ret, json;

	cmd_inputs_init(&ld);
	ld.answers_only = true;
	result_init(&res);
	if ((ret = cmd_parse_options(&co, &cmd_risk, argc, argv, NULL)) != CMD_GO_ON)
		goto cleanup;
	json = co.format == REPORT_JSON;
	eo.now = cmd_now();
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	ld.eo = eo;
	if ((ret = cmd_loaded(inputs_load_result(&ld, co.args[0], &res, &dl), &dl)))
		goto cleanup;
	if (json)
		report_json_risk_render(&out, &res);
	else {
		struct txt_out w = TXT_OUT_INIT;

		risk_text_render(&w, &res, co.lang, cmd_output_width(co.width, NULL));
		txt_finish(&w, &out);
	}
	ret = cmd_emit(&out, &(struct cmd_emit){.lang = co.lang, .localise = !json, .page = true},
		       CRAF_EXIT_OK);
cleanup:
	strbuf_release(&out);
	result_release(&res);
	inputs_release(&ld);
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
	.file = "answers file",
	.epilogue = "Exit status: 0 shown, 2 usage or input error.\n",
};
