/* Several assessment cycles side by side, in date order. */
#ifndef CRAF_TREND_H
#define CRAF_TREND_H

#include <stddef.h>

#include "result.h"

/* Orders cycles by assessment date, keeping the given order for equal dates. */
void trend_sort(const struct result **cycles, size_t n);

/* Domains of every cycle, newest catalogue first, each id once; free() it. */
struct trend_domain {
	const char *id;
	struct text name;
};
struct trend_domain *trend_domains(const struct result **cycles, size_t n, size_t *ndomains);
/* The domain's achieved level in r, or LEVEL_NONE - 1 when r's catalogue lacks it. */
int trend_domain_level(const struct result *r, const char *id);

#endif
