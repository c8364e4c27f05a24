/* Unit tests for the typed loading tables: each handler's conversions and refusals. */
#include "testutil.h"

#include "date.h"
#include "schema.h"
#include "strbuf.h"

/* A document "v: VALUE" parsed, with a context to load its value through. */
struct fixture {
	struct ydoc doc;
	struct diag_list dl;
	struct schema_ctx ctx;
	const struct ynode *value;
};

static void open_fixture(struct fixture *f, const char *text)
{
	ydoc_init(&f->doc);
	diag_list_init(&f->dl);
	if (ydoc_load_buffer(&f->doc, "t.yaml", text, strlen(text), &f->dl)) {
		tu_dump(&f->dl);
		fail_msg("cannot parse: %s", text);
	}
	f->ctx = (struct schema_ctx){&f->doc, &f->dl, &f->doc.arena, NULL};
	f->value = ynode_get(f->doc.root, "v");
}

static void close_fixture(struct fixture *f)
{
	ydoc_release(&f->doc);
	diag_list_release(&f->dl);
}

static int control_id(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_id(ctx, node, IDS_CONTROL, "control", dest);
}

/* Checks that f holds exactly one diagnostic, this one. */
static void assert_only_error(const struct fixture *f, const char *name, int line, int col,
			      const char *message)
{
	if (f->dl.nr != 1 || f->dl.errors != 1 || f->dl.items[0].line != line ||
	    f->dl.items[0].col != col || strcmp(f->dl.items[0].message, message)) {
		fprintf(stderr, "case '%s': expected %d:%d: %s; got:\n", name, line, col, message);
		tu_dump(&f->dl);
		fail();
	}
}

struct handler_case {
	const char *name;
	schema_fn fn;
	const char *input;
	const char *message; /* NULL: accepted */
	int col;	     /* of the error, on line 1 */
	const char *text;    /* the string stored, for string handlers */
};

static const struct handler_case handler_cases[] = {
	{"text", schema_string, "v: plain words", NULL, 0, "plain words"},
	{"quoted number as text", schema_string, "v: \"12\"", NULL, 0, "12"},
	{"list for text", schema_string, "v: [a]", "expected a scalar for this key, got a list", 4,
	 NULL},
	{"mapping for text", schema_string, "v: {a: b}",
	 "expected a scalar for this key, got a mapping", 4, NULL},
	{"empty value for text", schema_string, "v: ~", "expected text, got an empty value", 4,
	 NULL},
	{"empty string for text", schema_string, "v: ''", "expected text, got an empty value", 4,
	 NULL},
	{"integer for text", schema_string, "v: 12",
	 "expected text, got an integer (quote it if you mean the text \"12\")", 4, NULL},
	{"number for text", schema_string, "v: 1.5",
	 "expected text, got a number (quote it if you mean the text \"1.5\")", 4, NULL},
	{"boolean for text", schema_string, "v: no",
	 "expected text, got a boolean (quote it if you mean the text \"no\")", 4, NULL},
	{"white space for text", schema_string, "v: \" \\t \"",
	 "expected text, got only white space", 4, NULL},
	{"control id", control_id, "v: \"3.1.2\"", NULL, 0, "3.1.2"},
	{"malformed control id", control_id, "v: \"3.1.x\"",
	 "invalid control id \"3.1.x\" (expected three numbers, as in 3.1.2)", 4, NULL},
	{"number for a control id", control_id, "v: 3.1",
	 "expected text, got a number (quote it if you mean the text \"3.1\")", 4, NULL},
	{"slug", schema_slug, "v: cloud-firewall", NULL, 0, "cloud-firewall"},
	{"malformed slug", schema_slug, "v: Cloud_Firewall",
	 "invalid id \"Cloud_Firewall\" (expected lowercase a-z, 0-9 and -, as in cloud-firewall)",
	 4, NULL},
	{"date", schema_date, "v: 2028-02-29", NULL, 0, NULL},
	{"impossible date", schema_date, "v: 2026-02-29",
	 "invalid date \"2026-02-29\" (expected YYYY-MM-DD, a real calendar day)", 4, NULL},
	{"empty value for a date", schema_date, "v: null",
	 "invalid date \"null\" (expected YYYY-MM-DD, a real calendar day)", 4, NULL},
	{"list for a date", schema_date, "v: [2026-11-01]",
	 "expected a scalar for a date, got a list", 4, NULL},
	{"integer for a list", schema_string_list, "v: 5",
	 "expected a list for this key, got an integer", 4, NULL},
	{"empty value for a list", schema_string_list,
	 "v:", "expected a list for this key, got an empty value", 3, NULL},
	{"string for a list", schema_string_list, "v: minutes",
	 "expected a list for this key, got a string", 4, NULL},
	{"text in two languages", schema_text, "v: {en: Bank, zh: 銀行}", NULL, 0, NULL},
	{"text without English", schema_text, "v: {zh: 銀行}",
	 "missing required key \"en\" in text", 4, NULL},
	{"text in another language", schema_text, "v: {en: Bank, french: Banque}",
	 "unknown key \"french\" in text (expected one of: en, zh)", 15, NULL},
	{"string for text in two languages", schema_text, "v: Bank",
	 "expected a mapping for text, got a string", 4, NULL},
};

