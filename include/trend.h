/* Several assessment cycles side by side, in date order. */
#ifndef CRAF_TREND_H
#define CRAF_TREND_H

#include <stddef.h>

#include "i18n.h"
#include "result.h"
#include "strbuf.h"

/* Orders cycles by assessment date, keeping the given order for equal dates. */
void trend_sort(const struct result **cycles, size_t n);

struct txt_out;
struct html_out;
/* Wrapped to width columns; as many cycles side by side as fit. */
void trend_text_render(struct txt_out *out, const struct result **cycles, size_t n, enum lang lang,
		       int width);
void trend_json_render(struct strbuf *out, const struct result **cycles, size_t n);
void trend_html_render(struct html_out *out, const struct result **cycles, size_t n,
		       enum lang lang);

#endif
