/* craf validate: check an answers file without scoring it. */
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "cmd.h"
#include "diag.h"
#include "exitcode.h"
#include "opts.h"

enum { O_CATALOGUE, O_HELP, O_QUIET };

static const struct opt options[] = {
	{"catalogue", 0, true, O_CATALOGUE},
	{"help", 'h', false, O_HELP},
	{"quiet", 'q', false, O_QUIET},
};

static int run(int argc, char **argv)
{
	const char *value;
	struct diag_list dl = DIAG_LIST_INIT;
	struct cmd_loader ld;
	struct answers ans;
	struct opt_iter it;
	int id, ret, quiet = 0;

	cmd_loader_init(&ld);
	answers_init(&ans);
	opt_iter_init(&it, argc, argv, options, sizeof(options) / sizeof(options[0]));
	while ((id = opt_next(&it, &value)) != OPT_END) {
		switch (id) {
		case OPT_ERROR:
			ret = cmd_usage_error(&cmd_validate, "%s", it.error);
			goto cleanup;
		case O_HELP:
			ret = cmd_help(&cmd_validate);
			goto cleanup;
		case O_CATALOGUE:
			ld.catalogue_dir = value;
			break;
		case O_QUIET:
			quiet = 1;
			break;
		}
	}
	if ((ret = cmd_want_one_file(&cmd_validate, it.nargs, "answers file")))
		goto cleanup;
	if (cmd_load_answers(&ld, it.args[0], &ans, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	cmd_report_diags(&dl);
	if (!quiet) {
		size_t total = catalogue_requirements(&ld.cat), answered = 0;

		for (size_t i = 0; i < ld.cat.nprinciples; i++)
			for (int l = 0; l < ld.cat.principles[i].nlevels; l++)
				if (ans.levels[i][l].status != STATUS_UNANSWERED)
					answered++;
		struct strbuf path = STRBUF_INIT;

		/* A file name is user text: shown as diagnostics show it. */
		diag_visible(&path, ans.path, strlen(ans.path));
		printf("%s: valid (%zu of %zu requirement%s answered)\n", path.buf, answered, total,
		       total == 1 ? "" : "s");
		strbuf_release(&path);
	}
	ret = cmd_finish(CRAF_EXIT_OK);
cleanup:
	answers_release(&ans);
	cmd_loader_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_validate = {
	"validate",
	run,
	"Check an answers file without scoring it",
	"usage: craf validate [OPTIONS] ANSWERS.yaml\n"
	"\n"
	"Checks the answers file against the catalogue and the format in\n"
	"docs/answers.md, reporting every problem as file:line:col.\n"
	"With - for ANSWERS.yaml the answers are read from standard input\n"
	"(named <stdin> in messages).\n"
	"\n"
	"Options:\n"
	"  --catalogue DIR   Use the catalogue in DIR instead of the built-in one\n"
	"  -q, --quiet       Print nothing when the file is valid\n"
	"  -h, --help        Show this help\n"
	"\n"
	"Exit status: 0 valid, 2 invalid or usage error.\n",
};
