/* craf assess: score an answers file and print the maturity-gap report. */
#include <stdlib.h>

#include "answers.h"
#include "cmd.h"
#include "engine.h"
#include "exitcode.h"
#include "report.h"
#include "term.h"

enum { O_EVIDENCE_MAX_AGE };

static const struct opt options[] = {
	CMD_OPTION_AS_OF("Judge overdue remediation and expired risk\n"
			 "acceptance on DATE (default: the assessment date)"),
	CMD_OPTION_CATALOGUE("Use the catalogue in DIR instead of the built-in one\n"
			     "(also $CRAF_CATALOGUE)"),
	CMD_OPTION(COLOR),
	CMD_OPTION(CSV_BOM),
	{"evidence-max-age", 0, "MONTHS", O_EVIDENCE_MAX_AGE,
	 "Flag file evidence dated more than MONTHS before the\n"
	 "assessment date as stale (default 12)"},
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
	const char *value;
	struct diag_list dl = DIAG_LIST_INIT;
	struct inputs ld;
	struct result res;
	struct opt_iter it;
	int id, ret;

	cmd_inputs_init(&ld);
	ld.answers_only = true;
	result_init(&res);
	cmd_opts_begin(&co, &it, &cmd_assess, argc, argv);
	while ((id = cmd_opts_next(&co, &it, &value)) != OPT_END) {
		switch (id) {
		case CMD_OPT_EXIT:
			ret = co.status;
			goto cleanup;
		case O_EVIDENCE_MAX_AGE: {
			char *end;
			long v = strtol(value, &end, 10);

			if (!*value || *end || v < 0 || v > 1200 || value[0] == '+' ||
			    value[0] == ' ') {
				ret = cmd_usage_error(
					&cmd_assess,
					"invalid number of months \"%s\" for --evidence-max-age (expected 0 to 1200)",
					value);
				goto cleanup;
			}
			eo.evidence_max_age = (int)v;
			break;
		}
		}
	}
	if ((ret = cmd_want_one_file(&cmd_assess, it.nargs, "answers file")))
		goto cleanup;
	eo.target = co.target;
	eo.as_of = co.as_of;
	eo.now = cmd_now();
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	ld.eo = eo;
	if (inputs_load_result(&ld, it.args[0], &res, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	cmd_report_diags(&dl);
	/* The result is self-contained: free the catalogue before rendering a large report. */
	inputs_release(&ld);
	ret = cmd_emit_result(&res, &co, it.args[0], res.ngaps ? CRAF_EXIT_GAPS : CRAF_EXIT_OK);
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
	.epilogue = "The JSON report (docs/report.md) is the full record: 'craf report'\n"
		    "renders it again in any format without the answers file.\n"
		    "\n"
		    "Exit status: 0 no gap against the target, 1 gaps remain,\n"
		    "2 usage or input error (nothing is printed on stdout).\n",
};
