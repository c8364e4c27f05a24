/* Unit tests for the parallel and streaming paths: workers, atomic output files, drained JSON. */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#include "jsonw.h"
#include "outfile.h"
#include "strbuf.h"
#include "workers.h"

struct counts {
	atomic_int hits[1000];
};

static void count_job(void *arg, size_t i)
{
	struct counts *c = arg;

	atomic_fetch_add(&c->hits[i], 1);
}

/* Every job runs exactly once, whatever the thread count, including none to spare. */
static void test_workers_run_each_job_once(void **state)
{
	static const struct {
		const char *threads;
		size_t jobs;
	} cases[] = {
		{"1", 0}, {"1", 1}, {"1", 7}, {"2", 1}, {"2", 1000}, {"16", 3}, {"16", 1000},
	};
	static struct counts c;

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		setenv("CRAF_THREADS", cases[k].threads, 1);
		for (size_t i = 0; i < 1000; i++)
			atomic_store(&c.hits[i], 0);
		workers_run(cases[k].jobs, count_job, &c);
		for (size_t i = 0; i < 1000; i++)
			if (atomic_load(&c.hits[i]) != (i < cases[k].jobs ? 1 : 0))
				fail_msg("%s threads, %zu jobs: job %zu ran %d times",
					 cases[k].threads, cases[k].jobs, i,
					 atomic_load(&c.hits[i]));
	}
	unsetenv("CRAF_THREADS");
}

static void test_workers_count(void **state)
{
	static const struct {
		unsigned set;
		unsigned want; /* 0: the machine's count */
	} cases[] = {
		{1, 1}, {3, 3}, {16, 16}, {99, WORKERS_MAX}, {0, 0},
	};
	unsigned machine;

	(void)state;
	workers_set_count(0);
	machine = workers_count();
	assert_true(machine >= 1 && machine <= WORKERS_MAX);
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		workers_set_count(cases[k].set);
		assert_int_equal(workers_count(), cases[k].want ? cases[k].want : machine);
	}
	workers_set_count(0);
}

static char *read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static size_t count_entries(const char *dir)
{
	char cmd[256];
	FILE *p;
	size_t n = 0;
	int c;

	snprintf(cmd, sizeof(cmd), "ls -A %s", dir);
	p = popen(cmd, "r");
	assert_non_null(p);
	while ((c = fgetc(p)) != EOF)
		n += c == '\n';
	pclose(p);
	return n;
}

/* Pieces handed over in turn arrive in order; the target appears only on commit. */
static void test_outfile_commit_and_abort(void **state)
{
	char dir[] = "/tmp/craf-out-XXXXXX";
	char path[64];
	struct outfile o;
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	struct stat st;
	char *got;
	size_t len;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/report.json", dir);
	assert_int_equal(outfile_open(&o, path), 0);
	for (int i = 0; i < 2000; i++) {
		strbuf_addf(&sb, "piece %d ", i);
		strbuf_addf(&want, "piece %d ", i);
		if (i % 7 == 0)
			assert_int_equal(outfile_take(&o, &sb), 0);
		assert_int_equal(stat(path, &st), -1); /* not before commit */
	}
	assert_int_equal(outfile_write(&o, sb.buf, sb.len), 0);
	assert_int_equal(outfile_commit(&o), 0);
	got = read_all(path, &len);
	assert_non_null(got);
	assert_int_equal(len, want.len);
	assert_memory_equal(got, want.buf, len);
	free(got);
	assert_int_equal(count_entries(dir), 1); /* no temporary file left */

	/* An aborted replacement leaves the old file as it was. */
	assert_int_equal(outfile_open(&o, path), 0);
	assert_int_equal(outfile_write(&o, "new", 3), 0);
	outfile_abort(&o);
	got = read_all(path, &len);
	assert_int_equal(len, want.len);
	free(got);
	assert_int_equal(count_entries(dir), 1);

	unlink(path);
	rmdir(dir);
	strbuf_release(&sb);
	strbuf_release(&want);
}

