/* Runs a batch of jobs on a few short-lived threads; nothing else in craf knows about threads. */
#define _GNU_SOURCE /* sched_getaffinity */
#include "workers.h"

#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <pthread.h>
#include <unistd.h>

static atomic_uint chosen_count;

void workers_set_count(unsigned n)
{
	atomic_store(&chosen_count, n > WORKERS_MAX ? WORKERS_MAX : n);
}

unsigned workers_count(void)
{
	unsigned chosen = atomic_load(&chosen_count);
	cpu_set_t set;
	long n;

	if (chosen)
		return chosen;
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		n = CPU_COUNT(&set);
	else
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > WORKERS_MAX ? WORKERS_MAX : (unsigned)n;
}

struct batch {
	void (*fn)(void *arg, size_t i);
	void *arg;
	size_t n;
	atomic_size_t next;
};

static void *drain(void *p)
{
	struct batch *b = p;
	size_t i;

	while ((i = atomic_fetch_add(&b->next, 1)) < b->n)
		b->fn(b->arg, i);
	return NULL;
}

void workers_run(size_t n, void (*fn)(void *arg, size_t i), void *arg)
{
	struct batch b = {fn, arg, n, 0};
	pthread_t threads[WORKERS_MAX - 1];
	size_t want = workers_count(), started = 0;

	if (want > n)
		want = n;
	while (started + 1 < want && !pthread_create(&threads[started], NULL, drain, &b))
		started++;
	drain(&b);
	for (size_t t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
}
