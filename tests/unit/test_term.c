/* Unit tests for the small pieces: dates, terminal text, suggestions, id maps. */
#include "testutil.h"

#include "date.h"
#include "idmap.h"
#include "strbuf.h"
#include "suggest.h"
#include "term.h"

static void test_dates(void **state)
{
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
		{"2026-11-01", 1}, {"2024-02-29", 1},	    {"2000-02-29", 1}, {"2026-02-29", 0},
		{"1900-02-29", 0}, {"2026-02-30", 0},	    {"2026-13-01", 0}, {"2026-00-10", 0},
		{"2026-1-01", 0},  {"2026-11-01T00:00", 0}, {"01/11/2026", 0}, {"", 0},
		{"2026-04-31", 0}, {"2026-12-31", 1},
	};
	char buf[11];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct date d;
		int ok = date_parse(cases[i].s, &d) == 0;

		if (ok != cases[i].ok)
			fail_msg("date \"%s\": parsed %d", cases[i].s, ok);
		if (ok)
			assert_string_equal(date_format(&d, buf), cases[i].s);
	}
	{
		struct date a = {2026, 11, 1}, b = {2026, 11, 2};

		assert_true(date_cmp(&a, &b) < 0);
		assert_true(date_cmp(&b, &a) > 0);
		assert_int_equal(date_cmp(&a, &a), 0);
	}
}

static void test_date_of(void **state)
{
	struct date d;

	(void)state;
	d = date_of(1700000000);
	assert_int_equal(d.year, 2023);
	assert_int_equal(d.month, 11);
	assert_int_equal(d.day, 14);
}

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

static void test_suggest(void **state)
{
	static const char *const words[] = {"status", "evidence", "note", "remediation", "expires"};

	(void)state;
	assert_string_equal(suggest_nearest("stauts", words, 5), "status");
	assert_string_equal(suggest_nearest("evidense", words, 5), "evidence");
	assert_null(suggest_nearest("colour", words, 5));
	assert_int_equal(suggest_distance("kitten", "sitting"), 3);
	assert_int_equal(suggest_distance("ab", "ba"), 1);
}

static void test_idmap(void **state)
{
	struct idmap m = IDMAP_INIT;
	char keys[1000][8];
	size_t v;

	(void)state;
	for (size_t i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%zu", i);
		assert_int_equal(idmap_put(&m, keys[i], i), 0);
	}
	assert_int_equal(idmap_put(&m, "k5", 7), -1);
	for (size_t i = 0; i < 1000; i++) {
		assert_int_equal(idmap_get(&m, keys[i], &v), 0);
		assert_int_equal(v, i);
	}
	assert_int_equal(idmap_get(&m, "k1000", &v), -1);
	idmap_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates), cmocka_unit_test(test_date_of),
		cmocka_unit_test(test_width), cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_wrap),  cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_idmap),
	};

	return cmocka_run_group_tests_name("term", tests, NULL, NULL);
}
