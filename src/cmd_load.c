/* How commands load their inputs: the catalogue and every file parsed side by side, then checked in
 * order. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answers.h"
#include "cmd.h"
#include "exitcode.h"
#include "report_json.h"
#include "sniff.h"
#include "workers.h"
#include "xalloc.h"
#include "yamldoc.h"

/* Below this, every input is parsed on the calling thread. */
#define SMALL_INPUT ((size_t)1 << 20)

int cmd_load_catalogue(struct catalogue *cat, const char *dir, struct diag_list *dl)
{
	if (!dir) {
		const char *env = getenv("CRAF_CATALOGUE");

		if (env && *env)
			dir = env;
	}
	if (dir)
		return catalogue_load_dir(cat, dir, dl);
	return catalogue_load_builtin(cat, dl);
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

int cmd_read_input(struct ydoc *doc, const char *path, struct diag_list *dl)
{
	if (cmd_is_stdin(path))
		return ydoc_read_fd(doc, "<stdin>", STDIN_FILENO, dl);
	return ydoc_read_file(doc, path, dl);
}

void cmd_loader_init(struct cmd_loader *ld)
{
	memset(ld, 0, sizeof(*ld));
	ld->eo = (struct engine_options)ENGINE_OPTIONS_INIT;
	ld->eo.now = cmd_now();
	catalogue_init(&ld->cat);
}

void cmd_loader_release(struct cmd_loader *ld)
{
	catalogue_release(&ld->cat);
	ld->cat_loaded = ld->cat_failed = false;
}

enum input_kind { INPUT_FAILED, INPUT_ANSWERS, INPUT_REPORT };

/* One file argument, between its parse (on a worker) and its checks (in order). */
struct input {
	struct answers ans;
	struct diag_list parse_dl; /* kept apart: dropped if the catalogue fails */
	enum input_kind kind;
	int ret;
	struct result *r; /* NULL: check the answers only */
};

struct batch {
	struct cmd_loader *ld;
	struct input *in;
	size_t n;
	bool load_cat; /* job 0 loads the catalogue */
	struct diag_list cat_dl;
	int cat_ret;
};

/* Reads path and tells an answers file from a saved report; the problems go to dl. */
static enum input_kind read_input(struct cmd_loader *ld, const char *path, struct answers *ans,
				  bool may_be_report, struct diag_list *dl)
{
	enum sniff_kind kind;

	/* A report may be larger than answers; the limit for answers is checked below. */
	if (may_be_report)
		ans->doc.max_bytes = YDOC_MAX_REPORT_BYTES;
	if (cmd_read_input(&ans->doc, path, dl))
		return INPUT_FAILED;
	kind = sniff(ans->doc.data, ans->doc.len);
	if (!sniff_is_json(kind) && ans->doc.len > YDOC_MAX_BYTES) {
		ydoc_error_at(&ans->doc, dl, 1, 1, 1, "file is larger than the %zu MiB limit",
			      YDOC_MAX_BYTES >> 20);
		return INPUT_FAILED;
	}
	if (ld->answers_only && kind == SNIFF_REPORT) {
		ydoc_error_at(
			&ans->doc, dl, 1, 1, 1,
			"this is a JSON report, not an answers file (render it with 'craf report')");
		return INPUT_FAILED;
	}
	return !ld->answers_only && sniff_is_json(kind) ? INPUT_REPORT : INPUT_ANSWERS;
}

static void parse_job(void *arg, size_t i)
{
	struct batch *b = arg;
	struct input *in;

	if (b->load_cat) {
		if (i == 0) {
			b->cat_ret =
				cmd_load_catalogue(&b->ld->cat, b->ld->catalogue_dir, &b->cat_dl);
			return;
		}
		i--;
	}
	in = &b->in[i];
	if (in->kind == INPUT_REPORT)
		in->ret = ydoc_parse_json(&in->ans.doc, &in->parse_dl) ||
					  report_json_load(in->r, &in->ans.doc, &in->parse_dl)
				  ? -1
				  : 0;
	else if (in->kind == INPUT_ANSWERS)
		in->ret = answers_parse(&in->ans, &in->parse_dl);
}

/*
 * Loads n inputs: results[i] from paths[i], or, when results is NULL, the
 * answers in answers[0] (validate). Diagnostics come out as if the files
 * were loaded one after another, the catalogue before the first answers file.
 */
static int load(struct cmd_loader *ld, char *const *paths, size_t n, struct result *results,
		struct answers *answers, struct diag_list *dl)
{
	struct batch b = {ld, xcalloc(n, sizeof(*b.in)), n, false, DIAG_LIST_INIT, 0};
	bool cat_reported = false;
	size_t bytes = 0;
	int ret = 0;

	for (size_t i = 0; i < n; i++) {
		struct input *in = &b.in[i];

		answers_init(&in->ans);
		diag_list_init(&in->parse_dl);
		in->r = results ? &results[i] : NULL;
		in->kind = read_input(ld, paths[i], &in->ans, results != NULL, &in->parse_dl);
		if (in->kind == INPUT_ANSWERS && !ld->cat_loaded && !ld->cat_failed)
			b.load_cat = true;
		bytes += in->ans.doc.len;
	}
	/* Threads pay off for large files, not for the shipped example. */
	if (bytes >= SMALL_INPUT || (b.load_cat && (ld->catalogue_dir || getenv("CRAF_CATALOGUE"))))
		workers_run(n + b.load_cat, parse_job, &b);
	else
		for (size_t i = 0; i < n + b.load_cat; i++)
			parse_job(&b, i);
	if (b.load_cat) {
		ld->cat_loaded = !b.cat_ret;
		ld->cat_failed = !!b.cat_ret;
	}
	for (size_t i = 0; i < n; i++) {
		struct input *in = &b.in[i];

		if (in->kind == INPUT_ANSWERS && b.load_cat && !cat_reported) {
			diag_list_append(dl, &b.cat_dl);
			cat_reported = true;
		}
		if (in->kind == INPUT_ANSWERS && !ld->cat_loaded) {
			ret = -1;
			continue;
		}
		diag_list_append(dl, &in->parse_dl);
		if (in->kind == INPUT_FAILED || in->ret) {
			ret = -1;
			continue;
		}
		if (in->kind == INPUT_REPORT)
			continue;
		if (answers_resolve(&in->ans, &ld->cat, dl) ||
		    (in->r && engine_assess(in->r, &ld->cat, &in->ans, &ld->eo)))
			ret = -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (answers && i == 0)
			*answers = b.in[i].ans;
		else
			answers_release(&b.in[i].ans);
		diag_list_release(&b.in[i].parse_dl);
	}
	diag_list_release(&b.cat_dl);
	free(b.in);
	return ret;
}

int cmd_load_results(struct cmd_loader *ld, char *const *paths, size_t n, struct result *results,
		     struct diag_list *dl)
{
	return load(ld, paths, n, results, NULL, dl);
}

int cmd_load_result(struct cmd_loader *ld, const char *path, struct result *r, struct diag_list *dl)
{
	char *paths[] = {(char *)path};

	return load(ld, paths, 1, r, NULL, dl);
}

int cmd_load_answers(struct cmd_loader *ld, const char *path, struct answers *ans,
		     struct diag_list *dl)
{
	char *paths[] = {(char *)path};

	ld->answers_only = true;
	return load(ld, paths, 1, NULL, ans, dl);
}
