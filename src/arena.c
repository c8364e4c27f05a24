/* One allocation per block instead of per node keeps loading fast and freeing trivial. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#define ARENA_BLOCK 65536

struct arena_block {
	struct arena_block *next;
	size_t used;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}

void *arena_alloc(struct arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	struct arena_block *b = a->head;
	void *p;

	if (size > SIZE_MAX - align)
		xalloc_die();
	size = (size + align - 1) & ~(align - 1);
	if (!b || b->size - b->used < size) {
		size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;

		if (cap > SIZE_MAX - sizeof(*b))
			xalloc_die();
		b = xmalloc(sizeof(*b) + cap);
		b->size = cap;
		b->used = 0;
		if (size > ARENA_BLOCK / 4 && a->head) {
			/* Keep the current block for small objects that follow. */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += size;
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
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
