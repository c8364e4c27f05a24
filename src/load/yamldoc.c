/* Turns libyaml's event stream into a node tree, refusing what would lose or hide data. */
#include "yamldoc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "strbuf.h"
#include "sniff.h"
#include "term.h"
#include "xlsx_read.h"
#include "xalloc.h"

void ydoc_init(struct ydoc *doc)
{
	memset(doc, 0, sizeof(*doc));
	arena_init(&doc->arena);
}

void ydoc_release(struct ydoc *doc)
{
	arena_release(&doc->arena);
	free(doc->name);
	free(doc->owned);
	free(doc->lines);
	free(doc->aliases);
	ydoc_init(doc);
}

size_t ydoc_max_bytes(const struct ydoc *doc)
{
	return doc->max_bytes ? doc->max_bytes : YDOC_MAX_BYTES;
}

void ydoc_drop_source(struct ydoc *doc)
{
	free(doc->owned);
	free(doc->lines);
	doc->owned = NULL;
	doc->lines = NULL;
	doc->nlines = 0;
	doc->data = NULL;
	doc->len = 0;
}

/* Line index, built on the first error only: most loads never need it. */
/*
 * Bytes of the line break at i, or 0. YAML 1.1 (libyaml) also breaks lines
 * at CR alone, NEL, LS and PS; positions must count lines as the parser does.
 */
static size_t line_break(const struct ydoc *doc, size_t i)
{
	const unsigned char *s = (const unsigned char *)doc->data;
	unsigned cp;
	size_t k;

	if (s[i] == '\n')
		return 1;
	if (!doc->yaml_breaks)
		return 0;
	if (s[i] == '\r')
		return i + 1 < doc->len && s[i + 1] == '\n' ? 2 : 1;
	if (s[i] < 0x80)
		return 0;
	k = term_utf8_decode(doc->data + i, doc->len - i, &cp);
	return cp == 0x85 || cp == 0x2028 || cp == 0x2029 ? k : 0;
}

static void build_lines(struct ydoc *doc)
{
	size_t alloc = 0;

	if (doc->lines)
		return;
	doc->lines = xgrow(NULL, &alloc, 1, sizeof(size_t));
	doc->lines[0] = 0;
	doc->nlines = 1;
	for (size_t i = 0; i < doc->len;) {
		size_t k = line_break(doc, i);

		if (!k) {
			i++;
			continue;
		}
		i += k;
		doc->lines = xgrow(doc->lines, &alloc, doc->nlines + 1, sizeof(size_t));
		doc->lines[doc->nlines++] = i;
	}
}

/* The bytes of line (1-based) without its break; -1 when there is no such line. */
static int line_bounds(struct ydoc *doc, int line, size_t *start, size_t *end)
{
	if (!doc->data || line < 1)
		return -1;
	build_lines(doc);
	if ((size_t)line > doc->nlines)
		return -1;
	*start = doc->lines[line - 1];
	*end = *start;
	while (*end < doc->len && doc->data[*end] != '\r' && !line_break(doc, *end))
		(*end)++;
	/* Skip a byte order mark so the caret lines up. */
	if (line == 1 && *end - *start >= 3 && !memcmp(doc->data, "\xef\xbb\xbf", 3))
		*start += 3;
	return 0;
}

static size_t char_len(const struct ydoc *doc, size_t i, size_t end)
{
	unsigned cp;

	return term_utf8_decode(doc->data + i, end - i, &cp);
}

/* A NUL in checked bytes is a closing quote the JSON parser ended a string with. */
static int char_width(const struct ydoc *doc, size_t i, size_t end)
{
	if (!doc->data[i])
		return diag_excerpt_width("\"", 1);
	return diag_excerpt_width(doc->data + i, char_len(doc, i, end));
}

/* Appends source bytes as they were read: the quotes the JSON parser ended strings with back. */
static void add_source(struct strbuf *out, const struct ydoc *doc, size_t start, size_t end)
{
	while (start < end) {
		const char *nul = memchr(doc->data + start, '\0', end - start);
		size_t stop = nul ? (size_t)(nul - doc->data) : end;

		strbuf_add(out, doc->data + start, stop - start);
		if (!nul)
			break;
		strbuf_addc(out, '"');
		start = stop + 1;
	}
}

/*
 * A position at the very end of a file that ends with a line break names a
 * line that is not there: move it to the end of the last line.
 */
static void clamp_position(struct ydoc *doc, int *line, int *col)
{
	size_t start, end;

	if (!doc->data || *line < 2)
		return;
	build_lines(doc);
	while (*line > 1 && ((size_t)*line > doc->nlines || doc->lines[*line - 1] >= doc->len)) {
		int c = 1;

		(*line)--;
		line_bounds(doc, *line, &start, &end);
		for (size_t i = start; i < end; i += char_len(doc, i, end))
			c++;
		*col = c;
	}
}

