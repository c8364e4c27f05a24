/* Bump allocator: every object of a loaded document is freed at once. */
#ifndef CRAF_ARENA_H
#define CRAF_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t next; /* size of the next block: blocks grow as the arena does */
};

#define ARENA_INIT                                                                                 \
	{                                                                                          \
		NULL, 0                                                                            \
	}

void arena_init(struct arena *a);
void arena_release(struct arena *a);
/* Zero-filled, aligned for any type. */
void *arena_alloc(struct arena *a, size_t size);
void *arena_array(struct arena *a, size_t nmemb, size_t size);
/* Strings are packed: not aligned, not zero-filled before the copy. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);

#endif
