/* craf assess: score an answers file and print the maturity-gap report. */
#include "answers.h"
#include "cmd.h"
#include "engine.h"
#include "exitcode.h"
#include "report.h"
#include "term.h"

static const struct opt options[] = {
	CMD_OPTION_AS_OF("Judge overdue remediation and expired risk\n"
			 "acceptance on DATE (default: the assessment date)"),
	CMD_OPTION_CATALOGUE("Use the catalogue in DIR instead of the built-in one\n"
			     "(also $CRAF_CATALOGUE)"),
	CMD_OPTION(COLOR),
	CMD_OPTION(CSV_BOM),
	OPT_INT("evidence-max-age", 0, "MONTHS", struct engine_options, evidence_max_age, 0, 1200,
		"number of months",
		"Flag file evidence dated more than MONTHS before the\n"
		"assessment date as stale (default 12)"),
	CMD_OPTION_FORMAT(CMD_HELP_REPORT_FORMAT),
	CMD_OPTION(HELP),
	CMD_OPTION_LANG(CMD_HELP_REPORT_LANG),
	CMD_OPTION(NO_PAGER),
	CMD_OPTION_OUTPUT("Write the report to FILE (atomically) instead of\n"
			  "standard output"),
	CMD_OPTION_TARGET("Assess against baseline, intermediate or advanced,\n"
			  "overriding the answers file"),
	CMD_OPTION(WIDTH),
};

static int run(int argc, char **argv)
{
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct cmd_opts co;
	struct diag_list dl = DIAG_LIST_INIT;
	struct inputs ld;
	struct result res;
	int ret;

	cmd_inputs_init(&ld);
	ld.answers_only = true;
	result_init(&res);
	if ((ret = cmd_parse_options(&co, &cmd_assess, argc, argv, &eo)) != CMD_GO_ON)
		goto cleanup;
	eo.target = co.target;
	eo.as_of = co.as_of;
	eo.now = cmd_now();
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	ld.eo = eo;
	if ((ret = cmd_loaded(inputs_load_result(&ld, co.args[0], &res, &dl), &dl)))
		goto cleanup;
	/* The result is self-contained: free the catalogue before rendering a large report. */
	inputs_release(&ld);
	ret = cmd_emit_result(&res, &co, co.args[0], res.ngaps ? CRAF_EXIT_GAPS : CRAF_EXIT_OK);
cleanup:
	result_release(&res);
	inputs_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_assess = {
	.name = "assess",
	.run = run,
	.summary = "Score an answers file and print the maturity-gap report",
	.synopsis = "assess [OPTIONS] ANSWERS.yaml",
	.description = "Scores the answers against the catalogue and prints each domain's\n"
		       "maturity against the target, then every gap with its requirement,\n"
		       "status, note, remediation and the Tencent Cloud products that help.\n"
		       "With - for ANSWERS.yaml the answers are read from standard input\n"
		       "(named <stdin> in messages and in the report).\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.formats = cmd_report_formats,
	.nformats = CMD_NREPORT_FORMATS,
	.file = "answers file",
	.epilogue = "The JSON report (docs/report.md) is the full record: 'craf report'\n"
		    "renders it again in any format without the answers file.\n"
		    "\n"
		    "Exit status: 0 no gap against the target, 1 gaps remain,\n"
		    "2 usage or input error (nothing is printed on stdout).\n",
};
