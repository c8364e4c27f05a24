/* craf convert: answers between YAML and a workbook, both ways, without loss. */
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "answers_xlsx.h"
#include "answers_yaml.h"
#include "cmd.h"
#include "exitcode.h"
#include "out_text.h"

struct args {
	bool force;
	enum cmd_answers_format format;
};

static const struct opt options[] = {
	CMD_OPTION(CATALOGUE),
	OPT_FLAG("force", 'f', struct args, force, "Replace FILE if it exists (never an input)"),
	OPT_ANSWERS_FORMAT(struct args, format,
			   "yaml or xlsx; by default FILE's extension decides\n"
			   "(.xlsx, .yaml, .yml)"),
	CMD_OPTION(HELP),
	CMD_OPTION_LANG("Language of the catalogue's text in a workbook: en, zh or zh-Hant\n"
			"(the answers' own text is kept as written)"),
	CMD_OPTION_OUTPUT("Write to FILE (refuses to replace an existing file)"),
};

struct book {
	const struct catalogue *cat;
	const struct answers *ans;
	struct answers_xlsx_options o;
};

static int make_book(const char *path, const void *arg, struct strbuf *warnings, struct strbuf *err)
{
	const struct book *b = arg;

	return answers_xlsx_write(path, b->cat, b->ans, &b->o, warnings, err);
}

static int run(int argc, char **argv)
{
	struct args a = {false, CMD_ANSWERS_ANY};
	struct diag_list dl = DIAG_LIST_INIT;
	struct cmd_opts co;
	struct inputs ld;
	struct answers ans;
	struct txt_out yaml = TXT_OUT_INIT;
	struct strbuf out = STRBUF_INIT;
	int ret;

	cmd_inputs_init(&ld);
	answers_init(&ans);
	if ((ret = cmd_parse_options(&co, &cmd_convert, argc, argv, &a)) != CMD_GO_ON)
		goto cleanup;
	if (a.format == CMD_ANSWERS_ANY && co.output && strcmp(co.output, "-")) {
		if (cmd_ends_with(co.output, ".xlsx"))
			a.format = CMD_ANSWERS_XLSX;
		else if (cmd_ends_with(co.output, ".yaml") || cmd_ends_with(co.output, ".yml"))
			a.format = CMD_ANSWERS_YAML;
	}
	if (a.format == CMD_ANSWERS_ANY) {
		ret = cmd_usage_error(&cmd_convert,
				      co.output && strcmp(co.output, "-")
					      ? "cannot tell the format from '%s' (name it .xlsx, "
						".yaml or .yml, or give --format)"
					      : "give -o FILE (.xlsx, .yaml or .yml) or --format%s",
				      co.output && strcmp(co.output, "-") ? co.output : "");
		goto cleanup;
	}
	/* Months of answers may be in the file: never replaced unasked, never an input. */
	if (cmd_output_is_input(co.output, co.args, 1) ||
	    !cmd_may_replace(&cmd_convert, co.output, a.force)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	if ((ret = cmd_loaded(inputs_load_answers(&ld, co.args[0], &ans, &dl), &dl)))
		goto cleanup;
	if (a.format == CMD_ANSWERS_XLSX) {
		time_t now = cmd_now();
		struct book b = {&ld.cat, &ans, {co.lang, LEVEL_NONE, date_of(now), now}};

		ret = cmd_output_workbook(make_book, &b, co.output, co.args[0])
			      ? CRAF_EXIT_ERROR
			      : cmd_finish(CRAF_EXIT_OK);
		goto cleanup;
	}
	answers_yaml_render(&yaml, &ld.cat, &ans);
	txt_finish(&yaml, &out);
	ret = cmd_emit(&out,
		       &(struct cmd_emit){.output = co.output, .inputs = co.args, .ninputs = 1},
		       CRAF_EXIT_OK);
cleanup:
	strbuf_release(&out);
	txt_release(&yaml);
	answers_release(&ans);
	inputs_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_convert = {
	.name = "convert",
	.run = run,
	.summary = "Convert answers between YAML and an Excel workbook",
	.synopsis = "convert [OPTIONS] ANSWERS -o FILE",
	.description =
		"Reads an answers file (YAML or XLSX, told apart by content), checks it as\n"
		"validate does, and writes it in the other format: FILE's extension (.xlsx,\n"
		".yaml, .yml) or --format decides. Nothing is lost either way: every\n"
		"status, evidence item, note, remediation, expiry, header field and\n"
		"inherent-risk indicator comes back as it was; text a workbook cannot hold\n"
		"exactly is refused, naming the answer. Comments in YAML are not kept.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.file = "answers file",
	.epilogue = "Exit status: 0 written, 2 invalid answers or usage error.\n",
};
