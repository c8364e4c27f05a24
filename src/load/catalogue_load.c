/* Loads and checks the control catalogue, built in or from a directory. */
#include "catalogue_load.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ids.h"
#include "schema.h"
#include "digest.h"
#include "strbuf.h"
#include "suggest.h"
#include "workers.h"
#include "xalloc.h"
#include "yamldoc.h"

/* Below this many bytes of catalogue, starting threads costs more than it saves. */
#define PREFETCH_MIN_BYTES ((size_t)1 << 20)

static const char *const categories[] = {
	"identity",	      "network",	"data",	  "workload",	     "security-operations",
	"logging-monitoring", "infrastructure", "devops", "testing-advisory"};

/*
 * The files after framework.yaml, read and parsed ahead on several threads,
 * then taken in the order the loader asks for them: its diagnostics come
 * out as if read one after another.
 */
struct prefetch {
	const char *dir;
	char **names;
	struct ydoc *docs;
	struct diag_list *dls;
	int *read_rets; /* written by the reading pass, then only read */
	int *rets;
	size_t n, next;
	const struct ydoc *framework;
	char sha256[65]; /* of framework.yaml and these files, in this order */
};

/* Where the files come from: a directory, or the built-in table. */
struct loader {
	struct catalogue *cat;
	struct diag_list *dl;
	const char *dir; /* NULL for files in memory */
	const struct catalogue_file *files;
	size_t nfiles;
	struct prefetch *pf;
	size_t docs_alloc;
	size_t domains_alloc, components_alloc, principles_alloc;
};

static const struct catalogue_file *find_embedded(const struct loader *ld, const char *name)
{
	for (size_t i = 0; i < ld->nfiles; i++)
		if (!strcmp(ld->files[i].name, name))
			return &ld->files[i];
	return NULL;
}

static bool file_exists(struct loader *ld, const char *name)
{
	struct strbuf path = STRBUF_INIT;
	struct stat st;
	bool ok;

	if (!ld->dir)
		return find_embedded(ld, name) != NULL;
	strbuf_addf(&path, "%s/%s", ld->dir, name);
	ok = stat(path.buf, &st) == 0;
	strbuf_release(&path);
	return ok;
}

/* The name a catalogue file is hashed under: its path's last part. */
static const char *doc_basename(const struct ydoc *doc)
{
	const char *slash = strrchr(doc->name, '/');

	return slash ? slash + 1 : doc->name;
}

/* The catalogue's digest covers every file's name and bytes, in loading order. */
static void hash_doc(struct digest *h, const struct ydoc *doc)
{
	const char *name = doc_basename(doc);

	digest_update(h, name, strlen(name) + 1);
	digest_update(h, doc->data, doc->len);
}

static void hash_docs(const struct ydoc *docs, size_t n, char out[65])
{
	struct digest h;

	digest_init(&h);
	for (size_t i = 0; i < n; i++)
		hash_doc(&h, &docs[i]);
	digest_final_hex(&h, out);
}

static void prefetch_read(void *arg, size_t i)
{
	struct prefetch *pf = arg;
	struct strbuf path = STRBUF_INIT;

	strbuf_addf(&path, "%s/%s", pf->dir, pf->names[i]);
	pf->read_rets[i] = ydoc_read_file(&pf->docs[i], path.buf, &pf->dls[i]);
	strbuf_release(&path);
}

/* Job 0 hashes every file in order while the others parse one file each. */
static void prefetch_parse(void *arg, size_t i)
{
	struct prefetch *pf = arg;

	if (i == 0) {
		struct digest h;

		digest_init(&h);
		hash_doc(&h, pf->framework);
		for (size_t k = 0; k < pf->n; k++) {
			if (pf->read_rets[k])
				return;
			hash_doc(&h, &pf->docs[k]);
		}
		digest_final_hex(&h, pf->sha256);
		return;
	}
	pf->rets[i - 1] =
		pf->read_rets[i - 1] ? -1 : ydoc_parse_yaml(&pf->docs[i - 1], &pf->dls[i - 1]);
}

static void prefetch_free(struct prefetch *pf)
{
	if (!pf)
		return;
	for (size_t i = 0; i < pf->n; i++) {
		free(pf->names[i]);
		if (pf->docs) {
			ydoc_release(&pf->docs[i]);
			diag_list_release(&pf->dls[i]);
		}
	}
	free(pf->names);
	free(pf->docs);
	free(pf->dls);
	free(pf->read_rets);
	free(pf->rets);
	free(pf);
}

/*
 * Reads and parses the files the loader will open after framework.yaml on
 * several threads, when they are large enough to gain from it.
 */