static void test_outfile_errors(void **state)
{
	char dir[] = "/tmp/craf-out-XXXXXX";
	char path[64];
	struct outfile o;
	struct strbuf sb = STRBUF_INIT;
	struct rlimit old, small;
	void (*xfsz_ignored)(int);
	int ret = 0;

	(void)state;
	/* A directory that does not exist: nothing to create. */
	assert_int_equal(outfile_open(&o, "/nonexistent-craf-dir/report.json"), -1);
	assert_int_equal(o.err, ENOENT);
	assert_string_equal(o.what, "create");

	/* A write that fails part way (a 1 MiB file size limit): no file at all. */
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/report.json", dir);
	/* Ignored, the write fails with EFBIG; what was there before comes back after. */
	xfsz_ignored = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	small = (struct rlimit){1 << 20,
				old.rlim_max}; /* the soft limit only: it can be raised again */
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
	assert_int_equal(outfile_open(&o, path), 0);
	for (int i = 0; i < 64 && !ret; i++) {
		for (int k = 0; k < 4096; k++)
			strbuf_add(&sb, "0123456789abcdef", 16);
		ret = outfile_take(&o, &sb);
	}
	assert_int_equal(outfile_commit(&o), -1);
	assert_int_equal(o.err, EFBIG);
	assert_string_equal(o.what, "write");
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, xfsz_ignored);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(count_entries(dir), 0);
	rmdir(dir);
	strbuf_release(&sb);
}

/* Reads a FIFO to its end on a thread of its own, as `cat fifo > out &` would. */
struct fifo_reader {
	const char *path;
	struct strbuf got;
	pthread_t thread;
};

static void *read_fifo(void *arg)
{
	struct fifo_reader *r = arg;
	char buf[4096];
	ssize_t n;
	int fd = open(r->path, O_RDONLY);

	if (fd < 0)
		return NULL;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		strbuf_add(&r->got, buf, (size_t)n);
	close(fd);
	return NULL;
}

static void slurp(const char *path, struct strbuf *sb)
{
	size_t len;
	char *got = read_all(path, &len);

	assert_non_null(got);
	strbuf_add(sb, got, len);
	free(got);
}

/*
 * What -o names decides what is written: a regular file is replaced
 * keeping its mode, a link's target is replaced and the link kept, a FIFO
 * or device is written through and stays what it was.
 */
