/* One place for the escaping rules, so every HTML and Markdown output applies the same ones. */
#include "escape.h"

#include <string.h>

#include "term.h"

void escape_html(struct strbuf *out, const char *s)
{
	struct strbuf clean = STRBUF_INIT;

	if (!s)
		return;
	term_sanitize(&clean, s, strlen(s));
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

void escape_markdown(struct strbuf *out, const char *s)
{
	struct strbuf clean = STRBUF_INIT;

	if (!s)
		return;
	term_sanitize(&clean, s, strlen(s));
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
		case '\\':
		case '`':
		case '*':
		case '_':
		case '[':
		case ']':
		case '|':
		case '~':
		case '#':
			strbuf_addc(out, '\\');
			strbuf_addc(out, *p);
			break;
		default:
			strbuf_addc(out, *p);
		}
	}
	strbuf_release(&clean);
}
