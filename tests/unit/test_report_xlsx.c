/* Unit tests for what text may go into a workbook: XML-safe, and cut to what a cell holds. */
#include "testutil.h"

#include <stdint.h>

#include "report.h"
#include "strbuf.h"

/* UTF-16 units in s, as Excel counts a cell's characters. */
static size_t units(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xc0) != 0x80)
			n += *p >= 0xf0 ? 2 : 1;
	return n;
}

/* Characters XML 1.0 forbids become visible; everything it allows is kept as it is. */
static void test_xlsx_text_xml_safe(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"", ""},
		{"plain text", "plain text"},
		{"tab\tLF\nCR\r", "tab\tLF\nCR\r"},
		{"\x1b[31mred", "<U+001B>[31mred"},
		{"a\x01"
		 "b\x1f"
		 "c",
		 "a<U+0001>b<U+001F>c"},
		{"\xef\xbf\xbf", "<U+FFFF>"},
		{"\xef\xbf\xbe", "<U+FFFE>"},
		{"\xef\xbf\xbd", "\xef\xbf\xbd"}, /* U+FFFD is allowed */
		{"\x7f", "\x7f"},
		{"\xc2\x9b"
		 "6n",
		 "\xc2\x9b"
		 "6n"}, /* C1 controls are legal XML 1.0 */
		{"\xff", "<0xFF>"},
		{"\xed\xa0\x80", "<0xED><0xA0><0x80>"}, /* a surrogate is not UTF-8 */
		{"=1+1", "=1+1"},			/* stored as a string, not a formula */
		{"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"},
		{"中文", "中文"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct strbuf out = STRBUF_INIT;

		assert_int_equal(report_xlsx_text(&out, cases[k].in, SIZE_MAX), 0);
		assert_non_null(out.buf);
		if (strcmp(out.buf, cases[k].want))
			fail_msg("case %zu: got \"%s\", want \"%s\"", k, out.buf, cases[k].want);
		strbuf_release(&out);
	}
}

/* Text longer than max is cut with a marker saying how much went, and never exceeds max. */
static void test_xlsx_text_truncated(void **state)
{
	static const struct {
		const char *unit; /* repeated */
		size_t times, max;
		size_t cut;	   /* characters cut, 0 for none */
		const char *start; /* what the result begins with */
	} cases[] = {
		{"a", 40, 40, 0, "aaaa"},
		{"a", 41, 40, 34, "aaaa"},
		{"a", 40000, REPORT_XLSX_CELL_MAX, 7269, "aaaa"},
		/* Four bytes, two UTF-16 units each. */
		{"\xf0\x9f\x98\x80", 30, 40, 27, "\xf0\x9f\x98\x80"},
		/* An ESC is eight units once visible, and is never split. */
		{"\x1b", 10, 60, 7, "<U+001B>"},
		{"中", 50, 40, 43, "中中"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct strbuf in = STRBUF_INIT, out = STRBUF_INIT, marker = STRBUF_INIT;
		/* Bytes one repeated unit takes in the result. */
		size_t piece = strcmp(cases[k].unit, "\x1b") ? strlen(cases[k].unit) : 8;
		size_t cut;

		for (size_t i = 0; i < cases[k].times; i++)
			strbuf_adds(&in, cases[k].unit);
		cut = report_xlsx_text(&out, in.buf, cases[k].max);
		if (cut != cases[k].cut)
			fail_msg("case %zu: %zu characters cut, want %zu", k, cut, cases[k].cut);
		assert_true(units(out.buf) <= cases[k].max);
		assert_memory_equal(out.buf, cases[k].start, strlen(cases[k].start));
		if (cut) {
			strbuf_addf(&marker, REPORT_XLSX_TRUNCATED, cut);
			assert_true(out.len > marker.len);
			assert_string_equal(out.buf + out.len - marker.len, marker.buf);
			/* What is kept is whole: no character or visible form cut in two. */
			assert_int_equal((out.len - marker.len) % piece, 0);
		} else {
			assert_string_equal(out.buf, in.buf);
		}
		strbuf_release(&in);
		strbuf_release(&out);
		strbuf_release(&marker);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_text_xml_safe),
		cmocka_unit_test(test_xlsx_text_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
