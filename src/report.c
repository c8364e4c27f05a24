/* Picks the renderer for a format; every format comes from the same result. */
#include "report.h"

#include <string.h>

#include "oscal.h"
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
	case REPORT_TEXT:
		report_text_render(out, r, &to);
		break;
	case REPORT_JSON:
		report_json_render(out, r);
		break;
	case REPORT_HTML:
		report_html_render(out, r, o);
		break;
	case REPORT_MARKDOWN:
		report_markdown_render(out, r, o);
		break;
	case REPORT_CSV:
		report_csv_render(out, r, o);
		break;
	case REPORT_OSCAL:
		oscal_assessment_results_render(out, r);
		break;
	case REPORT_XLSX:
		break;
	}
}
