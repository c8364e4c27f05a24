/* Unit tests for escaping user text into HTML and Markdown: no text becomes markup. */
#include "testutil.h"

#include "escape.h"
#include "strbuf.h"

struct escape_case {
	const char *input;
	const char *html;
	const char *markdown;
};

static const struct escape_case cases[] = {
	{"plain text", "plain text", "plain text"},
	{"", "", ""},
	{"R&D <b>bold</b>", "R&amp;D &lt;b&gt;bold&lt;/b&gt;", "R&amp;D &lt;b&gt;bold&lt;/b&gt;"},
	{"\"quoted\" and 'single'", "&quot;quoted&quot; and &#39;single&#39;",
	 "\"quoted\" and 'single'"},
	{"a|b *c* _d_ `e` [f] ~g~ #h \\i", "a|b *c* _d_ `e` [f] ~g~ #h \\i",
	 "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\] \\~g\\~ \\#h \\\\i"},
	/* Controls are made visible, line breaks become spaces: one line, one cell. */
	{"one\ntwo\tthree", "one two three", "one two three"},
	{"\x1b[31mred", "^[[31mred", "^\\[\\[31mred"},
	{"\xe9\xa2\xa8\xe9\x9a\xaa & co", "\xe9\xa2\xa8\xe9\x9a\xaa &amp; co",
	 "\xe9\xa2\xa8\xe9\x9a\xaa &amp; co"},
};

static void test_escapes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf html = STRBUF_INIT, md = STRBUF_INIT;

		/* Appended after what the buffer holds. */
		strbuf_adds(&html, ">");
		strbuf_adds(&md, ">");
		escape_html(&html, cases[i].input);
		escape_markdown(&md, cases[i].input);
		if (strcmp(html.buf + 1, cases[i].html) || strcmp(md.buf + 1, cases[i].markdown))
			fail_msg("case %zu: html [%s], markdown [%s]", i, html.buf + 1, md.buf + 1);
		strbuf_release(&html);
		strbuf_release(&md);
	}
}

static void test_null_appends_nothing(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	strbuf_adds(&sb, "kept");
	escape_html(&sb, NULL);
	escape_markdown(&sb, NULL);
	assert_string_equal(sb.buf, "kept");
	strbuf_release(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_null_appends_nothing),
	};

	return cmocka_run_group_tests_name("escape", tests, NULL, NULL);
}
