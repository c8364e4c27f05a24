/* Checked allocation: craf treats running out of memory as fatal. */
#ifndef CRAF_XALLOC_H
#define CRAF_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of nmemb elements of size bytes to hold at least need. */
void *xgrow(void *ptr, size_t *alloc, size_t need, size_t size);
/*
 * For buffers of megabytes (file contents, arena blocks): *size is rounded
 * up to a whole number of huge pages, which the kernel is asked to use, so
 * that filling them costs a few page faults instead of thousands. Freed
 * with free().
 */
void *xmalloc_large(size_t *size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Called when an allocation fails; prints "out of memory" and exits 2. */
_Noreturn void xalloc_die(void);

#endif
