/* The subcommands craf dispatches to, one file each (cmd_<name>.c). */
#ifndef CRAF_CMD_H
#define CRAF_CMD_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "answers.h"
#include "catalogue.h"
#include "cmd_options.h"
#include "diag.h"
#include "engine.h"
#include "inputs.h"
#include "report.h"
#include "result.h"
#include "term.h"
#include "yamldoc.h"

/* A command, and what its help is made of (cmd_help). */
struct cmd {
	const char *name;
	/* argv[0] is the command name; returns an exit status. */
	int (*run)(int argc, char **argv);
	const char *summary;
	/* What follows "usage: craf " (a line per form, each starting with the name). */
	const char *synopsis;
	const char *description; /* the paragraphs between the synopsis and the options */
	/* The options, sorted by long name: the help lists them in this order. */
	const struct opt *options;
	int noptions;
	/* --format's values, in the order the usage error names them. */
	const enum report_format *formats;
	int nformats;
	const char *epilogue; /* after the options (exit status), or NULL */
	/*
	 * The one argument the command takes, as its usage error names it
	 * ("answers file"); NULL when the command checks its arguments itself.
	 */
	const char *file;
};

extern const struct cmd cmd_assess;
extern const struct cmd cmd_bundle;
extern const struct cmd cmd_verify;
extern const struct cmd cmd_catalogue;
extern const struct cmd cmd_convert;
extern const struct cmd cmd_diff;
extern const struct cmd cmd_init;
extern const struct cmd cmd_report;
extern const struct cmd cmd_risk;
extern const struct cmd cmd_summary;
extern const struct cmd cmd_trend;
extern const struct cmd cmd_validate;

/* Shared by verify and bundle (cmd_evidence.c). */

/*
 * Reads path as a saved JSON report into r, with every check 'craf report'
 * makes, its bytes as read into raw unless NULL; 0 or -1.
 */
int cmd_load_report(const char *path, struct ydoc *doc, struct result *r, struct diag_list *dl,
		    struct strbuf *raw);
/* The first executable name in $PATH, or NULL. */
char *cmd_find_program(const char *name);
/* A new private directory under $TMPDIR (or /tmp); NULL after saying why. */
char *cmd_make_tmpdir(void);
/* Removes dir and everything in it (links themselves, never what they point to). */
void cmd_remove_tree(const char *dir);

/* The process environment, which programs craf runs inherit (POSIX declares no header for it). */
extern char **environ;

/* Shared by the commands (cmd_common.c). Only the command layer reads the environment. */

/* NO_COLOR wins, then the mode, then whether out is (or, for stdout, was) a terminal. */
bool cmd_use_color(FILE *out, enum color_mode mode);
/* The language of the first of LC_ALL, LC_MESSAGES and LANG that is set. */
enum lang cmd_lang_default(void);
/* The clock: SOURCE_DATE_EPOCH when it is a valid time (reproducible output), else now. */
time_t cmd_now(void);

/* --catalogue DIR, else $CRAF_CATALOGUE, else the built-in catalogue. */
int cmd_load_catalogue(struct catalogue *cat, const char *dir, struct diag_list *dl);
/*
 * After a load step that returned failed: prints its diagnostics (warnings
 * too); returns CRAF_EXIT_ERROR if it failed, else CRAF_EXIT_OK.
 */
int cmd_loaded(int failed, const struct diag_list *dl);
/* Prints diagnostics to stderr (warnings too); returns CRAF_EXIT_ERROR if any error. */
int cmd_report_diags(const struct diag_list *dl);
/* As cmd_report_diags, after a step that failed: never CRAF_EXIT_OK. */
int cmd_report_failure(const struct diag_list *dl);
/*
 * Prints a message to stderr as fprintf would, but with what users wrote in
 * it (file names, ids, option values) shown as diagnostics show it: control
 * characters, escape sequences and invisible characters made visible. A
 * final newline stays a newline.
 */
