/* Reads a saved JSON report back into a result, refusing one that is malformed or inconsistent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answers_load.h"
#include "engine.h"
#include "idmap.h"
#include "ids.h"
#include "report_load.h"
#include "schema.h"
#include "strbuf.h"
#include "xalloc.h"

struct loader {
	struct schema_ctx sc;
	struct result *r;
};

/* Copied: the document, with its node tree, is freed once the report is loaded. */
static const char *dup(struct result *r, const char *s)
{
	return s ? arena_strdup(&r->arena, s) : NULL;
}

/* ---- handlers for JSON values ---- */

static int h_nstr(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	if (ynode_is_null(node)) {
		*(const char **)dest = NULL;
		return 0;
	}
	return schema_string(ctx, node, dest);
}

static int h_bool(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	const char *got = ynode_type_name(node);

	if (node->type != YNODE_SCALAR || node->kind != YSCALAR_BOOL)
		return ydoc_error(ctx->doc, ctx->dl, node, "expected true or false, got %s %s",
				  strchr("aeiou", got[0]) ? "an" : "a", got);
	*(bool *)dest = !strcmp(node->str, "true");
	return 0;
}

static int h_count(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	unsigned long long v;

	if (node->type != YNODE_SCALAR || node->kind != YSCALAR_INT || node->str[0] == '-')
		return ydoc_error(ctx->doc, ctx->dl, node, "expected a count (0 or more)");
	/* A JSON integer without its sign is all digits: strtoull takes it whole. */
	v = strtoull(node->str, NULL, 10);
	if (v > 100000000ULL)
		return ydoc_error(ctx->doc, ctx->dl, node, "count out of range");
	*(size_t *)dest = (size_t)v;
	return 0;
}

static int h_text(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	static const struct schema_field fields[] = {
		{"en", schema_string, offsetof(struct text, en), true},
		{"zh", h_nstr, offsetof(struct text, zh), true},
	};

	return schema_mapping(ctx, node, "text", fields, ARRAY_SIZE(fields), dest);
}

static int h_level(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_enum(ctx, node, "level", level_names, LEVEL_COUNT, dest);
}

static int h_level_any(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	static const char *const names[] = {"none", "baseline", "intermediate", "advanced"};
	int i;

	if (schema_enum(ctx, node, "level", names, ARRAY_SIZE(names), &i))
		return -1;
	*(enum level *)dest = (enum level)(i - 1);
	return 0;
}

static int h_ndate(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	if (ynode_is_null(node)) {
		memset(dest, 0, sizeof(struct date));
		return 0;
	}
	return schema_date(ctx, node, dest);
}

static int h_responsibility(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	if (ynode_is_null(node)) {
		*(enum responsibility *)dest = RESP_NONE;
		return 0;
	}
	return schema_enum(ctx, node, "responsibility", responsibility_names, RESP_COUNT, dest);
}

/*
 * Ids reach renderers and terminals unescaped in places: a saved report must
 * hold only ids the catalogue loader would have accepted (ids.h).
 */
static int h_domain_id(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_id(ctx, node, IDS_DOMAIN, "domain", dest);
}

static int h_component_id(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_id(ctx, node, IDS_COMPONENT, "component", dest);
}

static int h_control_id(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_id(ctx, node, IDS_CONTROL, "control", dest);
}

static int h_product_id(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_id(ctx, node, IDS_SLUG, "product", dest);
}

static int h_category_id(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_id(ctx, node, IDS_SLUG, "category", dest);
}

/* A SHA-256 as craf writes it: 64 lowercase hexadecimal digits. */
static int h_sha256(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	const char *s = NULL;

	if (schema_string(ctx, node, &s))
		return -1;
	if (strlen(s) != 64 || s[strspn(s, "0123456789abcdef")])
		return ydoc_error(
			ctx->doc, ctx->dl, node,
			"invalid SHA-256 \"%s\" (expected 64 lowercase hexadecimal digits)", s);
	*(const char **)dest = s;
	return 0;
}

/* A version as craf writes it: letters, digits and . + - ~ only. */
static int h_version(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	static const char allowed[] = "0123456789abcdefghijklmnopqrstuvwxyz"
				      "ABCDEFGHIJKLMNOPQRSTUVWXYZ.+-~";
	const char *s = NULL;

	if (schema_string(ctx, node, &s))
		return -1;
	if (strlen(s) > IDS_MAX_LEN || s[strspn(s, allowed)])
		return ydoc_error(ctx->doc, ctx->dl, node,
				  "invalid version \"%s\" (expected letters, digits and . + - ~)",
				  s);
	*(const char **)dest = s;
	return 0;
}

/* The time a report was written: RFC 3339 in UTC, as 2026-11-01T09:30:00Z. */
static bool valid_timestamp(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	struct date d;
	char day[11];

	for (size_t i = 0; i < sizeof(shape); i++)
		if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != shape[i])
			return false;
	memcpy(day, s, 10);
	day[10] = '\0';
	return !date_parse(day, &d) && strncmp(s + 11, "24", 2) < 0 &&
	       strncmp(s + 14, "60", 2) < 0 && strncmp(s + 17, "61", 2) < 0;
}

static int h_timestamp(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	const char *s = NULL;

	if (schema_string(ctx, node, &s))
		return -1;
	if (!valid_timestamp(s))
		return ydoc_error(
			ctx->doc, ctx->dl, node,
			"invalid time \"%s\" (expected UTC in RFC 3339, as in 2026-11-01T09:30:00Z)",
			s);
	*(const char **)dest = s;
	return 0;
}

static int expect_list(struct loader *ld, const struct ynode *node, const char *what)
{
	return schema_expect(&ld->sc, node, YNODE_SEQUENCE, what);
}

