/* craf init: write an answers template listing every requirement, ready to fill in. */
/* realpath */
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers_schema.h"
#include "catalogue.h"
#include "cmd.h"
#include "date.h"
#include "exitcode.h"
#include "answers_template.h"
#include "answers_xlsx.h"
#include "out_text.h"
#include "strbuf.h"

struct args {
	bool force;
	enum cmd_answers_format format;
	const char *schema;
};

static const struct opt options[] = {
	CMD_OPTION(CATALOGUE),
	OPT_FLAG("force", 'f', struct args, force, "Replace FILE if it exists"),
	OPT_ANSWERS_FORMAT(struct args, format,
			   "yaml (the default) or xlsx: a workbook to fill in in Excel or\n"
			   "LibreOffice (docs/answers.md); a FILE ending in .xlsx means xlsx"),
	CMD_OPTION(HELP),
	CMD_OPTION_LANG("Language of the requirement comments: en, zh or zh-Hant"),
	CMD_OPTION_OUTPUT("Write to FILE instead of standard output\n"
			  "(refuses to replace an existing file)"),
	OPT_STRING("schema", 0, "FILE", struct args, schema,
		   "Also write the answers file's JSON Schema to FILE and\n"
		   "start the template with a yaml-language-server line\n"
		   "naming it, for editors (craf catalogue schema)"),
	CMD_OPTION_TARGET("Write 'target: LEVEL' instead of an inherent risk line"),
};

/*
 * Writes the schema to path and names it on the template's first line as
 * the YAML language server reads it: relative to the template's directory.
 */
static int write_schema(struct txt_out *template, const struct catalogue *cat, const char *path,
			const char *output)
{
	struct strbuf json = STRBUF_INIT, dir = STRBUF_INIT;
	const char *slash = output && strcmp(output, "-") ? strrchr(output, '/') : NULL;
	const char *name = path;
	int ret;

	if (output && !strcmp(output, path)) {
		cmd_eprintf("craf init: --schema '%s' is the template's own file\n", path);
		return -1;
	}
	answers_schema_json(&json, cat);
	ret = cmd_write_output(path, json.buf, json.len, NULL);
	if (slash) {
		strbuf_add(&dir, output, (size_t)(slash - output + 1));
		if (!strncmp(path, dir.buf, dir.len))
			name = path + dir.len;
		else if (path[0] != '/')
			/* Not under the template's directory: an absolute path finds it from
			 * anywhere. */
			name = NULL;
	}
	if (!ret && !name) {
		char *abs = realpath(path, NULL);

		if (abs) {
			strbuf_reset(&dir);
			strbuf_adds(&dir, abs);
			free(abs);
			name = dir.buf;
		} else {
			name = path;
		}
	}
	if (!ret) {
		txt_raw(template, "# yaml-language-server: $schema=");
		txt_text(template, name);
		txt_raw(template, "\n");
	}
	strbuf_release(&json);
	strbuf_release(&dir);
	return ret;
}

struct template_book {
	const struct catalogue *cat;
	struct answers_xlsx_options o;
};

static int make_book(const char *path, const void *arg, struct strbuf *warnings, struct strbuf *err)
{
	const struct template_book *b = arg;

	return answers_xlsx_write(path, b->cat, NULL, &b->o, warnings, err);
}

static int run(int argc, char **argv)
{
	struct args a = {false, CMD_ANSWERS_ANY, NULL};
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;
	struct strbuf out = STRBUF_INIT;
	struct cmd_opts co;
	struct txt_out template = TXT_OUT_INIT;
	bool xlsx;
	int ret;

	catalogue_init(&cat);
	if ((ret = cmd_parse_options(&co, &cmd_init, argc, argv, &a)) != CMD_GO_ON)
		goto cleanup;
	if (co.nargs) {
		ret = cmd_usage_error(&cmd_init, "unexpected argument '%s' (use -o FILE)",
				      co.args[0]);
		goto cleanup;
	}
	if (!cmd_may_replace(&cmd_init, co.output, a.force)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	if (cmd_load_catalogue(&cat, co.catalogue, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	xlsx = a.format == CMD_ANSWERS_ANY ? co.output && cmd_ends_with(co.output, ".xlsx")
					   : a.format == CMD_ANSWERS_XLSX;
	if (xlsx && a.schema) {
		ret = cmd_usage_error(&cmd_init,
				      "--schema goes with a YAML template, not a workbook");
		goto cleanup;
	}
	if (xlsx) {
		time_t now = cmd_now();
		struct template_book b = {&cat, {co.lang, co.target, date_of(now), now}};

		ret = cmd_output_workbook(make_book, &b, co.output, NULL)
			      ? CRAF_EXIT_ERROR
			      : cmd_finish(CRAF_EXIT_OK);
		goto cleanup;
	}
	if (a.schema && write_schema(&template, &cat, a.schema, co.output)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	answers_template_render(&template, &cat, co.target, co.lang, date_of(cmd_now()));
	txt_finish(&template, &out);
	ret = cmd_emit(&out,
		       &(struct cmd_emit){.output = co.output, .lang = co.lang, .localise = true},
		       CRAF_EXIT_OK);
cleanup:
	strbuf_release(&out);
	txt_release(&template);
	catalogue_release(&cat);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_init = {
	.name = "init",
	.run = run,
	.summary = "Write an answers template with every requirement unanswered",
	.synopsis = "init [OPTIONS]",
	.description = "Writes an answers file listing every principle and every level it has,\n"
		       "each marked unanswered, with the requirement as a comment above it.\n"
		       "With --schema FILE, editors that use the YAML language server complete\n"
		       "ids and statuses and flag mistakes as the file is filled in.\n"
		       "With --format xlsx, a workbook instead: a row per requirement, a\n"
		       "status dropdown and cells for evidence, note, remediation and expiry.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
};
