/* Unit tests for the XLSX reader: workbooks from real clients, and hostile ones refused. */
#include "testutil.h"

#include "strbuf.h"
#include "xlsx_read.h"

#define DATA CRAF_TEST_DATA "/xlsx/"

static unsigned char *slurp(const char *name, size_t *len)
{
	FILE *f = fopen(name, "rb");
	unsigned char *buf = NULL;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* One line a cell: "Sheet!A1 s text", the type as s, n, b, e or - (empty). */
static int dump_cell(void *ctx, const struct xlsx_cell *c)
{
	struct strbuf *sb = ctx;

	assert_int_equal(strlen(c->text), c->len);
	xlsx_cell_ref(sb, c);
	strbuf_addf(sb, " %c ", "-snbe"[c->type]);
	for (size_t i = 0; i < c->len; i++)
		if (c->text[i] == '\n')
			strbuf_adds(sb, "\\n");
		else if (c->text[i] == '\r')
			strbuf_adds(sb, "\\r");
		else
			strbuf_addc(sb, c->text[i]);
	strbuf_addc(sb, '\n');
	return 0;
}

struct good_case {
	const char *file;
	const char *sheets; /* every sheet's name, in tab order, joined by | */
	enum xlsx_date_system dates;
	const char *sheet;
	const char *cells;
};

static const struct good_case good_cases[] = {
	{"openpyxl-basic.xlsx", "Answers|It's notes", XLSX_DATE_1900, "Answers",
	 "Answers!A1 s id\nAnswers!B1 s status\nAnswers!C1 s count\nAnswers!D1 s ratio\n"
	 "Answers!E1 s done\nAnswers!F1 s due\n"
	 "Answers!A2 s 1.1.1\nAnswers!B2 s met\nAnswers!C2 n 42\nAnswers!D2 n 0.1\n"
	 "Answers!E2 b TRUE\nAnswers!F2 n 46327\n"
	 "Answers!A4 s 2.1.1\nAnswers!B4 s not-met\nAnswers!C4 n -7\nAnswers!D4 n 1.5e-05\n"
	 "Answers!E4 b FALSE\nAnswers!F4 n 61\n"
	 "Answers!A5 s line one\\nline two\nAnswers!E5 e #N/A\nAnswers!F5 - \n"
	 "Answers!H7 s sparse\n"},
	{"openpyxl-basic.xlsx", "Answers|It's notes", XLSX_DATE_1900, "It's notes",
	 "'It''s notes'!A1 s met\n'It''s notes'!B2 s second sheet\n"},
	{"openpyxl-1904.xlsx", "Dates", XLSX_DATE_1904, "Dates",
	 "Dates!A1 n 44865\nDates!A2 n 0\nDates!A3 n 43889.77083333334\n"},
	{"openpyxl-swapped.xlsx", "First|Second", XLSX_DATE_1900, "First",
	 "First!A1 s in the first tab\n"},
	{"openpyxl-swapped.xlsx", "First|Second", XLSX_DATE_1900, "Second",
	 "Second!A1 s in the second tab\n"},
	{"libreoffice-fods.xlsx", "Answers|Notes", XLSX_DATE_1900, "Answers",
	 "Answers!A1 s id\nAnswers!B1 s status\nAnswers!C1 s due\nAnswers!D1 s done\n"
	 "Answers!E1 s joined\n"
	 "Answers!A2 s 1.1.1\nAnswers!B2 s met (checked)\nAnswers!C2 n 46327\nAnswers!D2 n 1\n"
	 "Answers!E2 s ab\n"
	 "Answers!A4 s evidence one\\nevidence two\nAnswers!E4 n 0.25\n"},
	{"libreoffice-fods.xlsx", "Answers|Notes", XLSX_DATE_1900, "Notes", "Notes!A1 s note\n"},
	{"libreoffice-csv.xlsx", "libreoffice-csv", XLSX_DATE_1900, "libreoffice-csv",
	 "'libreoffice-csv'!A1 s id\n'libreoffice-csv'!B1 s status\n'libreoffice-csv'!C1 s note\n"
	 "'libreoffice-csv'!D1 s count\n"
	 "'libreoffice-csv'!A2 s 1.1.1\n'libreoffice-csv'!B2 s met\n'libreoffice-csv'!C2 s a, b\n"
	 "'libreoffice-csv'!D2 n 42\n"
	 "'libreoffice-csv'!A4 s 2.1.1\n'libreoffice-csv'!B4 s not-met\n"
	 "'libreoffice-csv'!C4 s caf\xc3\xa9 \xe7\xad\x94\n"},
	{"xlsxwriter-shared.xlsx", "Answers|Empty", XLSX_DATE_1900, "Answers",
	 "Answers!A1 s id\nAnswers!B1 s status\nAnswers!A2 s 1.1.1\nAnswers!B2 s met (checked)\n"
	 "Answers!A3 n 3.5\nAnswers!B3 b TRUE\nAnswers!C3 n 3\nAnswers!D3 n 46327\n"
	 "Answers!A4 - \nAnswers!D5 s after an empty row\n"},
	{"xlsxwriter-inline.xlsx", "Answers|Empty", XLSX_DATE_1900, "Answers",
	 "Answers!A1 s id\nAnswers!B1 s status\nAnswers!A2 s 1.1.1\nAnswers!B2 s met (checked)\n"
	 "Answers!A3 n 3.5\nAnswers!B3 b TRUE\nAnswers!C3 n 3\nAnswers!D3 n 46327\n"
	 "Answers!A4 - \nAnswers!D5 s after an empty row\n"},
	{"xlsxwriter-inline.xlsx", "Answers|Empty", XLSX_DATE_1900, "Empty", ""},
	{"crafted-prefixed.xlsx", "Sheet 1", XLSX_DATE_1904, "Sheet 1",
	 "'Sheet 1'!B2 s rich text\n'Sheet 1'!C2 s plain\n'Sheet 1'!D2 s in\n"
	 "'Sheet 1'!A3 s cr\\rlf_x0041_\n'Sheet 1'!C3 e #DIV/0!\n'Sheet 1'!D3 s formula text\n"},
};

static void test_good(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(good_cases) / sizeof(good_cases[0]); i++) {
		const struct good_case *t = &good_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct strbuf names = STRBUF_INIT, cells = STRBUF_INIT, path = STRBUF_INIT;
		struct xlsx_book *book;
		unsigned char *buf;
		size_t len;

		strbuf_addf(&path, DATA "%s", t->file);
		buf = slurp(path.buf, &len);
		if (xlsx_open(&book, t->file, buf, len, NULL, &dl)) {
			tu_dump(&dl);
			fail_msg("%s does not open", t->file);
		}
		for (size_t k = 0; k < xlsx_sheet_count(book); k++)
			strbuf_addf(&names, "%s%s", k ? "|" : "", xlsx_sheet_name(book, k));
		assert_string_equal(strbuf_str(&names), t->sheets);
		assert_int_equal(xlsx_date_system(book), t->dates);
		if (xlsx_read_sheet(book, t->sheet, dump_cell, &cells, &dl)) {
			tu_dump(&dl);
			fail_msg("%s: sheet %s does not read", t->file, t->sheet);
		}
		assert_string_equal(strbuf_str(&cells), t->cells);
		assert_int_equal(dl.nr, 0);
		xlsx_close(book);
		free(buf);
		strbuf_release(&path);
		strbuf_release(&names);
		strbuf_release(&cells);
	}
}

