/* Unit tests for display widths and wrapping (term.c): what fits a terminal's width. */
#include "testutil.h"

#include "strbuf.h"
#include "term.h"

/* TERM_NBSP and the glue marks, as string literals for the styled cases. */
#define NB  "\x1f"
#define ON  "\x1e"
#define OFF "\x1d"

static void test_widths(void **state)
{
	static const struct {
		const char *s;
		int width, styled;
	} cases[] = {
		{"", 0, 0},
		{"abc", 3, 3},
		{"治理", 4, 4},
		{"IT 资产", 7, 7},
		{"e\xcc\x81", 1, 1},	 /* e + combining acute */
		{"a\xd2\x83", 1, 1},	 /* Cyrillic combining titlo */
		{"x\xe2\x83\x97", 1, 1}, /* combining arrow above (U+20D7) */
		{"a\xe2\x80\x8d"
		 "b",
		 2, 2},				    /* zero-width joiner */
		{"\xef\xbc\xa1\xef\xbc\xa2", 4, 4}, /* fullwidth AB */
		{"\xea\xb0\x80", 2, 2},		    /* Hangul syllable */
		{"\xf0\x9f\x9a\x80", 2, 2},	    /* rocket emoji (U+1F680) */
		{"\xe2\x9c\x93 ok", 4, 4},	    /* check mark is narrow */
		{"\xe2\x96\x88\xe2\x96\x91", 2, 2}, /* the bar graph's blocks */
		{"\xff", 1, 1},			    /* a bad byte shows as one column */
		{"\033[1mbold\033[0m", 12, 4},	    /* colour takes no column when styled */
		{"\033[1;31m中\033[0m", 13, 2},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (term_width(cases[i].s) != cases[i].width)
			fail_msg("term_width case %zu: %d, expected %d", i, term_width(cases[i].s),
				 cases[i].width);
		if (term_width_styled(cases[i].s) != cases[i].styled)
			fail_msg("term_width_styled case %zu: %d, expected %d", i,
				 term_width_styled(cases[i].s), cases[i].styled);
	}
	assert_int_equal(term_prose_width(60), 60);
	assert_int_equal(term_prose_width(100), 100);
	assert_int_equal(term_prose_width(132), TERM_PROSE_MAX);
}

