/*
 * Where output goes: standard output, or a file that is replaced only once
 * the new content is complete and on disk (a temporary file beside it,
 * fsync, rename). A reader never sees half a report.
 */
#ifndef CRAF_OUTFILE_H
#define CRAF_OUTFILE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "strbuf.h"

struct outfile {
	char *path; /* NULL: standard output */
	char *tmp;
	int fd;
	int err;	  /* errno of the first failure, 0 if none */
	const char *what; /* the step that failed: "create" or "write" */
	/* A file is written by a thread of its own while the caller renders. */
	bool threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct strbuf pending; /* being written */
	bool busy, closing;
	off_t written, synced;
};

/* Opens path for writing, or standard output for NULL or "-". Returns 0 or -1 (see err). */
int outfile_open(struct outfile *o, const char *path);
/* Writes len bytes; returns 0 or -1. */
int outfile_write(struct outfile *o, const char *data, size_t len);
/*
 * Hands sb's bytes over to be written in the background and leaves sb
 * empty, possibly holding a buffer written earlier for reuse. Returns 0,
 * or -1 once any write has failed.
 */
int outfile_take(struct outfile *o, struct strbuf *sb);
/* Waits for every write, then puts the file in place. Returns 0 or -1; o is released. */
int outfile_commit(struct outfile *o);
/* Gives up: the temporary file is removed and the target left as it was. */
void outfile_abort(struct outfile *o);

#endif
