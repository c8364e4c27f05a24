/* Checks the files a report pins (answers and evidence) against what is on disk now. */
#ifndef CRAF_EVIDENCE_CHECK_H
#define CRAF_EVIDENCE_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "result.h"

enum evcheck_state { EVCHECK_OK, EVCHECK_CHANGED, EVCHECK_MISSING };

struct evcheck_item {
	bool answers;	  /* an answers file, else an evidence file */
	const char *path; /* as the report records it (owned by the result) */
	char *location;	  /* where it was looked for */
	enum evcheck_state state;
	char *why;  /* MISSING: the reason */
	char *data; /* the bytes read, when asked for (bundle) */
	size_t len;
};

struct evcheck {
	struct evcheck_item *items;
	size_t nr;
};

/*
 * Looks for each answers file of r at its recorded path, or as root/NAME
 * (its file name) when root is given, and for each evidence file under
 * the answers file's directory, or under root; each is hashed and
 * compared. An evidence file that resolves outside that directory counts
 * as missing. With keep_data the bytes read stay in the items. Evidence
 * cited twice is checked once.
 */
void evcheck_run(struct evcheck *ec, const struct result *r, const char *root, bool keep_data);
/* True when every item is EVCHECK_OK. */
bool evcheck_all_ok(const struct evcheck *ec);
void evcheck_release(struct evcheck *ec);

#endif