static void test_wrap_plain(void **state)
{
	static const struct {
		const char *text;
		int indent, width;
		const char *out;
	} cases[] = {
		/* ASCII: breaks at spaces, every line indented. */
		{"the quick brown fox jumps over the lazy dog", 2, 24,
		 "  the quick brown fox\n  jumps over the lazy\n  dog"},
		/* A line exactly the width is not broken. */
		{"aaaa bbbb cccc", 0, 14, "aaaa bbbb cccc"},
		{"aaaa bbbb cccc", 0, 13, "aaaa bbbb\ncccc"},
		/* Spaces squeezed, leading and trailing ones dropped. */
		{"  a   b  ", 0, 40, "a b"},
		/* A token wider than the line stays whole, on its own line. */
		{"see https://example.com/a/very/long/path/that/cannot/break for more", 4, 30,
		 "    see\n    https://example.com/a/very/long/path/that/cannot/break\n    for more"},
		{"hyphenated-words-are-never-split-at-hyphens ok", 0, 20,
		 "hyphenated-words-are-never-split-at-hyphens\nok"},
		/* CJK: between any two characters, never inside one. */
		{"认可机构应制定网络安全战略", 0, 10, "认可机构应\n制定网络安\n全战略"},
		/* An odd width leaves the column a wide character would straddle empty. */
		{"认可机构应制定网络安全战略", 0, 11, "认可机构应\n制定网络安\n全战略"},
		/* Closing punctuation never starts a line, opening never ends one. */
		{"认可机构应制定网络安全战略，并配套行动计划。", 0, 26,
		 "认可机构应制定网络安全战\n略，并配套行动计划。"},
		{"共担责任模式（认可机构与腾讯云）", 0, 14, "共担责任模式\n（认可机构与腾\n讯云）"},
		{"控制目录 HKMA 2026.11 (内置, 45 项)", 0, 22,
		 "控制目录 HKMA 2026.11\n(内置, 45 项)"},
		{"目标 中级 (由固有风险确定: 中)", 0, 28, "目标 中级 (由固有风险确定:\n中)"},
		/* Mixed: a Latin word runs into CJK with no space and may break there. */
		{"中文English混合text测试", 0, 12, "中文English\n混合text测试"},
		{"中文English混合text测试", 0, 10, "中文\nEnglish混\n合text测试"},
		/* Combining marks stay with their base character. */
		{"cafe\xcc\x81 nai\xcc\x88ve re\xcc\x81sume\xcc\x81", 0, 11,
		 "cafe\xcc\x81 nai\xcc\x88ve\nre\xcc\x81sume\xcc\x81"},
		{"中\xcc\x81中\xcc\x81中\xcc\x81中\xcc\x81中\xcc\x81中\xcc\x81", 0, 10,
		 "中\xcc\x81中\xcc\x81中\xcc\x81中\xcc\x81中\xcc\x81\n中\xcc\x81"},
		/* Control characters are made visible, then wrapped like text. */
		{"x \033[2Jy", 0, 80, "x ^[[2Jy"},
		{"tab\there", 0, 80, "tab here"},
		/* At least 10 columns are left after an indent, however narrow. */
		{"one two three", 30, 32,
		 "                              one two\n"
		 "                              three"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		term_wrap(&sb, cases[i].text, cases[i].indent, cases[i].width);
		if (strcmp(strbuf_str(&sb), cases[i].out))
			fail_msg("term_wrap case %zu:\n%s\nexpected:\n%s", i, strbuf_str(&sb),
				 cases[i].out);
		strbuf_release(&sb);
	}
}

static void test_wrap_hanging(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_adds(&sb, "  Label  ");
	term_wrap_hanging(&sb, "alpha beta gamma delta", 9, 22);
	assert_string_equal(sb.buf, "  Label  alpha beta\n         gamma delta");
	strbuf_reset(&sb);
	term_wrap_hanging(&sb, "", 4, 40);
	assert_string_equal(strbuf_str(&sb), "");
	strbuf_release(&sb);
}

static void test_wrap_styled(void **state)
{
	static const struct {
		const char *text;
		int col, indent, width;
		const char *out;
	} cases[] = {
		/* Runs of spaces are kept within a line, dropped at a break. */
		{"3.1.5  Remote access  [baseline] partial", 2, 9, 42,
		 "3.1.5  Remote access  [baseline] partial"},
		{"3.1.5  Remote access  [baseline]" NB "partial", 2, 9, 30,
		 "3.1.5  Remote access\n         [baseline] partial"},
		/* Leading spaces of the first line are layout: kept. */
		{"  a  b", 0, 2, 40, "  a  b"},
		/* Colour takes no columns and is never separated from its word. */
		{"\033[1mbold\033[0m words here", 0, 0, 14, "\033[1mbold\033[0m words\nhere"},
		{"\033[31m中文中文中文\033[0m", 0, 0, 10, "\033[31m中文中文中\n文\033[0m"},
		{"word \033[0m", 0, 0, 4, "word\033[0m"},
		/* Unbreakable spaces hold words together and come out as spaces. */
		{"x not" NB "met" NB "->" NB "compensating", 0, 2, 20,
		 "x\n  not met -> compensating"},
		/* The first line continues at col; a unit that does not fit there moves down. */
		{"alpha beta", 14, 2, 20, "alpha\n  beta"},
		{"unbreakable", 14, 2, 20, "\n  unbreakable"},
		{"", 3, 3, 40, ""},
		/* CJK in styled text breaks like plain text, except where glued. */
		{"领域 ✓ 中级 基线 4/4", 2, 2, 20, "领域 ✓ 中级 基线\n  4/4"},
		{"领域 ✓ 中级 " ON "基线" OFF NB "4/4, " ON "中级" OFF NB "1/4", 2, 2, 20,
		 "领域 ✓ 中级\n  基线 4/4, 中级 1/4"},
		{"认可机构" ON "网络安全" OFF "战略", 0, 0, 10, "认可机构\n网络安全战\n略"},
		/* An unbreakable space keeps CJK on both sides together. */
		{"认可机构 11" NB "项差距", 0, 0, 10, "认可机构\n11 项差距"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		term_wrap_styled(&sb, cases[i].text, cases[i].col, cases[i].indent, cases[i].width);
		if (strcmp(strbuf_str(&sb), cases[i].out))
			fail_msg("term_wrap_styled case %zu:\n%s\nexpected:\n%s", i,
				 strbuf_str(&sb), cases[i].out);
		strbuf_release(&sb);
	}
	{
		struct strbuf sb = STRBUF_INIT;

		term_add_nobreak(&sb, "not applicable");
		assert_string_equal(sb.buf, ON "not" NB "applicable" OFF);
		assert_int_equal(term_width_styled(sb.buf), 14);
		strbuf_release(&sb);
	}
}

static void test_pad_cut(void **state)
{
	static const struct {
		const char *s;
		int width;
		const char *out;
	} cases[] = {
		{"short", 8, "short   "},
		{"exactly8", 8, "exactly8"},
		{"7 Third-party risk management", 28, "7 Third-party risk manageme\xe2\x80\xa6"},
		/* A wide character is never split: the column it would need stays blank. */
		{"治理治理", 6, "治理\xe2\x80\xa6 "},
		{"治理治理", 5, "治理\xe2\x80\xa6"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		term_pad_cut(&sb, cases[i].s, cases[i].width);
		assert_string_equal(sb.buf, cases[i].out);
		assert_int_equal(term_width(sb.buf), cases[i].width);
		strbuf_release(&sb);
	}
}

/* Every line fits unless it is one token, and no word or character is cut. */
static void check_wrapped(const char *text, const char *out, int indent, int width, bool cjk)
{
	struct strbuf joined = STRBUF_INIT, expect = STRBUF_INIT;
	const char *line = out;

	while (line) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		char *copy = strndup(line, len);
		const char *body = copy;

		assert_non_null(copy);
		for (int i = 0; i < indent; i++, body++)
			if (*body != ' ')
				fail_msg("line lacks its indent: \"%s\"", copy);
		if (term_width(copy) > width && strchr(body, ' '))
			fail_msg("\"%s\" is %d columns, more than %d", copy, term_width(copy),
				 width);
		if (len && copy[len - 1] == ' ')
			fail_msg("trailing space in \"%s\"", copy);
		/* Put the text back together: a break stands for a space between words. */
		if (joined.len && !cjk)
			strbuf_addc(&joined, ' ');
		strbuf_adds(&joined, body);
		free(copy);
		line = nl ? nl + 1 : NULL;
	}
	for (const char *s = text; *s; s++)
		if (!cjk || *s != ' ')
			strbuf_addc(&expect, *s);
	if (cjk) {
		/* CJK lines join without spaces; compare with spaces taken out. */
		struct strbuf j2 = STRBUF_INIT;

		for (const char *s = strbuf_str(&joined); *s; s++)
			if (*s != ' ')
				strbuf_addc(&j2, *s);
		assert_string_equal(strbuf_str(&j2), strbuf_str(&expect));
		strbuf_release(&j2);
	} else {
		assert_string_equal(strbuf_str(&joined), strbuf_str(&expect));
	}
	strbuf_release(&joined);
	strbuf_release(&expect);
}

static void test_wrap_every_width(void **state)
{
	static const struct {
		const char *text;
		bool cjk;
	} texts[] = {
		{"The institution should require encrypted connections and multi-factor "
		 "authentication for remote access by employees, contractors and third parties.",
		 false},
		{"对于员工、承包商及第三方的远程访问，认可机构应要求其经加密连接进行，并通过多因素身份"
		 "验证；具备网络访问权限的非特权账户也应强制使用多因素身份验证。",
		 true},
		{"整改: Move the remaining vendor accounts to SSL VPN (Head of IT, 截止 "
		 "2026-12-31) 腾讯云: SSL VPN, VPN Connection (VPN 连接)",
		 true},
	};

	(void)state;
	for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++)
		for (int width = 20; width <= 100; width++)
			for (int indent = 0; indent <= 9; indent += 9) {
				struct strbuf sb = STRBUF_INIT;

				term_wrap(&sb, texts[t].text, indent, width);
				check_wrapped(texts[t].text, strbuf_str(&sb), indent, width,
					      texts[t].cjk);
				strbuf_release(&sb);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),	     cmocka_unit_test(test_wrap_plain),
		cmocka_unit_test(test_wrap_hanging), cmocka_unit_test(test_wrap_styled),
		cmocka_unit_test(test_pad_cut),	     cmocka_unit_test(test_wrap_every_width),
	};

	return cmocka_run_group_tests_name("wrap", tests, NULL, NULL);
}
