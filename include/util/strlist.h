/* A list of strings owned elsewhere (an arena), as the loaders fill them. */
#ifndef CRAF_STRLIST_H
#define CRAF_STRLIST_H

#include <stddef.h>

struct strlist {
	const char **items;
	size_t nr;
};

#endif
