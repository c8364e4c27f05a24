/* sniff: answers, reports and workbooks told apart by their bytes. */
#include "testutil.h"

#include "sniff.h"

static void test_kinds(void **state)
{
	static const struct {
		const char *data;
		size_t len;
		enum sniff_kind want;
	} cases[] = {
		{"version: 1\n", 11, SNIFF_YAML},
		{"", 0, SNIFF_YAML},
		{"   \n\t", 5, SNIFF_YAML},
		{"[1, 2]", 6, SNIFF_YAML},
		{"# {\n", 4, SNIFF_YAML},
		{"a: {b: 1}", 9, SNIFF_YAML},
		{"\xef\xbb\xbf", 3, SNIFF_YAML},
		{" \t\r\n{", 5, SNIFF_JSON},
		{"{\"a\": 1}", 8, SNIFF_JSON},
		{"\n  {}", 5, SNIFF_JSON},
		{"\xef\xbb\xbf{}", 5, SNIFF_JSON},
		{"{\"schema\": \"craf-report/1\"}", 27, SNIFF_REPORT},
		{"\xef\xbb\xbf {\"schema\": \"craf-report/2\"}", 31, SNIFF_REPORT},
		{"{\"schema\": \"craf-diff/1\"}", 25, SNIFF_JSON},
		{"PK\x03\x04\x14\x00", 6, SNIFF_ZIP},
		{"PK\x05\x06", 4, SNIFF_ZIP},
		{"PK\x03", 3, SNIFF_YAML},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", 9, SNIFF_OLE2},
		{"\x1f\x8b\x08\x00", 4, SNIFF_GZIP},
		{"\x1f", 1, SNIFF_YAML},
		{"\xd0\xcf\x11\xe0", 4, SNIFF_YAML},
		/* A NUL before the brace is not white space. */
		{"\0{}", 3, SNIFF_YAML},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (sniff(cases[i].data, cases[i].len) != cases[i].want)
			fail_msg("case %zu: got %d, want %d", i, sniff(cases[i].data, cases[i].len),
				 cases[i].want);
}

static void test_schema_window(void **state)
{
	/* The schema's name counts only near the top, so a huge file is not scanned. */
	static char buf[8192];
	static const char tail[] = "\"craf-report/1\"}";

	(void)state;
	memset(buf, ' ', sizeof(buf));
	buf[0] = '{';
	memcpy(buf + 100, tail, sizeof(tail) - 1);
	assert_int_equal(sniff(buf, sizeof(buf)), SNIFF_REPORT);
	memset(buf + 100, ' ', sizeof(tail) - 1);
	memcpy(buf + 5000, tail, sizeof(tail) - 1);
	assert_int_equal(sniff(buf, sizeof(buf)), SNIFF_JSON);
	assert_true(sniff_is_json(SNIFF_JSON));
	assert_true(sniff_is_json(SNIFF_REPORT));
	assert_false(sniff_is_json(SNIFF_ZIP));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_schema_window),
	};

	return cmocka_run_group_tests_name("sniff", tests, NULL, NULL);
}
