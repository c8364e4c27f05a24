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

#endif
