/* jsonw: the one JSON writer, its escapes and its layout. */
#include "testutil.h"

#include "jsonw.h"

static void test_escape(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"", "\"\""},
		{"plain", "\"plain\""},
		{"a\"b\\c", "\"a\\\"b\\\\c\""},
		{"line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\""},
		{"\x1b[2J", "\"\\u001b[2J\""},
		{"\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\""},
		/* UTF-8 passes as it is: JSON is UTF-8. */
		{"治理 \xe2\x80\xae", "\"治理 \xe2\x80\xae\""},
		/* But not C1 controls and the line and paragraph separators. */
		{"a\xc2\x9b"
		 "2J\xc2\x85",
		 "\"a\\u009b2J\\u0085\""},
		{"\xc2\xa0\xc2\xa9", "\"\xc2\xa0\xc2\xa9\""},
		{"x\xe2\x80\xa8y\xe2\x80\xa9", "\"x\\u2028y\\u2029\""},
		{"\xe2\x80\xa7\xe2\x82\xac", "\"\xe2\x80\xa7\xe2\x82\xac\""},
		{"end\xc2", "\"end\xc2\""},
		{"end\xe2\x80", "\"end\xe2\x80\""},
	};
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		strbuf_reset(&sb);
		jsonw_escape(&sb, cases[i].in);
		assert_string_equal(strbuf_str(&sb), cases[i].want);
	}
	strbuf_release(&sb);
}

static void test_layout(void **state)
{
	static const char *const short_ids[] = {"3.1.2", NULL, "4.1.1"};
	static const char *const long_names[] = {"ISO/IEC 27001:2022",
						 "a name that is longer than 24"};
	struct text t = {"Governance", "治理"};
	struct strbuf sb = STRBUF_INIT;
	struct jsonw w;

	(void)state;
	jsonw_init(&w, &sb);
	jsonw_object(&w, NULL);
	jsonw_str(&w, "schema", "craf-test/1");
	jsonw_int(&w, "n", -42);
	jsonw_bool(&w, "ok", true);
	jsonw_null(&w, "none");
	jsonw_str(&w, "missing", NULL);
	jsonw_text(&w, "name", &t);
	jsonw_strs(&w, "ids", short_ids, 3);
	jsonw_strs(&w, "names", long_names, 2);
	jsonw_strs(&w, "empty", NULL, 0);
	jsonw_object(&w, "nothing");
	jsonw_end(&w);
	jsonw_array(&w, "flat", true);
	jsonw_int(&w, NULL, 1);
	jsonw_int(&w, NULL, 2);
	jsonw_end(&w);
	jsonw_end(&w);
	assert_int_equal(jsonw_finish(&w), 0);
	assert_string_equal(strbuf_str(&sb), "{\n"
					     "  \"schema\": \"craf-test/1\",\n"
					     "  \"n\": -42,\n"
					     "  \"ok\": true,\n"
					     "  \"none\": null,\n"
					     "  \"missing\": null,\n"
					     "  \"name\": {\n"
					     "    \"en\": \"Governance\",\n"
					     "    \"zh\": \"治理\"\n"
					     "  },\n"
					     "  \"ids\": [\"3.1.2\", null, \"4.1.1\"],\n"
					     "  \"names\": [\n"
					     "    \"ISO/IEC 27001:2022\",\n"
					     "    \"a name that is longer than 24\"\n"
					     "  ],\n"
					     "  \"empty\": [],\n"
					     "  \"nothing\": {},\n"
					     "  \"flat\": [1, 2]\n"
					     "}\n");
	strbuf_release(&sb);
}

struct sink {
	struct strbuf all;
	int calls;
	int fail_at; /* the call that fails, 0 for none */
};

static int drain(void *ctx, struct strbuf *buf)
{
	struct sink *s = ctx;

	s->calls++;
	if (s->fail_at && s->calls >= s->fail_at)
		return -1;
	strbuf_add(&s->all, buf->buf ? buf->buf : "", buf->len);
	strbuf_reset(buf);
	return 0;
}

/* A document far larger than a chunk arrives whole and in order, or not at all. */
static void test_drain(void **state)
{
	(void)state;
	for (int fail_at = 0; fail_at <= 2; fail_at += 2) {
		struct sink s = {STRBUF_INIT, 0, fail_at};
		struct strbuf out = STRBUF_INIT, whole = STRBUF_INIT;
		struct jsonw w, plain;
		size_t items = 2 * JSONW_CHUNK / 40;

		jsonw_init_drain(&w, &out, drain, &s);
		jsonw_init(&plain, &whole);
		jsonw_array(&w, NULL, false);
		jsonw_array(&plain, NULL, false);
		for (size_t i = 0; i < items; i++) {
			jsonw_str(&w, NULL, "thirty-odd bytes of text each");
			jsonw_str(&plain, NULL, "thirty-odd bytes of text each");
		}
		jsonw_end(&w);
		jsonw_end(&plain);
		jsonw_finish(&plain);
		if (!fail_at) {
			assert_int_equal(jsonw_finish(&w), 0);
			assert_true(s.calls > 1);
			assert_int_equal(s.all.len, whole.len);
			assert_memory_equal(s.all.buf, whole.buf, whole.len);
		} else {
			assert_int_equal(jsonw_finish(&w), -1);
			/* What failed is dropped, not kept: memory stays bounded. */
			assert_true(out.len < JSONW_CHUNK);
		}
		strbuf_release(&s.all);
		strbuf_release(&out);
		strbuf_release(&whole);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_drain),
	};

	return cmocka_run_group_tests_name("jsonw", tests, NULL, NULL);
}