void cmd_eprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Prints "craf NAME: message" (as cmd_eprintf) and a pointer to help; returns CRAF_EXIT_ERROR. */
int cmd_usage_error(const struct cmd *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* "-" for an input: standard input, called <stdin> in messages and the report. */
bool cmd_is_stdin(const char *path);
/* At most one "-" among the n arguments; else a usage error. */
int cmd_want_stdin_once(const struct cmd *c, char *const *args, int n);
/* True when name ends in suffix, whatever its case (".xlsx"). */
bool cmd_ends_with(const char *name, const char *suffix);
/*
 * False, after saying so, when output (-o; NULL or "-" is standard output)
 * is a regular file and force (--force) was not given: a filled-in answers
 * file is months of work, never replaced silently. A device or FIFO holds
 * nothing to lose.
 */
bool cmd_may_replace(const struct cmd *c, const char *output, bool force);
/* Exactly one file argument, WHAT names it ("answers file"); else a usage error. */
int cmd_want_one_file(const struct cmd *c, int nargs, const char *what);
/*
 * The width text output wraps to when --width is not given: stdout's
 * terminal width, else $COLUMNS, else 80; at least 40, at most 1000.
 * Measured at the first call (main makes it before anything else, so a
 * pager taking over stdout later does not hide the terminal).
 */
int cmd_term_width(void);
/* The width for output going to OUTPUT (NULL or "-": stdout); given is --width or 0. */
int cmd_output_width(int given, const char *output);
/* Prints the command's help, made from its synopsis, description and options; returns 0. */
int cmd_help(const struct cmd *c);
/* Flushes stdout and turns a write error into CRAF_EXIT_ERROR. */
int cmd_finish(int status);
/*
 * Writes data to path atomically (temporary file in the same directory,
 * then rename), or to stdout when path is NULL or "-". Returns 0 or -1
 * with a message printed.
 */
int cmd_write_output(const char *path, const char *data, size_t len, const char *input_path);
/*
 * Has write make a workbook in a scratch file, then puts it at path (stdout
 * when NULL or "-") atomically, never onto input_path, never to a terminal;
 * write's warnings are printed. Returns 0 or -1 with a message printed.
 */
typedef int cmd_workbook_fn(const char *scratch, const void *ctx, struct strbuf *warnings,
			    struct strbuf *err);
int cmd_output_workbook(cmd_workbook_fn *write, const void *ctx, const char *path,
			const char *input_path);
/*
 * Converts out to Traditional Chinese (Hong Kong) when lang is zh-Hant;
 * returns 0, or -1 with the reason printed.
 */
int cmd_localise(struct strbuf *out, enum lang lang);
/* True (after saying so) when path names one of the n input files. */
bool cmd_output_is_input(const char *path, char *const *inputs, int n);
/*
 * Renders r in format f to path (stdout when NULL or "-"), atomically;
 * never onto input_path. Returns 0 or -1 with a message printed.
 */
int cmd_output_result(const struct result *r, enum report_format f, const struct report_options *o,
		      const char *path, const char *input_path);

/* Where a command's finished output goes (cmd_emit). */
struct cmd_emit {
	const char *output;  /* -o FILE; NULL or "-" for standard output */
	enum lang lang;	     /* zh-Hant output is converted ... */
	bool localise;	     /* ... unless false (JSON, OSCAL: the catalogue's own script) */
	bool page;	     /* through the pager when standard output is a terminal */
	char *const *inputs; /* never written over */
	int ninputs;
};
/*
 * The end of a command whose output is built in out: localised, paged,
 * written atomically to e->output. Returns cmd_finish(status), or
 * CRAF_EXIT_ERROR with the reason printed.
 */
int cmd_emit(struct strbuf *out, const struct cmd_emit *e, int status);
/* The report options the common options ask for (format, width, colour, --csv-bom, the clock). */
struct report_options cmd_report_options(const struct cmd_opts *co);
/*
 * The end of a command that prints an assessment result in co's format:
 * paged unless binary, written to -o atomically, never onto input. Returns
 * cmd_finish(status), or CRAF_EXIT_ERROR with the reason printed.
 */
int cmd_emit_result(const struct result *r, const struct cmd_opts *co, const char *input,
		    int status);

/*
 * The pager (cmd_pager.c). Whether standard output was a terminal is
 * looked at once, before any pager replaces it: colour and width follow it.
 */
bool cmd_stdout_is_tty(void);
/* --no-pager: output is never paged in this run. */
void cmd_pager_disable(void);
/*
 * When standard output is a terminal and output (-o) is NULL or "-", sends
 * standard output through $CRAF_PAGER, else $PAGER, else less -FRX, and
 * waits for the pager at exit. Call once colour and width are decided.
 */
void cmd_pager_start(const char *output);
/* True once standard output feeds a pager: a write that fails means the pager was quit. */
bool cmd_pager_active(void);

/*
 * --catalogue DIR, else $CRAF_CATALOGUE, else NULL (the built-in
 * catalogue): what inputs.catalogue_dir takes.
 */
const char *cmd_catalogue_dir(const char *given);
/* An inputs loader whose engine runs at cmd_now(). */
void cmd_inputs_init(struct inputs *ld);

#endif
