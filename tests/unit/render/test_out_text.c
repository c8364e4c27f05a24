/* Unit tests for the terminal-text writer: user text cannot drive the terminal or reorder a line.
 */
#include "testutil.h"

#include "out_text.h"
#include "strbuf.h"
#include "term.h"

/* What the writer built, as a string the test owns. */
static char *finish(struct txt_out *o)
{
	struct strbuf sb = STRBUF_INIT;

	txt_finish(o, &sb);
	strbuf_add(&sb, "", 0);
	return strbuf_detach(&sb);
}

static void test_text(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain", "plain"},
		{"", ""},
		{"Evil \033[2J\033]0;pwned\a Bank", "Evil ^[[2J^[]0;pwned^G Bank"},
		{"a\tb\nc", "a b c"},
		{"\xc2\x9b"
		 "6n",
		 "<U+009B>6n"},
		{"\xe2\x80\xae"
		 "CISO, due 2026-01-01",
		 "<U+202E>CISO, due 2026-01-01"},
		{"pay\xe2\x80\x8bpal", "pay<U+200B>pal"},
		{"\xe2\x81\xa7x\xe2\x81\xa9", "<U+2067>x<U+2069>"},
		{"\xe2\x80\x8e\xe2\x80\x8f", "<U+200E><U+200F>"},
		{"\xe2\x80\xa9", "<U+2029>"},
		/* The wrapping marks cannot be smuggled in: they are controls too. */
		{"a\x1f"
		 "b\x1e"
		 "c\x1d",
		 "a^_b^^c^]"},
		{"<b>x</b> | *y*", "<b>x</b> | *y*"},
		{"中文", "中文"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct txt_out o = TXT_OUT_INIT;
		char *got;

		txt_text(&o, cases[i].in);
		got = finish(&o);
		if (strcmp(got, cases[i].out))
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, got, cases[i].out);
		free(got);
	}
}

/* Only colour sequences get in through txt_style. */
static void test_style(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"\033[1m", "\033[1m"},
		{"\033[1;31m", "\033[1;31m"},
		{"", ""},
		{"\033[2J", ""},
		{"\033]0;x\a", ""},
		{"bold", ""},
		{"\033[m", "\033[m"},
		{"\033[1mx", ""},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct txt_out o = TXT_OUT_INIT;
		char *got;

		txt_style(&o, cases[i].in);
		assert_int_equal(txt_styled(&o), cases[i].out[0] != '\0');
		got = finish(&o);
		if (strcmp(got, cases[i].out))
			fail_msg("case %zu: got \"%s\"", i, got);
		free(got);
	}
}

/* Every way in makes user text safe: padding, cutting, wrapping, unbroken stretches. */
static void test_compose(void **state)
{
	static const char evil[] = "\xe2\x80\xae"
				   "abc\033[2J";
	struct txt_out o = TXT_OUT_INIT, line = TXT_OUT_INIT;
	char *got;

	(void)state;
	txt_pad(&o, evil, 20);
	got = finish(&o);
	assert_string_equal(got, "<U+202E>abc^[[2J    ");
	free(got);

	txt_pad_cut(&o, evil, 6);
	got = finish(&o);
	assert_string_equal(got, "<U+20\xe2\x80\xa6");
	free(got);

	txt_wrap(&o, evil, 2, 40);
	got = finish(&o);
	assert_string_equal(got, "  <U+202E>abc^[[2J");
	free(got);

	txt_wrap_lines(&o, "# ", "one\ntwo \xe2\x80\xa8three", 40);
	got = finish(&o);
	assert_string_equal(got, "# one two <U+2028>three\n");
	free(got);

	txt_raw(&line, "[");
	txt_nobreak(&line, "a b\033");
	txt_rawf(&line, "]%c%d", TERM_NBSP, 7);
	assert_int_equal(txt_width(&line), 9);
	txt_wrap_styled(&o, &line, 0, 0, 40);
	got = finish(&o);
	assert_string_equal(got, "[a b^[] 7");
	free(got);
	txt_release(&line);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_style),
		cmocka_unit_test(test_compose),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
