/* Command-line options, described by tables like curl's tool. */
#ifndef CRAF_OPTS_H
#define CRAF_OPTS_H

#include <stdbool.h>

struct opt {
	const char *name; /* long name without "--" */
	char letter;	  /* short form, or 0 */
	bool has_value;
	int id;
};

enum {
	OPT_END = -1,	/* no more options; positionals follow */
	OPT_ERROR = -2, /* message in iter.error */
};

struct opt_iter {
	int argc;
	char **argv;
	int index; /* next argv element */
	const struct opt *table;
	int ntable;
	/* Positional arguments, in order (argv is reordered in place). */
	char **args;
	int nargs;
	char error[256];
	bool no_more_options;
};

void opt_iter_init(struct opt_iter *it, int argc, char **argv, const struct opt *table, int ntable);
/* Returns an option id (value in *value), OPT_END or OPT_ERROR. */
int opt_next(struct opt_iter *it, const char **value);

#endif
