/* Unit tests for the XLSX reader: workbooks from real clients, and hostile ones refused. */
#include "testutil.h"

#include "strbuf.h"
#include "tu_zip.h"
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

/* One line a cell: "Sheet!A1 s text", the type as s, n, b, e, f (an unsaved formula) or - (empty).
 */
static int dump_cell(void *ctx, const struct xlsx_cell *c)
{
	struct strbuf *sb = ctx;

	assert_int_equal(strlen(c->text), c->len);
	xlsx_cell_ref(sb, c);
	strbuf_addf(sb, " %c ", "-snbef"[c->type]);
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
	 "Answers!A5 s line one\\nline two\nAnswers!E5 e #N/A\nAnswers!F5 f \n"
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
	assert_null(xlsx_sheet_name(book, 2));
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

/* Forms no client above writes, in workbooks built here: each cell read as the dump says. */
struct crafted_case {
	const char *what;
	struct tu_part parts[3];
	const char *cells; /* sheet S */
};

#define SHEET1 "xl/worksheets/sheet1.xml"
#define WBRELS "xl/_rels/workbook.xml.rels"
#define SST    "xl/sharedStrings.xml"

static const struct crafted_case crafted_cases[] = {
	{"_xHHHH_ escapes: one, two and three bytes; the malformed ones kept as written",
	 {{.name = SHEET1,
	   .data = TU_SHEET("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>_x0041__x00e9__x4E2D_ "
			    "_x0000_ _xD800_ _xE000_ _x00G1_ _x00g1_ _x00:1_ _x 041_ _y0041_ "
			    "_x0041 _x004</v></c></row>")}},
	 "S!A1 s A\xc3\xa9\xe4\xb8\xad _x0000_ _xD800_ \xee\x80\x80 _x00G1_ _x00g1_ _x00:1_ "
	 "_x 041_ _y0041_ _x0041 _x004\n"},
	{"formulas: with a saved result, the result; without one, a formula with no text",
	 {{.name = SHEET1,
	   .data = TU_SHEET("<row r=\"1\"><c r=\"A1\"><f>1+1</f><v>2</v></c>"
			    "<c r=\"B1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
			    "<c r=\"C1\" t=\"str\"><f>F2</f></c><c r=\"D1\"><f>1/0</f></c>"
			    "<c r=\"E1\"/><c r=\"F1\"><f>1+1</f><v/></c>"
			    "<c r=\"G1\"><f>1+1</f><v></v></c>"
			    "<c r=\"H1\" t=\"str\"><f>\"\"</f><v></v></c></row>")}},
	 "S!A1 n 2\nS!B1 s ab\nS!C1 f \nS!D1 f \nS!E1 - \nS!F1 f \nS!G1 f \nS!H1 s \n"},
	{"numbers with exponents, a date cell, an error cell with no text",
	 {{.name = SHEET1,
	   .data = TU_SHEET("<row r=\"1\"><c r=\"A1\"><v>1E5</v></c><c r=\"B1\"><v>1e+5</v></c>"
			    "<c r=\"C1\"><v>-2.5e-3</v></c><c r=\"D1\" t=\"n\"><v>.5</v></c>"
			    "<c r=\"E1\" t=\"d\"><v>2026-11-01T00:00:00</v></c>"
			    "<c r=\"F1\" t=\"e\"><v></v></c></row>")}},
	 "S!A1 n 1E5\nS!B1 n 1e+5\nS!C1 n -2.5e-3\nS!D1 n .5\nS!E1 s 2026-11-01T00:00:00\n"
	 "S!F1 e \n"},
	{"shared strings: a stray <t>, an empty <si/>, an <si> in an <si>, runs and a phonetic run",
	 {{.name = SST,
	   .data = TU_DECL "<sst xmlns=\"" TU_MAIN "\"><t>stray</t><si/><si><si><t>in</t></si></si>"
			   "<si><r><t>a</t></r><rPh><t>P</t></rPh><t>b</t></si></sst>"},
	  {.name = SHEET1,
	   .data = TU_SHEET(
		   "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
		   "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>")}},
	 "S!A1 s \nS!B1 s in\nS!C1 s ab\n"},
	{"inline strings: a <t> outside <is>, a phonetic run inside a <t>",
	 {{.name = SHEET1,
	   .data = TU_SHEET("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><t>out</t><is><t>y</t></is>"
			    "</c><c r=\"B1\" t=\"inlineStr\"><is><t>a<rPh><t>b</t></rPh></t></is>"
			    "</c></row>")}},
	 "S!A1 s y\nS!B1 s a\n"},
	{"relationships: external, internal, odd types; targets through . and ..; an extra field",
	 {{WBRELS,
	   TU_RELS("<Relationship Id=\"rId9\" Type=\"x\" Target=\"a.xml\"/>"
		   "<Relationship Id=\"rId8\" Type=\"" TU_RELNS "/hyperlink\" "
		   "Target=\"http://example.org/\" TargetMode=\"External\"/>"
		   "<Relationship Id=\"rId7\" Type=\"" TU_RELNS
		   "/mysharedStrings\" Target=\"b.xml\" "
		   "TargetMode=\"Internal\"/>"
		   "<Relationship Id=\"rId6\" Type=\"http://x/sharedStrongs\" Target=\"c.xml\"/>" TU_REL(
			   "rId1", "worksheet", "../xl/./worksheets/x/..//sheet1.xml")),
	   .extra = true},
	  {.name = SHEET1,
	   .data = TU_SHEET("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"),
	   .extra = true}},
	 "S!A1 n 1\n"},
};

static void test_crafted(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(crafted_cases) / sizeof(crafted_cases[0]); i++) {
		const struct crafted_case *t = &crafted_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct strbuf zip = STRBUF_INIT, cells = STRBUF_INIT;
		struct xlsx_book *book;
		size_t n = 0;

		while (n < 3 && t->parts[n].name)
			n++;
		tu_book(&zip, t->parts, n);
		if (xlsx_open(&book, "c.xlsx", (const unsigned char *)zip.buf, zip.len, NULL,
			      &dl) ||
		    xlsx_read_sheet(book, "S", dump_cell, &cells, &dl)) {
			tu_dump(&dl);
			fail_msg("%s: does not read", t->what);
		}
		if (strcmp(strbuf_str(&cells), t->cells))
			fail_msg("%s:\n%s", t->what, strbuf_str(&cells));
		assert_int_equal(dl.nr, 0);
		xlsx_close(book);
		strbuf_release(&zip);
		strbuf_release(&cells);
	}
}

