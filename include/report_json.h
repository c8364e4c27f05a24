/* The JSON gap report: craf's canonical record of an assessment (docs/report.md). */
#ifndef CRAF_REPORT_JSON_H
#define CRAF_REPORT_JSON_H

#include "diag.h"
#include "jsonw.h"
#include "result.h"
#include "strbuf.h"
#include "yamldoc.h"

#define REPORT_SCHEMA "craf-report/1"

/* Appends r as a "craf-report/1" document. Same result, same bytes. */
void report_json_render(struct strbuf *out, const struct result *r);
/*
 * The same document handed to drain piece by piece, so a large report is
 * never whole in memory. Returns 0, or -1 when drain failed.
 */
int report_json_write(const struct result *r, jsonw_drain_fn *drain, void *ctx);

/* Appends the inherent-risk derivation alone, as "craf-risk/1" (craf risk). */
void report_json_risk_render(struct strbuf *out, const struct result *r);

/*
 * Loads a parsed "craf-report/1" document (doc, from ydoc_parse_json)
 * into r, checking every key and that the recorded levels and gaps agree
 * with the statuses. Returns 0, or -1 with the problems in dl.
 */
int report_json_load(struct result *r, struct ydoc *doc, struct diag_list *dl);

#endif
