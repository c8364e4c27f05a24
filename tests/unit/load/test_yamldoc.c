/* Unit tests for the YAML loader: structure, positions, and every refusal. */
#include "testutil.h"

#include <fcntl.h>

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
	{"nul byte among ASCII", "a: 1\nb: x\0yyyyyyyyyyyyyyy\n", 27, 2, 5, "NUL byte"},
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
	/* Lines end where libyaml ends them: CR alone, CRLF, NEL, LS and PS too. */
	{"lines ended by CR alone", "a: 1\rb: 2\ra: 3\r", 0, 3, 1, "duplicate key \"a\""},
	{"CR at the very end", "a: 1\nb: 2\na: [3\r", 0, 3, 6,
	 "did not find expected ',' or ']' (while parsing a flow sequence at line 3, column 4)"},
	{"lines ended by CRLF", "a: 1\r\nb: 2\r\na: 3\r\n", 0, 3, 1, "duplicate key \"a\""},
	{"lines ended by NEL",
	 "a: 1\xc2\x85"
	 "a: 2\n",
	 0, 2, 1, "duplicate key \"a\""},
	{"line separator, and a dash that is not one",
	 "a: 1\xe2\x80\xa8"
	 "b: \xe2\x80\x93\na: 2\n",
	 0, 3, 1, "duplicate key \"a\""},
	{"paragraph separator, and a cent sign",
	 "a: \xc2\xa2\xe2\x80\xa9"
	 "a: 2\n",
	 0, 2, 1, "duplicate key \"a\""},
	{"syntax error at the end of a line", "a: {b\n", 0, 1, 6,
	 "did not find expected ',' or '}' (while parsing a flow mapping at line 1, column 4)"},
	{"anchor without a name", "a: &\nb: 1\n", 0, 1, 5,
	 "did not find expected alphabetic or numeric character (while scanning an anchor at line 1, column 4)"},
	{"repeated directive", "%YAML 1.1\n%YAML 1.1\n---\na\n", 0, 2, 1,
	 "found duplicate %YAML directive"},
	{"control character", "a: 1\nb: \x01\n", 0, 2, 4, "control characters are not allowed"},
	{"merge key", "a: &x {k: 1}\nb:\n  <<: *x\n", 0, 3, 3,
	 "YAML merge keys (<<) are not supported: write the keys out"},
	{"NUL escaped in a scalar", "a: \"x\\0y\"\n", 0, 1, 4, "NUL character in a scalar"},
	{"string tag on a mapping", "v: !!str {a: 1}\n", 0, 1, 4,
	 "YAML tag \"tag:yaml.org,2002:str\" is not supported"},
	{"list tag on a mapping", "v: !!seq {a: 1}\n", 0, 1, 4,
	 "YAML tag \"tag:yaml.org,2002:seq\" is not supported"},
	{"duplicate key on one line, large mapping",
	 "{k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k1: 0}\n", 0, 1, 58,
	 "duplicate key \"k1\" (first at line 1)"},
	{"duplicate key among prefixes, large mapping",
	 "abc: 1\nab: 2\na: 3\nb: 4\nba: 5\nc: 6\nd: 7\ne: 8\nab: 9\n", 0, 9, 1,
	 "duplicate key \"ab\" (first at line 2)"},
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
	{"+5", YSCALAR_INT},
	{"0o17", YSCALAR_INT},
	{"0o19", YSCALAR_STRING},
	{"0x1G", YSCALAR_STRING},
	{"0x", YSCALAR_STRING},
	{"0b1", YSCALAR_STRING},
	{"1e5.5", YSCALAR_STRING},
	{"1_000", YSCALAR_INT},
	{"_1", YSCALAR_STRING},
	{"1.2.3", YSCALAR_STRING},
	{"1.5e3.2", YSCALAR_STRING},
	{"e5", YSCALAR_STRING},
	{"1e5e3", YSCALAR_STRING},
	{"1e-5", YSCALAR_FLOAT},
	{"2E+3", YSCALAR_FLOAT},
	{"3e", YSCALAR_STRING},
	{".5", YSCALAR_FLOAT},
	{".", YSCALAR_STRING},
	{"-.inf", YSCALAR_FLOAT},
	{".Inf", YSCALAR_FLOAT},
	{".INF", YSCALAR_FLOAT},
	{".nan", YSCALAR_FLOAT},
	{".NaN", YSCALAR_FLOAT},
	{".NAN", YSCALAR_FLOAT},
	{".nAn", YSCALAR_STRING},
	{".info", YSCALAR_STRING},
	{"NO", YSCALAR_BOOL},
	{"Null", YSCALAR_NULL},
	{"''", YSCALAR_STRING},
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
		ydoc_error(&doc, &dl, ynode_get(ynode_get(doc.root, keys[i]), "k"),
			   "unknown status");
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