/* The same sheet as rows: cells grouped by row, text owned, empty rows absent. */
static void test_rows(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct xlsx_rows rows;
	struct xlsx_book *book;
	unsigned char *buf;
	size_t len;
	struct strbuf ref = STRBUF_INIT;

	(void)state;
	buf = slurp(DATA "openpyxl-basic.xlsx", &len);
	assert_int_equal(xlsx_open(&book, "a.xlsx", buf, len, NULL, &dl), 0);
	assert_int_equal(xlsx_read_rows(book, "Answers", &rows, &dl), 0);
	xlsx_close(book);
	free(buf);
	assert_int_equal(rows.nr, 5);
	assert_int_equal(rows.rows[2].row, 4);
	assert_int_equal(rows.rows[2].nr, 6);
	assert_int_equal(rows.rows[4].row, 7);
	assert_int_equal(rows.rows[4].nr, 1);
	assert_int_equal(rows.rows[4].cells[0].col, 8);
	assert_string_equal(rows.rows[4].cells[0].text, "sparse");
	assert_int_equal(rows.rows[1].cells[4].type, XLSX_BOOL);
	xlsx_cell_ref(&ref, &rows.rows[1].cells[4]);
	assert_string_equal(ref.buf, "Answers!E2");
	strbuf_release(&ref);
	xlsx_rows_release(&rows);
}

