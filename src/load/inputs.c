/* The one loader of assessments: the catalogue and every file parsed side by side, checked in
 * order. */
#include "inputs.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers_load.h"
#include "catalogue_load.h"
#include "report_load.h"
#include "sniff.h"
#include "workers.h"
#include "xalloc.h"

/* Below this, every input is parsed on the calling thread. */
#define SMALL_INPUT ((size_t)1 << 20)

int inputs_load_catalogue(struct catalogue *cat, const char *dir, struct diag_list *dl)
{
	if (dir)
		return catalogue_load_dir(cat, dir, dl);
	return catalogue_load_builtin(cat, dl);
}

int inputs_read(struct ydoc *doc, const char *path, struct diag_list *dl)
{
	if (!strcmp(path, "-"))
		return ydoc_read_fd(doc, "<stdin>", STDIN_FILENO, dl);
	return ydoc_read_file(doc, path, dl);
}

void inputs_init(struct inputs *ld)
{
	memset(ld, 0, sizeof(*ld));
	ld->eo = (struct engine_options)ENGINE_OPTIONS_INIT;
	catalogue_init(&ld->cat);
}

void inputs_release(struct inputs *ld)
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
	struct inputs *ld;
	struct input *in;
	size_t n;
	bool load_cat; /* job 0 loads the catalogue */
	struct diag_list cat_dl;
	int cat_ret;
};

/* Reads path and tells an answers file from a saved report; the problems go to dl. */
static enum input_kind read_input(struct inputs *ld, const char *path, struct answers *ans,
				  bool may_be_report, struct diag_list *dl)
{
	enum sniff_kind kind;
	struct ydoc *doc = answers_doc(ans);
	struct stat st;

	/* A directory of part files: one answers file in several (docs/answers.md). */
	if (strcmp(path, "-") && !stat(path, &st) && S_ISDIR(st.st_mode))
		return answers_read_dir(ans, path, dl) ? INPUT_FAILED : INPUT_ANSWERS;

	/* A report may be larger than answers; the limit for answers is checked below. */
	if (may_be_report)
		doc->max_bytes = YDOC_MAX_REPORT_BYTES;
	if (inputs_read(doc, path, dl))
		return INPUT_FAILED;
	kind = sniff(doc->data, doc->len);
	if (!sniff_is_json(kind) && doc->len > YDOC_MAX_BYTES) {
		ydoc_error_at(doc, dl, 1, 1, 1, "file is larger than the %zu MiB limit",
			      YDOC_MAX_BYTES >> 20);
		return INPUT_FAILED;
	}
	if (ld->answers_only && kind == SNIFF_REPORT) {
		ydoc_error_at(
			doc, dl, 1, 1, 1,
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
			b->cat_ret = inputs_load_catalogue(&b->ld->cat, b->ld->catalogue_dir,
							   &b->cat_dl);
			return;
		}
		i--;
	}
	in = &b->in[i];
	if (in->kind == INPUT_REPORT) {
		in->ret = ydoc_parse_json(in->ans.doc, &in->parse_dl) ||
					  report_load_json(in->r, in->ans.doc, &in->parse_dl)
				  ? -1
				  : 0;
		/* The result has its own copies: free the tree and bytes now, not after every
		 * input. */
		ydoc_release(in->ans.doc);
	} else if (in->kind == INPUT_ANSWERS)
		in->ret = answers_parse(&in->ans, &in->parse_dl);
}

/*
 * Loads n inputs: results[i] from paths[i], or, when results is NULL, the
 * answers in answers[0] (validate). Diagnostics come out as if the files
 * were loaded one after another, the catalogue before the first answers file.
 */
static int load(struct inputs *ld, char *const *paths, size_t n, struct result *results,
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
		bytes += in->ans.doc->len;
	}
	/* Threads pay off for large files, not for the shipped example. */
	if (bytes >= SMALL_INPUT || (b.load_cat && ld->catalogue_dir))
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

int inputs_load_results(struct inputs *ld, char *const *paths, size_t n, struct result *results,
			struct diag_list *dl)
{
	return load(ld, paths, n, results, NULL, dl);
}

int inputs_load_result(struct inputs *ld, const char *path, struct result *r, struct diag_list *dl)
{
	char *paths[] = {(char *)path};

	return load(ld, paths, 1, r, NULL, dl);
}

int inputs_load_answers(struct inputs *ld, const char *path, struct answers *ans,
			struct diag_list *dl)
{
	char *paths[] = {(char *)path};

	ld->answers_only = true;
	return load(ld, paths, 1, NULL, ans, dl);
}
