/* The HTML writer: user text reaches an HTML document only through here, escaped. */
#include "out_html.h"

#include <stdbool.h>
#include <string.h>

#include "term.h"
#include "textsafe.h"

static void escape(struct strbuf *out, const char *s)
{
	struct strbuf clean = STRBUF_INIT;

	textsafe_add(&clean, s, strlen(s), 0);
	for (const char *p = strbuf_str(&clean); *p; p++) {
		switch (*p) {
		case '&':
			strbuf_adds(out, "&amp;");
			break;
		case '<':
			strbuf_adds(out, "&lt;");
			break;
		case '>':
			strbuf_adds(out, "&gt;");
			break;
		case '"':
			strbuf_adds(out, "&quot;");
			break;
		case '\'':
			strbuf_adds(out, "&#39;");
			break;
		default:
			strbuf_addc(out, *p);
		}
	}
	strbuf_release(&clean);
}

/* Whether s holds a right-to-left letter, which could reorder the text beside it. */
static bool has_rtl(const char *s)
{
	size_t len = strlen(s);

	while (len) {
		unsigned cp;
		size_t k = term_utf8_decode(s, len, &cp);

		if (textsafe_rtl(cp))
			return true;
		s += k;
		len -= k;
	}
	return false;
}

void html_text(struct html_out *o, const char *s)
{
	/*
	 * With the controls shown, a string with no right-to-left letter cannot
	 * move anything in a left-to-right page, so only the others need <bdi>.
	 */
	bool isolate = s && has_rtl(s);

	if (!s)
		return;
	if (isolate)
		strbuf_adds(&o->priv_bytes, "<bdi>");
	escape(&o->priv_bytes, s);
	if (isolate)
		strbuf_adds(&o->priv_bytes, "</bdi>");
}

void html_attr(struct html_out *o, const char *s)
{
	if (s)
		escape(&o->priv_bytes, s);
}

static void cells(struct html_out *o, const char *open, const char *close, const char *const *text,
		  size_t n)
{
	for (size_t i = 0; i < n; i++) {
		strbuf_adds(&o->priv_bytes, open);
		html_text(o, text[i]);
		strbuf_adds(&o->priv_bytes, close);
	}
}

void html_th(struct html_out *o, const char *const *text, size_t n)
{
	cells(o, "<th>", "</th>", text, n);
}

void html_td(struct html_out *o, const char *const *text, size_t n)
{
	cells(o, "<td>", "</td>", text, n);
}
