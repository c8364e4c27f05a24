/* Atomic output files, written by a background thread so disk time overlaps rendering. */
#define _GNU_SOURCE /* sync_file_range */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

/* Writeback is started every this many bytes, so the final fsync has little left to wait for. */
#define SYNC_EVERY ((off_t)8 << 20)

static int fail(struct outfile *o, const char *what, int err)
{
	if (!o->err) {
		o->err = err;
		o->what = what;
	}
	return -1;
}

static int write_all(struct outfile *o, const char *data, size_t len)
{
	if (!o->path) {
		if (len && fwrite(data, 1, len, stdout) != len)
			return fail(o, "write", errno ? errno : EIO);
		return 0;
	}
	while (len) {
		ssize_t n = write(o->fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(o, "write", errno);
		data += n;
		len -= (size_t)n;
		o->written += n;
	}
#ifdef SYNC_FILE_RANGE_WRITE
	if (o->written - o->synced >= SYNC_EVERY) {
		sync_file_range(o->fd, o->synced, o->written - o->synced, SYNC_FILE_RANGE_WRITE);
		o->synced = o->written;
	}
#endif
	return 0;
}

static void *writer(void *arg)
{
	struct outfile *o = arg;

	pthread_mutex_lock(&o->lock);
	for (;;) {
		while (!o->busy && !o->closing)
			pthread_cond_wait(&o->cond, &o->lock);
		if (!o->busy)
			break;
		pthread_mutex_unlock(&o->lock);
		/* Only this thread touches pending and the file while busy. */
		if (!o->err)
			write_all(o, o->pending.buf, o->pending.len);
		strbuf_reset(&o->pending);
		pthread_mutex_lock(&o->lock);
		o->busy = false;
		pthread_cond_broadcast(&o->cond);
	}
	pthread_mutex_unlock(&o->lock);
	return NULL;
}

static void release(struct outfile *o)
{
	strbuf_release(&o->pending);
	free(o->path);
	free(o->tmp);
	o->path = o->tmp = NULL;
	o->fd = -1;
}

int outfile_open(struct outfile *o, const char *path)
{
	const char *slash;
	struct strbuf tmp = STRBUF_INIT;

	memset(o, 0, sizeof(*o));
	o->fd = -1;
	if (!path || !strcmp(path, "-"))
		return 0;
	o->path = xstrdup(path);
	slash = strrchr(path, '/');
	if (slash)
		strbuf_add(&tmp, path, (size_t)(slash - path + 1));
	strbuf_addf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : path);
	o->tmp = strbuf_detach(&tmp);
	o->fd = mkstemp(o->tmp);
	if (o->fd < 0) {
		fail(o, "create", errno);
		release(o);
		return -1;
	}
	{
		/* mkstemp makes 0600; give the report the usual permissions. */
		mode_t mask = umask(0);

		umask(mask);
		fchmod(o->fd, 0666 & ~mask);
	}
	pthread_mutex_init(&o->lock, NULL);
	pthread_cond_init(&o->cond, NULL);
	o->threaded = !pthread_create(&o->thread, NULL, writer, o);
	return 0;
}

int outfile_write(struct outfile *o, const char *data, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	int ret;

	if (!o->threaded)
		return o->err ? -1 : write_all(o, data, len);
	strbuf_add(&sb, data, len);
	ret = outfile_take(o, &sb);
	strbuf_release(&sb);
	return ret;
}

int outfile_take(struct outfile *o, struct strbuf *sb)
{
	struct strbuf spare;
	int ret;

	if (!o->threaded) {
		ret = o->err ? -1 : write_all(o, sb->buf ? sb->buf : "", sb->len);
		strbuf_reset(sb);
		return ret;
	}
	pthread_mutex_lock(&o->lock);
	while (o->busy)
		pthread_cond_wait(&o->cond, &o->lock);
	ret = o->err ? -1 : 0;
	if (!ret) {
		/* Swap buffers: the caller fills the one just written. */
		spare = o->pending;
		o->pending = *sb;
		*sb = spare;
		o->busy = true;
		pthread_cond_broadcast(&o->cond);
	}
	pthread_mutex_unlock(&o->lock);
	strbuf_reset(sb);
	return ret;
}

/* Stops the writer thread once it has written everything handed to it. */
static void finish_writer(struct outfile *o)
{
	if (!o->threaded)
		return;
	pthread_mutex_lock(&o->lock);
	o->closing = true;
	pthread_cond_broadcast(&o->cond);
	pthread_mutex_unlock(&o->lock);
	pthread_join(o->thread, NULL);
	pthread_mutex_destroy(&o->lock);
	pthread_cond_destroy(&o->cond);
	o->threaded = false;
}

int outfile_commit(struct outfile *o)
{
	int ret;

	finish_writer(o);
	if (!o->path) {
		if (!o->err && (fflush(stdout) || ferror(stdout)))
			fail(o, "write", errno ? errno : EIO);
		ret = o->err ? -1 : 0;
		release(o);
		return ret;
	}
	if (!o->err && fsync(o->fd))
		fail(o, "write", errno);
	if (close(o->fd) && !o->err)
		fail(o, "write", errno);
	o->fd = -1;
	if (!o->err && rename(o->tmp, o->path))
		fail(o, "write", errno);
	if (o->err)
		unlink(o->tmp);
	ret = o->err ? -1 : 0;
	release(o);
	return ret;
}

void outfile_abort(struct outfile *o)
{
	finish_writer(o);
	if (o->path) {
		if (o->fd >= 0)
			close(o->fd);
		unlink(o->tmp);
	}
	release(o);
}
