/* libFuzzer target: the built-in catalogue with one file replaced by the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers_load.h"
#include "catalogue_load.h"
#include "engine.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every requirement unanswered: each becomes a gap, so every catalogue text is rendered. */
static const char blank_answers[] = "version: 1\n"
				    "institution: Fuzz Bank\n"
				    "assessment_date: 2026-11-01\n"
				    "target: advanced\n"
				    "answers: {}\n";

/*
 * A catalogue that loads is shown, and used to assess; the outputs its text
 * reaches are checked (the other formats are fuzz_report's and
 * fuzz_answers', and a whole catalogue is slow to render under the
 * sanitizers).
 */
static void check(const struct catalogue *cat)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct answers a;
	struct result r;

	fuzz_check_catalogue(cat);
	answers_init(&a);
	result_init(&r);
	if (!ydoc_read_buffer(answers_doc(&a), "blank.yaml", blank_answers,
			      sizeof(blank_answers) - 1, &dl) &&
	    !answers_load_read(&a, cat, &dl) && !engine_assess(&r, cat, &a, &eo))
		fuzz_check_result(&r, FUZZ_MAIN);
	result_release(&r);
	answers_release(&a);
	diag_list_release(&dl);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl = DIAG_LIST_INIT;
	const struct catalogue_file *builtin;
	struct catalogue_file *files;
	struct catalogue cat;
	size_t n, which;

	if (!size)
		return 0;
	catalogue_builtin_files(&builtin, &n);
	files = malloc(n * sizeof(*files));
	if (!files)
		return 0;
	memcpy(files, builtin, n * sizeof(*files));
	/* The first byte picks the file to replace; the rest is its content. */
	which = data[0] % n;
	files[which].data = data + 1;
	files[which].len = size - 1;
	catalogue_init(&cat);
	if (!catalogue_load_files(&cat, files, n, &dl))
		check(&cat);
	catalogue_release(&cat);
	diag_list_release(&dl);
	free(files);
	return 0;
}
