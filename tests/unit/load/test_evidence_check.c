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
#include "testutil.h"

static char dir[] = "/tmp/test_evcheck.XXXXXX";

static void put(const char *name, const char *text)
{
	tu_put_file(dir, name, text);
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

/* An answers file that cannot be read, or reads as nothing: the reason is told. */
static void test_answers_files(void **state)
{
	static const struct {
		const char *path; /* relative: in the test directory */
		bool keep_data;
		enum evcheck_state want;
		const char *why;
	} cases[] = {
		{"absent.yaml", false, EVCHECK_MISSING, "No such file or directory"},
		{"/dev/null", false, EVCHECK_MISSING, "not a regular file"},
		/* A regular file whose reading fails: at offset 0 no memory is mapped. */
		{"/proc/self/mem", false, EVCHECK_MISSING, "Input/output error"},
		{"/proc/self/mem", true, EVCHECK_MISSING, "Input/output error"},
		{"empty.yaml", true, EVCHECK_OK, NULL},
		{"empty.yaml", false, EVCHECK_OK, NULL},
	};
	char empty_sha[65];

	(void)state;
	put("empty.yaml", "");
	digest_of("", empty_sha);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct result r;
		struct result_file answers;
		struct evcheck ec;
		char path[256];

		result_init(&r);
		if (cases[i].path[0] == '/')
			snprintf(path, sizeof(path), "%s", cases[i].path);
		else
			snprintf(path, sizeof(path), "%s/%s", dir, cases[i].path);
		answers = (struct result_file){path, 0, empty_sha};
		r.answers_files = &answers;
		r.nanswers_files = 1;
		evcheck_run(&ec, &r, NULL, cases[i].keep_data);
		assert_int_equal(ec.nr, 1);
		assert_int_equal(ec.items[0].state, cases[i].want);
		assert_string_equal(ec.items[0].location, path);
		if (cases[i].why)
			assert_non_null(strstr(ec.items[0].why, cases[i].why));
		else
			assert_null(ec.items[0].why);
		if (cases[i].want == EVCHECK_OK && cases[i].keep_data) {
			assert_non_null(ec.items[0].data);
			assert_int_equal(ec.items[0].len, 0);
		}
		evcheck_release(&ec);
		r.answers_files = NULL;
		result_release(&r);
	}
}

/* Runs evcheck over nf evidence files cited by one control, beside answers (NULL: none). */
static void run_evidence(struct evcheck *ec, const char *answers, const char *root,
			 struct evidence_file *files, size_t nf)
{
	struct result r;
	struct result_control control;
	char sha[65];
	struct result_file af = {answers, 8, sha};

	digest_of("answers\n", sha);
	result_init(&r);
	memset(&control, 0, sizeof(control));
	if (answers) {
		r.answers_files = &af;
		r.nanswers_files = 1;
	}
	control.nlevels = 1;
	control.levels[0].files.items = files;
	control.levels[0].files.nr = nf;
	r.controls = &control;
	r.ncontrols = 1;
	r.summary.evidence_files = nf;
	evcheck_run(ec, &r, root, false);
	r.answers_files = NULL;
	r.controls = NULL;
	result_release(&r);
}

static void pin(struct evidence_file *ef, const char *path, const char *text)
{
	memset(ef, 0, sizeof(*ef));
	ef->path = path;
	ef->size = strlen(text);
	digest_of(text, ef->sha256);
}

