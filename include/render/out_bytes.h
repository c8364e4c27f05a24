/* What the typed writers (out_text.h, out_markdown.h, out_html.h, out_csv.h) share. */
#ifndef CRAF_OUT_BYTES_H
#define CRAF_OUT_BYTES_H

#include "strbuf.h"

/*
 * For the writers' headers only. Each writer keeps its bytes in a struct of
 * its own, so a renderer cannot hand one format's markup to another's writer;
 * what follows is the part that does not depend on the format.
 */

/* Appends the bytes built to dst (the bytes to write) and empties them. */
static inline void out_bytes_finish(struct strbuf *bytes, struct strbuf *dst)
{
	strbuf_add(dst, strbuf_str(bytes), bytes->len);
	strbuf_release(bytes);
}

/* o, which must be a type *: anything else does not compile. */
#define OUT_TYPED(type, o) _Generic((o), type * : (o))

#endif
