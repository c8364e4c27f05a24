/* craf validate: check an answers file without scoring it. */
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "cmd.h"
#include "diag.h"
#include "exitcode.h"

enum { O_QUIET };

static const struct opt options[] = {
	CMD_OPTION(CATALOGUE),
	CMD_OPTION(HELP),
	{"quiet", 'q', NULL, O_QUIET, "Print nothing when the file is valid"},
};

static int run(int argc, char **argv)
{
	const char *value;
	struct diag_list dl = DIAG_LIST_INIT;
	struct cmd_opts co;
	struct inputs ld;
	struct answers ans;
	struct opt_iter it;
	int id, ret, quiet = 0;

	cmd_inputs_init(&ld);
	answers_init(&ans);
	cmd_opts_begin(&co, &it, &cmd_validate, argc, argv);
	while ((id = cmd_opts_next(&co, &it, &value)) != OPT_END) {
		switch (id) {
		case CMD_OPT_EXIT:
			ret = co.status;
			goto cleanup;
		case O_QUIET:
			quiet = 1;
			break;
		}
	}
	if ((ret = cmd_want_one_file(&cmd_validate, it.nargs, "answers file")))
		goto cleanup;
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	if (inputs_load_answers(&ld, it.args[0], &ans, &dl)) {
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
	inputs_release(&ld);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_validate = {
	.name = "validate",
	.run = run,
	.summary = "Check an answers file without scoring it",
	.synopsis = "validate [OPTIONS] ANSWERS.yaml",
	.description = "Checks the answers file against the catalogue and the format in\n"
		       "docs/answers.md, reporting every problem as file:line:col.\n"
		       "With - for ANSWERS.yaml the answers are read from standard input\n"
		       "(named <stdin> in messages).\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.epilogue = "Exit status: 0 valid, 2 invalid or usage error.\n",
};
