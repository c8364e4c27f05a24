/* What every command needs: loading the catalogue, reporting errors, writing output. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers.h"
#include "answers_load.h"
#include "diag.h"
#include "hant.h"
#include "outfile.h"
#include "cmd.h"
#include "report_json.h"
#include "yamldoc.h"
#include "exitcode.h"
#include "strbuf.h"
#include "term.h"
#include "xalloc.h"

bool cmd_use_color(FILE *out, enum color_mode mode)
{
	const char *nc = getenv("NO_COLOR");
	const char *t;

	if (nc && *nc)
		return false;
	if (mode != COLOR_AUTO)
		return mode == COLOR_ALWAYS;
	t = getenv("TERM");
	if (t && !strcmp(t, "dumb"))
		return false;
	/* Standard output may be a pager's pipe by now: ask what it was at the start. */
	return out == stdout ? cmd_stdout_is_tty() : isatty(fileno(out));
}

enum lang cmd_lang_default(void)
{
	static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v)
			return lang_from_locale(v);
	}
	return LANG_EN;
}

time_t cmd_now(void)
{
	static bool warned;
	const char *sde = getenv("SOURCE_DATE_EPOCH");

	if (sde && *sde) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(sde, &end, 10);
		if (!*end && !errno && v >= 0 && v <= 253402300799LL)
			return (time_t)v;
		if (!warned)
			cmd_eprintf("craf: ignoring SOURCE_DATE_EPOCH=%s: not a number of seconds "
				    "from 1970 to 9999\n",
				    sde);
		warned = true;
	}
	return time(NULL);
}

int cmd_report_diags(const struct diag_list *dl)
{
	diag_list_print(stderr, dl, cmd_use_color(stderr, COLOR_AUTO));
	return diag_list_has_errors(dl) ? CRAF_EXIT_ERROR : CRAF_EXIT_OK;
}

int cmd_report_failure(const struct diag_list *dl)
{
	cmd_report_diags(dl);
	return CRAF_EXIT_ERROR;
}

int cmd_loaded(int failed, const struct diag_list *dl)
{
	if (failed)
		return cmd_report_failure(dl);
	cmd_report_diags(dl);
	return CRAF_EXIT_OK;
}

bool cmd_ends_with(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);

	return n >= k && !strcasecmp(name + n - k, suffix);
}

bool cmd_may_replace(const struct cmd *c, const char *output, bool force)
{
	struct stat st;

	if (!output || !strcmp(output, "-") || force || stat(output, &st) || !S_ISREG(st.st_mode))
		return true;
	cmd_eprintf("craf %s: '%s' exists (use --force to overwrite it)\n", c->name, output);
	return false;
}

int cmd_want_one_file(const struct cmd *c, int nargs, const char *what)
{
	if (nargs == 1)
		return CRAF_EXIT_OK;
	return nargs ? cmd_usage_error(c, "expected one %s, got %d", what, nargs)
		     : cmd_usage_error(c, "missing the %s", what);
}

/* Writes the message made of fmt and ap to stderr, user text in it made visible. */
__attribute__((format(printf, 1, 0))) static void eprint(const char *fmt, va_list ap)
{
	struct strbuf msg = STRBUF_INIT, shown = STRBUF_INIT;
	bool newline;

	strbuf_vaddf(&msg, fmt, ap);
	newline = msg.len && msg.buf[msg.len - 1] == '\n';
	diag_visible(&shown, strbuf_str(&msg), msg.len - newline);
	fprintf(stderr, "%s%s", strbuf_str(&shown), newline ? "\n" : "");
	strbuf_release(&msg);
	strbuf_release(&shown);
}

void cmd_eprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	eprint(fmt, ap);
	va_end(ap);
}

