/* The HTML writer: the only way renderers of HTML put anything in their output. */
#ifndef CRAF_OUT_HTML_H
#define CRAF_OUT_HTML_H

#include "out_bytes.h"
#include "strbuf.h"

/*
 * An HTML document being built. User text only gets in through html_text
 * (element content) and html_attr (attribute values, <title>, SVG labels):
 * & < > " ' become entities, control characters, bidirectional controls
 * and invisible characters are shown visibly (^[, <U+202E>), and in
 * element content a string holding right-to-left letters is isolated in
 * <bdi>, so nothing a user wrote becomes markup or reorders the text
 * around it. The renderer's own markup goes in through html_raw and
 * html_rawf, whose format must be a string literal; by rule
 * (tests/lint/writers.py) their arguments are numbers, never strings.
 * The buffer is private to this writer (this header and src/render/out_html.c).
 */
struct html_out {
	struct strbuf priv_bytes;
};

#define HTML_OUT_INIT                                                                              \
	{                                                                                          \
		STRBUF_INIT                                                                        \
	}

static inline void html_release(struct html_out *o)
{
	strbuf_release(&o->priv_bytes);
}

/* Appends what was built to dst (the bytes to write) and empties o. */
static inline void html_finish(struct html_out *o, struct strbuf *dst)
{
	out_bytes_finish(&o->priv_bytes, dst);
}

/* The renderer's own markup: a string literal. */
#define html_raw(o, literal) strbuf_adds(&OUT_TYPED(struct html_out, o)->priv_bytes, "" literal)
/* The renderer's own markup from a literal format with numbers. */
#define html_rawf(o, literal, ...)                                                                 \
	strbuf_addf(&OUT_TYPED(struct html_out, o)->priv_bytes, "" literal, __VA_ARGS__)

/* Text as element content, escaped and isolated. NULL adds nothing. */
void html_text(struct html_out *o, const char *s);
/* Table header cells: <th>a</th><th>b</th>, each as html_text writes it. */
void html_th(struct html_out *o, const char *const *cells, size_t n);
/* Table data cells: <td>a</td><td>b</td>, each as html_text writes it. */
void html_td(struct html_out *o, const char *const *cells, size_t n);
/* Text inside an attribute value (quoted with "), <title> or an SVG <text>: escaped. */
void html_attr(struct html_out *o, const char *s);

#endif