static struct text dup_text(struct result *r, const struct text *t)
{
	struct text out = {dup(r, t->en), dup(r, t->zh)};

	return out;
}

/* ---- the stored values that scoring must reproduce ---- */

struct stored_level {
	bool achieved, overdue, expired;
	const struct ynode *node;
};

struct stored_control {
	enum level achieved;
	struct stored_level levels[LEVEL_COUNT];
	const struct ynode *node;
};

struct stored_domain {
	enum level achieved;
	bool meets_target;
	size_t required[LEVEL_COUNT], achieved_count[LEVEL_COUNT];
	const struct ynode *count_nodes[LEVEL_COUNT][2]; /* required, achieved */
	enum level *components;
	const struct ynode *node;
};

struct stored {
	enum level overall;
	const struct ynode *overall_node;
	struct stored_domain *domains;
	struct stored_control *controls;
	const struct ynode *gaps;
	size_t summary[6];
	const struct ynode *summary_nodes[6];
};

/* ---- sections ---- */

struct raw_domain {
	const char *id;
	struct text name;
	enum level achieved;
	bool meets_target;
	const struct ynode *levels, *components;
};

/* Keyed by level or rating name: one node or count per level (or rating). */
struct raw_per_level {
	const struct ynode *node[LEVEL_COUNT];
};
struct raw_level_counts {
	size_t n[LEVEL_COUNT];
};
struct raw_rating_counts {
	size_t n[RISK_COUNT];
};

struct raw_override {
	enum risk rating;
	const char *justification;
};

struct raw_count {
	size_t required, achieved;
};

static int load_domains(struct loader *ld, const struct ynode *list, struct stored *st)
{
	static const struct schema_field fields[] = {
		{"id", h_domain_id, offsetof(struct raw_domain, id), true},
		{"name", h_text, offsetof(struct raw_domain, name), true},
		{"achieved", h_level_any, offsetof(struct raw_domain, achieved), true},
		{"meets_target", h_bool, offsetof(struct raw_domain, meets_target), true},
		{"levels", schema_node, offsetof(struct raw_domain, levels), true},
		{"components", schema_node, offsetof(struct raw_domain, components), true},
	};
	static const struct schema_field count_fields[] = {
		{"required", h_count, offsetof(struct raw_count, required), true},
		{"achieved", h_count, offsetof(struct raw_count, achieved), true},
	};
	static const struct schema_field level_fields[] = {
		{"baseline", schema_node, offsetof(struct raw_per_level, node[LEVEL_BASELINE]),
		 true},
		{"intermediate", schema_node,
		 offsetof(struct raw_per_level, node[LEVEL_INTERMEDIATE]), true},
		{"advanced", schema_node, offsetof(struct raw_per_level, node[LEVEL_ADVANCED]),
		 true},
	};
	struct result *r = ld->r;
	int ret = 0;

	if (expect_list(ld, list, "domains"))
		return -1;
	r->domains = arena_array(&r->arena, list->nr, sizeof(*r->domains));
	st->domains = arena_array(&r->arena, list->nr, sizeof(*st->domains));
	for (size_t d = 0; d < list->nr; d++) {
		struct raw_domain raw = {0};
		struct result_domain *rd = &r->domains[d];
		struct stored_domain *sd = &st->domains[d];
		struct raw_per_level levels = {{NULL, NULL, NULL}};
		const struct ynode *const *lv = levels.node;

		if (schema_mapping(&ld->sc, list->items[d], "domain", fields, ARRAY_SIZE(fields),
				   &raw)) {
			ret = -1;
			continue;
		}
		/* Earlier domains that failed to load left no id behind. */
		for (size_t k = 0; k < d; k++)
			if (r->domains[k].id && !strcmp(r->domains[k].id, raw.id))
				ret = ydoc_error(ld->sc.doc, ld->sc.dl, list->items[d],
						 "domain \"%s\" appears twice", raw.id);
		rd->id = dup(r, raw.id);
		rd->name = dup_text(r, &raw.name);
		sd->achieved = raw.achieved;
		sd->meets_target = raw.meets_target;
		sd->node = list->items[d];
		if (schema_mapping(&ld->sc, raw.levels, "levels", level_fields,
				   ARRAY_SIZE(level_fields), &levels)) {
			ret = -1;
		} else {
			for (int l = 0; l < LEVEL_COUNT; l++) {
				struct raw_count c = {0, 0};

				if (schema_mapping(&ld->sc, lv[l], "level counts", count_fields,
						   ARRAY_SIZE(count_fields), &c))
					ret = -1;
				sd->required[l] = c.required;
				sd->achieved_count[l] = c.achieved;
				sd->count_nodes[l][0] = ynode_get(lv[l], "required");
				sd->count_nodes[l][1] = ynode_get(lv[l], "achieved");
			}
		}
		if (expect_list(ld, raw.components, "components")) {
			ret = -1;
			continue;
		}
		rd->ncomponents = raw.components->nr;
		rd->components = arena_array(&r->arena, rd->ncomponents, sizeof(*rd->components));
		sd->components = arena_array(&r->arena, rd->ncomponents, sizeof(enum level));
		for (size_t c = 0; c < rd->ncomponents; c++) {
			static const struct schema_field cfields[] = {
				{"id", h_component_id, offsetof(struct raw_domain, id), true},
				{"name", h_text, offsetof(struct raw_domain, name), true},
				{"achieved", h_level_any, offsetof(struct raw_domain, achieved),
				 true},
			};
			struct raw_domain rc = {0};

			if (schema_mapping(&ld->sc, raw.components->items[c], "component", cfields,
					   ARRAY_SIZE(cfields), &rc)) {
				ret = -1;
				continue;
			}
			if (!ids_under(rc.id, raw.id)) {
				ret = ydoc_error(
					ld->sc.doc, ld->sc.dl,
					ynode_get(raw.components->items[c], "id"),
					"component \"%s\" is not in domain %s (expected %s.N)",
					rc.id, raw.id, raw.id);
				continue;
			}
			rd->components[c].id = dup(r, rc.id);
			rd->components[c].name = dup_text(r, &rc.name);
			sd->components[c] = rc.achieved;
		}
		r->ndomains++;
	}
	return ret;
}

