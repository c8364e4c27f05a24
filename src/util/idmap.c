/* Open-addressing hash table keyed by borrowed strings. */
#include "idmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void idmap_init(struct idmap *m)
{
	memset(m, 0, sizeof(*m));
}

void idmap_release(struct idmap *m)
{
	free(m->keys);
	free(m->values);
	idmap_init(m);
}

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

static void insert(struct idmap *m, const char *key, size_t value)
{
	size_t i = (size_t)hash(key) & (m->cap - 1);

	while (m->keys[i])
		i = (i + 1) & (m->cap - 1);
	m->keys[i] = key;
	m->values[i] = value;
	m->nr++;
}

static void grow(struct idmap *m)
{
	const char **keys = m->keys;
	size_t *values = m->values, cap = m->cap;

	m->cap = cap ? cap * 2 : 64;
	if (m->cap > SIZE_MAX / sizeof(size_t))
		xalloc_die();
	m->keys = xcalloc(m->cap, sizeof(*m->keys));
	m->values = xcalloc(m->cap, sizeof(*m->values));
	m->nr = 0;
	for (size_t i = 0; i < cap; i++)
		if (keys[i])
			insert(m, keys[i], values[i]);
	free(keys);
	free(values);
}

int idmap_get(const struct idmap *m, const char *key, size_t *value)
{
	size_t i;

	if (!m->cap)
		return -1;
	i = (size_t)hash(key) & (m->cap - 1);
	while (m->keys[i]) {
		if (!strcmp(m->keys[i], key)) {
			*value = m->values[i];
			return 0;
		}
		i = (i + 1) & (m->cap - 1);
	}
	return -1;
}

int idmap_put(struct idmap *m, const char *key, size_t value)
{
	size_t dummy;

	if (!idmap_get(m, key, &dummy))
		return -1;
	if ((m->nr + 1) * 2 > m->cap)
		grow(m);
	insert(m, key, value);
	return 0;
}
