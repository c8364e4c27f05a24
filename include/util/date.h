/* Calendar dates as the answers file writes them: YYYY-MM-DD. */
#ifndef CRAF_DATE_H
#define CRAF_DATE_H

#include <stdbool.h>
#include <time.h>

struct date {
	int year, month, day; /* all 0 when unset */
};

/* Strict ISO 8601 calendar date; rejects 2026-02-30. Returns 0 or -1. */
int date_parse(const char *s, struct date *out);
bool date_is_set(const struct date *d);
/* <0, 0, >0 like strcmp. */
int date_cmp(const struct date *a, const struct date *b);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes); returns buf. */
char *date_format(const struct date *d, char *buf);
/* The UTC calendar day of t. */
struct date date_of(time_t t);
/* t as RFC 3339 UTC ("2026-11-21T09:30:00Z"). */
void date_timestamp(time_t t, char buf[21]);

#endif
