/* An institution's answers file: its evidence for each requirement, checked against the catalogue.
 */
#ifndef CRAF_ANSWERS_H
#define CRAF_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "catalogue.h"
#include "date.h"
#include "diag.h"
#include "level.h"
#include "risk.h"
#include "schema.h"
#include "yamldoc.h"

enum status {
	STATUS_UNANSWERED,
	STATUS_MET,
	STATUS_COMPENSATING,
	STATUS_NOT_APPLICABLE,
	STATUS_INHERITED,
	STATUS_PARTIAL,
	STATUS_NOT_MET,
	STATUS_RISK_ACCEPTED,
	STATUS_COUNT
};

/* "met", "not-met", ... as written in answers files. */
const char *status_name(enum status s);
int status_parse(const char *s, enum status *out);
/* met, compensating, not-applicable and inherited achieve a requirement. */
bool status_achieves(enum status s);

struct remediation {
	const char *action;
	const char *owner;
	struct date due;
};

struct answer {
	enum status status;
	bool given; /* written in the file, even as "unanswered" */
	struct strlist evidence;
	const char *note;
	const struct remediation *remediation; /* NULL when none */
	struct date expires;		       /* risk-accepted only */
	int line, col;
};

/* One inherent-risk indicator as the institution rated it. */
struct risk_indicator {
	const char *category;
	const char *name;
	enum risk rating;
	const char *note;
};

/* The answers file's inherent_risk: a bare rating, or indicators tallied. */
struct inherent_risk {
	bool from_indicators;
	enum risk stated; /* the bare rating */
	struct risk_indicator *indicators;
	size_t nindicators;
	unsigned counts[RISK_COUNT];
	enum risk computed; /* by the majority rule */
	enum risk override; /* RISK_NONE unless overridden */
	const char *justification;
};

struct answers {
	struct ydoc doc;
	const char *path;
	const char *institution;
	const char *assessor; /* NULL when absent */
	const char *scope;    /* NULL when absent */
	struct date assessment_date;
	enum risk inherent_risk; /* the rating that counts; RISK_NONE when absent */
	struct inherent_risk risk;
	enum level target; /* LEVEL_NONE when absent */
	/* One row per catalogue principle, in catalogue order. */
	struct answer (*levels)[LEVEL_COUNT];
	size_t nprinciples;
	size_t ngiven; /* answers written in the file */
	char sha256[65];
};

void answers_init(struct answers *a);
void answers_release(struct answers *a);

/*
 * Reads and checks path against cat (docs/answers.md). On failure every
 * problem found is in dl and the result must not be used.
 */
int answers_load(struct answers *a, const char *path, const struct catalogue *cat,
		 struct diag_list *dl);
/*
 * The same, for a file already read with ydoc_read_file(&a->doc, ...): for
 * callers that look at the bytes first to tell answers from a JSON report.
 */
int answers_load_read(struct answers *a, const struct catalogue *cat, struct diag_list *dl);
/*
 * answers_load_read in two halves: the YAML parse, which needs no
 * catalogue (and so may run while the catalogue loads), then the checks.
 */
int answers_parse(struct answers *a, struct diag_list *dl);
int answers_resolve(struct answers *a, const struct catalogue *cat, struct diag_list *dl);

#endif
