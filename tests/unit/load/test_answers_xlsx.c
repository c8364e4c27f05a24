/* Unit tests for answers workbooks: written, read back the same, errors named by cell. */
#include "testutil.h"

#include "answers_book.h"
#include "answers_load.h"
#include "answers_xlsx.h"
#include "strbuf.h"
#include "tu_zip.h"

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

/* Workbooks typed by hand (tu_zip.h grids): sheets Assessment, Inherent risk and Answers. */
#define FIELDS "Field|Value\nInstitution|Test Bank\nAssessment date|2026-11-01\n"
#define COLS   "ID|Level|Status|Evidence|Note|Remediation action|Remediation owner|Due|Expires\n"

struct book_case {
	const char *what;
	const char *assessment, *risk, *answers; /* NULL: no such sheet */
	const char *yaml;			 /* not NULL: loads, as this YAML does */
	const char *errors[4]; /* else each "REF: message" is (part of) a reported error */
};

static const struct book_case book_cases[] = {
	{"statuses trimmed, \"all\" levels, blank header cells, a bare status",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 "ID|  |Level|Status\n3.1.4||all|met  \n\n3.1.2||baseline|  not-met\n",
	 HEAD
	 "inherent_risk: low\nanswers:\n  \"3.1.4\": met\n  \"3.1.2\": { baseline: not-met }\n",
	 {NULL}},
	{"evidence lines: CR LF, blank lines, words that are not a file",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.4||inherited|one\r\\n\\n  \\nfile\\nfiles: two\\n\t three\n",
	 HEAD "inherent_risk: low\nanswers:\n  \"3.1.4\": { status: inherited, evidence: [one, "
	      "file, \"files: two\", \"\\t three\"] }\n",
	 {NULL}},
	{"a file item, trimmed, its title all the rest of the line",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.4||inherited|file: \t gone.pdf  ^  2026-1-1\t ^ A ^ B \n",
	 NULL,
	 {"Answers!D2: invalid date \"2026-1-1\""}},
	{"a file item with nothing after \"file:\"",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.4||inherited|file:\n",
	 NULL,
	 {"Answers!D2: missing required key \"file\""}},
	{"a remediation with only a due date, named at its cell",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 "ID|Level|Status|Due\n3.1.2|baseline|not-met|2027-01-01\n",
	 NULL,
	 {"Answers!D2: missing required key \"action\" in remediation",
	  "Answers!D2: missing required key \"owner\" in remediation"}},
	{"a number that is no date serial stays a number",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.2|baseline|risk-accepted||ok||||!n:60\n",
	 NULL,
	 {"Answers!I2: invalid date \"60\""}},
	{"error values",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.4||!e:#N/A\n",
	 NULL,
	 {"Answers!C2: the cell holds the error value #N/A, not an answer"}},
	{"a formula whose result the file does not keep",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.4|baseline|!f:F2\n",
	 NULL,
	 {"Answers!C2: the cell holds a formula whose result the file does not keep (the program "
	  "that saved it does not calculate): type the value in, or save the workbook from Excel "
	  "or LibreOffice"}},
	{"a formula for a field's name",
	 "Field|Value\n!f:B9|Test Bank\n",
	 NULL,
	 COLS,
	 NULL,
	 {"Assessment!A2: the cell holds a formula whose result the file does not keep"}},
	{"merged answer cells: each level needs its own",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 TU_DECL "<worksheet xmlns=\"" TU_MAIN "\"><sheetData>"
		 "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Answers</t></is></c></row>"
		 "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>ID</t></is></c>"
		 "<c r=\"B2\" t=\"inlineStr\"><is><t>Level</t></is></c>"
		 "<c r=\"C2\" t=\"inlineStr\"><is><t>Status</t></is></c></row>"
		 "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>3.1.4</t></is></c>"
		 "<c r=\"B3\" t=\"inlineStr\"><is><t>baseline</t></is></c>"
		 "<c r=\"C3\" t=\"inlineStr\"><is><t>met</t></is></c></row>"
		 "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>3.1.4</t></is></c>"
		 "<c r=\"B4\" t=\"inlineStr\"><is><t>intermediate</t></is></c></row>"
		 "</sheetData><mergeCells><mergeCell ref=\"A1:C1\"/><mergeCell ref=\"C3:C4\"/>"
		 "</mergeCells></worksheet>",
	 NULL,
	 {"Answers!C3: cells C3:C4 are merged: only C3 holds a value and the others would read as "
	  "blank; unmerge them and fill in each cell"}},
	{"a merged title above the header is no answer",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 TU_DECL "<worksheet xmlns=\"" TU_MAIN "\"><sheetData>"
		 "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Answers</t></is></c></row>"
		 "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>ID</t></is></c>"
		 "<c r=\"B2\" t=\"inlineStr\"><is><t>Status</t></is></c></row>"
		 "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>3.1.4</t></is></c>"
		 "<c r=\"B3\" t=\"inlineStr\"><is><t>met</t></is></c></row>"
		 "</sheetData><mergeCells><mergeCell ref=\"A1:C1\"/></mergeCells></worksheet>",
	 HEAD "inherent_risk: low\nanswers:\n  \"3.1.4\": met\n",
	 {NULL}},
	{"a header below row 30",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n" COLS "3.1.4||met\n",
	 NULL,
	 {"Answers: no header row with \"ID\" and \"Status\" columns in the first 30 rows"}},
	{"an empty Answers sheet",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 "",
	 NULL,
	 {"Answers: no header row with \"ID\" and \"Status\" columns"}},
	{"a column twice",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 "ID|Status|Note|status\n",
	 NULL,
	 {"Answers!D1: column \"status\" appears twice (also at Answers!B1)"}},
	{"a level's row, then one for all levels",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "1.2.1|baseline|met\n1.2.1||met\n",
	 NULL,
	 {"Answers!A3: 1.2.1 is answered twice: here and at Answers!A2"}},
	{"a row for all levels, then a level's",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "1.2.1|All levels|met\n1.2.1|baseline|met\n",
	 NULL,
	 {"Answers!A3: 1.2.1 (all levels) is answered twice: here and at Answers!A2"}},
	{"no Answers sheet",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 NULL,
	 NULL,
	 {"the workbook: no \"Answers\" sheet (the workbook has \"Assessment\")"}},
	{"no Answers sheet among two",
	 FIELDS,
	 "Category|Rating\n",
	 NULL,
	 NULL,
	 {"the workbook: no \"Answers\" sheet (the workbook has \"Assessment\", \"Inherent "
	  "risk\")"}},
	{"an unknown column, the nearest suggested",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 "ID|Status|Stauts|Colour of the sky\n",
	 NULL,
	 {"Answers!C1: unknown column \"Stauts\" (did you mean \"status\"? expected one of: id, "
	  "control id, domain, principle, level, requirement, status, evidence",
	  "Answers!D1: unknown column \"Colour of the sky\" (expected one of: id,"}},
	{"evidence with no status; a status of spaces",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.4|||doc\n1.2.1|baseline|   |doc\n",
	 NULL,
	 {"Answers!C2: missing required key \"status\"", "Answers!C3"}},
	{"file items: short, cut after a bar, bars without spaces, blank",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS
	 "3.1.4||inherited|file:ab\\nfile: a ^ \\nfile: x ^y ^ 2026-01-01\\nfile: \t ^ 2026-01-01\n",
	 NULL,
	 {"Answers!D2: missing required key \"date\" in evidence file"}},
	{"a carriage return ends an evidence line",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.4||inherited|one_x000D_\\ntwo_x000D_\n",
	 HEAD
	 "inherent_risk: low\nanswers:\n  \"3.1.4\": { status: inherited, evidence: [one, two] }\n",
	 {NULL}},
	{"a remediation with an owner and no action, named at the owner",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 "ID|Level|Status|Owner|Due\n3.1.2|baseline|not-met|Me|2027-01-01\n",
	 NULL,
	 {"Answers!D2: missing required key \"action\" in remediation"}},
	{"an Answers sheet that cannot be read",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 "<worksheet>",
	 NULL,
	 {"xl/worksheets/sheet2.xml: no element found"}},
	{"an answer with no id",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "  ||met\n",
	 NULL,
	 {"Answers!A2: this row has an answer but no requirement id"}},
	{"one principle answered for all levels twice",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "3.1.4||met\n3.1.4|all|met\n",
	 NULL,
	 {"Answers!A3: 3.1.4 is answered twice: here and at Answers!A2 (keep one row)"}},
	{"one level answered twice",
	 FIELDS "Inherent risk|low\n",
	 NULL,
	 COLS "1.2.1|baseline|met\n1.2.1| baseline |met\n",
	 NULL,
	 {"Answers!A3: 1.2.1 baseline is answered twice: here and at Answers!A2"}},
	{"no sheets at all",
	 NULL,
	 NULL,
	 NULL,
	 NULL,
	 {"the workbook: no \"Answers\" sheet (the workbook has no sheets): an answers workbook keeps"}},
	{"indicators: an error value, a note alone, a rating alone",
	 FIELDS,
	 "Category|Indicator|Rating|Note\ntechnologies|Cloud|!e:#REF!\norganisation|Staff||a note\n"
	 "||high\n",
	 COLS,
	 NULL,
	 {"'Inherent risk'!C2: the cell holds the error value #REF!",
	  "'Inherent risk'!C3: missing required key \"rating\"",
	  "'Inherent risk'!C4: missing required key \"category\""}},
	{"an Inherent risk sheet with no header",
	 FIELDS,
	 "Rating\nhigh\n",
	 COLS,
	 NULL,
	 {"Inherent risk: no header row with \"Category\" and \"Rating\" columns"}},
	{"an Inherent risk sheet that cannot be read",
	 FIELDS,
	 "<worksheet>",
	 COLS,
	 NULL,
	 {"xl/worksheets/sheet2.xml: no element found"}},
	{"an Assessment sheet that cannot be read",
	 "<worksheet>",
	 NULL,
	 COLS,
	 NULL,
	 {"xl/worksheets/sheet1.xml: no element found"}},
	{"an Assessment sheet with no header",
	 "Institution|Test Bank\n",
	 NULL,
	 COLS,
	 NULL,
	 {"Assessment: no header row with \"Field\" and \"Value\" columns"}},
	{"the Assessment header found past broken ones; odd rows",
	 "Field\nValue\nField|Field|Value\n |  \nInstitution||!e:#N/A\n||orphan\nColour||blue\n"
	 "Weather||\nAssessor||Me\nAssessor||Again\n",
	 NULL,
	 COLS,
	 NULL,
	 {"Assessment!C5: the cell holds the error value #N/A",
	  "Assessment!A6: a value with no field",
	  "Assessment!A10: field \"Assessor\" is given twice: here and at Assessment!A9",
	  "Assessment!A7: unknown key \"colour\" in the answers file"}},
	{"an override with no indicators to override",
	 FIELDS "Inherent risk override|high\n",
	 NULL,
	 COLS,
	 NULL,
	 {"Assessment!B4: an override needs indicators to override: rate them on the \"Inherent risk\" "
	  "sheet"}},
	{"a justification with no indicators",
	 FIELDS "Override justification|why\n",
	 NULL,
	 COLS,
	 NULL,
	 {"Assessment!B4: an override needs indicators to override: rate them on the \"Inherent risk\" "
	  "sheet"}},
	{"a rating stated beside indicators",
	 FIELDS "Inherent risk|low\n",
	 "Category|Indicator|Rating\ntechnologies|Use of cloud services|high\n",
	 COLS,
	 NULL,
	 {"Assessment!B4: the inherent risk is given both here and by the indicators"}},
	{"an override with only a justification",
	 FIELDS "Override justification|Board\n",
	 "Category|Indicator|Rating\ntechnologies|Use of cloud services|high\n",
	 COLS,
	 NULL,
	 {"Assessment!B4: missing required key \"rating\" in override"}},
	{"an override with only a rating",
	 FIELDS "Inherent risk override|low\n",
	 "Category|Indicator|Rating\ntechnologies|Use of cloud services|high\n",
	 COLS,
	 NULL,
	 {"Assessment!B4: missing required key \"justification\" in override"}},
	{"a version that is not a number",
	 "Field|Value\nVersion|1a\n",
	 NULL,
	 COLS,
	 NULL,
	 {"Assessment!B2: expected the number 1, got the text \"1a\""}},
	{"a version of spaces",
	 "Field|Value\nVersion|  \n",
	 NULL,
	 COLS,
	 NULL,
	 {"Assessment!B2: expected the number 1, got the text \"\""}},
	{"the institution and date rows left empty",
	 "Field|Value\nInstitution|\nAssessment date|\n"
	 "Assessor|Me\n",
	 NULL,
	 COLS,
	 NULL,
	 {"Assessment!B2: expected text, got an empty value", "Assessment!B3: invalid date \"\""}},
};