/* Loads src, which must fail with one error at line:col; returns the diagnostic's copy. */
static struct diag only_error(const char *src, int line, int col)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;
	struct diag d;

	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), -1);
	if (dl.nr != 1 || dl.items[0].line != line || dl.items[0].col != col) {
		tu_dump(&dl);
		fail_msg("expected one error at %d:%d", line, col);
	}
	d = dl.items[0];
	d.file = NULL;
	d.message = strdup(d.message);
	d.excerpt = d.excerpt ? strdup(d.excerpt) : NULL;
	d.note = NULL;
	ydoc_release(&doc);
	diag_list_release(&dl);
	return d;
}

struct excerpt_case {
	const char *name;
	const char *input;
	int line, col;
	const char *excerpt;
	int excerpt_col;
};

static const struct excerpt_case excerpt_cases[] = {
	{"lines ended by CR alone", "a: 1\rb: 2\ra: 3\r", 3, 1, "a: 3", 1},
	{"lines ended by NEL",
	 "a: 1\xc2\x85"
	 "a: 2\n",
	 2, 1, "a: 2", 1},
	{"lines ended by LS",
	 "a: 1\xe2\x80\xa8"
	 "a: 2\n",
	 2, 1, "a: 2", 1},
	{"lines ended by CRLF", "a: 1\r\na: 2\r\n", 2, 1, "a: 2", 1},
	/* The byte order mark is not shown, and the caret still lines up. */
	{"byte order mark", "\xef\xbb\xbf{a: 1, a: 2}\n", 1, 8, "{a: 1, a: 2}", 8},
	{"error at the end of a file ending in blank lines", "a: \"x\n\n", 2, 1, "", 1},
};

static void test_excerpts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(excerpt_cases) / sizeof(excerpt_cases[0]); i++) {
		const struct excerpt_case *c = &excerpt_cases[i];
		struct diag d = only_error(c->input, c->line, c->col);

		if (!d.excerpt || strcmp(d.excerpt, c->excerpt) || d.excerpt_col != c->excerpt_col)
			fail_msg("case '%s': excerpt [%s] at %d, expected [%s] at %d", c->name,
				 d.excerpt ? d.excerpt : "(none)", d.excerpt_col, c->excerpt,
				 c->excerpt_col);
		free(d.message);
		free(d.excerpt);
	}
}

/* Long lines are cut to a window around the error, at character boundaries. */
static void test_excerpt_window_edges(void **state)
{
	struct strbuf src = STRBUF_INIT;
	struct diag d;
	size_t n;

	(void)state;
	/* One column too wide: cut, though the whole line was measured. */
	strbuf_adds(&src, "m: {k: 1, z: \"");
	for (int i = 0; i < 79; i++)
		strbuf_addc(&src, 'x');
	strbuf_adds(&src, "\", k: 2}\n");
	d = only_error(src.buf, 1, 97);
	assert_string_equal(d.excerpt + strlen(d.excerpt) - 8, "\", k: 2}");
	assert_memory_equal(d.excerpt, "\xe2\x80\xa6", 3);
	assert_memory_equal(excerpt_at(d.excerpt, d.excerpt_col), "k: 2}", 5);
	assert_true(term_width(d.excerpt) <= DIAG_EXCERPT_WIDTH);
	free(d.message);
	free(d.excerpt);

	/* An error near the start of a long line that opens with a wide character. */
	strbuf_reset(&src);
	strbuf_adds(&src, "\xe9\xa2\xa8: {k: 1, k: 2, z: \"");
	for (int i = 0; i < 200; i++)
		strbuf_addc(&src, 'x');
	strbuf_adds(&src, "\"}\n");
	d = only_error(src.buf, 1, 11);
	assert_memory_equal(d.excerpt, "\xe9\xa2\xa8: {k: 1, k: 2", 16);
	n = strlen(d.excerpt);
	assert_string_equal(d.excerpt + n - 3, "\xe2\x80\xa6");
	assert_int_equal(d.excerpt_col, 11);
	assert_true(term_width(d.excerpt) <= DIAG_EXCERPT_WIDTH);
	free(d.message);
	free(d.excerpt);

	/* An error just past the end of a long line that ends with a wide character. */
	strbuf_reset(&src);
	strbuf_adds(&src, "k: [");
	for (int i = 0; i < 60; i++)
		strbuf_adds(&src, "xx, ");
	strbuf_adds(&src, "\xe9\xa2\xa8");
	d = only_error(src.buf, 1, 246);
	assert_memory_equal(d.excerpt, "\xe2\x80\xa6", 3);
	n = strlen(d.excerpt);
	assert_string_equal(d.excerpt + n - 3, "\xe9\xa2\xa8");
	assert_int_equal(*excerpt_at(d.excerpt, d.excerpt_col), '\0');
	assert_true(term_width(d.excerpt) <= DIAG_EXCERPT_WIDTH);
	free(d.message);
	free(d.excerpt);

	/* A column far past the end of a long line shows the line's end. */
	{
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;

		strbuf_reset(&src);
		strbuf_adds(&src, "k: \"");
		for (int i = 0; i < 150; i++)
			strbuf_addc(&src, 'x');
		strbuf_adds(&src, "\"\n");
		ydoc_init(&doc);
		assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src.buf, src.len, &dl), 0);
		assert_int_equal(ydoc_error_at(&doc, &dl, 1, 1000, 1, "far right"), -1);
		assert_memory_equal(dl.items[0].excerpt, "\xe2\x80\xa6", 3);
		assert_string_equal(dl.items[0].excerpt + strlen(dl.items[0].excerpt) - 2, "x\"");
		assert_true(term_width(dl.items[0].excerpt) <= DIAG_EXCERPT_WIDTH);
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
	strbuf_release(&src);
}

