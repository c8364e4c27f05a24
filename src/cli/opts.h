/* Command-line options as data: one table gives the parser and the help text. */
#ifndef CRAF_OPTS_H
#define CRAF_OPTS_H

#include <stdbool.h>

#include "strbuf.h"

struct opt {
	const char *name; /* long name without "--" */
	char letter;	  /* short form, or 0 */
	const char *arg;  /* the value's name in help ("FILE"), or NULL for a flag */
	int id;
	const char *help; /* one line of help, or several separated by '\n' */
};

#define OPT_COUNT(table) ((int)(sizeof(table) / sizeof((table)[0])))

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
	const char *bundle; /* the letters left of a "-abc" being read, or NULL */
};

void opt_iter_init(struct opt_iter *it, int argc, char **argv, const struct opt *table, int ntable);
/*
 * Returns an option id (its value in *value, NULL for a flag), OPT_END or
 * OPT_ERROR. As getopt_long: "--name value", "--name=value", "-o value",
 * "-ovalue", bundled letters ("-fo FILE"), "--" ending the options and "-"
 * alone a positional. Long names are matched whole, never abbreviated.
 */
int opt_next(struct opt_iter *it, const char **value);

/* The column option help starts at, after "  -o, --output FILE". */
#define OPT_HELP_COLUMN 21

/*
 * Appends one line per option, in table order: "  -o, --output FILE  help",
 * the help's further lines indented to OPT_HELP_COLUMN.
 */
void opt_format_help(struct strbuf *out, const struct opt *table, int ntable);

#endif
