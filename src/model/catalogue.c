/* The catalogue's own operations: lookups, ordering and release, whoever loaded it. */
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>

#include "names.h"

const char *const responsibility_names[RESP_COUNT] = {"customer", "shared", "provider"};

NAMES_ENUM_FUNCTIONS(responsibility, enum responsibility, responsibility_names, RESP_COUNT, "none")

void catalogue_init(struct catalogue *cat)
{
	memset(cat, 0, sizeof(*cat));
	arena_init(&cat->arena);
	idmap_init(&cat->principle_ids);
	idmap_init(&cat->product_ids);
	idmap_init(&cat->component_ids);
}

void catalogue_release(struct catalogue *cat)
{
	/* The built-in catalogue is static data (catalogue_builtin.c): nothing to free. */
	if (cat->builtin) {
		catalogue_init(cat);
		return;
	}
	if (cat->release_docs)
		cat->release_docs(cat);
	free(cat->principles);
	free(cat->components);
	free(cat->domains);
	free(cat->products);
	idmap_release(&cat->principle_ids);
	idmap_release(&cat->product_ids);
	idmap_release(&cat->component_ids);
	arena_release(&cat->arena);
	catalogue_init(cat);
}

int catalogue_id_cmp(const char *a, const char *b)
{
	for (;;) {
		unsigned long x = 0, y = 0;

		while (*a >= '0' && *a <= '9')
			x = x * 10 + (unsigned long)(*a++ - '0');
		while (*b >= '0' && *b <= '9')
			y = y * 10 + (unsigned long)(*b++ - '0');
		if (x != y)
			return x < y ? -1 : 1;
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		if (!*a)
			return 0;
		a++;
		b++;
	}
}

const struct cat_principle *catalogue_find(const struct catalogue *cat, const char *id)
{
	size_t i;

	if (idmap_get(&cat->principle_ids, id, &i))
		return NULL;
	return &cat->principles[i];
}

const struct cat_product *catalogue_find_product(const struct catalogue *cat, const char *id)
{
	size_t i;

	if (idmap_get(&cat->product_ids, id, &i))
		return NULL;
	return &cat->products[i];
}

const struct cat_risk_category *catalogue_find_risk_category(const struct catalogue *cat,
							     const char *id)
{
	for (size_t i = 0; i < cat->nrisk_categories; i++)
		if (!strcmp(cat->risk_categories[i].id, id))
			return &cat->risk_categories[i];
	return NULL;
}

size_t catalogue_requirements(const struct catalogue *cat)
{
	size_t n = 0;

	for (size_t i = 0; i < cat->nprinciples; i++)
		n += (size_t)cat->principles[i].nlevels;
	return n;
}
