/* The HTML writer: the only way renderers of HTML put anything in their output. */
#ifndef CRAF_OUT_HTML_H
#define CRAF_OUT_HTML_H

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
 * The buffer is private to src/render/out_html.c.
 */
struct html_out {
	struct strbuf priv_bytes;
};

#define HTML_OUT_INIT                                                                              \
	{                                                                                          \
		STRBUF_INIT                                                                        \
	}

void html_release(struct html_out *o);
/* Appends what was built to dst (the bytes to write) and empties o. */
void html_finish(struct html_out *o, struct strbuf *dst);

/* The renderer's own markup: a string literal. */
#define html_raw(o, literal) html_raw_((o), "" literal)
/* The renderer's own markup from a literal format with numbers. */
#define html_rawf(o, literal, ...) html_rawf_((o), "" literal, __VA_ARGS__)
void html_raw_(struct html_out *o, const char *literal);
void html_rawf_(struct html_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Text as element content, escaped and isolated. NULL adds nothing. */
void html_text(struct html_out *o, const char *s);
/* Table header cells: <th>a</th><th>b</th>, each as html_text writes it. */
void html_th(struct html_out *o, const char *const *cells, size_t n);
/* Text inside an attribute value (quoted with "), <title> or an SVG <text>: escaped. */
void html_attr(struct html_out *o, const char *s);

#endif
