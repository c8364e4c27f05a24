/* Unit tests for scoring: cumulative levels, targets, gaps and their order. */
#include "testutil.h"

#include "engine.h"
#include "strbuf.h"

static struct catalogue cat;

static int setup(void **state)
{
	(void)state;
	return tu_load_catalogue(&cat, CRAF_TEST_DATA "/mini");
}

static int teardown(void **state)
{
	(void)state;
	catalogue_release(&cat);
	return 0;
}

/* Assesses an answers file made of head and body against the mini catalogue. */
static void assess(const char *head, const char *body, const struct engine_options *opts,
		   struct result *r)
{
	struct strbuf text = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;
	char *path;

	strbuf_addf(&text,
		    "version: 1\ninstitution: T\nassessment_date: 2026-11-01\n%s"
		    "answers:\n%s",
		    head, body);
	path = tu_write_temp_str(text.buf);
	answers_init(&a);
	if (answers_load(&a, path, &cat, &dl)) {
		tu_dump(&dl);
		fail();
	}
	result_init(r);
	assert_int_equal(engine_assess(r, &cat, &a, opts), 0);
	answers_release(&a);
	diag_list_release(&dl);
	strbuf_release(&text);
	tu_remove(path);
}

static const struct result_control *control(const struct result *r, const char *id)
{
	for (size_t i = 0; i < r->ncontrols; i++)
		if (!strcmp(r->controls[i].id, id))
			return &r->controls[i];
	fail_msg("no control %s", id);
	return NULL;
}

struct level_case {
	bool achieved[3];
	size_t nlevels;
	bool single;
	enum level expect;
};

static const struct level_case level_cases[] = {
	{{false, false, false}, 3, false, LEVEL_NONE},
	{{true, false, false}, 3, false, LEVEL_BASELINE},
	{{true, false, true}, 3, false, LEVEL_BASELINE}, /* cumulative */
	{{false, true, true}, 3, false, LEVEL_NONE},
	{{true, true, false}, 3, false, LEVEL_INTERMEDIATE},
	{{true, true, true}, 3, false, LEVEL_ADVANCED},
	{{true, true, false}, 2, false, LEVEL_ADVANCED}, /* no advanced requirement */
	{{true, false, false}, 2, false, LEVEL_BASELINE},
	{{true, false, false}, 1, true, LEVEL_ADVANCED}, /* one requirement, all levels */
	{{false, false, false}, 1, true, LEVEL_NONE},
};

static void test_principle_levels(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(level_cases) / sizeof(level_cases[0]); i++) {
		const struct level_case *c = &level_cases[i];

		if (engine_principle_level(c->achieved, c->nlevels, c->single) != c->expect)
			fail_msg("level case %zu", i);
	}
}

static void test_cumulative_and_rollup(void **state)
{
	struct engine_options o = ENGINE_OPTIONS_INIT;
	struct result r;

	(void)state;
	assess("target: advanced\n",
	       "  \"1.1.1\": { baseline: met, intermediate: not-met, advanced: met }\n"
	       "  \"1.1.2\": { status: met }\n"
	       "  \"1.2.1\": { baseline: met, intermediate: met }\n"
	       "  \"1.10.1\": { baseline: met, intermediate: met, advanced: met }\n"
	       "  \"2.1.1\": { baseline: met, intermediate: met, advanced: partial }\n",
	       &o, &r);
	assert_int_equal(control(&r, "1.1.1")->achieved, LEVEL_BASELINE);
	assert_int_equal(control(&r, "1.1.2")->achieved, LEVEL_ADVANCED);
	assert_int_equal(control(&r, "1.2.1")->achieved, LEVEL_ADVANCED);
	assert_int_equal(control(&r, "1.10.1")->achieved, LEVEL_ADVANCED);
	assert_int_equal(control(&r, "2.1.1")->achieved, LEVEL_INTERMEDIATE);
	/* Component 1.1 holds 1.1.1 and 1.1.2: the weaker decides. */
	assert_int_equal(r.domains[0].components[0].achieved, LEVEL_BASELINE);
	assert_int_equal(r.domains[0].components[1].achieved, LEVEL_ADVANCED);
	assert_int_equal(r.domains[0].achieved, LEVEL_BASELINE);
	assert_int_equal(r.domains[1].achieved, LEVEL_INTERMEDIATE);
	assert_int_equal(r.overall, LEVEL_BASELINE);
	assert_false(r.domains[0].meets_target);
	/* Progress: the all-levels requirement counts at baseline only. */
	assert_int_equal(r.domains[0].required[LEVEL_BASELINE], 4);
	assert_int_equal(r.domains[0].achieved_count[LEVEL_BASELINE], 4);
	assert_int_equal(r.domains[0].required[LEVEL_INTERMEDIATE], 3);
	assert_int_equal(r.domains[0].achieved_count[LEVEL_INTERMEDIATE], 2);
	assert_int_equal(r.domains[0].required[LEVEL_ADVANCED], 2);
	assert_int_equal(r.domains[0].achieved_count[LEVEL_ADVANCED], 2);
	/* Gaps: 1.1.1 intermediate and 2.1.1 advanced; not 1.1.1 advanced, which is met. */
	assert_int_equal(r.ngaps, 2);
	assert_int_equal(r.summary.gaps_by_level[LEVEL_INTERMEDIATE], 1);
	assert_int_equal(r.summary.gaps_by_level[LEVEL_ADVANCED], 1);
	result_release(&r);
}

