/*
 * Test-only LD_PRELOAD library: makes the Nth allocation, and every one
 * after it, fail. CRAF_FAIL_ALLOC_AT=N arms it; unset, it changes nothing.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t nmemb, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);

static long limit = -2; /* -2: not read yet; -1: disarmed */
static long count;

static int fail_now(void)
{
	if (limit == -2) {
		const char *e = getenv("CRAF_FAIL_ALLOC_AT");

		limit = e && *e ? atol(e) : -1;
	}
	if (limit < 0)
		return 0;
	return ++count >= limit;
}

void *malloc(size_t size)
{
	if (fail_now()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(size);
}

void *calloc(size_t nmemb, size_t size)
{
	if (fail_now()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(nmemb, size);
}

void *realloc(void *ptr, size_t size)
{
	if (fail_now()) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(ptr, size);
}
