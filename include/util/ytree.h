/* A YAML-shaped tree of strings that remembers where each came from, for files made from other
 * formats. */
#ifndef CRAF_YTREE_H
#define CRAF_YTREE_H

#include <stddef.h>

#include "arena.h"

/*
 * Where a string came from: a cell of a workbook (sheet is an index into the
 * maker's list of sheets; row and col 1-based), a whole sheet (row 0), or
 * nowhere (sheet < 0).
 */
struct ytree_src {
	int sheet;
	unsigned row, col;
};

#define YTREE_NOWHERE ((struct ytree_src){-1, 0, 0})

enum ytree_kind {
	YTREE_SCALAR, /* always a string: the emitter quotes what would read as anything else */
	YTREE_MAP,
	YTREE_SEQ,
};

struct ytree {
	enum ytree_kind kind;
	const char *key; /* in a mapping: its key */
	struct ytree_src key_src;
	const char *str; /* a scalar's text */
	struct ytree_src src;
	struct ytree *first, *last, *next; /* children, in order */
};

/* Nodes and strings live in a (released by the caller). */
struct ytree *ytree_map(struct arena *a, struct ytree_src src);
struct ytree *ytree_seq(struct arena *a, struct ytree_src src);
/* s is copied; NULL is the empty string. */
struct ytree *ytree_str(struct arena *a, const char *s, struct ytree_src src);
/* Appends child to a sequence; returns child. */
struct ytree *ytree_push(struct ytree *seq, struct ytree *child);
/* Appends key: child to a mapping (key copied); returns child. */
struct ytree *ytree_put(struct arena *a, struct ytree *map, const char *key,
			struct ytree_src key_src, struct ytree *child);

/* For each line of a document the emitter wrote, what its key and its value came from. */
struct ytree_line {
	struct ytree_src key, value;
	int value_col; /* 1-based character column where the value starts; 0: no key */
};

struct ytree_lines {
	struct ytree_line *items;
	size_t nr, alloc;
};

void ytree_lines_add(struct ytree_lines *l, struct ytree_src key, struct ytree_src value,
		     int value_col);
void ytree_lines_release(struct ytree_lines *l);
/* The source of line:col of the document (1-based), or YTREE_NOWHERE. */
struct ytree_src ytree_lines_at(const struct ytree_lines *l, int line, int col);

#endif
