/* craf diff: what changed between two assessment cycles. */
#include <string.h>

#include "cmd.h"
#include "diff_render.h"
#include "exitcode.h"
#include "out_html.h"
#include "out_markdown.h"
#include "out_text.h"
#include "term.h"

static const struct opt options[] = {
	CMD_OPTION_CATALOGUE("Catalogue for answers files (default: the built-in one)"),
	CMD_OPTION(COLOR),
	CMD_OPTION_FORMAT("text (default), json, markdown or html"),
	CMD_OPTION(HELP),
	CMD_OPTION(LANG),
	CMD_OPTION(NO_PAGER),
	CMD_OPTION(OUTPUT),
	CMD_OPTION(WIDTH),
};

static const enum report_format formats[] = {REPORT_TEXT, REPORT_JSON, REPORT_MARKDOWN,
					     REPORT_HTML};

static int run(int argc, char **argv)
{
	struct diff_options dopt;
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	struct cmd_opts co;
	struct inputs ld;
	struct result pair[2];
	struct diff d;
	int ret;

	cmd_inputs_init(&ld);
	result_init(&pair[0]);
	result_init(&pair[1]);
	memset(&d, 0, sizeof(d));
	if ((ret = cmd_parse_options(&co, &cmd_diff, argc, argv, NULL)) != CMD_GO_ON)
		goto cleanup;
	if (co.nargs != 2) {
		ret = cmd_usage_error(&cmd_diff, "expected two assessments (OLD NEW), got %d",
				      co.nargs);
		goto cleanup;
	}
	if ((ret = cmd_want_stdin_once(&cmd_diff, co.args, co.nargs)))
		goto cleanup;
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	/* Load both before reporting, so one run shows the problems of both files. */
	if ((ret = cmd_loaded(inputs_load_results(&ld, co.args, 2, pair, &dl), &dl)))
		goto cleanup;
	diff_compute(&d, &pair[0], &pair[1]);
	dopt = (struct diff_options){.lang = co.lang,
				     .color = cmd_opts_color(&co),
				     .width = cmd_output_width(co.width, co.output)};
	switch (co.format) {
	case REPORT_JSON:
		diff_json_render(&out, &d);
		break;
	case REPORT_MARKDOWN: {
		struct md_out w = MD_OUT_INIT;

		diff_markdown_render(&w, &d, &dopt);
		md_finish(&w, &out);
		break;
	}
	case REPORT_HTML: {
		struct html_out w = HTML_OUT_INIT;

		diff_html_render(&w, &d, &dopt);
		html_finish(&w, &out);
		break;
	}
	default: {
		struct txt_out w = TXT_OUT_INIT;

		diff_text_render(&w, &d, &dopt);
		txt_finish(&w, &out);
		break;
	}
	}
	ret = cmd_emit(&out,
		       &(struct cmd_emit){.output = co.output,
					  .lang = co.lang,
					  .localise = co.format != REPORT_JSON,
					  .page = true,
					  .inputs = co.args,
					  .ninputs = 2},
		       diff_regressed(&d) ? CRAF_EXIT_GAPS : CRAF_EXIT_OK);
cleanup:
	diff_release(&d);
	strbuf_release(&out);
	result_release(&pair[0]);
	result_release(&pair[1]);
	inputs_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_diff = {
	.name = "diff",
	.run = run,
	.summary = "Compare two assessments: closed gaps, regressions, remediation delivered",
	.synopsis = "diff [OPTIONS] OLD NEW",
	.description = "OLD and NEW are each an answers file or a saved JSON report, told apart\n"
		       "by content; one of them may be - for standard input. Shows each\n"
		       "domain's level old -> new, closed gaps, regressions, gaps still open,\n"
		       "new gaps from a raised target, status changes that do not change\n"
		       "achievement, whether remediation due by NEW's assessment date was\n"
		       "delivered, late or missed, and any change in the catalogue between the\n"
		       "two (not counted as regression).\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.formats = formats,
	.nformats = OPT_COUNT(formats),
	.epilogue = "Exit status: 0 nothing regressed, 1 a requirement or a domain regressed,\n"
		    "2 usage or input error.\n",
};
