/*
 * The floor for craf's speed: libyaml's event parser run over the same files,
 * doing nothing with the events. craf cannot be faster than this.
 * usage: yaml_parse_only FILE...   (prints the number of events)
 */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

int main(int argc, char **argv)
{
	unsigned long events = 0;

	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		yaml_parser_t parser;
		yaml_event_t ev;
		int done = 0;

		if (!f) {
			perror(argv[i]);
			return 2;
		}
		if (!yaml_parser_initialize(&parser)) {
			fputs("out of memory\n", stderr);
			return 2;
		}
		yaml_parser_set_input_file(&parser, f);
		while (!done) {
			if (!yaml_parser_parse(&parser, &ev)) {
				fprintf(stderr, "%s: %s\n", argv[i], parser.problem);
				return 2;
			}
			done = ev.type == YAML_STREAM_END_EVENT;
			events++;
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&parser);
		fclose(f);
	}
	printf("%lu events\n", events);
	return 0;
}
