/*
 * The answers workbook's layout (docs/answers.md): its sheets and columns,
 * one table shared by the writer (render/answers_xlsx.c) and the reader
 * (load/answers_xlsx.c), so the two cannot drift apart.
 */
#ifndef CRAF_ANSWERS_BOOK_H
#define CRAF_ANSWERS_BOOK_H

#include <stdbool.h>
#include <stddef.h>

#define BOOK_SHEET_GUIDE   "Guide"
#define BOOK_SHEET_HEADER  "Assessment"
#define BOOK_SHEET_RISK	   "Inherent risk"
#define BOOK_SHEET_ANSWERS "Answers"

/* The Answers sheet's columns, in the order the template writes them. */
enum book_col {
	BOOK_ID,
	BOOK_DOMAIN,
	BOOK_PRINCIPLE,
	BOOK_LEVEL,
	BOOK_REQUIREMENT,
	BOOK_STATUS,
	BOOK_EVIDENCE,
	BOOK_NOTE,
	BOOK_ACTION,
	BOOK_OWNER,
	BOOK_DUE,
	BOOK_EXPIRES,
	BOOK_NCOLS
};

/* The Inherent risk sheet's columns. */
enum book_risk_col {
	BOOK_RISK_CATEGORY,
	BOOK_RISK_INDICATOR,
	BOOK_RISK_RATING,
	BOOK_RISK_NOTE,
	BOOK_RISK_LOW,
	BOOK_RISK_MEDIUM,
	BOOK_RISK_HIGH,
	BOOK_RISK_NCOLS
};

/* The Assessment sheet's fields, one a row under "Field" and "Value". */
enum book_field {
	BOOK_F_VERSION,
	BOOK_F_INSTITUTION,
	BOOK_F_ASSESSMENT_DATE,
	BOOK_F_ASSESSOR,
	BOOK_F_SCOPE,
	BOOK_F_INHERENT_RISK,
	BOOK_F_TARGET,
	BOOK_F_OVERRIDE,
	BOOK_F_JUSTIFICATION,
	BOOK_NFIELDS
};

struct book_column {
	const char *header; /* as written: "Remediation owner" */
	bool input;	    /* filled in by people; the others are the catalogue's, read-only */
	double width;
};

extern const struct book_column book_columns[BOOK_NCOLS];
extern const struct book_column book_risk_columns[BOOK_RISK_NCOLS];
/* "Assessment date"; the answers file key is the same in lowercase with '_': assessment_date. */
extern const char *const book_fields[BOOK_NFIELDS];
/* The answers file key of each field ("assessment_date"). */
extern const char *const book_field_keys[BOOK_NFIELDS];
/* What the Level column says of a principle with one requirement for all levels. */
#define BOOK_ALL_LEVELS "all levels"
/* The text of the Header row's first cell on the Assessment sheet. */
#define BOOK_FIELD_HEADER "Field"
#define BOOK_VALUE_HEADER "Value"

/*
 * Appends s (n bytes) as headers are compared: its first line, trimmed,
 * lowercase ASCII, with runs of spaces, '_' and '-' as one space. The
 * header "Remediation  Owner\n(who)" compares as "remediation owner".
 */
struct strbuf;
void book_header_key(struct strbuf *sb, const char *s, size_t n);

#endif
