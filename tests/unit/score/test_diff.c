/* Unit tests for comparing assessments: every category, delivery, drift, trend order. */
#include "testutil.h"

#include "diff_render.h"
#include "engine.h"
#include "strbuf.h"
#include "trend.h"
#include "trend_render.h"

static struct catalogue mini, mini2;

static int setup(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;

	(void)state;
	catalogue_init(&mini);
	catalogue_init(&mini2);
	if (catalogue_load_dir(&mini, CRAF_TEST_DATA "/mini", &dl) ||
	    catalogue_load_dir(&mini2, CRAF_TEST_DATA "/mini2", &dl))
		return -1;
	diag_list_release(&dl);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalogue_release(&mini);
	catalogue_release(&mini2);
	return 0;
}

static void assess(const struct catalogue *cat, const char *date, const char *target,
		   const char *body, struct result *r)
{
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf text = STRBUF_INIT;
	struct answers a;
	char *path;

	strbuf_addf(&text,
		    "version: 1\ninstitution: T\nassessment_date: %s\ntarget: %s\nanswers:\n%s",
		    date, target, body);
	path = tu_write_temp_str(text.buf);
	answers_init(&a);
	if (answers_load(&a, path, cat, &dl)) {
		tu_dump(&dl);
		fail();
	}
	result_init(r);
	assert_int_equal(engine_assess(r, cat, &a, &eo), 0);
	answers_release(&a);
	diag_list_release(&dl);
	strbuf_release(&text);
	tu_remove(path);
}

/* "1.1.1 intermediate" for each item, joined by commas. */
static void names(const struct diff_items *list, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < list->nr; i++) {
		char one[64];

		snprintf(one, sizeof(one), "%s%s %s", i ? ", " : "", list->items[i].control->id,
			 level_name(list->items[i].level));
		strncat(buf, one, size - strlen(buf) - 1);
	}
}

static void test_categories(void **state)
{
	struct result old, new;
	struct diff d;
	char buf[512];

	(void)state;
	assess(&mini, "2023-10-01", "baseline",
	       "  \"1.1.1\": { baseline: met, intermediate: not-met, advanced: met }\n"
	       "  \"1.1.2\": { status: met }\n"
	       "  \"1.2.1\": { baseline: not-met, intermediate: not-met }\n"
	       "  \"1.10.1\": { baseline: partial, intermediate: not-met }\n"
	       "  \"2.1.1\": { baseline: met, intermediate: met, advanced: not-met }\n",
	       &old);
	assess(&mini, "2026-10-01", "intermediate",
	       "  \"1.1.1\": { baseline: met, intermediate: met, advanced: not-met }\n"
	       "  \"1.1.2\": { status: inherited, evidence: [SOC 2] }\n"
	       "  \"1.2.1\": { baseline: met, intermediate: partial }\n"
	       "  \"1.10.1\": { baseline: not-met, intermediate: not-met }\n"
	       "  \"2.1.1\": { baseline: partial, intermediate: met, advanced: not-met }\n",
	       &new);
	diff_compute(&d, &old, &new);
	names(&d.closed, buf, sizeof(buf));
	assert_string_equal(buf, "1.1.1 intermediate, 1.2.1 baseline");
	names(&d.regressed, buf, sizeof(buf));
	assert_string_equal(buf, "1.1.1 advanced, 2.1.1 baseline");
	names(&d.still_open, buf, sizeof(buf));
	assert_string_equal(buf, "1.10.1 baseline");
	/* Not gaps against the old baseline target, gaps against the new one. */
	names(&d.new_gaps, buf, sizeof(buf));
	assert_string_equal(buf, "1.2.1 intermediate, 1.10.1 intermediate");
	names(&d.status_changes, buf, sizeof(buf));
	assert_string_equal(buf, "1.1.2 baseline, 1.2.1 intermediate, 1.10.1 baseline");
	assert_int_equal(d.status_changes.items[0].old_status, STATUS_MET);
	assert_int_equal(d.status_changes.items[0].new_status, STATUS_INHERITED);
	/* Domain 2 fell from intermediate to none. */
	assert_int_equal(d.domains[1].change, CHANGE_DOWN);
	assert_int_equal(d.domains_down, 1);
	assert_true(diff_regressed(&d));
	assert_false(d.catalogue_changed);
	assert_int_equal(d.drift_added.nr + d.drift_removed.nr, 0);
	diff_release(&d);
	result_release(&old);
	result_release(&new);
}

