/* Enumerations named by a table of strings: one lookup for levels, statuses, ratings and the rest.
 */
#include "names.h"

#include <string.h>

int names_index(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(s, names[i]))
			return (int)i;
	return -1;
}

const char *names_get(const char *const *names, size_t n, int i, const char *none)
{
	if (i < 0 || (size_t)i >= n)
		return none;
	return names[i];
}
