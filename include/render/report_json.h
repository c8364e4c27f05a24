/* The JSON gap report: craf's canonical record of an assessment (docs/report.md). */
#ifndef CRAF_REPORT_JSON_H
#define CRAF_REPORT_JSON_H

#include "jsonw.h"
#include "result.h"
#include "strbuf.h"

/* Appends r as a "craf-report/2" document. Same result, same bytes. */
void report_json_render(struct strbuf *out, const struct result *r);
/*
 * The same document handed to drain piece by piece, so a large report is
 * never whole in memory. Returns 0, or -1 when drain failed.
 */
int report_json_write(const struct result *r, jsonw_drain_fn *drain, void *ctx);

/* Appends the inherent-risk derivation alone, as "craf-risk/1" (craf risk). */
void report_json_risk_render(struct strbuf *out, const struct result *r);

#endif
