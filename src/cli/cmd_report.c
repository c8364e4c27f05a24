/* craf report: render a saved JSON report again, in any format, without the answers. */
#include <string.h>

#include "cmd.h"
#include "exitcode.h"
#include "report.h"
#include "report_load.h"
#include "sniff.h"
#include "term.h"
#include "yamldoc.h"

static const struct opt options[] = {
	CMD_OPTION(COLOR),
	CMD_OPTION(CSV_BOM),
	CMD_OPTION_FORMAT(CMD_HELP_REPORT_FORMAT),
	CMD_OPTION(HELP),
	CMD_OPTION_LANG(CMD_HELP_REPORT_LANG),
	CMD_OPTION(NO_PAGER),
	CMD_OPTION(OUTPUT),
	CMD_OPTION(WIDTH),
};

static int run(int argc, char **argv)
{
	struct cmd_opts co;
	struct diag_list dl = DIAG_LIST_INIT;
	struct result res;
	struct ydoc doc;
	int ret;

	result_init(&res);
	ydoc_init(&doc);
	if ((ret = cmd_parse_options(&co, &cmd_report, argc, argv, NULL)) != CMD_GO_ON)
		goto cleanup;
	doc.max_bytes = YDOC_MAX_REPORT_BYTES;
	if (inputs_read(&doc, co.args[0], &dl) ||
	    (!sniff_is_json(sniff(doc.data, doc.len)) &&
	     ydoc_error_at(
		     &doc, &dl, 1, 1, 1,
		     "not a JSON report (write one with 'craf assess --format json'; an answers file goes to 'craf assess')")) ||
	    ydoc_parse_json(&doc, &dl) || report_load_json(&res, &doc, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	ret = cmd_emit_result(&res, &co, co.args[0], CRAF_EXIT_OK);
cleanup:
	ydoc_release(&doc);
	result_release(&res);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_report = {
	.name = "report",
	.run = run,
	.summary = "Render a saved JSON report again, in any format",
	.synopsis = "report [OPTIONS] REPORT.json",
	.description = "Reads a JSON report written by 'craf assess --format json' and renders\n"
		       "it without the answers file or the catalogue. The report is checked:\n"
		       "its recorded levels and gaps must follow from its statuses.\n"
		       "With - for REPORT.json the report is read from standard input.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.formats = cmd_report_formats,
	.nformats = CMD_NREPORT_FORMATS,
	.file = "JSON report file",
	.epilogue = "Exit status: 0 rendered, 2 usage or input error.\n",
};
