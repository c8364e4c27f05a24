/* Unit tests for the YAML loader: structure, positions, and every refusal. */
#include "testutil.h"

#include "strbuf.h"
#include "term.h"
#include "yamldoc.h"

struct bad_case {
	const char *name;
	const char *input;
	size_t len; /* 0: strlen(input) */
	int line, col;
	const char *message;
};

static const struct bad_case bad_cases[] = {
	{"duplicate key", "a: 1\nb: 2\na: 3\n", 0, 3, 1, "duplicate key \"a\" (first at line 1)"},
	{"duplicate key, large mapping",
	 "k1: 1\nk2: 1\nk3: 1\nk4: 1\nk5: 1\nk6: 1\nk7: 1\nk8: 1\nk9: 1\nk2: 2\n", 0, 10, 1,
	 "duplicate key \"k2\" (first at line 2)"},
	{"duplicate nested key", "top:\n  x: 1\n  x: 2\n", 0, 3, 3, "duplicate key \"x\""},
	{"tab indentation", "a:\n\tb: 1\n", 0, 2, 1, "tab character in indentation"},
	{"syntax error", "a: [1, 2\nb: 3\n", 0, 0, 0, "did not find expected"},
	{"invalid utf-8", "a: ok\nb: caf\xe9\n", 0, 2, 7, "invalid UTF-8 (byte 0xe9)"},
	{"nul byte", "a: 1\nb: x\0y\n", 11, 2, 5, "NUL byte"},
	{"empty document", "# only a comment\n", 0, 1, 1, "file is empty"},
	{"two documents", "a: 1\n---\nb: 2\n", 0, 2, 1, "more than one YAML document"},
	{"recursive alias", "a: &x [1, *x]\n", 0, 1, 11, "refers to a node that contains it"},
	{"undefined alias", "a: *nope\n", 0, 0, 0, ""},
	{"complex key", "? [a, b]\n: 1\n", 0, 1, 3, "a mapping key must be a scalar"},
	{"custom tag", "a: !secret x\n", 0, 1, 4, "YAML tag \"!secret\" is not supported"},
	{"billion laughs",
	 "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	 "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	 "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	 "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	 "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	 "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
	 0, 0, 0, "aliases expand to more than"},
};

static void test_bad_inputs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		size_t len = c->len ? c->len : strlen(c->input);
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;
		int ret;

		ydoc_init(&doc);
		ret = ydoc_load_buffer(&doc, "t.yaml", c->input, len, &dl);
		if (ret != -1 || !tu_has_error(&dl, c->line, c->col, c->message)) {
			fprintf(stderr, "case '%s' failed (ret %d); got:\n", c->name, ret);
			tu_dump(&dl);
			fail();
		}
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
}

static void test_undefined_alias_is_a_syntax_error(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", "a: *nope\n", 9, &dl), -1);
	assert_true(dl.errors >= 1);
	assert_string_equal(dl.items[0].file, "t.yaml");
	assert_int_equal(dl.items[0].line, 1);
	ydoc_release(&doc);
	diag_list_release(&dl);
}

static void test_tree_and_positions(void **state)
{
	const char *src = "name: craf\nlist:\n  - one\n  - \"two\"\nmap: { k: v }\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;
	const struct ynode *list, *map;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), 0);
	assert_int_equal(doc.root->type, YNODE_MAPPING);
	assert_int_equal(doc.root->nr, 3);
	assert_string_equal(ynode_get(doc.root, "name")->str, "craf");
	list = ynode_get(doc.root, "list");
	assert_int_equal(list->type, YNODE_SEQUENCE);
	assert_int_equal(list->nr, 2);
	assert_int_equal(list->items[1]->line, 4);
	assert_int_equal(list->items[1]->col, 5);
	assert_int_equal(list->items[1]->span, 5);
	map = ynode_get(doc.root, "map");
	assert_string_equal(ynode_get(map, "k")->str, "v");
	assert_null(ynode_get(doc.root, "missing"));
	ydoc_release(&doc);
	diag_list_release(&dl);
}

static void test_bom_and_crlf_accepted(void **state)
{
	const char *src = "\xef\xbb\xbf"
			  "a: 1\r\nb: two\r\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), 0);
	assert_string_equal(ynode_get(doc.root, "b")->str, "two");
	assert_int_equal(ynode_get(doc.root, "b")->line, 2);
	ydoc_release(&doc);
	diag_list_release(&dl);
}

static void test_aliases_share_nodes(void **state)
{
	const char *src = "base: &e [\"doc A\", \"doc B\"]\nother: *e\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), 0);
	/* The alias is a copy placed where it is used, sharing the items. */
	assert_ptr_equal(ynode_get(doc.root, "base")->items, ynode_get(doc.root, "other")->items);
	assert_int_equal(ynode_get(doc.root, "other")->line, 2);
	assert_int_equal(ynode_get(doc.root, "other")->col, 8);
	ydoc_release(&doc);
	diag_list_release(&dl);
}