/* Every alias an error is used through is named, the first five by position. */
static void test_alias_notes(void **state)
{
	static const struct {
		const char *src;
		const char *const path[3]; /* keys, or "#N" for item N, from the root */
		const char *note;	   /* NULL: none */
	} cases[] = {
		{"a: &x [ok, bad]\nb: *x\n", {"a", "#1", NULL}, "used through alias at 2:4"},
		{"a: &x [ok, {k: bad}]\nb: *x\n", {"a", "#1", "k"}, "used through alias at 2:4"},
		{"a: &x {k: v, bad: 1}\nb: *x\n", {"a", "bad", NULL}, "used through alias at 2:4"},
		{"a: &x {k: v}\nb: [*x, *x, *x, *x, *x, *x, *x]\n",
		 {"a", "k", NULL},
		 "used through aliases at 2:5, 2:9, 2:13, 2:17, 2:21 and 2 more"},
		{"a: &x {k: v}\nb: *x\nc: {k: v}\n", {"c", "k", NULL}, NULL},
		{"a: &x [1, 2]\nb: *x\nc: {k: v}\n", {"c", "k", NULL}, NULL},
		{"a: &x {m: {k: bad}}\nb: *x\n", {"a", "m", "k"}, "used through alias at 2:4"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;
		const struct ynode *n;

		ydoc_init(&doc);
		assert_int_equal(
			ydoc_load_buffer(&doc, "t.yaml", cases[i].src, strlen(cases[i].src), &dl),
			0);
		n = doc.root;
		for (size_t k = 0; k < 3 && cases[i].path[k]; k++)
			n = cases[i].path[k][0] == '#' ? n->items[atoi(cases[i].path[k] + 1)]
						       : ynode_get(n, cases[i].path[k]);
		/* An error on the key itself when the path ends on a mapping key. */
		if (!strcmp(cases[i].path[1], "bad"))
			n = n == ynode_get(ynode_get(doc.root, "a"), "bad")
				    ? ynode_get(doc.root, "a")->pairs[1].key
				    : n;
		assert_int_equal(ydoc_error(&doc, &dl, n, "problem"), -1);
		assert_int_equal(dl.nr, 1);
		if (cases[i].note)
			assert_string_equal(dl.items[0].note, cases[i].note);
		else
			assert_null(dl.items[0].note);
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
}

/* Anchors are limited as aliases are: 10000 of them at most. */
static void test_anchor_limit(void **state)
{
	static const char *const last[] = {"- &a10000 x\n", "- &a10000 {k: v}\n",
					   "- &a10000 [v]\n"};

	(void)state;
	for (size_t i = 0; i < sizeof(last) / sizeof(last[0]); i++) {
		struct strbuf src = STRBUF_INIT;
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;

		for (int k = 0; k < 10000; k++)
			strbuf_addf(&src, "- &a%d x\n", k);
		ydoc_init(&doc);
		assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src.buf, src.len, &dl), 0);
		assert_int_equal(doc.root->nr, 10000);
		ydoc_release(&doc);
		strbuf_adds(&src, last[i]);
		ydoc_init(&doc);
		assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src.buf, src.len, &dl), -1);
		assert_int_equal(dl.nr, 1);
		assert_true(tu_has_error(&dl, 10001, 3, "too many anchors (limit 10000)"));
		ydoc_release(&doc);
		diag_list_release(&dl);
		strbuf_release(&src);
	}
}

