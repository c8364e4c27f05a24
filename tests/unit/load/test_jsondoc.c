/* Unit tests for the JSON parser: values, positions, and every refusal. */
#include "testutil.h"

#include "strbuf.h"
#include "yamldoc.h"

/* Reads and parses text as JSON into doc; returns the parser's status. */
static int parse(struct ydoc *doc, const char *text, size_t max_bytes, struct diag_list *dl)
{
	ydoc_init(doc);
	doc->max_bytes = max_bytes;
	if (ydoc_read_buffer(doc, "t.json", text, strlen(text), dl))
		return -2;
	return ydoc_parse_json(doc, dl);
}

struct bad_case {
	const char *name;
	const char *input;
	int line, col;
	const char *message; /* the whole message */
};

#define EXPECT_VALUE  "a value (object, array, string, number, true, false or null)"
#define EXPECT_ESCAPE "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"

static const struct bad_case bad_cases[] = {
	/* Values */
	{"only white space", " \t\r\n ", 2, 2, "unexpected end of JSON (expected a value)"},
	{"word cut short", "{\"a\": tru}", 1, 7, "invalid JSON: expected " EXPECT_VALUE},
	{"word at the end cut short", "[nul", 1, 2, "invalid JSON: expected " EXPECT_VALUE},
	{"word in capitals", "[True]", 1, 2, "invalid JSON: expected " EXPECT_VALUE},
	{"punctuation for a value", "[!]", 1, 2, "invalid JSON: expected " EXPECT_VALUE},
	{"letter past the digits", "[x]", 1, 2, "invalid JSON: expected " EXPECT_VALUE},
	{"text after the document", "{} x", 1, 4,
	 "invalid JSON: unexpected text after the document"},
	/* Numbers */
	{"minus alone", "[-]", 1, 3, "invalid JSON: expected a digit"},
	{"minus then a letter", "[-a]", 1, 3, "invalid JSON: expected a digit"},
	{"minus then a comma", "[-,1]", 1, 3, "invalid JSON: expected a digit"},
	{"minus at the end", "[-", 1, 3, "unexpected end of JSON (expected a digit)"},
	{"leading zero", "[01]", 1, 3, "invalid JSON: expected ',' or ']'"},
	{"plus sign", "[+1]", 1, 2, "invalid JSON: expected " EXPECT_VALUE},
	{"point without digits", "[1.]", 1, 4, "invalid JSON: expected a digit after '.'"},
	{"point then a letter", "[1.e5]", 1, 4, "invalid JSON: expected a digit after '.'"},
	{"letter after the fraction", "[1.5x]", 1, 5, "invalid JSON: expected ',' or ']'"},
	{"point then a comma", "[1.,2]", 1, 4, "invalid JSON: expected a digit after '.'"},
	{"numbers then a letter", "[1.5,2e3,3e+1 x]", 1, 15, "invalid JSON: expected ',' or ']'"},
	{"point at the end", "[1.", 1, 4, "unexpected end of JSON (expected a digit after '.')"},
	{"exponent without digits", "[1e]", 1, 4, "invalid JSON: expected a digit in the exponent"},
	{"signed exponent without digits", "[1E+]", 1, 5,
	 "invalid JSON: expected a digit in the exponent"},
	{"exponent then a letter", "[1ex]", 1, 4, "invalid JSON: expected a digit in the exponent"},
	{"letter after the exponent", "[1e5x]", 1, 5, "invalid JSON: expected ',' or ']'"},
	{"exponent then a comma", "[1e,2]", 1, 4, "invalid JSON: expected a digit in the exponent"},
	{"exponent sign missing", "[1e", 1, 4,
	 "unexpected end of JSON (expected a digit in the exponent)"},
	{"exponent at the end", "[2e-", 1, 5,
	 "unexpected end of JSON (expected a digit in the exponent)"},
	/* Strings */
	{"unterminated", "[\"ab", 1, 5, "unexpected end of JSON (expected a closing '\"')"},
	{"unterminated after an escape", "[\"a\\nb", 1, 7,
	 "unexpected end of JSON (expected a closing '\"')"},
	{"backslash at the end", "[\"a\\", 1, 5,
	 "unexpected end of JSON (expected " EXPECT_ESCAPE ")"},
	{"unknown escape", "[\"\\x\"]", 1, 4, "invalid JSON: expected " EXPECT_ESCAPE},
	{"raw tab", "[\"a\tb\"]", 1, 4, "invalid JSON: control character in a string (escape it)"},
	{"raw line break after an escape", "[\"\\t\nb\"]", 1, 5,
	 "invalid JSON: control character in a string (escape it)"},
	{"bad hex digit", "[\"\\u12G4\"]", 1, 7,
	 "invalid JSON: expected four hexadecimal digits after \\u"},
	{"hex letter past f", "[\"\\u00g0\"]", 1, 7,
	 "invalid JSON: expected four hexadecimal digits after \\u"},
	{"hex cut short", "[\"\\u12", 1, 7,
	 "unexpected end of JSON (expected four hexadecimal digits after \\u)"},
	{"high surrogate alone", "[\"\\ud83d\"]", 1, 9,
	 "invalid JSON: expected a low surrogate after a high one"},
	{"high surrogate then another escape", "[\"\\ud83d\\n\"]", 1, 9,
	 "invalid JSON: expected a low surrogate after a high one"},
	{"high surrogate at the end", "[\"\\ud83d", 1, 9,
	 "unexpected end of JSON (expected a low surrogate after a high one)"},
	{"high surrogate then a letter", "[\"\\ud83d\\u0041\"]", 1, 15,
	 "invalid JSON: expected a low surrogate after a high one"},
	{"high surrogate then another high one", "[\"\\ud83d\\ud83d\"]", 1, 15,
	 "invalid JSON: expected a low surrogate after a high one"},
	{"high surrogate then a private-use character", "[\"\\ud83d\\ue000\"]", 1, 15,
	 "invalid JSON: expected a low surrogate after a high one"},
	{"low surrogate cut short", "[\"\\ud83d\\ude0", 1, 14,
	 "unexpected end of JSON (expected four hexadecimal digits after \\u)"},
	{"low surrogate alone", "[\"\\ude00\"]", 1, 9,
	 "invalid JSON: expected a high surrogate before a low one"},
	{"escaped NUL", "[\"ab\\u0000\"]", 1, 11, "NUL character in a string"},
	/* Containers */
	{"array open at the end", "[", 1, 2, "unexpected end of JSON (expected a value)"},
	{"array without its end", "[1", 1, 3, "unexpected end of JSON (expected ',' or ']')"},
	{"array with a trailing comma", "[1,]", 1, 4, "invalid JSON: expected " EXPECT_VALUE},
	{"array missing a comma", "[1 2]", 1, 4, "invalid JSON: expected ',' or ']'"},
	{"object open at the end", "{", 1, 2, "unexpected end of JSON (expected a string key)"},
	{"object after a comma at the end", "{\"a\": 1,", 1, 9,
	 "unexpected end of JSON (expected a string key)"},
	{"number for a key", "{1: 2}", 1, 2, "invalid JSON: expected a string key"},
	{"key cut short", "{\"a", 1, 4, "unexpected end of JSON (expected a closing '\"')"},
	{"key without a colon", "{\"a\" 1}", 1, 6, "invalid JSON: expected ':' after the key"},
	{"key at the end", "{\"a\"", 1, 5, "unexpected end of JSON (expected ':' after the key)"},
	{"object missing a comma", "{\"a\": 1 \"b\": 2}", 1, 9,
	 "invalid JSON: expected ',' or '}'"},
	{"value cut short", "{\"a\": ", 1, 7, "unexpected end of JSON (expected a value)"},
	{"bad value in an object", "{\"a\": -}", 1, 8, "invalid JSON: expected a digit"},
	{"bad key escape", "{\"\\q\": 1}", 1, 4, "invalid JSON: expected " EXPECT_ESCAPE},
	/* Positions count lines and characters, not bytes. */
	{"after a line break", "{\n  \"a\": 1,\n  x\n}", 3, 3,
	 "invalid JSON: expected a string key"},
	{"after wide characters", "[\"\xe9\xa2\xa8\xe9\x9a\xaa\", x]", 1, 8,
	 "invalid JSON: expected " EXPECT_VALUE},
	{"after wide characters and an escape", "[\"\\n\xe9\xa2\xa8\", x]", 1, 9,
	 "invalid JSON: expected " EXPECT_VALUE},
	{"duplicate key", "{\n  \"a\": 1,\n  \"a\": 2\n}", 3, 3,
	 "duplicate key \"a\" (first at line 2)"},
	{"duplicate key with an escape", "{\"a\": 1, \"\\u0061\": 2}", 1, 10,
	 "duplicate key \"a\" (first at line 1)"},
};

