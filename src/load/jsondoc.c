/* A JSON parser that builds the loader's node tree, so JSON errors get line and column too. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "xalloc.h"
#include "yamldoc.h"

struct jp {
	struct ydoc *doc;
	struct diag_list *dl;
	const char *s;
	char *insitu; /* s, when doc owns it: strings end there, not in copies */
	size_t len, pos;
	int line, col; /* of s[pos], 1-based; col in characters */
	int depth;
	size_t nodes, max_nodes;
	struct strbuf sb; /* a string with escapes, decoded */
};

/* Steps over one ASCII byte of syntax; plain_run steps over the text in strings. */
static void advance(struct jp *p)
{
	if (p->s[p->pos++] == '\n') {
		p->line++;
		p->col = 1;
	} else {
		p->col++;
	}
}

static int fail(struct jp *p, const char *what)
{
	if (p->pos >= p->len)
		return ydoc_error_at(p->doc, p->dl, p->line, p->col, 1,
				     "unexpected end of JSON (expected %s)", what);
	return ydoc_error_at(p->doc, p->dl, p->line, p->col, 1, "invalid JSON: expected %s", what);
}

static void skip_ws(struct jp *p)
{
	while (p->pos < p->len) {
		switch (p->s[p->pos]) {
		case ' ':
		case '\t':
		case '\r':
		case '\n':
			advance(p);
			continue;
		}
		break;
	}
}

static struct ynode *new_node(struct jp *p, enum ynode_type type)
{
	struct ynode *n = arena_alloc(&p->doc->arena, sizeof(*n));

	p->nodes++;
	n->type = type;
	n->line = p->line;
	n->col = p->col;
	n->span = 1;
	n->weight = 1;
	n->complete = true;
	return n;
}

static int hex4(struct jp *p, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		char c = p->pos < p->len ? p->s[p->pos] : 0;

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return fail(p, "four hexadecimal digits after \\u");
		advance(p);
	}
	*out = v;
	return 0;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	char b[4];

	if (cp < 0x80) {
		strbuf_addc(sb, (char)cp);
		return;
	}
	if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 3);
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 4);
	}
}

/* Bytes up to the next quote, backslash or control character; columns counted on the way. */
static size_t plain_run(struct jp *p)
{
	size_t start = p->pos;

	while (p->pos < p->len) {
		unsigned char c = (unsigned char)p->s[p->pos];

		if (c < 0x20 || c == '"' || c == '\\')
			break;
		if ((c & 0xc0) != 0x80)
			p->col++;
		p->pos++;
	}
	return p->pos - start;
}

static struct ynode *parse_string(struct jp *p)
{
	struct ynode *n = new_node(p, YNODE_SCALAR);
	struct strbuf *sb = &p->sb;
	int start_col = p->col;
	size_t start, run;

