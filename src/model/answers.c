/* The statuses of an answer and the answers' own lifetime, whoever loaded them. */
#include "answers.h"

#include <stdlib.h>
#include <string.h>

#include "names.h"

const char *const status_names[STATUS_COUNT] = {
	[STATUS_UNANSWERED] = "unanswered",	[STATUS_MET] = "met",
	[STATUS_COMPENSATING] = "compensating", [STATUS_NOT_APPLICABLE] = "not-applicable",
	[STATUS_INHERITED] = "inherited",	[STATUS_PARTIAL] = "partial",
	[STATUS_NOT_MET] = "not-met",		[STATUS_RISK_ACCEPTED] = "risk-accepted",
};

/* The order users read them in: achieving first, then not. */
static const enum status status_order[STATUS_COUNT] = {
	STATUS_MET,	STATUS_COMPENSATING, STATUS_NOT_APPLICABLE, STATUS_INHERITED,
	STATUS_PARTIAL, STATUS_NOT_MET,	     STATUS_RISK_ACCEPTED,  STATUS_UNANSWERED,
};

NAMES_ENUM_FUNCTIONS(status, enum status, status_names, STATUS_COUNT, "unknown")

enum status status_by_rank(int i)
{
	return status_order[i];
}

bool status_achieves(enum status s)
{
	return s == STATUS_MET || s == STATUS_COMPENSATING || s == STATUS_NOT_APPLICABLE ||
	       s == STATUS_INHERITED;
}

void answers_init(struct answers *a)
{
	memset(a, 0, sizeof(*a));
	a->inherent_risk = RISK_NONE;
	a->target = LEVEL_NONE;
}

void answers_release(struct answers *a)
{
	free(a->levels);
	if (a->release_doc)
		a->release_doc(a);
	answers_init(a);
}