static void test_no_regression(void **state)
{
	const char *body = "  \"1.1.1\": { baseline: met }\n  \"2.1.1\": { baseline: partial }\n";
	struct result old, new;
	struct diff d;

	(void)state;
	assess(&mini, "2023-10-01", "baseline", body, &old);
	assess(&mini, "2026-10-01", "baseline", body, &new);
	diff_compute(&d, &old, &new);
	assert_false(diff_regressed(&d));
	assert_int_equal(d.closed.nr + d.regressed.nr + d.new_gaps.nr + d.status_changes.nr, 0);
	assert_int_equal(d.still_open.nr, 4); /* every unmet baseline requirement */
	for (size_t i = 0; i < d.ndomains; i++)
		assert_int_equal(d.domains[i].change, CHANGE_SAME);
	diff_release(&d);
	result_release(&old);
	result_release(&new);
}

static void test_remediation_delivery(void **state)
{
	struct result old, new;
	struct diff d;

	(void)state;
	assess(&mini, "2023-10-01", "intermediate",
	       "  \"1.1.1\":\n"
	       "    baseline: { status: partial, remediation: { action: A, owner: O, due: 2024-01-01 } }\n"
	       "    intermediate: { status: partial, remediation: { action: B, owner: O, due: 2025-01-01 } }\n"
	       "  \"2.1.1\":\n"
	       "    baseline: { status: partial, remediation: { action: C, owner: O, due: 2025-06-30 } }\n"
	       "    intermediate: { status: partial, remediation: { action: D, owner: O, due: 2027-06-30 } }\n",
	       &old);
	assess(&mini, "2026-10-01", "intermediate",
	       "  \"1.1.1\":\n"
	       "    baseline: met\n"
	       "    intermediate: { status: partial, remediation: { action: B, owner: O, due: 2027-01-01 } }\n"
	       "  \"2.1.1\":\n"
	       "    baseline: partial\n"
	       "    intermediate: partial\n",
	       &new);
	diff_compute(&d, &old, &new);
	/* D is not due until after the new assessment: not judged. */
	assert_int_equal(d.nremediation, 3);
	assert_string_equal(d.remediation[0].old->remediation.action, "A");
	assert_int_equal(d.remediation[0].delivery, DELIVERY_DELIVERED);
	assert_string_equal(d.remediation[1].old->remediation.action, "B");
	assert_int_equal(d.remediation[1].delivery, DELIVERY_LATE);
	assert_string_equal(d.remediation[2].old->remediation.action, "C");
	assert_int_equal(d.remediation[2].delivery, DELIVERY_MISSED);
	assert_int_equal(d.delivered + d.late + d.missed, 3);
	diff_release(&d);
	result_release(&old);
	result_release(&new);
}

static void test_catalogue_drift(void **state)
{
	struct result old, new;
	struct diff d;
	char buf[512];

	(void)state;
	assess(&mini, "2023-10-01", "advanced",
	       "  \"1.10.1\": { baseline: met, intermediate: met, advanced: met }\n"
	       "  \"1.2.1\": { baseline: met, intermediate: met }\n",
	       &old);
	assess(&mini2, "2026-10-01", "advanced",
	       "  \"1.10.1\": { baseline: met, intermediate: met }\n"
	       "  \"1.2.1\": { baseline: met, intermediate: met, advanced: not-met }\n",
	       &new);
	diff_compute(&d, &old, &new);
	assert_true(d.catalogue_changed);
	names(&d.drift_added, buf, sizeof(buf));
	assert_string_equal(buf, "1.2.1 advanced, 2.1.2 baseline");
	names(&d.drift_removed, buf, sizeof(buf));
	assert_string_equal(buf, "1.10.1 advanced");
	/* Requirements on one side only are never regressions. */
	assert_int_equal(d.regressed.nr, 0);
	diff_release(&d);
	result_release(&old);
	result_release(&new);
}

static void test_trend_order(void **state)
{
	struct result a, b, c;
	const struct result *order[3];

	(void)state;
	assess(&mini, "2026-10-01", "baseline", "  {}\n", &a);
	assess(&mini, "2020-12-15", "baseline", "  {}\n", &b);
	assess(&mini, "2023-10-01", "baseline", "  {}\n", &c);
	order[0] = &a;
	order[1] = &b;
	order[2] = &c;
	trend_sort(order, 3);
	assert_ptr_equal(order[0], &b);
	assert_ptr_equal(order[1], &c);
	assert_ptr_equal(order[2], &a);
	result_release(&a);
	result_release(&b);
	result_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_categories),	     cmocka_unit_test(test_no_regression),
		cmocka_unit_test(test_remediation_delivery), cmocka_unit_test(test_catalogue_drift),
		cmocka_unit_test(test_trend_order),
	};

	return cmocka_run_group_tests_name("diff", tests, setup, teardown);
}
