/* Unit tests for the group summary: entities, latest and previous, due dates, common gaps. */
#include "testutil.h"

#include "engine.h"
#include "strbuf.h"
#include "summary.h"

static struct catalogue mini;

static int setup(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;

	(void)state;
	catalogue_init(&mini);
	if (catalogue_load_dir(&mini, CRAF_TEST_DATA "/mini", &dl))
		return -1;
	diag_list_release(&dl);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	catalogue_release(&mini);
	return 0;
}

/* One assessment: who, when, in what scope, and the answers body. */
struct input {
	const char *institution;
	const char *scope; /* NULL: none */
	const char *date;
	const char *body;
};

#define MEETS                                                                                      \
	"  \"1.1.1\": { baseline: met }\n  \"1.1.2\": { status: met }\n"                           \
	"  \"1.2.1\": { baseline: met }\n  \"1.10.1\": { baseline: met }\n"                        \
	"  \"2.1.1\": { baseline: met }\n"
#define GAP_111                                                                                    \
	"  \"1.1.1\": { baseline: not-met }\n  \"1.1.2\": { status: met }\n"                       \
	"  \"1.2.1\": { baseline: met }\n  \"1.10.1\": { baseline: met }\n"                        \
	"  \"2.1.1\": { baseline: met }\n"
#define GAP_111_211                                                                                \
	"  \"1.1.1\": { baseline: not-met }\n  \"1.1.2\": { status: met }\n"                       \
	"  \"1.2.1\": { baseline: met }\n  \"1.10.1\": { baseline: met }\n"                        \
	"  \"2.1.1\": { baseline: partial }\n"
#define GAP_211_UP                                                                                 \
	"  \"1.1.1\": { baseline: met, intermediate: met }\n  \"1.1.2\": { status: met }\n"        \
	"  \"1.2.1\": { baseline: met, intermediate: met }\n"                                      \
	"  \"1.10.1\": { baseline: met, intermediate: met }\n"                                     \
	"  \"2.1.1\": { baseline: not-met }\n"

static void assess(const struct input *in, struct result *r)
{
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf text = STRBUF_INIT;
	struct answers a;
	char *path;

	strbuf_addf(&text, "version: 1\ninstitution: %s\nassessment_date: %s\ntarget: baseline\n",
		    in->institution, in->date);
	if (in->scope)
		strbuf_addf(&text, "scope: %s\n", in->scope);
	strbuf_addf(&text, "answers:\n%s", in->body);
	path = tu_write_temp_str(text.buf);
	answers_init(&a);
	if (answers_load(&a, path, &mini, &dl)) {
		tu_dump(&dl);
		fail();
	}
	result_init(r);
	assert_int_equal(engine_assess(r, &mini, &a, &eo), 0);
	answers_release(&a);
	diag_list_release(&dl);
	strbuf_release(&text);
	tu_remove(path);
}

/* Builds the summary of n inputs on as_of with key; returns summary_build's value. */
static int build(const struct input *ins, size_t n, const char *as_of, enum summary_key key,
		 struct result *rs, struct summary *s, struct diag_list *dl)
{
	struct summary_input si[8];
	struct summary_options o = {{0, 0, 0}, key};

	assert_true(n <= 8);
	assert_int_equal(date_parse(as_of, &o.as_of), 0);
	for (size_t i = 0; i < n; i++) {
		assess(&ins[i], &rs[i]);
		si[i].r = &rs[i];
		si[i].path = ins[i].date;
	}
	return summary_build(s, si, n, &o, dl);
}

/* "Name date|Name date": the entities' rows as a string. */
static void rows(const struct summary *s, char *buf, size_t size)
{
	char date[11];

	buf[0] = '\0';
	for (size_t i = 0; i < s->nentities; i++) {
		struct strbuf sb = STRBUF_INIT;

		summary_entity_label(&sb, s, &s->entities[i]);
		strbuf_addf(
			&sb, " %s%s%s", date_format(&s->entities[i].latest->assessment_date, date),
			s->entities[i].due ? " due" : "", s->entities[i].meets_target ? " ok" : "");
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i ? "|" : "", sb.buf);
		strbuf_release(&sb);
	}
}

