/* The terminal maturity-gap report. */
#ifndef CRAF_REPORT_TEXT_H
#define CRAF_REPORT_TEXT_H

#include <stdbool.h>

#include "i18n.h"
#include "result.h"
#include "strbuf.h"

struct report_text_options {
	enum lang lang;
	bool color;
	int width; /* columns to fit (at least 40): bars from 80, prose at most 100 */
};

struct txt_out;

/* Appends the whole report to out. */
void report_text_render(struct txt_out *out, const struct result *r,
			const struct report_text_options *opts);

/* Localised names shared by the renderers. */
const char *report_level_name(enum level l, enum lang lang);
const char *report_status_name(enum status s, enum lang lang);
const char *report_responsibility_name(enum responsibility r, enum lang lang);
const char *report_risk_name(enum risk r, enum lang lang);
/*
 * How the inherent-risk rating was derived, in one line: "medium (18
 * indicators, majority rule: 5 low, 9 medium, 4 high); iCAST required".
 * Appends nothing when the rating was not given.
 */
void report_risk_summary(struct strbuf *out, const struct result *r, enum lang lang);

#endif
