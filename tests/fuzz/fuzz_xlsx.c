/* libFuzzer target: any bytes as a workbook, every sheet read both ways, every cell checked. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void violation(const char *what)
{
	fprintf(stderr, "fuzz_xlsx: %s\n", what);
	abort();
}

/* What every cell must be, whatever the bytes were. */
static int check_cell(void *ctx, const struct xlsx_cell *c)
{
	struct strbuf ref = STRBUF_INIT;
	struct date d;
	size_t *n = ctx;

	if (!c->text || strlen(c->text) != c->len)
		violation("a cell's text is not a NUL-terminated string of len bytes");
	if (c->row < 1 || c->row > 1048576 || c->col < 1 || c->col > 16384)
		violation("a cell outside Excel's grid");
	if ((unsigned)c->type > XLSX_FORMULA)
		violation("a cell of no known type");
	if ((c->type == XLSX_EMPTY || c->type == XLSX_FORMULA) && c->len)
		violation("an empty cell or an unsaved formula with text");
	if (c->type == XLSX_BOOL && strcmp(c->text, "TRUE") && strcmp(c->text, "FALSE"))
		violation("a boolean that is not TRUE or FALSE");
	if (c->type == XLSX_NUMBER && !xlsx_serial_date(c->text, XLSX_DATE_1900, &d) &&
	    (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1 ||
	     d.day > 31))
		violation("a serial date out of range");
	xlsx_cell_ref(&ref, c);
	if (!strchr(ref.buf, '!'))
		violation("a cell reference without its sheet");
	strbuf_release(&ref);
	++*n;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct xlsx_limits lim;
	struct xlsx_book *book;

	/* Small limits: a bomb is found as surely, and runs stay fast. */
	xlsx_limits_default(&lim);
	lim.max_total = 8u << 20;
	lim.max_part = 4u << 20;
	lim.max_cells = 100000;
	if (!xlsx_open(&book, "fuzz.xlsx", data, size, &lim, &dl)) {
		for (size_t i = 0; i < xlsx_sheet_count(book); i++) {
			const char *name = xlsx_sheet_name(book, i);
			struct xlsx_rows rows;
			size_t cells = 0, in_rows = 0;
			int streamed = xlsx_read_sheet(book, name, check_cell, &cells, &dl);
			int collected = xlsx_read_rows(book, name, &rows, &dl);

			if (streamed != collected)
				violation("a sheet read two ways does not end the same");
			for (size_t r = 0; r < rows.nr; r++) {
				if (!rows.rows[r].nr ||
				    (r && rows.rows[r].row <= rows.rows[r - 1].row))
					violation("rows empty, out of order or repeated");
				in_rows += rows.rows[r].nr;
			}
			if (!streamed && in_rows != cells)
				violation("rows hold other cells than were streamed");
			xlsx_rows_release(&rows);
		}
		xlsx_close(book);
	} else if (!diag_list_has_errors(&dl)) {
		violation("a workbook refused without a message");
	}
	diag_list_release(&dl);
	return 0;
}
