/* Allocation wrappers that turn failure into one clean exit. */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"

_Noreturn void xalloc_die(void)
{
	fputs("craf: out of memory\n", stderr);
	exit(CRAF_EXIT_ERROR);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		xalloc_die();
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		xalloc_die();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		xalloc_die();
	return p;
}

void *xgrow(void *ptr, size_t *alloc, size_t need, size_t size)
{
	size_t n;

	if (need <= *alloc)
		return ptr;
	n = *alloc ? *alloc : 8;
	while (n < need) {
		if (n > SIZE_MAX / 2)
			xalloc_die();
		n *= 2;
	}
	if (n > SIZE_MAX / size)
		xalloc_die();
	ptr = xrealloc(ptr, n * size);
	*alloc = n;
	return ptr;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
