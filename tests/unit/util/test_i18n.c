/* i18n: every message in every language, with the same printf conversions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "i18n.h"

/* The conversions of a printf format, in order ("%zu%s"), so a translation cannot mismatch them. */
static void conversions(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n + 8 < size; s++) {
		if (*s != '%')
			continue;
		s++;
		if (*s == '%')
			continue;
		out[n++] = '%';
		while (*s && strchr("-+ #0123456789.*hljztL", *s))
			out[n++] = *s++;
		if (*s)
			out[n++] = *s;
		else
			break;
	}
	out[n] = '\0';
}

static void test_every_message_in_every_language(void **state)
{
	char a[128], b[128];

	(void)state;
	for (int id = 0; id < MSG_COUNT; id++) {
		const char *en = msg_raw(LANG_EN, (enum msg)id);
		const char *zh = msg_raw(LANG_ZH, (enum msg)id);

		if (!en || !*en || !zh || !*zh)
			fail_msg("message %d lacks %s", id, !en || !*en ? "English" : "Chinese");
		conversions(en, a, sizeof(a));
		conversions(zh, b, sizeof(b));
		if (strcmp(a, b))
			fail_msg("message %d: \"%s\" has %s, its Chinese \"%s\" has %s", id, en, a,
				 zh, b);
	}
}

static void test_fallback_and_plurals(void **state)
{
	(void)state;
	/* zh-Hant is made from zh by conversion: the same text here. */
	assert_string_equal(msg(LANG_ZH_HANT, MSG_INSTITUTION), msg(LANG_ZH, MSG_INSTITUTION));
	assert_string_equal(msg_n(LANG_EN, MSG_SUMMARY_GAPS, 1), "gap");
	assert_string_equal(msg_n(LANG_EN, MSG_SUMMARY_GAPS, 2), msg(LANG_EN, MSG_SUMMARY_GAPS));
	assert_string_equal(msg_n(LANG_ZH, MSG_SUMMARY_GAPS, 1), msg(LANG_ZH, MSG_SUMMARY_GAPS));
}

static void test_languages(void **state)
{
	static const struct {
		const char *name;
		int ok;
		enum lang want;
	} parse[] = {
		{"en", 1, LANG_EN},	    {"zh", 1, LANG_ZH},
		{"zh-Hans", 1, LANG_ZH},    {"zh-Hant", 1, LANG_ZH_HANT},
		{"zh-HK", 1, LANG_ZH_HANT}, {"zh-TW", 1, LANG_ZH_HANT},
		{"fr", 0, LANG_EN},	    {"", 0, LANG_EN},
		{"ZH", 0, LANG_EN},
	};
	static const struct {
		const char *locale;
		enum lang want;
	} locales[] = {
		{NULL, LANG_EN},	  {"C.UTF-8", LANG_EN},
		{"en_GB.UTF-8", LANG_EN}, {"zh_CN.UTF-8", LANG_ZH},
		{"zh_SG", LANG_ZH},	  {"zh_HK.UTF-8", LANG_ZH_HANT},
		{"zh_TW", LANG_ZH_HANT},  {"zh_MO.UTF-8", LANG_ZH_HANT},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(parse) / sizeof(parse[0]); i++) {
		enum lang l = LANG_EN;

		assert_int_equal(lang_parse(parse[i].name, &l) == 0, parse[i].ok);
		if (parse[i].ok)
			assert_int_equal(l, parse[i].want);
	}
	for (size_t i = 0; i < sizeof(locales) / sizeof(locales[0]); i++)
		assert_int_equal(lang_from_locale(locales[i].locale), locales[i].want);
	assert_string_equal(lang_name(LANG_ZH_HANT), "zh-Hant");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_message_in_every_language),
		cmocka_unit_test(test_fallback_and_plurals),
		cmocka_unit_test(test_languages),
	};

	return cmocka_run_group_tests_name("i18n", tests, NULL, NULL);
}
