/* Names and parsing of maturity levels. */
#include "level.h"

#include <string.h>

#include "names.h"

const char *const level_names[LEVEL_COUNT] = {"baseline", "intermediate", "advanced"};

const char *level_name(enum level l)
{
	return names_get(level_names, LEVEL_COUNT, l, "none");
}

int level_parse(const char *s, enum level *out)
{
	int i = names_index(level_names, LEVEL_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum level)i;
	return 0;
}
