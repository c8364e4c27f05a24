/* Unit tests for inherent risk: the tally rule with its ties, overrides and the target that
 * follows. */
#include "testutil.h"

#include "answers.h"
#include "engine.h"
#include "risk.h"
#include "strbuf.h"

struct tally_case {
	unsigned low, medium, high;
	enum risk expect;
};

static const struct tally_case tally_cases[] =
	{
		{0, 0, 0, RISK_NONE},	{1, 0, 0, RISK_LOW},	 {0, 1, 0, RISK_MEDIUM},
		{0, 0, 1, RISK_HIGH},	{5, 10, 3, RISK_MEDIUM}, {7, 2, 2, RISK_LOW},
		{3, 3, 1, RISK_MEDIUM}, /* tie low/medium: the higher */
		{1, 3, 3, RISK_HIGH},	/* tie medium/high */
		{2, 0, 2, RISK_HIGH},	/* tie low/high, no medium */
		{4, 4, 4, RISK_HIGH},	/* three-way tie */
		{6, 5, 5, RISK_LOW},	/* a plurality, not a majority, is enough */
};

static void test_tally(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(tally_cases) / sizeof(tally_cases[0]); i++) {
		const struct tally_case *c = &tally_cases[i];
		unsigned counts[RISK_COUNT] = {c->low, c->medium, c->high};

		if (risk_majority(counts) != c->expect)
			fail_msg("counts %u/%u/%u gave %s, expected %s", c->low, c->medium, c->high,
				 risk_name(risk_majority(counts)), risk_name(c->expect));
	}
}

static void test_targets_and_icast(void **state)
{
	(void)state;
	assert_int_equal(risk_target(RISK_LOW), LEVEL_BASELINE);
	assert_int_equal(risk_target(RISK_MEDIUM), LEVEL_INTERMEDIATE);
	assert_int_equal(risk_target(RISK_HIGH), LEVEL_ADVANCED);
	assert_false(risk_icast_required(RISK_LOW));
	assert_true(risk_icast_required(RISK_MEDIUM));
	assert_true(risk_icast_required(RISK_HIGH));
}

/* The built-in catalogue, loaded once for the group (testutil.h). */
TU_BUILTIN_CATALOGUE_FIXTURE(cat)

static int load(const char *risk, struct answers *a, struct diag_list *dl)
{
	struct strbuf text = STRBUF_INIT;
	char *path;
	int ret;

	strbuf_addf(&text,
		    "version: 1\ninstitution: B\nassessment_date: 2026-11-01\n%sanswers: {}\n",
		    risk);
	path = tu_write_temp_str(text.buf);
	answers_init(a);
	ret = answers_load(a, path, &cat, dl);
	tu_remove(path);
	strbuf_release(&text);
	return ret;
}

#define IND(cat, rating) "    - { category: " cat ", name: N, rating: " rating " }\n"

struct risk_case {
	const char *name;
	const char *yaml;
	enum risk rating; /* RISK_NONE: expect an error */
	enum level target;
	int line, col;
	const char *message;
};