static void test_outfile_targets(void **state)
{
	enum setup {
		NEW,
		REGULAR_0600,
		LINK_TO_REGULAR,
		FIFO,
		LINK_TO_FIFO,
		DEVICE,
		LINK_TO_DEVICE
	};
	static const struct {
		enum setup setup;
		const char *name; /* given to outfile_open, in the test directory */
		enum outfile_kind kind;
		mode_t type;	  /* what the name is afterwards, without following links */
		bool use_scratch; /* written by name, as libxlsxwriter does */
	} cases[] = {
		{NEW, "new", OUTFILE_REPLACE, S_IFREG, false},
		{REGULAR_0600, "file", OUTFILE_REPLACE, S_IFREG, false},
		{REGULAR_0600, "file", OUTFILE_REPLACE, S_IFREG, true},
		{LINK_TO_REGULAR, "link", OUTFILE_REPLACE, S_IFLNK, false},
		{LINK_TO_REGULAR, "link", OUTFILE_REPLACE, S_IFLNK, true},
		{FIFO, "fifo", OUTFILE_DIRECT, S_IFIFO, false},
		{FIFO, "fifo", OUTFILE_DIRECT, S_IFIFO, true},
		{LINK_TO_FIFO, "link", OUTFILE_DIRECT, S_IFLNK, false},
		{DEVICE, "null", OUTFILE_DIRECT, S_IFCHR, false},
		{DEVICE, "null", OUTFILE_DIRECT, S_IFCHR, true},
		{LINK_TO_DEVICE, "link", OUTFILE_DIRECT, S_IFLNK, false},
	};
	static const char text[] = "the report\n";
	mode_t mask = umask(022);

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char dir[] = "/tmp/craf-out-XXXXXX";
		char path[96], file[96], fifo[96], null[96];
		struct fifo_reader reader = {fifo, STRBUF_INIT, 0};
		struct strbuf got = STRBUF_INIT;
		struct outfile o;
		struct stat st;
		bool reading = false;

		assert_non_null(mkdtemp(dir));
		snprintf(path, sizeof(path), "%s/%s", dir, cases[k].name);
		snprintf(file, sizeof(file), "%s/file", dir);
		snprintf(fifo, sizeof(fifo), "%s/fifo", dir);
		snprintf(null, sizeof(null), "%s/null", dir);
		switch (cases[k].setup) {
		case NEW:
			break;
		case REGULAR_0600:
		case LINK_TO_REGULAR: {
			int fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0600);

			assert_true(fd >= 0);
			assert_int_equal(write(fd, "old contents, longer than the new\n", 34), 34);
			close(fd);
			if (cases[k].setup == LINK_TO_REGULAR)
				assert_int_equal(symlink("file", path), 0);
			break;
		}
		case FIFO:
		case LINK_TO_FIFO:
			assert_int_equal(mkfifo(fifo, 0600), 0);
			if (cases[k].setup == LINK_TO_FIFO)
				assert_int_equal(symlink("fifo", path), 0);
			assert_int_equal(pthread_create(&reader.thread, NULL, read_fifo, &reader),
					 0);
			reading = true;
			break;
		case DEVICE:
		case LINK_TO_DEVICE:
			/* A private /dev/null: only root may make one. Never the real /dev. */
			if (mknod(null, S_IFCHR | 0666, makedev(1, 3))) {
				print_message("case %zu: mknod needs root, skipped (%s)\n", k,
					      strerror(errno));
				rmdir(dir);
				continue;
			}
			if (cases[k].setup == LINK_TO_DEVICE)
				assert_int_equal(symlink("null", path), 0);
			break;
		}
		assert_int_equal(outfile_open(&o, path), 0);
		assert_int_equal(o.kind, cases[k].kind);
		if (cases[k].use_scratch) {
			const char *scratch = outfile_scratch(&o, dir);
			FILE *f;

			assert_non_null(scratch);
			f = fopen(scratch, "wb");
			assert_non_null(f);
			fputs(text, f);
			assert_int_equal(fclose(f), 0);
		} else {
			assert_int_equal(outfile_write(&o, text, strlen(text)), 0);
		}
		assert_int_equal(outfile_commit(&o), 0);
		if (reading) {
			pthread_join(reader.thread, NULL);
			assert_string_equal(strbuf_str(&reader.got), text);
		}
		assert_int_equal(lstat(path, &st), 0);
		if ((st.st_mode & S_IFMT) != cases[k].type)
			fail_msg("case %zu: %s is now of type %o, not %o", k, cases[k].name,
				 st.st_mode & S_IFMT, cases[k].type);
		if (cases[k].setup == NEW || cases[k].setup == REGULAR_0600 ||
		    cases[k].setup == LINK_TO_REGULAR) {
			const char *real = cases[k].setup == NEW ? path : file;

			slurp(real, &got);
			assert_string_equal(strbuf_str(&got), text);
			assert_int_equal(stat(real, &st), 0);
			assert_int_equal(st.st_mode & 0777, cases[k].setup == NEW ? 0644 : 0600);
		}
		/* Nothing but what was there: no temporary file left. */
		assert_int_equal(count_entries(dir),
				 cases[k].setup == NEW ? 1
				 : cases[k].setup == LINK_TO_REGULAR ||
						 cases[k].setup == LINK_TO_FIFO ||
						 cases[k].setup == LINK_TO_DEVICE
					 ? 2
					 : 1);
		unlink(path);
		unlink(file);
		unlink(fifo);
		unlink(null);
		assert_int_equal(rmdir(dir), 0);
		strbuf_release(&got);
		strbuf_release(&reader.got);
	}
	umask(mask);
}

