/* The Markdown writer: user text reaches a Markdown document only through here, escaped. */
#include "out_markdown.h"

#include <stdarg.h>
#include <string.h>

#include "textsafe.h"

void md_release(struct md_out *o)
{
	strbuf_release(&o->priv_bytes);
}

void md_finish(struct md_out *o, struct strbuf *dst)
{
	strbuf_add(dst, o->priv_bytes.buf ? o->priv_bytes.buf : "", o->priv_bytes.len);
	strbuf_release(&o->priv_bytes);
}

void md_raw_(struct md_out *o, const char *literal)
{
	strbuf_adds(&o->priv_bytes, literal);
}

void md_rawf_(struct md_out *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&o->priv_bytes, fmt, ap);
	va_end(ap);
}

void md_text(struct md_out *o, const char *s)
{
	struct strbuf clean = STRBUF_INIT;

	if (!s)
		return;
	textsafe_add(&clean, s, strlen(s), 0);
	for (const char *p = strbuf_str(&clean); *p; p++) {
		switch (*p) {
		case '&':
			strbuf_adds(&o->priv_bytes, "&amp;");
			break;
		case '<':
			strbuf_adds(&o->priv_bytes, "&lt;");
			break;
		case '>':
			strbuf_adds(&o->priv_bytes, "&gt;");
			break;
		case '\\':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '|':
		case '~':
		case '#':
		case '$': /* GitHub renders $...$ as mathematics */
			strbuf_addc(&o->priv_bytes, '\\');
			strbuf_addc(&o->priv_bytes, *p);
			break;
		default:
			strbuf_addc(&o->priv_bytes, *p);
		}
	}
	strbuf_release(&clean);
}

void md_row(struct md_out *o, const char *const *cells, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			md_raw(o, " | ");
		else
			md_raw(o, "| ");
		md_text(o, cells[i]);
	}
	md_raw(o, " |\n");
}