int cmd_usage_error(const struct cmd *c, const char *fmt, ...)
{
	va_list ap;

	/* The message may quote what was typed: shown, never obeyed, by the terminal. */
	fprintf(stderr, "craf %s: ", c->name);
	va_start(ap, fmt);
	eprint(fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'craf help %s' for more information.\n", c->name);
	return CRAF_EXIT_ERROR;
}

int cmd_finish(int status)
{
	int err = 0;

	if (fflush(stdout))
		err = errno;
	else if (ferror(stdout))
		err = EIO; /* an earlier write failed; its errno is long gone */
	if (err) {
		/* A pager quit before the end: the status stays craf's own. */
		if (cmd_pager_active())
			return status;
		/* A closed pipe is the reader's choice, not our failure to report. */
		if (err != EPIPE)
			fprintf(stderr, "craf: cannot write to standard output: %s\n",
				strerror(err));
		return CRAF_EXIT_ERROR;
	}
	return status;
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	/* "-" is standard output or input, never a file of that name. */
	if (!a || !b || cmd_is_stdin(a) || cmd_is_stdin(b) || stat(a, &sa) || stat(b, &sb))
		return false;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cmd_localise(struct strbuf *out, enum lang lang)
{
	struct strbuf err = STRBUF_INIT;

	if (lang != LANG_ZH_HANT)
		return 0;
	if (hant_convert(out, &err)) {
		fprintf(stderr, "craf: %s\n", strbuf_str(&err));
		strbuf_release(&err);
		return -1;
	}
	return 0;
}

/* Whether path would be one of the parts of dir, a directory of answers parts (new or not). */
static bool part_of(const char *path, const char *dir)
{
	struct stat st;
	char *copy, *name;
	bool part;

	if (!dir || cmd_is_stdin(dir) || stat(dir, &st) || !S_ISDIR(st.st_mode))
		return false;
	copy = xstrdup(path);
	name = xstrdup(basename(copy));
	strcpy(copy, path);
	part = answers_part_name(name) && same_file(dirname(copy), dir);
	free(copy);
	free(name);
	return part;
}

bool cmd_output_is_input(const char *path, char *const *inputs, int n)
{
	for (int i = 0; path && strcmp(path, "-") && i < n; i++) {
		if (same_file(path, inputs[i])) {
			cmd_eprintf("craf: refusing to overwrite the input file '%s'\n", path);
			return true;
		}
		if (part_of(path, inputs[i])) {
			cmd_eprintf("craf: refusing to write '%s' into the input directory '%s' "
				    "(it would be read as one of its parts)\n",
				    path, inputs[i]);
			return true;
		}
	}
	return false;
}

/* Prints why o failed, naming path; returns -1, or 0 when the pager was quit early. */
static int output_error(const struct outfile *o, const char *path)
{
	int err = o->err ? o->err : EIO;
	const char *what = o->what ? o->what : "write";

	if (!path || !strcmp(path, "-")) {
		if (cmd_pager_active())
			return 0;
		/* A closed pipe is the reader's choice, not our failure to report. */
		if (err != EPIPE)
			fprintf(stderr, "craf: cannot %s standard output: %s\n",
				strcmp(what, "write") ? what : "write to", strerror(err));
		return -1;
	}
	cmd_eprintf("craf: cannot %s '%s': %s\n", what, path, strerror(err));
	return -1;
}

static int open_output(struct outfile *o, const char *path, const char *input_path)
{
	char *input = (char *)input_path; /* only read */

	if (input && cmd_output_is_input(path, &input, 1))
		return -1;
	if (outfile_open(o, path))
		return output_error(o, path);
	return 0;
}

/* Opens path, lets fill write to it, and puts it in place; every failure printed. */
static int output_with(const char *path, const char *input_path,
		       int (*fill)(struct outfile *o, const void *arg), const void *arg)
{
	struct outfile o;

	if (open_output(&o, path, input_path))
		return -1;
	if (fill(&o, arg)) {
		int ret = output_error(&o, path);

		outfile_abort(&o);
		return ret;
	}
	if (outfile_commit(&o))
		return output_error(&o, path);
	return 0;
}

struct bytes {
	const char *data;
	size_t len;
};

static int fill_bytes(struct outfile *o, const void *arg)
{
	const struct bytes *b = arg;

	return outfile_write(o, b->data, b->len);
}

int cmd_write_output(const char *path, const char *data, size_t len, const char *input_path)
{
	struct bytes b = {data, len};

	return output_with(path, input_path, fill_bytes, &b);
}

static int drain_to_outfile(void *ctx, struct strbuf *buf)
{
	return outfile_take(ctx, buf);
}

/* The JSON report goes out as it is rendered: a large one is never whole in memory. */
static int fill_json(struct outfile *o, const void *arg)
{
	return report_json_write(arg, drain_to_outfile, o);
}

/* libxlsxwriter writes only to a named file: a temporary one, put in place by the outfile. */
int cmd_output_workbook(cmd_workbook_fn *write, const void *ctx, const char *path,
			const char *input_path)
{
	struct strbuf warnings = STRBUF_INIT, err = STRBUF_INIT;
	struct outfile of;
	const char *scratch, *tmpdir = getenv("TMPDIR");
	int ret = -1;

	if (open_output(&of, path, input_path))
		return -1;
	/* Standard output may be a pager's pipe by now: ask what it was at the start. */
	if (of.kind == OUTFILE_STDOUT ? cmd_stdout_is_tty()
				      : of.kind != OUTFILE_REPLACE && isatty(of.fd)) {
		fprintf(stderr, "craf: refusing to write a workbook to a terminal (use -o FILE)\n");
		outfile_abort(&of);
		return -1;
	}
	scratch = outfile_scratch(&of, tmpdir && *tmpdir ? tmpdir : "/tmp");
	if (!scratch) {
		output_error(&of, path);
		outfile_abort(&of);
		return -1;
	}
	if (write(scratch, ctx, &warnings, &err)) {
		if (!path || !strcmp(path, "-"))
			fprintf(stderr, "craf: cannot make the workbook for standard output: %s\n",
				strbuf_str(&err));
		else
			cmd_eprintf("craf: cannot make the workbook for '%s': %s\n", path,
				    strbuf_str(&err));
		outfile_abort(&of);
		goto cleanup;
	}
	for (const char *p = strbuf_str(&warnings), *nl; (nl = strchr(p, '\n')); p = nl + 1)
		fprintf(stderr, "craf: warning: %.*s\n", (int)(nl - p), p);
	if (outfile_commit(&of)) {
		output_error(&of, path);
		goto cleanup;
	}
	ret = 0;
cleanup:
	strbuf_release(&warnings);
	strbuf_release(&err);
	return ret;
}

struct report_workbook {
	const struct result *r;
	const struct report_options *o;
};

static int write_report_workbook(const char *scratch, const void *ctx, struct strbuf *warnings,
				 struct strbuf *err)
{
	const struct report_workbook *w = ctx;

	return report_xlsx_write(scratch, w->r, w->o, warnings, err);
}

int cmd_output_result(const struct result *r, enum report_format f, const struct report_options *o,
		      const char *path, const char *input_path)
{
	const struct report_workbook w = {r, o};

	struct strbuf out = STRBUF_INIT;
	int ret;

	if (report_format_is_binary(f))
		return cmd_output_workbook(write_report_workbook, &w, path, input_path);
	if (f == REPORT_JSON)
		return output_with(path, input_path, fill_json, r);
	report_render(&out, r, f, o);
	/* JSON carries both languages as written; people-facing formats are converted. */
	if (f != REPORT_JSON && f != REPORT_OSCAL && cmd_localise(&out, o->lang)) {
		strbuf_release(&out);
		return -1;
	}
	ret = cmd_write_output(path, strbuf_str(&out), out.len, input_path);
	strbuf_release(&out);
	return ret;
}

const char *cmd_catalogue_dir(const char *given)
{
	const char *env = getenv("CRAF_CATALOGUE");

	if (given)
		return given;
	return env && *env ? env : NULL;
}

int cmd_load_catalogue(struct catalogue *cat, const char *dir, struct diag_list *dl)
{
	return inputs_load_catalogue(cat, cmd_catalogue_dir(dir), dl);
}

void cmd_inputs_init(struct inputs *ld)
{
	inputs_init(ld);
	ld->eo.now = cmd_now();
}

bool cmd_is_stdin(const char *path)
{
	return !strcmp(path, "-");
}

int cmd_want_stdin_once(const struct cmd *c, char *const *args, int n)
{
	for (int i = 0, seen = 0; i < n; i++)
		if (cmd_is_stdin(args[i]) && seen++)
			return cmd_usage_error(c, "standard input ('-') can be given only once");
	return CRAF_EXIT_OK;
}

int cmd_emit(struct strbuf *out, const struct cmd_emit *e, int status)
{
	if ((e->localise && cmd_localise(out, e->lang)) ||
	    cmd_output_is_input(e->output, e->inputs, e->ninputs))
		return CRAF_EXIT_ERROR;
	if (e->page)
		cmd_pager_start(e->output);
	if (cmd_write_output(e->output, strbuf_str(out), out->len, NULL))
		return CRAF_EXIT_ERROR;
	return cmd_finish(status);
}

struct report_options cmd_report_options(const struct cmd_opts *co)
{
	return (struct report_options){.lang = co->lang,
				       .width = cmd_output_width(co->width, co->output),
				       .color = cmd_opts_color(co),
				       .csv_bom = co->csv_bom,
				       .now = cmd_now()};
}

int cmd_emit_result(const struct result *r, const struct cmd_opts *co, const char *input,
		    int status)
{
	struct report_options ro = cmd_report_options(co);

	if (!report_format_is_binary(co->format))
		cmd_pager_start(co->output);
	if (cmd_output_result(r, co->format, &ro, co->output, input))
		return CRAF_EXIT_ERROR;
	return cmd_finish(status);
}

char *cmd_find_program(const char *name)
{
	const char *path = getenv("PATH");
	struct strbuf full = STRBUF_INIT;

	if (!path || !*path)
		path = "/usr/bin:/bin";
	while (*path) {
		size_t len = strcspn(path, ":");

		strbuf_reset(&full);
		strbuf_addf(&full, "%.*s/%s", (int)len, len ? path : ".", name);
		if (!access(full.buf, X_OK))
			return strbuf_detach(&full);
		path += len + (path[len] == ':');
	}
	strbuf_release(&full);
	return NULL;
}

char *cmd_make_tmpdir(void)
{
	const char *tmp = getenv("TMPDIR");
	struct strbuf dir = STRBUF_INIT;

	strbuf_addf(&dir, "%s/craf.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir.buf)) {
		cmd_eprintf("craf: cannot make a temporary directory in %s: %s\n",
			    tmp && *tmp ? tmp : "/tmp", strerror(errno));
		strbuf_release(&dir);
		return NULL;
	}
	return strbuf_detach(&dir);
}
