/* NIST OSCAL 1.2.1 JSON: the catalogue as a catalog, an assessment as assessment-results. */
#ifndef CRAF_OSCAL_H
#define CRAF_OSCAL_H

#include <time.h>

#include "catalogue.h"
#include "result.h"
#include "strbuf.h"

#define OSCAL_VERSION "1.2.1"
/* The ns of craf's own props and parts, and the name uuid_ns_craf is derived from. */
#define OSCAL_CRAF_NS "https://craf.invalid/oscal"

/*
 * The whole catalogue: domains and components as nested groups, principles
 * as controls "craf-<id>", one statement item "craf-<id>_smt.<level>" per
 * level (docs/oscal.md). last-modified is now, or SOURCE_DATE_EPOCH.
 */
void oscal_catalog_render(struct strbuf *out, const struct catalogue *cat, time_t now);
/*
 * One result: an observation per answered requirement and a finding per
 * gap, targeting the catalog's statement items. UUIDs are derived from the
 * institution, the assessment date and the ids, so output is reproducible.
 */
void oscal_assessment_results_render(struct strbuf *out, const struct result *r);

#endif