static void test_depth_limit(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	for (int i = 0; i < 10000; i++)
		strbuf_addc(&sb, '[');
	for (int i = 0; i < 10000; i++)
		strbuf_addc(&sb, ']');
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", sb.buf, sb.len, &dl), -1);
	assert_true(tu_has_error(&dl, 1, YDOC_MAX_DEPTH + 1, "nesting deeper than"));
	ydoc_release(&doc);
	diag_list_release(&dl);
	strbuf_release(&sb);
}

struct kind_case {
	const char *scalar;
	enum yscalar_kind kind;
};

static const struct kind_case kind_cases[] = {
	{"text", YSCALAR_STRING},
	{"\"123\"", YSCALAR_STRING},
	{"123", YSCALAR_INT},
	{"-7", YSCALAR_INT},
	{"0x1F", YSCALAR_INT},
	{"1.5", YSCALAR_FLOAT},
	{"1e3", YSCALAR_FLOAT},
	{".inf", YSCALAR_FLOAT},
	{"yes", YSCALAR_BOOL},
	{"False", YSCALAR_BOOL},
	{"~", YSCALAR_NULL},
	{"null", YSCALAR_NULL},
	{"2026-11-01", YSCALAR_STRING},
	{"1.2.1", YSCALAR_STRING},
	{"'yes'", YSCALAR_STRING},
	{"!!str 12", YSCALAR_STRING},
};

static void test_scalar_kinds(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(kind_cases) / sizeof(kind_cases[0]); i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct strbuf sb = STRBUF_INIT;
		struct ydoc doc;

		strbuf_addf(&sb, "v: %s\n", kind_cases[i].scalar);
		ydoc_init(&doc);
		assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", sb.buf, sb.len, &dl), 0);
		if (ynode_get(doc.root, "v")->kind != kind_cases[i].kind) {
			fprintf(stderr, "scalar %s: kind %d, expected %d\n", kind_cases[i].scalar,
				ynode_get(doc.root, "v")->kind, kind_cases[i].kind);
			fail();
		}
		ydoc_release(&doc);
		diag_list_release(&dl);
		strbuf_release(&sb);
	}
}

static void test_file_errors(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;
	char *empty = tu_write_temp("", 0);

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_file(&doc, "/nonexistent/answers.yaml", &dl), -1);
	assert_true(tu_has_error(&dl, 1, 1, "cannot open file: No such file or directory"));
	assert_string_equal(dl.items[0].file, "/nonexistent/answers.yaml");
	assert_int_equal(ydoc_load_file(&doc, "/tmp", &dl), -1);
	assert_true(tu_has_error(&dl, 1, 1, "is a directory"));
	assert_int_equal(ydoc_load_file(&doc, "/dev/null", &dl), -1);
	assert_true(tu_has_error(&dl, 1, 1, "not a regular file"));
	assert_int_equal(ydoc_load_file(&doc, empty, &dl), -1);
	assert_true(tu_has_error(&dl, 1, 1, "file is empty"));
	ydoc_release(&doc);
	diag_list_release(&dl);
	tu_remove(empty);
}

