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

/* Ids of the shared options; a command numbers its own from 0, below these. */
enum {
	CMD_OPT_FIRST = 1000,
	CMD_OPT_AS_OF = CMD_OPT_FIRST,
	CMD_OPT_CATALOGUE,
	CMD_OPT_COLOR,
	CMD_OPT_CSV_BOM,
	CMD_OPT_FORMAT,
	CMD_OPT_HELP,
	CMD_OPT_LANG,
	CMD_OPT_NO_PAGER,
	CMD_OPT_OUTPUT,
	CMD_OPT_TARGET,
	CMD_OPT_WIDTH,
	/* From cmd_opts_next: the command returns cmd_opts.status now. */
	CMD_OPT_EXIT = -100,
};

/*
 * Table entries for the shared options. CMD_OPTION(LANG) gives the usual help
 * line; CMD_OPTION_LANG("...") a command's own. FORMAT and TARGET mean
 * different things to each command, so they have no usual help.
 */
#define CMD_OPTION(NAME) CMD_OPTION_##NAME(CMD_HELP_##NAME)

/* clang-format off */
#define CMD_OPTION_AS_OF(help)     {"as-of", 0, "DATE", CMD_OPT_AS_OF, help}
#define CMD_OPTION_CATALOGUE(help) {"catalogue", 0, "DIR", CMD_OPT_CATALOGUE, help}
#define CMD_OPTION_COLOR(help)     {"color", 0, "WHEN", CMD_OPT_COLOR, help}
#define CMD_OPTION_CSV_BOM(help)   {"csv-bom", 0, NULL, CMD_OPT_CSV_BOM, help}
#define CMD_OPTION_FORMAT(help)    {"format", 0, "FORMAT", CMD_OPT_FORMAT, help}
#define CMD_OPTION_HELP(help)      {"help", 'h', NULL, CMD_OPT_HELP, help}
#define CMD_OPTION_LANG(help)      {"lang", 0, "LANG", CMD_OPT_LANG, help}
#define CMD_OPTION_NO_PAGER(help)  {"no-pager", 0, NULL, CMD_OPT_NO_PAGER, help}
#define CMD_OPTION_OUTPUT(help)    {"output", 'o', "FILE", CMD_OPT_OUTPUT, help}
#define CMD_OPTION_TARGET(help)    {"target", 0, "LEVEL", CMD_OPT_TARGET, help}
#define CMD_OPTION_WIDTH(help)     {"width", 0, "N", CMD_OPT_WIDTH, help}
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

/* What the shared options said (defaults where they were not given). */
struct cmd_opts {
	const struct cmd *cmd;
	enum report_format format; /* one of cmd->formats; REPORT_TEXT by default */
	const char *output;	   /* -o FILE; NULL or "-" for standard output */
	const char *catalogue;	   /* --catalogue DIR, or NULL */
	enum lang lang;		   /* --lang, else from the locale */
	enum color_mode color;
	int width; /* --width N, or 0 */
	bool csv_bom;
	enum level target; /* --target, or LEVEL_NONE */
	struct date as_of; /* --as-of, or unset */
	int status;	   /* the exit status after CMD_OPT_EXIT */
};

/* Starts reading c's options from argv (argv[0] is the command's name). */
void cmd_opts_begin(struct cmd_opts *o, struct opt_iter *it, const struct cmd *c, int argc,
		    char **argv);
/*
 * Handles shared options into o (--no-pager turns the pager off, --help
 * prints the help) and returns the id of the next option that is the
 * command's own, its value in *value; OPT_END after the last option;
 * CMD_OPT_EXIT when the command is to return o->status now (the help was
 * printed, or a usage error).
 */
int cmd_opts_next(struct cmd_opts *o, struct opt_iter *it, const char **value);
/* Whether text output goes in colour: text format to standard output, and cmd_use_color. */
bool cmd_opts_color(const struct cmd_opts *o);

/* --level and the like: a level, else the usage error and -1. */
int cmd_opt_level(const struct cmd *c, const char *option, const char *value, enum level *out);
/* --width N: 40 to 1000 columns; else the usage error and -1. */
int cmd_opt_width(const struct cmd *c, const char *value, int *out);

#endif