static void test_books(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(book_cases); i++) {
		const struct book_case *t = &book_cases[i];
		struct tu_grid sheets[3];
		struct strbuf zip = STRBUF_INIT;
		struct diag_list dl = DIAG_LIST_INIT;
		struct answers a, want;
		size_t n = 0;
		char *path;
		int ret;

		if (t->assessment)
			sheets[n++] = (struct tu_grid){"Assessment", t->assessment};
		if (t->risk)
			sheets[n++] = (struct tu_grid){"Inherent risk", t->risk};
		if (t->answers)
			sheets[n++] = (struct tu_grid){"Answers", t->answers};
		tu_grid_book(&zip, sheets, n);
		path = tu_write_temp(zip.buf, zip.len);
		answers_init(&a);
		ret = answers_load(&a, path, &cat, &dl);
		if (t->yaml) {
			if (ret || dl.nr) {
				tu_dump(&dl);
				fail_msg("%s: does not load", t->what);
			}
			load_yaml(t->yaml, &want);
			assert_same(&want, &a);
			answers_release(&want);
		} else {
			assert_int_equal(ret, -1);
			for (size_t e = 0; e < 4 && t->errors[e]; e++) {
				size_t k;

				for (k = 0; k < dl.nr; k++) {
					char full[512];

					snprintf(full, sizeof(full), "%s: %s", dl.items[k].file,
						 dl.items[k].message);
					if (strstr(full, t->errors[e]) &&
					    !strncmp(full, path, strlen(path)))
						break;
				}
				if (k == dl.nr) {
					tu_dump(&dl);
					fail_msg("%s: no error \"%s\"", t->what, t->errors[e]);
				}
			}
		}
		answers_release(&a);
		tu_remove(path);
		strbuf_release(&zip);
		diag_list_release(&dl);
	}
}

