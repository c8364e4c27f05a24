/* evidence_check: each pinned file found, hashed and compared; links out of the directory refused.
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

#include <sys/stat.h>

#include "digest.h"
#include "evidence_check.h"
#include "result.h"

static char dir[] = "/tmp/test_evcheck.XXXXXX";

static void put(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	char path[256];

	(void)state;
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof(path), "%s/docs", dir);
	if (mkdir(path, 0700))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static void digest_of(const char *text, char hex[65])
{
	struct digest d;

	digest_init(&d);
	digest_update(&d, text, strlen(text));
	digest_final_hex(&d, hex);
}

/* One answers file and the evidence files under rows; the state each should be found in. */
static void test_states(void **state)
{
	static const struct {
		const char *name;
		const char *on_disk; /* NULL: absent; "@link": a link to /etc/hostname */
		const char *pinned;  /* what the report recorded */
		enum evcheck_state want;
		const char *why;
	} cases[] = {
		{"docs/same.txt", "policy\n", "policy\n", EVCHECK_OK, NULL},
		{"docs/byte.txt", "policy!\n", "policy\n", EVCHECK_CHANGED, NULL},
		{"docs/same-size.txt", "polic4\n", "policy\n", EVCHECK_CHANGED, NULL},
		{"docs/gone.txt", NULL, "policy\n", EVCHECK_MISSING, "No such file or directory"},
		{"docs/link.txt", "@link", "policy\n", EVCHECK_MISSING,
		 "resolves to /etc/hostname"},
		{"docs", NULL, "policy\n", EVCHECK_MISSING, "a directory"},
	};
	const size_t n = sizeof(cases) / sizeof(cases[0]);
	struct result r;
	struct evidence_file files[sizeof(cases) / sizeof(cases[0])];
	struct result_control control;
	struct result_file answers;
	char answers_path[256], answers_sha[65];
	struct evcheck ec;

	(void)state;
	result_init(&r);
	memset(&control, 0, sizeof(control));
	memset(files, 0, sizeof(files));
	put("answers.yaml", "answers\n");
	digest_of("answers\n", answers_sha);
	snprintf(answers_path, sizeof(answers_path), "%s/answers.yaml", dir);
	answers = (struct result_file){answers_path, 8, answers_sha};
	r.answers_files = &answers;
	r.nanswers_files = 1;
	for (size_t i = 0; i < n; i++) {
		files[i].path = cases[i].name;
		files[i].size = strlen(cases[i].pinned);
		digest_of(cases[i].pinned, files[i].sha256);
		if (cases[i].on_disk && !strcmp(cases[i].on_disk, "@link")) {
			char link[256];

			snprintf(link, sizeof(link), "%s/%s", dir, cases[i].name);
			assert_int_equal(symlink("/etc/hostname", link), 0);
		} else if (cases[i].on_disk) {
			put(cases[i].name, cases[i].on_disk);
		}
	}
	control.nlevels = 1;
	control.levels[0].files.items = files;
	control.levels[0].files.nr = n;
	r.controls = &control;
	r.ncontrols = 1;
	r.summary.evidence_files = n;
	evcheck_run(&ec, &r, NULL, false);
	assert_int_equal(ec.nr, n + 1);
	assert_true(ec.items[0].answers);
	assert_int_equal(ec.items[0].state, EVCHECK_OK);
	for (size_t i = 0; i < n; i++) {
		const struct evcheck_item *it = &ec.items[i + 1];

		assert_false(it->answers);
		assert_string_equal(it->path, cases[i].name);
		assert_int_equal(it->state, cases[i].want);
		if (cases[i].why)
			assert_non_null(strstr(it->why, cases[i].why));
	}
	assert_false(evcheck_all_ok(&ec));
	evcheck_release(&ec);
	/* --root: the answers file by its name in root, the evidence under root. */
	evcheck_run(&ec, &r, dir, true);
	assert_int_equal(ec.items[0].state, EVCHECK_OK);
	assert_int_equal(ec.items[0].len, 8);
	assert_memory_equal(ec.items[0].data, "answers\n", 8);
	assert_int_equal(ec.items[1].state, EVCHECK_OK);
	assert_memory_equal(ec.items[1].data, "policy\n", 7);
	evcheck_release(&ec);
	/* The same file cited twice is checked once. */
	files[1] = files[0];
	evcheck_run(&ec, &r, NULL, false);
	assert_int_equal(ec.nr, n);
	evcheck_release(&ec);
	r.answers_files = NULL;
	r.controls = NULL;
	result_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_states),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
