/* Streaming JSON output: one pass, no tree, one layout for every JSON document craf writes. */
#include "jsonw.h"

#include <string.h>

void jsonw_escape(struct strbuf *out, const char *s)
{
	const char *run = s;

	strbuf_addc(out, '"');
	for (;; s++) {
		unsigned char c = (unsigned char)*s;
		unsigned cp = 0;

		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && c != 0xc2 && c != 0xe2)
			continue;
		/*
		 * C1 controls (U+0080 to U+009F) and the line and paragraph
		 * separators are valid JSON but act on terminals and some
		 * readers: written as escapes, like the C0 controls.
		 */
		if (c == 0xc2) {
			if ((unsigned char)s[1] < 0x80 || (unsigned char)s[1] > 0x9f)
				continue;
			cp = (unsigned char)s[1];
		} else if (c == 0xe2) {
			if ((unsigned char)s[1] != 0x80 ||
			    ((unsigned char)s[2] != 0xa8 && (unsigned char)s[2] != 0xa9))
				continue;
			cp = 0x2000 | ((unsigned char)s[2] - 0x80);
		}
		/* Copy the plain run in one go: most text has nothing to escape. */
		strbuf_add(out, run, (size_t)(s - run));
		if (!c)
			break;
		if (cp) {
			strbuf_addf(out, "\\u%04x", cp);
			s += c == 0xc2 ? 1 : 2;
			run = s + 1;
			continue;
		}
		switch (c) {
		case '"':
			strbuf_adds(out, "\\\"");
			break;
		case '\\':
			strbuf_adds(out, "\\\\");
			break;
		case '\n':
			strbuf_adds(out, "\\n");
			break;
		case '\r':
			strbuf_adds(out, "\\r");
			break;
		case '\t':
			strbuf_adds(out, "\\t");
			break;
		default:
			strbuf_addf(out, "\\u%04x", c);
		}
		run = s + 1;
	}
	strbuf_addc(out, '"');
}

void jsonw_init(struct jsonw *w, struct strbuf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
	w->depth = -1;
}

void jsonw_init_drain(struct jsonw *w, struct strbuf *out, jsonw_drain_fn *drain, void *ctx)
{
	jsonw_init(w, out);
	w->drain = drain;
	w->drain_ctx = ctx;
}

/* After a failure the rest is dropped as it comes, so memory stays bounded. */
static void drain(struct jsonw *w)
{
	if (w->error)
		strbuf_reset(w->out);
	else if (w->drain(w->drain_ctx, w->out))
		w->error = -1;
}

static void indent(struct jsonw *w, int depth)
{
	static const char spaces[] =
		"                                                                ";
	size_t n = (size_t)depth * 2;

	while (n > sizeof(spaces) - 1) {
		strbuf_add(w->out, spaces, sizeof(spaces) - 1);
		n -= sizeof(spaces) - 1;
	}
	strbuf_add(w->out, spaces, n);
}

/* Separator, indentation and key before a member of the open container. */
static void member(struct jsonw *w, const char *key)
{
	if (w->drain && w->out->len >= JSONW_CHUNK)
		drain(w);
	if (w->depth >= 0) {
		if (w->oneline[w->depth]) {
			if (w->any[w->depth])
				strbuf_add(w->out, ", ", 2);
		} else {
			strbuf_add(w->out, w->any[w->depth] ? ",\n" : "\n",
				   w->any[w->depth] ? 2 : 1);
			indent(w, w->depth + 1);
		}
		w->any[w->depth] = true;
	}
	if (key) {
		/* Keys are craf's own plain ASCII names: nothing to escape. */
		size_t n = strlen(key);

		strbuf_addc(w->out, '"');
		strbuf_add(w->out, key, n);
		strbuf_add(w->out, "\": ", 3);
	}
}

static void open_container(struct jsonw *w, const char *key, char c, bool oneline)
{
	member(w, key);
	strbuf_addc(w->out, c);
	w->depth++;
	w->any[w->depth] = false;
	w->oneline[w->depth] = oneline;
	w->close[w->depth] = c == '{' ? '}' : ']';
}

void jsonw_object(struct jsonw *w, const char *key)
{
	open_container(w, key, '{', false);
}

void jsonw_array(struct jsonw *w, const char *key, bool oneline)
{
	open_container(w, key, '[', oneline);
}

void jsonw_end(struct jsonw *w)
{
	int depth = w->depth--;

	if (w->any[depth] && !w->oneline[depth]) {
		strbuf_addc(w->out, '\n');
		indent(w, depth);
	}
	strbuf_addc(w->out, w->close[depth]);
}

void jsonw_str(struct jsonw *w, const char *key, const char *s)
{
	member(w, key);
	if (s)
		jsonw_escape(w->out, s);
	else
		strbuf_adds(w->out, "null");
}

void jsonw_int(struct jsonw *w, const char *key, long long v)
{
	member(w, key);
	strbuf_addf(w->out, "%lld", v);
}

void jsonw_bool(struct jsonw *w, const char *key, bool b)
{
	member(w, key);
	strbuf_adds(w->out, b ? "true" : "false");
}

void jsonw_null(struct jsonw *w, const char *key)
{
	member(w, key);
	strbuf_adds(w->out, "null");
}

void jsonw_strs(struct jsonw *w, const char *key, const char *const *v, size_t n)
{
	bool oneline = true;

	for (size_t i = 0; i < n; i++)
		if (v[i] && strlen(v[i]) > 24)
			oneline = false;
	jsonw_array(w, key, oneline);
	for (size_t i = 0; i < n; i++)
		jsonw_str(w, NULL, v[i]);
	jsonw_end(w);
}

void jsonw_text(struct jsonw *w, const char *key, const struct text *t)
{
	jsonw_object(w, key);
	jsonw_str(w, "en", t->en);
	jsonw_str(w, "zh", t->zh);
	jsonw_end(w);
}

int jsonw_finish(struct jsonw *w)
{
	strbuf_addc(w->out, '\n');
	if (w->drain)
		drain(w);
	return w->error;
}
