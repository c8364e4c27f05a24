/* subproc: a program run directly, its exit status and output kept; a missing one said so. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "subproc.h"

extern char **environ;

static void test_runs(void **state)
{
	static const struct {
		const char *argv[6];
		const char *stdin_path;
		int ret, status, err;
		const char *out, *err_text;
	} cases[] = {
		/* Arguments reach it as they are: no shell splits or expands them. */
		{{"/bin/echo", "a b", "$HOME", "*", NULL}, NULL, 0, 0, 0, "a b $HOME *\n", ""},
		{{"/bin/false", NULL}, NULL, 0, 1, 0, "", ""},
		{{"/bin/cat", NULL}, "/dev/null", 0, 0, 0, "", ""},
		{{"/bin/ls", "/nonexistent-craf-test", NULL}, NULL, 0, 2, 0, "", NULL},
		{{"/nonexistent/ssh-keygen", NULL}, NULL, -1, -1, ENOENT, "", ""},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct subproc_result r;

		subproc_result_init(&r);
		assert_int_equal(subproc_run(cases[i].argv, environ, cases[i].stdin_path, &r),
				 cases[i].ret);
		assert_int_equal(r.status, cases[i].status);
		assert_int_equal(r.err, cases[i].err);
		assert_string_equal(r.out.len ? r.out.buf : "", cases[i].out);
		if (cases[i].err_text)
			assert_string_equal(r.err_text.len ? r.err_text.buf : "",
					    cases[i].err_text);
		else
			assert_true(r.err_text.len > 0);
		subproc_result_release(&r);
	}
}

/* Standard input comes from the file named. */
static void test_stdin(void **state)
{
	const char *argv[] = {"/usr/bin/head", "-c", "5", NULL};
	struct subproc_result r;

	(void)state;
	subproc_result_init(&r);
	assert_int_equal(subproc_run(argv, environ, "/etc/passwd", &r), 0);
	assert_int_equal(r.status, 0);
	assert_int_equal(r.out.len, 5);
	assert_memory_equal(r.out.buf, "root:", 5);
	subproc_result_release(&r);
}

/* The program sees the environment it is given, and nothing else. */
static void test_environment(void **state)
{
	const char *argv[] = {"/usr/bin/env", NULL};
	char *const envp[] = {"CRAF_SUBPROC_TEST=given", NULL};
	struct subproc_result r;

	(void)state;
	subproc_result_init(&r);
	assert_int_equal(subproc_run(argv, envp, NULL, &r), 0);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out.buf, "CRAF_SUBPROC_TEST=given\n");
	subproc_result_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runs),
		cmocka_unit_test(test_stdin),
		cmocka_unit_test(test_environment),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