static void prefetch_start(struct loader *ld)
{
	static const char *const support[] = {"products.yaml", "responsibility.yaml",
					      "inherent-risk.yaml"};
	const struct catalogue *cat = ld->cat;
	size_t max = sizeof(support) / sizeof(*support) + cat->ndomains, total = 0;
	struct prefetch *pf;

	if (!ld->dir || workers_count() < 2)
		return;
	pf = xcalloc(1, sizeof(*pf));
	pf->dir = ld->dir;
	pf->framework = &cat->docs[0];
	pf->names = xcalloc(max, sizeof(*pf->names));
	for (size_t i = 0; i < max; i++) {
		const char *name = i < 3 ? support[i] : cat->domains[i - 3].file;
		struct strbuf path = STRBUF_INIT;
		struct stat st;

		strbuf_addf(&path, "%s/%s", ld->dir, name);
		if (stat(path.buf, &st) == 0 && S_ISREG(st.st_mode))
			total += (size_t)st.st_size;
		else if (i < 3) /* optional, and the loader will not ask for it */
			name = NULL;
		strbuf_release(&path);
		if (name)
			pf->names[pf->n++] = xstrdup(name);
	}
	if (total < PREFETCH_MIN_BYTES) {
		prefetch_free(pf);
		return;
	}
	pf->docs = xcalloc(pf->n, sizeof(*pf->docs));
	pf->dls = xcalloc(pf->n, sizeof(*pf->dls));
	pf->read_rets = xcalloc(pf->n, sizeof(*pf->read_rets));
	pf->rets = xcalloc(pf->n, sizeof(*pf->rets));
	for (size_t i = 0; i < pf->n; i++) {
		ydoc_init(&pf->docs[i]);
		diag_list_init(&pf->dls[i]);
	}
	workers_run(pf->n, prefetch_read, pf);
	workers_run(pf->n + 1, prefetch_parse, pf);
	pf->framework = NULL;
	ld->pf = pf;
}

/* Returns the loaded document, or NULL with the reason recorded. */
static struct ydoc *open_doc(struct loader *ld, const char *name)
{
	struct catalogue *cat = ld->cat;
	struct prefetch *pf = ld->pf;
	struct ydoc *doc;
	int ret;

	/* name is one of craf's, or a domain's file that load_domains kept inside the directory. */
	cat->docs = xgrow(cat->docs, &ld->docs_alloc, cat->ndocs + 1, sizeof(*cat->docs));
	doc = &cat->docs[cat->ndocs++];
	ydoc_init(doc);
	if (pf && pf->next < pf->n && !strcmp(pf->names[pf->next], name)) {
		size_t i = pf->next++;

		*doc = pf->docs[i];
		ydoc_init(&pf->docs[i]);
		diag_list_append(ld->dl, &pf->dls[i]);
		ret = pf->rets[i];
	} else if (ld->dir) {
		struct strbuf path = STRBUF_INIT;

		strbuf_addf(&path, "%s/%s", ld->dir, name);
		ret = ydoc_load_file(doc, path.buf, ld->dl);
		strbuf_release(&path);
	} else {
		const struct catalogue_file *f = find_embedded(ld, name);
		struct strbuf label = STRBUF_INIT;

		strbuf_addf(&label, "<built-in>/%s", name);
		if (!f)
			ret = diag_error(ld->dl, label.buf, 1, 1, 1, NULL,
					 "file missing from the built-in catalogue");
		else
			ret = ydoc_load_buffer(doc, label.buf, (const char *)f->data, f->len,
					       ld->dl);
		strbuf_release(&label);
	}
	if (ret)
		return NULL;
	return doc;
}

/* ---- products.yaml ---- */

struct raw_product {
	const char *id, *abbr, *category;
	struct text name, summary;
};

static int load_category(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	int i;

	if (schema_enum(ctx, node, "product category", categories, ARRAY_SIZE(categories), &i))
		return -1;
	*(const char **)dest = categories[i];
	return 0;
}

static int load_product(struct loader *ld, struct schema_ctx *ctx, const struct ynode *node)
{
	static const struct schema_field fields[] = {
		{"id", schema_slug, offsetof(struct raw_product, id), true},
		{"abbr", schema_string, offsetof(struct raw_product, abbr), true},
		{"name", schema_text, offsetof(struct raw_product, name), true},
		{"category", load_category, offsetof(struct raw_product, category), true},
		{"summary", schema_text, offsetof(struct raw_product, summary), true},
	};
	struct catalogue *cat = ld->cat;
	struct raw_product raw = {0};
	struct cat_product *p;

	if (schema_mapping(ctx, node, "product", fields, ARRAY_SIZE(fields), &raw))
		return -1;
	if (idmap_put(&cat->product_ids, raw.id, cat->nproducts))
		return ydoc_error(ctx->doc, ctx->dl, ynode_get(node, "id"),
				  "duplicate product id \"%s\"", raw.id);
	p = &cat->products[cat->nproducts++];
	p->id = raw.id;
	p->abbr = raw.abbr;
	p->name = raw.name;
	p->category = raw.category;
	p->summary = raw.summary;
	return 0;
}

