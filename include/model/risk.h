/* Inherent risk: the ratings, the tally rule over indicators, and what a rating requires. */
#ifndef CRAF_RISK_H
#define CRAF_RISK_H

#include <stdbool.h>

#include "level.h"

enum risk {
	RISK_NONE = -1,
	RISK_LOW = 0,
	RISK_MEDIUM = 1,
	RISK_HIGH = 2,
};

#define RISK_COUNT 3

/* "low", "medium", "high", by rating. */
extern const char *const risk_names[RISK_COUNT];

const char *risk_name(enum risk r);
int risk_parse(const char *s, enum risk *out);
/* Low -> baseline, medium -> intermediate, high -> advanced. */
enum level risk_target(enum risk r);
/*
 * The majority rule: the rating given to the most indicators, the higher
 * one on a tie. RISK_NONE when there are no indicators.
 */
enum risk risk_majority(const unsigned counts[RISK_COUNT]);
/* Medium and high institutions must run iCAST (intelligence-led cyber attack simulation testing).
 */
bool risk_icast_required(enum risk r);

#endif
