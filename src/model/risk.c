/* Inherent-risk ratings and the rule that turns indicators into one rating. */
#include "risk.h"

#include <string.h>

static const char *const names[RISK_COUNT] = {"low", "medium", "high"};

const char *risk_name(enum risk r)
{
	if (r < 0 || r >= RISK_COUNT)
		return "none";
	return names[r];
}

int risk_parse(const char *s, enum risk *out)
{
	for (int i = 0; i < RISK_COUNT; i++)
		if (!strcmp(s, names[i])) {
			*out = (enum risk)i;
			return 0;
		}
	return -1;
}

enum level risk_target(enum risk r)
{
	return r == RISK_NONE ? LEVEL_NONE : (enum level)r;
}

enum risk risk_majority(const unsigned counts[RISK_COUNT])
{
	enum risk best = RISK_NONE;

	/* From high to low with a strict comparison, so a tie keeps the higher rating. */
	for (int r = RISK_COUNT - 1; r >= 0; r--)
		if (counts[r] && (best == RISK_NONE || counts[r] > counts[best]))
			best = (enum risk)r;
	return best;
}

bool risk_icast_required(enum risk r)
{
	return r == RISK_MEDIUM || r == RISK_HIGH;
}