/*
 * The source line for an excerpt. A line wider than DIAG_EXCERPT_WIDTH is
 * cut to a window around col, at character boundaries, with "…" where it was
 * cut; *excerpt_col is then the caret's character column in the window.
 */
static char *line_excerpt(struct ydoc *doc, int line, int col, int *excerpt_col)
{
	static const char ellipsis[] = "\xe2\x80\xa6";
	const int before = DIAG_EXCERPT_WIDTH * 2 / 5;
	struct strbuf out = STRBUF_INIT;
	size_t start, end, at, ws, we, i;
	int w = 0, c;

	*excerpt_col = col;
	if (line_bounds(doc, line, &start, &end))
		return NULL;
	for (i = start; i < end && w <= DIAG_EXCERPT_WIDTH; i += char_len(doc, i, end))
		w += char_width(doc, i, end);
	if (i >= end && w <= DIAG_EXCERPT_WIDTH) {
		add_source(&out, doc, start, end);
		return strbuf_detach(&out);
	}
	/* Counting lead bytes: a minified report may put the column millions of bytes in. */
	for (at = start, c = 1; c < col && at < end; c++)
		while (++at < end && ((unsigned char)doc->data[at] & 0xc0) == 0x80)
			;
	/* Back from the column, by whole characters (the file is valid UTF-8). */
	for (ws = at, w = 0; ws > start;) {
		size_t prev = ws - 1;
		int cw;

		while (prev > start && ((unsigned char)doc->data[prev] & 0xc0) == 0x80)
			prev--;
		cw = char_width(doc, prev, end);
		if (w + cw > before)
			break;
		w += cw;
		ws = prev;
	}
	/* Forward to fill the width, keeping a column for each "…". */
	w = ws > start ? 1 : 0;
	for (we = ws; we < end; we += char_len(doc, we, end)) {
		int cw = char_width(doc, we, end);

		if (w + cw > DIAG_EXCERPT_WIDTH - 1)
			break;
		w += cw;
	}
	if (ws > start)
		strbuf_adds(&out, ellipsis);
	add_source(&out, doc, ws, we);
	if (we < end)
		strbuf_adds(&out, ellipsis);
	*excerpt_col = ws > start ? 2 : 1;
	for (i = ws; i < at; i += char_len(doc, i, end))
		(*excerpt_col)++;
	return strbuf_detach(&out);
}

/* Whether node lies inside root (root itself excluded). */
static bool contains(const struct ynode *root, const struct ynode *node)
{
	if (root->type == YNODE_SEQUENCE) {
		for (size_t i = 0; i < root->nr; i++)
			if (root->items[i] == node || contains(root->items[i], node))
				return true;
	} else if (root->type == YNODE_MAPPING) {
		for (size_t i = 0; i < root->nr; i++)
			if (root->pairs[i].key == node || root->pairs[i].value == node ||
			    contains(root->pairs[i].value, node))
				return true;
	}
	return false;
}

/*
 * Aliases share what is under their anchor, so an error there is one
 * error: it is reported once, at the anchor, naming the aliases it is used
 * through. NULL when node is under no alias.
 */
static char *alias_note(const struct ydoc *doc, const struct ynode *node)
{
	struct strbuf note = STRBUF_INIT;
	size_t found = 0;

	for (size_t i = 0; i < doc->naliases; i++) {
		const struct ydoc_alias *a = &doc->aliases[i];

		if (!contains(a->target, node))
			continue;
		if (found < 5)
			strbuf_addf(&note, "%s%d:%d", found ? ", " : "", a->line, a->col);
		found++;
	}
	if (found) {
		struct strbuf full = STRBUF_INIT;

		strbuf_addf(&full, "used through alias%s at %s", found > 1 ? "es" : "",
			    strbuf_str(&note));
		if (found > 5)
			strbuf_addf(&full, " and %zu more", found - 5);
		strbuf_release(&note);
		return strbuf_detach(&full);
	}
	strbuf_release(&note);
	return NULL;
}

