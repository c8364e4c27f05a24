/* libFuzzer target: any bytes as an answers file, checked against the built-in catalogue. */
#include <stddef.h>
#include <stdint.h>

#include "answers_load.h"
#include "catalogue_load.h"
#include "engine.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct catalogue cat;
static int loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;

	if (!loaded) {
		catalogue_init(&cat);
		if (catalogue_load_builtin(&cat, &dl))
			__builtin_trap();
		diag_list_release(&dl);
		loaded = 1;
	}
	answers_init(&a);
	if (!ydoc_read_buffer(answers_doc(&a), "fuzz.yaml", (const char *)data, size, &dl) &&
	    !answers_load_read(&a, &cat, &dl)) {
		/* A file that loads must also score, and render safely in every format. */
		struct engine_options eo = ENGINE_OPTIONS_INIT;
		struct result r;

		result_init(&r);
		if (!engine_assess(&r, &cat, &a, &eo))
			fuzz_check_result(&r, fuzz_depth_for(size));
		result_release(&r);
	}
	answers_release(&a);
	diag_list_release(&dl);
	return 0;
}
