/* Unit tests for answers workbooks: written, read back the same, errors named by cell. */
#include "testutil.h"

#include "answers_book.h"
#include "answers_load.h"
#include "answers_xlsx.h"
#include "strbuf.h"

#define HEAD                                                                                       \
	"version: 1\n"                                                                             \
	"institution: Test Bank\n"                                                                 \
	"assessment_date: 2026-11-01\n"

/* The built-in catalogue, loaded once for the group (testutil.h). */
TU_BUILTIN_CATALOGUE_FIXTURE(cat)

/* Loads text as answers against cat; they must load without error. */
static void load_yaml(const char *text, struct answers *a)
{
	tu_load_answers(&cat, text, a);
}

/* Writes a as a workbook; returns its path (to tu_remove), or NULL with err set. */
static char *write_book(const struct answers *a, struct strbuf *err)
{
	struct answers_xlsx_options o = {LANG_EN, LEVEL_NONE, {2026, 11, 1}, 0};
	struct strbuf warnings = STRBUF_INIT;
	char *path = strdup("/tmp/craf-test-XXXXXX.xlsx");
	int fd = mkstemps(path, 5);

	assert_true(fd >= 0);
	close(fd);
	if (answers_xlsx_write(path, &cat, a, &o, &warnings, err)) {
		tu_remove(path);
		path = NULL;
	}
	assert_int_equal(warnings.len, 0);
	strbuf_release(&warnings);
	return path;
}

static bool same_str(const char *x, const char *y)
{
	return x == y || (x && y && !strcmp(x, y));
}

/* Everything the model holds, compared field by field. */
static void assert_same(const struct answers *x, const struct answers *y)
{
	assert_true(same_str(x->institution, y->institution));
	assert_true(same_str(x->assessor, y->assessor));
	assert_true(same_str(x->scope, y->scope));
	assert_int_equal(date_cmp(&x->assessment_date, &y->assessment_date), 0);
	assert_int_equal(x->inherent_risk, y->inherent_risk);
	assert_int_equal(x->target, y->target);
	assert_int_equal(x->risk.from_indicators, y->risk.from_indicators);
	assert_int_equal(x->risk.stated, y->risk.stated);
	assert_int_equal(x->risk.override, y->risk.override);
	assert_true(same_str(x->risk.justification, y->risk.justification));
	assert_int_equal(x->risk.nindicators, y->risk.nindicators);
	for (size_t i = 0; i < x->risk.nindicators; i++) {
		const struct risk_indicator *a = &x->risk.indicators[i],
					    *b = &y->risk.indicators[i];

		assert_string_equal(a->category, b->category);
		assert_string_equal(a->name, b->name);
		assert_int_equal(a->rating, b->rating);
		assert_true(same_str(a->note, b->note));
	}
	for (size_t i = 0; i < x->nprinciples; i++)
		for (int l = 0; l < LEVEL_COUNT; l++) {
			const struct answer *a = &x->levels[i][l], *b = &y->levels[i][l];

			assert_int_equal(a->status, b->status);
			assert_int_equal(a->evidence.nr, b->evidence.nr);
			for (size_t e = 0; e < a->evidence.nr; e++)
				assert_string_equal(a->evidence.items[e], b->evidence.items[e]);
			assert_true(same_str(a->note, b->note));
			assert_int_equal(!a->remediation, !b->remediation);
			if (a->remediation) {
				assert_string_equal(a->remediation->action, b->remediation->action);
				assert_string_equal(a->remediation->owner, b->remediation->owner);
				assert_int_equal(
					date_cmp(&a->remediation->due, &b->remediation->due), 0);
			}
			assert_int_equal(date_cmp(&a->expires, &b->expires), 0);
		}
}

static const char *const round_trips[] = {
	HEAD "inherent_risk: high\nanswers: {}\n",
	HEAD "target: advanced\nassessor: \"  CISO, with spaces  \"\nscope: HK\nanswers:\n"
	     "  \"1.2.1\":\n    baseline: met\n    intermediate: unanswered\n",
	HEAD
	"inherent_risk:\n  indicators:\n"
	"    - { category: technologies, name: Use of cloud services, rating: high, note: x }\n"
	"    - { category: organisation, name: \"Own, \\\"quoted\\\"\", rating: low }\n"
	"  override: { rating: medium, justification: Board 2026-06-19 }\n"
	"answers:\n"
	"  \"3.1.4\": { status: inherited, evidence: [SOC 2, \" two \", 三] }\n"
	"  \"3.1.2\":\n"
	"    baseline: { status: compensating, note: \"line one\\nline two\\ttab\" }\n"
	"    intermediate: { status: risk-accepted, note: ok, expires: 2027-01-31 }\n"
	"    advanced: { status: not-met, remediation: { action: Do, owner: Me, due: "
	"1899-12-31 } }\n",
};

