/* Inherent-risk ratings and the rule that turns indicators into one rating. */
#include "risk.h"

#include "names.h"

const char *const risk_names[RISK_COUNT] = {"low", "medium", "high"};

const char *risk_name(enum risk r)
{
	return names_get(risk_names, RISK_COUNT, r, "none");
}

int risk_parse(const char *s, enum risk *out)
{
	int i = names_index(risk_names, RISK_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum risk)i;
	return 0;
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
