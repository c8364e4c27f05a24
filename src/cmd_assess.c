/* craf assess: score an answers file and print the maturity-gap report. */
#include <stdlib.h>
#include <string.h>

#include "answers.h"
#include "cmd.h"
#include "engine.h"
#include "exitcode.h"
#include "opts.h"
#include "report_text.h"
#include "term.h"

enum { O_AS_OF, O_CATALOGUE, O_COLOR, O_HELP, O_LANG, O_TARGET };

static const struct opt options[] = {
	{"as-of", 0, true, O_AS_OF}, {"catalogue", 0, true, O_CATALOGUE},
	{"color", 0, true, O_COLOR}, {"help", 'h', false, O_HELP},
	{"lang", 0, true, O_LANG},   {"target", 0, true, O_TARGET},
};

static int run(int argc, char **argv)
{
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct report_text_options ro = {LANG_EN, false, 80};
	enum color_mode color = COLOR_AUTO;
	const char *catalogue_dir = NULL, *value;
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;
	struct answers ans;
	struct result res;
	struct strbuf out = STRBUF_INIT;
	struct opt_iter it;
	int id, ret;

	catalogue_init(&cat);
	answers_init(&ans);
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
			catalogue_dir = value;
			break;
		case O_COLOR:
			if (term_color_parse(value, &color)) {
				ret = cmd_usage_error(
					&cmd_assess,
					"invalid value \"%s\" for --color (expected auto, always or never)",
					value);
				goto cleanup;
			}
			break;
		case O_LANG:
			if (lang_parse(value, &ro.lang)) {
				ret = cmd_usage_error(
					&cmd_assess,
					"unknown language \"%s\" for --lang (expected en or zh)",
					value);
				goto cleanup;
			}
			break;
		case O_TARGET:
			if (level_parse(value, &eo.target)) {
				ret = cmd_usage_error(
					&cmd_assess,
					"unknown level \"%s\" for --target (expected baseline, intermediate or advanced)",
					value);
				goto cleanup;
			}
			break;
		}
	}
	if (it.nargs != 1) {
		ret = it.nargs ? cmd_usage_error(&cmd_assess, "expected one answers file, got %d",
						 it.nargs)
			       : cmd_usage_error(&cmd_assess, "missing the answers file");
		goto cleanup;
	}
	if (cmd_load_catalogue(&cat, catalogue_dir, &dl) ||
	    answers_load(&ans, it.args[0], &cat, &dl) || engine_assess(&res, &cat, &ans, &eo)) {
		ret = cmd_report_diags(&dl);
		if (ret == CRAF_EXIT_OK)
			ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	cmd_report_diags(&dl);
	ro.color = term_use_color(stdout, color);
	report_text_render(&out, &res, &ro);
	if (cmd_write_output(NULL, out.buf, out.len, NULL)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	ret = cmd_finish(res.ngaps ? CRAF_EXIT_GAPS : CRAF_EXIT_OK);
cleanup:
	strbuf_release(&out);
	result_release(&res);
	answers_release(&ans);
	catalogue_release(&cat);
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
	"\n"
	"Options:\n"
	"  --target LEVEL    Assess against baseline, intermediate or advanced,\n"
	"                    overriding the answers file\n"
	"  --as-of DATE      Judge overdue remediation and expired risk\n"
	"                    acceptance on DATE (default: the assessment date)\n"
	"  --lang LANG       Report language: en (default) or zh\n"
	"  --catalogue DIR   Use the catalogue in DIR instead of the built-in one\n"
	"                    (also $CRAF_CATALOGUE)\n"
	"  --color WHEN      auto (default), always or never; NO_COLOR disables\n"
	"  -h, --help        Show this help\n"
	"\n"
	"Exit status: 0 no gap against the target, 1 gaps remain,\n"
	"2 usage or input error (nothing is printed on stdout).\n",
};