__attribute__((format(printf, 7, 0))) static void vreport(struct ydoc *doc, struct diag_list *dl,
							  const struct ynode *node, int line,
							  int col, int span, const char *fmt,
							  va_list ap)
{
	struct strbuf msg = STRBUF_INIT;
	char *excerpt, *note;
	int excerpt_col;

	/* A cell: named in the file part, with no line, column or excerpt. */
	if (doc->sheets && node) {
		struct strbuf where = STRBUF_INIT;

		strbuf_addf(&where, "%s: ", doc->name);
		ydoc_where(doc, node, &where);
		strbuf_vaddf(&msg, fmt, ap);
		diag_report(dl, DIAG_ERROR, where.buf, 0, 0, 1, NULL, 0, NULL, strbuf_str(&msg));
		strbuf_release(&where);
		strbuf_release(&msg);
		return;
	}
	/* Past the error limit nothing is shown: spend nothing on it. */
	if (diag_list_full(dl)) {
		diag_report(dl, DIAG_ERROR, doc->name, line, col, span, NULL, 0, NULL, "");
		return;
	}
	strbuf_vaddf(&msg, fmt, ap);
	clamp_position(doc, &line, &col);
	excerpt = line_excerpt(doc, line, col, &excerpt_col);
	note = node ? alias_note(doc, node) : NULL;
	diag_report(dl, DIAG_ERROR, doc->name, line, col, span, excerpt, excerpt_col, note,
		    strbuf_str(&msg));
	free(note);
	free(excerpt);
	strbuf_release(&msg);
}

void ydoc_where(const struct ydoc *doc, const struct ynode *node, struct strbuf *sb)
{
	if (!doc->sheets)
		strbuf_addf(sb, "%d:%d", node->line, node->col);
	else if (node->span < 1 || (size_t)node->span > doc->nsheets || node->line < 1)
		strbuf_adds(sb, "the workbook");
	else if (node->col < 1)
		strbuf_addf(sb, "%s", doc->sheets[node->span - 1]);
	else
		xlsx_ref(sb, doc->sheets[node->span - 1], (unsigned)node->line,
			 (unsigned)node->col);
}

int ydoc_error_at(struct ydoc *doc, struct diag_list *dl, int line, int col, int span,
		  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(doc, dl, NULL, line, col, span, fmt, ap);
	va_end(ap);
	return -1;
}

int ydoc_error(struct ydoc *doc, struct diag_list *dl, const struct ynode *node, const char *fmt,
	       ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(doc, dl, node, node ? node->line : 1, node ? node->col : 1, node ? node->span : 1,
		fmt, ap);
	va_end(ap);
	return -1;
}

/* Converts a byte offset into a 1-based line and character column. */
static void offset_position(const struct ydoc *doc, size_t off, int *line, int *col)
{
	size_t i = 0, ls = 0;
	int l = 1;

	if (off > doc->len) /* GCOVR_EXCL_BR_LINE: libyaml's offsets are inside its input */
		off = doc->len;
	for (i = 0; i < off;) {
		size_t k = line_break(doc, i);

		if (!k) {
			i++;
			continue;
		}
		i += k;
		l++;
		ls = i;
	}
	*line = l;
	*col = 1;
	for (i = ls; i < off;) {
		unsigned cp;

		i += term_utf8_decode(doc->data + i, doc->len - i, &cp);
		(*col)++;
	}
}

/* craf reads UTF-8 text: refuse other encodings and binary files up front. */
static int check_text(struct ydoc *doc, struct diag_list *dl)
{
	const unsigned char *s = (const unsigned char *)doc->data;
	size_t i = 0;
	int line, col;

	while (i < doc->len) {
		unsigned cp;
		size_t k;

		/* Plain ASCII without NUL, eight bytes at a time: most of any file. */
		while (i + 8 <= doc->len) {
			uint64_t v;

			memcpy(&v, s + i, 8);
			if ((v & 0x8080808080808080ULL) ||
			    ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL))
				break;
			i += 8;
		}
		if (i >= doc->len)
			break;
		if (s[i] == 0) {
			offset_position(doc, i, &line, &col);
			return ydoc_error_at(doc, dl, line, col, 1,
					     "NUL byte in file (craf reads UTF-8 text)");
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = term_utf8_decode(doc->data + i, doc->len - i, &cp);
		if (cp == 0xfffd && k == 1) {
			offset_position(doc, i, &line, &col);
			return ydoc_error_at(doc, dl, line, col, 1,
					     "invalid UTF-8 (byte 0x%02x); save the file as UTF-8",
					     s[i]);
		}
		i += k;
	}
	return 0;
}

/* Resolves a plain scalar the way YAML 1.1 readers would. */
static enum yscalar_kind resolve_plain(const char *s, size_t len)
{
	static const char *const nulls[] = {"~", "null", "Null", "NULL"};
	static const char *const bools[] = {"true", "True", "TRUE", "false", "False", "FALSE",
					    "yes",  "Yes",  "YES",  "no",    "No",    "NO",
					    "on",   "On",   "ON",   "off",   "Off",   "OFF"};
	size_t i = 0;
	bool digits = false, dot = false, exp = false;

