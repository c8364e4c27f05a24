/* Identifier rules shared by every loader, so a saved report cannot carry an id the catalogue would
 * refuse. */
#include "ids.h"

#include <string.h>

#include "names.h"

static int parse_numbers(const char *s, unsigned *num, int parts)
{
	for (int i = 0; i < parts; i++) {
		const char *start = s;
		unsigned v = 0;

		while (*s >= '0' && *s <= '9') {
			if (s - start >= 6)
				return -1;
			v = v * 10 + (unsigned)(*s++ - '0');
		}
		if (s == start || (s - start > 1 && *start == '0'))
			return -1;
		if (num)
			num[i] = v;
		if (i < parts - 1 && *s++ != '.')
			return -1;
	}
	return *s ? -1 : 0;
}

static int check_slug(const char *s)
{
	size_t n = 0;

	/* A leading '-' would read as an option on a command line. */
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return -1;
	for (; s[n]; n++)
		if (n >= IDS_MAX_LEN ||
		    !((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= '0' && s[n] <= '9') || s[n] == '-'))
			return -1;
	return 0;
}

int ids_check(enum ids_kind kind, const char *s, unsigned num[IDS_MAX_PARTS])
{
	if (!s)
		return -1;
	switch (kind) {
	case IDS_DOMAIN:
		return parse_numbers(s, num, 1);
	case IDS_COMPONENT:
		return parse_numbers(s, num, 2);
	case IDS_CONTROL:
		return parse_numbers(s, num, 3);
	case IDS_SLUG:
		return check_slug(s);
	}
	return -1;
}

static const char *const shapes[] = {
	[IDS_DOMAIN] = "a number, as in 3",
	[IDS_COMPONENT] = "two numbers, as in 3.1",
	[IDS_CONTROL] = "three numbers, as in 3.1.2",
	[IDS_SLUG] = "lowercase a-z, 0-9 and -, as in cloud-firewall",
};

const char *ids_shape(enum ids_kind kind)
{
	return names_get(shapes, ARRAY_SIZE(shapes), (int)kind, "");
}

bool ids_under(const char *child, const char *parent)
{
	size_t n = strlen(parent);

	return !strncmp(child, parent, n) && child[n] == '.';
}
