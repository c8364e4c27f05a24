/* Unit tests for the one classification of characters every writer and diagnostic shares. */
#include "testutil.h"

#include "diag.h"
#include "strbuf.h"
#include "textsafe.h"

static void test_kind(void **state)
{
	static const struct {
		unsigned cp;
		enum textsafe_kind kind;
	} cases[] = {
		{'a', TEXTSAFE_PLAIN},
		{' ', TEXTSAFE_PLAIN},
		{'~', TEXTSAFE_PLAIN},
		{0x00, TEXTSAFE_CONTROL},
		{'\t', TEXTSAFE_CONTROL},
		{'\n', TEXTSAFE_CONTROL},
		{0x1b, TEXTSAFE_CONTROL},
		{0x7f, TEXTSAFE_CONTROL},
		{0x80, TEXTSAFE_CONTROL},
		{0x9b, TEXTSAFE_CONTROL},
		{0x9f, TEXTSAFE_CONTROL},
		{0xa0, TEXTSAFE_LOOKALIKE},
		{0xad, TEXTSAFE_INVISIBLE},
		{0xe9, TEXTSAFE_PLAIN},
		{0x05d0, TEXTSAFE_PLAIN}, /* Hebrew alef: a letter, not a control */
		{0x061c, TEXTSAFE_BIDI},
		{0x2000, TEXTSAFE_LOOKALIKE},
		{0x200a, TEXTSAFE_LOOKALIKE},
		{0x200b, TEXTSAFE_INVISIBLE},
		{0x200c, TEXTSAFE_INVISIBLE},
		{0x200d, TEXTSAFE_INVISIBLE},
		{0x200e, TEXTSAFE_BIDI},
		{0x200f, TEXTSAFE_BIDI},
		{0x2028, TEXTSAFE_SEPARATOR},
		{0x2029, TEXTSAFE_SEPARATOR},
		{0x202a, TEXTSAFE_BIDI},
		{0x202e, TEXTSAFE_BIDI},
		{0x202f, TEXTSAFE_LOOKALIKE},
		{0x2060, TEXTSAFE_INVISIBLE},
		{0x2066, TEXTSAFE_BIDI},
		{0x2069, TEXTSAFE_BIDI},
		{0x206a, TEXTSAFE_INVISIBLE},
		{0x3000, TEXTSAFE_PLAIN}, /* the ideographic space is ordinary CJK text */
		{0x4e2d, TEXTSAFE_PLAIN},
		{0xfe0f, TEXTSAFE_LOOKALIKE},
		{0xfeff, TEXTSAFE_INVISIBLE},
		{0x1f600, TEXTSAFE_PLAIN},
		{0xe0041, TEXTSAFE_INVISIBLE}, /* a tag character */
		{0xe0100, TEXTSAFE_LOOKALIKE},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum textsafe_kind k = textsafe_kind(cases[i].cp);

		if (k != cases[i].kind)
			fail_msg("U+%04X: kind %d, want %d", cases[i].cp, k, cases[i].kind);
		assert_int_equal(textsafe_hidden(cases[i].cp),
				 k != TEXTSAFE_PLAIN && k != TEXTSAFE_LOOKALIKE);
	}
}

/* Diagnostics and writers agree: diagnostics show every non-ASCII character that is not plain. */
static void test_diag_agrees(void **state)
{
	(void)state;
	for (unsigned cp = 0xa0; cp <= 0x10ffff; cp++) {
		enum textsafe_kind k = textsafe_kind(cp);

		if (diag_invisible(cp) != (k != TEXTSAFE_PLAIN))
			fail_msg("U+%04X: diagnostics and writers disagree", cp);
		if (textsafe_hidden(cp) && !diag_invisible(cp))
			fail_msg("U+%04X: a writer shows it but a diagnostic would not", cp);
	}
}

static void test_add(void **state)
{
	static const struct {
		const char *in;
		unsigned flags;
		const char *out;
	} cases[] = {
		{"plain", 0, "plain"},
		{"", 0, ""},
		{"esc \033]0;pwned\a", 0, "esc ^[]0;pwned^G"},
		{"del\x7f", 0, "del^?"},
		{"csi \xc2\x9b"
		 "2J",
		 0, "csi <U+009B>2J"},
		{"a\tb\nc\rd", 0, "a b c d"},
		{"a\tb\nc\rd", TEXTSAFE_KEEP_TAB, "a\tb c d"},
		{"a\tb\nc\rd", TEXTSAFE_KEEP_NEWLINE, "a b\nc d"},
		{"a\tb\nc\rd", TEXTSAFE_KEEP_TAB | TEXTSAFE_KEEP_NEWLINE, "a\tb\nc d"},
		{"\xe2\x80\xae"
		 "CISO",
		 0, "<U+202E>CISO"},
		{"C\xe2\x80\x8bSO", 0, "C<U+200B>SO"},
		{"\xef\xbb\xbfx", 0, "<U+FEFF>x"},
		{"\xe2\x81\xa6x\xe2\x81\xa9", 0, "<U+2066>x<U+2069>"},
		{"line\xe2\x80\xa8sep", 0, "line<U+2028>sep"},
		{"\xd8\x9c", 0, "<U+061C>"},
		{"\xf3\xa0\x81\x81", 0, "<U+E0041>"},
		{"no\xc2\xa0"
		 "break",
		 0,
		 "no\xc2\xa0"
		 "break"},
		{"\xe2\x9c\x94\xef\xb8\x8f", 0, "\xe2\x9c\x94\xef\xb8\x8f"},
		{"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", 0, "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d"},
		{"中文", 0, "中文"},
		{"bad \xff byte", 0, "bad <0xFF> byte"},
		{"\xc0\xaf", 0, "<0xC0><0xAF>"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT, again = STRBUF_INIT;

		textsafe_add(&sb, cases[i].in, strlen(cases[i].in), cases[i].flags);
		assert_non_null(sb.buf);
		if (strcmp(sb.buf, cases[i].out))
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, sb.buf, cases[i].out);
		/* Safe text stays as it is: writers may pass it through twice. */
		textsafe_add(&again, sb.buf, sb.len, cases[i].flags);
		assert_string_equal(again.buf, sb.buf);
		strbuf_release(&sb);
		strbuf_release(&again);
	}
}

static void test_rtl(void **state)
{
	static const struct {
		unsigned cp;
		bool rtl;
	} cases[] = {
		{'a', false},	  {0x4e2d, false}, {0x05d0, true},  {0x0627, true},
		{0x0661, true},	  {0x0710, true},  {0xfb1d, true},  {0xfe70, true},
		{0x10900, true},  {0x1e900, true}, {0x202e, false}, {0x2000, false},
		{0x1f600, false},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (textsafe_rtl(cases[i].cp) != cases[i].rtl)
			fail_msg("U+%04X: rtl %d", cases[i].cp, !cases[i].rtl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind),
		cmocka_unit_test(test_diag_agrees),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_rtl),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
