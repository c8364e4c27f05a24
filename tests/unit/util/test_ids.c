/* Unit tests for the id rules that the catalogue and saved-report loaders share. */
#include "testutil.h"

#include "ids.h"

struct id_case {
	enum ids_kind kind;
	const char *id;
	int ok;
	unsigned num[IDS_MAX_PARTS];
};

static const struct id_case cases[] = {
	/* Domains: one number, no sign, no leading zero, at most six digits. */
	{IDS_DOMAIN, "3", 1, {3, 0, 0}},
	{IDS_DOMAIN, "0", 1, {0, 0, 0}},
	{IDS_DOMAIN, "12", 1, {12, 0, 0}},
	{IDS_DOMAIN, "999999", 1, {999999, 0, 0}},
	{IDS_DOMAIN, "1000000", 0, {0}},
	{IDS_DOMAIN, "", 0, {0}},
	{IDS_DOMAIN, "01", 0, {0}},
	{IDS_DOMAIN, "010", 0, {0}}, /* a leading zero is refused whatever follows */
	{IDS_DOMAIN, "-1", 0, {0}},
	{IDS_DOMAIN, "+1", 0, {0}},
	{IDS_DOMAIN, " 1", 0, {0}},
	{IDS_DOMAIN, "1 ", 0, {0}},
	{IDS_DOMAIN, "1.1", 0, {0}},
	{IDS_DOMAIN, "<b>X</b>", 0, {0}},
	{IDS_DOMAIN, "1\xef\xbc\x91", 0, {0}}, /* a fullwidth digit is not a digit */
	/* Components: two numbers. */
	{IDS_COMPONENT, "3.1", 1, {3, 1, 0}},
	{IDS_COMPONENT, "1.10", 1, {1, 10, 0}},
	{IDS_COMPONENT, "3", 0, {0}},
	{IDS_COMPONENT, "3.", 0, {0}},
	{IDS_COMPONENT, ".1", 0, {0}},
	{IDS_COMPONENT, "3..1", 0, {0}},
	{IDS_COMPONENT, "3.1.2", 0, {0}},
	{IDS_COMPONENT, "3.01", 0, {0}},
	/* Controls (principles): three numbers. */
	{IDS_CONTROL, "3.1.2", 1, {3, 1, 2}},
	{IDS_CONTROL, "10.20.30", 1, {10, 20, 30}},
	{IDS_CONTROL, "3.1", 0, {0}},
	{IDS_CONTROL, "3.1.2.4", 0, {0}},
	{IDS_CONTROL, "3.1.x", 0, {0}},
	{IDS_CONTROL, "1.1.1\x1b[2J", 0, {0}},
	{IDS_CONTROL, "1.2.1\xe2\x80\xae", 0, {0}}, /* U+202E, right-to-left override */
	{IDS_CONTROL, "1.2.1\xe2\x80\x8b", 0, {0}}, /* U+200B, zero width space */
	{IDS_CONTROL, "1.2.1\n", 0, {0}},
	/* Slugs: products, risk categories and indicators, responsibility models and areas. */
	{IDS_SLUG, "cam", 1, {0}},
	{IDS_SLUG, "cloud-firewall", 1, {0}},
	{IDS_SLUG, "2fa", 1, {0}},
	{IDS_SLUG, "a", 1, {0}},
	{IDS_SLUG, "", 0, {0}},
	{IDS_SLUG, "-cam", 0, {0}}, /* would read as an option */
	{IDS_SLUG, "Cam", 0, {0}},
	{IDS_SLUG, "cloud_firewall", 0, {0}},
	{IDS_SLUG, "cloud firewall", 0, {0}},
	{IDS_SLUG, "<img src=x>", 0, {0}},
	{IDS_SLUG, "caf\xc3\xa9", 0, {0}},
	{IDS_SLUG, "cam\x1b[31m", 0, {0}},
	{IDS_SLUG,
	 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	 1,
	 {0}}, /* 64 */
	{IDS_SLUG,
	 "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	 0,
	 {0}}, /* 65 */
};

static void test_check(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct id_case *c = &cases[i];
		unsigned num[IDS_MAX_PARTS] = {0, 0, 0};
		int ret = ids_check(c->kind, c->id, num);

		if ((ret == 0) != c->ok)
			fail_msg("case %zu: \"%s\" was %s, expected %s", i, c->id,
				 ret ? "refused" : "accepted", c->ok ? "accepted" : "refused");
		if (c->ok && c->kind != IDS_SLUG && memcmp(num, c->num, sizeof(num)))
			fail_msg("case %zu: \"%s\" gave %u.%u.%u", i, c->id, num[0], num[1],
				 num[2]);
	}
	/* num may be NULL; a NULL id is refused. */
	assert_int_equal(ids_check(IDS_CONTROL, "1.2.3", NULL), 0);
	assert_int_equal(ids_check(IDS_SLUG, NULL, NULL), -1);
}

struct under_case {
	const char *child, *parent;
	bool under;
};

static const struct under_case under_cases[] = {
	{"3.1", "3", true},	 {"3.1.2", "3.1", true},   {"3.1.2", "3", true},
	{"31.1", "3", false},	 {"3.10.1", "3.1", false}, {"3.1", "3.1", false},
	{"4.1.2", "3.1", false}, {"3", "3", false},
};

static void test_under(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(under_cases) / sizeof(under_cases[0]); i++) {
		const struct under_case *c = &under_cases[i];

		if (ids_under(c->child, c->parent) != c->under)
			fail_msg("%s under %s: expected %s", c->child, c->parent,
				 c->under ? "true" : "false");
	}
}

static void test_shapes(void **state)
{
	(void)state;
	/* Each shape's example obeys its own rule. */
	assert_int_equal(ids_check(IDS_DOMAIN, "3", NULL), 0);
	assert_non_null(strstr(ids_shape(IDS_DOMAIN), "as in 3"));
	assert_non_null(strstr(ids_shape(IDS_COMPONENT), "as in 3.1"));
	assert_non_null(strstr(ids_shape(IDS_CONTROL), "as in 3.1.2"));
	assert_non_null(strstr(ids_shape(IDS_SLUG), "as in cloud-firewall"));
	assert_int_equal(ids_check(IDS_SLUG, "cloud-firewall", NULL), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_under),
		cmocka_unit_test(test_shapes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