static void release(struct result *rs, size_t n, struct summary *s, struct diag_list *dl)
{
	summary_release(s);
	for (size_t i = 0; i < n; i++)
		result_release(&rs[i]);
	diag_list_release(dl);
}

/* The scenario, and variations on who is an entity and which assessment counts. */
static void test_entities(void **state)
{
	static const struct {
		const char *name;
		struct input in[6];
		size_t n;
		enum summary_key key;
		const char *want;
	} cases[] = {
		{"five entities, one twice, one old",
		 {{"Beta", NULL, "2025-06-01", GAP_111},
		  {"alpha", NULL, "2026-10-01", GAP_111_211},
		  {"Beta", NULL, "2026-06-01", GAP_111},
		  {"Gamma", NULL, "2023-05-01", GAP_111},
		  {"Delta", NULL, "2026-01-15", MEETS},
		  {"Epsilon", NULL, "2026-03-01", GAP_211_UP}},
		 6,
		 SUMMARY_KEY_INSTITUTION,
		 "alpha 2026-10-01|Beta 2026-06-01|Delta 2026-01-15 ok|Epsilon 2026-03-01|"
		 "Gamma 2023-05-01 due"},
		{"exactly three years is not yet due",
		 {{"A", NULL, "2024-06-30", MEETS}, {"B", NULL, "2024-06-29", MEETS}},
		 2,
		 SUMMARY_KEY_INSTITUTION,
		 "A 2024-06-30 ok|B 2024-06-29 due ok"},
		{"scope ignored by default",
		 {{"A", "HK", "2026-01-01", MEETS}, {"A", "Macau", "2026-02-01", GAP_111}},
		 2,
		 SUMMARY_KEY_INSTITUTION,
		 "A 2026-02-01"},
		{"scope tells entities apart when asked",
		 {{"A", "Macau", "2026-01-01", MEETS},
		  {"A", NULL, "2026-02-01", GAP_111},
		  {"A", "HK", "2026-03-01", MEETS}},
		 3,
		 SUMMARY_KEY_INSTITUTION_SCOPE,
		 "A 2026-02-01|A (HK) 2026-03-01 ok|A (Macau) 2026-01-01 ok"},
	};
	char buf[512];

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct result rs[6];
		struct summary s;
		struct diag_list dl = DIAG_LIST_INIT;

		print_message("case: %s\n", cases[k].name);
		assert_int_equal(
			build(cases[k].in, cases[k].n, "2027-06-30", cases[k].key, rs, &s, &dl), 0);
		rows(&s, buf, sizeof(buf));
		assert_string_equal(buf, cases[k].want);
		release(rs, cases[k].n, &s, &dl);
	}
}

static void test_previous_and_totals(void **state)
{
	const struct input in[] = {{"E", NULL, "2024-01-01", GAP_211_UP},
				   {"E", NULL, "2026-01-01", GAP_111},
				   {"E", NULL, "2025-01-01", MEETS},
				   {"F", NULL, "2026-01-01", MEETS}};
	struct result rs[4];
	struct summary s;
	struct diag_list dl = DIAG_LIST_INIT;
	char date[11];

	(void)state;
	assert_int_equal(build(in, 4, "2027-06-30", SUMMARY_KEY_INSTITUTION, rs, &s, &dl), 0);
	assert_int_equal(s.nentities, 2);
	/* The latest is 2026; the previous is 2025, not the oldest. */
	assert_string_equal(date_format(&s.entities[0].previous->assessment_date, date),
			    "2025-01-01");
	assert_int_equal(s.entities[0].nassessments, 3);
	assert_int_equal(s.ndomains, 2);
	assert_int_equal(s.entities[0].cells[0].dir, SUMMARY_DIR_DOWN);
	assert_int_equal(s.entities[0].cells[1].dir, SUMMARY_DIR_SAME);
	assert_int_equal(s.entities[1].cells[0].dir, SUMMARY_DIR_NONE);
	assert_int_equal(s.totals.files, 4);
	assert_int_equal(s.totals.assessments, 4);
	assert_int_equal(s.totals.entities, 2);
	assert_int_equal(s.totals.below_target, 1);
	assert_int_equal(s.totals.gaps, 1);
	assert_int_equal(s.domains[0].assessed, 2);
	assert_int_equal(s.domains[0].meeting, 1);
	assert_int_equal(s.entities[0].age_days, 545);
	release(rs, 4, &s, &dl);
}