static void test_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(round_trips); i++) {
		struct answers a, b;
		struct strbuf err = STRBUF_INIT;
		struct diag_list dl = DIAG_LIST_INIT;
		char *book;

		load_yaml(round_trips[i], &a);
		book = write_book(&a, &err);
		if (!book)
			fprintf(stderr, "case %zu: %s\n", i, err.buf);
		assert_non_null(book);
		answers_init(&b);
		if (answers_load(&b, book, &cat, &dl))
			tu_dump(&dl);
		assert_false(diag_list_has_errors(&dl));
		assert_same(&a, &b);
		tu_remove(book);
		answers_release(&a);
		answers_release(&b);
		strbuf_release(&err);
		diag_list_release(&dl);
	}
}

/* Text a cell cannot give back exactly is refused, naming the answer. */
static const struct {
	const char *yaml, *message;
} refusals[] = {
	{HEAD "inherent_risk: low\nanswers:\n  \"3.1.4\": { status: met, evidence: [\"a\\nb\"] }\n",
	 "the evidence of 3.1.4 has an item with a line break in it"},
	{HEAD "inherent_risk: low\nanswers:\n  \"1.2.1\": { baseline: { status: met, note: "
	      "\"a\\rb\" } }\n",
	 "the note of 1.2.1 baseline holds a carriage return"},
	{HEAD "inherent_risk: low\nanswers:\n  \"1.2.1\": { baseline: { status: met, note: "
	      "\"zero\\u200Bwidth\" } }\n",
	 "the note of 1.2.1 baseline holds"},
	{"version: 1\ninstitution: \"Bank\\e[31m\"\nassessment_date: 2026-11-01\n"
	 "inherent_risk: low\nanswers: {}\n",
	 "the institution holds"},
};

static void test_refusals(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(refusals); i++) {
		struct answers a;
		struct strbuf err = STRBUF_INIT;

		load_yaml(refusals[i].yaml, &a);
		assert_null(write_book(&a, &err));
		if (!strstr(err.buf, refusals[i].message))
			fprintf(stderr, "case %zu: %s\n", i, err.buf);
		assert_non_null(strstr(err.buf, refusals[i].message));
		assert_non_null(strstr(err.buf, "cannot go into a workbook without change"));
		answers_release(&a);
		strbuf_release(&err);
	}
}

/* Header cells compare by their first line, case and separators aside. */
static void test_header_key(void **state)
{
	static const char *const cases[][2] = {
		{"Remediation owner", "remediation owner"},
		{"  REMEDIATION_OWNER ", "remediation owner"},
		{"remediation--owner", "remediation owner"},
		{"Status\n狀態", "status"},
		{"", ""},
		{"Expires (YYYY-MM-DD)", "expires (yyyy mm dd)"},
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct strbuf k = STRBUF_INIT;

		book_header_key(&k, cases[i][0], strlen(cases[i][0]));
		assert_string_equal(k.buf, cases[i][1]);
		strbuf_release(&k);
	}
}

/* The template reads back: placeholders only, so no answer is given. */
static void test_template_reads_back(void **state)
{
	struct answers_xlsx_options o = {LANG_EN, LEVEL_NONE, {2026, 11, 1}, 0};
	struct strbuf warnings = STRBUF_INIT, err = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	char *path = strdup("/tmp/craf-test-XXXXXX.xlsx");
	struct answers a;
	int fd = mkstemps(path, 5);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(answers_xlsx_write(path, &cat, NULL, &o, &warnings, &err), 0);
	answers_init(&a);
	assert_int_equal(answers_load(&a, path, &cat, &dl), 0);
	assert_string_equal(a.institution, "Your institution's name");
	assert_int_equal(a.inherent_risk, RISK_MEDIUM);
	assert_int_equal(a.ngiven, 0); /* "unanswered" alone is the placeholder */
	answers_release(&a);
	/* Against another catalogue, rows of ids it lacks that hold no answer are no error. */
	{
		struct catalogue mini;
		struct strbuf dir = STRBUF_INIT;

		strbuf_addf(&dir, "%s/mini", CRAF_TEST_DATA);
		assert_int_equal(tu_load_catalogue(&mini, dir.buf), 0);
		answers_init(&a);
		assert_int_equal(answers_load(&a, path, &mini, &dl),
				 0); /* unanswered rows: nothing */
		answers_release(&a);
		catalogue_release(&mini);
		strbuf_release(&dir);
	}
	tu_remove(path);
	strbuf_release(&warnings);
	strbuf_release(&err);
	diag_list_release(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_header_key),
		cmocka_unit_test(test_template_reads_back),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