	advance(p); /* the opening quote */
	start = p->pos;
	run = plain_run(p);
	/*
	 * Most strings have no escape: they stay where they are in the input,
	 * ended by a NUL over their closing quote (ydoc_source_char shows the
	 * quote again), so a large report is not held twice.
	 */
	if (p->pos < p->len && p->s[p->pos] == '"') {
		if (p->insitu) {
			p->insitu[p->pos] = '\0';
			n->str = p->s + start;
		} else {
			n->str = arena_strndup(&p->doc->arena, p->s + start, run);
		}
		advance(p);
		n->len = run;
		goto done;
	}
	strbuf_reset(sb);
	strbuf_add(sb, p->s + start, run);
	for (;;) {
		unsigned char c;

		run = p->pos;
		strbuf_add(sb, p->s + run, plain_run(p));
		if (p->pos >= p->len) {
			fail(p, "a closing '\"'");
			return NULL;
		}
		c = (unsigned char)p->s[p->pos];
		if (c == '"') {
			advance(p);
			break;
		}
		if (c < 0x20) {
			ydoc_error_at(p->doc, p->dl, p->line, p->col, 1,
				      "invalid JSON: control character in a string (escape it)");
			return NULL;
		}
		advance(p);
		c = p->pos < p->len ? (unsigned char)p->s[p->pos] : 0;
		switch (c) {
		case '"':
		case '\\':
		case '/':
			strbuf_addc(sb, (char)c);
			break;
		case 'b':
			strbuf_addc(sb, '\b');
			break;
		case 'f':
			strbuf_addc(sb, '\f');
			break;
		case 'n':
			strbuf_addc(sb, '\n');
			break;
		case 'r':
			strbuf_addc(sb, '\r');
			break;
		case 't':
			strbuf_addc(sb, '\t');
			break;
		case 'u': {
			unsigned cp = 0, lo = 0;

			advance(p);
			if (hex4(p, &cp))
				return NULL;
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (p->pos + 1 < p->len && p->s[p->pos] == '\\' &&
				    p->s[p->pos + 1] == 'u') {
					advance(p);
					advance(p);
					if (hex4(p, &lo))
						return NULL;
					if (lo < 0xdc00 || lo > 0xdfff) {
						fail(p, "a low surrogate after a high one");
						return NULL;
					}
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				} else {
					fail(p, "a low surrogate after a high one");
					return NULL;
				}
			} else if (cp >= 0xdc00 && cp <= 0xdfff) {
				fail(p, "a high surrogate before a low one");
				return NULL;
			}
			if (cp == 0) {
				ydoc_error_at(p->doc, p->dl, p->line, p->col, 1,
					      "NUL character in a string");
				return NULL;
			}
			put_utf8(sb, cp);
			continue;
		}
		default:
			fail(p, "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
			return NULL;
		}
		advance(p);
	}
	n->str = arena_strndup(&p->doc->arena, strbuf_str(sb), sb->len);
	n->len = sb->len;
done:
	n->kind = YSCALAR_STRING;
	/* Raw line breaks are refused: a string ends on the line it starts on. */
	n->span = p->col - start_col;
	return n;
}

static struct ynode *parse_value(struct jp *p);

static bool at_digit(const struct jp *p)
{
	return p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9';
}

/* One or more digits; -1 (reported as expecting what) when there are none. */
static int digits(struct jp *p, const char *what)
{
	if (!at_digit(p))
		return fail(p, what);
	while (at_digit(p))
		advance(p);
	return 0;
}

static struct ynode *parse_number(struct jp *p)
{
	struct ynode *n = new_node(p, YNODE_SCALAR);
	size_t start = p->pos;
	bool frac = false;

	if (p->s[p->pos] == '-')
		advance(p);
	/* The integer part: 0, or digits not starting with 0. */
	if (at_digit(p) && p->s[p->pos] == '0')
		advance(p);
	else if (digits(p, "a digit"))
		return NULL;
	if (p->pos < p->len && p->s[p->pos] == '.') {
		frac = true;
		advance(p);
		if (digits(p, "a digit after '.'"))
			return NULL;
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
		frac = true;
		advance(p);
		if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			advance(p);
		if (digits(p, "a digit in the exponent"))
			return NULL;
	}
	n->str = arena_strndup(&p->doc->arena, p->s + start, p->pos - start);
	n->len = p->pos - start;
	n->kind = frac ? YSCALAR_FLOAT : YSCALAR_INT;
	n->span = (int)(p->pos - start);
	return n;
}

static struct ynode *parse_word(struct jp *p)
{
	static const struct {
		const char *word;
		enum yscalar_kind kind;
	} words[] = {{"true", YSCALAR_BOOL}, {"false", YSCALAR_BOOL}, {"null", YSCALAR_NULL}};

	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(words[i].word);

		if (p->len - p->pos >= n && !memcmp(p->s + p->pos, words[i].word, n)) {
			struct ynode *node = new_node(p, YNODE_SCALAR);

			node->str = words[i].word;
			node->len = n;
			node->kind = words[i].kind;
			node->span = (int)n;
			for (size_t k = 0; k < n; k++)
				advance(p);
			return node;
		}
	}
	fail(p, "a value (object, array, string, number, true, false or null)");
	return NULL;
}

static struct ynode *parse_container(struct jp *p, bool object)
{
	struct ynode *n = new_node(p, object ? YNODE_MAPPING : YNODE_SEQUENCE);
	struct ynode_pair *pairs = NULL;
	struct ynode **items = NULL;
	size_t nr = 0, alloc = 0;
	const char close = object ? '}' : ']';