/* Standard input: any descriptor read to its end, under the name given. */
static void test_read_fd(void **state)
{
	static const struct {
		const char *input;
		size_t max_bytes;
		int ret;
		const char *message;
	} cases[] = {
		{"a: 1\nb: [x\n", 0, 0, NULL},
		{"", 0, -1, "file is empty"},
		{"a: 1234567890\n", 8, -1, "file is larger than"},
		{"a: caf\xe9\n", 0, -1, "invalid UTF-8"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;
		int p[2];

		assert_int_equal(pipe(p), 0);
		assert_int_equal(write(p[1], cases[i].input, strlen(cases[i].input)),
				 (ssize_t)strlen(cases[i].input));
		close(p[1]);
		ydoc_init(&doc);
		doc.max_bytes = cases[i].max_bytes;
		assert_int_equal(ydoc_read_fd(&doc, "<stdin>", p[0], &dl), cases[i].ret);
		close(p[0]);
		assert_string_equal(doc.name, "<stdin>");
		if (cases[i].message) {
			assert_true(tu_has_error(&dl, 1, 0, cases[i].message));
			assert_string_equal(dl.items[0].file, "<stdin>");
		} else {
			assert_int_equal(doc.len, strlen(cases[i].input));
			assert_memory_equal(doc.data, cases[i].input, doc.len);
			/* Parsed like a file: the syntax error is placed in <stdin>. */
			assert_int_equal(ydoc_parse_yaml(&doc, &dl), -1);
			assert_string_equal(dl.items[0].file, "<stdin>");
		}
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
}

static void test_excerpt_in_diagnostics(void **state)
{
	const char *src = "a: 1\nkey: value\nkey: again\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), -1);
	assert_int_equal(dl.nr, 1);
	assert_string_equal(dl.items[0].excerpt, "key: again");
	assert_int_equal(dl.items[0].span, 3);
	ydoc_release(&doc);
	diag_list_release(&dl);
}

/* The character at 1-based column col of an excerpt. */
static const char *excerpt_at(const char *s, int col)
{
	for (int c = 1; c < col && *s; c++) {
		unsigned cp;

		s += term_utf8_decode(s, strlen(s), &cp);
	}
	return s;
}

static void test_excerpt_window(void **state)
{
	struct strbuf src = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;
	const struct diag *d;

	(void)state;
	/* A duplicate key at column 671 of a long line. */
	strbuf_adds(&src, "m: {k: \"");
	for (int i = 0; i < 655; i++)
		strbuf_addc(&src, 'x');
	strbuf_adds(&src, "\", k: 1, z: 2}\n");
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src.buf, src.len, &dl), -1);
	assert_int_equal(dl.nr, 1);
	d = &dl.items[0];
	assert_int_equal(d->col, 667);
	/* Cut on both sides, and the caret on the key, not on unrelated text. */
	assert_memory_equal(d->excerpt, "\xe2\x80\xa6", 3);
	assert_true(strlen(d->excerpt) < 120);
	assert_memory_equal(excerpt_at(d->excerpt, d->excerpt_col), "k: 1", 4);
	assert_true(term_width(d->excerpt) <= DIAG_EXCERPT_WIDTH);
	ydoc_release(&doc);
	diag_list_release(&dl);

	/* CJK text: cut between characters, never inside one. */
	strbuf_reset(&src);
	strbuf_adds(&src, "m: {k: \"");
	for (int i = 0; i < 400; i++)
		strbuf_adds(&src, "\xe9\xa3\x8e");
	strbuf_adds(&src, "\", k: 1, z: \"");
	for (int i = 0; i < 400; i++)
		strbuf_adds(&src, "\xe9\x99\xa9");
	strbuf_adds(&src, "\"}\n");
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src.buf, src.len, &dl), -1);
	d = &dl.items[0];
	assert_int_equal(d->col, 412);
	for (const char *p = d->excerpt; *p;) {
		unsigned cp;
		size_t k = term_utf8_decode(p, strlen(p), &cp);

		assert_true(cp != 0xfffd);
		p += k;
	}
	assert_memory_equal(excerpt_at(d->excerpt, d->excerpt_col), "k: 1", 4);
	assert_true(term_width(d->excerpt) <= DIAG_EXCERPT_WIDTH);
	assert_string_equal(d->excerpt + strlen(d->excerpt) - 3, "\xe2\x80\xa6");
	ydoc_release(&doc);
	diag_list_release(&dl);
	strbuf_release(&src);
}

/* Errors at the end of a file are placed on its last line, not on one past it. */
static void test_position_inside_file(void **state)
{
	static const char *const srcs[] = {"---\n", "---", "a: [1,\n"};
	static const int lines[] = {1, 1, 1};
	static const int cols[] = {4, 4, 7};

	(void)state;
	for (size_t i = 0; i < sizeof(srcs) / sizeof(srcs[0]); i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;

		ydoc_init(&doc);
		if (!ydoc_load_buffer(&doc, "t.yaml", srcs[i], strlen(srcs[i]), &dl))
			ydoc_error(&doc, &dl, doc.root, "expected a mapping");
		if (dl.nr < 1 || dl.items[0].line != lines[i] || dl.items[0].col != cols[i]) {
			tu_dump(&dl);
			fail_msg("case %zu: expected %d:%d", i, lines[i], cols[i]);
		}
		assert_non_null(dl.items[0].excerpt);
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
}

/* An error under an anchor is one error, however many aliases use it. */
static void test_error_under_aliases(void **state)
{
	const char *src = "a: &x {k: bad}\nb: *x\nc: *x\nd: *x\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;
	const char *const keys[] = {"a", "b", "c", "d"};

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), 0);
	for (size_t i = 0; i < 4; i++)
		ydoc_error(&doc, &dl, ynode_get(ynode_get(doc.root, keys[i]), "k"), "unknown status");
	assert_int_equal(dl.nr, 1);
	assert_int_equal(dl.errors, 1);
	assert_int_equal(dl.items[0].line, 1);
	assert_int_equal(dl.items[0].col, 11);
	assert_string_equal(dl.items[0].note, "used through aliases at 2:4, 3:4, 4:4");
	/* An error on the alias itself is at the alias, with no note. */
	ydoc_error(&doc, &dl, ynode_get(doc.root, "c"), "missing key");
	assert_int_equal(dl.items[1].line, 3);
	assert_null(dl.items[1].note);
	ydoc_release(&doc);
	diag_list_release(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_undefined_alias_is_a_syntax_error),
		cmocka_unit_test(test_tree_and_positions),
		cmocka_unit_test(test_bom_and_crlf_accepted),
		cmocka_unit_test(test_aliases_share_nodes),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_scalar_kinds),
		cmocka_unit_test(test_file_errors),
		cmocka_unit_test(test_read_fd),
		cmocka_unit_test(test_excerpt_in_diagnostics),
		cmocka_unit_test(test_excerpt_window),
		cmocka_unit_test(test_position_inside_file),
		cmocka_unit_test(test_error_under_aliases),
	};

	return cmocka_run_group_tests_name("yamldoc", tests, NULL, NULL);
}
