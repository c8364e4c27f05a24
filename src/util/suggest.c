/* Edit distance for suggestions on unknown ids and keys. */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "term.h"
#include "xalloc.h"

size_t suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t *prev2, *prev, *cur, d;

	if (la > 256 || lb > 256)
		return la > lb ? la : lb;
	prev2 = xcalloc(lb + 1, sizeof(size_t));
	prev = xcalloc(lb + 1, sizeof(size_t));
	cur = xcalloc(lb + 1, sizeof(size_t));
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t *t;

		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = prev[j] + 1;

			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = prev[lb];
	free(prev2);
	free(prev);
	free(cur);
	return d;
}

const char *suggest_nearest(const char *word, const char *const *candidates, size_t n)
{
	size_t limit = strlen(word) / 3;

	return suggest_nearest_within(word, candidates, n, limit < 2 ? 2 : limit);
}

/* The word as a reader sees it, without characters that show as nothing; NULL if it has none. */
static char *visible_copy(const char *word)
{
	size_t len = strlen(word), i = 0, o = 0;
	char *out = NULL;

	while (i < len) {
		unsigned cp;
		size_t k = term_utf8_decode(word + i, len - i, &cp);

		if (k > 1 && diag_invisible(cp)) {
			if (!out) {
				out = xmalloc(len + 1);
				memcpy(out, word, i);
				o = i;
			}
		} else if (out) {
			memcpy(out + o, word + i, k);
			o += k;
		}
		i += k;
	}
	if (out)
		out[o] = '\0';
	return out;
}

const char *suggest_nearest_within(const char *word, const char *const *candidates, size_t n,
				   size_t limit)
{
	char *seen = visible_copy(word);
	size_t best = (size_t)-1;
	const char *found = NULL;

	/* "met" with a zero-width space looks like met: that is the one meant. */
	for (size_t i = 0; seen && i < n; i++)
		if (!strcmp(seen, candidates[i])) {
			free(seen);
			return candidates[i];
		}
	for (size_t i = 0; i < n; i++) {
		size_t d = suggest_distance(seen ? seen : word, candidates[i]);

		if (d < best) {
			best = d;
			found = candidates[i];
		}
	}
	free(seen);
	return best <= limit ? found : NULL;
}