static void test_bad_inputs(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;
		int ret = parse(&doc, c->input, 0, &dl);

		if (ret != -1 || dl.nr != 1 || dl.items[0].line != c->line ||
		    dl.items[0].col != c->col || strcmp(dl.items[0].message, c->message) ||
		    strcmp(dl.items[0].file, "t.json")) {
			fprintf(stderr, "case '%s' (ret %d): expected %d:%d: %s; got:\n", c->name,
				ret, c->line, c->col, c->message);
			tu_dump(&dl);
			fail();
		}
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
}

struct value_case {
	const char *input;
	enum ynode_type type;
	enum yscalar_kind kind;
	const char *str; /* scalars: the decoded text */
	size_t len;	 /* 0: strlen(str) */
	int span;
};

static const struct value_case value_cases[] = {
	{"\"plain\"", YNODE_SCALAR, YSCALAR_STRING, "plain", 0, 7},
	{"\"\"", YNODE_SCALAR, YSCALAR_STRING, "", 0, 2},
	{"\"q\\\"b\\\\s\\/\"", YNODE_SCALAR, YSCALAR_STRING, "q\"b\\s/", 0, 11},
	{"\"\\b\\f\\n\\r\\t\"", YNODE_SCALAR, YSCALAR_STRING, "\b\f\n\r\t", 0, 12},
	/* One, two, three and four bytes of UTF-8, hex digits in either case. */
	{"\"\\u0041\\u00e9\\u4E2D\\ud83d\\uDE00\"", YNODE_SCALAR, YSCALAR_STRING,
	 "A\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80", 0, 32},
	{"\"\\u07ff\\u0800\\uffff\"", YNODE_SCALAR, YSCALAR_STRING,
	 "\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf", 0, 20},
	{"\"\xe9\xa2\xa8\xe9\x9a\xaa\"", YNODE_SCALAR, YSCALAR_STRING, "\xe9\xa2\xa8\xe9\x9a\xaa",
	 0, 4},
	{"0", YNODE_SCALAR, YSCALAR_INT, "0", 0, 1},
	{"-120", YNODE_SCALAR, YSCALAR_INT, "-120", 0, 4},
	{"-0.5", YNODE_SCALAR, YSCALAR_FLOAT, "-0.5", 0, 4},
	{"1e9", YNODE_SCALAR, YSCALAR_FLOAT, "1e9", 0, 3},
	{"2.50E-3", YNODE_SCALAR, YSCALAR_FLOAT, "2.50E-3", 0, 7},
	{"7e+2", YNODE_SCALAR, YSCALAR_FLOAT, "7e+2", 0, 4},
	{"true", YNODE_SCALAR, YSCALAR_BOOL, "true", 0, 4},
	{"false", YNODE_SCALAR, YSCALAR_BOOL, "false", 0, 5},
	{"null", YNODE_SCALAR, YSCALAR_NULL, "null", 0, 4},
	{"[]", YNODE_SEQUENCE, 0, NULL, 0, 1},
	{"{}", YNODE_MAPPING, 0, NULL, 0, 1},
	{" [ ] ", YNODE_SEQUENCE, 0, NULL, 0, 1},
	{"\xef\xbb\xbf{ }", YNODE_MAPPING, 0, NULL, 0, 1},
};