struct raw_products_entry {
	const char *id, *abbr;
	struct text name;
};

static int load_products(struct loader *ld, const struct ynode *list, struct idmap *ids)
{
	static const struct schema_field fields[] = {
		{"id", h_product_id, offsetof(struct raw_products_entry, id), true},
		{"abbr", schema_string, offsetof(struct raw_products_entry, abbr), true},
		{"name", h_text, offsetof(struct raw_products_entry, name), true},
	};
	struct result *r = ld->r;
	int ret = 0;

	if (expect_list(ld, list, "products"))
		return -1;
	r->products = arena_array(&r->arena, list->nr, sizeof(*r->products));
	for (size_t k = 0; k < list->nr; k++) {
		struct raw_products_entry raw = {0};
		struct result_product *p = &r->products[r->nproducts];

		if (schema_mapping(&ld->sc, list->items[k], "product", fields, ARRAY_SIZE(fields),
				   &raw)) {
			ret = -1;
			continue;
		}
		p->id = dup(r, raw.id);
		p->abbr = dup(r, raw.abbr);
		p->name = dup_text(r, &raw.name);
		if (idmap_put(ids, p->id, r->nproducts)) {
			ret = ydoc_error(ld->sc.doc, ld->sc.dl, list->items[k],
					 "product \"%s\" appears twice", raw.id);
			continue;
		}
		r->nproducts++;
	}
	return ret;
}

struct raw_remediation {
	const char *action, *owner;
	struct date due;
	bool overdue;
};

static int h_remediation(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	static const struct schema_field fields[] = {
		{"action", schema_string, offsetof(struct raw_remediation, action), true},
		{"owner", schema_string, offsetof(struct raw_remediation, owner), true},
		{"due", schema_date, offsetof(struct raw_remediation, due), true},
		{"overdue", h_bool, offsetof(struct raw_remediation, overdue), true},
	};
	struct raw_remediation *out = dest;

	if (ynode_is_null(node)) {
		out->action = NULL;
		return 0;
	}
	return schema_mapping(ctx, node, "remediation", fields, ARRAY_SIZE(fields), dest);
}

struct raw_level {
	enum level level;
	struct text requirement;
	enum status status;
	bool achieved, expired;
	struct strlist evidence;
	const char *note;
	struct raw_remediation remediation;
	struct date expires;
};

struct raw_control {
	const char *id, *domain, *component;
	struct text name;
	enum responsibility responsibility;
	bool all_levels;
	enum level achieved;
	const struct ynode *products, *levels;
};

static int load_levels(struct loader *ld, struct result_control *c, struct stored_control *sc,
		       const struct ynode *list)
{
	static const struct schema_field fields[] = {
		{"level", h_level, offsetof(struct raw_level, level), true},
		{"requirement", h_text, offsetof(struct raw_level, requirement), true},
		{"status", answers_load_status, offsetof(struct raw_level, status), true},
		{"achieved", h_bool, offsetof(struct raw_level, achieved), true},
		{"evidence", schema_string_list, offsetof(struct raw_level, evidence), true},
		{"note", h_nstr, offsetof(struct raw_level, note), true},
		{"remediation", h_remediation, offsetof(struct raw_level, remediation), true},
		{"expires", h_ndate, offsetof(struct raw_level, expires), true},
		{"expired", h_bool, offsetof(struct raw_level, expired), true},
	};
	struct result *r = ld->r;
	int ret = 0;

	if (expect_list(ld, list, "levels"))
		return -1;
	if (list->nr < 1 || list->nr > LEVEL_COUNT || (c->single && list->nr != 1))
		return ydoc_error(ld->sc.doc, ld->sc.dl, list, "control %s has %zu levels", c->id,
				  (size_t)list->nr);
	c->nlevels = list->nr;
	for (size_t l = 0; l < list->nr; l++) {
		struct raw_level raw;
		struct result_level *rl = &c->levels[l];

		memset(&raw, 0, sizeof(raw));
		if (schema_mapping(&ld->sc, list->items[l], "level", fields, ARRAY_SIZE(fields),
				   &raw)) {
			ret = -1;
			continue;
		}
		if ((size_t)raw.level != l) {
			ret = ydoc_error(
				ld->sc.doc, ld->sc.dl, ynode_get(list->items[l], "level"),
				"levels must run baseline, intermediate, advanced in order");
			continue;
		}
		rl->level = raw.level;
		rl->requirement = dup_text(r, &raw.requirement);
		rl->status = raw.status;
		rl->evidence.nr = raw.evidence.nr;
		rl->evidence.items = arena_array(&r->arena, raw.evidence.nr, sizeof(char *));
		for (size_t e = 0; e < raw.evidence.nr; e++)
			rl->evidence.items[e] = dup(r, raw.evidence.items[e]);
		rl->note = dup(r, raw.note);
		if (raw.remediation.action) {
			rl->has_remediation = true;
			rl->remediation.action = dup(r, raw.remediation.action);
			rl->remediation.owner = dup(r, raw.remediation.owner);
			rl->remediation.due = raw.remediation.due;
		}
		rl->expires = raw.expires;
		sc->levels[l].achieved = raw.achieved;
		sc->levels[l].overdue = raw.remediation.action && raw.remediation.overdue;
		sc->levels[l].expired = raw.expired;
		sc->levels[l].node = list->items[l];
	}
	return ret;
}

