/* Unit tests for the parallel and streaming paths: workers, atomic output files, drained JSON. */
#include "testutil.h"

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/resource.h>
#include <sys/stat.h>

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
		const char *env;
		unsigned want; /* 0: the machine's count */
	} cases[] = {
		{"1", 1}, {"3", 3},  {"16", 16}, {"99", WORKERS_MAX},
		{"0", 0}, {"-2", 0}, {"x", 0},	 {"", 0},
	};
	unsigned machine;

	(void)state;
	unsetenv("CRAF_THREADS");
	machine = workers_count();
	assert_true(machine >= 1 && machine <= WORKERS_MAX);
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		setenv("CRAF_THREADS", cases[k].env, 1);
		assert_int_equal(workers_count(), cases[k].want ? cases[k].want : machine);
	}
	unsetenv("CRAF_THREADS");
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
	int ret = 0;

	(void)state;
	/* A directory that does not exist: nothing to create. */
	assert_int_equal(outfile_open(&o, "/nonexistent-craf-dir/report.json"), -1);
	assert_int_equal(o.err, ENOENT);
	assert_string_equal(o.what, "create");

	/* A write that fails part way (a 1 MiB file size limit): no file at all. */
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/report.json", dir);
	signal(SIGXFSZ, SIG_IGN);
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
	signal(SIGXFSZ, SIG_DFL);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(count_entries(dir), 0);
	rmdir(dir);
	strbuf_release(&sb);
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
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_workers_run_each_job_once),
		cmocka_unit_test(test_workers_count),
		cmocka_unit_test(test_outfile_commit_and_abort),
		cmocka_unit_test(test_outfile_errors),
		cmocka_unit_test(test_jsonw_drain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