	if (len == 0)
		return YSCALAR_NULL;
	for (size_t k = 0; k < sizeof(nulls) / sizeof(*nulls); k++)
		if (strlen(nulls[k]) == len && !memcmp(s, nulls[k], len))
			return YSCALAR_NULL;
	for (size_t k = 0; k < sizeof(bools) / sizeof(*bools); k++)
		if (strlen(bools[k]) == len && !memcmp(s, bools[k], len))
			return YSCALAR_BOOL;
	if (s[0] == '-' || s[0] == '+')
		i++;
	if (len - i > 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'o')) {
		for (size_t k = i + 2; k < len; k++)
			if (!strchr(s[i + 1] == 'x' ? "0123456789abcdefABCDEF" : "01234567", s[k]))
				return YSCALAR_STRING;
		return YSCALAR_INT;
	}
	if (len - i == 4 && s[i] == '.' &&
	    (!memcmp(s + i, ".inf", 4) || !memcmp(s + i, ".Inf", 4) || !memcmp(s + i, ".INF", 4) ||
	     !memcmp(s + i, ".nan", 4) || !memcmp(s + i, ".NaN", 4) || !memcmp(s + i, ".NAN", 4)))
		return YSCALAR_FLOAT;
	for (; i < len; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9') {
			digits = true;
		} else if (c == '_' && digits) {
			continue;
		} else if (c == '.' && !dot && !exp) {
			dot = true;
		} else if ((c == 'e' || c == 'E') && digits && !exp) {
			exp = true;
			digits = false;
			if (i + 1 < len && (s[i + 1] == '-' || s[i + 1] == '+'))
				i++;
		} else {
			return YSCALAR_STRING;
		}
	}
	if (!digits)
		return YSCALAR_STRING;
	return dot || exp ? YSCALAR_FLOAT : YSCALAR_INT;
}

struct frame {
	struct ynode *node;
	struct ynode_pair *pairs;
	struct ynode **items;
	size_t nr, alloc;
	bool have_key;
};

struct anchor {
	char *name;
	struct ynode *node;
};

struct builder {
	struct ydoc *doc;
	struct diag_list *dl;
	struct frame *stack;
	size_t depth, alloc;
	struct anchor *anchors;
	size_t nanchors, anchors_alloc;
	size_t alias_nodes;
	size_t nodes;
	struct ydoc_alias *aliases;
	size_t naliases, aliases_alloc;
	bool plain_key; /* the scalar being added was written plain */
	int documents;
};

static int mark_span(const yaml_mark_t *start, const yaml_mark_t *end)
{
	if (end->line != start->line || end->column <= start->column)
		return 1;
	if (end->column - start->column > 200)
		return 200;
	return (int)(end->column - start->column);
}

static struct ynode *new_node(struct builder *b, enum ynode_type type, const yaml_event_t *ev)
{
	b->nodes++;
	struct ynode *n = arena_alloc(&b->doc->arena, sizeof(*n));

	n->type = type;
	n->line = (int)ev->start_mark.line + 1;
	n->col = (int)ev->start_mark.column + 1;
	n->span = type == YNODE_SCALAR ? mark_span(&ev->start_mark, &ev->end_mark) : 1;
	n->weight = 1;
	return n;
}

static int check_tag(struct builder *b, const yaml_event_t *ev, const unsigned char *tag,
		     const char *allowed, bool *is_str)
{
	if (!tag)
		return 0;
	if (!strcmp((const char *)tag, allowed)) {
		if (is_str)
			*is_str = true;
		return 0;
	}
	return ydoc_error_at(b->doc, b->dl, (int)ev->start_mark.line + 1,
			     (int)ev->start_mark.column + 1, 1, "YAML tag \"%s\" is not supported",
			     tag);
}

static int cmp_pair_keys(const void *a, const void *b)
{
	const struct ynode_pair *x = a, *y = b;
	size_t n = x->key->len < y->key->len ? x->key->len : y->key->len;
	int c = memcmp(x->key->str, y->key->str, n);

	if (!c)
		c = (x->key->len > y->key->len) - (x->key->len < y->key->len);
	/* Equal keys: order by position so the first one is reported as such. */
	if (!c)
		c = (x->key->line > y->key->line) - (x->key->line < y->key->line);
	if (!c)
		c = (x->key->col > y->key->col) - (x->key->col < y->key->col);
	return c;
}

static bool same_key(const struct ynode *a, const struct ynode *b)
{
	return a->len == b->len && !memcmp(a->str, b->str, a->len);
}