/* What cannot be written to is refused at open, before anything is made. */
static void test_outfile_refuses(void **state)
{
	static const struct {
		const char *setup; /* "dir", "dangling" */
		int err;
		const char *what;
	} cases[] = {
		{"dir", EISDIR, "write"},
		{"dangling", ENOENT, "follow the symbolic link"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char dir[] = "/tmp/craf-out-XXXXXX";
		char path[96];
		struct outfile o;

		assert_non_null(mkdtemp(dir));
		snprintf(path, sizeof(path), "%s/target", dir);
		if (!strcmp(cases[k].setup, "dir"))
			assert_int_equal(mkdir(path, 0700), 0);
		else
			assert_int_equal(symlink("nowhere", path), 0);
		assert_int_equal(outfile_open(&o, path), -1);
		assert_int_equal(o.err, cases[k].err);
		assert_string_equal(o.what, cases[k].what);
		assert_int_equal(count_entries(dir), 1);
		if (!strcmp(cases[k].setup, "dir"))
			rmdir(path);
		else
			unlink(path);
		rmdir(dir);
	}
}

/* /dev/fd/N and the like: the descriptor itself, not a file opened again by name. */
static void test_outfile_named_fd(void **state)
{
	static const char *const dirs[] = {"/dev/fd/", "/proc/self/fd/"};

	(void)state;
	for (size_t k = 0; k < sizeof(dirs) / sizeof(dirs[0]); k++) {
		char path[64], buf[64];
		struct outfile o;
		int p[2];
		ssize_t n;

		assert_int_equal(pipe(p), 0);
		snprintf(path, sizeof(path), "%s%d", dirs[k], p[1]);
		assert_int_equal(outfile_open(&o, path), 0);
		assert_int_equal(o.kind, OUTFILE_DIRECT);
		assert_int_equal(outfile_write(&o, "through", 7), 0);
		assert_int_equal(outfile_commit(&o), 0);
		close(p[1]);
		n = read(p[0], buf, sizeof(buf));
		assert_int_equal(n, 7);
		assert_memory_equal(buf, "through", 7);
		close(p[0]);
		/* A descriptor that is not open. */
		snprintf(path, sizeof(path), "%s%d", dirs[k], 987);
		assert_int_equal(outfile_open(&o, path), -1);
		assert_int_equal(o.err, EBADF);
	}
}

/* A child that exits without exec (a pager that failed to start) leaves the parent's files alone.
 */
static void test_outfile_child_leaves_temps(void **state)
{
	char dir[] = "/tmp/craf-out-XXXXXX";
	char path[96];
	struct strbuf got = STRBUF_INIT;
	struct outfile o;
	int status;
	pid_t pid;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/report.txt", dir);
	assert_int_equal(outfile_open(&o, path), 0);
	assert_int_equal(outfile_write(&o, "whole", 5), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid)
		exit(0); /* runs the atexit clean-up */
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(count_entries(dir), 1); /* the temporary file */
	assert_int_equal(outfile_commit(&o), 0);
	slurp(path, &got);
	assert_string_equal(strbuf_str(&got), "whole");
	unlink(path);
	rmdir(dir);
	strbuf_release(&got);
}

/*
 * A signal or exit() while a temporary file exists removes it; the signal
 * still ends the process, the old file is left as it was.
 */
static void test_outfile_cleanup_on_signal(void **state)
{
	static const struct {
		int sig; /* 0: exit(2) instead */
		bool use_scratch;
	} cases[] = {
		{SIGINT, false},  {SIGTERM, false}, {SIGHUP, false}, {SIGTERM, true},
		{SIGPIPE, false}, {SIGXFSZ, false}, {0, false},	     {0, true},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char dir[] = "/tmp/craf-out-XXXXXX";
		char path[96];
		struct strbuf got = STRBUF_INIT;
		int status, fd;
		pid_t pid;

		assert_non_null(mkdtemp(dir));
		snprintf(path, sizeof(path), "%s/report.json", dir);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, "old\n", 4), 4);
		close(fd);
		fflush(NULL);
		pid = fork();
		assert_true(pid >= 0);
		if (!pid) {
			struct outfile o;

			/* No write, so no writer thread: valgrind counts a live one's stack as
			 * lost. */
			if (outfile_open(&o, path))
				_exit(99);
			if (cases[k].use_scratch && !outfile_scratch(&o, dir))
				_exit(98);
			if (count_entries(dir) != (cases[k].use_scratch ? 3u : 2u))
				_exit(97); /* the temporaries are there, to be removed */
			if (cases[k].sig)
				kill(getpid(), cases[k].sig);
			else
				exit(2);
			_exit(96);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (cases[k].sig) {
			if (!WIFSIGNALED(status) || WTERMSIG(status) != cases[k].sig)
				fail_msg("signal %d: child status %#x", cases[k].sig, status);
		} else {
			assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 2);
		}
		assert_int_equal(count_entries(dir), 1);
		slurp(path, &got);
		assert_string_equal(strbuf_str(&got), "old\n");
		unlink(path);
		rmdir(dir);
		strbuf_release(&got);
	}
}

