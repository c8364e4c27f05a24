/* A YAML writer for files craf makes from other formats: quoting chosen per string, one scalar a
 * line. */
#include "yaml_emit.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

#include "out_text.h"
#include "strbuf.h"
#include "term.h"
#include "textsafe.h"

enum style {
	STYLE_PLAIN,
	STYLE_QUOTED,
	STYLE_BLOCK, /* a literal block: "|" or "|-" */
};

struct emitter {
	struct txt_out *out;
	struct ytree_lines *lines;
	int col; /* characters written on the current line */
};

/* Characters a YAML reader or the text writer would not keep as themselves in a plain scalar. */
static bool must_escape(unsigned cp)
{
	return textsafe_hidden(cp) || cp == 0xfeff || cp == 0x85 || cp == 0xa0 || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0xfffe || cp == 0xffff;
}

/* Plain text a YAML reader would take for something other than a string (1.1 or 1.2). */
static bool reads_as_other(const char *s)
{
	static const char *const words[] = {"null", "~",   "true", "false", "yes", "no",
					    "on",   "off", "y",	   "n",	    "<<",  "="};

	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcasecmp(s, words[i]))
			return true;
	if ((s[0] >= '0' && s[0] <= '9') || s[0] == '.')
		return true;
	return (s[0] == '+' || s[0] == '-') && s[1] >= '0' && s[1] <= '9';
}

static enum style style_of(const char *s, bool allow_block)
{
	size_t len = strlen(s), k, newlines = 0;
	bool escapes = false, tab_or_cr = false;
	unsigned cp;

	for (const char *p = s; p < s + len; p += k) {
		k = term_utf8_decode(p, (size_t)(s + len - p), &cp);
		if (cp == '\n')
			newlines++;
		else if (cp == '\t' || cp == '\r')
			tab_or_cr = true;
		else if (must_escape(cp))
			escapes = true;
	}
	if (newlines) {
		/* A literal block keeps text exactly when no line has edge spaces and one
		 * newline at most ends it. */
		bool ok = allow_block && !escapes && !tab_or_cr && s[0] != '\n' && s[0] != ' ';

		for (const char *p = s; ok && *p; p++)
			if (*p == '\n' && p > s && p[-1] == ' ')
				ok = false;
		if (ok && len >= 2 && s[len - 1] == '\n' && s[len - 2] == '\n')
			ok = false;
		if (ok && s[len - 1] == ' ')
			ok = false;
		return ok ? STYLE_BLOCK : STYLE_QUOTED;
	}
	if (!len || escapes || tab_or_cr || strchr(" -?:,[]{}#&*!|>'\"%@`", s[0]) ||
	    s[len - 1] == ' ' || s[len - 1] == ':' || strstr(s, ": ") || strstr(s, " #") ||
	    reads_as_other(s))
		return STYLE_QUOTED;
	return STYLE_PLAIN;
}

