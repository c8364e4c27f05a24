/* names: the one lookup behind every enumeration's names. */
#include "testutil.h"

#include "names.h"

static const char *const colours[] = {"red", "green", "blue"};

enum colour { COLOUR_NONE = -1, COLOUR_RED, COLOUR_GREEN, COLOUR_BLUE };

const char *colour_name(enum colour c);
int colour_parse(const char *s, enum colour *out);

NAMES_ENUM_FUNCTIONS(colour, enum colour, colours, ARRAY_SIZE(colours), "none")

static void test_index(void **state)
{
	static const struct {
		const char *s;
		int want;
	} cases[] = {
		{"red", 0}, {"green", 1},  {"blue", 2}, {"Blue", -1},
		{"", -1},   {"blue ", -1}, {"re", -1},
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		assert_int_equal(names_index(colours, ARRAY_SIZE(colours), cases[i].s),
				 cases[i].want);
	/* Only the first n names are looked at. */
	assert_int_equal(names_index(colours, 2, "blue"), -1);
}

static void test_get(void **state)
{
	(void)state;
	assert_string_equal(names_get(colours, ARRAY_SIZE(colours), 0, "none"), "red");
	assert_string_equal(names_get(colours, ARRAY_SIZE(colours), 2, "none"), "blue");
	assert_string_equal(names_get(colours, ARRAY_SIZE(colours), 3, "none"), "none");
	assert_string_equal(names_get(colours, ARRAY_SIZE(colours), -1, "none"), "none");
	assert_int_equal(ARRAY_SIZE(colours), 3);
}

static void test_enum_functions(void **state)
{
	enum colour c = COLOUR_NONE;

	(void)state;
	assert_string_equal(colour_name(COLOUR_GREEN), "green");
	assert_string_equal(colour_name(COLOUR_NONE), "none");
	assert_int_equal(colour_parse("blue", &c), 0);
	assert_int_equal(c, COLOUR_BLUE);
	/* A name not in the table leaves *out as it was. */
	assert_int_equal(colour_parse("purple", &c), -1);
	assert_int_equal(c, COLOUR_BLUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_enum_functions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