static void test_handlers(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(handler_cases) / sizeof(handler_cases[0]); i++) {
		const struct handler_case *c = &handler_cases[i];
		union {
			const char *s;
			struct date d;
			struct text t;
			struct strlist l;
		} out;
		struct fixture f;
		int ret;

		memset(&out, 0, sizeof(out));
		open_fixture(&f, c->input);
		ret = c->fn(&f.ctx, f.value, &out);
		if (c->message) {
			assert_int_equal(ret, -1);
			assert_only_error(&f, c->name, 1, c->col, c->message);
		} else {
			if (ret || f.dl.nr) {
				fprintf(stderr, "case '%s' refused:\n", c->name);
				tu_dump(&f.dl);
				fail();
			}
			if (c->text)
				assert_string_equal(out.s, c->text);
		}
		close_fixture(&f);
	}
}

static void test_loaded_values(void **state)
{
	struct fixture f;
	struct date d;
	struct text t = {NULL, NULL};
	const struct ynode *node = NULL;

	(void)state;
	open_fixture(&f, "v: 2028-02-29\n");
	assert_int_equal(schema_date(&f.ctx, f.value, &d), 0);
	assert_int_equal(d.year, 2028);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 29);
	assert_int_equal(schema_node(&f.ctx, f.value, &node), 0);
	assert_ptr_equal(node, f.value);
	close_fixture(&f);

	open_fixture(&f, "v: {en: Bank, zh: 銀行}\n");
	assert_int_equal(schema_text(&f.ctx, f.value, &t), 0);
	assert_string_equal(t.en, "Bank");
	assert_string_equal(t.zh, "銀行");
	close_fixture(&f);
}

/* A list keeps its good items and reports each bad one. */
static void test_string_list(void **state)
{
	struct fixture f;
	struct strlist l = {NULL, 0};

	(void)state;
	open_fixture(&f, "v:\n  - minutes\n  - 42\n  - [x]\n  - \"report.pdf\"\n");
	assert_int_equal(schema_string_list(&f.ctx, f.value, &l), -1);
	assert_int_equal(l.nr, 2);
	assert_string_equal(l.items[0], "minutes");
	assert_string_equal(l.items[1], "report.pdf");
	assert_int_equal(f.dl.errors, 2);
	assert_true(tu_has_error(&f.dl, 3, 5, "expected text, got an integer"));
	assert_true(tu_has_error(&f.dl, 4, 5, "expected a scalar for this key, got a list"));
	close_fixture(&f);
}

/* A value that is not there at all reads as an empty one, at the start of the file. */
static void test_missing_value(void **state)
{
	struct fixture f;

	(void)state;
	open_fixture(&f, "v: 1\n");
	assert_int_equal(schema_expect(&f.ctx, NULL, YNODE_MAPPING, "the answers file"), -1);
	assert_only_error(&f, "missing value", 1, 1,
			  "expected a mapping for the answers file, got an empty value");
	close_fixture(&f);
}

struct record {
	const char *name;
	const char *owner;
	struct date due;
};

