/* Reads an answers file into the model of answers.h, with every check of docs/answers.md. */
#ifndef CRAF_ANSWERS_LOAD_H
#define CRAF_ANSWERS_LOAD_H

#include <stdbool.h>

#include "answers.h"
#include "catalogue.h"
#include "diag.h"
#include "schema.h"
#include "yamldoc.h"

/* The field handler of a status, also for saved reports: names listed in the order users read them.
 */
int answers_load_status(struct schema_ctx *ctx, const struct ynode *node, void *dest);

/* The parsed document behind a, made on first use; freed by answers_release. */
struct ydoc *answers_doc(struct answers *a);

/*
 * Reads and checks path against cat (docs/answers.md). On failure every
 * problem found is in dl and the result must not be used.
 */
int answers_load(struct answers *a, const char *path, const struct catalogue *cat,
		 struct diag_list *dl);
/*
 * The same, for a file already read with ydoc_read_file(answers_doc(a), ...): for
 * callers that look at the bytes first to tell answers from a JSON report.
 */
int answers_load_read(struct answers *a, const struct catalogue *cat, struct diag_list *dl);
/*
 * answers_load_read in two halves: the YAML parse, which needs no
 * catalogue (and so may run while the catalogue loads), then the checks.
 */
int answers_parse(struct answers *a, struct diag_list *dl);
/*
 * Reads the part files of directory dir (docs/answers.md): every *.yaml,
 * *.yml and *.xlsx in it, not below, in name order, for answers_parse and
 * answers_resolve to treat as one answers file. 0, or -1 with the reasons in dl.
 */
int answers_read_dir(struct answers *a, const char *dir, struct diag_list *dl);
/* Whether a file of this name (no directory) in a directory of parts is read as a part. */
bool answers_part_name(const char *name);
int answers_resolve(struct answers *a, const struct catalogue *cat, struct diag_list *dl);

#endif
