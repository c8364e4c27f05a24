/* Lifetime of assessment results; the engine and loaders fill them. */
#include "result.h"

#include <string.h>

const char *target_source_name(enum target_source s)
{
	switch (s) {
	case TARGET_EXPLICIT:
		return "explicit";
	case TARGET_INHERENT_RISK:
		return "inherent_risk";
	case TARGET_COMMAND_LINE:
		return "command_line";
	}
	return "explicit";
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