/* Every copy of a key is reported when a large mapping repeats it. */
static void test_duplicates_all_reported(void **state)
{
	const char *src = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\nzz: 8\nzz: 9\nzz: 10\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), -1);
	assert_int_equal(dl.errors, 2);
	assert_true(tu_has_error(&dl, 9, 1, "duplicate key \"zz\" (first at line 8)"));
	assert_true(tu_has_error(&dl, 10, 1, "duplicate key \"zz\" (first at line 8)"));
	ydoc_release(&doc);
	diag_list_release(&dl);
}

struct accepted_case {
	const char *name;
	const char *input;
	const char *key;
	const char *value;
};

static const struct accepted_case accepted_cases[] = {
	/* A quoted "<<" is an ordinary key; only the plain one is a merge. */
	{"quoted merge key", "\"<<\": 1\n", "<<", "1"},
	/* A replacement character typed in the file is text, not a decoding error. */
	{"replacement character", "a: \xef\xbf\xbd\n", "a", "\xef\xbf\xbd"},
	{"mapping tag", "v: !!map {a: 1}\n", "v", NULL},
	{"alias to a scalar", "a: &x text\nb: *x\n", "b", "text"},
	{"number for a key", "1: one\n", "1", "one"},
	{"empty mapping", "a: {}\nb: []\n", "a", NULL},
	{"list tag", "v: !!seq [a]\n", "v", NULL},
};

static void test_accepted(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(accepted_cases) / sizeof(accepted_cases[0]); i++) {
		const struct accepted_case *c = &accepted_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;
		const struct ynode *v;

		ydoc_init(&doc);
		if (ydoc_load_buffer(&doc, "t.yaml", c->input, strlen(c->input), &dl)) {
			tu_dump(&dl);
			fail_msg("case '%s' refused", c->name);
		}
		v = ynode_get(doc.root, c->key);
		assert_non_null(v);
		if (c->value)
			assert_string_equal(v->str, c->value);
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
}

/* Errors placed without a node, or before the file, or past the error limit. */
static void test_error_placement(void **state)
{
	const char *src = "a: 1\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), 0);
	/* No node: the start of the file, with its first line shown. */
	assert_int_equal(ydoc_error(&doc, &dl, NULL, "no node %d", 1), -1);
	assert_int_equal(dl.items[0].line, 1);
	assert_int_equal(dl.items[0].col, 1);
	assert_string_equal(dl.items[0].message, "no node 1");
	assert_string_equal(dl.items[0].excerpt, "a: 1");
	/* A position before the first line has no line to show. */
	assert_int_equal(ydoc_error_at(&doc, &dl, 0, 0, 1, "nowhere"), -1);
	assert_int_equal(dl.items[1].line, 0);
	assert_null(dl.items[1].excerpt);
	/* A column past the end of the line shows the line. */
	assert_int_equal(ydoc_error_at(&doc, &dl, 1, 500, 1, "far right"), -1);
	assert_string_equal(dl.items[2].excerpt, "a: 1");
	/* Past the limit, errors are counted, not kept. */
	for (int i = 3; i < DIAG_MAX_ERRORS; i++)
		ydoc_error_at(&doc, &dl, 1, i, 1, "error %d", i);
	assert_int_equal(dl.nr, DIAG_MAX_ERRORS);
	assert_int_equal(ydoc_error(&doc, &dl, doc.root, "one too many"), -1);
	assert_int_equal(dl.nr, DIAG_MAX_ERRORS);
	assert_int_equal(dl.errors, DIAG_MAX_ERRORS + 1);
	assert_int_equal(dl.dropped, 1);
	ydoc_release(&doc);
	diag_list_release(&dl);
}

