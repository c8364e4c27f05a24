/* The Markdown writer: user text reaches a Markdown document only through here, escaped. */
#include "out_markdown.h"

#include <string.h>

#include "textsafe.h"

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