static void test_values(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(value_cases) / sizeof(value_cases[0]); i++) {
		const struct value_case *c = &value_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;
		const struct ynode *n;

		if (parse(&doc, c->input, 0, &dl)) {
			fprintf(stderr, "case %zu (%s) refused:\n", i, c->input);
			tu_dump(&dl);
			fail();
		}
		n = doc.root;
		assert_int_equal(n->type, c->type);
		assert_int_equal(n->span, c->span);
		if (c->type == YNODE_SCALAR) {
			size_t len = c->len ? c->len : strlen(c->str);

			assert_int_equal(n->kind, c->kind);
			assert_int_equal(n->len, len);
			assert_memory_equal(n->str, c->str, len + 1);
		} else {
			assert_int_equal(n->nr, 0);
		}
		assert_int_equal(dl.nr, 0);
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
}

static void test_tree_and_positions(void **state)
{
	const char *src = "{\n"
			  "  \"name\": \"craf\",\n"
			  "\t\"list\": [1, \"\xe9\xa2\xa8\", {\"k\": null}],\r\n"
			  "  \"empty\": {}\n"
			  "}\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;
	const struct ynode *list, *name;

	(void)state;
	assert_int_equal(parse(&doc, src, 0, &dl), 0);
	assert_int_equal(doc.root->type, YNODE_MAPPING);
	assert_int_equal(doc.root->nr, 3);
	assert_int_equal(doc.root->line, 1);
	assert_int_equal(doc.root->col, 1);
	name = ynode_get(doc.root, "name");
	assert_string_equal(name->str, "craf");
	assert_int_equal(name->line, 2);
	assert_int_equal(name->col, 11);
	assert_int_equal(doc.root->pairs[0].key->col, 3);
	list = ynode_get(doc.root, "list");
	assert_int_equal(list->type, YNODE_SEQUENCE);
	assert_int_equal(list->nr, 3);
	assert_int_equal(list->line, 3);
	assert_int_equal(list->col, 10);
	/* Columns count characters: the mapping follows a three-byte one. */
	assert_int_equal(list->items[1]->col, 14);
	assert_int_equal(list->items[2]->col, 19);
	assert_true(ynode_is_null(ynode_get(list->items[2], "k")));
	assert_int_equal(ynode_get(doc.root, "empty")->line, 4);
	assert_int_equal(ynode_get(doc.root, "empty")->nr, 0);
	ydoc_release(&doc);
	diag_list_release(&dl);
}