static int load_products(struct loader *ld)
{
	struct schema_ctx ctx;
	const struct ynode *list;
	struct ydoc *doc;
	int ret = 0;

	if (!file_exists(ld, "products.yaml"))
		return 0;
	doc = open_doc(ld, "products.yaml");
	if (!doc)
		return -1;
	ctx = (struct schema_ctx){doc, ld->dl, &ld->cat->arena, NULL};
	{
		static const struct schema_field fields[] = {
			{"products", schema_node, 0, true}, /* into list itself */
		};

		if (schema_mapping(&ctx, doc->root, "products.yaml", fields, ARRAY_SIZE(fields),
				   &list))
			return -1;
	}
	if (schema_expect(&ctx, list, YNODE_SEQUENCE, "products"))
		return -1;
	ld->cat->products = xcalloc(list->nr, sizeof(*ld->cat->products));
	for (size_t i = 0; i < list->nr; i++)
		if (load_product(ld, &ctx, list->items[i]))
			ret = -1;
	return ret;
}

/* ---- responsibility.yaml ---- */

static int parse_resp(struct schema_ctx *ctx, const struct ynode *node, enum responsibility *out)
{
	return schema_enum(ctx, node, "responsibility", responsibility_names, RESP_COUNT,
			   (int *)out);
}

struct raw_model {
	const char *id;
	struct text name;
};

struct raw_area {
	const char *id;
	struct text name, description;
	const struct ynode *owner;
};

struct raw_responsibility {
	const struct ynode *models, *areas;
	struct text note;
};

static int load_responsibility(struct loader *ld)
{
	static const struct schema_field top[] = {
		{"models", schema_node, offsetof(struct raw_responsibility, models), true},
		{"areas", schema_node, offsetof(struct raw_responsibility, areas), true},
		{"note", schema_text, offsetof(struct raw_responsibility, note), false},
	};
	static const struct schema_field model_fields[] = {
		{"id", schema_slug, offsetof(struct raw_model, id), true},
		{"name", schema_text, offsetof(struct raw_model, name), true},
	};
	static const struct schema_field area_fields[] = {
		{"id", schema_slug, offsetof(struct raw_area, id), true},
		{"name", schema_text, offsetof(struct raw_area, name), true},
		{"description", schema_text, offsetof(struct raw_area, description), true},
		{"owner", schema_node, offsetof(struct raw_area, owner), true},
	};
	struct raw_responsibility raw = {0};
	struct catalogue *cat = ld->cat;
	struct schema_ctx ctx;
	struct ydoc *doc;
	int ret = 0;

	if (!file_exists(ld, "responsibility.yaml"))
		return 0;
	doc = open_doc(ld, "responsibility.yaml");
	if (!doc)
		return -1;
	ctx = (struct schema_ctx){doc, ld->dl, &cat->arena, NULL};
	if (schema_mapping(&ctx, doc->root, "responsibility.yaml", top, ARRAY_SIZE(top), &raw))
		return -1;
	cat->resp_note = raw.note;
	if (schema_expect(&ctx, raw.models, YNODE_SEQUENCE, "models") ||
	    schema_expect(&ctx, raw.areas, YNODE_SEQUENCE, "areas"))
		return -1;
	cat->models = arena_array(&cat->arena, raw.models->nr, sizeof(*cat->models));
	for (size_t i = 0; i < raw.models->nr; i++) {
		struct raw_model m = {0};

		if (schema_mapping(&ctx, raw.models->items[i], "model", model_fields,
				   ARRAY_SIZE(model_fields), &m)) {
			ret = -1;
			continue;
		}
		cat->models[cat->nmodels].id = m.id;
		cat->models[cat->nmodels].name = m.name;
		cat->nmodels++;
	}
	if (ret)
		return -1;
	cat->areas = arena_array(&cat->arena, raw.areas->nr, sizeof(*cat->areas));
	for (size_t i = 0; i < raw.areas->nr; i++) {
		struct raw_area a = {0};
		struct cat_resp_area *out = &cat->areas[cat->nareas];

		if (schema_mapping(&ctx, raw.areas->items[i], "area", area_fields,
				   ARRAY_SIZE(area_fields), &a)) {
			ret = -1;
			continue;
		}
		out->id = a.id;
		out->name = a.name;
		out->description = a.description;
		out->owner = arena_array(&cat->arena, cat->nmodels, sizeof(*out->owner));
		if (schema_expect(&ctx, a.owner, YNODE_MAPPING, "owner")) {
			ret = -1;
			continue;
		}
		for (size_t m = 0; m < cat->nmodels; m++) {
			const struct ynode *v = ynode_get(a.owner, cat->models[m].id);

			if (!v) {
				ret = ydoc_error(&ctx.doc[0], ld->dl, a.owner,
						 "missing owner for model \"%s\"",
						 cat->models[m].id);
				continue;
			}
			if (parse_resp(&ctx, v, &out->owner[m]))
				ret = -1;
		}
		for (size_t k = 0; k < a.owner->nr; k++) {
			size_t m;

			for (m = 0; m < cat->nmodels; m++)
				if (!strcmp(a.owner->pairs[k].key->str, cat->models[m].id))
					break;
			if (m == cat->nmodels)
				ret = ydoc_error(doc, ld->dl, a.owner->pairs[k].key,
						 "unknown model \"%s\" in owner",
						 a.owner->pairs[k].key->str);
		}
		cat->nareas++;
	}
	return ret;
}

/* ---- inherent-risk.yaml ---- */

struct raw_indicator {
	const char *id;
	struct text name, low, medium, high;
};

