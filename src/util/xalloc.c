/* Allocation wrappers that turn failure into one clean exit. */
#define _DEFAULT_SOURCE /* madvise */
#include "xalloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "exitcode.h"

_Noreturn void xalloc_die(void)
{
	static atomic_flag dying = ATOMIC_FLAG_INIT;

	/* Two loading threads may run out at once; exit() must run only once. */
	if (atomic_flag_test_and_set(&dying))
		for (;;)
			pause();
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

#define HUGE_PAGE ((size_t)2 << 20)

void *xmalloc_large(size_t *size)
{
	void *p;

	if (*size < HUGE_PAGE)
		return xmalloc(*size);
	if (*size > SIZE_MAX - HUGE_PAGE)
		xalloc_die();
	*size = (*size + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	p = aligned_alloc(HUGE_PAGE, *size);
	if (!p)
		xalloc_die();
#ifdef MADV_HUGEPAGE
	madvise(p, *size, MADV_HUGEPAGE);
#endif
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
