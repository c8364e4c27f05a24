/* Unit tests for "did you mean": typos, invisible characters, and words too far off to guess. */
#include "testutil.h"

#include "suggest.h"

static const char *const statuses[] = {"met",	  "compensating", "not-applicable", "inherited",
				       "partial", "not-met",	  "risk-accepted",  "unanswered"};

struct suggest_case {
	const char *word;
	const char *expect; /* NULL: no suggestion */
};

static const struct suggest_case cases[] = {
	{"mte", "met"},
	{"not_met", "not-met"},
	{"partail", "partial"},
	{"met\n", "met"},	    /* a block scalar's newline */
	{"met\xe2\x80\x8b", "met"}, /* U+200B after: looks like met */
	{"\xe2\x80\x8bmet", "met"}, /* and before */
	{"m\xe2\x80\x8d"
	 "et",
	 "met"},					/* U+200D inside */
	{"met\xe2\x80\xae", "met"},			/* U+202E, right-to-left override */
	{"not\xc2\xad-met", "not-met"},			/* soft hyphen */
	{"risk\xe2\x81\xa0-accepted", "risk-accepted"}, /* word joiner */
	{"complete", NULL},
	{"\xe2\x80\x8b", NULL},
	{"", NULL},
};

static void test_nearest(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = suggest_nearest(cases[i].word, statuses, 8);

		if (!cases[i].expect ? got != NULL : !got || strcmp(got, cases[i].expect))
			fail_msg("case %zu: got %s, expected %s", i, got ? got : "none",
				 cases[i].expect ? cases[i].expect : "none");
	}
}

static void test_ids_within_one(void **state)
{
	static const char *const ids[] = {"1.2.1", "1.2.2", "3.1.4"};

	(void)state;
	assert_string_equal(suggest_nearest_within("1.2.3", ids, 3, 1), "1.2.1");
	assert_string_equal(suggest_nearest_within("3.1.4\xe2\x80\x8b", ids, 3, 1), "3.1.4");
	assert_null(suggest_nearest_within("9.9.9", ids, 3, 1));
	assert_int_equal(suggest_distance("ab", "ba"), 1);
	assert_int_equal(suggest_distance("met", "met"), 0);
}

static void test_words(void **state)
{
	static const char *const words[] = {"status", "evidence", "note", "remediation", "expires"};

	(void)state;
	assert_string_equal(suggest_nearest("stauts", words, 5), "status");
	assert_string_equal(suggest_nearest("evidense", words, 5), "evidence");
	assert_null(suggest_nearest("colour", words, 5));
	assert_int_equal(suggest_distance("kitten", "sitting"), 3);
	assert_int_equal(suggest_distance("ab", "ba"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nearest),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_ids_within_one),
	};

	return cmocka_run_group_tests_name("suggest", tests, NULL, NULL);
}