/* A YAML parser keeps one of two equal keys silently; craf refuses both. */
int ydoc_check_duplicates(struct ydoc *doc, struct diag_list *dl, struct ynode *map)
{
	int ret = 0;

	if (map->nr < 2)
		return 0;
	if (map->nr <= 8) {
		for (size_t i = 1; i < map->nr; i++)
			for (size_t j = 0; j < i; j++)
				if (same_key(map->pairs[i].key, map->pairs[j].key)) {
					ret = ydoc_error(doc, dl, map->pairs[i].key,
							 "duplicate key \"%s\" (first at line %d)",
							 map->pairs[i].key->str,
							 map->pairs[j].key->line);
					break;
				}
		return ret;
	}
	{
		struct ynode_pair *sorted = xmalloc(map->nr * sizeof(*sorted));

		memcpy(sorted, map->pairs, map->nr * sizeof(*sorted));
		qsort(sorted, map->nr, sizeof(*sorted), cmp_pair_keys);
		for (size_t i = 1; i < map->nr; i++) {
			size_t first = i - 1;

			while (i < map->nr && same_key(sorted[i].key, sorted[first].key)) {
				ret = ydoc_error(doc, dl, sorted[i].key,
						 "duplicate key \"%s\" (first at line %d)",
						 sorted[i].key->str, sorted[first].key->line);
				i++;
			}
		}
		free(sorted);
	}
	return ret;
}

static int add_child(struct builder *b, struct ynode *child)
{
	struct frame *f;

	/* Untested: ten million values make too slow a test (docs/security.md). */
	if (b->nodes > YDOC_MAX_NODES)
		return ydoc_error(b->doc, b->dl, child, "more than %d values in one file",
				  YDOC_MAX_NODES);
	if (!b->depth) {
		b->doc->root = child;
		return 0;
	}
	f = &b->stack[b->depth - 1];
	f->node->weight += child->weight;
	if (f->node->type == YNODE_SEQUENCE) {
		f->items = xgrow(f->items, &f->alloc, f->nr + 1, sizeof(*f->items));
		f->items[f->nr++] = child;
		return 0;
	}
	if (!f->have_key) {
		if (child->type == YNODE_SCALAR && child->kind == YSCALAR_STRING &&
		    !strcmp(child->str, "<<") && b->plain_key)
			return ydoc_error(
				b->doc, b->dl, child,
				"YAML merge keys (<<) are not supported: write the keys out");
		if (child->type != YNODE_SCALAR)
			return ydoc_error(b->doc, b->dl, child,
					  "a mapping key must be a scalar, not a %s",
					  ynode_type_name(child));
		f->pairs = xgrow(f->pairs, &f->alloc, f->nr + 1, sizeof(*f->pairs));
		f->pairs[f->nr].key = child;
		f->pairs[f->nr].value = NULL;
		f->have_key = true;
	} else {
		f->pairs[f->nr++].value = child;
		f->have_key = false;
	}
	return 0;
}

static int register_anchor(struct builder *b, const unsigned char *name, struct ynode *node,
			   const yaml_event_t *ev)
{
	if (!name)
		return 0;
	if (b->nanchors >= 10000)
		return ydoc_error_at(b->doc, b->dl, (int)ev->start_mark.line + 1,
				     (int)ev->start_mark.column + 1, 1,
				     "too many anchors (limit 10000)");
	b->anchors = xgrow(b->anchors, &b->anchors_alloc, b->nanchors + 1, sizeof(*b->anchors));
	b->anchors[b->nanchors].name = xstrdup((const char *)name);
	b->anchors[b->nanchors].node = node;
	b->nanchors++;
	return 0;
}

static int on_alias(struct builder *b, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	int line = (int)ev->start_mark.line + 1;
	int col = (int)ev->start_mark.column + 1;

	/* The latest definition of a name wins, as YAML says. */
	for (size_t i = b->nanchors; i-- > 0;) {
		struct ynode *n = b->anchors[i].node;

		if (strcmp(b->anchors[i].name, name))
			continue;
		if (!n->complete)
			return ydoc_error_at(b->doc, b->dl, line, col, 1,
					     "alias \"*%s\" refers to a node that contains it",
					     name);
		b->alias_nodes += n->weight;
		if (b->alias_nodes > YDOC_MAX_ALIAS_NODES)
			return ydoc_error_at(b->doc, b->dl, line, col, 1,
					     "aliases expand to more than %d nodes",
					     YDOC_MAX_ALIAS_NODES);
		{
			/*
			 * A copy placed where the alias is, so that a problem with the
			 * value is reported there; what it contains stays shared.
			 */
			struct ynode *copy = arena_alloc(&b->doc->arena, sizeof(*copy));

			if (n->type != YNODE_SCALAR) {
				b->aliases = xgrow(b->aliases, &b->aliases_alloc, b->naliases + 1,
						   sizeof(*b->aliases));
				b->aliases[b->naliases++] = (struct ydoc_alias){n, line, col};
			}
			*copy = *n;
			copy->line = line;
			copy->col = col;
			copy->span = mark_span(&ev->start_mark, &ev->end_mark);
			return add_child(b, copy);
		}
	}
	return ydoc_error_at(b->doc, b->dl, line, col, 1, "alias \"*%s\" has no anchor before it",
			     name);
}

