/* Inherent-risk ratings and the rule that turns indicators into one rating. */
#include "risk.h"

#include "names.h"

const char *const risk_names[RISK_COUNT] = {"low", "medium", "high"};

NAMES_ENUM_FUNCTIONS(risk, enum risk, risk_names, RISK_COUNT, "none")

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
