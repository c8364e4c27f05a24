/* Unit tests for what text may go into a workbook: XML-safe, and cut to what a cell holds. */
#include "testutil.h"

#include <stdbool.h>
#include <stdint.h>

#include "out_xlsx.h"
#include "report.h"
#include "strbuf.h"
#include "textsafe.h"

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
		/* Legal XML 1.0, but shown by code in every output. */
		{"\x7f", "<U+007F>"},
		{"\xc2\x9b"
		 "6n",
		 "<U+009B>6n"},
		{"\xe2\x80\xae"
		 "evil",
		 "<U+202E>evil"},
		{"a\xe2\x80\x8b"
		 "b\xef\xbb\xbf",
		 "a<U+200B>b<U+FEFF>"},
		{"\xe2\x81\xa6x\xe2\x81\xa9", "<U+2066>x<U+2069>"},
		{"\xe2\x80\xa8", "<U+2028>"},
		/* Look-alikes are text: a no-break space, an emoji's variation selector. */
		{"a\xc2\xa0"
		 "b",
		 "a\xc2\xa0"
		 "b"},
		{"\xe2\x9c\x94\xef\xb8\x8f", "\xe2\x9c\x94\xef\xb8\x8f"},
		{"\xff", "<0xFF>"},
		{"\xed\xa0\x80", "<0xED><0xA0><0x80>"}, /* a surrogate is not UTF-8 */
		{"=1+1", "=1+1"},			/* stored as a string, not a formula */
		{"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80"},
		{"中文", "中文"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct strbuf out = STRBUF_INIT;

		assert_int_equal(wb_cell_text(&out, cases[k].in, SIZE_MAX), 0);
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
		{"a", 40000, WB_CELL_MAX, 7269, "aaaa"},
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
		cut = wb_cell_text(&out, in.buf, cases[k].max);
		if (cut != cases[k].cut)
			fail_msg("case %zu: %zu characters cut, want %zu", k, cut, cases[k].cut);
		assert_true(units(out.buf) <= cases[k].max);
		assert_memory_equal(out.buf, cases[k].start, strlen(cases[k].start));
		if (cut) {
			strbuf_addf(&marker, WB_TRUNCATED, cut);
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

/* Appends code point cp as UTF-8. */
static void add_utf8(struct strbuf *sb, unsigned cp)
{
	if (cp < 0x80) {
		strbuf_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		strbuf_addc(sb, (char)(0xc0 | cp >> 6));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		strbuf_addc(sb, (char)(0xe0 | cp >> 12));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addc(sb, (char)(0xf0 | cp >> 18));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 12) & 0x3f)));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

/* Decodes the UTF-8 character at *p (known valid) and moves past it. */
static unsigned next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned cp;
	int n;

	if (s[0] < 0x80)
		cp = s[0], n = 1;
	else if (s[0] < 0xe0)
		cp = s[0] & 0x1f, n = 2;
	else if (s[0] < 0xf0)
		cp = s[0] & 0x0f, n = 3;
	else
		cp = s[0] & 0x07, n = 4;
	for (int i = 1; i < n; i++)
		cp = cp << 6 | (s[i] & 0x3f);
	*p = s + n;
	return cp;
}

/*
 * Every code point, alone and between letters: the result is well-formed
 * XML 1.0 text, holds no bidirectional control or invisible character
 * (checked against the list in docs/security.md, not the code's own), and
 * a character that is neither comes through unchanged.
 */
static void test_xlsx_text_every_code_point(void **state)
{
	static const unsigned shown[][2] = {
		{0x00, 0x08},	  {0x0b, 0x0c},	    {0x0e, 0x1f},     {0x7f, 0x9f},
		{0x061c, 0x061c}, {0x200b, 0x200f}, {0x202a, 0x202e}, {0x2028, 0x2029},
		{0x2060, 0x2060}, {0x2066, 0x2069}, {0xfeff, 0xfeff}, {0xfffe, 0xffff},
	};
	struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;

	(void)state;
	for (unsigned cp = 0; cp <= 0x10ffff; cp++) {
		const unsigned char *p;
		bool must_show = false;

		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		for (size_t i = 0; i < sizeof(shown) / sizeof(shown[0]); i++)
			must_show |= cp >= shown[i][0] && cp <= shown[i][1];
		strbuf_reset(&in);
		strbuf_reset(&out);
		strbuf_addc(&in, 'a');
		add_utf8(&in, cp);
		strbuf_addc(&in, 'b');
		assert_int_equal(wb_cell_text(&out, in.buf, SIZE_MAX), 0);
		if (!cp) {
			/* A C string ends at NUL: nothing of it is seen. */
			assert_string_equal(out.buf, "a");
			continue;
		}
		if (must_show) {
			char want[16];

			snprintf(want, sizeof(want), "a<U+%04X>b", cp);
			if (strcmp(out.buf, want))
				fail_msg("U+%04X: got \"%s\", want \"%s\"", cp, out.buf, want);
		}
		for (p = (const unsigned char *)out.buf; *p;) {
			unsigned c = next_cp(&p);

			if (!(c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) ||
			      (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)))
				fail_msg("U+%04X: XML forbids U+%04X in the result", cp, c);
			for (size_t i = 3; i < sizeof(shown) / sizeof(shown[0]); i++)
				if (c >= shown[i][0] && c <= shown[i][1])
					fail_msg("U+%04X: U+%04X left in the result", cp, c);
		}
		if (!textsafe_hidden(cp) && cp != 0xfffe && cp != 0xffff)
			assert_string_equal(out.buf, in.buf);
	}
	strbuf_release(&in);
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xlsx_text_xml_safe),
		cmocka_unit_test(test_xlsx_text_truncated),
		cmocka_unit_test(test_xlsx_text_every_code_point),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