static int on_scalar(struct builder *b, const yaml_event_t *ev)
{
	struct ynode *n = new_node(b, YNODE_SCALAR, ev);
	bool is_str = false;

	if (check_tag(b, ev, ev->data.scalar.tag, YAML_STR_TAG, &is_str))
		return -1;
	n->str = arena_strndup(&b->doc->arena, (const char *)ev->data.scalar.value,
			       ev->data.scalar.length);
	n->len = ev->data.scalar.length;
	if (ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !is_str)
		n->kind = resolve_plain(n->str, n->len);
	else
		n->kind = YSCALAR_STRING;
	b->plain_key = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (memchr(n->str, '\0', n->len))
		return ydoc_error(b->doc, b->dl, n, "NUL character in a scalar");
	n->complete = true;
	if (register_anchor(b, ev->data.scalar.anchor, n, ev))
		return -1;
	return add_child(b, n);
}

static int on_start(struct builder *b, const yaml_event_t *ev, enum ynode_type type)
{
	const unsigned char *tag =
		type == YNODE_MAPPING ? ev->data.mapping_start.tag : ev->data.sequence_start.tag;
	const unsigned char *anchor = type == YNODE_MAPPING ? ev->data.mapping_start.anchor
							    : ev->data.sequence_start.anchor;
	struct ynode *n;
	struct frame *f;

	if (check_tag(b, ev, tag, type == YNODE_MAPPING ? YAML_MAP_TAG : YAML_SEQ_TAG, NULL))
		return -1;
	if (b->depth >= YDOC_MAX_DEPTH)
		return ydoc_error_at(b->doc, b->dl, (int)ev->start_mark.line + 1,
				     (int)ev->start_mark.column + 1, 1,
				     "nesting deeper than %d levels", YDOC_MAX_DEPTH);
	n = new_node(b, type, ev);
	if (register_anchor(b, anchor, n, ev))
		return -1;
	b->stack = xgrow(b->stack, &b->alloc, b->depth + 1, sizeof(*b->stack));
	f = &b->stack[b->depth++];
	memset(f, 0, sizeof(*f));
	f->node = n;
	return 0;
}

static int on_end(struct builder *b)
{
	struct frame *f = &b->stack[b->depth - 1];
	struct ynode *n = f->node;
	int ret = 0;

	n->nr = f->nr;
	if (n->type == YNODE_MAPPING) {
		n->pairs = arena_array(&b->doc->arena, f->nr, sizeof(*n->pairs));
		if (f->nr)
			memcpy(n->pairs, f->pairs, f->nr * sizeof(*n->pairs));
		free(f->pairs);
		/* Recorded, not fatal: the tree stays usable, so more errors can be found. */
		ydoc_check_duplicates(b->doc, b->dl, n);
	} else {
		n->items = arena_array(&b->doc->arena, f->nr, sizeof(*n->items));
		if (f->nr)
			memcpy(n->items, f->items, f->nr * sizeof(*n->items));
		free(f->items);
	}
	n->complete = true;
	b->depth--;
	if (add_child(b, n))
		ret = -1;
	return ret;
}

static int report_parser_error(struct builder *b, yaml_parser_t *p)
{
	struct ydoc *doc = b->doc;
	/* libyaml names every problem; the fallback only keeps a NULL out of printf. */
	const char *problem = p->problem ? p->problem : "invalid YAML";
	int line, col;

	if (p->error == YAML_READER_ERROR) {
		offset_position(doc, p->problem_offset, &line, &col);
		return ydoc_error_at(doc, b->dl, line, col, 1, "%s", problem);
	}
	if (p->error == YAML_MEMORY_ERROR)
		xalloc_die();
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	/* libyaml's wording for a tab is obscure; name the real cause. */
	if (p->problem_mark.index < doc->len) {
		size_t start, end, i;
		int c = 1;

		if (!line_bounds(doc, line, &start, &end)) {
			for (i = start; i < end && c < col; c++)
				i += char_len(doc, i, end);
			if (i < end && doc->data[i] == '\t')
				return ydoc_error_at(
					doc, b->dl, line, col, 1,
					"tab character in indentation (YAML indents with spaces)");
		}
	}
	if (p->context)
		return ydoc_error_at(doc, b->dl, line, col, 1, "%s (%s at line %d, column %d)",
				     problem, p->context, (int)p->context_mark.line + 1,
				     (int)p->context_mark.column + 1);
	return ydoc_error_at(doc, b->dl, line, col, 1, "%s", problem);
}

