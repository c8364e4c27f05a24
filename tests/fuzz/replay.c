/*
 * Runs a fuzz target's entry point once on each file named, without
 * libFuzzer: so ctest replays the seeds and the kept regressions with any
 * compiler, and their output invariants are checked on every build.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		uint8_t *data = NULL;
		size_t size = 0, alloc = 0, n;

		if (!f) {
			perror(argv[i]);
			return 2;
		}
		do {
			if (size == alloc) {
				uint8_t *grown = realloc(data, alloc = alloc ? alloc * 2 : 65536);

				if (!grown) {
					fprintf(stderr, "%s: out of memory\n", argv[i]);
					return 2;
				}
				data = grown;
			}
			n = fread(data + size, 1, alloc - size, f);
			size += n;
		} while (n);
		fclose(f);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	printf("%d inputs replayed, every output invariant held\n", argc - 1);
	return 0;
}
