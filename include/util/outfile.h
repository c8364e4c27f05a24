/*
 * Where output goes: standard output, or a file that is replaced only once
 * the new content is complete and on disk (a temporary file beside it,
 * fsync, rename). A reader never sees half a report.
 *
 * What -o names decides how it is written:
 *   - nothing yet, or a regular file: replaced atomically, keeping the
 *     permission bits (and, where allowed, the owner and group) of the old;
 *   - a symbolic link to a regular file: the file it points to is replaced,
 *     the link stays;
 *   - a character or block device, a FIFO (or a link to one): opened and
 *     written through, never replaced or truncated;
 *   - /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: that descriptor,
 *     written as it is (so `>>` still appends);
 *   - a directory, a socket, a dangling link: an error.
 * Temporary files are removed if a signal (INT, TERM, HUP, QUIT, PIPE,
 * XFSZ) or exit() ends the process before they are put in place.
 */
#ifndef CRAF_OUTFILE_H
#define CRAF_OUTFILE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "strbuf.h"

enum outfile_kind {
	OUTFILE_STDOUT,	 /* written with stdio to standard output */
	OUTFILE_REPLACE, /* a temporary file renamed over path */
	OUTFILE_DIRECT,	 /* a device or FIFO, written through */
};

struct outfile {
	enum outfile_kind kind;
	char *path;    /* the file written (symbolic links resolved); NULL: standard output */
	char *tmp;     /* OUTFILE_REPLACE: the temporary file renamed over path */
	char *scratch; /* a file a library wrote by name: copied out on commit */
	int fd;
	int err;	  /* errno of the first failure, 0 if none */
	const char *what; /* the step that failed: "create", "open", "write", ... */
	/* A file is written by a thread of its own while the caller renders. */
	bool threaded, thread_tried;
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
/*
 * For a library that writes only to a file name (libxlsxwriter): creates
 * an empty temporary file in tmpdir and returns its name. Whatever is in it
 * at outfile_commit becomes the output (nothing else may be written to o);
 * it is removed on commit, abort or a signal. NULL on failure (see err).
 */
const char *outfile_scratch(struct outfile *o, const char *tmpdir);
/* Waits for every write, then puts the file in place. Returns 0 or -1; o is released. */
int outfile_commit(struct outfile *o);
/* Gives up: temporary files are removed and the target left as it was. */
void outfile_abort(struct outfile *o);

#endif
