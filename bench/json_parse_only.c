/*
 * The floor for craf summary over saved reports: cJSON parsing the same
 * files into trees and freeing them, nothing else. Reading and parsing the
 * bytes is work any tool has to do; what craf adds is checking, scoring
 * again, grouping and rendering.
 * usage: json_parse_only FILE...   (prints the number of files parsed)
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	int parsed = 0;

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		char *buf;
		long n;
		cJSON *doc;

		if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
			perror(argv[i]);
			return 2;
		}
		buf = malloc((size_t)n + 1);
		if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
			perror(argv[i]);
			return 2;
		}
		fclose(f);
		buf[n] = '\0';
		doc = cJSON_ParseWithLength(buf, (size_t)n);
		if (!doc) {
			fprintf(stderr, "%s: not JSON\n", argv[i]);
			return 2;
		}
		cJSON_Delete(doc);
		free(buf);
		parsed++;
	}
	printf("%d\n", parsed);
	return 0;
}