struct raw_category {
	const char *id;
	struct text name;
	const struct ynode *indicators;
};

struct raw_risk_model {
	struct text note;
	const struct ynode *categories;
};

static int load_risk_model(struct loader *ld)
{
	static const struct schema_field top[] = {
		{"note", schema_text, offsetof(struct raw_risk_model, note), true},
		{"categories", schema_node, offsetof(struct raw_risk_model, categories), true},
	};
	static const struct schema_field cat_fields[] = {
		{"id", schema_slug, offsetof(struct raw_category, id), true},
		{"name", schema_text, offsetof(struct raw_category, name), true},
		{"indicators", schema_node, offsetof(struct raw_category, indicators), true},
	};
	static const struct schema_field ind_fields[] = {
		{"id", schema_slug, offsetof(struct raw_indicator, id), true},
		{"name", schema_text, offsetof(struct raw_indicator, name), true},
		{"low", schema_text, offsetof(struct raw_indicator, low), true},
		{"medium", schema_text, offsetof(struct raw_indicator, medium), true},
		{"high", schema_text, offsetof(struct raw_indicator, high), true},
	};
	struct raw_risk_model raw = {0};
	struct catalogue *cat = ld->cat;
	struct schema_ctx ctx;
	struct ydoc *doc;
	int ret = 0;

	if (!file_exists(ld, "inherent-risk.yaml"))
		return 0;
	doc = open_doc(ld, "inherent-risk.yaml");
	if (!doc)
		return -1;
	ctx = (struct schema_ctx){doc, ld->dl, &cat->arena, NULL};
	if (schema_mapping(&ctx, doc->root, "inherent-risk.yaml", top, ARRAY_SIZE(top), &raw) ||
	    schema_expect(&ctx, raw.categories, YNODE_SEQUENCE, "categories"))
		return -1;
	cat->risk_note = raw.note;
	cat->risk_categories =
		arena_array(&cat->arena, raw.categories->nr, sizeof(*cat->risk_categories));
	for (size_t i = 0; i < raw.categories->nr; i++) {
		struct raw_category rc = {0};
		struct cat_risk_category *c;

		if (schema_mapping(&ctx, raw.categories->items[i], "category", cat_fields,
				   ARRAY_SIZE(cat_fields), &rc) ||
		    schema_expect(&ctx, rc.indicators, YNODE_SEQUENCE, "indicators")) {
			ret = -1;
			continue;
		}
		if (catalogue_find_risk_category(cat, rc.id)) {
			ret = ydoc_error(doc, ld->dl, raw.categories->items[i],
					 "duplicate category \"%s\"", rc.id);
			continue;
		}
		c = &cat->risk_categories[cat->nrisk_categories++];
		c->id = rc.id;
		c->name = rc.name;
		c->indicators = arena_array(&cat->arena, rc.indicators->nr, sizeof(*c->indicators));
		for (size_t k = 0; k < rc.indicators->nr; k++) {
			struct raw_indicator ri = {0};
			struct cat_risk_indicator *ind;

			if (schema_mapping(&ctx, rc.indicators->items[k], "indicator", ind_fields,
					   ARRAY_SIZE(ind_fields), &ri)) {
				ret = -1;
				continue;
			}
			ind = &c->indicators[c->nindicators++];
			ind->id = ri.id;
			ind->name = ri.name;
			ind->rating[0] = ri.low;
			ind->rating[1] = ri.medium;
			ind->rating[2] = ri.high;
		}
	}
	return ret;
}

/* ---- domain files ---- */

struct raw_response {
	const char *responsibility;
	const struct ynode *responsibility_node;
	const struct ynode *products;
	struct text customer, provider;
	struct strlist certifications;
};

static int load_response(struct loader *ld, struct schema_ctx *ctx, const struct ynode *node,
			 struct cat_principle *p)
{
	static const struct schema_field fields[] = {
		{"responsibility", schema_node, offsetof(struct raw_response, responsibility_node),
		 true},
		{"products", schema_node, offsetof(struct raw_response, products), true},
		{"customer", schema_text, offsetof(struct raw_response, customer), true},
		{"provider", schema_text, offsetof(struct raw_response, provider), true},
		{"certifications", schema_string_list,
		 offsetof(struct raw_response, certifications), false},
	};
	struct catalogue *cat = ld->cat;
	struct raw_response raw = {0};
	int ret;

