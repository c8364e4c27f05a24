/* craf summary: many entities side by side, with the gaps they share and who is due. */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "exitcode.h"
#include "out_csv.h"
#include "out_html.h"
#include "out_markdown.h"
#include "out_text.h"
#include "summary.h"
#include "summary_render.h"
#include "xalloc.h"

struct args {
	enum summary_key key;
	int top;
};

/* --key: what makes an entity. */
static int parse_key(const struct opt *o, const char *value, void *dest, const void *ctx,
		     struct strbuf *err)
{
	(void)o, (void)ctx;
	if (!summary_key_parse(value, dest))
		return 0;
	strbuf_addf(err, "unknown key \"%s\" for --key (expected institution or institution+scope)",
		    value);
	return -1;
}

static const struct opt options[] = {
	CMD_OPTION_AS_OF("Judge age, reassessment, overdue remediation and\n"
			 "expired risk acceptance on DATE (default: today)"),
	CMD_OPTION_CATALOGUE("Catalogue for answers files (default: the built-in\n"
			     "one, or $CRAF_CATALOGUE)"),
	CMD_OPTION(CSV_BOM),
	CMD_OPTION_FORMAT("text (default), json, html, markdown, csv or xlsx"),
	CMD_OPTION(HELP),
	OPT_CALLBACK("key", 0, "KEY", struct args, key, enum summary_key, parse_key,
		     "What makes an entity: institution (default) or\n"
		     "institution+scope"),
	CMD_OPTION(NO_PAGER),
	CMD_OPTION(OUTPUT),
	OPT_INT("top", 0, "N", struct args, top, 0, 1000000, "number",
		"Common gaps shown in text, HTML and Markdown\n"
		"(default 10; 0 for all; JSON, XLSX always have all)"),
	CMD_OPTION(WIDTH),
};

static const enum report_format formats[] = {REPORT_TEXT,     REPORT_JSON, REPORT_HTML,
					     REPORT_MARKDOWN, REPORT_CSV,  REPORT_XLSX};

struct workbook {
	const struct summary *s;
	const struct summary_render_options *o;
};

static int write_workbook(const char *scratch, const void *ctx, struct strbuf *warnings,
			  struct strbuf *err)
{
	const struct workbook *w = ctx;

	return summary_xlsx_write(scratch, w->s, w->o, warnings, err);
}

static void render(struct strbuf *out, const struct summary *s, enum report_format f,
		   const struct summary_render_options *o)
{
	if (f == REPORT_JSON) {
		summary_json_render(out, s);
	} else if (f == REPORT_HTML) {
		struct html_out w = HTML_OUT_INIT;

		summary_html_render(&w, s, o);
		html_finish(&w, out);
	} else if (f == REPORT_MARKDOWN) {
		struct md_out w = MD_OUT_INIT;

		summary_markdown_render(&w, s, o);
		md_finish(&w, out);
	} else if (f == REPORT_CSV) {
		struct csv_out w = CSV_OUT_INIT;

		summary_csv_render(&w, s, o);
		csv_finish(&w, out);
	} else {
		struct txt_out w = TXT_OUT_INIT;

		summary_text_render(&w, s, o);
		txt_finish(&w, out);
	}
}

static int run(int argc, char **argv)
{
	struct args a = {SUMMARY_KEY_INSTITUTION, 10};
	struct summary_options so = {{0, 0, 0}, SUMMARY_KEY_INSTITUTION};
	struct summary_render_options ro = {0, 10, false, 0};
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	struct summary_input *in = NULL;
	struct result *results = NULL;
	struct summary sum;
	struct cmd_opts co;
	struct inputs ld;
	int ret, loaded = 0;

	cmd_inputs_init(&ld);
	summary_init(&sum);
	if ((ret = cmd_parse_options(&co, &cmd_summary, argc, argv, &a)) != CMD_GO_ON)
		goto cleanup;
	so.key = a.key;
	ro.top = (size_t)a.top;
	if (!co.nargs) {
		ret = cmd_usage_error(
			&cmd_summary,
			"missing the assessments (answers files or saved JSON reports)");
		goto cleanup;
	}
	if ((ret = cmd_want_stdin_once(&cmd_summary, co.args, co.nargs)))
		goto cleanup;
	so.as_of = date_is_set(&co.as_of) ? co.as_of : date_of(cmd_now());
	ro.width = cmd_output_width(co.width, co.output);
	ro.csv_bom = co.csv_bom;
	ro.now = cmd_now();
	results = xcalloc((size_t)co.nargs, sizeof(*results));
	in = xcalloc((size_t)co.nargs, sizeof(*in));
	for (loaded = 0; loaded < co.nargs; loaded++) {
		result_init(&results[loaded]);
		in[loaded].r = &results[loaded];
		in[loaded].path = cmd_is_stdin(co.args[loaded]) ? "<stdin>" : co.args[loaded];
	}
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	/* Answers files are judged on the as-of date as they are scored. */
	ld.eo.as_of = so.as_of;
	if (inputs_load_results(&ld, co.args, (size_t)co.nargs, results, &dl) ||
	    summary_build(&sum, in, (size_t)co.nargs, &so, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	cmd_report_diags(&dl);
	inputs_release(&ld);
	if (cmd_output_is_input(co.output, co.args, co.nargs)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	if (co.format == REPORT_XLSX) {
		const struct workbook w = {&sum, &ro};

		if (cmd_output_workbook(write_workbook, &w, co.output, NULL)) {
			ret = CRAF_EXIT_ERROR;
			goto cleanup;
		}
	} else {
		render(&out, &sum, co.format, &ro);
		cmd_pager_start(co.output);
		if (cmd_write_output(co.output, strbuf_str(&out), out.len, NULL)) {
			ret = CRAF_EXIT_ERROR;
			goto cleanup;
		}
	}
	ret = cmd_finish(sum.totals.below_target ? CRAF_EXIT_GAPS : CRAF_EXIT_OK);
cleanup:
	summary_release(&sum);
	for (int i = 0; i < loaded; i++)
		result_release(&results[i]);
	free(results);
	free(in);
	strbuf_release(&out);
	inputs_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_summary = {
	.name = "summary",
	.run = run,
	.summary = "Summarise many entities: maturity, common gaps, who is due",
	.synopsis = "summary [OPTIONS] ASSESSMENT...",
	.description = "Each ASSESSMENT is an answers file or a saved JSON report, of any number\n"
		       "of entities; one may be - for standard input. An entity is an institution\n"
		       "name, exactly as written (--key institution+scope tells scopes apart).\n"
		       "Of several assessments of one entity the latest by assessment date is\n"
		       "summarised, and the one before it gives each domain's direction.\n"
		       "\n"
		       "One row per entity, sorted by name: assessment date, age, target and\n"
		       "where it came from, overall and each domain's level, gaps by level,\n"
		       "overdue remediations, expired risk acceptances, and whether a\n"
		       "reassessment is due (more than three years old on the as-of date). Then\n"
		       "the common gaps, the requirements that are gaps in the most entities,\n"
		       "and the totals. The same assessment given twice counts once (a warning);\n"
		       "two different ones of an entity on the same date are an error.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.formats = formats,
	.nformats = OPT_COUNT(formats),
	.epilogue = "Exit status: 0 every entity meets its target, 1 some do not,\n"
		    "2 usage or input error (nothing is printed on stdout).\n",
};