/* Where evidence is looked for, and what counts as outside the directory. */
static void test_evidence_places(void **state)
{
	struct evidence_file files[20];
	char names[20][32], answers[256], link[256], sibling[256], target[300], abs[300];
	char *under_root;
	struct evcheck ec;

	(void)state;
	snprintf(answers, sizeof(answers), "%s/answers.yaml", dir);
	put("answers.yaml", "answers\n");
	put("docs/same.txt", "policy\n");

	/* Twenty files: more than the first allocation holds. */
	for (int i = 0; i < 20; i++) {
		snprintf(names[i], sizeof(names[i]), "docs/f%02d.txt", i);
		put(names[i], names[i]);
		pin(&files[i], names[i], names[i]);
	}
	run_evidence(&ec, answers, NULL, files, 20);
	assert_int_equal(ec.nr, 21);
	assert_true(evcheck_all_ok(&ec));
	evcheck_release(&ec);

	/* One path cited with two digests: both are checked. */
	pin(&files[0], "docs/same.txt", "policy\n");
	pin(&files[1], "docs/same.txt", "policy v2\n");
	run_evidence(&ec, answers, NULL, files, 2);
	assert_int_equal(ec.nr, 3);
	assert_int_equal(ec.items[1].state, EVCHECK_OK);
	assert_int_equal(ec.items[2].state, EVCHECK_CHANGED);
	evcheck_release(&ec);

	/* The answers file's directory is gone: its evidence cannot be found either. */
	run_evidence(&ec, "/nonexistent-craf-dir/answers.yaml", NULL, files, 1);
	assert_int_equal(ec.nr, 2);
	assert_int_equal(ec.items[0].state, EVCHECK_MISSING);
	assert_int_equal(ec.items[1].state, EVCHECK_MISSING);
	assert_string_equal(ec.items[1].location, "/nonexistent-craf-dir/docs/same.txt");
	assert_non_null(strstr(ec.items[1].why, "No such file or directory"));
	evcheck_release(&ec);

	/* --root /: every path under it is inside. */
	under_root = dir + 1;
	snprintf(abs, sizeof(abs), "%s/docs/same.txt", under_root);
	pin(&files[0], abs, "policy\n");
	run_evidence(&ec, answers, "/", files, 1);
	assert_int_equal(ec.nr, 2);
	assert_int_equal(ec.items[1].state, EVCHECK_OK);
	evcheck_release(&ec);

	/* A link to a directory whose name starts with this one's is still outside it. */
	snprintf(sibling, sizeof(sibling), "%s-sibling", dir);
	assert_int_equal(mkdir(sibling, 0700), 0);
	snprintf(target, sizeof(target), "%s/policy.txt", sibling);
	{
		FILE *f = fopen(target, "w");

		assert_non_null(f);
		fputs("policy\n", f);
		fclose(f);
	}
	snprintf(link, sizeof(link), "%s/docs/sibling.txt", dir);
	assert_int_equal(symlink(target, link), 0);
	pin(&files[0], "docs/sibling.txt", "policy\n");
	run_evidence(&ec, answers, NULL, files, 1);
	assert_int_equal(ec.items[1].state, EVCHECK_MISSING);
	assert_non_null(strstr(ec.items[1].why, "outside"));
	assert_non_null(strstr(ec.items[1].why, "-sibling/policy.txt"));
	evcheck_release(&ec);
	unlink(target);
	rmdir(sibling);

	/* No answers file recorded: evidence reads from the current directory, as written. */
	snprintf(abs, sizeof(abs), "%s/docs/same.txt", dir);
	pin(&files[0], abs, "policy\n");
	run_evidence(&ec, NULL, NULL, files, 1);
	assert_int_equal(ec.nr, 1);
	assert_string_equal(ec.items[0].location, abs);
	assert_int_equal(ec.items[0].state, EVCHECK_MISSING);
	assert_non_null(strstr(ec.items[0].why, "outside ."));
	evcheck_release(&ec);

	/* Standard input with --root: looked for by that name in root, and not there. */
	pin(&files[0], "docs/same.txt", "policy\n");
	run_evidence(&ec, "<stdin>", dir, files, 1);
	assert_int_equal(ec.items[0].state, EVCHECK_MISSING);
	assert_non_null(strstr(ec.items[0].location, "/<stdin>"));
	assert_int_equal(ec.items[1].state, EVCHECK_OK);
	evcheck_release(&ec);

	/* Standard input without --root: not looked for, and the reason says what to do. */
	run_evidence(&ec, "<stdin>", NULL, files, 0);
	assert_int_equal(ec.items[0].state, EVCHECK_MISSING);
	assert_string_equal(ec.items[0].why, "read from standard input (give --root DIR)");
	evcheck_release(&ec);
}

/* A craf-report/1 report pins its one answers file by digest, with no size. */
static void test_v1_report(void **state)
{
	struct result r;
	struct evcheck ec;
	char answers[256], sha[65];

	(void)state;
	put("answers.yaml", "answers\n");
	snprintf(answers, sizeof(answers), "%s/answers.yaml", dir);
	for (int same = 0; same < 2; same++) {
		result_init(&r);
		digest_of(same ? "answers\n" : "answers!\n", sha);
		r.answers_path = answers;
		r.answers_sha256 = sha;
		evcheck_run(&ec, &r, NULL, false);
		assert_int_equal(ec.nr, 1);
		assert_true(ec.items[0].answers);
		assert_int_equal(ec.items[0].state, same ? EVCHECK_OK : EVCHECK_CHANGED);
		evcheck_release(&ec);
		r.answers_path = r.answers_sha256 = NULL;
		result_release(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_answers_files),
		cmocka_unit_test(test_evidence_places),
		cmocka_unit_test(test_v1_report),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
