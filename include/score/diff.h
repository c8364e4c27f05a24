/* Comparing two assessments: what closed, regressed, stayed open, and what was delivered. */
#ifndef CRAF_DIFF_H
#define CRAF_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "result.h"

#define DIFF_SCHEMA "craf-diff/1"

enum diff_change {
	CHANGE_SAME,
	CHANGE_UP,
	CHANGE_DOWN,
	CHANGE_ADDED,	/* only in the new assessment's catalogue */
	CHANGE_REMOVED, /* only in the old one's */
};

const char *diff_change_name(enum diff_change c);

struct diff_domain {
	const char *id;
	struct text name;
	enum level old_level, new_level;
	enum diff_change change;
};

/* One requirement seen in both assessments (or, for drift, in one). */
struct diff_item {
	const struct result_control *control; /* from the newer side when present */
	enum level level;
	enum status old_status, new_status;
};

struct diff_items {
	struct diff_item *items;
	size_t nr, alloc;
};

enum delivery {
	DELIVERY_DELIVERED, /* achieved now */
	DELIVERY_LATE,	    /* not achieved, but re-planned to a later date */
	DELIVERY_MISSED,    /* not achieved and not re-planned */
};

const char *delivery_name(enum delivery d);

struct diff_remediation {
	const struct result_control *control; /* old side */
	const struct result_level *old;
	const struct result_level *new; /* NULL when the requirement left the catalogue */
	enum delivery delivery;
};

struct diff {
	const struct result *old, *new;
	struct diff_domain *domains;
	size_t ndomains;
	struct diff_items closed, regressed, still_open, new_gaps, status_changes;
	struct diff_items drift_added, drift_removed;
	struct diff_remediation *remediation;
	size_t nremediation, remediation_alloc;
	bool catalogue_changed; /* framework, version or hash differ */
	size_t domains_up, domains_down;
	size_t delivered, late, missed;
};

/* Compares old and new (both must outlive d). Never fails. */
void diff_compute(struct diff *d, const struct result *old, const struct result *new);
void diff_release(struct diff *d);
/* Something regressed: a requirement lost, or a domain's level down. */
bool diff_regressed(const struct diff *d);

#endif
