/* Several assessment cycles side by side, as text, JSON and HTML. */
#ifndef CRAF_TREND_RENDER_H
#define CRAF_TREND_RENDER_H

#include <stddef.h>

#include "i18n.h"
#include "result.h"
#include "strbuf.h"

struct txt_out;
struct html_out;
/* Wrapped to width columns; as many cycles side by side as fit. */
void trend_text_render(struct txt_out *out, const struct result **cycles, size_t n, enum lang lang,
		       int width);
void trend_json_render(struct strbuf *out, const struct result **cycles, size_t n);
void trend_html_render(struct html_out *out, const struct result **cycles, size_t n,
		       enum lang lang);

#endif
