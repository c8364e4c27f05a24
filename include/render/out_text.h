/* The terminal-text writer: the only way renderers of text put anything in their output. */
#ifndef CRAF_OUT_TEXT_H
#define CRAF_OUT_TEXT_H

#include <stdbool.h>

#include "out_bytes.h"
#include "strbuf.h"

/*
 * Text for a terminal being built. What is in it is safe to print: user
 * text only gets in through txt_text and the calls that take a plain
 * const char *, which show control characters, escape sequences,
 * bidirectional controls and invisible characters visibly (term_sanitize).
 * The renderer's own text goes in through txt_raw and txt_rawf, whose
 * format must be a string literal; by rule (tests/lint/writers.py) their
 * arguments are numbers and characters, never strings. The buffer is private
 * to this writer (this header and src/render/out_text.c).
 */
struct txt_out {
	struct strbuf priv_bytes;
};

#define TXT_OUT_INIT                                                                               \
	{                                                                                          \
		STRBUF_INIT                                                                        \
	}

static inline void txt_release(struct txt_out *o)
{
	strbuf_release(&o->priv_bytes);
}
void txt_reset(struct txt_out *o);
/* Appends what was built to dst (the bytes to write) and empties o. */
static inline void txt_finish(struct txt_out *o, struct strbuf *dst)
{
	out_bytes_finish(&o->priv_bytes, dst);
}

/* The renderer's own text: a string literal. */
#define txt_raw(o, literal) strbuf_adds(&OUT_TYPED(struct txt_out, o)->priv_bytes, "" literal)
/* The renderer's own text from a literal format with numbers or characters (%c: TERM_NBSP). */
#define txt_rawf(o, literal, ...)                                                                  \
	strbuf_addf(&OUT_TYPED(struct txt_out, o)->priv_bytes, "" literal, __VA_ARGS__)

/* Any other text (from an input, the catalogue, a translation), made safe. NULL adds nothing. */
void txt_text(struct txt_out *o, const char *s);
/* A colour or style: ESC [ digits and semicolons m, or "". Anything else is dropped. */
void txt_style(struct txt_out *o, const char *sgr);
/* Text built with the writer, appended. */
void txt_append(struct txt_out *o, const struct txt_out *src);

/* s made safe, as one stretch txt_wrap_styled never breaks (term_add_nobreak). */
void txt_nobreak(struct txt_out *o, const char *s);
/* s made safe, then spaces up to width columns. */
void txt_pad(struct txt_out *o, const char *s, int width);
/* Text built with the writer (colour not counted), then spaces up to width columns. */
void txt_pad_out(struct txt_out *o, const struct txt_out *src, int width);
/* Spaces, then text built with the writer, filling width columns (right-aligned). */
void txt_pad_left_out(struct txt_out *o, const struct txt_out *src, int width);
/* s made safe, cut to width columns with an ellipsis when longer, padded to width. */
void txt_pad_cut(struct txt_out *o, const char *s, int width);

/* s made safe and wrapped as term_wrap: every line starts with indent spaces. */
void txt_wrap(struct txt_out *o, const char *s, int indent, int width);
/* As txt_wrap, but the first line continues the current one. */
void txt_wrap_hanging(struct txt_out *o, const char *s, int indent, int width);
/* Text built with the writer (maybe coloured, with nobreak stretches) wrapped as term_wrap_styled.
 */
void txt_wrap_styled(struct txt_out *o, const struct txt_out *line, int col, int indent, int width);
/* Text built with the writer wrapped as plain text (txt_wrap_hanging): runs of spaces squeezed. */
void txt_wrap_hanging_out(struct txt_out *o, const struct txt_out *src, int indent, int width);
/* s made safe and wrapped to width columns, each line (ended by \n) starting with prefix. */
void txt_wrap_lines(struct txt_out *o, const char *prefix, const char *s, int width);

/* Columns the text built so far takes (colour and marks not counted). */
int txt_width(const struct txt_out *o);
/* Whether the text holds a colour or style (txt_style). */
bool txt_styled(const struct txt_out *o);

#endif
