/* Output formats of an assessment result, and the one call that renders any of them. */
#ifndef CRAF_REPORT_H
#define CRAF_REPORT_H

#include <stdbool.h>
#include <time.h>

#include "i18n.h"
#include "result.h"
#include "strbuf.h"

enum report_format {
	REPORT_TEXT,
	REPORT_JSON,
	REPORT_HTML,
	REPORT_MARKDOWN,
	REPORT_CSV,
	REPORT_XLSX,
	REPORT_OSCAL,
};

struct report_options {
	enum lang lang;
	bool color;   /* text only */
	int width;    /* text only */
	bool csv_bom; /* csv: start with a UTF-8 byte-order mark, for Excel */
	time_t now;   /* xlsx: the workbook's creation time (the caller reads the clock) */
};

/* Parses "text", "json", "html", "markdown" (or "md"), "csv", "xlsx", "oscal". */
int report_format_parse(const char *s, enum report_format *out);
const char *report_format_name(enum report_format f);
/* True for formats that are bytes, not text (written through a file). */
bool report_format_is_binary(enum report_format f);

/* Renders any text format into out. */
void report_render(struct strbuf *out, const struct result *r, enum report_format f,
		   const struct report_options *o);

/* A walk over every evidence file of every level of every control, in that order. */
struct report_evidence {
	const struct result *r;
	size_t control, level, file; /* the next file to visit */
	/* The file visited, with its level and control. */
	const struct result_control *c;
	const struct result_level *rl;
	const struct evidence_file *ef;
};

#define REPORT_EVIDENCE_INIT(result)                                                               \
	{                                                                                          \
		(result), 0, 0, 0, NULL, NULL, NULL                                                \
	}

/* Steps to the next evidence file (it->c, it->rl, it->ef); false after the last. */
bool report_evidence_next(struct report_evidence *it);

/* Per-format renderers: each is handed its format's writer, never the bytes. */
struct md_out;
struct csv_out;
struct html_out;
void report_markdown_render(struct md_out *out, const struct result *r,
			    const struct report_options *o);
void report_csv_render(struct csv_out *out, const struct result *r, const struct report_options *o);
void report_html_render(struct html_out *out, const struct result *r,
			const struct report_options *o);
/*
 * Writes the XLSX workbook to path (which must not exist yet or may be
 * replaced). Text too long for a cell is cut, with a line in warnings
 * naming the cell. Returns 0, or -1 with the reason in err.
 */
int report_xlsx_write(const char *path, const struct result *r, const struct report_options *o,
		      struct strbuf *warnings, struct strbuf *err);

#endif