static const struct risk_case risk_cases[] = {
	{"bare rating", "inherent_risk: high\n", RISK_HIGH, LEVEL_ADVANCED, 0, 0, NULL},
	{"indicators, majority",
	 "inherent_risk:\n  indicators:\n" IND("technologies", "low") IND("organisation", "high")
		 IND("external-threats", "high"),
	 RISK_HIGH, LEVEL_ADVANCED, 0, 0, NULL},
	{"indicators, tie goes up",
	 "inherent_risk:\n  rule: majority\n  indicators:\n" IND("technologies", "low")
		 IND("delivery-channels", "medium"),
	 RISK_MEDIUM, LEVEL_INTERMEDIATE, 0, 0, NULL},
	{"override wins",
	 "inherent_risk:\n  indicators:\n" IND(
		 "technologies",
		 "low") "  override: { rating: high, justification: Board decision after the 2026 attack }\n",
	 RISK_HIGH, LEVEL_ADVANCED, 0, 0, NULL},
	{"explicit target still wins",
	 "target: baseline\ninherent_risk:\n  indicators:\n" IND("technologies", "high"), RISK_HIGH,
	 LEVEL_BASELINE, 0, 0, NULL},
	{"override without justification",
	 "inherent_risk:\n  indicators:\n" IND("technologies",
					       "low") "  override: { rating: high }\n",
	 RISK_NONE, LEVEL_NONE, 7, 13, "missing required key \"justification\" in override"},
	{"unknown indicator rating",
	 "inherent_risk:\n  indicators:\n" IND("technologies", "severe"), RISK_NONE, LEVEL_NONE, 6,
	 50, "unknown risk rating \"severe\" (expected one of: low, medium, high)"},
	{"unknown category", "inherent_risk:\n  indicators:\n" IND("weather", "low"), RISK_NONE,
	 LEVEL_NONE, 6, 19,
	 "unknown inherent-risk category \"weather\" (expected one of: technologies, "
	 "delivery-channels, products-services, organisation, external-threats)"},
	{"no indicators", "inherent_risk:\n  indicators: []\n", RISK_NONE, LEVEL_NONE, 5, 15,
	 "inherent_risk needs at least one indicator"},
	{"unknown rule",
	 "inherent_risk:\n  rule: average\n  indicators:\n" IND("technologies", "low"), RISK_NONE,
	 LEVEL_NONE, 5, 9, "unknown rule \"average\""},
	{"unknown bare rating", "inherent_risk: severe\n", RISK_NONE, LEVEL_NONE, 4, 16,
	 "unknown risk rating \"severe\""},
	/* A repeated indicator would count twice: low 1, high 1 would tie and give high. */
	{"repeated indicator, other rating",
	 "inherent_risk:\n  indicators:\n" IND("technologies", "low") IND("technologies", "high"),
	 RISK_NONE, LEVEL_NONE, 7, 39,
	 "indicator \"N\" of category technologies is given twice (first at line 6)"},
	{"repeated indicator, same rating",
	 "inherent_risk:\n  indicators:\n" IND("technologies", "low") IND("organisation", "low")
		 IND("technologies", "low"),
	 RISK_NONE, LEVEL_NONE, 8, 39,
	 "indicator \"N\" of category technologies is given twice (first at line 6)"},
	{"same name in another category",
	 "inherent_risk:\n  indicators:\n" IND("technologies", "low") IND("organisation", "high"),
	 RISK_HIGH, LEVEL_ADVANCED, 0, 0, NULL},
};

static void test_answers_inherent_risk(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(risk_cases) / sizeof(risk_cases[0]); i++) {
		const struct risk_case *c = &risk_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct answers a;
		int ret = load(c->yaml, &a, &dl);

		if (c->rating == RISK_NONE) {
			if (ret != -1 || !tu_has_error(&dl, c->line, c->col, c->message)) {
				fprintf(stderr, "case '%s': expected %d:%d: %s; got:\n", c->name,
					c->line, c->col, c->message);
				tu_dump(&dl);
				fail();
			}
		} else {
			struct engine_options eo = ENGINE_OPTIONS_INIT;
			struct result r;

			if (ret) {
				tu_dump(&dl);
				fail_msg("case '%s' did not load", c->name);
			}
			assert_int_equal(a.inherent_risk, c->rating);
			result_init(&r);
			assert_int_equal(engine_assess(&r, &cat, &a, &eo), 0);
			assert_int_equal(r.target, c->target);
			assert_int_equal(r.inherent_risk, c->rating);
			assert_int_equal(r.icast_required, risk_icast_required(c->rating));
			result_release(&r);
		}
		answers_release(&a);
		diag_list_release(&dl);
	}
}

static void test_override_recorded(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;

	(void)state;
	assert_int_equal(
		load("inherent_risk:\n  indicators:\n" IND("technologies",
							   "low") IND("organisation", "low")
			     IND("external-threats",
				 "medium") "  override: { rating: medium, justification: Group policy }\n",
		     &a, &dl),
		0);
	assert_true(a.risk.from_indicators);
	assert_int_equal(a.risk.nindicators, 3);
	assert_int_equal(a.risk.counts[RISK_LOW], 2);
	assert_int_equal(a.risk.computed, RISK_LOW);
	assert_int_equal(a.risk.override, RISK_MEDIUM);
	assert_string_equal(a.risk.justification, "Group policy");
	assert_int_equal(a.inherent_risk, RISK_MEDIUM);
	answers_release(&a);
	diag_list_release(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tally),
		cmocka_unit_test(test_targets_and_icast),
		cmocka_unit_test(test_answers_inherent_risk),
		cmocka_unit_test(test_override_recorded),
	};

	return cmocka_run_group_tests_name("risk", tests, setup, teardown);
}