	ret = schema_mapping(ctx, node, "response", fields, ARRAY_SIZE(fields), &raw);
	if (raw.responsibility_node && parse_resp(ctx, raw.responsibility_node, &p->responsibility))
		ret = -1;
	p->customer = raw.customer;
	p->provider = raw.provider;
	p->certifications = raw.certifications.items;
	p->ncertifications = raw.certifications.nr;
	if (!raw.products)
		return -1;
	if (schema_expect(ctx, raw.products, YNODE_SEQUENCE, "products"))
		return -1;
	p->products = arena_array(&cat->arena, raw.products->nr, sizeof(size_t));
	for (size_t i = 0; i < raw.products->nr; i++) {
		const struct ynode *item = raw.products->items[i];
		const char *id = NULL;
		size_t idx;

		if (schema_string(ctx, item, &id)) {
			ret = -1;
			continue;
		}
		if (idmap_get(&cat->product_ids, id, &idx)) {
			const char **ids = xmalloc((cat->nproducts + 1) * sizeof(*ids));
			const char *near;

			for (size_t k = 0; k < cat->nproducts; k++)
				ids[k] = cat->products[k].id;
			near = diag_list_full(ctx->dl) ? NULL
						       : suggest_nearest(id, ids, cat->nproducts);
			if (near)
				ret = ydoc_error(ctx->doc, ctx->dl, item,
						 "unknown product \"%s\" (did you mean \"%s\"?)",
						 id, near);
			else
				ret = ydoc_error(ctx->doc, ctx->dl, item,
						 "unknown product \"%s\" (not in products.yaml)",
						 id);
			free(ids);
			continue;
		}
		for (size_t k = 0; k < p->nproducts; k++)
			if (p->products[k] == idx) {
				ret = ydoc_error(ctx->doc, ctx->dl, item,
						 "product \"%s\" listed twice", id);
				idx = (size_t)-1;
				break;
			}
		if (idx != (size_t)-1)
			p->products[p->nproducts++] = idx;
	}
	return ret;
}

static int load_requirements(struct schema_ctx *ctx, const struct ynode *node,
			     struct cat_principle *p)
{
	static const char *const keys[] = {"baseline", "intermediate", "advanced"};
	const struct ynode *all;
	int ret = 0;

	if (schema_expect(ctx, node, YNODE_MAPPING, "requirements"))
		return -1;
	all = ynode_get(node, "all");
	if (all) {
		if (node->nr != 1)
			return ydoc_error(ctx->doc, ctx->dl, node,
					  "requirements: \"all\" cannot be combined with levels");
		p->single = true;
		p->nlevels = 1;
		return schema_text(ctx, all, &p->requirement[0]);
	}
	for (size_t i = 0; i < node->nr; i++) {
		const struct ynode *k = node->pairs[i].key;
		enum level l;

		if (level_parse(k->str, &l)) {
			ret = ydoc_error(
				ctx->doc, ctx->dl, k,
				"unknown requirement level \"%s\" (expected baseline, intermediate, advanced or all)",
				k->str);
			continue;
		}
		if (schema_text(ctx, node->pairs[i].value, &p->requirement[l]))
			ret = -1;
	}
	if (ret)
		return -1;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		if (ynode_get(node, keys[l])) {
			const struct ynode *key = NULL;

			for (size_t i = 0; i < node->nr; i++)
				if (!strcmp(node->pairs[i].key->str, keys[l]))
					key = node->pairs[i].key;
			if (p->nlevels != l)
				return ydoc_error(
					ctx->doc, ctx->dl, key,
					"requirements: \"%s\" given without \"%s\" (levels are cumulative)",
					keys[l], keys[l - 1]);
			p->nlevels = l + 1;
		}
	}
	if (!p->nlevels)
		return ydoc_error(ctx->doc, ctx->dl, node,
				  "requirements: at least \"baseline\" (or \"all\") is required");
	return 0;
}

struct raw_principle {
	const char *id;
	struct text name;
	const struct ynode *requirements;
	const struct ynode *response;
};

static int load_principle(struct loader *ld, struct schema_ctx *ctx, size_t domain,
			  const struct ynode *node)
{
	static const struct schema_field fields[] = {
		{"id", schema_string, offsetof(struct raw_principle, id), true},
		{"name", schema_text, offsetof(struct raw_principle, name), true},
		{"requirements", schema_node, offsetof(struct raw_principle, requirements), true},
		{"response", schema_node, offsetof(struct raw_principle, response), false},
	};
	struct catalogue *cat = ld->cat;
	struct raw_principle raw = {0};
	struct cat_principle p;
	const struct ynode *idnode;
	int ret;

	memset(&p, 0, sizeof(p));
	ret = schema_mapping(ctx, node, "principle", fields, ARRAY_SIZE(fields), &raw);
	if (!raw.id)
		return -1;
	idnode = ynode_get(node, "id");
	if (ids_check(IDS_CONTROL, raw.id, p.num))
		return ydoc_error(ctx->doc, ctx->dl, idnode,
				  "invalid principle id \"%s\" (expected %s)", raw.id,
				  ids_shape(IDS_CONTROL));
	p.id = raw.id;
	p.name = raw.name;
	p.domain = domain;
	p.doc = cat->ndocs - 1;
	p.line = idnode->line;
	p.col = idnode->col;
	p.responsibility = RESP_NONE;
	{
		const struct cat_domain *d = &cat->domains[domain];
		char comp[32];
		size_t c;

		if (strtoul(d->id, NULL, 10) != p.num[0])
			return ydoc_error(ctx->doc, ctx->dl, idnode,
					  "principle \"%s\" does not belong to domain %s", raw.id,
					  d->id);
		snprintf(comp, sizeof(comp), "%u.%u", p.num[0], p.num[1]);
		/*
		 * A hash look-up: a large catalogue has thousands of components. One
		 * found is this domain's: a component's id is under its domain's.
		 */
		if (idmap_get(&cat->component_ids, comp, &c))
			return ydoc_error(
				ctx->doc, ctx->dl, idnode,
				"principle \"%s\": component %s is not declared in framework.yaml",
				raw.id, comp);
		p.component = c;
	}
	if (raw.requirements && load_requirements(ctx, raw.requirements, &p))
		ret = -1;
	if (raw.response && load_response(ld, ctx, raw.response, &p))
		ret = -1;
	if (ret)
		return -1;
	cat->principles = xgrow(cat->principles, &ld->principles_alloc, cat->nprinciples + 1,
				sizeof(*cat->principles));
	cat->principles[cat->nprinciples++] = p;
	return 0;
}

