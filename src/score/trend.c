/* The rules of a trend: cycles in date order, the domains they share, each one's level. */
#include "trend.h"

#include <string.h>

#include "xalloc.h"

void trend_sort(const struct result **cycles, size_t n)
{
	/* Insertion sort: stable, so equal dates keep the order given. */
	for (size_t i = 1; i < n; i++) {
		const struct result *r = cycles[i];
		size_t j = i;

		while (j > 0 &&
		       date_cmp(&cycles[j - 1]->assessment_date, &r->assessment_date) > 0) {
			cycles[j] = cycles[j - 1];
			j--;
		}
		cycles[j] = r;
	}
}

struct trend_domain *trend_domains(const struct result **c, size_t n, size_t *nrows)
{
	size_t total = 0, k = 0;
	struct trend_domain *rows;

	for (size_t i = 0; i < n; i++)
		total += c[i]->ndomains;
	rows = xcalloc(total + 1, sizeof(*rows));
	for (size_t i = n; i-- > 0;)
		for (size_t d = 0; d < c[i]->ndomains; d++) {
			size_t j;

			for (j = 0; j < k; j++)
				if (!strcmp(rows[j].id, c[i]->domains[d].id))
					break;
			if (j == k) {
				rows[k].id = c[i]->domains[d].id;
				rows[k].name = c[i]->domains[d].name;
				k++;
			}
		}
	*nrows = k;
	return rows;
}

int trend_domain_level(const struct result *r, const char *id)
{
	for (size_t d = 0; d < r->ndomains; d++)
		if (!strcmp(r->domains[d].id, id))
			return r->domains[d].achieved;
	return LEVEL_NONE - 1;
}
