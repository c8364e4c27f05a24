/* craf assess: score an answers file and print the maturity-gap report. */
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "cmd.h"
#include "engine.h"
#include "exitcode.h"
#include "opts.h"
#include "report.h"
#include "term.h"

enum {
	O_AS_OF,
	O_CATALOGUE,
	O_COLOR,
	O_CSV_BOM,
	O_FORMAT,
	O_HELP,
	O_LANG,
	O_NO_PAGER,
	O_OUTPUT,
	O_TARGET,
	O_WIDTH
};

static const struct opt options[] = {
	{"as-of", 0, true, O_AS_OF},	 {"catalogue", 0, true, O_CATALOGUE},
	{"color", 0, true, O_COLOR},	 {"csv-bom", 0, false, O_CSV_BOM},
	{"format", 0, true, O_FORMAT},	 {"help", 'h', false, O_HELP},
	{"lang", 0, true, O_LANG},	 {"no-pager", 0, false, O_NO_PAGER},
	{"output", 'o', true, O_OUTPUT}, {"target", 0, true, O_TARGET},
	{"width", 0, true, O_WIDTH},
};

static int run(int argc, char **argv)
{
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct report_options ro = {cmd_lang_default(), false, 80, false, cmd_now()};
	enum report_format format = REPORT_TEXT;
	const char *output = NULL;
	enum color_mode color = COLOR_AUTO;
	const char *value;
	struct diag_list dl = DIAG_LIST_INIT;
	struct cmd_loader ld;
	struct result res;
	struct opt_iter it;
	int id, ret, width = 0;

	cmd_loader_init(&ld);
	ld.answers_only = true;
	result_init(&res);
	opt_iter_init(&it, argc, argv, options, sizeof(options) / sizeof(options[0]));
	while ((id = opt_next(&it, &value)) != OPT_END) {
		switch (id) {
		case OPT_ERROR:
			ret = cmd_usage_error(&cmd_assess, "%s", it.error);
			goto cleanup;
		case O_HELP:
			ret = cmd_help(&cmd_assess);
			goto cleanup;
		case O_AS_OF:
			if (date_parse(value, &eo.as_of)) {
				ret = cmd_usage_error(
					&cmd_assess,
					"invalid date \"%s\" for --as-of (expected YYYY-MM-DD)",
					value);
				goto cleanup;
			}
			break;
		case O_CATALOGUE:
			ld.catalogue_dir = value;
			break;
		case O_CSV_BOM:
			ro.csv_bom = true;
			break;
		case O_FORMAT:
			if (cmd_opt_report_format(&cmd_assess, value, &format)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		case O_NO_PAGER:
			cmd_pager_disable();
			break;
		case O_OUTPUT:
			output = value;
			break;
		case O_COLOR:
			if (cmd_opt_color(&cmd_assess, value, &color)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		case O_LANG:
			if (cmd_opt_lang(&cmd_assess, value, &ro.lang)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		case O_TARGET:
			if (cmd_opt_level(&cmd_assess, "target", value, &eo.target)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		case O_WIDTH:
			if (cmd_opt_width(&cmd_assess, value, &width)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		}
	}
	if ((ret = cmd_want_one_file(&cmd_assess, it.nargs, "answers file")))
		goto cleanup;
	ro.width = cmd_output_width(width, output);
	eo.now = cmd_now();
	ld.eo = eo;
	if (cmd_load_result(&ld, it.args[0], &res, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	cmd_report_diags(&dl);
	/* The result is self-contained: free the catalogue before rendering a large report. */
	cmd_loader_release(&ld);
	ro.color = format == REPORT_TEXT && (!output || !strcmp(output, "-")) &&
		   cmd_use_color(stdout, color);
	if (!report_format_is_binary(format))
		cmd_pager_start(output);
	if (cmd_output_result(&res, format, &ro, output, it.args[0])) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	ret = cmd_finish(res.ngaps ? CRAF_EXIT_GAPS : CRAF_EXIT_OK);
cleanup:
	result_release(&res);
	cmd_loader_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_assess = {
	"assess",
	run,
	"Score an answers file and print the maturity-gap report",
	"usage: craf assess [OPTIONS] ANSWERS.yaml\n"
	"\n"
	"Scores the answers against the catalogue and prints each domain's\n"
	"maturity against the target, then every gap with its requirement,\n"
	"status, note, remediation and the Tencent Cloud products that help.\n"
	"With - for ANSWERS.yaml the answers are read from standard input\n"
	"(named <stdin> in messages and in the report).\n"
	"\n"
	"Options:\n"
	"  --target LEVEL    Assess against baseline, intermediate or advanced,\n"
	"                    overriding the answers file\n"
	"  --as-of DATE      Judge overdue remediation and expired risk\n"
	"                    acceptance on DATE (default: the assessment date)\n"
	"  --format FORMAT   text (default), json, html, markdown, csv, xlsx or oscal\n"
	"                    (OSCAL 1.2.1 assessment-results, docs/oscal.md)\n"
	"  -o, --output FILE Write the report to FILE (atomically) instead of\n"
	"                    standard output\n"
	"  --csv-bom         Start CSV output with a byte-order mark, for Excel\n"
	"  --lang LANG       Report language: en, zh or zh-Hant (default: from the\n"
	"                    locale, else en)\n"
	"  --catalogue DIR   Use the catalogue in DIR instead of the built-in one\n"
	"                    (also $CRAF_CATALOGUE)\n"
	"  --color WHEN      auto (default), always or never; NO_COLOR disables\n"
	"  --no-pager        Do not page the output (at a terminal it goes through\n"
	"                    $CRAF_PAGER, else $PAGER, else less -FRX)\n"
	"  --width N         Fit text to N columns, 40 to 1000 (default: the\n"
	"                    terminal's width, else $COLUMNS, else 80)\n"
	"  -h, --help        Show this help\n"
	"\n"
	"The JSON report (docs/report.md) is the full record: 'craf report'\n"
	"renders it again in any format without the answers file.\n"
	"\n"
	"Exit status: 0 no gap against the target, 1 gaps remain,\n"
	"2 usage or input error (nothing is printed on stdout).\n",
};
