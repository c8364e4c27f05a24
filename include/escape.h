/* Making user text safe to put inside HTML and Markdown. */
#ifndef CRAF_ESCAPE_H
#define CRAF_ESCAPE_H

#include "strbuf.h"

/*
 * Appends s with control characters made visible (as on a terminal) and
 * & < > " ' as entities: user text never becomes markup. NULL appends nothing.
 */
void escape_html(struct strbuf *out, const char *s);
/*
 * Appends s for a Markdown table cell: controls made visible, & < > as
 * entities, and \ ` * _ [ ] | ~ # escaped so that nothing starts markup or
 * ends the cell.
 */
void escape_markdown(struct strbuf *out, const char *s);

#endif