static void test_every_status(void **state)
{
	static const struct {
		const char *answer;
		bool achieved;
	} cases[] = {
		{"met", true},
		{"{ status: compensating, note: Alternative control }", true},
		{"{ status: not-applicable, note: No such systems }", true},
		{"{ status: inherited, evidence: [SOC 2] }", true},
		{"partial", false},
		{"not-met", false},
		{"{ status: risk-accepted, note: Board, expires: 2027-01-01 }", false},
		{"unanswered", false},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct engine_options o = ENGINE_OPTIONS_INIT;
		struct strbuf body = STRBUF_INIT;
		struct result r;

		strbuf_addf(&body, "  \"2.1.1\":\n    baseline: %s\n", cases[i].answer);
		assess("target: baseline\n", body.buf, &o, &r);
		assert_int_equal(control(&r, "2.1.1")->levels[0].achieved, cases[i].achieved);
		assert_int_equal(r.domains[1].achieved,
				 cases[i].achieved ? LEVEL_BASELINE : LEVEL_NONE);
		result_release(&r);
		strbuf_release(&body);
	}
}

static void test_target_sources(void **state)
{
	static const struct {
		const char *head;
		enum level cli;
		enum level target;
		enum target_source source;
	} cases[] = {
		{"inherent_risk: low\n", LEVEL_NONE, LEVEL_BASELINE, TARGET_INHERENT_RISK},
		{"inherent_risk: medium\n", LEVEL_NONE, LEVEL_INTERMEDIATE, TARGET_INHERENT_RISK},
		{"inherent_risk: high\n", LEVEL_NONE, LEVEL_ADVANCED, TARGET_INHERENT_RISK},
		{"inherent_risk: high\ntarget: baseline\n", LEVEL_NONE, LEVEL_BASELINE,
		 TARGET_EXPLICIT},
		{"target: intermediate\n", LEVEL_NONE, LEVEL_INTERMEDIATE, TARGET_EXPLICIT},
		{"inherent_risk: low\ntarget: baseline\n", LEVEL_ADVANCED, LEVEL_ADVANCED,
		 TARGET_COMMAND_LINE},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct engine_options o = ENGINE_OPTIONS_INIT;
		struct result r;

		o.target = cases[i].cli;
		assess(cases[i].head, "  \"2.1.1\": { baseline: met }\n", &o, &r);
		assert_int_equal(r.target, cases[i].target);
		assert_int_equal(r.target_source, cases[i].source);
		/* Only requirements at or below the target are gaps. */
		for (size_t g = 0; g < r.ngaps; g++)
			assert_true(r.controls[r.gaps[g].control].levels[r.gaps[g].level].level <=
				    r.target);
		result_release(&r);
	}
}

static void test_gap_order(void **state)
{
	static const char *const expect[] = {
		"1.1.1 baseline",     "1.1.2 baseline",	     "1.2.1 baseline",
		"1.10.1 baseline",    "2.1.1 baseline",	     "1.1.1 intermediate",
		"1.2.1 intermediate", "1.10.1 intermediate", "2.1.1 intermediate",
		"1.1.1 advanced",     "1.10.1 advanced",     "2.1.1 advanced",
	};
	struct engine_options o = ENGINE_OPTIONS_INIT;
	struct result r;

	(void)state;
	assess("target: advanced\n", "  {}\n", &o, &r);
	assert_int_equal(r.ngaps, 12);
	assert_int_equal(r.summary.unanswered, 12);
	for (size_t i = 0; i < r.ngaps; i++) {
		const struct result_control *c = &r.controls[r.gaps[i].control];
		char got[64];

		snprintf(got, sizeof(got), "%s %s", c->id,
			 level_name(c->levels[r.gaps[i].level].level));
		assert_string_equal(got, expect[i]);
	}
	assert_int_equal(r.overall, LEVEL_NONE);
	result_release(&r);
}

