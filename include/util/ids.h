/* The shape of every identifier craf reads: one rule for the catalogue and for saved reports. */
#ifndef CRAF_IDS_H
#define CRAF_IDS_H

#include <stdbool.h>
#include <stddef.h>

enum ids_kind {
	IDS_DOMAIN,    /* one number: 3 */
	IDS_COMPONENT, /* two numbers: 3.1 */
	IDS_CONTROL,   /* three numbers: 3.1.2 (a principle) */
	IDS_SLUG,      /* lowercase a-z, 0-9 and -: products, categories, models, areas */
};

/* The longest id of any kind, in bytes; longer ones are refused. */
#define IDS_MAX_LEN 64
/* The most numbers in a numeric id. */
#define IDS_MAX_PARTS 3

/*
 * Checks s against kind's rule. Numeric kinds have their numbers written to
 * num (which may be NULL): no sign, no leading zero, at most six digits each.
 * Returns 0, or -1 when s breaks the rule.
 */
int ids_check(enum ids_kind kind, const char *s, unsigned num[IDS_MAX_PARTS]);
/* What an id of kind looks like, to end a message: "three numbers, as in 3.1.2". */
const char *ids_shape(enum ids_kind kind);
/*
 * True when child (a component or a control id) lies under parent (a domain
 * or component id): 3.1.2 under 3.1 and under 3. Both must be valid ids.
 */
bool ids_under(const char *child, const char *parent);

#endif
