/* craf risk's text output (its JSON is report_json_risk_render). */
#ifndef CRAF_RISK_RENDER_H
#define CRAF_RISK_RENDER_H

#include "i18n.h"
#include "result.h"

struct txt_out;
/* The rating of r, how it was derived and its target, wrapped to width. */
void risk_text_render(struct txt_out *out, const struct result *r, enum lang lang, int width);

#endif