struct raw_domain_file {
	const char *domain;
	const struct ynode *principles;
};

static int load_domain_file(struct loader *ld, size_t domain)
{
	static const struct schema_field fields[] = {
		{"domain", schema_string, offsetof(struct raw_domain_file, domain), true},
		{"principles", schema_node, offsetof(struct raw_domain_file, principles), true},
	};
	struct catalogue *cat = ld->cat;
	struct raw_domain_file raw = {0};
	struct schema_ctx ctx;
	struct ydoc *doc = open_doc(ld, cat->domains[domain].file);
	int ret = 0;

	if (!doc)
		return -1;
	ctx = (struct schema_ctx){doc, ld->dl, &cat->arena, NULL};
	if (schema_mapping(&ctx, doc->root, "domain file", fields, ARRAY_SIZE(fields), &raw))
		return -1;
	if (strcmp(raw.domain, cat->domains[domain].id))
		return ydoc_error(
			doc, ld->dl, ynode_get(doc->root, "domain"),
			"this file is for domain %s, but framework.yaml names it for domain %s",
			raw.domain, cat->domains[domain].id);
	if (schema_expect(&ctx, raw.principles, YNODE_SEQUENCE, "principles"))
		return -1;
	cat->domains[domain].doc = cat->ndocs - 1;
	cat->domains[domain].principles_line = raw.principles->line;
	cat->domains[domain].principles_col = raw.principles->col;
	for (size_t i = 0; i < raw.principles->nr; i++)
		if (load_principle(ld, &ctx, domain, raw.principles->items[i]))
			ret = -1;
	return ret;
}

/* ---- framework.yaml ---- */

struct raw_level {
	const char *id;
	struct text name;
};

struct raw_component {
	const char *id;
	struct text name;
};

struct raw_domain {
	const char *id, *file;
	struct text name;
	const struct ynode *components;
};

struct raw_framework {
	const char *framework, *version;
	struct text source;
	const struct ynode *levels, *domains;
};

static int load_levels(struct loader *ld, struct schema_ctx *ctx, const struct ynode *node)
{
	static const struct schema_field fields[] = {
		{"id", schema_string, offsetof(struct raw_level, id), true},
		{"name", schema_text, offsetof(struct raw_level, name), true},
	};
	int ret = 0;

	if (schema_expect(ctx, node, YNODE_SEQUENCE, "levels"))
		return -1;
	if (node->nr != LEVEL_COUNT)
		return ydoc_error(ctx->doc, ctx->dl, node,
				  "levels: expected exactly baseline, intermediate and advanced");
	for (size_t i = 0; i < node->nr; i++) {
		struct raw_level l = {0};

		if (schema_mapping(ctx, node->items[i], "level", fields, ARRAY_SIZE(fields), &l)) {
			ret = -1;
			continue;
		}
		if (strcmp(l.id, level_name((enum level)i)))
			ret = ydoc_error(ctx->doc, ctx->dl, ynode_get(node->items[i], "id"),
					 "level %zu must be \"%s\", not \"%s\"", i + 1,
					 level_name((enum level)i), l.id);
		ld->cat->level_names[i] = l.name;
	}
	return ret;
}

static int load_component(struct loader *ld, struct schema_ctx *ctx, size_t domain,
			  const struct ynode *node)
{
	static const struct schema_field fields[] = {
		{"id", schema_string, offsetof(struct raw_component, id), true},
		{"name", schema_text, offsetof(struct raw_component, name), true},
	};
	struct catalogue *cat = ld->cat;
	struct cat_domain *d = &cat->domains[domain];
	struct raw_component rc = {0};
	unsigned num[IDS_MAX_PARTS];

	if (schema_mapping(ctx, node, "component", fields, ARRAY_SIZE(fields), &rc))
		return -1;
	if (ids_check(IDS_COMPONENT, rc.id, num) || !ids_under(rc.id, d->id))
		return ydoc_error(ctx->doc, ctx->dl, ynode_get(node, "id"),
				  "invalid component id \"%s\" for domain %s (expected %s.N)",
				  rc.id, d->id, d->id);
	if (idmap_put(&cat->component_ids, rc.id, cat->ncomponents))
		return ydoc_error(ctx->doc, ctx->dl, ynode_get(node, "id"),
				  "duplicate component id \"%s\"", rc.id);
	cat->components = xgrow(cat->components, &ld->components_alloc, cat->ncomponents + 1,
				sizeof(*cat->components));
	memset(&cat->components[cat->ncomponents], 0, sizeof(*cat->components));
	cat->components[cat->ncomponents].id = rc.id;
	cat->components[cat->ncomponents].line = ynode_get(node, "id")->line;
	cat->components[cat->ncomponents].col = ynode_get(node, "id")->col;
	cat->components[cat->ncomponents].name = rc.name;
	cat->components[cat->ncomponents].domain = domain;
	cat->ncomponents++;
	d->ncomponents++;
	return 0;
}