static const struct schema_field record_fields[] = {
	{"name", schema_string, offsetof(struct record, name), true},
	{"owner", schema_string, offsetof(struct record, owner), false},
	{"due", schema_date, offsetof(struct record, due), true},
};

struct mapping_case {
	const char *name;
	const char *input;
	int line, col;
	const char *message; /* NULL: accepted */
};

static const struct mapping_case mapping_cases[] = {
	{"all keys", "v: {name: Fix, owner: CISO, due: 2027-01-31}", 0, 0, NULL},
	{"optional key left out", "v: {name: Fix, due: 2027-01-31}", 0, 0, NULL},
	{"required key left out", "v: {name: Fix}", 1, 4, "missing required key \"due\" in record"},
	{"misspelt key", "v: {name: Fix, owenr: CISO, due: 2027-01-31}", 1, 16,
	 "unknown key \"owenr\" in record (did you mean \"owner\"?)"},
	{"unrelated key", "v: {name: Fix, colour: red, due: 2027-01-31}", 1, 16,
	 "unknown key \"colour\" in record (expected one of: name, owner, due)"},
	{"bad value", "v: {name: Fix, due: soon}", 1, 21,
	 "invalid date \"soon\" (expected YYYY-MM-DD, a real calendar day)"},
	{"list for the mapping", "v: [Fix]", 1, 4, "expected a mapping for record, got a list"},
};

static void test_mapping(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(mapping_cases) / sizeof(mapping_cases[0]); i++) {
		const struct mapping_case *c = &mapping_cases[i];
		struct record r = {NULL, NULL, {0, 0, 0}};
		struct fixture f;
		int ret;

		open_fixture(&f, c->input);
		ret = schema_mapping(&f.ctx, f.value, "record", record_fields, 3, &r);
		if (c->message) {
			assert_int_equal(ret, -1);
			assert_only_error(&f, c->name, c->line, c->col, c->message);
		} else {
			assert_int_equal(ret, 0);
			assert_int_equal(f.dl.nr, 0);
			assert_string_equal(r.name, "Fix");
			assert_int_equal(r.due.month, 1);
		}
		close_fixture(&f);
	}
}

/* Every problem of a mapping is reported in one run. */
static void test_mapping_all_errors(void **state)
{
	struct record r = {NULL, NULL, {0, 0, 0}};
	struct fixture f;

	(void)state;
	open_fixture(&f, "v:\n  name: 7\n  extra: x\n");
	assert_int_equal(schema_mapping(&f.ctx, f.value, "record", record_fields, 3, &r), -1);
	assert_int_equal(f.dl.errors, 3);
	assert_true(tu_has_error(&f.dl, 2, 9, "expected text, got an integer"));
	assert_true(tu_has_error(&f.dl, 3, 3, "unknown key \"extra\" in record"));
	assert_true(tu_has_error(&f.dl, 2, 3, "missing required key \"due\" in record"));
	close_fixture(&f);
}

/* Past the error limit an unknown key is still counted, but no longer kept. */
static void test_past_the_error_limit(void **state)
{
	struct record r = {NULL, NULL, {0, 0, 0}};
	struct fixture f;

	(void)state;
	open_fixture(&f, "v: {name: Fix, owenr: CISO, due: 2027-01-31}\n");
	for (int i = 0; i < DIAG_MAX_ERRORS; i++)
		diag_error(&f.dl, "other.yaml", i + 1, 1, 1, NULL, "earlier error");
	assert_int_equal(schema_mapping(&f.ctx, f.value, "record", record_fields, 3, &r), -1);
	assert_int_equal(f.dl.errors, DIAG_MAX_ERRORS + 1);
	assert_int_equal(f.dl.dropped, 1);
	assert_int_equal(f.dl.nr, DIAG_MAX_ERRORS);
	close_fixture(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handlers),
		cmocka_unit_test(test_loaded_values),
		cmocka_unit_test(test_string_list),
		cmocka_unit_test(test_missing_value),
		cmocka_unit_test(test_mapping),
		cmocka_unit_test(test_mapping_all_errors),
		cmocka_unit_test(test_past_the_error_limit),
	};

	return cmocka_run_group_tests_name("schema", tests, NULL, NULL);
}
