/* Audit bundles as tar.gz or zip archives, through libarchive (the only module that calls it). */
#ifndef CRAF_ARCFILE_H
#define CRAF_ARCFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "strbuf.h"

enum arcfile_format { ARCFILE_TAR_GZ, ARCFILE_ZIP };

/* The format a file name asks for: .tar.gz or .tgz, .zip. Returns 0, or -1 for any other. */
int arcfile_format_of(const char *path, enum arcfile_format *out);

struct arcfile_entry {
	const char *name; /* relative, / between directories */
	const char *data;
	size_t len;
};

/*
 * Appends an archive of the n entries, in the order given, to out: each a
 * regular file of mode 0644 owned by 0:0 and dated mtime, so the same
 * entries and mtime give the same bytes. Returns 0, or -1 with the reason
 * in err.
 */
int arcfile_write(struct strbuf *out, enum arcfile_format f, const struct arcfile_entry *e,
		  size_t n, time_t mtime, struct strbuf *err);

/*
 * Unpacks the archive at path (tar, compressed or not, or zip) into dir,
 * an empty directory: regular files and directories only, each name
 * relative and never climbing out with "..", at most max_bytes in all.
 * Anything else (a link, a device, a name given twice) refuses the
 * archive. Returns 0, or -1 with the reason in err.
 */
int arcfile_extract(const char *path, const char *dir, unsigned long long max_bytes,
		    struct strbuf *err);
/*
 * Whether name stays inside the directory it is taken in: relative, with no
 * empty, "." or ".." part (a trailing / is a directory's).
 */
bool arcfile_safe_name(const char *name);

#endif
