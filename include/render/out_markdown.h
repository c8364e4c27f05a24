/* The Markdown writer: the only way renderers of Markdown put anything in their output. */
#ifndef CRAF_OUT_MARKDOWN_H
#define CRAF_OUT_MARKDOWN_H

#include "strbuf.h"

/*
 * A Markdown (GitHub-flavoured) document being built. User text only gets
 * in through md_text: control characters, bidirectional controls and
 * invisible characters shown visibly (^[, <U+202E>), line breaks as spaces,
 * & < > as entities (so no raw HTML), and \ ` * _ [ ] | ~ # $ escaped,
 * so nothing starts markup (or GitHub's $mathematics$) or ends a table cell. The renderer's own
 * markup goes in through md_raw and md_rawf, whose format must be a string literal; by rule
 * (tests/lint/writers.py) their arguments are numbers, never strings. The buffer is private to
 * src/render/out_markdown.c.
 */
struct md_out {
	struct strbuf priv_bytes;
};

#define MD_OUT_INIT                                                                                \
	{                                                                                          \
		STRBUF_INIT                                                                        \
	}

void md_release(struct md_out *o);
/* Appends what was built to dst (the bytes to write) and empties o. */
void md_finish(struct md_out *o, struct strbuf *dst);

/* The renderer's own markup: a string literal. */
#define md_raw(o, literal) md_raw_((o), "" literal)
/* The renderer's own markup from a literal format with numbers. */
#define md_rawf(o, literal, ...) md_rawf_((o), "" literal, __VA_ARGS__)
void md_raw_(struct md_out *o, const char *literal);
void md_rawf_(struct md_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Text, escaped: safe in a paragraph, a heading and a table cell alike. NULL adds nothing. */
void md_text(struct md_out *o, const char *s);
/* A table row: "| a | b |" and a newline, each cell as md_text writes it. */
void md_row(struct md_out *o, const char *const *cells, size_t n);

#endif
