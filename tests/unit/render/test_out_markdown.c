/* Unit tests for the Markdown writer: no raw HTML, no markup, no cell ends from user text. */
#include "testutil.h"

#include "out_markdown.h"
#include "strbuf.h"

static void test_text(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain text, (with) punctuation. 1-2", "plain text, (with) punctuation. 1-2"},
		{"", ""},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"<!-- x -->", "&lt;!-- x --&gt;"},
		{"&amp;", "&amp;amp;"},
		{"a | b", "a \\| b"},
		{"**bold** _em_ `code` ~~x~~",
		 "\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~x\\~\\~"},
		{"[link](javascript:x)", "\\[link\\](javascript:x)"},
		{"![img](x)", "!\\[img\\](x)"},
		{"# heading", "\\# heading"},
		{"back\\slash", "back\\\\slash"},
		{"$x^2$ costs $5", "\\$x^2\\$ costs \\$5"},
		{"two\nlines", "two lines"},
		{"esc \033[2J", "esc ^\\[\\[2J"},
		{"\xe2\x80\xae"
		 "CISO",
		 "&lt;U+202E&gt;CISO"},
		{"C\xe2\x80\x8bSO", "C&lt;U+200B&gt;SO"},
		{"\xef\xbb\xbf", "&lt;U+FEFF&gt;"},
		{"中文 | 治理", "中文 \\| 治理"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct md_out o = MD_OUT_INIT;
		struct strbuf got = STRBUF_INIT;

		md_text(&o, cases[i].in);
		md_finish(&o, &got);
		if (strcmp(strbuf_str(&got), cases[i].out))
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, strbuf_str(&got),
				 cases[i].out);
		strbuf_release(&got);
	}
}

static void test_raw_and_finish(void **state)
{
	struct md_out o = MD_OUT_INIT;
	struct strbuf got = STRBUF_INIT;

	(void)state;
	md_raw(&o, "| ");
	md_text(&o, NULL);
	md_text(&o, "a|b");
	md_rawf(&o, " | %u/%u |\n", 3u, 4u);
	md_finish(&o, &got);
	assert_string_equal(got.buf, "| a\\|b | 3/4 |\n");
	md_release(&o);
	strbuf_release(&got);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_raw_and_finish),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
