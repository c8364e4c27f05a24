/* Enumerations named by a table of strings: one lookup for levels, statuses, ratings and the rest.
 */
#ifndef CRAF_NAMES_H
#define CRAF_NAMES_H

#include <stddef.h>

/* The number of elements of an array (not of a pointer). */
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* The index of s in names[0..n), or -1. */
int names_index(const char *const *names, size_t n, const char *s);
/* names[i], or none when i is outside 0..n-1. */
const char *names_get(const char *const *names, size_t n, int i, const char *none);

/*
 * Defines PREFIX_name (table[v], or none) and PREFIX_parse (0 and *out set, or -1) for an
 * enumeration named by table[0..count); the header declares both, so their types are checked.
 */
#define NAMES_ENUM_FUNCTIONS(prefix, type, table, count, none)                                     \
	const char *prefix##_name(type v)                                                          \
	{                                                                                          \
		return names_get(table, count, (int)v, none);                                      \
	}                                                                                          \
	int prefix##_parse(const char *s, type *out)                                               \
	{                                                                                          \
		int i = names_index(table, count, s);                                              \
                                                                                                   \
		if (i < 0)                                                                         \
			return -1;                                                                 \
		*out = (type)i;                                                                    \
		return 0;                                                                          \
	}

#endif