	if (++p->depth > YDOC_MAX_DEPTH) {
		ydoc_error_at(p->doc, p->dl, p->line, p->col, 1, "nesting deeper than %d levels",
			      YDOC_MAX_DEPTH);
		return NULL;
	}
	advance(p);
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == close) {
		advance(p);
		goto done;
	}
	for (;;) {
		struct ynode *key = NULL, *value;

		skip_ws(p);
		if (object) {
			if (p->pos >= p->len || p->s[p->pos] != '"') {
				fail(p, "a string key");
				goto error;
			}
			key = parse_string(p);
			if (!key)
				goto error;
			skip_ws(p);
			if (p->pos >= p->len || p->s[p->pos] != ':') {
				fail(p, "':' after the key");
				goto error;
			}
			advance(p);
			skip_ws(p);
		}
		value = parse_value(p);
		if (!value)
			goto error;
		if (object) {
			pairs = xgrow(pairs, &alloc, nr + 1, sizeof(*pairs));
			pairs[nr].key = key;
			pairs[nr].value = value;
		} else {
			items = xgrow(items, &alloc, nr + 1, sizeof(*items));
			items[nr] = value;
		}
		nr++;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			advance(p);
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == close) {
			advance(p);
			break;
		}
		fail(p, object ? "',' or '}'" : "',' or ']'");
		goto error;
	}
done:
	n->nr = nr;
	if (object) {
		n->pairs = arena_array(&p->doc->arena, nr, sizeof(*pairs));
		if (nr)
			memcpy(n->pairs, pairs, nr * sizeof(*pairs));
		ydoc_check_duplicates(p->doc, p->dl, n);
	} else {
		n->items = arena_array(&p->doc->arena, nr, sizeof(*items));
		if (nr)
			memcpy(n->items, items, nr * sizeof(*items));
	}
	free(pairs);
	free(items);
	p->depth--;
	return n;
error:
	free(pairs);
	free(items);
	return NULL;
}

static struct ynode *parse_value(struct jp *p)
{
	char c;

	if (p->nodes >= p->max_nodes) {
		ydoc_error_at(p->doc, p->dl, p->line, p->col, 1, "more than %zu values in one file",
			      p->max_nodes);
		return NULL;
	}
	skip_ws(p);
	if (p->pos >= p->len) {
		fail(p, "a value");
		return NULL;
	}
	c = p->s[p->pos];
	if (c == '{' || c == '[')
		return parse_container(p, c == '{');
	if (c == '"')
		return parse_string(p);
	if (c == '-' || (c >= '0' && c <= '9'))
		return parse_number(p);
	return parse_word(p);
}

int ydoc_parse_json(struct ydoc *doc, struct diag_list *dl)
{
	struct jp p = {doc, dl, doc->data, NULL, doc->len, 0, 1, 1, 0, 0, 0, STRBUF_INIT};
	size_t before = dl->errors;
	int ret = 0;

	/*
	 * Reports hold several values per byte of answers: the limit on values
	 * scales with the size allowed (YDOC_MAX_NODES at YDOC_MAX_BYTES).
	 */
	p.max_nodes = (size_t)((uint64_t)ydoc_max_bytes(doc) * YDOC_MAX_NODES / YDOC_MAX_BYTES);
	doc->yaml_breaks = false;
	/* The bytes were checked for NUL on reading: any NUL from here on is a closing quote. */
	if (doc->owned && doc->data == doc->owned)
		p.insitu = doc->owned;
	if (p.len >= 3 && !memcmp(p.s, "\xef\xbb\xbf", 3))
		p.pos = 3;
	doc->root = parse_value(&p);
	if (!doc->root) {
		ret = -1;
		goto cleanup;
	}
	skip_ws(&p);
	if (p.pos < p.len)
		ret = ydoc_error_at(doc, dl, p.line, p.col, 1,
				    "invalid JSON: unexpected text after the document");
	else if (dl->errors > before)
		ret = -1;
cleanup:
	strbuf_release(&p.sb);
	return ret;
}
