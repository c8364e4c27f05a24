/* libFuzzer target: the built-in catalogue with one file replaced by the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	catalogue_load_files(&cat, files, n, &dl);
	catalogue_release(&cat);
	diag_list_release(&dl);
	free(files);
	return 0;
}
