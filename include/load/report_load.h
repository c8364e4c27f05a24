/* Reads a saved JSON report back into a result, trusting none of it. */
#ifndef CRAF_REPORT_LOAD_H
#define CRAF_REPORT_LOAD_H

#include "diag.h"
#include "result.h"
#include "yamldoc.h"

/*
 * Loads a parsed "craf-report/2" or "craf-report/1" document (doc, from ydoc_parse_json)
 * into r, checking every key and that the recorded levels and gaps agree
 * with the statuses. Returns 0, or -1 with the problems in dl.
 */
int report_load_json(struct result *r, struct ydoc *doc, struct diag_list *dl);

#endif
