/* Unit tests for diagnostics: what user text looks like in them, where the caret goes, and which
 * are kept. */
#define _GNU_SOURCE
#include "testutil.h"

#include "diag.h"
#include "strbuf.h"

struct visible_case {
	const char *in, *out;
};

static const struct visible_case visible_cases[] = {
	{"met", "met"},
	{"met\xe2\x80\x8b", "met<U+200B>"}, /* zero width space */
	{"\xe2\x80\xae"
	 "dem",
	 "<U+202E>dem"}, /* right-to-left override */
	{"a\xe2\x81\xa6"
	 "b\xe2\x81\xa9",
	 "a<U+2066>b<U+2069>"}, /* isolates */
	{"\xef\xbb\xbf"
	 "x",
	 "<U+FEFF>x"}, /* byte order mark inside text */
	{"soft\xc2\xad"
	 "hyphen",
	 "soft<U+00AD>hyphen"},
	{"no\xc2\xa0"
	 "break",
	 "no<U+00A0>break"},
	{"tag\xf3\xa0\x80\x81", "tag<U+E0001>"},
	{"met\n", "met\\n"}, /* a block scalar keeps its newline */
	{"a\tb\r", "a\\tb\\r"},
	{"\x1b[31mred", "^[[31mred"},
	{"\xc2\x9b"
	 "1m",
	 "<U+009B>1m"},
	{"\xe9", "<0xE9>"},
	{"\xe9\xa3\x8e\xe9\x99\xa9", "\xe9\xa3\x8e\xe9\x99\xa9"}, /* CJK is shown as it is */
	{"\xe3\x80\x80", "\xe3\x80\x80"},			  /* so is the ideographic space */
};

static void test_visible(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(visible_cases) / sizeof(visible_cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		diag_visible(&sb, visible_cases[i].in, strlen(visible_cases[i].in));
		if (strcmp(strbuf_str(&sb), visible_cases[i].out))
			fail_msg("case %zu: got \"%s\", expected \"%s\"", i, strbuf_str(&sb),
				 visible_cases[i].out);
		strbuf_release(&sb);
	}
}

struct print_case {
	const char *name;
	const char *excerpt;
	int col, span, excerpt_col;
	const char *note;
	const char *expect; /* everything after the first line */
};

static const struct print_case print_cases[] = {
	{"ascii", "status: bogus", 9, 5, 0, NULL, "    3 | status: bogus\n      |         ^~~~~\n"},
	/* CJK characters take two columns: the caret and underline count columns. */
	{"cjk before and under", "\xe9\xa3\x8e\xe9\x99\xa9: \xe6\x9c\xaa\xe6\xbb\xa1", 5, 2, 0,
	 NULL, "    3 | \xe9\xa3\x8e\xe9\x99\xa9: \xe6\x9c\xaa\xe6\xbb\xa1\n      |       ^~~~\n"},
	/* Shown as <U+200B>, the invisible character shifts what follows. */
	{"invisible before", "a\xe2\x80\x8b: bogus", 5, 5, 0, NULL,
	 "    3 | a<U+200B>: bogus\n      |            ^~~~~\n"},
	{"control character", "a\x1b: x", 5, 1, 0, NULL, "    3 | a^[: x\n      |      ^\n"},
	{"tab as one column", "\tkey: x", 7, 1, 0, NULL, "    3 |  key: x\n      |       ^\n"},
	/* A window of a long line: the caret follows excerpt_col, not col. */
	{"window", "\xe2\x80\xa6xxxx: bogus }", 671, 5, 8, NULL,
	 "    3 | \xe2\x80\xa6xxxx: bogus }\n      |        ^~~~~\n"},
	{"past the end", "---", 4, 1, 0, NULL, "    3 | ---\n      |    ^\n"},
	{"span past the end", "a: bogus", 4, 50, 0, NULL, "    3 | a: bogus\n      |    ^~~~~\n"},
	{"note", "x: *a", 4, 2, 0, "used through alias at 9:4",
	 "    3 | x: *a\n      |    ^~\n      = note: used through alias at 9:4\n"},
	{"no excerpt, note", NULL, 1, 1, 0, "used through alias at 9:4",
	 "      = note: used through alias at 9:4\n"},
};

