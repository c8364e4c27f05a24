/* The options several commands share: declared once, parsed once, into one struct. */
#ifndef CRAF_CMD_OPTIONS_H
#define CRAF_CMD_OPTIONS_H

#include <stdbool.h>

#include "date.h"
#include "i18n.h"
#include "level.h"
#include "opts.h"
#include "report.h"
#include "term.h"

struct cmd;

/* What cmd_parse_options returns when the command is to go on. */
#define CMD_GO_ON (-1)

/* Which of cmd_parse_options's destinations an entry stores into. */
enum {
	CMD_IN_OWN,    /* the command's own struct */
	CMD_IN_SHARED, /* struct cmd_opts */
};

/* --help's id: the one option cmd_parse_options acts on itself. */
enum { CMD_OPT_HELP = 1000 };

/* --format for an answers file (convert, init). */
enum cmd_answers_format { CMD_ANSWERS_ANY, CMD_ANSWERS_YAML, CMD_ANSWERS_XLSX };

/* The callbacks behind the entries below; each says what it expects. */
opt_callback cmd_opt_as_of, cmd_opt_color, cmd_opt_format, cmd_opt_lang, cmd_opt_level,
	cmd_opt_answers_format;

/* --level LEVEL and the like, into an enum level of the command's struct T. */
#define OPT_LEVEL(name_, arg_, T, member, help_)                                                   \
	OPT_CALLBACK(name_, 0, arg_, T, member, enum level, cmd_opt_level, help_)
/* --format yaml|xlsx, into an enum cmd_answers_format of the command's struct T. */
#define OPT_ANSWERS_FORMAT(T, member, help_)                                                       \
	OPT_CALLBACK("format", 0, "FORMAT", T, member, enum cmd_answers_format,                    \
		     cmd_opt_answers_format, help_)

/*
 * Table entries for the shared options. CMD_OPTION(LANG) gives the usual help
 * line; CMD_OPTION_LANG("...") a command's own. FORMAT and TARGET mean
 * different things to each command, so they have no usual help.
 */
#define CMD_OPTION(NAME) CMD_OPTION_##NAME(CMD_HELP_##NAME)

/* An entry storing into struct cmd_opts's member, of type ctype. */
#define CMD_SHARED(name_, letter_, arg_, kind_, member, ctype, help_, ...)                         \
	{                                                                                          \
		.name = name_, .letter = letter_, .arg = arg_, .help = help_, .kind = kind_,       \
		.in = CMD_IN_SHARED, .offset = OPT_AT(struct cmd_opts, member, ctype), __VA_ARGS__ \
	}

/* clang-format off */
#define CMD_OPTION_AS_OF(help)     CMD_SHARED("as-of", 0, "DATE", OPT_CALLBACK, as_of, struct date, help, .callback = cmd_opt_as_of)
#define CMD_OPTION_CATALOGUE(help) CMD_SHARED("catalogue", 0, "DIR", OPT_STRING, catalogue, const char *, help)
#define CMD_OPTION_COLOR(help)     CMD_SHARED("color", 0, "WHEN", OPT_CALLBACK, color, enum color_mode, help, .callback = cmd_opt_color)
#define CMD_OPTION_CSV_BOM(help)   CMD_SHARED("csv-bom", 0, NULL, OPT_FLAG, csv_bom, bool, help)
#define CMD_OPTION_FORMAT(help)    CMD_SHARED("format", 0, "FORMAT", OPT_CALLBACK, format, enum report_format, help, .callback = cmd_opt_format)
#define CMD_OPTION_HELP(help)      OPT("help", 'h', NULL, CMD_OPT_HELP, help)
#define CMD_OPTION_LANG(help)      CMD_SHARED("lang", 0, "LANG", OPT_CALLBACK, lang, enum lang, help, .callback = cmd_opt_lang)
#define CMD_OPTION_NO_PAGER(help)  CMD_SHARED("no-pager", 0, NULL, OPT_FLAG, no_pager, bool, help)
#define CMD_OPTION_OUTPUT(help)    CMD_SHARED("output", 'o', "FILE", OPT_STRING, output, const char *, help)
#define CMD_OPTION_TARGET(help)    CMD_SHARED("target", 0, "LEVEL", OPT_CALLBACK, target, enum level, help, .callback = cmd_opt_level)
#define CMD_OPTION_WIDTH(help)     CMD_SHARED("width", 0, "N", OPT_INT, width, int, help, .min = TERM_WIDTH_MIN, .max = TERM_WIDTH_MAX, .what = "width", .unit = "columns")
/* clang-format on */

#define CMD_HELP_CATALOGUE "Use the catalogue in DIR instead of the built-in one"
#define CMD_HELP_COLOR	   "auto (default), always or never; NO_COLOR disables"
#define CMD_HELP_CSV_BOM   "Start CSV output with a byte-order mark, for Excel"
#define CMD_HELP_HELP	   "Show this help"
#define CMD_HELP_LANG	   "en, zh or zh-Hant (default: from the locale, else en)"
#define CMD_HELP_NO_PAGER                                                                          \
	"Do not page the output (at a terminal it goes through\n"                                  \
	"$CRAF_PAGER, else $PAGER, else less -FRX)"
#define CMD_HELP_OUTPUT "Write to FILE (atomically) instead of standard output"
#define CMD_HELP_WIDTH                                                                             \
	"Fit text to N columns, 40 to 1000 (default: the\n"                                        \
	"terminal's width, else $COLUMNS, else 80)"

/* What assess and report say of --format and --lang. */
#define CMD_HELP_REPORT_FORMAT                                                                     \
	"text (default), json, html, markdown, csv, xlsx or oscal\n"                               \
	"(OSCAL 1.2.1 assessment-results, docs/oscal.md)"
#define CMD_HELP_REPORT_LANG                                                                       \
	"Report language: en, zh or zh-Hant (default: from the\n"                                  \
	"locale, else en)"
/* The formats assess and report write, in the order their usage error names them. */
#define CMD_NREPORT_FORMATS 7
extern const enum report_format cmd_report_formats[CMD_NREPORT_FORMATS];

/* What the shared options said (defaults where they were not given), and the arguments. */
struct cmd_opts {
	const struct cmd *cmd;
	enum report_format format; /* one of cmd->formats; REPORT_TEXT by default */
	const char *output;	   /* -o FILE; NULL or "-" for standard output */
	const char *catalogue;	   /* --catalogue DIR, or NULL */
	enum lang lang;		   /* --lang, else from the locale */
	enum color_mode color;
	int width; /* --width N, or 0 */
	bool csv_bom;
	bool no_pager;	   /* --no-pager, which cmd_parse_options has turned the pager off for */
	enum level target; /* --target, or LEVEL_NONE */
	struct date as_of; /* --as-of, or unset */
	/* The positional arguments, in order (argv reordered in place). */
	char **args;
	int nargs;
};

/*
 * Reads c's options from argv (argv[0] is the command's name): each shared
 * one into co, each of the command's own into own (its entries' struct; NULL
 * when it has none). Prints the help for --help; checks there is exactly one
 * argument when c->file names it. Returns CMD_GO_ON, or the exit status the
 * command is to return now (that of the help, or of a usage error after
 * printing it).
 */
int cmd_parse_options(struct cmd_opts *co, const struct cmd *c, int argc, char **argv, void *own);
/* Whether text output goes in colour: text format to standard output, and cmd_use_color. */
bool cmd_opts_color(const struct cmd_opts *o);

#endif