static void test_common_gaps(void **state)
{
	const struct input in[] = {{"A", NULL, "2026-01-01", GAP_211_UP},
				   {"B", NULL, "2026-01-01", GAP_111_211},
				   {"C", NULL, "2026-01-01", GAP_111},
				   {"D", NULL, "2026-01-01", GAP_111_211},
				   {"E", NULL, "2026-01-01", MEETS}};
	struct result rs[5];
	struct summary s;
	struct diag_list dl = DIAG_LIST_INIT;

	(void)state;
	assert_int_equal(build(in, 5, "2027-06-30", SUMMARY_KEY_INSTITUTION, rs, &s, &dl), 0);
	assert_int_equal(s.ngaps, 2);
	/* 1.1.1 and 2.1.1 in three entities each: the tie goes by id. */
	assert_string_equal(s.gaps[0].control, "1.1.1");
	assert_int_equal(s.gaps[0].count, 3);
	assert_int_equal(s.gaps[0].entities[0], 1);
	assert_int_equal(s.gaps[0].entities[2], 3);
	assert_string_equal(s.gaps[1].control, "2.1.1");
	assert_int_equal(s.gaps[1].count, 3);
	assert_int_equal(s.gaps[1].entities[0], 0);
	release(rs, 5, &s, &dl);
}

static void test_duplicates(void **state)
{
	const struct input same[] = {{"A", NULL, "2026-01-01", GAP_111},
				     {"A", NULL, "2026-01-01", GAP_111}};
	const struct input conflict[] = {{"A", NULL, "2026-01-01", GAP_111},
					 {"A", NULL, "2026-01-01", MEETS}};
	struct result rs[2];
	struct summary s;
	struct diag_list dl = DIAG_LIST_INIT;

	(void)state;
	assert_int_equal(build(same, 2, "2027-06-30", SUMMARY_KEY_INSTITUTION, rs, &s, &dl), 0);
	assert_int_equal(s.totals.assessments, 1);
	assert_int_equal(s.entities[0].nassessments, 1);
	assert_null(s.entities[0].previous);
	assert_int_equal(dl.nr, 1);
	assert_int_equal(dl.items[0].severity, DIAG_WARNING);
	assert_non_null(strstr(dl.items[0].message, "counted once"));
	release(rs, 2, &s, &dl);
	assert_int_equal(build(conflict, 2, "2027-06-30", SUMMARY_KEY_INSTITUTION, rs, &s, &dl),
			 -1);
	assert_int_equal(dl.errors, 1);
	assert_non_null(strstr(dl.items[0].message, "which is the latest is unclear"));
	assert_int_equal(s.nentities, 0);
	release(rs, 2, &s, &dl);
}

static void test_dates(void **state)
{
	static const struct {
		const char *a, *b;
		long days;
		const char *plus3;
	} cases[] = {
		{"2024-02-29", "2027-02-28", 1095, "2027-02-28"},
		{"2026-01-01", "2026-01-01", 0, "2029-01-01"},
		{"2026-03-01", "2026-02-28", -1, "2029-03-01"},
		{"1999-12-31", "2000-03-01", 61, "2002-12-31"},
	};

	(void)state;
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct date a, b, p;
		char buf[11];

		assert_int_equal(date_parse(cases[k].a, &a), 0);
		assert_int_equal(date_parse(cases[k].b, &b), 0);
		assert_int_equal(summary_days_between(&a, &b), cases[k].days);
		p = summary_add_years(&a, 3);
		assert_string_equal(date_format(&p, buf), cases[k].plus3);
	}
}

static void test_names(void **state)
{
	enum summary_key k;

	(void)state;
	assert_int_equal(summary_key_parse("institution+scope", &k), 0);
	assert_int_equal(k, SUMMARY_KEY_INSTITUTION_SCOPE);
	assert_string_equal(summary_key_name(k), "institution+scope");
	assert_int_equal(summary_key_parse("scope", &k), -1);
	assert_string_equal(summary_direction_name(SUMMARY_DIR_UP), "up");
	assert_null(summary_direction_name(SUMMARY_DIR_NONE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entities),    cmocka_unit_test(test_previous_and_totals),
		cmocka_unit_test(test_common_gaps), cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_dates),	    cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
