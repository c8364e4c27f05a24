/*
 * The one loader of assessments: answers files and saved JSON reports, told
 * apart by content, parsed in parallel with each other and the catalogue
 * (loaded once, on first need), checked and scored in argument order.
 */
#ifndef CRAF_INPUTS_H
#define CRAF_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "catalogue.h"
#include "diag.h"
#include "engine.h"
#include "result.h"
#include "yamldoc.h"

struct inputs {
	const char *catalogue_dir; /* NULL: the built-in catalogue */
	bool answers_only;	   /* refuse a saved report (assess, risk) */
	struct engine_options eo;
	struct catalogue cat;
	bool cat_loaded;
	bool cat_failed; /* reported once, not again for the next file */
};

void inputs_init(struct inputs *ld);
void inputs_release(struct inputs *ld);
/* The catalogue in dir, or the built-in one when dir is NULL. */
int inputs_load_catalogue(struct catalogue *cat, const char *dir, struct diag_list *dl);
/* Reads path, or standard input for "-" (called <stdin>), into doc. */
int inputs_read(struct ydoc *doc, const char *path, struct diag_list *dl);
/* Fills r (initialised) from path; returns 0, or -1 with problems in dl. */
int inputs_load_result(struct inputs *ld, const char *path, struct result *r, struct diag_list *dl);
/* The same for n files at once; diagnostics come out in argument order. -1 if any fails. */
int inputs_load_results(struct inputs *ld, char *const *paths, size_t n, struct result *results,
			struct diag_list *dl);
/* Loads and checks an answers file (initialised ans) without scoring it: validate. */
int inputs_load_answers(struct inputs *ld, const char *path, struct answers *ans,
			struct diag_list *dl);

#endif
