/* A comparison of two cycles as text, Markdown, HTML and the "craf-diff/1" JSON document. */
#ifndef CRAF_DIFF_RENDER_H
#define CRAF_DIFF_RENDER_H

#include <stdbool.h>

#include "diff.h"
#include "i18n.h"
#include "strbuf.h"

struct diff_options {
	enum lang lang;
	bool color;
	int width;
};

struct txt_out;
struct md_out;
struct html_out;
void diff_text_render(struct txt_out *out, const struct diff *d, const struct diff_options *o);
void diff_markdown_render(struct md_out *out, const struct diff *d, const struct diff_options *o);
void diff_html_render(struct html_out *out, const struct diff *d, const struct diff_options *o);
void diff_json_render(struct strbuf *out, const struct diff *d);

#endif