static int find_domain(const struct result *r, const char *id, size_t *out)
{
	for (size_t d = 0; d < r->ndomains; d++)
		if (!strcmp(r->domains[d].id, id)) {
			*out = d;
			return 0;
		}
	return -1;
}

static int load_controls(struct loader *ld, const struct ynode *list, const struct idmap *products,
			 struct idmap *ids, struct stored *st)
{
	struct idmap comp_map = IDMAP_INIT, *components = &comp_map;
	static const struct schema_field fields[] = {
		{"id", h_control_id, offsetof(struct raw_control, id), true},
		{"domain", h_domain_id, offsetof(struct raw_control, domain), true},
		{"component", h_component_id, offsetof(struct raw_control, component), true},
		{"name", h_text, offsetof(struct raw_control, name), true},
		{"responsibility", h_responsibility, offsetof(struct raw_control, responsibility),
		 true},
		{"all_levels", h_bool, offsetof(struct raw_control, all_levels), true},
		{"achieved", h_level_any, offsetof(struct raw_control, achieved), true},
		{"products", schema_node, offsetof(struct raw_control, products), true},
		{"levels", schema_node, offsetof(struct raw_control, levels), true},
	};
	struct result *r = ld->r;
	int ret = 0;

	if (expect_list(ld, list, "controls"))
		return -1;
	/* Component id -> its index within its domain; ids are unique across domains. */
	for (size_t d = 0; d < r->ndomains; d++)
		for (size_t c = 0; c < r->domains[d].ncomponents; c++)
			idmap_put(components, r->domains[d].components[c].id, c);
	r->controls = arena_array(&r->arena, list->nr, sizeof(*r->controls));
	st->controls = arena_array(&r->arena, list->nr, sizeof(*st->controls));
	for (size_t i = 0; i < list->nr; i++) {
		const struct ynode *node = list->items[i];
		struct raw_control raw;
		struct result_control *c = &r->controls[r->ncontrols];
		struct stored_control *sc = &st->controls[r->ncontrols];
		const struct result_domain *rd;
		size_t d, k;

		memset(&raw, 0, sizeof(raw));
		if (schema_mapping(&ld->sc, node, "control", fields, ARRAY_SIZE(fields), &raw)) {
			ret = -1;
			continue;
		}
		if (find_domain(r, raw.domain, &d)) {
			ret = ydoc_error(
				ld->sc.doc, ld->sc.dl, ynode_get(node, "domain"),
				"control %s names domain \"%s\", which is not in \"domains\"",
				raw.id, raw.domain);
			continue;
		}
		rd = &r->domains[d];
		if (!ids_under(raw.id, raw.component)) {
			ret = ydoc_error(
				ld->sc.doc, ld->sc.dl, ynode_get(node, "component"),
				"control %s names component \"%s\", which it is not part of",
				raw.id, raw.component);
			continue;
		}
		/* Components are many in a large report: look them up by hash. */
		if (idmap_get(components, raw.component, &k) || k >= rd->ncomponents ||
		    strcmp(rd->components[k].id, raw.component)) {
			ret = ydoc_error(
				ld->sc.doc, ld->sc.dl, ynode_get(node, "component"),
				"control %s names component \"%s\", which is not in domain %s",
				raw.id, raw.component, rd->id);
			continue;
		}
		c->id = dup(r, raw.id);
		c->domain = d;
		c->component = k;
		c->name = dup_text(r, &raw.name);
		c->responsibility = raw.responsibility;
		c->single = raw.all_levels;
		sc->achieved = raw.achieved;
		sc->node = node;
		if (expect_list(ld, raw.products, "products")) {
			ret = -1;
			continue;
		}
		c->products = arena_array(&r->arena, raw.products->nr, sizeof(size_t));
		for (size_t p = 0; p < raw.products->nr; p++) {
			const char *pid = NULL;
			size_t idx;

			if (h_product_id(&ld->sc, raw.products->items[p], &pid))
				ret = -1;
			else if (idmap_get(products, pid, &idx))
				ret = ydoc_error(ld->sc.doc, ld->sc.dl, raw.products->items[p],
						 "product \"%s\" is not in \"products\"", pid);
			else
				c->products[c->nproducts++] = idx;
		}
		if (load_levels(ld, c, sc, raw.levels))
			ret = -1;
		if (idmap_put(ids, c->id, r->ncontrols))
			ret = ydoc_error(ld->sc.doc, ld->sc.dl, node, "control %s appears twice",
					 raw.id);
		r->ncontrols++;
	}
	idmap_release(&comp_map);
	return ret;
}

/* ---- inherent risk ---- */

static int h_rating(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_enum(ctx, node, "risk rating", risk_names, RISK_COUNT, dest);
}

static int h_nrating(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	if (ynode_is_null(node)) {
		*(enum risk *)dest = RISK_NONE;
		return 0;
	}
	return h_rating(ctx, node, dest);
}

static int h_ntext(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	if (ynode_is_null(node))
		return 0;
	return h_text(ctx, node, dest);
}

struct raw_risk {
	enum risk rating, computed;
	const char *method, *rule;
	const struct ynode *counts, *override, *indicators;
	bool icast;
};

struct raw_risk_indicator {
	const char *category, *name, *note;
	struct text category_name;
	enum risk rating;
};

