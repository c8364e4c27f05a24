/* The CSV writer: the only way the CSV renderer puts anything in its output. */
#ifndef CRAF_OUT_CSV_H
#define CRAF_OUT_CSV_H

#include <stddef.h>

#include "out_bytes.h"
#include "strbuf.h"

/*
 * A CSV file (RFC 4180) being built, cell by cell. Every cell is quoted,
 * with " doubled; control characters, bidirectional controls and invisible
 * characters are shown visibly (^[, <U+202E>), except tab and line feed,
 * which a quoted cell may hold (a carriage return becomes a space); and a
 * cell starting with = + - @, tab or carriage return gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of evaluating it.
 * The buffer is private to src/render/out_csv.c.
 */
struct csv_out {
	struct strbuf priv_bytes;
	size_t priv_cells; /* cells in the current row */
};

#define CSV_OUT_INIT                                                                               \
	{                                                                                          \
		STRBUF_INIT, 0                                                                     \
	}

void csv_release(struct csv_out *o);
/* Appends what was built to dst (the bytes to write) and empties o. */
void csv_finish(struct csv_out *o, struct strbuf *dst);

/* A UTF-8 byte-order mark, for Excel; only at the very start. */
void csv_bom(struct csv_out *o);
/* The next cell of the row. NULL is an empty cell. */
void csv_cell(struct csv_out *o, const char *s);
/* Ends the row (CRLF). */
void csv_end_row(struct csv_out *o);

#endif
