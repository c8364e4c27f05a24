/* Diagnostics: what went wrong, where, and the source line it happened on. */
#ifndef CRAF_DIAG_H
#define CRAF_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
};

struct diag {
	enum diag_severity severity;
	char *file;	 /* as the user named it */
	int line;	 /* 1-based */
	int col;	 /* 1-based, in characters */
	int span;	 /* characters to underline, at least 1 */
	char *message;	 /* lowercase, no full stop */
	char *excerpt;	 /* the source line, or a window of a long one, or NULL */
	int excerpt_col; /* the caret's character column in excerpt; 0: col */
	char *note;	 /* shown under the excerpt, or NULL */
};

/* A long source line is shown as a window about this many columns wide. */
#define DIAG_EXCERPT_WIDTH 100

/* Stop collecting after this many errors: the rest are usually echoes. */
#define DIAG_MAX_ERRORS 50

struct diag_list {
	struct diag *items;
	size_t nr;
	size_t alloc;
	size_t errors;
	size_t dropped; /* errors past DIAG_MAX_ERRORS */
};

#define DIAG_LIST_INIT                                                                             \
	{                                                                                          \
		NULL, 0, 0, 0, 0                                                                   \
	}

void diag_list_init(struct diag_list *dl);
void diag_list_release(struct diag_list *dl);

/*
 * Records an error and returns -1, so callers can write
 * `return diag_error(...)`. excerpt may be NULL.
 */
int diag_error(struct diag_list *dl, const char *file, int line, int col, int span,
	       const char *excerpt, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void diag_warning(struct diag_list *dl, const char *file, int line, int col, int span,
		  const char *excerpt, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/*
 * The general form: message is already formatted. An item equal to one
 * already in dl (file, position, message and note) is not added again, so
 * a value reached along several paths is reported once. Returns -1.
 */
int diag_report(struct diag_list *dl, enum diag_severity sev, const char *file, int line, int col,
		int span, const char *excerpt, int excerpt_col, const char *note,
		const char *message);
/* True when another error would be counted but not shown: skip costly work for it. */
bool diag_list_full(const struct diag_list *dl);
/* Appends every item of src to dl. */
void diag_list_append(struct diag_list *dl, const struct diag_list *src);

bool diag_list_has_errors(const struct diag_list *dl);

/*
 * Characters that show as nothing, or as something else: zero-width and
 * other format characters, bidirectional controls, variation selectors,
 * unusual spaces. Diagnostics show them as <U+XXXX>.
 */
bool diag_invisible(unsigned cp);
/*
 * Appends s as a diagnostic shows user text: control characters, escape
 * sequences and invisible characters made visible; newlines and tabs as
 * \n and \t, so a multi-line value reads as one.
 */
void diag_visible(struct strbuf *sb, const char *s, size_t len);
/* Columns s (len bytes of a source line) takes once shown in an excerpt. */
int diag_excerpt_width(const char *s, size_t len);

/*
 * Writes `file:line:col: message`, the source line and a caret under the
 * offending text, as jq and compilers do.
 */
void diag_print(FILE *out, const struct diag *d, bool color);
void diag_list_print(FILE *out, const struct diag_list *dl, bool color);

#endif
