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
#include "strlist.h"

struct ydoc;

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

/* "met", "not-met", ... as written in answers files, by status. */
extern const char *const status_names[STATUS_COUNT];
const char *status_name(enum status s);
int status_parse(const char *s, enum status *out);
/* The statuses in the order users read them (achieving first), i < STATUS_COUNT. */
enum status status_by_rank(int i);
/* met, compensating, not-applicable and inherited achieve a requirement. */
bool status_achieves(enum status s);

struct remediation {
	const char *action;
	const char *owner;
	struct date due;
};

/* A document an answer cites as evidence, pinned by its size and SHA-256 when loaded. */
struct evidence_file {
	const char *path;  /* as written: relative to the directory of the answers file */
	struct date date;  /* the date the evidence is as of */
	const char *title; /* NULL when not given */
	unsigned long long size;
	char sha256[65];
	bool stale; /* in a result: older than the evidence age limit (engine_score) */
};

struct evidence_files {
	struct evidence_file *items;
	size_t nr;
};

struct answer {
	enum status status;
	bool given;		     /* written in the file, even as "unanswered" */
	struct strlist evidence;     /* references given as text */
	struct evidence_files files; /* evidence given as files */
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

/* One file of a directory of part files (docs/answers.md). */
struct answers_part {
	char *path; /* DIR/NAME */
	char sha256[65];
	unsigned long long size;
	struct ydoc *doc; /* the loader's parsed file */
};

struct answers {
	struct ydoc *doc; /* the loader's parsed file, which strings point into */
	void (*release_doc)(struct answers *a); /* set by the loader */
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
	/*
	 * Of a directory (path): its files in name order, each with its hash;
	 * sha256 is then the hash of their list ("HASH  NAME\n" each, as
	 * sha256sum prints it). None for a single file.
	 */
	struct answers_part *parts;
	size_t nparts;
	char sha256[65];
	unsigned long long size; /* of the file, in bytes */
};

void answers_init(struct answers *a);
void answers_release(struct answers *a);

#endif
