/* libFuzzer target: any bytes as a saved JSON report, then rendered if it loads. */
#include <stddef.h>
#include <stdint.h>

#include "report.h"
#include "report_json.h"
#include "yamldoc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct result r;
	struct ydoc doc;

	ydoc_init(&doc);
	result_init(&r);
	if (!ydoc_read_buffer(&doc, "fuzz.json", (const char *)data, size, &dl) &&
	    !ydoc_parse_json(&doc, &dl) && !report_json_load(&r, &doc, &dl)) {
		struct report_options ro = {LANG_ZH, false, 80, false, 0};
		struct strbuf out = STRBUF_INIT;

		report_render(&out, &r, REPORT_TEXT, &ro);
		report_render(&out, &r, REPORT_HTML, &ro);
		report_render(&out, &r, REPORT_CSV, &ro);
		strbuf_release(&out);
	}
	result_release(&r);
	ydoc_release(&doc);
	diag_list_release(&dl);
	return 0;
}
