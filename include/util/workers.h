/* Independent jobs spread over the machine's cores: loading several large files at once. */
#ifndef CRAF_WORKERS_H
#define CRAF_WORKERS_H

#include <stddef.h>

/* More threads than this would only wait on memory bandwidth. */
#define WORKERS_MAX 16

/*
 * Sets how many threads craf uses, at most WORKERS_MAX (the command layer
 * passes CRAF_THREADS); 1 runs everything on the calling thread, 0 goes
 * back to one per CPU.
 */
void workers_set_count(unsigned n);
/* Threads craf uses: as set, else the CPUs the process may run on, at most WORKERS_MAX. */
unsigned workers_count(void);

/*
 * Calls fn(arg, i) once for every i below n, taking jobs in index order
 * on up to workers_count() threads (the caller's included), and returns
 * when all have returned. Put the longest jobs first. A thread that cannot
 * be started leaves its share to the others: the jobs always run.
 */
void workers_run(size_t n, void (*fn)(void *arg, size_t i), void *arg);

#endif
