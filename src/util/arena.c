/* One allocation per block instead of per node keeps loading fast and freeing trivial. */
#include "arena.h"

#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define ARENA_BLOCK	65536
#define ARENA_MAX_BLOCK (((size_t)4 << 20) - 64) /* with its header, two huge pages */

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->next = 0;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	arena_init(a);
}

static struct arena_block *new_block(size_t cap)
{
	size_t bytes = sizeof(struct arena_block) + cap;
	struct arena_block *b = xmalloc_large(&bytes);

	b->size = bytes - sizeof(*b); /* the rounding is usable too */
	return b;
}

/* Room for size bytes at the given alignment; not zero-filled. */
static void *take(struct arena *a, size_t size, size_t align)
{
	struct arena_block *b = a->head;
	size_t at;
	void *p;

	if (size > SIZE_MAX - ARENA_MAX_BLOCK)
		xalloc_die();
	at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at > b->size || b->size - at < size) {
		/* A large object gets a block of its own; the current one stays in use. */
		bool own = size > ARENA_BLOCK / 4 && a->head;
		/*
		 * Doubling blocks keep a large document to a few thousand
		 * allocations, which matters when threads share one heap.
		 */
		size_t cap = own ? size : a->next ? a->next : ARENA_BLOCK;

		if (cap < size)
			cap = size;
		b = new_block(cap);
		b->used = 0;
		at = 0;
		if (own) {
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
			a->next = a->next ? a->next * 2 : ARENA_BLOCK * 2;
			if (a->next > ARENA_MAX_BLOCK)
				a->next = ARENA_MAX_BLOCK;
		}
	}
	p = b->data + at;
	b->used = at + size;
	return p;
}

void *arena_alloc(struct arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	void *p;

	if (size > SIZE_MAX - align)
		xalloc_die();
	size = (size + align - 1) & ~(align - 1);
	p = take(a, size, align);
	memset(p, 0, size);
	return p;
}

void *arena_array(struct arena *a, size_t nmemb, size_t size)
{
	if (size && nmemb > SIZE_MAX / size)
		xalloc_die();
	return arena_alloc(a, nmemb * size);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		xalloc_die();
	p = take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