struct sink {
	struct strbuf got;
	size_t calls;
	size_t fail_at; /* 0: never */
};

static int collect(void *ctx, struct strbuf *buf)
{
	struct sink *s = ctx;

	s->calls++;
	if (s->fail_at && s->calls >= s->fail_at) {
		strbuf_reset(buf);
		return -1;
	}
	strbuf_add(&s->got, buf->buf, buf->len);
	strbuf_reset(buf);
	return 0;
}

static void write_doc(struct jsonw *w, int items)
{
	jsonw_object(w, NULL);
	jsonw_array(w, "items", false);
	for (int i = 0; i < items; i++) {
		jsonw_object(w, NULL);
		jsonw_int(w, "n", i);
		jsonw_str(w, "text", "a line of text with \"quotes\" and a \\ backslash");
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_end(w);
}

/* Drained in pieces, a document has the bytes it has when written whole. */
static void test_jsonw_drain(void **state)
{
	static const int sizes[] = {0, 1, 1000, 200000};
	(void)state;
	for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		struct strbuf whole = STRBUF_INIT, buf = STRBUF_INIT;
		struct sink s = {STRBUF_INIT, 0, 0};
		struct jsonw w;

		jsonw_init(&w, &whole);
		write_doc(&w, sizes[k]);
		assert_int_equal(jsonw_finish(&w), 0);
		jsonw_init_drain(&w, &buf, collect, &s);
		write_doc(&w, sizes[k]);
		assert_int_equal(jsonw_finish(&w), 0);
		assert_int_equal(s.got.len, whole.len);
		assert_memory_equal(s.got.buf, whole.buf, whole.len);
		assert_int_equal(buf.len, 0);
		/* Large documents go out in several pieces, each about JSONW_CHUNK. */
		assert_true(s.calls >= 1 + whole.len / (JSONW_CHUNK + 4096));
		strbuf_release(&whole);
		strbuf_release(&buf);
		strbuf_release(&s.got);
	}
	{
		/* A failed drain is reported, and the rest is not kept in memory. */
		struct strbuf buf = STRBUF_INIT;
		struct sink s = {STRBUF_INIT, 0, 2};
		struct jsonw w;

		jsonw_init_drain(&w, &buf, collect, &s);
		write_doc(&w, 400000);
		assert_true(buf.alloc <= 2 * JSONW_CHUNK);
		assert_int_equal(jsonw_finish(&w), -1);
		assert_int_equal(s.calls, 2);
		strbuf_release(&buf);
		strbuf_release(&s.got);
	}
}

int main(void)
{
	/* The signal cases expect each signal's default action, whatever this runs under
	 * (nohup ignores SIGHUP, and craf keeps an ignored signal ignored). */
	static const int defaults[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ};
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workers_run_each_job_once),
		cmocka_unit_test(test_workers_count),
		cmocka_unit_test(test_outfile_commit_and_abort),
		cmocka_unit_test(test_outfile_errors),
		cmocka_unit_test(test_outfile_targets),
		cmocka_unit_test(test_outfile_refuses),
		cmocka_unit_test(test_outfile_named_fd),
		cmocka_unit_test(test_outfile_cleanup_on_signal),
		cmocka_unit_test(test_outfile_child_leaves_temps),
		cmocka_unit_test(test_jsonw_drain),
	};

	for (size_t i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++)
		signal(defaults[i], SIG_DFL);

	return cmocka_run_group_tests(tests, NULL, NULL);
}