static void test_overdue_and_expired(void **state)
{
	const char *body =
		"  \"2.1.1\":\n"
		"    baseline: { status: partial, remediation: { action: A, owner: O, due: 2026-10-01 } }\n"
		"    intermediate: { status: met, remediation: { action: A, owner: O, due: 2026-10-01 } }\n"
		"    advanced: { status: not-met, remediation: { action: A, owner: O, due: 2027-01-01 } }\n"
		"  \"1.10.1\":\n"
		"    baseline: { status: risk-accepted, note: N, expires: 2026-12-31 }\n";
	struct engine_options o = ENGINE_OPTIONS_INIT;
	struct result r;

	(void)state;
	assess("target: advanced\n", body, &o, &r);
	assert_true(control(&r, "2.1.1")->levels[0].overdue);
	assert_false(control(&r, "2.1.1")->levels[1].overdue); /* achieved */
	assert_false(control(&r, "2.1.1")->levels[2].overdue); /* not due yet */
	assert_false(control(&r, "1.10.1")->levels[0].expired);
	assert_int_equal(r.summary.overdue, 1);
	result_release(&r);

	/* Judged a year later, the advanced remediation is late and the acceptance lapsed. */
	o.as_of = (struct date){2027, 11, 1};
	assess("target: advanced\n", body, &o, &r);
	assert_true(control(&r, "2.1.1")->levels[2].overdue);
	assert_true(control(&r, "1.10.1")->levels[0].expired);
	assert_int_equal(r.summary.overdue, 2);
	assert_int_equal(r.summary.expired, 1);
	result_release(&r);
}

static void test_result_is_self_contained(void **state)
{
	struct engine_options o = ENGINE_OPTIONS_INIT;
	struct result r;

	(void)state;
	assess("target: baseline\n", "  \"1.1.1\": { baseline: { status: met, note: Fine } }\n", &o,
	       &r);
	assert_string_equal(r.framework, "Mini framework");
	assert_string_equal(control(&r, "1.1.1")->levels[0].note, "Fine");
	assert_string_equal(control(&r, "1.1.1")->levels[0].requirement.zh, "基线 1.1.1");
	assert_int_equal(control(&r, "1.1.1")->nproducts, 1);
	assert_string_equal(r.products[control(&r, "1.1.1")->products[0]].abbr, "P1");
	assert_int_equal(control(&r, "1.1.1")->responsibility, RESP_SHARED);
	result_release(&r);
}

/* Stale: dated more than max_age months before the assessment date, counted from the same day. */
static void test_evidence_stale(void **state)
{
	static const struct {
		struct date d, on;
		int max_age;
		bool stale;
	} cases[] = {
		{{2025, 11, 1}, {2026, 11, 1}, 12, false}, /* exactly twelve months */
		{{2025, 10, 31}, {2026, 11, 1}, 12, true},
		{{2025, 11, 2}, {2026, 11, 1}, 12, false},
		{{2024, 11, 1}, {2026, 11, 1}, 12, true}, /* two years */
		{{2026, 11, 1}, {2026, 11, 1}, 0, false},
		{{2026, 10, 31}, {2026, 11, 1}, 0, true},
		{{2026, 1, 31}, {2026, 2, 28}, 1, false}, /* a month on: not past February's end */
		{{2026, 1, 31}, {2026, 3, 1}, 1, true},
		{{2025, 12, 31}, {2026, 2, 1}, 1, true},
		{{2020, 6, 15}, {2026, 11, 1}, 120, false},
		{{2027, 1, 1}, {2026, 11, 1}, 12, false}, /* dated after the assessment */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(engine_evidence_stale(&cases[i].d, &cases[i].on, cases[i].max_age),
				 cases[i].stale);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_principle_levels),
		cmocka_unit_test(test_cumulative_and_rollup),
		cmocka_unit_test(test_every_status),
		cmocka_unit_test(test_target_sources),
		cmocka_unit_test(test_gap_order),
		cmocka_unit_test(test_overdue_and_expired),
		cmocka_unit_test(test_result_is_self_contained),
		cmocka_unit_test(test_evidence_stale),
	};

	return cmocka_run_group_tests_name("engine", tests, setup, teardown);
}
