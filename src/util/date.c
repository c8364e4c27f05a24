/* Date checks are strict because due dates decide what counts as overdue. */
#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

int date_parse(const char *s, struct date *out)
{
	int v[3] = {0, 0, 0};
	const int widths[3] = {4, 2, 2};

	for (int f = 0; f < 3; f++) {
		for (int i = 0; i < widths[f]; i++, s++) {
			if (*s < '0' || *s > '9')
				return -1;
			v[f] = v[f] * 10 + (*s - '0');
		}
		if (f < 2 && *s++ != '-')
			return -1;
	}
	if (*s)
		return -1;
	if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > days_in_month(v[0], v[1]))
		return -1;
	out->year = v[0];
	out->month = v[1];
	out->day = v[2];
	return 0;
}

bool date_is_set(const struct date *d)
{
	return d->year != 0;
}

int date_cmp(const struct date *a, const struct date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

char *date_format(const struct date *d, char *buf)
{
	unsigned y = (unsigned)d->year % 10000u, m = (unsigned)d->month % 100u,
		 day = (unsigned)d->day % 100u;

	buf[0] = (char)('0' + y / 1000);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + day / 10);
	buf[9] = (char)('0' + day % 10);
	buf[10] = '\0';
	return buf;
}

void date_timestamp(time_t t, char buf[21])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	if (!strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm))
		buf[0] = '\0';
}

struct date date_of(time_t t)
{
	struct tm tm;
	struct date d;

	gmtime_r(&t, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}