/* Sheets match by name whatever the case: two "Answers" are refused, not one of them read. */
static void test_two_answers_sheets(void **state)
{
	const struct tu_grid sheets[] = {
		{"Assessment", FIELDS "Inherent risk|low\n"},
		{"Answers", COLS "3.1.4|baseline|met\n"},
		{"ANSWERS", COLS "3.1.2|baseline|not-met\n"},
	};
	struct strbuf zip = STRBUF_INIT, want = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;
	char *path;

	(void)state;
	tu_grid_book(&zip, sheets, 3);
	path = tu_write_temp(zip.buf, zip.len);
	answers_init(&a);
	assert_int_equal(answers_load(&a, path, &cat, &dl), -1);
	strbuf_addf(&want, "%s: the workbook", path);
	assert_int_equal(dl.nr, 1);
	assert_string_equal(dl.items[0].file, want.buf);
	assert_string_equal(
		dl.items[0].message,
		"two sheets are named \"Answers\" (\"Answers\" and \"ANSWERS\"): keep one");
	answers_release(&a);
	tu_remove(path);
	strbuf_release(&want);
	strbuf_release(&zip);
	diag_list_release(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip), cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_header_key), cmocka_unit_test(test_template_reads_back),
		cmocka_unit_test(test_books),	   cmocka_unit_test(test_two_answers_sheets),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
