/* A group summary (craf summary) in every format: text, JSON, HTML, Markdown, CSV and XLSX. */
#ifndef CRAF_SUMMARY_RENDER_H
#define CRAF_SUMMARY_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "strbuf.h"
#include "summary.h"

struct summary_render_options {
	int width;    /* text: columns to fit, at least 40 */
	size_t top;   /* text, HTML, Markdown: common gaps shown; 0 for all */
	bool csv_bom; /* csv: start with a UTF-8 byte-order mark, for Excel */
	time_t now;   /* xlsx: the workbook's creation time (the caller reads the clock) */
};

struct txt_out;
struct html_out;
struct md_out;
struct csv_out;
void summary_text_render(struct txt_out *out, const struct summary *s,
			 const struct summary_render_options *o);
/* Every entity and every common gap, whatever o->top says. */
void summary_json_render(struct strbuf *out, const struct summary *s);
/* A heat map of entities by domains, coloured by achieved level against each target. */
void summary_html_render(struct html_out *out, const struct summary *s,
			 const struct summary_render_options *o);
void summary_markdown_render(struct md_out *out, const struct summary *s,
			     const struct summary_render_options *o);
/* One row per entity; the common gaps are in the other formats. */
void summary_csv_render(struct csv_out *out, const struct summary *s,
			const struct summary_render_options *o);
/*
 * Writes the workbook to path: sheets Entities, Heat map, Common gaps and
 * Totals. Returns 0, or -1 with the reason in err (warnings as for reports).
 */
int summary_xlsx_write(const char *path, const struct summary *s,
		       const struct summary_render_options *o, struct strbuf *warnings,
		       struct strbuf *err);

#endif