static int load_risk(struct loader *ld, const struct ynode *node)
{
	static const struct schema_field fields[] = {
		{"rating", h_rating, offsetof(struct raw_risk, rating), true},
		{"method", schema_string, offsetof(struct raw_risk, method), true},
		{"rule", h_nstr, offsetof(struct raw_risk, rule), true},
		{"computed", h_nrating, offsetof(struct raw_risk, computed), true},
		{"counts", schema_node, offsetof(struct raw_risk, counts), true},
		{"override", schema_node, offsetof(struct raw_risk, override), true},
		{"indicators", schema_node, offsetof(struct raw_risk, indicators), true},
		{"icast_required", h_bool, offsetof(struct raw_risk, icast), true},
	};
	static const struct schema_field count_fields[] = {
		{"low", h_count, offsetof(struct raw_rating_counts, n[RISK_LOW]), true},
		{"medium", h_count, offsetof(struct raw_rating_counts, n[RISK_MEDIUM]), true},
		{"high", h_count, offsetof(struct raw_rating_counts, n[RISK_HIGH]), true},
	};
	static const struct schema_field override_fields[] = {
		{"rating", h_rating, offsetof(struct raw_override, rating), true},
		{"justification", schema_string, offsetof(struct raw_override, justification),
		 true},
	};
	static const struct schema_field ind_fields[] = {
		{"category", h_category_id, offsetof(struct raw_risk_indicator, category), true},
		{"category_name", h_ntext, offsetof(struct raw_risk_indicator, category_name),
		 true},
		{"name", schema_string, offsetof(struct raw_risk_indicator, name), true},
		{"rating", h_rating, offsetof(struct raw_risk_indicator, rating), true},
		{"note", h_nstr, offsetof(struct raw_risk_indicator, note), true},
	};
	struct raw_risk raw = {RISK_NONE, RISK_NONE, NULL, NULL, NULL, NULL, NULL, false};
	struct result *r = ld->r;
	struct result_risk *rr = &r->risk;
	struct idmap seen = IDMAP_INIT;
	int ret = 0;

	if (ynode_is_null(node))
		return 0;
	if (schema_mapping(&ld->sc, node, "inherent_risk", fields, ARRAY_SIZE(fields), &raw))
		return -1;
	r->inherent_risk = raw.rating;
	rr->from_indicators = !strcmp(raw.method, "indicators");
	if (!rr->from_indicators && strcmp(raw.method, "stated"))
		return ydoc_error(ld->sc.doc, ld->sc.dl, ynode_get(node, "method"),
				  "unknown method \"%s\" (expected stated or indicators)",
				  raw.method);
	if (rr->from_indicators ? !raw.rule || strcmp(raw.rule, "majority") : raw.rule != NULL)
		return ydoc_error(ld->sc.doc, ld->sc.dl, ynode_get(node, "rule"),
				  "\"rule\" must be %s with method \"%s\"",
				  rr->from_indicators ? "\"majority\"" : "null", raw.method);
	rr->stated = rr->from_indicators ? RISK_NONE : raw.rating;
	rr->computed = raw.computed;
	if (rr->from_indicators) {
		struct raw_rating_counts counts = {{0, 0, 0}};

		if (schema_mapping(&ld->sc, raw.counts, "counts", count_fields,
				   ARRAY_SIZE(count_fields), &counts))
			return -1;
		for (int k = 0; k < RISK_COUNT; k++)
			rr->counts[k] = (unsigned)counts.n[k];
	}
	if (!ynode_is_null(raw.override)) {
		struct raw_override ov = {RISK_NONE, NULL};

		if (schema_mapping(&ld->sc, raw.override, "override", override_fields,
				   ARRAY_SIZE(override_fields), &ov))
			return -1;
		rr->override = ov.rating;
		rr->justification = dup(r, ov.justification);
	}
	if (expect_list(ld, raw.indicators, "indicators"))
		return -1;
	rr->indicators = arena_array(&r->arena, raw.indicators->nr, sizeof(*rr->indicators));
	for (size_t i = 0; i < raw.indicators->nr; i++) {
		struct raw_risk_indicator ri;
		struct result_risk_indicator *out = &rr->indicators[rr->nindicators];

		memset(&ri, 0, sizeof(ri));
		if (schema_mapping(&ld->sc, raw.indicators->items[i], "indicator", ind_fields,
				   ARRAY_SIZE(ind_fields), &ri)) {
			ret = -1;
			continue;
		}
		out->category = dup(r, ri.category);
		out->category_name = dup_text(r, &ri.category_name);
		out->name = dup(r, ri.name);
		{
			/* Given twice, an indicator would tip the majority. */
			struct strbuf key = STRBUF_INIT;
			const char *k;
			size_t first;

			strbuf_addf(&key, "%s:%s", out->category, out->name);
			k = arena_strdup(&r->arena, key.buf);
			strbuf_release(&key);
			if (!idmap_get(&seen, k, &first)) {
				ret = ydoc_error(
					ld->sc.doc, ld->sc.dl,
					ynode_get(raw.indicators->items[i], "name"),
					"indicator \"%s\" of category %s is given twice (first at line %d)",
					out->name, out->category,
					ynode_get(raw.indicators->items[first], "name")->line);
				continue;
			}
			idmap_put(&seen, k, i);
		}
		out->rating = ri.rating;
		out->note = dup(r, ri.note);
		rr->nindicators++;
	}
	idmap_release(&seen);
	if (ret)
		return -1;
	/* The rating must follow from what is recorded, as everywhere in a report. */
	if (rr->from_indicators) {
		unsigned counts[RISK_COUNT] = {0, 0, 0};

		for (size_t i = 0; i < rr->nindicators; i++)
			counts[rr->indicators[i].rating]++;
		if (memcmp(counts, rr->counts, sizeof(counts)) ||
		    risk_majority(counts) != rr->computed)
			return ydoc_error(
				ld->sc.doc, ld->sc.dl, node,
				"the inherent-risk counts or computed rating do not match the indicators (the report was edited or is damaged)");
	}
	if (raw.rating != (rr->override != RISK_NONE ? rr->override
			   : rr->from_indicators     ? rr->computed
						     : rr->stated) ||
	    raw.icast != risk_icast_required(raw.rating))
		return ydoc_error(
			ld->sc.doc, ld->sc.dl, ynode_get(node, "rating"),
			"the inherent-risk rating does not follow from how it was derived (the report was edited or is damaged)");
	r->icast_required = raw.icast;
	return 0;
}

