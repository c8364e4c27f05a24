/* Renders the catalogue as JSON for scripts; both languages always included. */
#include <stdlib.h>

#include "catalogue_view.h"
#include "jsonw.h"
#include "xalloc.h"

static void add_header(struct jsonw *w, const struct catalogue *cat)
{
	jsonw_str(w, "framework", cat->framework);
	jsonw_str(w, "version", cat->version);
	jsonw_bool(w, "builtin", cat->builtin);
	jsonw_str(w, "sha256", cat->sha256);
	jsonw_text(w, "source", &cat->source);
}

static void add_levels(struct jsonw *w, const struct cat_principle *p)
{
	const char *names[LEVEL_COUNT];
	size_t n = 0;

	if (p->single)
		names[n++] = "all";
	else
		for (int l = 0; l < p->nlevels; l++)
			names[n++] = level_name((enum level)l);
	jsonw_strs(w, "levels", names, n);
}

static void product_object(struct jsonw *w, const struct catalogue *cat, size_t idx,
			   int with_principles)
{
	const struct cat_product *p = &cat->products[idx];

	jsonw_object(w, NULL);
	jsonw_str(w, "id", p->id);
	jsonw_str(w, "abbr", p->abbr);
	jsonw_text(w, "name", &p->name);
	jsonw_str(w, "category", p->category);
	jsonw_text(w, "summary", &p->summary);
	if (with_principles) {
		const char **ids = xmalloc((cat->nprinciples + 1) * sizeof(*ids));
		size_t n = 0;

		for (size_t i = 0; i < cat->nprinciples; i++)
			if (catalogue_principle_uses(&cat->principles[i], idx))
				ids[n++] = cat->principles[i].id;
		jsonw_strs(w, "principles", ids, n);
		free(ids);
	}
	jsonw_end(w);
}

void catalogue_json_list(struct strbuf *out, const struct catalogue *cat,
			 const struct catalogue_filter *f)
{
	struct jsonw w;

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	add_header(&w, cat);
	jsonw_array(&w, "principles", false);
	for (size_t i = 0; i < cat->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];

		if (!catalogue_filter_match(cat, p, f))
			continue;
		jsonw_object(&w, NULL);
		jsonw_str(&w, "id", p->id);
		jsonw_str(&w, "domain", cat->domains[p->domain].id);
		jsonw_str(&w, "component", cat->components[p->component].id);
		jsonw_text(&w, "name", &p->name);
		add_levels(&w, p);
		jsonw_str(&w, "responsibility",
			  p->responsibility == RESP_NONE ? NULL
							 : responsibility_name(p->responsibility));
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
}

void catalogue_json_show(struct strbuf *out, const struct catalogue *cat,
			 const struct cat_principle *p)
{
	const struct cat_domain *d = &cat->domains[p->domain];
	const struct cat_component *c = &cat->components[p->component];
	struct jsonw w;

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_str(&w, "id", p->id);
	jsonw_object(&w, "domain");
	jsonw_str(&w, "id", d->id);
	jsonw_text(&w, "name", &d->name);
	jsonw_end(&w);
	jsonw_object(&w, "component");
	jsonw_str(&w, "id", c->id);
	jsonw_text(&w, "name", &c->name);
	jsonw_end(&w);
	jsonw_text(&w, "name", &p->name);
	add_levels(&w, p);
	jsonw_object(&w, "requirements");
	for (int l = 0; l < p->nlevels; l++)
		jsonw_text(&w, p->single ? "all" : level_name((enum level)l), &p->requirement[l]);
	jsonw_end(&w);
	if (p->responsibility == RESP_NONE) {
		jsonw_null(&w, "response");
	} else {
		jsonw_object(&w, "response");
		jsonw_str(&w, "responsibility", responsibility_name(p->responsibility));
		jsonw_array(&w, "products", false);
		for (size_t k = 0; k < p->nproducts; k++)
			product_object(&w, cat, p->products[k], 0);
		jsonw_end(&w);
		jsonw_text(&w, "customer", &p->customer);
		jsonw_text(&w, "provider", &p->provider);
		jsonw_strs(&w, "certifications", p->certifications, p->ncertifications);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_finish(&w);
}

void catalogue_json_products(struct strbuf *out, const struct catalogue *cat,
			     const struct cat_product *product)
{
	struct jsonw w;

	jsonw_init(&w, out);
	if (product) {
		product_object(&w, cat, (size_t)(product - cat->products), 1);
	} else {
		jsonw_object(&w, NULL);
		add_header(&w, cat);
		jsonw_array(&w, "products", false);
		for (size_t k = 0; k < cat->nproducts; k++)
			product_object(&w, cat, k, 1);
		jsonw_end(&w);
		jsonw_end(&w);
	}
	jsonw_finish(&w);
}

void catalogue_json_responsibility(struct strbuf *out, const struct catalogue *cat)
{
	struct jsonw w;

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_text(&w, "note", &cat->resp_note);
	jsonw_array(&w, "models", false);
	for (size_t m = 0; m < cat->nmodels; m++) {
		jsonw_object(&w, NULL);
		jsonw_str(&w, "id", cat->models[m].id);
		jsonw_text(&w, "name", &cat->models[m].name);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_array(&w, "areas", false);
	for (size_t a = 0; a < cat->nareas; a++) {
		const struct cat_resp_area *area = &cat->areas[a];

		jsonw_object(&w, NULL);
		jsonw_str(&w, "id", area->id);
		jsonw_text(&w, "name", &area->name);
		jsonw_text(&w, "description", &area->description);
		jsonw_object(&w, "owner");
		for (size_t m = 0; m < cat->nmodels; m++)
			jsonw_str(&w, cat->models[m].id, responsibility_name(area->owner[m]));
		jsonw_end(&w);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
}