/* Hostile workbooks built here: each refused with one message, at its part and line:col. */
struct hostile_case {
	const char *what;
	struct tu_part parts[3];
	const char *raw; /* not NULL: the file's bytes, rawlen of them, instead of a workbook */
	size_t rawlen;
	const char *sheet;		/* NULL: the error comes from xlsx_open */
	size_t max_entries, max_string; /* 0: the default */
	const char *where;
	int line, col;
	const char *message;
};

#define P   "h.xlsx"
#define PWS "h.xlsx: xl/worksheets/sheet1.xml"
#define ROWS(rows)                                                                                 \
	{                                                                                          \
		{                                                                                  \
			.name = SHEET1, .data = TU_SHEET(rows)                                     \
		}                                                                                  \
	}
/* The line of the rows in a worksheet part (TU_SHEET). */
#define AT_ROW 2

/* UTF-16LE with a byte order mark: expat converts it to UTF-8 in pieces. */
static char utf16_sheet[8192];
static size_t utf16_len;

static const struct hostile_case hostile_cases[] = {
	{"empty",
	 {{0}},
	 "",
	 0,
	 NULL,
	 0,
	 0,
	 P,
	 1,
	 1,
	 "the file is empty: save the workbook as .xlsx"},
	{"binary",
	 {{0}},
	 "\x01\x02\x03 bytes",
	 9,
	 NULL,
	 0,
	 0,
	 P,
	 1,
	 1,
	 "this is not an XLSX workbook (no zip signature): save it as .xlsx"},
	{"text with a NUL",
	 {{0}},
	 "id,status\n\0",
	 11,
	 NULL,
	 0,
	 0,
	 P,
	 1,
	 1,
	 "this is not an XLSX workbook (no zip signature): save it as .xlsx"},
	{"text with tabs and form feeds",
	 {{0}},
	 "id\tstatus\r\n\f",
	 12,
	 NULL,
	 0,
	 0,
	 P,
	 1,
	 1,
	 "this is text (CSV?), not a workbook: open it in a spreadsheet and save it as .xlsx"},
	{"package relationships not well-formed",
	 {{.name = "_rels/.rels", .data = "<Relationships"}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: _rels/.rels",
	 1,
	 1,
	 "unclosed token"},
	{"workbook relationships missing",
	 {{.name = WBRELS, .data = NULL}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/workbook.xml",
	 1,
	 1,
	 "the workbook's relationships (where its sheets are) are missing"},
	{"workbook relationships not well-formed",
	 {{.name = WBRELS, .data = "<Relationships>"}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/_rels/workbook.xml.rels",
	 1,
	 16,
	 "no element found"},
	{"a sheet's relationship missing",
	 {{.name = "xl/workbook.xml", .data = TU_WORKBOOK("<sheet name=\"S\" r:id=\"rId7\"/>")}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/workbook.xml",
	 1,
	 1,
	 "sheet \"S\" names relationship \"rId7\", which is not there"},
	{"shared strings part missing",
	 {{.name = SST, .data = NULL}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/sharedStrings.xml",
	 1,
	 1,
	 "the shared strings part is missing"},
	{"a sheet with no name",
	 {{.name = "xl/workbook.xml", .data = TU_WORKBOOK("<sheet r:id=\"rId1\"/>")}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/workbook.xml",
	 2,
	 163,
	 "a sheet needs a name and an r:id"},
	{"a sheet with no r:id",
	 {{.name = "xl/workbook.xml", .data = TU_WORKBOOK("<sheet name=\"S\"/>")}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/workbook.xml",
	 2,
	 163,
	 "a sheet needs a name and an r:id"},
	{"two sheets of one name",
	 {{.name = "xl/workbook.xml",
	   .data = TU_WORKBOOK(
		   "<sheet name=\"S\" r:id=\"rId1\"/><sheet name=\"S\" r:id=\"rId1\"/>")}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/workbook.xml",
	 2,
	 192,
	 "two sheets are named \"S\""},
	{"more sheets than max_entries",
	 {{.name = "xl/workbook.xml",
	   .data = TU_WORKBOOK(
		   "<sheet name=\"A\" r:id=\"rId1\"/><sheet name=\"B\" r:id=\"rId1\"/>"
		   "<sheet name=\"C\" r:id=\"rId1\"/><sheet name=\"D\" r:id=\"rId1\"/>"
		   "<sheet name=\"E\" r:id=\"rId1\"/><sheet name=\"F\" r:id=\"rId1\"/>")}},
	 NULL,
	 0,
	 NULL,
	 5,
	 0,
	 "h.xlsx: xl/workbook.xml",
	 2,
	 308,
	 "more than 5 sheets (limit max_entries)"},
	{"more relationships than max_entries",
	 {{.name = WBRELS,
	   .data = TU_RELS(TU_REL("rId1", "worksheet", "worksheets/sheet1.xml") TU_REL(
		   "rId2", "x", "a") TU_REL("rId3", "x", "a") TU_REL("rId4", "x", "a")
				   TU_REL("rId5", "x", "a") TU_REL("rId6", "x", "a"))}},
	 NULL,
	 0,
	 NULL,
	 5,
	 0,
	 "h.xlsx: xl/_rels/workbook.xml.rels",
	 2,
	 678,
	 "more than 5 relationships (limit max_entries)"},
	{"a relationship with no Id",
	 {{.name = WBRELS, .data = TU_RELS("<Relationship Type=\"t\" Target=\"a\"/>")}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/_rels/workbook.xml.rels",
	 2,
	 85,
	 "a Relationship needs Id, Type and Target"},
	{"a relationship with no Type",
	 {{.name = WBRELS, .data = TU_RELS("<Relationship Id=\"i\" Target=\"a\"/>")}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/_rels/workbook.xml.rels",
	 2,
	 85,
	 "a Relationship needs Id, Type and Target"},
	{"a relationship with no Target",
	 {{.name = WBRELS, .data = TU_RELS("<Relationship Id=\"i\" Type=\"t\"/>")}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/_rels/workbook.xml.rels",
	 2,
	 85,
	 "a Relationship needs Id, Type and Target"},
	{"a relationship above the package",
	 {{.name = WBRELS, .data = TU_RELS(TU_REL("rId1", "worksheet", "../../sheet1.xml"))}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/_rels/workbook.xml.rels",
	 2,
	 85,
	 "relationship rId1 points outside the workbook"},
	{"a relationship to the package itself",
	 {{.name = WBRELS, .data = TU_RELS(TU_REL("rId1", "worksheet", ".."))}},
	 NULL,
	 0,
	 NULL,
	 0,
	 0,
	 "h.xlsx: xl/_rels/workbook.xml.rels",
	 2,
	 85,
	 "relationship rId1 points outside the workbook"},
	{"no sheets, and one asked for",
	 {{.name = "xl/workbook.xml", .data = TU_WORKBOOK("")}, {.name = WBRELS, .data = NULL}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 P,
	 1,
	 1,
	 "the workbook has no sheet named \"S\" (its sheets: none)"},
	{"LZMA",
	 {{.name = SHEET1, .data = TU_SHEET(""), .method = 14}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 1,
	 1,
	 "the zip entry uses compression method 14, which workbooks do not use (only stored and "
	 "deflate): save the workbook again as .xlsx"},
	{"bzip2, which minizip would read as stored",
	 {{.name = SHEET1, .data = TU_SHEET(""), .method = 12}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 1,
	 1,
	 "the zip entry uses compression method 12, which workbooks do not use (only stored and "
	 "deflate): save the workbook again as .xlsx"},
	{"an entry past the end of the file",
	 {{.name = SHEET1, .data = TU_SHEET(""), .far = true}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 1,
	 1,
	 "the zip entry cannot be opened (unsupported compression or a damaged file)"},
	{"deflated data that is not deflate",
	 {{.name = SHEET1, .data = "not deflate data", .method = 8}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 1,
	 1,
	 "the zip entry is damaged (bad data or checksum)"},
	{"a checksum that does not match",
	 {{.name = SHEET1, .data = TU_SHEET(""), .bad_crc = true}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 1,
	 1,
	 "the zip entry is damaged (bad data or checksum)"},
	{"a part cut short",
	 {{.name = SHEET1, .data = TU_DECL "<worksheet><sheetData>"}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 2,
	 23,
	 "no element found"},
	{"UTF-16 text past max_string",
	 {{.name = SHEET1, .data = utf16_sheet}},
	 NULL,
	 0,
	 "S",
	 0,
	 100,
	 PWS,
	 1,
	 56,
	 "a string longer than 100 bytes (limit max_string)"},
	{"bad row number", ROWS("<row r=\"x1\"/>"), NULL, 0, "S", 0, 0, PWS, AT_ROW, 89,
	 "bad row number \"x1\""},
	{"row 0", ROWS("<row r=\"0\"/>"), NULL, 0, "S", 0, 0, PWS, AT_ROW, 89,
	 "bad row number \"0\""},
	{"an empty row number", ROWS("<row r=\"\"/>"), NULL, 0, "S", 0, 0, PWS, AT_ROW, 89,
	 "bad row number \"\""},
	{"a negative row number", ROWS("<row r=\"-1\"/>"), NULL, 0, "S", 0, 0, PWS, AT_ROW, 89,
	 "bad row number \"-1\""},
	{"a row past Excel's last", ROWS("<row r=\"1048577\"/>"), NULL, 0, "S", 0, 0, PWS, AT_ROW,
	 89, "bad row number \"1048577\""},
	{"a row after Excel's last", ROWS("<row r=\"1048576\"/><row/>"), NULL, 0, "S", 0, 0, PWS,
	 AT_ROW, 107, "more than 1048576 rows in sheet \"S\""},
	{"a merged range backwards",
	 {{.name = SHEET1,
	   .data = TU_DECL
	   "<worksheet xmlns=\"" TU_MAIN
	   "\"><sheetData/><mergeCells><mergeCell ref=\"F4:F2\"/></mergeCells></worksheet>"}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 AT_ROW,
	 102,
	 "bad merged range \"F4:F2\""},
	{"a merged range of one reference",
	 {{.name = SHEET1,
	   .data = TU_DECL
	   "<worksheet xmlns=\"" TU_MAIN
	   "\"><sheetData/><mergeCells><mergeCell ref=\"F4\"/></mergeCells></worksheet>"}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 AT_ROW,
	 102,
	 "bad merged range \"F4\""},
	/* Each would drop a cell unseen: refused. */
	{"a row outside sheetData",
	 {{.name = SHEET1,
	   .data = TU_DECL "<worksheet xmlns=\"" TU_MAIN "\"><row r=\"9\"><c r=\"A9\"><v>9</v>"
			   "</c></row><sheetData/></worksheet>"}},
	 NULL,
	 0,
	 "S",
	 0,
	 0,
	 PWS,
	 AT_ROW,
	 78,
	 "a row outside <sheetData>"},
	{"a cell outside any row", ROWS("<c r=\"A1\"><v>1</v></c>"), NULL, 0, "S", 0, 0, PWS,
	 AT_ROW, 89, "a cell outside any row"},
	{"a cell inside a cell",
	 ROWS("<row r=\"2\"><c r=\"C2\"><c r=\"D2\"><v>1</v></c><v>2</v></c></row>"), NULL, 0, "S",
	 0, 0, PWS, AT_ROW, 110, "a cell inside another cell"},
	{"a row inside a row, before a cell of the outer row",
	 ROWS("<row r=\"3\"><row r=\"4\"/><c r=\"A3\"><v>5</v></c></row>"), NULL, 0, "S", 0, 0, PWS,
	 AT_ROW, 100, "a row inside another row"},
	{"a lowercase reference", ROWS("<row r=\"1\"><c r=\"a1\"/></row>"), NULL, 0, "S", 0, 0, PWS,
	 AT_ROW, 100, "bad cell reference \"a1\""},
	{"a reference with no column", ROWS("<row r=\"1\"><c r=\"1\"/></row>"), NULL, 0, "S", 0, 0,
	 PWS, AT_ROW, 100, "bad cell reference \"1\""},
	{"a reference with no row", ROWS("<row r=\"1\"><c r=\"A\"/></row>"), NULL, 0, "S", 0, 0,
	 PWS, AT_ROW, 100, "bad cell reference \"A\""},
	{"a reference to row 0", ROWS("<row r=\"1\"><c r=\"A0\"/></row>"), NULL, 0, "S", 0, 0, PWS,
	 AT_ROW, 100, "bad cell reference \"A0\""},
	{"a column past Excel's last", ROWS("<row r=\"1\"><c r=\"AAAA1\"/></row>"), NULL, 0, "S", 0,
	 0, PWS, AT_ROW, 100, "bad cell reference \"AAAA1\""},
	{"a cell after Excel's last column",
	 ROWS("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c><c><v>2</v></c></row>"), NULL, 0, "S", 0, 0,
	 PWS, AT_ROW, 124, "more than 16384 columns in row 1"},
	{"a row before the one above",
	 ROWS("<row r=\"5\"><c r=\"A5\"><v>1</v></c></row><row r=\"3\"><c r=\"A3\"><v>1</v></c>"
	      "</row>"),
	 NULL, 0, "S", 0, 0, PWS, AT_ROW, 139,
	 "S!A3 comes after S!A5: cells out of order or repeated"},
	{"an unknown cell type", ROWS("<row r=\"1\"><c r=\"A1\" t=\"q\"><v>1</v></c></row>"), NULL,
	 0, "S", 0, 0, PWS, AT_ROW, 100, "unknown cell type t=\"q\""},
	{"two faults in one cell: the first told", ROWS("<row r=\"1\"><c r=\"1A\" t=\"q\"/></row>"),
	 NULL, 0, "S", 0, 0, PWS, AT_ROW, 100, "bad cell reference \"1A\""},
	{"a minus sign alone", ROWS("<row r=\"1\"><c r=\"A1\"><v>-</v></c></row>"), NULL, 0, "S", 0,
	 0, PWS, AT_ROW, 100, "S!A1: a number cell holds \"-\""},
	{"an exponent with no digits", ROWS("<row r=\"1\"><c r=\"A1\"><v>1e</v></c></row>"), NULL,
	 0, "S", 0, 0, PWS, AT_ROW, 100, "S!A1: a number cell holds \"1e\""},
	{"an exponent sign with no digits", ROWS("<row r=\"1\"><c r=\"A1\"><v>1e+x</v></c></row>"),
	 NULL, 0, "S", 0, 0, PWS, AT_ROW, 100, "S!A1: a number cell holds \"1e+x\""},
	{"text after an exponent", ROWS("<row r=\"1\"><c r=\"A1\"><v>1e5x</v></c></row>"), NULL, 0,
	 "S", 0, 0, PWS, AT_ROW, 100, "S!A1: a number cell holds \"1e5x\""},
	{"a long bad number, shortened",
	 ROWS("<row r=\"1\"><c r=\"A1\"><v>1234567890123456789012345678901234567890123x</v></c>"
	      "</row>"),
	 NULL, 0, "S", 0, 0, PWS, AT_ROW, 100,
	 "S!A1: a number cell holds \"1234567890123456789012345678901234567890...\""},
	{"a shared string index that is not a number",
	 ROWS("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>x</v></c></row>"), NULL, 0, "S", 0, 0, PWS,
	 AT_ROW, 100, "S!A1: shared string \"x\" does not exist (the workbook has 2)"},
	{"an empty boolean", ROWS("<row r=\"1\"><c r=\"A1\" t=\"b\"><v></v></c></row>"), NULL, 0,
	 "S", 0, 0, PWS, AT_ROW, 100, "S!A1: a boolean cell holds \"\", not 0 or 1"},
};

/* Merged ranges come with the rows; a merge over data below a row is found by column. */
static void test_merges(void **state)
{
	const struct tu_part part = {.name = SHEET1,
				     .data = TU_DECL
				     "<worksheet xmlns=\"" TU_MAIN "\"><sheetData><row r=\"1\">"
				     "<c r=\"A1\" t=\"inlineStr\"><is><t>title</t></is></c></row>"
				     "<row r=\"3\"><c r=\"F3\"><v>1</v></c></row></sheetData>"
				     "<mergeCells count=\"2\"><mergeCell ref=\"A1:C1\"/>"
				     "<mergeCell ref=\"F3:F5\"/></mergeCells></worksheet>"};
	static const unsigned cols_f[] = {0, 6}, cols_g[] = {7};
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf zip = STRBUF_INIT, at = STRBUF_INIT;
	struct xlsx_rows rows;
	struct xlsx_book *book;

	(void)state;
	tu_book(&zip, &part, 1);
	assert_int_equal(xlsx_open(&book, P, (const unsigned char *)zip.buf, zip.len, NULL, &dl),
			 0);
	assert_int_equal(xlsx_read_rows(book, "S", &rows, &dl), 0);
	assert_int_equal(rows.nmerges, 2);
	assert_int_equal(rows.merges[1].row1, 3);
	assert_int_equal(rows.merges[1].col2, 6);
	assert_int_equal(rows.merges[1].row2, 5);
	/* The title's merge is above row 2; the data merge is in column F, not G. */
	assert_ptr_equal(xlsx_rows_merged(&rows, 2, cols_f, 2), &rows.merges[1]);
	assert_null(xlsx_rows_merged(&rows, 2, cols_g, 1));
	assert_null(xlsx_rows_merged(&rows, 5, NULL, 0));
	assert_ptr_equal(xlsx_rows_merged(&rows, 0, NULL, 0), &rows.merges[0]);
	xlsx_range_ref(&at, &rows.merges[1]);
	assert_string_equal(at.buf, "F3:F5");
	assert_int_equal(dl.nr, 0);
	xlsx_rows_release(&rows);
	xlsx_close(book);
	strbuf_release(&at);
	strbuf_release(&zip);
}

static void make_utf16_sheet(void)
{
	struct strbuf s = STRBUF_INIT;

	strbuf_adds(&s, "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"str\"><v>");
	for (int i = 0; i < 1500; i++)
		strbuf_addc(&s, 'x');
	strbuf_adds(&s, "</v></c></row></sheetData></worksheet>");
	utf16_len = 0;
	utf16_sheet[utf16_len++] = '\xff';
	utf16_sheet[utf16_len++] = '\xfe';
	for (size_t i = 0; i < s.len && utf16_len + 2 <= sizeof(utf16_sheet); i++) {
		utf16_sheet[utf16_len++] = s.buf[i];
		utf16_sheet[utf16_len++] = '\0';
	}
	strbuf_release(&s);
}

static void test_hostile(void **state)
{
	(void)state;
	make_utf16_sheet();
	for (size_t i = 0; i < sizeof(hostile_cases) / sizeof(hostile_cases[0]); i++) {
		const struct hostile_case *t = &hostile_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct strbuf zip = STRBUF_INIT;
		struct tu_part parts[3];
		struct xlsx_limits lim;
		struct xlsx_book *book = NULL;
		size_t n = 0;
		int ret;

		xlsx_limits_default(&lim);
		if (t->max_entries)
			lim.max_entries = t->max_entries;
		if (t->max_string)
			lim.max_string = t->max_string;
		for (; n < 3 && t->parts[n].name; n++) {
			parts[n] = t->parts[n];
			if (parts[n].data == utf16_sheet)
				parts[n].len = utf16_len;
		}
		if (t->raw)
			strbuf_add(&zip, t->raw, t->rawlen);
		else
			tu_book(&zip, parts, n);
		ret = xlsx_open(&book, P, (const unsigned char *)(zip.buf ? zip.buf : ""), zip.len,
				&lim, &dl);
		if (t->sheet) {
			if (ret) {
				tu_dump(&dl);
				fail_msg("%s: does not open", t->what);
			}
			ret = xlsx_read_sheet(book, t->sheet, ignore_cell, NULL, &dl);
		} else {
			assert_null(book);
		}
		if (ret != -1 || dl.nr != 1 || strcmp(dl.items[0].file, t->where) ||
		    dl.items[0].line != t->line || dl.items[0].col != t->col ||
		    strcmp(dl.items[0].message, t->message)) {
			tu_dump(&dl);
			fail_msg("%s: expected %s:%d:%d: %s", t->what, t->where, t->line, t->col,
				 t->message);
		}
		diag_list_release(&dl);
		xlsx_close(book);
		strbuf_release(&zip);
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
	{"a1", XLSX_DATE_1900, NULL},
	{"1.5x", XLSX_DATE_1900, NULL},
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
		{"", 1, 1, "''!A1"},
		{"a_b.c9", 3, 3, "a_b.c9!C3"},
		{"Zz", 1, 1, "Zz!A1"},
		{"x-y", 1, 1, "'x-y'!A1"},
		{"x~", 1, 1, "'x~'!A1"},
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
		cmocka_unit_test(test_refs),	     cmocka_unit_test(test_crafted),
		cmocka_unit_test(test_hostile),	     cmocka_unit_test(test_merges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