/* ---- consistency ---- */

static int mismatch(struct loader *ld, const struct ynode *node, const char *what,
		    const char *stored, const char *computed)
{
	return ydoc_error(
		ld->sc.doc, ld->sc.dl, node,
		"%s is recorded as %s but the statuses give %s (the report was edited or is damaged)",
		what, stored, computed);
}

static int check_consistency(struct loader *ld, const struct stored *st, const struct idmap *ids)
{
	struct result *r = ld->r;
	int ret = 0;

	for (size_t i = 0; i < r->ncontrols; i++) {
		const struct result_control *c = &r->controls[i];
		const struct stored_control *sc = &st->controls[i];

		if (c->achieved != sc->achieved)
			ret = mismatch(ld, ynode_get(sc->node, "achieved"), "the control's level",
				       level_name(sc->achieved), level_name(c->achieved));
		for (size_t l = 0; l < c->nlevels; l++) {
			const struct result_level *rl = &c->levels[l];
			const struct stored_level *sl = &sc->levels[l];

			if (rl->achieved != sl->achieved)
				ret = mismatch(ld, ynode_get(sl->node, "achieved"), "\"achieved\"",
					       sl->achieved ? "true" : "false",
					       rl->achieved ? "true" : "false");
			if (rl->overdue != sl->overdue)
				ret = mismatch(ld, ynode_get(sl->node, "remediation"),
					       "\"overdue\"", sl->overdue ? "true" : "false",
					       rl->overdue ? "true" : "false");
			if (rl->expired != sl->expired)
				ret = mismatch(ld, ynode_get(sl->node, "expired"), "\"expired\"",
					       sl->expired ? "true" : "false",
					       rl->expired ? "true" : "false");
		}
	}
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];
		const struct stored_domain *sd = &st->domains[d];

		if (rd->achieved != sd->achieved)
			ret = mismatch(ld, ynode_get(sd->node, "achieved"), "the domain's level",
				       level_name(sd->achieved), level_name(rd->achieved));
		if (rd->meets_target != sd->meets_target)
			ret = mismatch(ld, ynode_get(sd->node, "meets_target"), "\"meets_target\"",
				       sd->meets_target ? "true" : "false",
				       rd->meets_target ? "true" : "false");
		for (int l = 0; l < LEVEL_COUNT; l++) {
			const size_t got[2] = {rd->required[l], rd->achieved_count[l]};
			const size_t rec[2] = {sd->required[l], sd->achieved_count[l]};

			for (int k = 0; k < 2; k++) {
				char a[32], b[32];

				if (got[k] == rec[k])
					continue;
				snprintf(a, sizeof(a), "%zu", rec[k]);
				snprintf(b, sizeof(b), "%zu", got[k]);
				ret = mismatch(ld, sd->count_nodes[l][k],
					       k ? "\"achieved\"" : "\"required\"", a, b);
			}
		}
		for (size_t c = 0; c < rd->ncomponents; c++)
			if (rd->components[c].achieved != sd->components[c])
				ret = mismatch(ld, ynode_get(sd->node, "components"),
					       "a component's level", level_name(sd->components[c]),
					       level_name(rd->components[c].achieved));
	}
	if (r->overall != st->overall)
		ret = mismatch(ld, st->overall_node, "\"overall\"", level_name(st->overall),
			       level_name(r->overall));
	if (st->gaps->nr != r->ngaps) {
		ret = ydoc_error(
			ld->sc.doc, ld->sc.dl, st->gaps,
			"\"gaps\" lists %zu gaps but the statuses give %zu (the report was edited or is damaged)",
			(size_t)st->gaps->nr, r->ngaps);
	} else {
		for (size_t g = 0; g < r->ngaps; g++) {
			const struct ynode *gn = st->gaps->items[g];
			const struct ynode *cn = ynode_get(gn, "control");
			const struct ynode *ln = ynode_get(gn, "level");
			const struct result_control *c = &r->controls[r->gaps[g].control];
			size_t idx;

			/* Both keys are there: check_gap_items required them. */
			if (cn->type != YNODE_SCALAR || ln->type != YNODE_SCALAR ||
			    idmap_get(ids, cn->str, &idx) || idx != r->gaps[g].control ||
			    strcmp(ln->str, level_name(c->levels[r->gaps[g].level].level))) {
				ret = ydoc_error(
					ld->sc.doc, ld->sc.dl, gn,
					"gap %zu should be %s %s (the report was edited or is damaged)",
					g + 1, c->id,
					level_name(c->levels[r->gaps[g].level].level));
				break;
			}
		}
	}
	{
		const size_t computed[6] = {r->summary.gaps,
					    r->summary.gaps_by_level[0],
					    r->summary.gaps_by_level[1],
					    r->summary.gaps_by_level[2],
					    r->summary.unanswered,
					    r->summary.overdue};

		static const char *const keys[6] = {"gaps",	    "baseline",
						    "intermediate", "advanced",
						    "unanswered",   "overdue_remediations"};

		for (int k = 0; k < 6; k++) {
			char a[32], b[32], what[48];

			if (computed[k] == st->summary[k])
				continue;
			snprintf(a, sizeof(a), "%zu", st->summary[k]);
			snprintf(b, sizeof(b), "%zu", computed[k]);
			snprintf(what, sizeof(what), "\"%s\"", keys[k]);
			ret = mismatch(ld, st->summary_nodes[k], what, a, b);
		}
	}
	return ret;
}

/* ---- the document ---- */