static void test_print(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(print_cases) / sizeof(print_cases[0]); i++) {
		const struct print_case *c = &print_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		char *buf = NULL;
		size_t size = 0;
		FILE *out = open_memstream(&buf, &size);
		const char *rest;

		assert_non_null(out);
		diag_report(&dl, DIAG_ERROR, "t.yaml", 3, c->col, c->span, c->excerpt,
			    c->excerpt_col, c->note, "bad");
		diag_print(out, &dl.items[0], false);
		fclose(out);
		rest = strchr(buf, '\n') + 1;
		if (strncmp(buf, "t.yaml:3:", 9) || strcmp(rest, c->expect))
			fail_msg("case %s: got\n%s\nexpected\n%s", c->name, buf, c->expect);
		free(buf);
		diag_list_release(&dl);
	}
}

static void test_message_and_file_made_visible(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	char *buf = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&buf, &size);

	(void)state;
	diag_error(&dl, "a\x1b[2Jb.yaml", 1, 1, 1, NULL, "unknown status \"%s\"",
		   "met\xe2\x80\x8b\n");
	diag_print(out, &dl.items[0], false);
	fclose(out);
	assert_string_equal(buf, "a^[[2Jb.yaml:1:1: unknown status \"met<U+200B>\\n\"\n");
	free(buf);
	diag_list_release(&dl);
}

static void test_duplicates_kept_once(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;

	(void)state;
	diag_report(&dl, DIAG_ERROR, "t.yaml", 7, 30, 5, "x", 0, "used through alias at 8:1",
		    "unknown status");
	diag_report(&dl, DIAG_ERROR, "t.yaml", 7, 30, 5, "x", 0, "used through alias at 8:1",
		    "unknown status");
	assert_int_equal(dl.nr, 1);
	assert_int_equal(dl.errors, 1);
	/* Anything different is another diagnostic. */
	diag_report(&dl, DIAG_ERROR, "t.yaml", 7, 30, 5, "x", 0, NULL, "unknown status");
	diag_report(&dl, DIAG_ERROR, "t.yaml", 7, 31, 5, "x", 0, NULL, "unknown status");
	diag_report(&dl, DIAG_ERROR, "u.yaml", 7, 30, 5, "x", 0, NULL, "unknown status");
	diag_report(&dl, DIAG_WARNING, "t.yaml", 7, 30, 5, "x", 0, NULL, "unknown status");
	diag_report(&dl, DIAG_ERROR, "t.yaml", 7, 30, 5, "x", 0, NULL, "unknown level");
	assert_int_equal(dl.nr, 6);
	assert_int_equal(dl.errors, 5);
	diag_list_release(&dl);
}

static void test_error_limit(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;

	(void)state;
	for (int i = 0; i < DIAG_MAX_ERRORS; i++) {
		assert_false(diag_list_full(&dl));
		diag_error(&dl, "t.yaml", i + 1, 1, 1, NULL, "error %d", i);
	}
	assert_true(diag_list_full(&dl));
	diag_error(&dl, "t.yaml", 99, 1, 1, NULL, "dropped");
	assert_int_equal(dl.nr, DIAG_MAX_ERRORS);
	assert_int_equal(dl.errors, DIAG_MAX_ERRORS + 1);
	assert_int_equal(dl.dropped, 1);
	/* Warnings are still kept. */
	diag_warning(&dl, "t.yaml", 100, 1, 1, NULL, "kept");
	assert_int_equal(dl.nr, DIAG_MAX_ERRORS + 1);
	diag_list_release(&dl);
}

static void test_invisible(void **state)
{
	static const unsigned yes[] = {0xa0,   0xad,   0x200b, 0x200d, 0x200e,	0x202e,
				       0x2066, 0x2069, 0xfeff, 0xfe0f, 0xe0001, 0x180e};
	static const unsigned no[] = {'a', ' ', 0xe9, 0x3000, 0x4e2d, 0x2010, 0x1f600};

	(void)state;
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (!diag_invisible(yes[i]))
			fail_msg("U+%04X should count as invisible", yes[i]);
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (diag_invisible(no[i]))
			fail_msg("U+%04X should count as visible", no[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_print),
		cmocka_unit_test(test_message_and_file_made_visible),
		cmocka_unit_test(test_duplicates_kept_once),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_invisible),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