/* Characters (not bytes) of UTF-8 text. */
static int chars(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static void text(struct emitter *e, const char *s)
{
	txt_text(e->out, s);
	e->col += chars(s);
}

static void spaces(struct emitter *e, int n)
{
	for (int i = 0; i < n; i++)
		txt_raw(e->out, " ");
	e->col += n;
}

static void newline(struct emitter *e, struct ytree_src key, struct ytree_src value, int value_col)
{
	txt_raw(e->out, "\n");
	if (e->lines)
		ytree_lines_add(e->lines, key, value, value_col);
	e->col = 0;
}

static void quote(struct strbuf *q, const char *s);

/* s double-quoted, every character the writer or a reader would change escaped. */
void yaml_quoted(struct txt_out *out, const char *s)
{
	struct strbuf q = STRBUF_INIT;

	quote(&q, s);
	txt_text(out, q.buf);
	strbuf_release(&q);
}

static void quoted(struct emitter *e, const char *s)
{
	struct strbuf q = STRBUF_INIT;

	quote(&q, s);
	text(e, q.buf);
	strbuf_release(&q);
}

/* Appends s double-quoted to q. */
static void quote(struct strbuf *q, const char *s)
{
	size_t len = strlen(s), k;
	unsigned cp;

	strbuf_addc(q, '"');
	for (const char *p = s; p < s + len; p += k) {
		k = term_utf8_decode(p, (size_t)(s + len - p), &cp);
		if (cp == '"' || cp == '\\')
			strbuf_addf(q, "\\%c", (char)cp);
		else if (cp == '\n')
			strbuf_adds(q, "\\n");
		else if (cp == '\t')
			strbuf_adds(q, "\\t");
		else if (cp == '\r')
			strbuf_adds(q, "\\r");
		else if (must_escape(cp))
			strbuf_addf(q, cp > 0xffff ? "\\U%08X" : "\\u%04X", cp);
		else
			strbuf_add(q, p, k);
	}
	strbuf_addc(q, '"');
}

/* A key, never a block. */
static void key(struct emitter *e, const char *s)
{
	if (style_of(s, false) == STYLE_PLAIN)
		text(e, s);
	else
		quoted(e, s);
	txt_raw(e->out, ":");
	e->col++;
}

/*
 * A scalar value where the cursor is, then the end of its line (and the
 * block's lines, at indent). key_src is what the line's key came from.
 */
static void scalar_line(struct emitter *e, const struct ytree *n, struct ytree_src key_src,
			int indent)
{
	int value_col = e->col + 1;
	enum style st = style_of(n->str, true);

	if (st == STYLE_PLAIN)
		text(e, n->str);
	else if (st == STYLE_QUOTED)
		quoted(e, n->str);
	else {
		size_t len = strlen(n->str);
		const char *p = n->str, *end = n->str + len;

		if (n->str[len - 1] == '\n') {
			txt_raw(e->out, "|");
			end--;
		} else
			txt_raw(e->out, "|-");
		newline(e, key_src, n->src, value_col);
		while (p <= end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t n_bytes = nl ? (size_t)(nl - p) : (size_t)(end - p);
			struct strbuf line = STRBUF_INIT;

			strbuf_add(&line, p, n_bytes);
			if (n_bytes) {
				spaces(e, indent);
				text(e, line.buf);
			}
			strbuf_release(&line);
			newline(e, YTREE_NOWHERE, n->src, 0);
			if (!nl)
				break;
			p = nl + 1;
		}
		return;
	}
	newline(e, key_src, n->src, value_col);
}

static void items(struct emitter *e, const struct ytree *seq, int indent);

/*
 * A mapping's entries at indent. dash: the first entry goes on a sequence
 * item's line, after "- " at indent - 2.
 */
static void entries(struct emitter *e, const struct ytree *map, int indent, bool dash)
{
	for (const struct ytree *c = map->first; c; c = c->next) {
		if (dash && c == map->first) {
			spaces(e, indent - 2);
			txt_raw(e->out, "- ");
			e->col += 2;
		} else
			spaces(e, indent);
		key(e, c->key);
		if (c->kind == YTREE_SCALAR) {
			txt_raw(e->out, " ");
			e->col++;
			scalar_line(e, c, c->key_src, indent + 2);
		} else if (!c->first) {
			int value_col = e->col + 2;

			if (c->kind == YTREE_MAP)
				txt_raw(e->out, " {}");
			else
				txt_raw(e->out, " []");
			newline(e, c->key_src, c->src, value_col);
		} else {
			newline(e, c->key_src, c->src, e->col + 1);
			if (c->kind == YTREE_MAP)
				entries(e, c, indent + 2, false);
			else
				items(e, c, indent + 2);
		}
	}
}

static void items(struct emitter *e, const struct ytree *seq, int indent)
{
	for (const struct ytree *c = seq->first; c; c = c->next) {
		if (c->kind == YTREE_MAP && c->first) {
			entries(e, c, indent + 2, true);
			continue;
		}
		spaces(e, indent);
		txt_raw(e->out, "- ");
		e->col += 2;
		if (c->kind == YTREE_SCALAR) {
			scalar_line(e, c, YTREE_NOWHERE, indent + 2);
			continue;
		}
		if (!c->first) {
			if (c->kind == YTREE_MAP)
				txt_raw(e->out, "{}");
			else
				txt_raw(e->out, "[]");
			newline(e, YTREE_NOWHERE, c->src, 0);
			continue;
		}
		newline(e, YTREE_NOWHERE, c->src, 0);
		items(e, c, indent + 2);
	}
}

void yaml_emit(struct txt_out *out, const struct ytree *root, struct ytree_lines *lines)
{
	struct emitter e = {out, lines, 0};

	entries(&e, root, 0, false);
}
