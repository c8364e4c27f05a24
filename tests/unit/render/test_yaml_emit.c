/* Unit tests for the YAML writer: every string reads back as itself, in the style expected. */
#include "testutil.h"

#include "out_text.h"
#include "yaml_emit.h"
#include "yamldoc.h"

struct emit_case {
	const char *value;
	const char *line; /* the line written for "k: VALUE" (its first, for a block) */
};

static const struct emit_case cases[] = {
	{"Strategy and plans", "k: Strategy and plans"},
	{"战略与计划：治理", "k: 战略与计划：治理"},
	{"a: b", "k: \"a: b\""},
	{"a #b", "k: \"a #b\""},
	{"a#b", "k: a#b"},
	{"- item", "k: \"- item\""},
	{"\"quoted\"", "k: \"\\\"quoted\\\"\""},
	{"1", "k: \"1\""},
	{"1.2.1", "k: \"1.2.1\""},
	{"2026-01-01", "k: \"2026-01-01\""},
	{"yes", "k: \"yes\""},
	{"Null", "k: \"Null\""},
	{"~", "k: \"~\""},
	{"", "k: \"\""},
	{" lead", "k: \" lead\""},
	{"trail ", "k: \"trail \""},
	{"end:", "k: \"end:\""},
	{"tab\there", "k: \"tab\\there\""},
	{"zero\xe2\x80\x8bwidth", "k: \"zero\\u200Bwidth\""},
	{"bell\a", "k: \"bell\\u0007\""},
	{"back\\slash", "k: back\\slash"},
	{"two\nlines", "k: |-"},
	{"two\nlines\n", "k: |"},
	{"two\n\n", "k: \"two\\n\\n\""},
	{" indented\nfirst", "k: \" indented\\nfirst\""},
	{"trailing \nspace", "k: \"trailing \\nspace\""},
	{"cr\r\nlf", "k: \"cr\\r\\nlf\""},
	{"a\n  b\n\nc", "k: |-"},
};

static void test_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct arena a = ARENA_INIT;
		struct ytree *root = ytree_map(&a, YTREE_NOWHERE), *seq;
		struct txt_out out = TXT_OUT_INIT;
		struct ytree_lines lines = {0};
		struct strbuf yaml = STRBUF_INIT;
		struct diag_list dl = DIAG_LIST_INIT;
		const struct ynode *k;
		struct ydoc doc;
		size_t n = 0;

		ytree_put(&a, root, "k", YTREE_NOWHERE,
			  ytree_str(&a, cases[i].value, (struct ytree_src){0, 1, 1}));
		seq = ytree_put(&a, root, "list", YTREE_NOWHERE, ytree_seq(&a, YTREE_NOWHERE));
		ytree_push(seq, ytree_str(&a, cases[i].value, (struct ytree_src){0, 2, 1}));
		yaml_emit(&out, root, &lines);
		txt_finish(&out, &yaml);
		if (strncmp(yaml.buf, cases[i].line, strlen(cases[i].line)) ||
		    yaml.buf[strlen(cases[i].line)] != '\n') {
			fprintf(stderr, "case %zu: wrote\n%s", i, yaml.buf);
			fail();
		}
		for (const char *p = yaml.buf; *p; p++)
			n += *p == '\n';
		assert_int_equal(lines.nr, n);
		assert_int_equal(lines.items[0].value.row, 1);
		assert_int_equal(lines.items[n - 1].value.row, 2);
		ydoc_init(&doc);
		assert_int_equal(ydoc_load_buffer(&doc, "t.yaml", yaml.buf, yaml.len, &dl), 0);
		k = ynode_get(doc.root, "k");
		assert_non_null(k);
		assert_int_equal(k->kind, YSCALAR_STRING);
		assert_string_equal(k->str, cases[i].value);
		k = ynode_get(doc.root, "list");
		assert_int_equal(k->nr, 1);
		assert_string_equal(k->items[0]->str, cases[i].value);
		ydoc_release(&doc);
		diag_list_release(&dl);
		strbuf_release(&yaml);
		ytree_lines_release(&lines);
		arena_release(&a);
	}
}

/* Nested mappings and sequences, empty ones too, and where each line came from. */
static void test_layout(void **state)
{
	static const char want[] = "a:\n"
				   "  - id: x\n"
				   "    empty: []\n"
				   "  - {}\n"
				   "b: {}\n";
	struct arena a = ARENA_INIT;
	struct ytree *root = ytree_map(&a, YTREE_NOWHERE), *seq, *m;
	struct txt_out out = TXT_OUT_INIT;
	struct ytree_lines lines = {0};
	struct strbuf yaml = STRBUF_INIT;

	(void)state;
	seq = ytree_put(&a, root, "a", (struct ytree_src){0, 9, 9}, ytree_seq(&a, YTREE_NOWHERE));
	m = ytree_push(seq, ytree_map(&a, YTREE_NOWHERE));
	ytree_put(&a, m, "id", YTREE_NOWHERE, ytree_str(&a, "x", (struct ytree_src){1, 2, 3}));
	ytree_put(&a, m, "empty", YTREE_NOWHERE, ytree_seq(&a, (struct ytree_src){1, 4, 5}));
	ytree_push(seq, ytree_map(&a, (struct ytree_src){1, 6, 7}));
	ytree_put(&a, root, "b", YTREE_NOWHERE, ytree_map(&a, YTREE_NOWHERE));
	yaml_emit(&out, root, &lines);
	txt_finish(&out, &yaml);
	assert_string_equal(yaml.buf, want);
	assert_int_equal(lines.nr, 5);
	/* The key of line 1, the value of line 2 (at "x", column 9), the empty list of line 3. */
	assert_int_equal(ytree_lines_at(&lines, 1, 1).row, 9);
	assert_int_equal(ytree_lines_at(&lines, 2, 9).row, 2);
	assert_int_equal(ytree_lines_at(&lines, 3, 12).row, 4);
	assert_int_equal(ytree_lines_at(&lines, 4, 5).row, 6);
	assert_int_equal(ytree_lines_at(&lines, 6, 1).sheet, -1);
	strbuf_release(&yaml);
	ytree_lines_release(&lines);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_layout),
	};

	return cmocka_run_group_tests_name("yaml_emit", tests, NULL, NULL);
}