struct raw_report {
	const char *schema, *institution, *assessor, *scope, *target_source, *generated_at;
	struct date assessment_date, as_of;
	enum level target, overall;
	bool from_cli;
	const struct ynode *tool, *catalogue, *answers, *domains, *controls, *products, *gaps,
		*summary, *risk;
};

struct raw_summary {
	size_t gaps;
	const struct ynode *by_level;
	size_t unanswered, overdue, expired;
};

struct raw_catalogue {
	const char *framework, *version, *sha256, *origin;
	bool builtin;
};

struct raw_answers {
	const char *path, *sha256;
	const struct ynode *parts;
};

/* The part files of answers given as a directory: each a path and a hash. */
static int load_parts(struct schema_ctx *ctx, struct result *r, const struct ynode *node)
{
	static const struct schema_field fields[] = {
		{"path", schema_string, offsetof(struct result_part, path), true},
		{"sha256", h_sha256, offsetof(struct result_part, sha256), true},
	};
	int ret = 0;

	if (schema_expect(ctx, node, YNODE_SEQUENCE, "parts"))
		return -1;
	if (!node->nr)
		return ydoc_error(ctx->doc, ctx->dl, node, "expected at least one part");
	r->answers_parts = arena_array(&r->arena, node->nr, sizeof(*r->answers_parts));
	for (size_t i = 0; i < node->nr; i++) {
		struct result_part p = {NULL, NULL};

		if (schema_mapping(ctx, node->items[i], "part", fields, ARRAY_SIZE(fields), &p)) {
			ret = -1;
			continue;
		}
		r->answers_parts[r->nanswers_parts].path = dup(r, p.path);
		r->answers_parts[r->nanswers_parts++].sha256 = dup(r, p.sha256);
	}
	return ret;
}

struct raw_tool {
	const char *name, *version;
};

static int check_gap_items(struct loader *ld, const struct ynode *gaps)
{
	/* Gap entries repeat control data; their keys are checked, their values compared later. */
	static const struct schema_field fields[] = {
		{"control", schema_node, 0, true},  {"level", schema_node, 0, true},
		{"status", schema_node, 0, true},   {"requirement", schema_node, 0, true},
		{"note", schema_node, 0, true},	    {"remediation", schema_node, 0, true},
		{"products", schema_node, 0, true},
	};
	const struct ynode *scratch;
	int ret = 0;

	if (expect_list(ld, gaps, "gaps"))
		return -1;
	for (size_t g = 0; g < gaps->nr; g++)
		if (schema_mapping(&ld->sc, gaps->items[g], "gap", fields, ARRAY_SIZE(fields),
				   &scratch))
			ret = -1;
	return ret;
}

