/* "Did you mean": the nearest valid word to a misspelt one. */
#ifndef CRAF_SUGGEST_H
#define CRAF_SUGGEST_H

#include <stddef.h>

/*
 * Returns the candidate closest to word by edit distance, or NULL when
 * none is close enough to be a likely typo.
 */
const char *suggest_nearest(const char *word, const char *const *candidates, size_t n);
/* The same with an explicit largest edit distance worth suggesting. */
const char *suggest_nearest_within(const char *word, const char *const *candidates, size_t n,
				   size_t max);
/* Levenshtein distance, with adjacent transpositions counting as one. */
size_t suggest_distance(const char *a, const char *b);

#endif
