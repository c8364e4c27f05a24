/* craf validate: check an answers file without scoring it. */
#include <stdio.h>
#include <string.h>

#include "answers.h"
#include "cmd.h"
#include "diag.h"
#include "exitcode.h"

struct args {
	bool quiet;
};

static const struct opt options[] = {
	CMD_OPTION(CATALOGUE),
	CMD_OPTION(HELP),
	OPT_FLAG("quiet", 'q', struct args, quiet, "Print nothing when the file is valid"),
};

static int run(int argc, char **argv)
{
	struct args a = {false};
	struct diag_list dl = DIAG_LIST_INIT;
	struct cmd_opts co;
	struct inputs ld;
	struct answers ans;
	int ret;

	cmd_inputs_init(&ld);
	answers_init(&ans);
	if ((ret = cmd_parse_options(&co, &cmd_validate, argc, argv, &a)) != CMD_GO_ON)
		goto cleanup;
	ld.catalogue_dir = cmd_catalogue_dir(co.catalogue);
	if ((ret = cmd_loaded(inputs_load_answers(&ld, co.args[0], &ans, &dl), &dl)))
		goto cleanup;
	if (!a.quiet) {
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
	.file = "answers file",
	.epilogue = "Exit status: 0 valid, 2 invalid or usage error.\n",
};