static int load_domains(struct loader *ld, struct schema_ctx *ctx, const struct ynode *node)
{
	static const struct schema_field fields[] = {
		{"id", schema_string, offsetof(struct raw_domain, id), true},
		{"name", schema_text, offsetof(struct raw_domain, name), true},
		{"file", schema_string, offsetof(struct raw_domain, file), true},
		{"components", schema_node, offsetof(struct raw_domain, components), true},
	};
	struct catalogue *cat = ld->cat;
	int ret = 0;

	if (schema_expect(ctx, node, YNODE_SEQUENCE, "domains"))
		return -1;
	if (!node->nr)
		return ydoc_error(ctx->doc, ctx->dl, node, "domains: the list is empty");
	cat->domains = xcalloc(node->nr, sizeof(*cat->domains));
	for (size_t i = 0; i < node->nr; i++) {
		struct raw_domain rd = {0};
		struct cat_domain *d;
		unsigned num[IDS_MAX_PARTS];

		if (schema_mapping(ctx, node->items[i], "domain", fields, ARRAY_SIZE(fields),
				   &rd)) {
			ret = -1;
			continue;
		}
		if (ids_check(IDS_DOMAIN, rd.id, num)) {
			ret = ydoc_error(ctx->doc, ctx->dl, ynode_get(node->items[i], "id"),
					 "invalid domain id \"%s\" (expected %s)", rd.id,
					 ids_shape(IDS_DOMAIN));
			continue;
		}
		{
			const struct ynode *idn = ynode_get(node->items[i], "id");
			const struct ynode *filen = ynode_get(node->items[i], "file");
			bool dup = false;

			for (size_t k = 0; k < cat->ndomains; k++) {
				if (!strcmp(cat->domains[k].id, rd.id)) {
					ret = ydoc_error(
						ctx->doc, ctx->dl, idn,
						"duplicate domain id \"%s\" (first at line %d)",
						rd.id, cat->domains[k].id_line);
					dup = true;
				}
				if (!strcmp(cat->domains[k].file, rd.file)) {
					ret = ydoc_error(
						ctx->doc, ctx->dl, filen,
						"file \"%s\" already holds domain %s (line %d)",
						rd.file, cat->domains[k].id,
						cat->domains[k].id_line);
					dup = true;
				}
			}
			/* A domain file is read from the catalogue directory, never outside it. */
			if (strchr(rd.file, '/') || rd.file[0] == '.') {
				ret = ydoc_error(
					ctx->doc, ctx->dl, filen,
					"invalid catalogue file name \"%s\" (a file in the catalogue directory, without '/')",
					rd.file);
				dup = true;
			}
			if (dup)
				continue;
			cat->domains[cat->ndomains].id_line = idn->line;
		}
		d = &cat->domains[cat->ndomains++];
		d->id = rd.id;
		d->name = rd.name;
		d->file = rd.file;
		d->first_component = cat->ncomponents;
		if (schema_expect(ctx, rd.components, YNODE_SEQUENCE, "components")) {
			ret = -1;
			continue;
		}
		for (size_t c = 0; c < rd.components->nr; c++)
			if (load_component(ld, ctx, cat->ndomains - 1, rd.components->items[c]))
				ret = -1;
	}
	return ret;
}

