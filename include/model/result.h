/*
 * An assessment result: everything a report shows, self-contained so it
 * can be rendered, saved and loaded back without the catalogue or answers.
 */
#ifndef CRAF_RESULT_H
#define CRAF_RESULT_H

#include <stdbool.h>
#include <stddef.h>

#include "answers.h"
#include "arena.h"
#include "catalogue.h"
#include "date.h"
#include "i18n.h"
#include "level.h"
#include "risk.h"

/* The schema name of a result saved as JSON (docs/report.md). */
#define REPORT_SCHEMA "craf-report/1"

enum target_source {
	TARGET_EXPLICIT,      /* "target:" in the answers file */
	TARGET_INHERENT_RISK, /* derived from "inherent_risk:" */
	TARGET_COMMAND_LINE,  /* --target */
};

const char *target_source_name(enum target_source s);

struct result_level {
	enum level level; /* baseline for a single all-levels requirement */
	struct text requirement;
	enum status status;
	bool achieved;
	struct strlist evidence;
	const char *note;
	bool has_remediation;
	struct remediation remediation;
	bool overdue; /* remediation due before the as-of date, still not achieved */
	struct date expires;
	bool expired; /* risk accepted until a date that has passed */
};

struct result_control {
	const char *id;
	size_t domain;	  /* index into result.domains */
	size_t component; /* index into the domain's components */
	struct text name;
	enum responsibility responsibility;
	bool single; /* one requirement for all levels */
	size_t nlevels;
	struct result_level levels[LEVEL_COUNT];
	enum level achieved;
	size_t *products; /* indices into result.products */
	size_t nproducts;
};

struct result_component {
	const char *id;
	struct text name;
	enum level achieved;
};

struct result_domain {
	const char *id;
	struct text name;
	enum level achieved;
	bool meets_target;
	unsigned required[LEVEL_COUNT];
	unsigned achieved_count[LEVEL_COUNT];
	struct result_component *components;
	size_t ncomponents;
};

struct result_product {
	const char *id;
	const char *abbr;
	struct text name;
};

struct result_gap {
	size_t control; /* index into result.controls */
	size_t level;	/* index into that control's levels */
};

struct result_risk_indicator {
	const char *category;
	struct text category_name; /* en NULL when the catalogue does not define it */
	const char *name;
	enum risk rating;
	const char *note;
};

/* How the inherent-risk rating was arrived at. */
struct result_risk {
	bool from_indicators; /* else stated as a bare rating */
	enum risk stated;
	enum risk computed; /* majority of the indicators */
	unsigned counts[RISK_COUNT];
	enum risk override; /* RISK_NONE unless overridden */
	const char *justification;
	struct result_risk_indicator *indicators;
	size_t nindicators;
};

struct result_summary {
	size_t gaps;
	size_t gaps_by_level[LEVEL_COUNT];
	size_t unanswered; /* requirements at or below the target with no answer */
	size_t overdue;
	size_t expired;
};

struct result {
	struct arena arena;
	const char *tool_version;
	const char *framework;
	const char *catalogue_version;
	const char *catalogue_origin;
	bool catalogue_builtin;
	const char *catalogue_sha256;
	const char *answers_path;
	const char *answers_sha256;
	/* A directory of part files: each file and its hash, in name order. */
	struct result_part {
		const char *path, *sha256;
	} * answers_parts;
	size_t nanswers_parts;
	char generated_at[21]; /* RFC 3339 UTC */

	const char *institution;
	const char *assessor; /* NULL when not given */
	const char *scope;    /* NULL when not given */
	struct date assessment_date;
	struct date as_of;	 /* the date overdue and expired are judged on */
	enum risk inherent_risk; /* the rating that counts; RISK_NONE when not given */
	struct result_risk risk;
	bool icast_required;
	enum level target;
	enum target_source target_source;
	enum level overall;

	struct result_domain *domains;
	size_t ndomains;
	struct result_control *controls;
	size_t ncontrols;
	struct result_product *products;
	size_t nproducts;
	struct result_gap *gaps; /* baseline first, then by id */
	size_t ngaps;
	struct result_summary summary;
};

void result_init(struct result *r);
void result_release(struct result *r);

#endif
