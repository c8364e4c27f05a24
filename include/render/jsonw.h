/*
 * A streaming JSON writer: documents too large to build as a tree (a report
 * of 100,000 principles) are written straight into a buffer, two-space
 * indented like every JSON craf writes.
 */
#ifndef CRAF_JSONW_H
#define CRAF_JSONW_H

#include <stdbool.h>

#include "i18n.h"
#include "strbuf.h"

/* Deeper than any document craf writes (a report nests six levels). */
#define JSONW_MAX_DEPTH 32

/*
 * Takes the bytes written so far (out of buf, leaving it empty); returns 0,
 * or -1 to have the rest of the document discarded.
 */
typedef int jsonw_drain_fn(void *ctx, struct strbuf *buf);

/* A document is handed over in pieces of about this size when draining. */
#define JSONW_CHUNK ((size_t)4 << 20)

struct jsonw {
	struct strbuf *out;
	jsonw_drain_fn *drain; /* NULL: the whole document stays in out */
	void *drain_ctx;
	int error; /* a drain failed */
	int depth;
	bool any[JSONW_MAX_DEPTH];     /* the container has a member already */
	bool oneline[JSONW_MAX_DEPTH]; /* an array written on one line */
	char close[JSONW_MAX_DEPTH];   /* the bracket that ends it */
};

void jsonw_init(struct jsonw *w, struct strbuf *out);
/* As jsonw_init, handing out's bytes to drain as they pass JSONW_CHUNK and at the end. */
void jsonw_init_drain(struct jsonw *w, struct strbuf *out, jsonw_drain_fn *drain, void *ctx);
/* key is NULL inside arrays and for the document itself. */
void jsonw_object(struct jsonw *w, const char *key);
void jsonw_array(struct jsonw *w, const char *key, bool oneline);
void jsonw_end(struct jsonw *w);
/* NULL s writes null. */
void jsonw_str(struct jsonw *w, const char *key, const char *s);
void jsonw_int(struct jsonw *w, const char *key, long long v);
void jsonw_bool(struct jsonw *w, const char *key, bool b);
void jsonw_null(struct jsonw *w, const char *key);
/*
 * An array of n strings (NULL ones as null), on one line when every string is
 * short (at most 24 bytes), else one per line: a rule for people reading it.
 */
void jsonw_strs(struct jsonw *w, const char *key, const char *const *v, size_t n);
/* {"en": ..., "zh": ...} */
void jsonw_text(struct jsonw *w, const char *key, const struct text *t);
/* Ends the document with a newline; returns 0, or -1 if a drain failed. */
int jsonw_finish(struct jsonw *w);

/* Appends s as a JSON string literal, quotes included. */
void jsonw_escape(struct strbuf *out, const char *s);

#endif
