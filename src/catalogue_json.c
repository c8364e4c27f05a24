/* Renders the catalogue as JSON for scripts; both languages always included. */
#include "catalogue_view.h"
#include "json.h"

static void add_header(cJSON *doc, const struct catalogue *cat)
{
	json_add_str(doc, "framework", cat->framework);
	json_add_str(doc, "version", cat->version);
	json_add_bool(doc, "builtin", cat->builtin);
	json_add_str(doc, "sha256", cat->sha256);
	json_add_text(doc, "source", &cat->source);
}

static void add_levels(cJSON *obj, const struct cat_principle *p)
{
	cJSON *levels = json_add_array(obj, "levels");

	if (p->single) {
		json_push_str(levels, "all");
		return;
	}
	for (int l = 0; l < p->nlevels; l++)
		json_push_str(levels, level_name((enum level)l));
}

static cJSON *product_object(const struct catalogue *cat, size_t idx, int with_principles)
{
	const struct cat_product *p = &cat->products[idx];
	cJSON *o = cJSON_CreateObject();

	json_add_str(o, "id", p->id);
	json_add_str(o, "abbr", p->abbr);
	json_add_text(o, "name", &p->name);
	json_add_str(o, "category", p->category);
	json_add_text(o, "summary", &p->summary);
	if (with_principles) {
		cJSON *arr = json_add_array(o, "principles");

		for (size_t i = 0; i < cat->nprinciples; i++)
			if (catalogue_principle_uses(&cat->principles[i], idx))
				json_push_str(arr, cat->principles[i].id);
	}
	return o;
}

void catalogue_json_list(struct strbuf *out, const struct catalogue *cat,
			 const struct catalogue_filter *f)
{
	cJSON *doc, *arr;

	json_init();
	doc = cJSON_CreateObject();
	add_header(doc, cat);
	arr = json_add_array(doc, "principles");
	for (size_t i = 0; i < cat->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];
		cJSON *o;

		if (!catalogue_filter_match(cat, p, f))
			continue;
		o = cJSON_CreateObject();
		json_add_str(o, "id", p->id);
		json_add_str(o, "domain", cat->domains[p->domain].id);
		json_add_str(o, "component", cat->components[p->component].id);
		json_add_text(o, "name", &p->name);
		add_levels(o, p);
		json_add_str(o, "responsibility",
			     p->responsibility == RESP_NONE
				     ? NULL
				     : responsibility_name(p->responsibility));
		cJSON_AddItemToArray(arr, o);
	}
	json_render(out, doc);
	cJSON_Delete(doc);
}

void catalogue_json_show(struct strbuf *out, const struct catalogue *cat,
			 const struct cat_principle *p)
{
	const struct cat_domain *d = &cat->domains[p->domain];
	const struct cat_component *c = &cat->components[p->component];
	cJSON *doc, *o, *req;

	json_init();
	doc = cJSON_CreateObject();
	json_add_str(doc, "id", p->id);
	o = json_add_object(doc, "domain");
	json_add_str(o, "id", d->id);
	json_add_text(o, "name", &d->name);
	o = json_add_object(doc, "component");
	json_add_str(o, "id", c->id);
	json_add_text(o, "name", &c->name);
	json_add_text(doc, "name", &p->name);
	add_levels(doc, p);
	req = json_add_object(doc, "requirements");
	for (int l = 0; l < p->nlevels; l++)
		json_add_text(req, p->single ? "all" : level_name((enum level)l),
			      &p->requirement[l]);
	if (p->responsibility == RESP_NONE) {
		cJSON_AddNullToObject(doc, "response");
	} else {
		cJSON *resp = json_add_object(doc, "response"), *arr;

		json_add_str(resp, "responsibility", responsibility_name(p->responsibility));
		arr = json_add_array(resp, "products");
		for (size_t k = 0; k < p->nproducts; k++)
			cJSON_AddItemToArray(arr, product_object(cat, p->products[k], 0));
		json_add_text(resp, "customer", &p->customer);
		json_add_text(resp, "provider", &p->provider);
		arr = json_add_array(resp, "certifications");
		for (size_t k = 0; k < p->ncertifications; k++)
			json_push_str(arr, p->certifications[k]);
	}
	json_render(out, doc);
	cJSON_Delete(doc);
}

void catalogue_json_products(struct strbuf *out, const struct catalogue *cat,
			     const struct cat_product *product)
{
	cJSON *doc;

	json_init();
	if (product) {
		doc = product_object(cat, (size_t)(product - cat->products), 1);
	} else {
		cJSON *arr;

		doc = cJSON_CreateObject();
		add_header(doc, cat);
		arr = json_add_array(doc, "products");
		for (size_t k = 0; k < cat->nproducts; k++)
			cJSON_AddItemToArray(arr, product_object(cat, k, 1));
	}
	json_render(out, doc);
	cJSON_Delete(doc);
}

void catalogue_json_responsibility(struct strbuf *out, const struct catalogue *cat)
{
	cJSON *doc, *arr;

	json_init();
	doc = cJSON_CreateObject();
	json_add_text(doc, "note", &cat->resp_note);
	arr = json_add_array(doc, "models");
	for (size_t m = 0; m < cat->nmodels; m++) {
		cJSON *o = cJSON_CreateObject();

		json_add_str(o, "id", cat->models[m].id);
		json_add_text(o, "name", &cat->models[m].name);
		cJSON_AddItemToArray(arr, o);
	}
	arr = json_add_array(doc, "areas");
	for (size_t a = 0; a < cat->nareas; a++) {
		const struct cat_resp_area *area = &cat->areas[a];
		cJSON *o = cJSON_CreateObject(), *owner;

		json_add_str(o, "id", area->id);
		json_add_text(o, "name", &area->name);
		json_add_text(o, "description", &area->description);
		owner = json_add_object(o, "owner");
		for (size_t m = 0; m < cat->nmodels; m++)
			json_add_str(owner, cat->models[m].id, responsibility_name(area->owner[m]));
		cJSON_AddItemToArray(arr, o);
	}
	json_render(out, doc);
	cJSON_Delete(doc);
}
