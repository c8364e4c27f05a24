/* Names and parsing of maturity levels. */
#include "level.h"

#include <string.h>

static const char *const level_names[LEVEL_COUNT] = {"baseline", "intermediate", "advanced"};

const char *level_name(enum level l)
{
	if (l < 0 || l >= LEVEL_COUNT)
		return "none";
	return level_names[l];
}

int level_parse(const char *s, enum level *out)
{
	for (int i = 0; i < LEVEL_COUNT; i++)
		if (!strcmp(s, level_names[i])) {
			*out = (enum level)i;
			return 0;
		}
	return -1;
}

int level_parse_any(const char *s, enum level *out)
{
	if (!strcmp(s, "none")) {
		*out = LEVEL_NONE;
		return 0;
	}
	return level_parse(s, out);
}
