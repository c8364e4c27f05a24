/* Scoring: from a catalogue and answers to maturity levels and gaps (docs/scoring.md). */
#ifndef CRAF_ENGINE_H
#define CRAF_ENGINE_H

#include "answers.h"
#include "catalogue.h"
#include "date.h"
#include "level.h"
#include "result.h"

struct engine_options {
	enum level target;    /* LEVEL_NONE: take it from the answers */
	struct date as_of;    /* unset: the assessment date */
	time_t now;	      /* when the report is generated (the caller reads the clock) */
	int evidence_max_age; /* months before the assessment date evidence stays current */
};

#define ENGINE_OPTIONS_INIT                                                                        \
	{                                                                                          \
		LEVEL_NONE, {0, 0, 0}, 0, RESULT_EVIDENCE_MAX_AGE                                  \
	}

/*
 * Scores ans against cat into r (initialised by the caller). The answers
 * must have loaded cleanly against the same catalogue. Returns 0, or -1
 * when no target can be determined.
 */
int engine_assess(struct result *r, const struct catalogue *cat, const struct answers *ans,
		  const struct engine_options *opts);

/*
 * Computes everything derived from the controls' statuses, the target and
 * the as-of date: achieved flags, overdue and expired marks, principle,
 * component, domain and overall levels, progress, gaps, stale evidence
 * (against r->evidence_max_age) and the summary.
 * Used after assessing and after loading a saved report.
 */
void engine_score(struct result *r);

/* True when evidence dated d is more than max_age months older than the assessment date on. */
bool engine_evidence_stale(const struct date *d, const struct date *on, int max_age);

/* The level a principle reaches given which of its requirements are met. */
enum level engine_principle_level(const bool *achieved, size_t nlevels, bool single);

#endif
