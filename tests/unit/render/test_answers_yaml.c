/* Unit tests for the YAML writer of answers: exact text, and every value read back the same. */
#include "testutil.h"

#include "answers_load.h"
#include "answers_yaml.h"
#include "out_text.h"
#include "strbuf.h"

/* The built-in catalogue, loaded once for the group (testutil.h). */
TU_BUILTIN_CATALOGUE_FIXTURE(cat)

/* Loads text as answers against cat; they must load without error. */
static void load(const char *text, struct answers *a)
{
	tu_load_answers(&cat, text, a);
}

static void render(const struct answers *a, struct strbuf *out)
{
	struct txt_out t = TXT_OUT_INIT;

	answers_yaml_render(&t, &cat, a);
	txt_finish(&t, out);
	txt_release(&t);
}

static const struct {
	const char *in, *out;
} cases[] = {
	{"version: 1\ninstitution: Bank\nassessment_date: 2026-11-01\ninherent_risk: low\n"
	 "answers: {}\n",
	 "# craf answers file (docs/answers.md)\nversion: 1\ninstitution: \"Bank\"\n"
	 "assessment_date: 2026-11-01\ninherent_risk: low\nanswers: {}\n"},
	/* Quotes, backslashes, line breaks, tabs and hidden characters are escaped. */
	{"version: 1\ninstitution: \"A \\\"B\\\" \\\\ C\"\nassessment_date: 2026-11-01\n"
	 "target: baseline\nanswers:\n  \"3.1.4\": { status: inherited, evidence: "
	 "[\"x\\u200By\"], note: \"a\\nb\\tc\" }\n  \"1.2.1\": { advanced: partial }\n",
	 "# craf answers file (docs/answers.md)\nversion: 1\ninstitution: \"A \\\"B\\\" \\\\ C\"\n"
	 "assessment_date: 2026-11-01\ntarget: baseline\nanswers:\n"
	 "  \"1.2.1\":\n    advanced: partial\n"
	 "  \"3.1.4\":\n    status: inherited\n    evidence:\n      - \"x\\u200By\"\n"
	 "    note: \"a\\nb\\tc\"\n"},
};

static void test_text(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct answers a, b;
		struct strbuf out = STRBUF_INIT, again = STRBUF_INIT;

		load(cases[i].in, &a);
		render(&a, &out);
		assert_string_equal(out.buf, cases[i].out);
		/* What it wrote loads back and writes the same. */
		load(out.buf, &b);
		render(&b, &again);
		assert_string_equal(again.buf, out.buf);
		assert_string_equal(b.institution, a.institution);
		answers_release(&a);
		answers_release(&b);
		strbuf_release(&out);
		strbuf_release(&again);
	}
}

/* Every example: written, read back, written again, the same text and the same answers. */
static void test_examples(void **state)
{
	static const char *const files[] = {"answers.yaml", "answers-2023.yaml",
					    "answers-2020.yaml"};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		struct strbuf path = STRBUF_INIT, out = STRBUF_INIT, again = STRBUF_INIT;
		struct diag_list dl = DIAG_LIST_INIT;
		struct answers a, b;

		strbuf_addf(&path, "%s/../../examples/%s", CRAF_TEST_DATA, files[i]);
		answers_init(&a);
		assert_int_equal(answers_load(&a, path.buf, &cat, &dl), 0);
		render(&a, &out);
		load(out.buf, &b);
		render(&b, &again);
		assert_string_equal(again.buf, out.buf);
		assert_int_equal(a.ngiven, b.ngiven);
		for (size_t p = 0; p < a.nprinciples; p++)
			for (int l = 0; l < LEVEL_COUNT; l++)
				assert_int_equal(a.levels[p][l].status, b.levels[p][l].status);
		answers_release(&a);
		answers_release(&b);
		strbuf_release(&path);
		strbuf_release(&out);
		strbuf_release(&again);
		diag_list_release(&dl);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_examples),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
