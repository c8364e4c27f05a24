/* A string -> index hash table, so id look-ups stay constant time at any size. */
#ifndef CRAF_IDMAP_H
#define CRAF_IDMAP_H

#include <stddef.h>

struct idmap {
	const char **keys; /* borrowed: must outlive the map */
	size_t *values;
	size_t cap, nr;
};

#define IDMAP_INIT                                                                                 \
	{                                                                                          \
		NULL, NULL, 0, 0                                                                   \
	}

void idmap_init(struct idmap *m);
void idmap_release(struct idmap *m);
/* Returns 0, or -1 (and changes nothing) when key is present already. */
int idmap_put(struct idmap *m, const char *key, size_t value);
/* Returns 0 and sets *value, or -1 when absent. */
int idmap_get(const struct idmap *m, const char *key, size_t *value);

#endif
