/* arcfile: bundles written the same way every time, and unpacked without leaving their directory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "arcfile.h"

static void test_format_of(void **state)
{
	static const struct {
		const char *name;
		int ret;
		enum arcfile_format f;
	} cases[] = {
		{"a.tar.gz", 0, ARCFILE_TAR_GZ}, {"dir/a.tgz", 0, ARCFILE_TAR_GZ},
		{"a.zip", 0, ARCFILE_ZIP},	 {"a.tar", -1, ARCFILE_ZIP},
		{".zip", -1, ARCFILE_ZIP},	 {"a.gz", -1, ARCFILE_ZIP},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum arcfile_format f = ARCFILE_ZIP;

		assert_int_equal(arcfile_format_of(cases[i].name, &f), cases[i].ret);
		if (!cases[i].ret)
			assert_int_equal(f, cases[i].f);
	}
}

static char *write_tmp(const struct strbuf *data, const char *suffix)
{
	char *path = malloc(64);
	FILE *f;

	snprintf(path, 64, "/tmp/test_arcfile.%d%s", (int)getpid(), suffix);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data->buf, 1, data->len, f), data->len);
	fclose(f);
	return path;
}

static char *read_back(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 4096);

	assert_non_null(f);
	*len = fread(buf, 1, 4095, f);
	fclose(f);
	return buf;
}

/* Each format: the same entries give the same bytes, and unpack to the same contents. */
static void test_round_trip(void **state)
{
	static const struct arcfile_entry entries[] = {
		{"b/report.json", "{}\n", 3},
		{"b/files/docs/policy.txt", "policy\n", 7},
		{"b/files/empty", "", 0},
	};
	const enum arcfile_format formats[] = {ARCFILE_TAR_GZ, ARCFILE_ZIP};

	(void)state;
	for (size_t k = 0; k < 2; k++) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, err = STRBUF_INIT;
		char dir[] = "/tmp/test_arcfile.XXXXXX";
		char *path, *got, cmd[256];
		size_t len;

		assert_int_equal(arcfile_write(&a, formats[k], entries, 3, 1793491200, &err), 0);
		assert_int_equal(arcfile_write(&b, formats[k], entries, 3, 1793491200, &err), 0);
		assert_int_equal(a.len, b.len);
		assert_memory_equal(a.buf, b.buf, a.len);
		path = write_tmp(&a, k ? ".zip" : ".tar.gz");
		assert_non_null(mkdtemp(dir));
		assert_int_equal(arcfile_extract(path, dir, 1 << 20, &err), 0);
		snprintf(cmd, sizeof(cmd), "%s/b/files/docs/policy.txt", dir);
		got = read_back(cmd, &len);
		assert_int_equal(len, 7);
		assert_string_equal(got, "policy\n");
		free(got);
		snprintf(cmd, sizeof(cmd), "%s/b/files/empty", dir);
		got = read_back(cmd, &len);
		assert_int_equal(len, 0);
		free(got);
		/* Into a directory that already holds them: refused, nothing overwritten. */
		assert_int_equal(arcfile_extract(path, dir, 1 << 20, &err), -1);
		assert_non_null(strstr(err.buf, "is in the archive twice"));
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
		unlink(path);
		free(path);
		strbuf_release(&a);
		strbuf_release(&b);
		strbuf_release(&err);
	}
}

/* Names that would land outside the directory, and archives too large, are refused. */
static void test_refusals(void **state)
{
	static const struct {
		const char *name;
		unsigned long long max;
		const char *message;
	} cases[] = {
		{"../escape", 1 << 20, "entry \"../escape\" would unpack outside the bundle"},
		{"b/../../escape", 1 << 20,
		 "entry \"b/../../escape\" would unpack outside the bundle"},
		{"/etc/escape", 1 << 20, "entry \"/etc/escape\" would unpack outside the bundle"},
		{"b/big", 3, "the archive unpacks to more than 3 bytes"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct arcfile_entry e = {cases[i].name, "data\n", 5};
		struct strbuf a = STRBUF_INIT, err = STRBUF_INIT;
		char dir[] = "/tmp/test_arcfile.XXXXXX";
		char *path, cmd[128];

		assert_int_equal(arcfile_write(&a, ARCFILE_TAR_GZ, &e, 1, 0, &err), 0);
		path = write_tmp(&a, ".tar.gz");
		assert_non_null(mkdtemp(dir));
		assert_int_equal(arcfile_extract(path, dir, cases[i].max, &err), -1);
		assert_string_equal(err.buf, cases[i].message);
		assert_int_equal(access("/tmp/escape", F_OK), -1);
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		assert_int_equal(system(cmd), 0);
		unlink(path);
		free(path);
		strbuf_release(&a);
		strbuf_release(&err);
	}
}

static void test_not_an_archive(void **state)
{
	struct strbuf a = STRBUF_INIT, err = STRBUF_INIT;
	char dir[] = "/tmp/test_arcfile.XXXXXX";
	char *path;

	(void)state;
	strbuf_adds(&a, "just text\n");
	path = write_tmp(&a, ".tar.gz");
	assert_non_null(mkdtemp(dir));
	assert_int_equal(arcfile_extract(path, dir, 1 << 20, &err), -1);
	assert_true(err.len > 0);
	rmdir(dir);
	unlink(path);
	free(path);
	strbuf_release(&a);
	strbuf_release(&err);
}

/* Names that stay inside the directory, and those that would not. */
static void test_safe_name(void **state)
{
	static const struct {
		const char *name;
		bool safe;
	} cases[] = {
		{"report.json", true}, {"files/a b/policy.pdf", true},
		{"dir/", true},	       {"..a/b..", true},
		{"", false},	       {"/etc/passwd", false},
		{"../x", false},       {"a/../../x", false},
		{"a/./b", false},      {"a//b", false},
		{".", false},	       {"a/..", false},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (arcfile_safe_name(cases[i].name) != cases[i].safe)
			fail_msg("\"%s\": expected %s", cases[i].name,
				 cases[i].safe ? "safe" : "refused");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_of), cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refusals),  cmocka_unit_test(test_not_an_archive),
		cmocka_unit_test(test_safe_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
