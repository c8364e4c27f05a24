/* craf trend: maturity and gaps over several assessment cycles. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "exitcode.h"
#include "out_html.h"
#include "out_text.h"
#include "trend.h"
#include "trend_render.h"
#include "xalloc.h"

static const struct opt options[] = {
	CMD_OPTION_CATALOGUE("Catalogue for answers files (default: the built-in one)"),
	CMD_OPTION_FORMAT("text (default), json or html"),
	CMD_OPTION(HELP),
	CMD_OPTION(LANG),
	CMD_OPTION(NO_PAGER),
	CMD_OPTION(OUTPUT),
	CMD_OPTION(WIDTH),
};

static const enum report_format formats[] = {REPORT_TEXT, REPORT_JSON, REPORT_HTML};

/*
 * A trend is one institution's: the header names the latest. Assessments of
 * others (a rename, or the wrong file) are named, so nothing passes unseen.
 */
static void warn_institutions(const struct result *const *c, size_t n)
{
	const char *latest = c[n - 1]->institution;
	struct strbuf others = STRBUF_INIT;

	for (size_t i = 0; i + 1 < n; i++) {
		bool seen = !strcmp(c[i]->institution, latest);

		for (size_t k = 0; k < i && !seen; k++)
			seen = !strcmp(c[k]->institution, c[i]->institution);
		if (seen)
			continue;
		strbuf_addf(&others, "%s\"%s\" (%04d-%02d-%02d)", others.len ? ", " : "",
			    c[i]->institution, c[i]->assessment_date.year,
			    c[i]->assessment_date.month, c[i]->assessment_date.day);
	}
	if (others.len)
		cmd_eprintf("craf trend: warning: the trend is shown as \"%s\"'s, but it also "
			    "holds assessments of %s ('craf summary' compares institutions)\n",
			    latest, others.buf);
	strbuf_release(&others);
}

static int run(int argc, char **argv)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	struct cmd_opts co;
	struct result *results = NULL;
	const struct result **order = NULL;
	struct inputs ld;
	int ret, loaded = 0;

	cmd_inputs_init(&ld);
	if ((ret = cmd_parse_options(&co, &cmd_trend, argc, argv, NULL)) != CMD_GO_ON)
		goto cleanup;
	if (co.nargs < 2) {
		ret = cmd_usage_error(&cmd_trend, "expected at least two assessments, got %d",
				      co.nargs);
		goto cleanup;
	}
	if ((ret = cmd_want_stdin_once(&cmd_trend, co.args, co.nargs)))
		goto cleanup;
	results = xcalloc((size_t)co.nargs, sizeof(*results));
	order = xcalloc((size_t)co.nargs, sizeof(*order));
	for (loaded = 0; loaded < co.nargs; loaded++) {
		result_init(&results[loaded]);
		order[loaded] = &results[loaded];
	}
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	if ((ret = cmd_loaded(inputs_load_results(&ld, co.args, (size_t)co.nargs, results, &dl),
			      &dl)))
		goto cleanup;
	trend_sort(order, (size_t)co.nargs);
	warn_institutions(order, (size_t)co.nargs);
	if (co.format == REPORT_JSON)
		trend_json_render(&out, order, (size_t)co.nargs);
	else if (co.format == REPORT_HTML) {
		struct html_out w = HTML_OUT_INIT;

		trend_html_render(&w, order, (size_t)co.nargs, co.lang);
		html_finish(&w, &out);
	} else {
		struct txt_out w = TXT_OUT_INIT;

		trend_text_render(&w, order, (size_t)co.nargs, co.lang,
				  cmd_output_width(co.width, co.output));
		txt_finish(&w, &out);
	}
	ret = cmd_emit(&out,
		       &(struct cmd_emit){.output = co.output,
					  .lang = co.lang,
					  .localise = co.format != REPORT_JSON,
					  .page = true,
					  .inputs = co.args,
					  .ninputs = co.nargs},
		       CRAF_EXIT_OK);
cleanup:
	for (int i = 0; i < loaded; i++)
		result_release(&results[i]);
	free(results);
	free(order);
	strbuf_release(&out);
	inputs_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_trend = {
	.name = "trend",
	.run = run,
	.summary = "Show maturity and gaps over several assessment cycles",
	.synopsis = "trend [OPTIONS] ASSESSMENT ASSESSMENT...",
	.description = "Each ASSESSMENT is an answers file or a saved JSON report; one may be\n"
		       "- for standard input. They are put in assessment-date order whatever\n"
		       "the order given, and shown side by side: target, overall maturity, each\n"
		       "domain's level and the gap count per cycle. The HTML form draws each\n"
		       "domain's level over time.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.formats = formats,
	.nformats = OPT_COUNT(formats),
};
