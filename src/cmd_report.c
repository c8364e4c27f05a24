/* craf report: render a saved JSON report again, in any format, without the answers. */
#include <string.h>

#include "cmd.h"
#include "exitcode.h"
#include "opts.h"
#include "report.h"
#include "report_json.h"
#include "sniff.h"
#include "term.h"
#include "yamldoc.h"

enum { O_COLOR, O_CSV_BOM, O_FORMAT, O_HELP, O_LANG, O_NO_PAGER, O_OUTPUT, O_WIDTH };

static const struct opt options[] = {
	{"color", 0, true, O_COLOR},	 {"csv-bom", 0, false, O_CSV_BOM},
	{"format", 0, true, O_FORMAT},	 {"help", 'h', false, O_HELP},
	{"lang", 0, true, O_LANG},	 {"no-pager", 0, false, O_NO_PAGER},
	{"output", 'o', true, O_OUTPUT}, {"width", 0, true, O_WIDTH},
};

static int run(int argc, char **argv)
{
	struct report_options ro = {cmd_lang_default(), false, 80, false, cmd_now()};
	enum report_format format = REPORT_TEXT;
	enum color_mode color = COLOR_AUTO;
	const char *output = NULL, *value;
	struct diag_list dl = DIAG_LIST_INIT;
	struct result res;
	struct ydoc doc;
	struct opt_iter it;
	int id, ret, width = 0;

	result_init(&res);
	ydoc_init(&doc);
	opt_iter_init(&it, argc, argv, options, sizeof(options) / sizeof(options[0]));
	while ((id = opt_next(&it, &value)) != OPT_END) {
		switch (id) {
		case OPT_ERROR:
			ret = cmd_usage_error(&cmd_report, "%s", it.error);
			goto cleanup;
		case O_HELP:
			ret = cmd_help(&cmd_report);
			goto cleanup;
		case O_COLOR:
			if (cmd_opt_color(&cmd_report, value, &color)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		case O_CSV_BOM:
			ro.csv_bom = true;
			break;
		case O_FORMAT:
			if (cmd_opt_report_format(&cmd_report, value, &format)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		case O_LANG:
			if (cmd_opt_lang(&cmd_report, value, &ro.lang)) {
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
			if (cmd_opt_width(&cmd_report, value, &width)) {
				ret = CRAF_EXIT_ERROR;
				goto cleanup;
			}
			break;
		}
	}
	if ((ret = cmd_want_one_file(&cmd_report, it.nargs, "JSON report file")))
		goto cleanup;
	ro.width = cmd_output_width(width, output);
	doc.max_bytes = YDOC_MAX_REPORT_BYTES;
	if (cmd_read_input(&doc, it.args[0], &dl) ||
	    (!sniff_is_json(sniff(doc.data, doc.len)) &&
	     ydoc_error_at(
		     &doc, &dl, 1, 1, 1,
		     "not a JSON report (write one with 'craf assess --format json'; an answers file goes to 'craf assess')")) ||
	    ydoc_parse_json(&doc, &dl) || report_json_load(&res, &doc, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	ro.color = format == REPORT_TEXT && (!output || !strcmp(output, "-")) &&
		   cmd_use_color(stdout, color);
	if (!report_format_is_binary(format))
		cmd_pager_start(output);
	if (cmd_output_result(&res, format, &ro, output, it.args[0])) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	ret = cmd_finish(CRAF_EXIT_OK);
cleanup:
	ydoc_release(&doc);
	result_release(&res);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_report = {
	"report",
	run,
	"Render a saved JSON report again, in any format",
	"usage: craf report [OPTIONS] REPORT.json\n"
	"\n"
	"Reads a JSON report written by 'craf assess --format json' and renders\n"
	"it without the answers file or the catalogue. The report is checked:\n"
	"its recorded levels and gaps must follow from its statuses.\n"
	"With - for REPORT.json the report is read from standard input.\n"
	"\n"
	"Options:\n"
	"  --format FORMAT   text (default), json, html, markdown, csv, xlsx or oscal\n"
	"                    (OSCAL 1.2.1 assessment-results, docs/oscal.md)\n"
	"  -o, --output FILE Write to FILE (atomically) instead of standard output\n"
	"  --csv-bom         Start CSV output with a byte-order mark, for Excel\n"
	"  --lang LANG       Report language: en, zh or zh-Hant (default: from the\n"
	"                    locale, else en)\n"
	"  --color WHEN      auto (default), always or never; NO_COLOR disables\n"
	"  --no-pager        Do not page the output (at a terminal it goes through\n"
	"                    $CRAF_PAGER, else $PAGER, else less -FRX)\n"
	"  --width N         Fit text to N columns, 40 to 1000 (default: the\n"
	"                    terminal's width, else $COLUMNS, else 80)\n"
	"  -h, --help        Show this help\n"
	"\n"
	"Exit status: 0 rendered, 2 usage or input error.\n",
};