static int stop_at_third(void *ctx, const struct xlsx_cell *c)
{
	int *seen = ctx;

	(void)c;
	return ++*seen == 3 ? 7 : 0;
}

/* A callback stops the reading and its value comes back, with no diagnostic. */
static void test_stop(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct xlsx_book *book;
	unsigned char *buf;
	size_t len;
	int seen = 0;

	(void)state;
	buf = slurp(DATA "openpyxl-basic.xlsx", &len);
	assert_int_equal(xlsx_open(&book, "a.xlsx", buf, len, NULL, &dl), 0);
	assert_int_equal(xlsx_read_sheet(book, "Answers", stop_at_third, &seen, &dl), 7);
	assert_int_equal(seen, 3);
	assert_int_equal(dl.nr, 0);
	/* The book reads again after a stop. */
	seen = 0;
	assert_int_equal(xlsx_read_sheet(book, "It's notes", stop_at_third, &seen, &dl), 0);
	assert_int_equal(seen, 2);
	xlsx_close(book);
	free(buf);
}

struct bad_case {
	const char *file;
	const char *sheet;	       /* NULL: the error comes from xlsx_open */
	size_t max_total, max_entries; /* 0: the default */
	const char *where;	       /* the diagnostic's file */
	int line, col;
	const char *message;
};

#define WS "x.xlsx: xl/worksheets/sheet1.xml"