int report_load_json(struct result *r, struct ydoc *doc, struct diag_list *dl)
{
	static const struct schema_field fields[] = {
		{"schema", schema_string, offsetof(struct raw_report, schema), true},
		{"tool", schema_node, offsetof(struct raw_report, tool), true},
		{"catalogue", schema_node, offsetof(struct raw_report, catalogue), true},
		{"answers", schema_node, offsetof(struct raw_report, answers), true},
		{"institution", schema_string, offsetof(struct raw_report, institution), true},
		{"assessment_date", schema_date, offsetof(struct raw_report, assessment_date),
		 true},
		{"assessor", h_nstr, offsetof(struct raw_report, assessor), true},
		{"scope", h_nstr, offsetof(struct raw_report, scope), true},
		{"as_of", schema_date, offsetof(struct raw_report, as_of), true},
		{"inherent_risk", schema_node, offsetof(struct raw_report, risk), true},
		{"target", h_level, offsetof(struct raw_report, target), true},
		{"target_source", schema_string, offsetof(struct raw_report, target_source), true},
		{"target_from_command_line", h_bool, offsetof(struct raw_report, from_cli), true},
		{"overall", h_level_any, offsetof(struct raw_report, overall), true},
		{"domains", schema_node, offsetof(struct raw_report, domains), true},
		{"controls", schema_node, offsetof(struct raw_report, controls), true},
		{"products", schema_node, offsetof(struct raw_report, products), true},
		{"gaps", schema_node, offsetof(struct raw_report, gaps), true},
		{"summary", schema_node, offsetof(struct raw_report, summary), true},
		{"generated_at", h_timestamp, offsetof(struct raw_report, generated_at), true},
	};
	static const struct schema_field cat_fields[] = {
		{"framework", schema_string, offsetof(struct raw_catalogue, framework), true},
		{"version", schema_string, offsetof(struct raw_catalogue, version), true},
		{"sha256", h_sha256, offsetof(struct raw_catalogue, sha256), true},
		{"builtin", h_bool, offsetof(struct raw_catalogue, builtin), true},
		{"origin", schema_string, offsetof(struct raw_catalogue, origin), true},
	};
	static const struct schema_field ans_fields[] = {
		{"path", schema_string, offsetof(struct raw_answers, path), true},
		{"sha256", h_sha256, offsetof(struct raw_answers, sha256), true},
		{"parts", schema_node, offsetof(struct raw_answers, parts), false},
	};
	static const struct schema_field tool_fields[] = {
		{"name", schema_string, offsetof(struct raw_tool, name), true},
		{"version", h_version, offsetof(struct raw_tool, version), true},
	};
	static const struct schema_field summary_fields[] = {
		{"gaps", h_count, offsetof(struct raw_summary, gaps), true},
		{"gaps_by_level", schema_node, offsetof(struct raw_summary, by_level), true},
		{"unanswered", h_count, offsetof(struct raw_summary, unanswered), true},
		{"overdue_remediations", h_count, offsetof(struct raw_summary, overdue), true},
		{"expired_risk_acceptances", h_count, offsetof(struct raw_summary, expired), true},
	};
	static const struct schema_field by_level_fields[] = {
		{"baseline", h_count, offsetof(struct raw_level_counts, n[LEVEL_BASELINE]), true},
		{"intermediate", h_count, offsetof(struct raw_level_counts, n[LEVEL_INTERMEDIATE]),
		 true},
		{"advanced", h_count, offsetof(struct raw_level_counts, n[LEVEL_ADVANCED]), true},
	};
	struct raw_summary sum = {0};
	struct raw_level_counts by = {{0, 0, 0}};
	struct loader ld = {{doc, dl, &r->arena, NULL}, r};
	struct raw_report raw;
	struct raw_catalogue rc = {0};
	struct raw_answers ra = {0};
	struct raw_tool rt = {0};
	struct idmap products = IDMAP_INIT, ids = IDMAP_INIT;
	struct stored st;
	const struct ynode *schema;
	int ret = 0;
	size_t errors_before = dl->errors;

	memset(&raw, 0, sizeof(raw));
	memset(&st, 0, sizeof(st));
	schema = doc->root->type == YNODE_MAPPING ? ynode_get(doc->root, "schema") : NULL;
	if (!schema || schema->type != YNODE_SCALAR || strncmp(schema->str, "craf-report/", 12))
		return ydoc_error(doc, dl, schema ? schema : doc->root,
				  "not a craf JSON report (expected \"schema\": \"%s\")",
				  REPORT_SCHEMA);
	if (strcmp(schema->str, REPORT_SCHEMA))
		return ydoc_error(doc, dl, schema,
				  "unsupported report schema \"%s\" (this craf reads %s)",
				  schema->str, REPORT_SCHEMA);
	if (schema_mapping(&ld.sc, doc->root, "the report", fields, ARRAY_SIZE(fields), &raw))
		return -1;
	ret |= schema_mapping(&ld.sc, raw.tool, "tool", tool_fields, ARRAY_SIZE(tool_fields), &rt);
	ret |= schema_mapping(&ld.sc, raw.catalogue, "catalogue", cat_fields,
			      ARRAY_SIZE(cat_fields), &rc);
	ret |= schema_mapping(&ld.sc, raw.answers, "answers", ans_fields, ARRAY_SIZE(ans_fields),
			      &ra);
	if (ra.parts)
		ret |= load_parts(&ld.sc, r, ra.parts);
	if (schema_mapping(&ld.sc, raw.summary, "summary", summary_fields,
			   ARRAY_SIZE(summary_fields), &sum) ||
	    schema_mapping(&ld.sc, sum.by_level, "gaps_by_level", by_level_fields,
			   ARRAY_SIZE(by_level_fields), &by)) {
		ret = -1;
	} else {
		st.summary[0] = sum.gaps;
		memcpy(&st.summary[1], by.n, sizeof(by.n));
		st.summary[4] = sum.unanswered;
		st.summary[5] = sum.overdue;
		st.summary_nodes[0] = ynode_get(raw.summary, "gaps");
		st.summary_nodes[1] = ynode_get(sum.by_level, "baseline");
		st.summary_nodes[2] = ynode_get(sum.by_level, "intermediate");
		st.summary_nodes[3] = ynode_get(sum.by_level, "advanced");
		st.summary_nodes[4] = ynode_get(raw.summary, "unanswered");
		st.summary_nodes[5] = ynode_get(raw.summary, "overdue_remediations");
	}
	if (load_risk(&ld, raw.risk))
		ret = -1;
	if (strcmp(raw.target_source, "explicit") && strcmp(raw.target_source, "inherent_risk"))
		ret = ydoc_error(
			doc, dl, ynode_get(doc->root, "target_source"),
			"unknown target_source \"%s\" (expected explicit or inherent_risk)",
			raw.target_source);
	if (ret)
		goto cleanup;
	r->tool_version = dup(r, rt.version);
	r->framework = dup(r, rc.framework);
	r->catalogue_version = dup(r, rc.version);
	r->catalogue_sha256 = dup(r, rc.sha256);
	r->catalogue_builtin = rc.builtin;
	r->catalogue_origin = dup(r, rc.origin);
	r->answers_path = dup(r, ra.path);
	r->answers_sha256 = dup(r, ra.sha256);
	r->institution = dup(r, raw.institution);
	r->assessor = dup(r, raw.assessor);
	r->scope = dup(r, raw.scope);
	r->assessment_date = raw.assessment_date;
	r->as_of = raw.as_of;
	r->target = raw.target;
	r->target_source = raw.from_cli					 ? TARGET_COMMAND_LINE
			   : !strcmp(raw.target_source, "inherent_risk") ? TARGET_INHERENT_RISK
									 : TARGET_EXPLICIT;
	snprintf(r->generated_at, sizeof(r->generated_at), "%s", raw.generated_at);
	if (r->target_source == TARGET_INHERENT_RISK &&
	    r->target != risk_target(r->inherent_risk)) {
		ret = ydoc_error(
			doc, dl, ynode_get(doc->root, "target"),
			"the target does not follow from the inherent risk (the report was edited or is damaged)");
		goto cleanup;
	}
	st.overall = raw.overall;
	st.overall_node = ynode_get(doc->root, "overall");
	st.gaps = raw.gaps;
	if (load_domains(&ld, raw.domains, &st) || load_products(&ld, raw.products, &products) ||
	    load_controls(&ld, raw.controls, &products, &ids, &st) ||
	    check_gap_items(&ld, raw.gaps)) {
		ret = -1;
		goto cleanup;
	}
	engine_score(r);
	ret = check_consistency(&ld, &st, &ids);
cleanup:
	idmap_release(&products);
	idmap_release(&ids);
	/* The count is a safety net: a check that records an error but returns 0 still fails. */
	return ret || dl->errors > errors_before ? -1 : 0;
}
