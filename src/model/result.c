/* Lifetime of assessment results; the engine and loaders fill them. */
#include "result.h"

#include <string.h>

#include "names.h"

static const char *const target_source_names[] = {
	[TARGET_EXPLICIT] = "explicit",
	[TARGET_INHERENT_RISK] = "inherent_risk",
	[TARGET_COMMAND_LINE] = "command_line",
};

const char *target_source_name(enum target_source s)
{
	return names_get(target_source_names, ARRAY_SIZE(target_source_names), (int)s, "explicit");
}

void result_init(struct result *r)
{
	memset(r, 0, sizeof(*r));
	arena_init(&r->arena);
	r->inherent_risk = RISK_NONE;
	r->risk.stated = r->risk.computed = r->risk.override = RISK_NONE;
	r->target = LEVEL_NONE;
	r->overall = LEVEL_NONE;
	r->evidence_max_age = RESULT_EVIDENCE_MAX_AGE;
}

void result_release(struct result *r)
{
	arena_release(&r->arena);
	result_init(r);
}
