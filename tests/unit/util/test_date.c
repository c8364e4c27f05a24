/* date: calendar dates as answers files write them. */
#include "testutil.h"

#include "date.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_date_of),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