static const struct bad_case bad_cases[] = {
	{"excel97.xls", NULL, 0, 0, "x.xlsx", 1, 1,
	 "this is an Excel 97-2003 workbook (.xls) or an encrypted one (both are compound "
	 "documents): save it as .xlsx without a password"},
	{"answers.csv", NULL, 0, 0, "x.xlsx", 1, 1,
	 "this is text (CSV?), not a workbook: open it in a spreadsheet and save it as .xlsx"},
	{"truncated.xlsx", NULL, 0, 0, "x.xlsx", 1, 1,
	 "this zip file is truncated or damaged: save the workbook again as .xlsx"},
	{"not-a-workbook.xlsx", NULL, 0, 0, "x.xlsx", 1, 1,
	 "this zip file is not an Excel workbook: it has no xl/workbook.xml (an .ods, .docx or "
	 "other zip?); save it from the spreadsheet as .xlsx"},
	{"many-entries.xlsx", NULL, 0, 100, "x.xlsx", 1, 1,
	 "the zip has 205 entries (limit max_entries: 100)"},
	{"doctype.xlsx", NULL, 0, 0, "x.xlsx: xl/workbook.xml", 2, 16,
	 "a DOCTYPE is not allowed in a workbook part"},
	{"bomb.xlsx", "Answers", 0, 0, WS, 1, 1,
	 "the part inflates past 33554432 bytes (limit max_part): a zip bomb?"},
	{"bomb.xlsx", "Answers", 1 << 20, 0, WS, 1, 1,
	 "the workbook inflates past 1048576 bytes (limit max_total): a zip bomb?"},
	{"bomb-lying.xlsx", "Answers", 0, 0, WS, 1, 1,
	 "the zip entry is damaged (bad data or checksum)"},
	{"encrypted-entry.xlsx", "Answers", 0, 0, WS, 1, 1,
	 "the zip entry is encrypted: save the workbook as .xlsx without a password"},
	{"deep.xlsx", "Answers", 0, 0, WS, 3, 181,
	 "XML nested deeper than 64 elements (limit max_depth)"},
	{"malformed.xlsx", "Answers", 0, 0, WS, 4, 22, "not well-formed (invalid token)"},
	{"missing-sheet.xlsx", "Gone", 0, 0, "x.xlsx: xl/worksheets/sheet2.xml", 1, 1,
	 "sheet \"Gone\" is missing: its part is not in the zip"},
	{"missing-sheet.xlsx", "Nope", 0, 0, "x.xlsx", 1, 1,
	 "the workbook has no sheet named \"Nope\" (its sheets: \"Answers\", \"Gone\")"},
	{"bad-cells.xlsx", "Index", 0, 0, WS, 2, 100,
	 "Index!A1: shared string \"5\" does not exist (the workbook has 1)"},
	{"bad-cells.xlsx", "Number", 0, 0, "x.xlsx: xl/worksheets/sheet2.xml", 2, 100,
	 "Number!E4: a number cell holds \"12abc\""},
	{"bad-cells.xlsx", "Order", 0, 0, "x.xlsx: xl/worksheets/sheet3.xml", 2, 122,
	 "Order!B1 comes after Order!C1: cells out of order or repeated"},
	{"bad-cells.xlsx", "Bool", 0, 0, "x.xlsx: xl/worksheets/sheet4.xml", 2, 100,
	 "Bool!A2: a boolean cell holds \"yes\", not 0 or 1"},
	{"bad-cells.xlsx", "Ref", 0, 0, "x.xlsx: xl/worksheets/sheet5.xml", 2, 100,
	 "cell A3 is inside row 2"},
};

static int ignore_cell(void *ctx, const struct xlsx_cell *c)
{
	(void)ctx, (void)c;
	return 0;
}

static void test_bad(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *t = &bad_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct strbuf path = STRBUF_INIT;
		struct xlsx_limits lim;
		struct xlsx_book *book = NULL;
		unsigned char *buf;
		size_t len;
		int ret;

		xlsx_limits_default(&lim);
		if (t->max_total)
			lim.max_total = t->max_total;
		if (t->max_entries)
			lim.max_entries = t->max_entries;
		strbuf_addf(&path, DATA "%s", t->file);
		buf = slurp(path.buf, &len);
		ret = xlsx_open(&book, "x.xlsx", buf, len, &lim, &dl);
		if (t->sheet) {
			if (ret) {
				tu_dump(&dl);
				fail_msg("%s does not open", t->file);
			}
			ret = xlsx_read_sheet(book, t->sheet, ignore_cell, NULL, &dl);
		} else {
			assert_null(book);
		}
		assert_int_equal(ret, -1);
		if (dl.nr != 1 || strcmp(dl.items[0].file, t->where) ||
		    dl.items[0].line != t->line || dl.items[0].col != t->col ||
		    strcmp(dl.items[0].message, t->message)) {
			tu_dump(&dl);
			fail_msg("%s: expected %s:%d:%d: %s", t->file, t->where, t->line, t->col,
				 t->message);
		}
		diag_list_release(&dl);
		xlsx_close(book);
		free(buf);
		strbuf_release(&path);
	}
}

