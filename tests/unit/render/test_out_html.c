/* Unit tests for the HTML writer: user text never becomes markup or reorders its neighbours. */
#include "testutil.h"

#include "out_html.h"
#include "strbuf.h"

static const struct {
	const char *in;
	const char *text; /* html_text */
	const char *attr; /* html_attr */
} cases[] = {
	{"plain", "plain", "plain"},
	{"", "", ""},
	{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;",
	 "&lt;script&gt;alert(1)&lt;/script&gt;"},
	{"\"Bank\" & 'Co'", "&quot;Bank&quot; &amp; &#39;Co&#39;",
	 "&quot;Bank&quot; &amp; &#39;Co&#39;"},
	{"x\" onmouseover=\"y", "x&quot; onmouseover=&quot;y", "x&quot; onmouseover=&quot;y"},
	{"&lt;", "&amp;lt;", "&amp;lt;"},
	{"esc \033]0;pwned\a", "esc ^[]0;pwned^G", "esc ^[]0;pwned^G"},
	{"a\nb", "a b", "a b"},
	{"\xc2\x9b"
	 "2J",
	 "&lt;U+009B&gt;2J", "&lt;U+009B&gt;2J"},
	/* Bidirectional controls and invisible characters: shown by code, never raw. */
	{"\xe2\x80\xae"
	 "CISO",
	 "&lt;U+202E&gt;CISO", "&lt;U+202E&gt;CISO"},
	{"C\xe2\x80\x8bSO", "C&lt;U+200B&gt;SO", "C&lt;U+200B&gt;SO"},
	{"\xe2\x81\xa6x\xe2\x81\xa9", "&lt;U+2066&gt;x&lt;U+2069&gt;",
	 "&lt;U+2066&gt;x&lt;U+2069&gt;"},
	/* Right-to-left letters: isolated in element content, as they are in an attribute. */
	{"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 1", "<bdi>\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 1</bdi>",
	 "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d 1"},
	{"\xd8\xa8\xd9\x86\xd9\x83 <b>", "<bdi>\xd8\xa8\xd9\x86\xd9\x83 &lt;b&gt;</bdi>",
	 "\xd8\xa8\xd9\x86\xd9\x83 &lt;b&gt;"},
	{"中文 & 治理", "中文 &amp; 治理", "中文 &amp; 治理"},
	{"bad \xff", "bad &lt;0xFF&gt;", "bad &lt;0xFF&gt;"},
};

static void test_text_and_attr(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct html_out t = HTML_OUT_INIT, a = HTML_OUT_INIT;
		struct strbuf got = STRBUF_INIT;

		html_text(&t, cases[i].in);
		html_finish(&t, &got);
		if (strcmp(strbuf_str(&got), cases[i].text))
			fail_msg("case %zu html_text: got \"%s\", want \"%s\"", i, strbuf_str(&got),
				 cases[i].text);
		strbuf_reset(&got);
		html_attr(&a, cases[i].in);
		html_finish(&a, &got);
		if (strcmp(strbuf_str(&got), cases[i].attr))
			fail_msg("case %zu html_attr: got \"%s\", want \"%s\"", i, strbuf_str(&got),
				 cases[i].attr);
		strbuf_release(&got);
	}
}

/* The renderer's markup goes in as written; NULL text adds nothing; finish appends. */
static void test_raw_and_finish(void **state)
{
	struct html_out o = HTML_OUT_INIT;
	struct strbuf got = STRBUF_INIT;

	(void)state;
	strbuf_adds(&got, "before:");
	html_raw(&o, "<td class=\"num\">");
	html_rawf(&o, "%d / %u", -3, 7u);
	html_text(&o, NULL);
	html_attr(&o, NULL);
	html_text(&o, "<i>");
	html_raw(&o, "</td>");
	html_finish(&o, &got);
	assert_string_equal(got.buf, "before:<td class=\"num\">-3 / 7&lt;i&gt;</td>");
	/* finish empties the writer. */
	strbuf_reset(&got);
	html_finish(&o, &got);
	assert_string_equal(strbuf_str(&got), "");
	html_release(&o);
	strbuf_release(&got);
}

/* Header and data cells: each cell's text escaped and isolated as html_text does it. */
static void test_cells(void **state)
{
	static const struct {
		const char *cells[3];
		size_t n;
		const char *th, *td;
	} rows[] = {
		{{NULL}, 0, "", ""},
		{{"ID"}, 1, "<th>ID</th>", "<td>ID</td>"},
		{{"a<b", NULL, "\xd7\xa9"},
		 3,
		 "<th>a&lt;b</th><th></th><th><bdi>\xd7\xa9</bdi></th>",
		 "<td>a&lt;b</td><td></td><td><bdi>\xd7\xa9</bdi></td>"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct html_out o = HTML_OUT_INIT;
		struct strbuf got = STRBUF_INIT;

		html_th(&o, rows[i].cells, rows[i].n);
		html_finish(&o, &got);
		if (strcmp(strbuf_str(&got), rows[i].th))
			fail_msg("case %zu html_th: got \"%s\", want \"%s\"", i, strbuf_str(&got),
				 rows[i].th);
		strbuf_reset(&got);
		html_td(&o, rows[i].cells, rows[i].n);
		html_finish(&o, &got);
		if (strcmp(strbuf_str(&got), rows[i].td))
			fail_msg("case %zu html_td: got \"%s\", want \"%s\"", i, strbuf_str(&got),
				 rows[i].td);
		strbuf_release(&got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_and_attr),
		cmocka_unit_test(test_raw_and_finish),
		cmocka_unit_test(test_cells),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