/* Every duplicate key of a mapping is reported, in one run. */
static void test_duplicates_all_reported(void **state)
{
	const char *src = "{\"a\": 1, \"b\": 2, \"c\": 3, \"d\": 4, \"e\": 5, \"f\": 6, \"g\": 7,\n"
			  " \"h\": 8, \"a\": 9, \"b\": 10}";
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, src, 0, &dl), -1);
	assert_int_equal(dl.errors, 2);
	assert_true(tu_has_error(&dl, 2, 10, "duplicate key \"a\" (first at line 1)"));
	assert_true(tu_has_error(&dl, 2, 18, "duplicate key \"b\" (first at line 1)"));
	ydoc_release(&doc);
	diag_list_release(&dl);
}

static void test_depth_limit(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	/* 64 levels are accepted, the 65th is refused where it opens. */
	for (int i = 0; i < YDOC_MAX_DEPTH; i++)
		strbuf_adds(&sb, i % 2 ? "{\"k\":" : "[");
	strbuf_addc(&sb, '0');
	for (int i = YDOC_MAX_DEPTH; i-- > 0;)
		strbuf_adds(&sb, i % 2 ? "}" : "]");
	assert_int_equal(parse(&doc, sb.buf, 0, &dl), 0);
	ydoc_release(&doc);
	strbuf_reset(&sb);
	for (int i = 0; i <= YDOC_MAX_DEPTH; i++)
		strbuf_addc(&sb, '[');
	assert_int_equal(parse(&doc, sb.buf, 0, &dl), -1);
	assert_int_equal(dl.nr, 1);
	assert_true(tu_has_error(&dl, 1, YDOC_MAX_DEPTH + 1, "nesting deeper than 64 levels"));
	ydoc_release(&doc);
	diag_list_release(&dl);
	strbuf_release(&sb);
}

/* The limit on values scales with the size limit: 9 values for 64 bytes. */
static void test_value_limit(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct ydoc doc;

	(void)state;
	assert_int_equal(parse(&doc, "[1,2,3,4,5,6,7,8]", 64, &dl), 0);
	assert_int_equal(doc.root->nr, 8);
	ydoc_release(&doc);
	assert_int_equal(parse(&doc, "[1,2,3,4,5,6,7,8,9]", 64, &dl), -1);
	assert_int_equal(dl.nr, 1);
	assert_true(tu_has_error(&dl, 1, 18, "more than 9 values in one file"));
	ydoc_release(&doc);
	diag_list_release(&dl);
}

/*
 * Strings without escapes stay in the file's bytes, ended by a NUL over the
 * closing quote; a diagnostic made afterwards still shows the line as read,
 * short or cut to a window.
 */
static void test_strings_in_place(void **state)
{
	static const struct {
		const char *src;
		const char *excerpt;
		int excerpt_col;
	} cases[] = {
		{"{\"a\": \"x\", \"b\": \"y\\\"z\"}", "{\"a\": \"x\", \"b\": \"y\\\"z\"}", 17},
		{"{\"a\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", "
		 "\"b\": \"y\\\"z\", \"c\": \"wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww\"}",
		 "\xe2\x80\xa6xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"b\": \"y\\\"z\", \"c\": "
		 "\"wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww\xe2\x80\xa6",
		 42},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct ydoc doc;
		const struct ynode *a, *b;

		assert_int_equal(parse(&doc, cases[i].src, 0, &dl), 0);
		a = ynode_get(doc.root, "a");
		b = ynode_get(doc.root, "b");
		assert_true(a->str > doc.data && a->str < doc.data + doc.len);
		assert_int_equal(strlen(a->str), a->len);
		/* A string with an escape is decoded into a copy. */
		assert_string_equal(b->str, "y\"z");
		assert_false(b->str >= doc.data && b->str < doc.data + doc.len);
		ydoc_error(&doc, &dl, b, "here");
		assert_int_equal(dl.nr, 1);
		assert_string_equal(dl.items[0].excerpt, cases[i].excerpt);
		assert_int_equal(dl.items[0].excerpt_col, cases[i].excerpt_col);
		ydoc_release(&doc);
		diag_list_release(&dl);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_tree_and_positions),
		cmocka_unit_test(test_duplicates_all_reported),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_value_limit),
		cmocka_unit_test(test_strings_in_place),
	};

	return cmocka_run_group_tests_name("jsondoc", tests, NULL, NULL);
}
