/* term: how text shows on a terminal: widths, sanitising, wrapping. */
#include "testutil.h"

#include "strbuf.h"
#include "term.h"

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(term_width("abc"), 3);
	assert_int_equal(term_width("治理"), 4);
	assert_int_equal(term_width("IT 资产"), 7);
	assert_int_equal(term_width_prefix("治理abc", 3), 5);
	assert_int_equal(term_width("e\xcc\x81"), 1); /* combining accent */
}

static void test_sanitize(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain", "plain"},
		{"red \033[31mtext", "red ^[[31mtext"},
		{"bell\a", "bell^G"},
		{"line\nbreak\ttab", "line break tab"},
		{"csi \xc2\x9b"
		 "2J",
		 "csi <U+009B>2J"},
		{"del\x7f", "del^?"},
		{"中文", "中文"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		term_sanitize(&sb, cases[i].in, strlen(cases[i].in));
		assert_string_equal(sb.buf, cases[i].out);
		strbuf_release(&sb);
	}
}

static void test_wrap(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	term_wrap(&sb, "the quick brown fox jumps over the lazy dog", 2, 24);
	assert_string_equal(sb.buf, "  the quick brown fox\n  jumps over the lazy\n  dog");
	strbuf_reset(&sb);
	/* CJK text breaks between characters, never before closing punctuation. */
	term_wrap(&sb, "认可机构应制定网络安全战略，并配套行动计划。", 0, 26);
	assert_string_equal(sb.buf, "认可机构应制定网络安全战\n略，并配套行动计划。");
	strbuf_reset(&sb);
	term_wrap(&sb, "x \033[2Jy", 0, 80);
	assert_string_equal(sb.buf, "x ^[[2Jy");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_wrap),
	};

	return cmocka_run_group_tests_name("term", tests, NULL, NULL);
}
