/*
 * Test-only LD_PRELOAD library: makes the Nth allocation, and every one
 * after it, fail. CRAF_FAIL_ALLOC_AT=N arms it; unset, it changes nothing.
 * It disarms once craf exits (exit(), or main returning): what runs then is
 * not craf's, and gcov's counters in a coverage build need memory to be saved.
 */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <dlfcn.h>
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
static int paused; /* looking up the real functions: not craf's allocations */

static int fail_now(void)
{
	if (limit == -2) {
		const char *e = getenv("CRAF_FAIL_ALLOC_AT");

		limit = e && *e ? atol(e) : -1;
	}
	if (limit < 0 || paused)
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

/* Interposed: craf's exit (xalloc_die's) ends the sweep's interest in allocations. */
_Noreturn void exit(int status)
{
	void (*real_exit)(int);

	limit = -1;
	real_exit = (void (*)(int))dlsym(RTLD_NEXT, "exit");
	real_exit(status);
	_Exit(status); /* not reached */
}

typedef int (*main_fn)(int, char **, char **);
static main_fn real_main;

static int disarming_main(int argc, char **argv, char **envp)
{
	int status = real_main(argc, argv, envp);

	limit = -1;
	return status;
}

/* Interposed to run main through disarming_main: the return from main exits too. */
int __libc_start_main(main_fn main, int argc, char **argv, void (*init)(void), void (*fini)(void),
		      void (*rtld_fini)(void), void *stack_end)
{
	int (*real)(main_fn, int, char **, void (*)(void), void (*)(void), void (*)(void), void *);

	paused = 1;
	real = (int (*)(main_fn, int, char **, void (*)(void), void (*)(void), void (*)(void),
			void *))dlsym(RTLD_NEXT, "__libc_start_main");
	paused = 0;
	real_main = main;
	return real(disarming_main, argc, argv, init, fini, rtld_fini, stack_end);
}
