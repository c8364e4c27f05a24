/* Picks the renderer for a format; every format comes from the same result. */
#include "report.h"

#include <string.h>

#include "oscal.h"
#include "out_csv.h"
#include "out_html.h"
#include "out_markdown.h"
#include "out_text.h"
#include "report_json.h"
#include "report_text.h"

static const char *const names[] = {
	[REPORT_TEXT] = "text",		[REPORT_JSON] = "json", [REPORT_HTML] = "html",
	[REPORT_MARKDOWN] = "markdown", [REPORT_CSV] = "csv",	[REPORT_XLSX] = "xlsx",
	[REPORT_OSCAL] = "oscal",
};

int report_format_parse(const char *s, enum report_format *out)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i])) {
			*out = (enum report_format)i;
			return 0;
		}
	if (!strcmp(s, "md")) {
		*out = REPORT_MARKDOWN;
		return 0;
	}
	return -1;
}

const char *report_format_name(enum report_format f)
{
	return names[f];
}

bool report_format_is_binary(enum report_format f)
{
	return f == REPORT_XLSX;
}

void report_render(struct strbuf *out, const struct result *r, enum report_format f,
		   const struct report_options *o)
{
	struct report_text_options to = {o->lang, o->color, o->width};

	switch (f) {
	case REPORT_TEXT: {
		struct txt_out w = TXT_OUT_INIT;

		report_text_render(&w, r, &to);
		txt_finish(&w, out);
		break;
	}
	case REPORT_JSON:
		report_json_render(out, r);
		break;
	case REPORT_HTML: {
		struct html_out w = HTML_OUT_INIT;

		report_html_render(&w, r, o);
		html_finish(&w, out);
		break;
	}
	case REPORT_MARKDOWN: {
		struct md_out w = MD_OUT_INIT;

		report_markdown_render(&w, r, o);
		md_finish(&w, out);
		break;
	}
	case REPORT_CSV: {
		struct csv_out w = CSV_OUT_INIT;

		report_csv_render(&w, r, o);
		csv_finish(&w, out);
		break;
	}
	case REPORT_OSCAL:
		oscal_assessment_results_render(out, r);
		break;
	case REPORT_XLSX:
		break;
	}
}

bool report_evidence_next(struct report_evidence *it)
{
	for (; it->control < it->r->ncontrols; it->control++, it->level = 0) {
		const struct result_control *c = &it->r->controls[it->control];

		for (; it->level < c->nlevels; it->level++, it->file = 0) {
			const struct result_level *rl = &c->levels[it->level];

			if (it->file < rl->files.nr) {
				it->c = c;
				it->rl = rl;
				it->ef = &rl->files.items[it->file++];
				return true;
			}
		}
	}
	return false;
}