/* A string past max_string and cells past max_cells are refused by name. */
static void test_small_limits(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct xlsx_limits lim;
	struct xlsx_book *book;
	unsigned char *buf;
	size_t len;

	(void)state;
	buf = slurp(DATA "openpyxl-basic.xlsx", &len);
	xlsx_limits_default(&lim);
	lim.max_string = 10;
	assert_int_equal(xlsx_open(&book, "a.xlsx", buf, len, &lim, &dl), 0);
	assert_int_equal(xlsx_read_sheet(book, "Answers", ignore_cell, NULL, &dl), -1);
	assert_true(tu_has_error(&dl, 0, 0, "a string longer than 10 bytes (limit max_string)"));
	xlsx_close(book);
	diag_list_release(&dl);

	xlsx_limits_default(&lim);
	lim.max_cells = 5;
	assert_int_equal(xlsx_open(&book, "a.xlsx", buf, len, &lim, &dl), 0);
	assert_int_equal(xlsx_read_sheet(book, "Answers", ignore_cell, NULL, &dl), -1);
	assert_true(tu_has_error(&dl, 0, 0,
				 "more than 5 cells in sheet \"Answers\" (limit max_cells)"));
	xlsx_close(book);
	diag_list_release(&dl);
	free(buf);

	buf = slurp(DATA "libreoffice-fods.xlsx", &len);
	xlsx_limits_default(&lim);
	lim.max_shared = 3;
	assert_int_equal(xlsx_open(&book, "a.xlsx", buf, len, &lim, &dl), -1);
	assert_true(tu_has_error(&dl, 0, 0, "more than 3 shared strings (limit max_shared)"));
	diag_list_release(&dl);
	free(buf);
}

struct date_case {
	const char *serial;
	enum xlsx_date_system sys;
	const char *date; /* NULL: refused */
};

static const struct date_case date_cases[] = {
	{"1", XLSX_DATE_1900, "1900-01-01"},
	{"59", XLSX_DATE_1900, "1900-02-28"},
	{"60", XLSX_DATE_1900, NULL}, /* Lotus's 1900-02-29 */
	{"61", XLSX_DATE_1900, "1900-03-01"},
	{"0", XLSX_DATE_1900, NULL},
	{"46327", XLSX_DATE_1900, "2026-11-01"},
	{"45351.75", XLSX_DATE_1900, "2024-02-29"},
	{"2958465", XLSX_DATE_1900, "9999-12-31"},
	{"2958466", XLSX_DATE_1900, NULL},
	{"0", XLSX_DATE_1904, "1904-01-01"},
	{"44865", XLSX_DATE_1904, "2026-11-01"},
	{"43889.77083333334", XLSX_DATE_1904, "2024-02-29"},
	{"-1", XLSX_DATE_1900, NULL},
	{"1e3", XLSX_DATE_1900, NULL},
	{"", XLSX_DATE_1900, NULL},
	{"99999999999999999999", XLSX_DATE_1900, NULL},
};

static void test_dates(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(date_cases) / sizeof(date_cases[0]); i++) {
		const struct date_case *t = &date_cases[i];
		struct date d;
		char buf[11];
		int ret = xlsx_serial_date(t->serial, t->sys, &d);

		if (!t->date) {
			assert_int_equal(ret, -1);
			continue;
		}
		assert_int_equal(ret, 0);
		assert_string_equal(date_format(&d, buf), t->date);
	}
}

static void test_refs(void **state)
{
	static const struct {
		const char *sheet;
		unsigned row, col;
		const char *ref;
	} cases[] = {
		{"Answers", 14, 5, "Answers!E14"},
		{"A", 1, 26, "A!Z1"},
		{"A", 1, 27, "A!AA1"},
		{"A", 1048576, 16384, "A!XFD1048576"},
		{"My sheet", 1, 1, "'My sheet'!A1"},
		{"It's", 2, 2, "'It''s'!B2"},
		{"2026", 1, 1, "'2026'!A1"},
		{"\xe7\xad\x94", 1, 1, "\xe7\xad\x94!A1"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf sb = STRBUF_INIT;

		xlsx_ref(&sb, cases[i].sheet, cases[i].row, cases[i].col);
		assert_string_equal(sb.buf, cases[i].ref);
		strbuf_release(&sb);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),	     cmocka_unit_test(test_rows),
		cmocka_unit_test(test_stop),	     cmocka_unit_test(test_bad),
		cmocka_unit_test(test_small_limits), cmocka_unit_test(test_dates),
		cmocka_unit_test(test_refs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
