/* The one output writer: atomic replacement, devices written through, temporaries never left. */
#define _GNU_SOURCE /* sync_file_range, realpath */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

/* Writeback is started every this many bytes, so the final fsync has little left to wait for. */
#define SYNC_EVERY ((off_t)8 << 20)

/*
 * Temporary files to remove if a signal or exit() ends craf before they
 * are renamed or removed. The handler may run at any moment, so, as in
 * git's tempfile.c, it only reads a fixed table of pointers that are set
 * and cleared atomically: no lock, no allocation.
 */
#define MAX_TEMPS 8
static char *_Atomic temps[MAX_TEMPS];
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGXFSZ};
#define NSIGNALS (sizeof(cleanup_signals) / sizeof(cleanup_signals[0]))
static struct sigaction previous[NSIGNALS];
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
/* A child forked before it execs (a pager) inherits the table, not the files. */
static volatile pid_t temps_owner;

static void remove_temps(void)
{
	if (getpid() != temps_owner)
		return;
	for (size_t i = 0; i < MAX_TEMPS; i++) {
		char *p = atomic_load(&temps[i]);

		if (p)
			unlink(p);
	}
}

/* Removes the temporaries, then lets the signal do what it did before (usually end craf). */
static void on_signal(int sig)
{
	int saved = errno;

	remove_temps();
	for (size_t i = 0; i < NSIGNALS; i++)
		if (cleanup_signals[i] == sig)
			sigaction(sig, &previous[i], NULL);
	raise(sig); /* blocked until this handler returns */
	errno = saved;
}

static void install_cleanup(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++) {
		if (sigaction(cleanup_signals[i], NULL, &previous[i]))
			continue;
		/* A signal ignored when craf started (nohup, a background job) stays ignored. */
		if (!(previous[i].sa_flags & SA_SIGINFO) && previous[i].sa_handler == SIG_IGN)
			continue;
		sigaction(cleanup_signals[i], &sa, NULL);
	}
	atexit(remove_temps);
}

/*
 * Creates a temporary file from name (ending in XXXXXX, filled in) and
 * lists it for removal, with the signals blocked so that no moment exists
 * when the file is there but unlisted. Returns its descriptor, or -1.
 */