static int parse(struct ydoc *doc, struct diag_list *dl)
{
	struct builder b;
	yaml_parser_t parser;
	yaml_event_t ev;
	int ret = 0;
	bool done = false;
	size_t errors_before = dl->errors;

	memset(&b, 0, sizeof(b));
	b.doc = doc;
	b.dl = dl;
	if (!yaml_parser_initialize(&parser))
		xalloc_die();
	yaml_parser_set_input_string(&parser, (const unsigned char *)doc->data, doc->len);
	while (!done) {
		if (!yaml_parser_parse(&parser, &ev)) {
			ret = report_parser_error(&b, &parser);
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++b.documents > 1)
				ret = ydoc_error_at(doc, dl, (int)ev.start_mark.line + 1,
						    (int)ev.start_mark.column + 1, 3,
						    "more than one YAML document in the file");
			break;
		case YAML_SCALAR_EVENT:
			ret = on_scalar(&b, &ev);
			break;
		case YAML_ALIAS_EVENT:
			ret = on_alias(&b, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			ret = on_start(&b, &ev, YNODE_SEQUENCE);
			break;
		case YAML_MAPPING_START_EVENT:
			ret = on_start(&b, &ev, YNODE_MAPPING);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			ret = on_end(&b);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (ret)
			break;
	}
	yaml_parser_delete(&parser);
	while (b.depth) {
		struct frame *f = &b.stack[--b.depth];
		free(f->pairs);
		free(f->items);
	}
	free(b.stack);
	for (size_t i = 0; i < b.nanchors; i++)
		free(b.anchors[i].name);
	free(b.anchors);
	free(doc->aliases);
	doc->aliases = b.aliases;
	doc->naliases = b.naliases;
	if (ret || dl->errors > errors_before)
		return -1;
	if (!doc->root)
		return ydoc_error_at(doc, dl, 1, 1, 1, "file is empty (no YAML document in it)");
	return 0;
}

int ydoc_parse_yaml(struct ydoc *doc, struct diag_list *dl)
{
	doc->yaml_breaks = true;
	free(doc->lines); /* counted for another syntax, if any */
	doc->lines = NULL;
	return parse(doc, dl);
}

/*
 * Starts reading another file into doc: nothing of the last one (its bytes,
 * its line index) may show in the new one's diagnostics.
 */
static void begin(struct ydoc *doc, const char *name)
{
	char *copy = xstrdup(name); /* name may be doc->name */

	free(doc->name);
	doc->name = copy;
	ydoc_drop_source(doc);
	doc->yaml_breaks = false;
}

static int set_buffer(struct ydoc *doc, const char *data, size_t len, struct diag_list *dl)
{
	enum sniff_kind kind;

	doc->data = data;
	doc->len = len;
	if (len > ydoc_max_bytes(doc))
		return ydoc_error_at(doc, dl, 1, 1, 1, "file is larger than the %zu MiB limit",
				     ydoc_max_bytes(doc) >> 20);
	/* A workbook is a common mistake: say so rather than "invalid UTF-8". */
	kind = sniff(data, len);
	if ((kind == SNIFF_ZIP || kind == SNIFF_OLE2) && doc->workbook_ok)
		return 0;
	if (kind == SNIFF_ZIP || kind == SNIFF_OLE2 || kind == SNIFF_GZIP) {
		int ret;

		/* No excerpt: the bytes are not text. */
		doc->len = 0;
		ret = ydoc_error_at(doc, dl, 1, 1, 1,
				    "this is %s, not a text file: craf reads answers in YAML and "
				    "reports in JSON",
				    kind == SNIFF_ZIP ? "a zip file (an XLSX workbook, or a bundle "
							"for 'craf verify'?)"
				    : kind == SNIFF_GZIP
					    ? "a gzip file (a bundle for 'craf verify'?)"
					    : "an Excel 97-2003 workbook (or another "
					      "compound document)");
		doc->len = len;
		return ret;
	}
	return check_text(doc, dl);
}

int ydoc_read_buffer(struct ydoc *doc, const char *name, const char *data, size_t len,
		     struct diag_list *dl)
{
	char *copy;

	begin(doc, name);
	copy = xmalloc(len + 1);
	memcpy(copy, data, len);
	copy[len] = '\0';
	doc->owned = copy;
	if (len == 0) {
		doc->data = copy;
		return ydoc_error_at(doc, dl, 1, 1, 1, "file is empty");
	}
	return set_buffer(doc, copy, len, dl);
}

int ydoc_load_buffer(struct ydoc *doc, const char *name, const char *data, size_t len,
		     struct diag_list *dl)
{
	begin(doc, name);
	if (set_buffer(doc, data, len, dl))
		return -1;
	return ydoc_parse_yaml(doc, dl);
}

/* Reads fd to its end, sized from hint, within the size limit; fd is left open. */
static int read_fd(struct ydoc *doc, int fd, size_t hint, struct diag_list *dl)
{
	size_t len = 0, alloc = hint + 65536;
	char *buf = xmalloc_large(&alloc);

	for (;;) {
		ssize_t n;

		if (alloc - len < 65536)
			buf = xgrow(buf, &alloc, len + 65536, 1);
		n = read(fd, buf + len, alloc - len);
		if (n < 0) {
			int e = errno;

			if (e == EINTR)
				continue;
			free(buf);
			return ydoc_error_at(doc, dl, 1, 1, 1, "cannot read file: %s", strerror(e));
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > ydoc_max_bytes(doc)) {
			free(buf);
			return ydoc_error_at(doc, dl, 1, 1, 1,
					     "file is larger than the %zu MiB limit",
					     ydoc_max_bytes(doc) >> 20);
		}
	}
	doc->owned = buf;
	doc->data = buf;
	doc->len = len;
	if (len == 0)
		return ydoc_error_at(doc, dl, 1, 1, 1, "file is empty");
	return set_buffer(doc, buf, len, dl);
}

int ydoc_read_file(struct ydoc *doc, const char *path, struct diag_list *dl)
{
	struct stat st;
	int fd, flags, ret;

	begin(doc, path);
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return ydoc_error_at(doc, dl, 1, 1, 1, "cannot open file: %s", strerror(errno));
	if (fstat(fd, &st) < 0) { /* on an open descriptor: only an I/O error */
		int e = errno;

		close(fd);
		return ydoc_error_at(doc, dl, 1, 1, 1, "cannot read file: %s", strerror(e));
	}
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return ydoc_error_at(doc, dl, 1, 1, 1, "is a directory");
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return ydoc_error_at(doc, dl, 1, 1, 1,
				     "not a regular file (device, FIFO or socket)");
	}
	/* Refuse before reading: a huge file must not be loaded to be rejected. */
	if ((uintmax_t)st.st_size > ydoc_max_bytes(doc)) {
		close(fd);
		return ydoc_error_at(doc, dl, 1, 1, 1, "file is larger than the %zu MiB limit",
				     ydoc_max_bytes(doc) >> 20);
	}
	flags = fcntl(fd, F_GETFL);
	if (flags >= 0) /* cannot fail on an open descriptor */
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	/* Sized once from fstat; a file that grows meanwhile is read to its end all the same. */
	ret = read_fd(doc, fd, (size_t)st.st_size, dl);
	close(fd);
	return ret;
}

