/* craf trend: maturity and gaps over several assessment cycles. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "exitcode.h"
#include "opts.h"
#include "out_html.h"
#include "out_text.h"
#include "trend.h"
#include "xalloc.h"

enum { O_CATALOGUE, O_FORMAT, O_HELP, O_LANG, O_NO_PAGER, O_OUTPUT, O_WIDTH };

static const struct opt options[] = {
	{"catalogue", 0, true, O_CATALOGUE}, {"format", 0, true, O_FORMAT},
	{"help", 'h', false, O_HELP},	     {"lang", 0, true, O_LANG},
	{"no-pager", 0, false, O_NO_PAGER},  {"output", 'o', true, O_OUTPUT},
	{"width", 0, true, O_WIDTH},
};

static int run(int argc, char **argv)
{
	const char *output = NULL, *value, *format = "text";
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	enum lang lang = lang_default();
	struct result *results = NULL;
	const struct result **order = NULL;
	struct cmd_loader ld;
	struct opt_iter it;
	int id, ret, loaded = 0, width = 0;

	cmd_loader_init(&ld);
	opt_iter_init(&it, argc, argv, options, sizeof(options) / sizeof(options[0]));
	while ((id = opt_next(&it, &value)) != OPT_END) {
		switch (id) {
		case OPT_ERROR:
			ret = cmd_usage_error(&cmd_trend, "%s", it.error);
			goto cleanup;
		case O_HELP:
			ret = cmd_help(&cmd_trend);
			goto cleanup;
		case O_CATALOGUE:
			ld.catalogue_dir = value;
			break;
		case O_FORMAT:
			if (strcmp(value, "text") && strcmp(value, "json") &&
			    strcmp(value, "html")) {
				ret = cmd_usage_error(
					&cmd_trend,
					"unknown format \"%s\" (expected text, json or html)",
					value);
				goto cleanup;
			}
			format = value;
			break;
		case O_LANG:
			if (cmd_opt_lang(&cmd_trend, value, &lang)) {
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
		case O_WIDTH:
			if (cmd_opt_width(&cmd_trend, value, &width)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		}
	}
	if (it.nargs < 2) {
		ret = cmd_usage_error(&cmd_trend, "expected at least two assessments, got %d",
				      it.nargs);
		goto cleanup;
	}
	if ((ret = cmd_want_stdin_once(&cmd_trend, it.args, it.nargs)))
		goto cleanup;
	results = xcalloc((size_t)it.nargs, sizeof(*results));
	order = xcalloc((size_t)it.nargs, sizeof(*order));
	for (loaded = 0; loaded < it.nargs; loaded++) {
		result_init(&results[loaded]);
		order[loaded] = &results[loaded];
	}
	if (cmd_load_results(&ld, it.args, (size_t)it.nargs, results, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	cmd_report_diags(&dl);
	trend_sort(order, (size_t)it.nargs);
	if (!strcmp(format, "json"))
		trend_json_render(&out, order, (size_t)it.nargs);
	else if (!strcmp(format, "html")) {
		struct html_out w = HTML_OUT_INIT;

		trend_html_render(&w, order, (size_t)it.nargs, lang);
		html_finish(&w, &out);
	} else {
		struct txt_out w = TXT_OUT_INIT;

		trend_text_render(&w, order, (size_t)it.nargs, lang,
				  cmd_output_width(width, output));
		txt_finish(&w, &out);
	}
	if ((strcmp(format, "json") && cmd_localise(&out, lang)) ||
	    cmd_output_is_input(output, it.args, it.nargs)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	cmd_pager_start(output);
	if (cmd_write_output(output, strbuf_str(&out), out.len, NULL)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	ret = cmd_finish(CRAF_EXIT_OK);
cleanup:
	for (int i = 0; i < loaded; i++)
		result_release(&results[i]);
	free(results);
	free(order);
	strbuf_release(&out);
	cmd_loader_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_trend = {
	"trend",
	run,
	"Show maturity and gaps over several assessment cycles",
	"usage: craf trend [OPTIONS] ASSESSMENT ASSESSMENT...\n"
	"\n"
	"Each ASSESSMENT is an answers file or a saved JSON report; one may be\n"
	"- for standard input. They are put in assessment-date order whatever\n"
	"the order given, and shown side by side: target, overall maturity, each\n"
	"domain's level and the gap count per cycle. The HTML form draws each\n"
	"domain's level over time.\n"
	"\n"
	"Options:\n"
	"  --format FORMAT   text (default), json or html\n"
	"  -o, --output FILE Write to FILE (atomically) instead of standard output\n"
	"  --lang LANG       en, zh or zh-Hant (default: from the locale, else en)\n"
	"  --catalogue DIR   Catalogue for answers files (default: the built-in one)\n"
	"  --no-pager        Do not page the output (at a terminal it goes through\n"
	"                    $CRAF_PAGER, else $PAGER, else less -FRX)\n"
	"  --width N         Fit text to N columns, 40 to 1000 (default: the\n"
	"                    terminal's width, else $COLUMNS, else 80)\n"
	"  -h, --help        Show this help\n",
};
