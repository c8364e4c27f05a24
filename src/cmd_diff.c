/* craf diff: what changed between two assessment cycles. */
#include <string.h>

#include "cmd.h"
#include "diff.h"
#include "exitcode.h"
#include "opts.h"
#include "out_html.h"
#include "out_markdown.h"
#include "out_text.h"
#include "term.h"

enum { O_CATALOGUE, O_COLOR, O_FORMAT, O_HELP, O_LANG, O_NO_PAGER, O_OUTPUT, O_WIDTH };

static const struct opt options[] = {
	{"catalogue", 0, true, O_CATALOGUE}, {"color", 0, true, O_COLOR},
	{"format", 0, true, O_FORMAT},	     {"help", 'h', false, O_HELP},
	{"lang", 0, true, O_LANG},	     {"no-pager", 0, false, O_NO_PAGER},
	{"output", 'o', true, O_OUTPUT},     {"width", 0, true, O_WIDTH},
};

static const char *const formats[] = {"text", "json", "markdown", "html"};

static int run(int argc, char **argv)
{
	struct diff_options dopt = {lang_default(), false, 80};
	enum color_mode color = COLOR_AUTO;
	const char *output = NULL, *value;
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	struct cmd_loader ld;
	struct result pair[2];
	struct diff d;
	struct opt_iter it;
	int id, ret, format = 0, width = 0;

	cmd_loader_init(&ld);
	result_init(&pair[0]);
	result_init(&pair[1]);
	memset(&d, 0, sizeof(d));
	opt_iter_init(&it, argc, argv, options, sizeof(options) / sizeof(options[0]));
	while ((id = opt_next(&it, &value)) != OPT_END) {
		switch (id) {
		case OPT_ERROR:
			ret = cmd_usage_error(&cmd_diff, "%s", it.error);
			goto cleanup;
		case O_HELP:
			ret = cmd_help(&cmd_diff);
			goto cleanup;
		case O_CATALOGUE:
			ld.catalogue_dir = value;
			break;
		case O_COLOR:
			if (cmd_opt_color(&cmd_diff, value, &color)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		case O_FORMAT:
			for (format = 0; format < 4; format++)
				if (!strcmp(value, formats[format]) ||
				    (format == 2 && !strcmp(value, "md")))
					break;
			if (format == 4) {
				ret = cmd_usage_error(
					&cmd_diff,
					"unknown format \"%s\" (expected text, json, markdown or html)",
					value);
				goto cleanup;
			}
			break;
		case O_LANG:
			if (cmd_opt_lang(&cmd_diff, value, &dopt.lang)) {
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
			if (cmd_opt_width(&cmd_diff, value, &width)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		}
	}
	if (it.nargs != 2) {
		ret = cmd_usage_error(&cmd_diff, "expected two assessments (OLD NEW), got %d",
				      it.nargs);
		goto cleanup;
	}
	if ((ret = cmd_want_stdin_once(&cmd_diff, it.args, it.nargs)))
		goto cleanup;
	/* Load both before reporting, so one run shows the problems of both files. */
	if (cmd_load_results(&ld, it.args, 2, pair, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	cmd_report_diags(&dl);
	diff_compute(&d, &pair[0], &pair[1]);
	dopt.width = cmd_output_width(width, output);
	dopt.color =
		format == 0 && (!output || !strcmp(output, "-")) && term_use_color(stdout, color);
	switch (format) {
	case 0: {
		struct txt_out w = TXT_OUT_INIT;

		diff_text_render(&w, &d, &dopt);
		txt_finish(&w, &out);
		break;
	}
	case 1:
		diff_json_render(&out, &d);
		break;
	case 2: {
		struct md_out w = MD_OUT_INIT;

		diff_markdown_render(&w, &d, &dopt);
		md_finish(&w, &out);
		break;
	}
	default: {
		struct html_out w = HTML_OUT_INIT;

		diff_html_render(&w, &d, &dopt);
		html_finish(&w, &out);
		break;
	}
	}
	if ((format != 1 && cmd_localise(&out, dopt.lang)) ||
	    cmd_output_is_input(output, it.args, 2)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	cmd_pager_start(output);
	if (cmd_write_output(output, strbuf_str(&out), out.len, NULL)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	ret = cmd_finish(diff_regressed(&d) ? CRAF_EXIT_GAPS : CRAF_EXIT_OK);
cleanup:
	diff_release(&d);
	strbuf_release(&out);
	result_release(&pair[0]);
	result_release(&pair[1]);
	cmd_loader_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_diff = {
	"diff",
	run,
	"Compare two assessments: closed gaps, regressions, remediation delivered",
	"usage: craf diff [OPTIONS] OLD NEW\n"
	"\n"
	"OLD and NEW are each an answers file or a saved JSON report, told apart\n"
	"by content; one of them may be - for standard input. Shows each\n"
	"domain's level old -> new, closed gaps, regressions, gaps still open,\n"
	"new gaps from a raised target, status changes that do not change\n"
	"achievement, whether remediation due by NEW's assessment date was\n"
	"delivered, late or missed, and any change in the catalogue between the\n"
	"two (not counted as regression).\n"
	"\n"
	"Options:\n"
	"  --format FORMAT   text (default), json, markdown or html\n"
	"  -o, --output FILE Write to FILE (atomically) instead of standard output\n"
	"  --lang LANG       en, zh or zh-Hant (default: from the locale, else en)\n"
	"  --catalogue DIR   Catalogue for answers files (default: the built-in one)\n"
	"  --color WHEN      auto (default), always or never; NO_COLOR disables\n"
	"  --no-pager        Do not page the output (at a terminal it goes through\n"
	"                    $CRAF_PAGER, else $PAGER, else less -FRX)\n"
	"  --width N         Fit text to N columns, 40 to 1000 (default: the\n"
	"                    terminal's width, else $COLUMNS, else 80)\n"
	"  -h, --help        Show this help\n"
	"\n"
	"Exit status: 0 nothing regressed, 1 a requirement or a domain regressed,\n"
	"2 usage or input error.\n",
};
