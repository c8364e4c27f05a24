/* A JSON Schema of the answers file for one catalogue, for editors that check YAML as it is typed.
 */
#ifndef CRAF_ANSWERS_SCHEMA_H
#define CRAF_ANSWERS_SCHEMA_H

#include "catalogue.h"
#include "strbuf.h"

/*
 * Appends a JSON Schema (draft 2020-12) of the answers file for cat: its
 * control ids and each one's levels, the statuses, the long form of an
 * answer and what each status needs, dates, the header and inherent risk.
 * What a schema cannot state (a date on the calendar, an indicator given
 * twice) is left to craf validate.
 */
void answers_schema_json(struct strbuf *out, const struct catalogue *cat);

#endif