static int make_temp(char *name)
{
	sigset_t block, old;
	size_t i;
	int fd = -1, err = EMFILE;

	pthread_once(&install_once, install_cleanup);
	sigemptyset(&block);
	for (i = 0; i < NSIGNALS; i++)
		sigaddset(&block, cleanup_signals[i]);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	temps_owner = getpid();
	for (i = 0; i < MAX_TEMPS; i++) {
		char *expected = NULL;

		if (atomic_compare_exchange_strong(&temps[i], &expected, name))
			break;
	}
	if (i < MAX_TEMPS) {
		fd = mkostemp(name, O_CLOEXEC);
		err = errno;
		if (fd < 0)
			atomic_store(&temps[i], NULL);
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = err;
	return fd;
}

/* Takes name off the list, once it is renamed or removed (before it is freed). */
static void forget_temp(char *name)
{
	for (size_t i = 0; name && i < MAX_TEMPS; i++) {
		char *expected = name;

		atomic_compare_exchange_strong(&temps[i], &expected, NULL);
	}
}

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
	if (o->kind == OUTFILE_STDOUT) {
		errno = 0;
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
	if (o->kind == OUTFILE_REPLACE && o->written - o->synced >= SYNC_EVERY) {
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

/* Started by the first write, so an output that a library writes by name has no thread. */
static void start_writer(struct outfile *o)
{
	if (o->threaded || o->thread_tried || o->kind == OUTFILE_STDOUT)
		return;
	o->thread_tried = true;
	pthread_mutex_init(&o->lock, NULL);
	pthread_cond_init(&o->cond, NULL);
	o->threaded = !pthread_create(&o->thread, NULL, writer, o);
	if (!o->threaded) {
		pthread_mutex_destroy(&o->lock);
		pthread_cond_destroy(&o->cond);
	}
}

static void release(struct outfile *o)
{
	strbuf_release(&o->pending);
	free(o->path);
	free(o->tmp);
	free(o->scratch);
	o->path = o->tmp = o->scratch = NULL;
	o->fd = -1;
}

/* The new file gets the old one's permission bits, and its owner and group where allowed. */
static int keep_mode(struct outfile *o, const struct stat *old)
{
	mode_t mode;

	if (old) {
		/* Root can give the file back to its owner; others keep the group if theirs. */
		if (fchown(o->fd, geteuid() == 0 ? old->st_uid : (uid_t)-1, old->st_gid)) {
			/* not allowed: the file stays ours */
		}
		mode = old->st_mode & 0777;
	} else {
		/* mkstemp makes 0600; a new report gets the usual permissions. */
		mode_t mask = umask(0);

		umask(mask);
		mode = 0666 & ~mask;
	}
	return fchmod(o->fd, mode) ? fail(o, "create", errno) : 0;
}

/* A regular file (or none yet) at path: write a temporary file beside it, rename on commit. */
static int open_replace(struct outfile *o, const char *path, const struct stat *old)
{
	struct strbuf tmp = STRBUF_INIT;
	const char *slash;

	o->kind = OUTFILE_REPLACE;
	/* Through a symbolic link, the file it names is replaced, not the link. */
	o->path = old ? realpath(path, NULL) : xstrdup(path);
	if (!o->path)
		return fail(o, "write", errno);
	if (old) {
		struct stat now;

		/* The file stat saw must be the one the link leads to now, or a swap got between.
		 */
		if (lstat(o->path, &now) || !S_ISREG(now.st_mode) || now.st_dev != old->st_dev ||
		    now.st_ino != old->st_ino)
			return fail(o, "write", EAGAIN);
	}
	slash = strrchr(o->path, '/');
	if (slash)
		strbuf_add(&tmp, o->path, (size_t)(slash - o->path + 1));
	strbuf_addf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : o->path);
	o->tmp = strbuf_detach(&tmp);
	o->fd = make_temp(o->tmp);
	if (o->fd < 0) {
		fail(o, "create", errno);
		free(o->tmp); /* not ours: nothing to remove */
		o->tmp = NULL;
		return -1;
	}
	return keep_mode(o, old);
}

/* A device or FIFO: opened as it is (never created, truncated or replaced) and written through. */
static int open_direct(struct outfile *o, const char *path)
{
	struct stat st;

	o->kind = OUTFILE_DIRECT;
	o->path = xstrdup(path);
	o->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (o->fd < 0)
		return fail(o, "open", errno);
	/* Replaced by a regular file since it was looked at: writing would overwrite it in place.
	 */
	if (fstat(o->fd, &st) || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
		return fail(o, "open", EAGAIN);
	return 0;
}

/*
 * /dev/stdout, /dev/fd/N and /proc/self/fd/N name a descriptor craf already
 * has; returns N, or -1 for any other name.
 */
static int named_fd(const char *path)
{
	static const char *const dirs[] = {"/dev/fd/", "/proc/self/fd/"};

	if (!strcmp(path, "/dev/stdout"))
		return STDOUT_FILENO;
	if (!strcmp(path, "/dev/stderr"))
		return STDERR_FILENO;
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		const char *p = path + strlen(dirs[i]);

		if (strncmp(path, dirs[i], strlen(dirs[i])) || !*p || strlen(p) > 9 ||
		    strspn(p, "0123456789") != strlen(p))
			continue;
		return atoi(p);
	}
	return -1;
}

/*
 * Written through a copy of the descriptor, as the shell opened it: reopening
 * the name would lose `>>` (appending) and replacing would lose the file.
 */
static int open_named_fd(struct outfile *o, const char *path, int fd)
{
	o->kind = OUTFILE_DIRECT;
	o->path = xstrdup(path);
	o->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (o->fd < 0)
		return fail(o, "write", errno);
	return 0;
}

static void close_fd(struct outfile *o)
{
	if (o->fd >= 0 && o->kind != OUTFILE_STDOUT && close(o->fd) && !o->err)
		fail(o, "write", errno);
	o->fd = -1;
}

/* Removes what an open that failed part way made. */
static int open_failed(struct outfile *o)
{
	int err = o->err;
	const char *what = o->what;

	outfile_abort(o);
	o->err = err;
	o->what = what;
	return -1;
}

int outfile_open(struct outfile *o, const char *path)
{
	struct stat st;

	memset(o, 0, sizeof(*o));
	o->fd = -1;
	if (!path || !strcmp(path, "-")) {
		o->kind = OUTFILE_STDOUT;
		/* Closed, its number would go to the next file opened, and output with it. */
		if (fcntl(STDOUT_FILENO, F_GETFD) < 0)
			return fail(o, "write", errno);
		return 0;
	}
	if (named_fd(path) >= 0)
		return open_named_fd(o, path, named_fd(path)) ? open_failed(o) : 0;
	if (!stat(path, &st)) {
		if (S_ISDIR(st.st_mode))
			return fail(o, "write", EISDIR);
		if (S_ISREG(st.st_mode))
			return open_replace(o, path, &st) ? open_failed(o) : 0;
		return open_direct(o, path) ? open_failed(o) : 0;
	}
	if (errno != ENOENT)
		return fail(o, "write", errno);
	/* A dangling symbolic link: creating what it points to could be anywhere. */
	if (!lstat(path, &st))
		return fail(o, "follow the symbolic link", ENOENT);
	return open_replace(o, path, NULL) ? open_failed(o) : 0;
}

int outfile_write(struct outfile *o, const char *data, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	int ret;

	start_writer(o);
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

	start_writer(o);
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

const char *outfile_scratch(struct outfile *o, const char *tmpdir)
{
	struct strbuf name = STRBUF_INIT;
	int fd;

	if (o->err)
		return NULL;
	strbuf_addf(&name, "%s/craf-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	o->scratch = strbuf_detach(&name);
	fd = make_temp(o->scratch);
	if (fd < 0) {
		fail(o, "create a temporary file for", errno);
		free(o->scratch);
		o->scratch = NULL;
		return NULL;
	}
	close(fd);
	return o->scratch;
}

/* The library's file becomes the output, through the same checked writes as any other. */
static void copy_scratch(struct outfile *o)
{
	char buf[65536];
	int fd = open(o->scratch, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		fail(o, "read back the temporary file for", errno);
		return;
	}
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			fail(o, "read back the temporary file for", errno);
		if (n <= 0 || write_all(o, buf, (size_t)n))
			break;
	}
	close(fd);
}

static void drop_scratch(struct outfile *o)
{
	if (!o->scratch)
		return;
	unlink(o->scratch);
	forget_temp(o->scratch);
	free(o->scratch);
	o->scratch = NULL;
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
	struct stat st;
	int ret;

	finish_writer(o);
	if (o->scratch && !o->err)
		copy_scratch(o);
	drop_scratch(o);
	switch (o->kind) {
	case OUTFILE_STDOUT:
		errno = 0;
		if (!o->err && (fflush(stdout) || ferror(stdout)))
			fail(o, "write", errno ? errno : EIO);
		break;
	case OUTFILE_DIRECT:
		/* Only a block device keeps data that fsync can push; a FIFO or tty refuses it. */
		if (!o->err && !fstat(o->fd, &st) && S_ISBLK(st.st_mode) && fsync(o->fd))
			fail(o, "write", errno);
		close_fd(o);
		break;
	case OUTFILE_REPLACE:
		if (!o->err && fsync(o->fd))
			fail(o, "write", errno);
		close_fd(o);
		if (!o->err && rename(o->tmp, o->path))
			fail(o, "write", errno);
		if (o->err)
			unlink(o->tmp);
		forget_temp(o->tmp);
		break;
	}
	ret = o->err ? -1 : 0;
	release(o);
	return ret;
}

void outfile_abort(struct outfile *o)
{
	finish_writer(o);
	drop_scratch(o);
	if (o->kind != OUTFILE_STDOUT && o->fd >= 0)
		close(o->fd);
	if (o->tmp) {
		unlink(o->tmp);
		forget_temp(o->tmp);
	}
	release(o);
}