int ydoc_read_fd(struct ydoc *doc, const char *name, int fd, struct diag_list *dl)
{
	struct stat st;
	size_t hint = 0;

	begin(doc, name);
	if (!fstat(fd, &st)) {
		if (S_ISDIR(st.st_mode))
			return ydoc_error_at(doc, dl, 1, 1, 1, "is a directory");
		/* Input redirected from a file: read it in one allocation. */
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size <= ydoc_max_bytes(doc))
			hint = (size_t)st.st_size;
	}
	return read_fd(doc, fd, hint, dl);
}

int ydoc_load_file(struct ydoc *doc, const char *path, struct diag_list *dl)
{
	if (ydoc_read_file(doc, path, dl))
		return -1;
	return ydoc_parse_yaml(doc, dl);
}

struct ynode *ynode_get(const struct ynode *map, const char *key)
{
	size_t klen;

	if (!map || map->type != YNODE_MAPPING)
		return NULL;
	klen = strlen(key);
	for (size_t i = 0; i < map->nr; i++) {
		const struct ynode *k = map->pairs[i].key;

		if (k->len == klen && !memcmp(k->str, key, klen))
			return map->pairs[i].value;
	}
	return NULL;
}

const char *ynode_type_name(const struct ynode *node)
{
	static const char *const kinds[] = {
		[YSCALAR_STRING] = "string", [YSCALAR_NULL] = "empty value",
		[YSCALAR_BOOL] = "boolean",  [YSCALAR_INT] = "integer",
		[YSCALAR_FLOAT] = "number",
	};

	if (!node)
		return "nothing";
	if (node->type == YNODE_MAPPING)
		return "mapping";
	if (node->type == YNODE_SEQUENCE)
		return "list";
	return kinds[node->kind];
}

bool ynode_is_null(const struct ynode *node)
{
	return !node || (node->type == YNODE_SCALAR && node->kind == YSCALAR_NULL);
}
