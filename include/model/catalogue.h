/* The control catalogue: domains, components, principles and their requirements. */
#ifndef CRAF_CATALOGUE_H
#define CRAF_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "i18n.h"
#include "idmap.h"
#include "level.h"

struct ydoc;

enum responsibility {
	RESP_NONE = -1, /* no mapped response in this catalogue */
	RESP_CUSTOMER = 0,
	RESP_SHARED = 1,
	RESP_PROVIDER = 2,
};

#define RESP_COUNT 3

/* "customer", "shared", "provider", by responsibility. */
extern const char *const responsibility_names[RESP_COUNT];
const char *responsibility_name(enum responsibility r);
int responsibility_parse(const char *s, enum responsibility *out);

struct cat_product {
	const char *id;
	const char *abbr;
	struct text name;
	const char *category;
	struct text summary;
};

struct cat_principle {
	const char *id;
	unsigned num[3];  /* 3.10.1 -> {3, 10, 1}, for numeric order */
	size_t domain;	  /* index into catalogue.domains */
	size_t component; /* index into catalogue.components */
	struct text name;
	/* One requirement for every level, scored as baseline. */
	bool single;
	/* Levels present: 1..3; requirement[l] for l < nlevels. */
	int nlevels;
	struct text requirement[LEVEL_COUNT];
	/* The Tencent Cloud mapped response. */
	enum responsibility responsibility;
	size_t doc;	  /* the file that defines it (catalogue.docs) */
	int line, col;	  /* of its id there */
	size_t *products; /* indices into catalogue.products */
	size_t nproducts;
	struct text customer;
	struct text provider;
	const char **certifications;
	size_t ncertifications;
};

struct cat_component {
	const char *id;
	struct text name;
	int line, col; /* of its id in framework.yaml */
	size_t domain;
	size_t first, count; /* principles, contiguous */
};

struct cat_domain {
	const char *id;
	struct text name;
	const char *file;
	/* where it is declared and where its principles are, for diagnostics */
	int id_line;
	size_t doc;
	int principles_line, principles_col;
	size_t first_component, ncomponents;
	size_t first, count; /* principles, contiguous */
};

struct cat_resp_area {
	const char *id;
	struct text name;
	struct text description;
	enum responsibility *owner; /* one per model */
};

struct cat_resp_model {
	const char *id;
	struct text name;
};

/* An illustrative inherent-risk indicator and what each rating looks like. */
struct cat_risk_indicator {
	const char *id;
	struct text name;
	struct text rating[3]; /* low, medium, high */
};

struct cat_risk_category {
	const char *id;
	struct text name;
	struct cat_risk_indicator *indicators;
	size_t nindicators;
};

/*
 * src/gen/gen_catalogue.c writes each field of these structs as C data for the
 * built-in catalogue: a field added here needs a line there (and in
 * tests/unit/test_catalogue_builtin.c, which compares the two field by field).
 */
struct catalogue {
	const char *framework;
	const char *version;
	struct text source;
	struct text level_names[LEVEL_COUNT];
	const char *origin; /* the directory, or "built-in" */
	bool builtin;
	char sha256[65]; /* of every file as loaded, in load order */

	struct cat_domain *domains;
	size_t ndomains;
	struct cat_component *components;
	size_t ncomponents;
	struct cat_principle *principles; /* by domain, component, then id */
	size_t nprinciples;
	struct cat_product *products;
	size_t nproducts;

	struct cat_resp_model *models;
	size_t nmodels;
	struct cat_resp_area *areas;
	size_t nareas;
	struct text resp_note;

	/* inherent-risk.yaml; none in a catalogue without one */
	struct text risk_note;
	struct cat_risk_category *risk_categories;
	size_t nrisk_categories;

	/*
	 * private. The built-in catalogue is static data (gen_catalogue): no
	 * docs (the doc, line and col fields, read only while loading, keep the
	 * values the build's loader gave them), and nothing to free.
	 */
	struct arena arena;
	struct ydoc *docs; /* the loader's parsed files, which strings point into */
	size_t ndocs;
	void (*release_docs)(struct catalogue *cat); /* set by the loader */
	struct idmap principle_ids;
	struct idmap product_ids;
	struct idmap component_ids;
};

void catalogue_init(struct catalogue *cat);
void catalogue_release(struct catalogue *cat);

/* NULL when id is not in the catalogue. */
const struct cat_principle *catalogue_find(const struct catalogue *cat, const char *id);
const struct cat_product *catalogue_find_product(const struct catalogue *cat, const char *id);
const struct cat_risk_category *catalogue_find_risk_category(const struct catalogue *cat,
							     const char *id);
/* Total requirements over all principles. */
size_t catalogue_requirements(const struct catalogue *cat);
/* Orders principle ids numerically (3.2.1 before 3.10.1); for qsort-style use. */
int catalogue_id_cmp(const char *a, const char *b);

#endif
