/* A YAML-shaped tree of strings with their sources: built from a workbook, written as YAML. */
#include "ytree.h"

#include <stdlib.h>

#include "xalloc.h"

static struct ytree *node(struct arena *a, enum ytree_kind kind, struct ytree_src src)
{
	struct ytree *n = arena_alloc(a, sizeof(*n));

	n->kind = kind;
	n->src = src;
	n->key_src = YTREE_NOWHERE;
	return n;
}

struct ytree *ytree_map(struct arena *a, struct ytree_src src)
{
	return node(a, YTREE_MAP, src);
}

struct ytree *ytree_seq(struct arena *a, struct ytree_src src)
{
	return node(a, YTREE_SEQ, src);
}

struct ytree *ytree_str(struct arena *a, const char *s, struct ytree_src src)
{
	struct ytree *n = node(a, YTREE_SCALAR, src);

	n->str = arena_strdup(a, s ? s : "");
	return n;
}

struct ytree *ytree_push(struct ytree *seq, struct ytree *child)
{
	if (seq->last)
		seq->last->next = child;
	else
		seq->first = child;
	seq->last = child;
	return child;
}

struct ytree *ytree_put(struct arena *a, struct ytree *map, const char *key,
			struct ytree_src key_src, struct ytree *child)
{
	child->key = arena_strdup(a, key);
	child->key_src = key_src;
	return ytree_push(map, child);
}

void ytree_lines_add(struct ytree_lines *l, struct ytree_src key, struct ytree_src value,
		     int value_col)
{
	l->items = xgrow(l->items, &l->alloc, l->nr + 1, sizeof(*l->items));
	l->items[l->nr++] = (struct ytree_line){key, value, value_col};
}

void ytree_lines_release(struct ytree_lines *l)
{
	free(l->items);
	l->items = NULL;
	l->nr = l->alloc = 0;
}

struct ytree_src ytree_lines_at(const struct ytree_lines *l, int line, int col)
{
	const struct ytree_line *ln;

	if (line < 1 || (size_t)line > l->nr)
		return YTREE_NOWHERE;
	ln = &l->items[line - 1];
	/* Before the value: the key, when it came from somewhere; else the value's source. */
	if (ln->value_col && col < ln->value_col && ln->key.sheet >= 0)
		return ln->key;
	if (ln->value.sheet < 0)
		return ln->key;
	return ln->value;
}
