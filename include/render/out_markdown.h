/* The Markdown writer: the only way renderers of Markdown put anything in their output. */
#ifndef CRAF_OUT_MARKDOWN_H
#define CRAF_OUT_MARKDOWN_H

#include "out_bytes.h"
#include "strbuf.h"

/*
 * A Markdown (GitHub-flavoured) document being built. User text only gets
 * in through md_text: control characters, bidirectional controls and
 * invisible characters shown visibly (^[, <U+202E>), line breaks as spaces,
 * & < > as entities (so no raw HTML), and \ ` * _ [ ] | ~ # $ escaped,
 * so nothing starts markup (or GitHub's $mathematics$) or ends a table cell. The renderer's own
 * markup goes in through md_raw and md_rawf, whose format must be a string literal; by rule
 * (tests/lint/writers.py) their arguments are numbers, never strings. The buffer is private to
 * this writer (this header and src/render/out_markdown.c).
 */
struct md_out {
	struct strbuf priv_bytes;
};

#define MD_OUT_INIT                                                                                \
	{                                                                                          \
		STRBUF_INIT                                                                        \
	}

static inline void md_release(struct md_out *o)
{
	strbuf_release(&o->priv_bytes);
}

/* Appends what was built to dst (the bytes to write) and empties o. */
static inline void md_finish(struct md_out *o, struct strbuf *dst)
{
	out_bytes_finish(&o->priv_bytes, dst);
}

/* The renderer's own markup: a string literal. */
#define md_raw(o, literal) strbuf_adds(&OUT_TYPED(struct md_out, o)->priv_bytes, "" literal)
/* The renderer's own markup from a literal format with numbers. */
#define md_rawf(o, literal, ...)                                                                   \
	strbuf_addf(&OUT_TYPED(struct md_out, o)->priv_bytes, "" literal, __VA_ARGS__)

/* Text, escaped: safe in a paragraph, a heading and a table cell alike. NULL adds nothing. */
void md_text(struct md_out *o, const char *s);
/* A table row: "| a | b |" and a newline, each cell as md_text writes it. */
void md_row(struct md_out *o, const char *const *cells, size_t n);

#endif
