/* Command-line options as data: one table gives the parser and the help text. */
#ifndef CRAF_OPTS_H
#define CRAF_OPTS_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

struct opt;

/* How opt_parse takes an option's value. */
enum opt_kind {
	OPT_ID,	      /* returned by its id: the caller acts on it */
	OPT_FLAG,     /* bool, set true */
	OPT_STRING,   /* const char *, the value as given */
	OPT_INT,      /* int, a whole number from min to max, digits only */
	OPT_CALLBACK, /* whatever the callback makes of the value */
};

/*
 * Makes value into what o stores at dest; ctx is opt_parse's. Returns 0, or
 * -1 with the usage error (without the command's name) in err.
 */
typedef int opt_callback(const struct opt *o, const char *value, void *dest, const void *ctx,
			 struct strbuf *err);

struct opt {
	const char *name; /* long name without "--" */
	char letter;	  /* short form, or 0 */
	const char *arg;  /* the value's name in help ("FILE"), or NULL for a flag */
	int id;
	const char *help; /* one line of help, or several separated by '\n' */
	/* Where opt_parse puts the value: dest[in] + offset, as kind says. */
	enum opt_kind kind;
	int in;
	size_t offset;
	long min, max;	  /* OPT_INT: the range, 0 <= min <= max <= INT_MAX */
	const char *what; /* OPT_INT: the value in the usage error ("number of months") */
	const char *unit; /* OPT_INT: after the range in it ("columns"), or NULL */
	opt_callback *callback;
};

/*
 * The offset of member in type, which must be of type ctype: a table entry
 * storing into the wrong type does not compile.
 */
#define OPT_AT(type, member, ctype) _Generic(((type *)0)->member, ctype : offsetof(type, member))

/* An entry opt_next and opt_parse return by its id. */
#define OPT(name_, letter_, arg_, id_, help_)                                                      \
	{                                                                                          \
		.name = name_, .letter = letter_, .arg = arg_, .id = id_, .help = help_            \
	}

/* Entries whose value opt_parse stores in dest[0], a struct of type T. */
#define OPT_FLAG(name_, letter_, T, member, help_)                                                 \
	{                                                                                          \
		.name = name_, .letter = letter_, .help = help_, .kind = OPT_FLAG,                 \
		.offset = OPT_AT(T, member, bool)                                                  \
	}
#define OPT_STRING(name_, letter_, arg_, T, member, help_)                                         \
	{                                                                                          \
		.name = name_, .letter = letter_, .arg = arg_, .help = help_, .kind = OPT_STRING,  \
		.offset = OPT_AT(T, member, const char *)                                          \
	}
#define OPT_INT(name_, letter_, arg_, T, member, lo, hi, what_, help_)                             \
	{                                                                                          \
		.name = name_, .letter = letter_, .arg = arg_, .help = help_, .kind = OPT_INT,     \
		.offset = OPT_AT(T, member, int), .min = lo, .max = hi, .what = what_              \
	}
/* ctype: the member's type, which cb fills. */
#define OPT_CALLBACK(name_, letter_, arg_, T, member, ctype, cb, help_)                            \
	{                                                                                          \
		.name = name_, .letter = letter_, .arg = arg_, .help = help_,                      \
		.kind = OPT_CALLBACK, .offset = OPT_AT(T, member, ctype), .callback = cb           \
	}

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
	char error[256]; /* opt_next's message */
	bool no_more_options;
	const char *bundle;	/* the letters left of a "-abc" being read, or NULL */
	const struct opt *last; /* the entry opt_next last returned */
};

void opt_iter_init(struct opt_iter *it, int argc, char **argv, const struct opt *table, int ntable);
/*
 * Returns an option id (its value in *value, NULL for a flag), OPT_END or
 * OPT_ERROR. As getopt_long: "--name value", "--name=value", "-o value",
 * "-ovalue", bundled letters ("-fo FILE"), "--" ending the options and "-"
 * alone a positional. Long names are matched whole, never abbreviated.
 */
int opt_next(struct opt_iter *it, const char **value);

/*
 * As opt_next, but an option of any kind other than OPT_ID has its value
 * stored in dest[o->in] as the entry says, and the next option is read; ctx
 * goes to callbacks. Returns an OPT_ID option's id, OPT_END, or OPT_ERROR
 * with the message (that of opt_next, a value out of range, a callback's) in
 * err.
 */
int opt_parse(struct opt_iter *it, void *const dest[], const void *ctx, const char **value,
	      struct strbuf *err);

/* The column option help starts at, after "  -o, --output FILE". */
#define OPT_HELP_COLUMN 21

/*
 * Appends one line per option, in table order: "  -o, --output FILE  help",
 * the help's further lines indented to OPT_HELP_COLUMN.
 */
void opt_format_help(struct strbuf *out, const struct opt *table, int ntable);

#endif