/* A document read again shows nothing of the file it held before. */
static void test_reused_document(void **state)
{
	const char *first = "first: 1\nfirst: 2\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "a.yaml", first, strlen(first), &dl), -1);
	assert_string_equal(dl.items[0].excerpt, "first: 2");
	assert_int_equal(ydoc_load_file(&doc, "/nonexistent/b.yaml", &dl), -1);
	assert_string_equal(dl.items[1].file, "/nonexistent/b.yaml");
	assert_null(dl.items[1].excerpt);
	/* Nor its line breaks: a CR read as YAML before is not one in the next file. */
	assert_int_equal(ydoc_load_buffer(&doc, "c.yaml", "a: 1\rb: 2\ra: 3\r", 15, &dl), -1);
	assert_int_equal(ydoc_read_buffer(&doc, "d.yaml", "x\ry\r\xff", 5, &dl), -1);
	assert_true(tu_has_error(&dl, 1, 5, "invalid UTF-8 (byte 0xff)"));
	assert_string_equal(dl.items[dl.nr - 1].file, "d.yaml");
	ydoc_release(&doc);
	diag_list_release(&dl);
}

static void test_size_limit(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;
	char *path = tu_write_temp_str("a: 1234567890\n");

	(void)state;
	ydoc_init(&doc);
	doc.max_bytes = 8;
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", "a: 1234567890\n", 14, &dl), -1);
	assert_true(tu_has_error(&dl, 1, 1, "file is larger than the 0 MiB limit"));
	assert_int_equal(ydoc_load_file(&doc, path, &dl), -1);
	assert_int_equal(dl.nr, 2);
	assert_string_equal(dl.items[1].file, path);
	assert_int_equal(ydoc_read_buffer(&doc, "e.yaml", "", 0, &dl), -1);
	assert_true(tu_has_error(&dl, 1, 1, "file is empty"));
	ydoc_release(&doc);
	diag_list_release(&dl);
	tu_remove(path);
}

/* Descriptors that are not a readable stream of text. */
static void test_read_fd_errors(void **state)
{
	char *path = tu_write_temp_str("a: 1234567890\n");
	struct {
		int fd;
		size_t max_bytes;
		const char *message;
	} cases[] = {
		{open("/dev/null", O_WRONLY), 0, "cannot read file: Bad file descriptor"},
		{-1, 0, "cannot read file: Bad file descriptor"},
		{open(".", O_RDONLY | O_DIRECTORY), 0, "is a directory"},
		{open(path, O_RDONLY), 8, "file is larger than the 0 MiB limit"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;

		ydoc_init(&doc);
		doc.max_bytes = cases[i].max_bytes;
		assert_int_equal(ydoc_read_fd(&doc, "<stdin>", cases[i].fd, &dl), -1);
		if (dl.nr != 1 || !tu_has_error(&dl, 1, 1, cases[i].message)) {
			tu_dump(&dl);
			fail_msg("case %zu: expected %s", i, cases[i].message);
		}
		if (cases[i].fd >= 0)
			close(cases[i].fd);
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
	tu_remove(path);
}

static void test_node_helpers(void **state)
{
	const char *src = "m: {k: v}\nl: [1]\ns: text\nn: ~\nb: yes\ni: 3\nf: 1.5\n";
	static const struct {
		const char *key;
		const char *name;
		bool null;
	} cases[] = {
		{"m", "mapping", false},    {"l", "list", false},    {"s", "string", false},
		{"n", "empty value", true}, {"b", "boolean", false}, {"i", "integer", false},
		{"f", "number", false},
	};
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	ydoc_init(&doc);
	assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", src, strlen(src), &dl), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct ynode *n = ynode_get(doc.root, cases[i].key);

		assert_string_equal(ynode_type_name(n), cases[i].name);
		assert_int_equal(ynode_is_null(n), cases[i].null);
	}
	assert_string_equal(ynode_type_name(NULL), "nothing");
	assert_true(ynode_is_null(NULL));
	/* Looking a key up in what is not a mapping finds nothing. */
	assert_null(ynode_get(NULL, "k"));
	assert_null(ynode_get(ynode_get(doc.root, "l"), "k"));
	assert_string_equal(ynode_get(ynode_get(doc.root, "m"), "k")->str, "v");
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
		cmocka_unit_test(test_excerpts),
		cmocka_unit_test(test_excerpt_window_edges),
		cmocka_unit_test(test_alias_notes),
		cmocka_unit_test(test_anchor_limit),
		cmocka_unit_test(test_duplicates_all_reported),
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_error_placement),
		cmocka_unit_test(test_reused_document),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_read_fd_errors),
		cmocka_unit_test(test_node_helpers),
	};

	return cmocka_run_group_tests_name("yamldoc", tests, NULL, NULL);
}
