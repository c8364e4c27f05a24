/*
 * Many entities side by side (craf summary): each entity's latest
 * assessment, its direction since the previous one, whether it is due for
 * reassessment, and the gaps the entities share (docs/summary.md).
 */
#ifndef CRAF_SUMMARY_H
#define CRAF_SUMMARY_H

#include <stdbool.h>
#include <stddef.h>

#include "date.h"
#include "diag.h"
#include "i18n.h"
#include "level.h"
#include "result.h"
#include "strbuf.h"

/* The schema name of a summary saved as JSON (docs/summary.schema.json). */
#define SUMMARY_SCHEMA "craf-summary/1"
/* The HKMA expects an assessment at least this often. */
#define SUMMARY_REASSESS_YEARS 3
/* A domain the entity's catalogue lacks. */
#define SUMMARY_ABSENT (LEVEL_NONE - 1)

/* What makes two assessments the same entity's. */
enum summary_key {
	SUMMARY_KEY_INSTITUTION,       /* the institution name, exactly as written */
	SUMMARY_KEY_INSTITUTION_SCOPE, /* the name and the scope (absent scope counts as one) */
};

/* "institution", "institution+scope". */
const char *summary_key_name(enum summary_key k);
int summary_key_parse(const char *s, enum summary_key *out);

enum summary_direction {
	SUMMARY_DIR_NONE, /* no previous assessment, or the domain is not in it */
	SUMMARY_DIR_SAME,
	SUMMARY_DIR_UP,
	SUMMARY_DIR_DOWN,
};

/* "same", "up", "down"; NULL for SUMMARY_DIR_NONE. */
const char *summary_direction_name(enum summary_direction d);

/* One file given: its result (scored, maybe re-judged on the as-of date) and its name. */
struct summary_input {
	struct result *r;
	const char *path;
};

struct summary_options {
	struct date as_of; /* age, reassessment, overdue and expired are judged on it */
	enum summary_key key;
};

struct summary_cell {
	int level; /* an enum level, or SUMMARY_ABSENT */
	bool meets_target;
	enum summary_direction dir;
};

struct summary_entity {
	const char *institution;
	const char *scope; /* NULL when not given */
	const struct result *latest;
	const char *path;
	const struct result *previous; /* NULL: assessed once */
	const char *previous_path;
	size_t nassessments; /* distinct assessments given */
	long age_days;	     /* from the assessment date to the as-of date; negative if later */
	struct date reassess_by;
	bool due;		    /* older than SUMMARY_REASSESS_YEARS on the as-of date */
	bool meets_target;	    /* no gap against its target, as craf assess exits 0 */
	struct summary_cell *cells; /* one per summary domain */
};

struct summary_domain {
	const char *id;
	struct text name;
	size_t assessed; /* entities whose catalogue has it */
	size_t meeting;	 /* of those, at or above their target in it */
};

/* A requirement that is a gap in one or more entities. */
struct summary_gap {
	const char *control;
	struct text name;
	enum level level;
	bool single;	  /* one requirement for all levels */
	size_t *entities; /* indices into summary.entities, in their order */
	size_t count;
	char *key; /* private: the lookup key */
};

struct summary_totals {
	size_t files;	    /* inputs given */
	size_t assessments; /* distinct assessments (a file given twice counts once) */
	size_t entities;
	size_t meeting_target;
	size_t below_target;
	size_t due;
	size_t gaps;
	size_t gaps_by_level[LEVEL_COUNT];
	size_t overdue;
	size_t expired;
	size_t unanswered;
};

struct summary {
	struct date as_of;
	enum summary_key key;
	struct summary_entity *entities; /* by institution, then scope */
	size_t nentities;
	struct summary_domain
		*domains; /* in the catalogue order of the first entity that has them */
	size_t ndomains;
	struct summary_gap *gaps; /* most entities first, then baseline first, then by id */
	size_t ngaps;
	struct summary_totals totals;
};

void summary_init(struct summary *s);
void summary_release(struct summary *s);

/*
 * Builds the summary of n inputs. Each result whose as-of date is not
 * o->as_of is scored again on it, so every entity is judged on one day.
 * The summary points into the results, which must outlive it. The same
 * assessment given twice (equal answers digest and date) counts once, with
 * a warning; two different assessments of one entity on one date are an
 * error, as neither is the latest. Returns 0, or -1 with the errors in dl.
 */
int summary_build(struct summary *s, const struct summary_input *in, size_t n,
		  const struct summary_options *o, struct diag_list *dl);

/* Days from a to b (negative when b is earlier). */
long summary_days_between(const struct date *a, const struct date *b);
/* d plus years; 29 February becomes 28 February in a year that lacks it. */
struct date summary_add_years(const struct date *d, int years);
/* The entity's name as lists show it: "Name", or "Name (scope)" under the scope key. */
void summary_entity_label(struct strbuf *out, const struct summary *s,
			  const struct summary_entity *e);

#endif
