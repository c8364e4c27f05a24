/* libFuzzer target: any bytes as a saved JSON report; one that loads is rendered and checked. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_check.h"
#include "report_json.h"
#include "report_load.h"
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
	    !ydoc_parse_json(&doc, &dl) && !report_load_json(&r, &doc, &dl))
		fuzz_check_result(&r, fuzz_depth_for(size));
	result_release(&r);
	ydoc_release(&doc);
	diag_list_release(&dl);
	return 0;
}
