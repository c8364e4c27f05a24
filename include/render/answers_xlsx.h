/* The answers workbook (docs/answers.md, "The workbook"): craf init's template, or answers as one.
 */
#ifndef CRAF_ANSWERS_XLSX_WRITE_H
#define CRAF_ANSWERS_XLSX_WRITE_H

#include <stdbool.h>
#include <time.h>

#include "answers.h"
#include "catalogue.h"
#include "date.h"
#include "i18n.h"
#include "level.h"
#include "strbuf.h"

struct answers_xlsx_options {
	enum lang lang;	   /* of the catalogue's text: domains, principles, requirements */
	enum level target; /* the template's target; LEVEL_NONE: an inherent-risk rating */
	struct date today; /* the template's assessment date */
	time_t created;	   /* the workbook's creation time: fixed, for reproducible output */
};

/*
 * Writes the workbook to path: a Guide sheet, the Assessment sheet (the
 * header fields), an Inherent risk sheet when cat defines categories or ans
 * has indicators, and the Answers sheet, a row per requirement of cat, the
 * catalogue's columns read-only on a protected sheet, the answer cells open,
 * with a status dropdown and date validation; it prints landscape, a page
 * wide, the header row on every page.
 *
 * ans NULL: the template, every requirement "unanswered". Else ans as it
 * is, to the letter: text a cell cannot hold exactly (a line break inside an
 * evidence item, a carriage return, a hidden character, more than a cell
 * holds) is refused, naming the answer, rather than changed. Returns 0, or
 * -1 with the reason in err (nothing usable written).
 */
int answers_xlsx_write(const char *path, const struct catalogue *cat, const struct answers *ans,
		       const struct answers_xlsx_options *o, struct strbuf *warnings,
		       struct strbuf *err);

#endif