static int cmp_size(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

static int cmp_principles(const void *a, const void *b)
{
	const struct cat_principle *x = a, *y = b;
	int c = cmp_size(x->domain, y->domain);

	if (!c)
		c = cmp_size(x->component, y->component);
	for (int i = 0; !c && i < 3; i++)
		c = cmp_size(x->num[i], y->num[i]);
	/* A principle defined twice: the copies stay in file order, the later one is reported. */
	if (!c)
		c = cmp_size(x->doc, y->doc);
	if (!c)
		c = (x->line > y->line) - (x->line < y->line);
	return c;
}

/* Sorts principles and records each domain's and component's range. */
static int index_principles(struct loader *ld)
{
	struct catalogue *cat = ld->cat;
	int ret = 0;

	/* A catalogue whose domains list no principles has no array to sort. */
	if (cat->nprinciples)
		qsort(cat->principles, cat->nprinciples, sizeof(*cat->principles), cmp_principles);
	for (size_t i = 0; i < cat->nprinciples; i++) {
		struct cat_principle *p = &cat->principles[i];
		struct cat_domain *d = &cat->domains[p->domain];
		struct cat_component *c = &cat->components[p->component];

		if (idmap_put(&cat->principle_ids, p->id, i)) {
			size_t j = 0;
			const struct cat_principle *first;

			idmap_get(&cat->principle_ids, p->id, &j);
			first = &cat->principles[j];
			ret = ydoc_error_at(
				&cat->docs[p->doc], ld->dl, p->line, p->col, (int)strlen(p->id) + 2,
				"principle \"%s\" is defined twice (first in %s at line %d)", p->id,
				cat->docs[first->doc].name, first->line);
			continue;
		}
		if (!d->count)
			d->first = i;
		d->count++;
		if (!c->count)
			c->first = i;
		c->count++;
	}
	return ret;
}

static int load_all(struct loader *ld)
{
	static const struct schema_field fields[] = {
		{"framework", schema_string, offsetof(struct raw_framework, framework), true},
		{"version", schema_string, offsetof(struct raw_framework, version), true},
		{"source", schema_text, offsetof(struct raw_framework, source), false},
		{"levels", schema_node, offsetof(struct raw_framework, levels), true},
		{"domains", schema_node, offsetof(struct raw_framework, domains), true},
	};
	struct catalogue *cat = ld->cat;
	struct raw_framework raw = {0};
	struct schema_ctx ctx;
	struct ydoc *doc;
	int ret = 0;

	doc = open_doc(ld, "framework.yaml");
	if (!doc)
		return -1;
	ctx = (struct schema_ctx){doc, ld->dl, &cat->arena, NULL};
	if (schema_mapping(&ctx, doc->root, "framework.yaml", fields, ARRAY_SIZE(fields), &raw))
		return -1;
	cat->framework = raw.framework;
	cat->version = raw.version;
	cat->source = raw.source;
	if (load_levels(ld, &ctx, raw.levels) | load_domains(ld, &ctx, raw.domains))
		return -1;
	prefetch_start(ld);
	if (load_products(ld))
		ret = -1;
	if (load_responsibility(ld))
		ret = -1;
	if (load_risk_model(ld))
		ret = -1;
	if (ret)
		return -1;
	for (size_t d = 0; d < cat->ndomains; d++)
		if (load_domain_file(ld, d))
			ret = -1;
	if (ret || index_principles(ld))
		return -1;
	for (size_t d = 0; d < cat->ndomains; d++)
		if (!cat->domains[d].count)
			ret = ydoc_error_at(&cat->docs[cat->domains[d].doc], ld->dl,
					    cat->domains[d].principles_line,
					    cat->domains[d].principles_col, 1,
					    "domain %s has no principles", cat->domains[d].id);
	for (size_t c = 0; c < cat->ncomponents; c++)
		if (!cat->components[c].count)
			ret = ydoc_error_at(&cat->docs[0], ld->dl, cat->components[c].line,
					    cat->components[c].col, 1,
					    "component %s has no principles",
					    cat->components[c].id);
	/* Hashed ahead only if the files were taken in the order they were hashed. */
	if (ld->pf && ld->pf->next == ld->pf->n && cat->ndocs == ld->pf->n + 1 && ld->pf->sha256[0])
		memcpy(cat->sha256, ld->pf->sha256, sizeof(cat->sha256));
	else
		hash_docs(cat->docs, cat->ndocs, cat->sha256);
	return ret;
}

/* catalogue_release calls this: the strings point into the parsed files. */
static void release_docs(struct catalogue *cat)
{
	for (size_t i = 0; i < cat->ndocs; i++)
		ydoc_release(&cat->docs[i]);
	free(cat->docs);
	cat->docs = NULL;
	cat->ndocs = 0;
}

static int load(struct catalogue *cat, const char *dir, const struct catalogue_file *files,
		size_t nfiles, struct diag_list *dl)
{
	struct loader ld;
	int ret;

	size_t errors_before = dl->errors;

	memset(&ld, 0, sizeof(ld));
	ld.cat = cat;
	ld.dl = dl;
	ld.dir = dir;
	ld.files = files;
	ld.nfiles = nfiles;
	cat->release_docs = release_docs;
	cat->origin = arena_strdup(&cat->arena, dir ? dir : "memory");
	ret = load_all(&ld);
	prefetch_free(ld.pf);
	/* The count is a safety net: a check that records an error but returns 0 still fails. */
	if (ret || dl->errors > errors_before)
		return -1;
	/* The loaded tree holds every string: the files' bytes are no longer needed. */
	for (size_t i = 0; i < cat->ndocs; i++)
		ydoc_drop_source(&cat->docs[i]);
	return 0;
}

int catalogue_load_files(struct catalogue *cat, const struct catalogue_file *files, size_t n,
			 struct diag_list *dl)
{
	return load(cat, NULL, files, n, dl);
}

int catalogue_load_dir(struct catalogue *cat, const char *dir, struct diag_list *dl)
{
	struct stat st;

	if (stat(dir, &st) < 0)
		return diag_error(dl, dir, 1, 1, 1, NULL, "cannot open catalogue directory: %s",
				  strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return diag_error(
			dl, dir, 1, 1, 1, NULL,
			"not a directory (--catalogue takes a directory holding framework.yaml)");
	return load(cat, dir, NULL, 0, dl);
}
