/* Unit tests for the CSV writer: quoted cells, defused formulas, no terminal controls. */
#include "testutil.h"

#include "out_csv.h"
#include "strbuf.h"

static void test_cell(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain", "\"plain\""},
		{"", "\"\""},
		{NULL, "\"\""},
		{"say \"hi\", then go", "\"say \"\"hi\"\", then go\""},
		/* Formulas: a leading apostrophe, so a spreadsheet shows text. */
		{"=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""},
		{"=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\""},
		{"+1", "\"'+1\""},
		{"-1", "\"'-1\""},
		{"@SUM(A1)", "\"'@SUM(A1)\""},
		{"\t=1", "\"'\t=1\""},
		{"\r=1", "\"' =1\""},
		{"a=1", "\"a=1\""},
		/* A quoted cell may hold tabs and line breaks; a CR becomes a space. */
		{"a\tb\nc\rd", "\"a\tb\nc d\""},
		/* Controls that drive a terminal: shown, never raw. */
		{"\033]0;pwned\a", "\"^[]0;pwned^G\""},
		{"\xc2\x9b"
		 "6n",
		 "\"<U+009B>6n\""},
		{"\x7f", "\"^?\""},
		{"\xe2\x80\xae"
		 "CISO",
		 "\"<U+202E>CISO\""},
		{"\xe2\x80\x8b=1", "\"<U+200B>=1\""},
		{"中文", "\"中文\""},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct csv_out o = CSV_OUT_INIT;
		struct strbuf got = STRBUF_INIT;

		csv_cell(&o, cases[i].in);
		csv_finish(&o, &got);
		if (strcmp(strbuf_str(&got), cases[i].out))
			fail_msg("case %zu: got [%s], want [%s]", i, strbuf_str(&got),
				 cases[i].out);
		strbuf_release(&got);
	}
}

static void test_rows(void **state)
{
	struct csv_out o = CSV_OUT_INIT;
	struct strbuf got = STRBUF_INIT;

	(void)state;
	csv_bom(&o);
	csv_cell(&o, "a");
	csv_cell(&o, "b");
	csv_end_row(&o);
	csv_cell(&o, "1");
	csv_cell(&o, NULL);
	csv_cell(&o, "=2");
	csv_end_row(&o);
	csv_bom(&o); /* only at the start */
	csv_finish(&o, &got);
	assert_string_equal(got.buf, "\xef\xbb\xbf\"a\",\"b\"\r\n\"1\",\"\",\"'=2\"\r\n");
	csv_release(&o);
	strbuf_release(&got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell),
		cmocka_unit_test(test_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
