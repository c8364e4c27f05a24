/*
 * OSCAL 1.2.1 export, so GRC tools can take craf's catalogue and results
 * without a converter. Name-based UUIDs and SOURCE_DATE_EPOCH keep the
 * bytes reproducible; docs/oscal.md has the mapping.
 */
#include "oscal.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "jsonw.h"
#include "uuid.h"

struct ox {
	struct jsonw w;
	struct strbuf line; /* oneline()'s output, used at once */
	struct strbuf name; /* a UUID's name, used at once */
};

struct props {
	struct ox *x;
	bool open;
};

static void ox_init(struct ox *x, struct strbuf *out)
{
	jsonw_init(&x->w, out);
	strbuf_init(&x->line);
	strbuf_init(&x->name);
}

static void ox_release(struct ox *x)
{
	strbuf_release(&x->line);
	strbuf_release(&x->name);
}

/* Length of the whitespace character at p, as JavaScript's \s knows it (the schemas' regexes). */
static size_t space_len(const unsigned char *p)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if (p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (p[0] == 0xe1 && p[1] == 0x9a && p[2] == 0x80)
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x80 &&
	    ((p[2] >= 0x80 && p[2] <= 0x8a) || p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf))
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
		return 3;
	if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 3;
	return 0;
}

/*
 * s on one line, trimmed, runs of space made one: OSCAL's string and
 * markup-line types refuse line breaks and surrounding space. NULL when
 * nothing is left.
 */
static const char *oneline(struct strbuf *sb, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	bool gap = false;

	strbuf_reset(sb);
	if (!s)
		return NULL;
	while (*p) {
		size_t n = space_len(p);

		if (n) {
			gap = sb->len > 0;
			p += n;
			continue;
		}
		if (gap)
			strbuf_addc(sb, ' ');
		gap = false;
		strbuf_addc(sb, (char)*p++);
	}
	return sb->len ? sb->buf : NULL;
}

static const char *fmt(struct strbuf *sb, const char *f, ...) __attribute__((format(printf, 2, 3)));

/* sb reset and filled with f; returns its string. */
static const char *fmt(struct strbuf *sb, const char *f, ...)
{
	va_list ap;

	strbuf_reset(sb);
	va_start(ap, f);
	strbuf_vaddf(sb, f, ap);
	va_end(ap);
	return strbuf_str(sb);
}

/* A string or markup-line member; fallback when s is empty (titles are required). */
static void line(struct ox *x, const char *key, const char *s, const char *fallback)
{
	const char *v = oneline(&x->line, s);

	if (v || fallback)
		jsonw_str(&x->w, key, v ? v : fallback);
}

/* A markup-multiline member, left out when empty. */
static void multiline(struct ox *x, const char *key, const char *s)
{
	if (s && *s)
		jsonw_str(&x->w, key, s);
}

static void uuid_member(struct ox *x, const char *key, const char *name)
{
	char u[37];

	uuid_v5(name, u);
	jsonw_str(&x->w, key, u);
}

/* "props" opens with its first member: OSCAL arrays may not be empty. */
static void prop(struct props *p, bool ours, const char *name, const char *value)
{
	struct ox *x = p->x;
	const char *v = oneline(&x->line, value);

	if (!v)
		return;
	if (!p->open) {
		jsonw_array(&x->w, "props", false);
		p->open = true;
	}
	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "name", name);
	if (ours)
		jsonw_str(&x->w, "ns", OSCAL_CRAF_NS);
	jsonw_str(&x->w, "value", v);
	jsonw_end(&x->w);
}

static void props_end(struct props *p)
{
	if (p->open)
		jsonw_end(&p->x->w);
	p->open = false;
}

static void metadata_head(struct ox *x, const char *title, const char *last_modified,
			  const char *version)
{
	jsonw_object(&x->w, "metadata");
	line(x, "title", title, "craf");
	jsonw_str(&x->w, "last-modified", last_modified);
	line(x, "version", version, "unversioned");
	jsonw_str(&x->w, "oscal-version", OSCAL_VERSION);
}

/* The statement item of one level: "all" for a requirement that holds at every level. */
static const char *level_key(bool single, enum level l)
{
	return single ? "all" : level_name(l);
}

/* ---- catalog ---- */

/* The Chinese text as a child part: OSCAL has no language tag on prose. */
static void translation(struct ox *x, const char *parent_id, const char *zh)
{
	struct props p = {x, false};
	struct strbuf id = STRBUF_INIT;

	if (!zh || !*zh)
		return;
	jsonw_array(&x->w, "parts", false);
	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "id", fmt(&id, "%s_zh", parent_id));
	jsonw_str(&x->w, "name", "translation");
	jsonw_str(&x->w, "ns", OSCAL_CRAF_NS);
	prop(&p, true, "lang", "zh-Hans");
	props_end(&p);
	jsonw_str(&x->w, "prose", zh);
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	strbuf_release(&id);
}

static void statement(struct ox *x, const struct catalogue *cat, const struct cat_principle *p,
		      const char *cid)
{
	struct strbuf id = STRBUF_INIT, sub = STRBUF_INIT;

	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "id", fmt(&id, "%s_smt", cid));
	jsonw_str(&x->w, "name", "statement");
	jsonw_array(&x->w, "parts", false);
	for (int l = 0; l < p->nlevels; l++) {
		const char *key = level_key(p->single, (enum level)l);
		struct props pp = {x, false};

		jsonw_object(&x->w, NULL);
		jsonw_str(&x->w, "id", fmt(&sub, "%s.%s", strbuf_str(&id), key));
		jsonw_str(&x->w, "name", "item");
		line(x, "title", p->single ? "All levels" : cat->level_names[l].en, key);
		prop(&pp, false, "label", key);
		prop(&pp, true, "level", key);
		props_end(&pp);
		multiline(x, "prose", p->requirement[l].en);
		translation(x, strbuf_str(&sub), p->requirement[l].zh);
		jsonw_end(&x->w);
	}
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	strbuf_release(&id);
	strbuf_release(&sub);
}

static const char *responsibility_prose(enum responsibility r)
{
	switch (r) {
	case RESP_CUSTOMER:
		return "the institution's";
	case RESP_SHARED:
		return "shared between the institution and Tencent Cloud";
	case RESP_PROVIDER:
		return "Tencent Cloud's, inherited by the institution";
	case RESP_NONE:
		break;
	}
	return "not stated";
}

static void product_label(struct strbuf *sb, const struct cat_product *pr)
{
	strbuf_adds(sb, pr->name.en ? pr->name.en : pr->id);
	if (pr->abbr && *pr->abbr && (!pr->name.en || strcmp(pr->abbr, pr->name.en)))
		strbuf_addf(sb, " (%s)", pr->abbr);
}

static void response_part(struct ox *x, const char *parent_id, const char *name, const char *title,
			  const struct text *t)
{
	struct strbuf id = STRBUF_INIT;

	if (!t->en || !*t->en)
		return;
	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "id", fmt(&id, "%s.%s", parent_id, name));
	jsonw_str(&x->w, "name", name);
	jsonw_str(&x->w, "ns", OSCAL_CRAF_NS);
	jsonw_str(&x->w, "title", title);
	jsonw_str(&x->w, "prose", t->en);
	translation(x, strbuf_str(&id), t->zh);
	jsonw_end(&x->w);
	strbuf_release(&id);
}

/* Tencent Cloud's mapped response, as guidance; products link to back-matter resources. */
static void guidance(struct ox *x, const struct catalogue *cat, const struct cat_principle *p,
		     const char *cid)
{
	struct strbuf id = STRBUF_INIT, prose = STRBUF_INIT, name = STRBUF_INIT;
	struct props pp = {x, false};

	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "id", fmt(&id, "%s_gdn", cid));
	jsonw_str(&x->w, "name", "guidance");
	jsonw_str(&x->w, "title", "Tencent Cloud mapped response");
	prop(&pp, true, "responsibility", responsibility_name(p->responsibility));
	for (size_t k = 0; k < p->nproducts; k++)
		prop(&pp, true, "product", cat->products[p->products[k]].id);
	for (size_t k = 0; k < p->ncertifications; k++)
		prop(&pp, true, "certification", p->certifications[k]);
	props_end(&pp);
	strbuf_addf(&prose, "Responsibility: %s.", responsibility_prose(p->responsibility));
	if (p->nproducts) {
		strbuf_adds(&prose, "\n\nTencent Cloud products that help: ");
		for (size_t k = 0; k < p->nproducts; k++) {
			if (k)
				strbuf_adds(&prose, ", ");
			product_label(&prose, &cat->products[p->products[k]]);
		}
		strbuf_addc(&prose, '.');
	}
	if (p->ncertifications) {
		strbuf_adds(&prose, "\n\nTencent Cloud certifications: ");
		for (size_t k = 0; k < p->ncertifications; k++)
			strbuf_addf(&prose, "%s%s", k ? ", " : "", p->certifications[k]);
		strbuf_addc(&prose, '.');
	}
	jsonw_str(&x->w, "prose", strbuf_str(&prose));
	if ((p->customer.en && *p->customer.en) || (p->provider.en && *p->provider.en)) {
		jsonw_array(&x->w, "parts", false);
		response_part(x, strbuf_str(&id), "customer", "What the institution does",
			      &p->customer);
		response_part(x, strbuf_str(&id), "provider", "What Tencent Cloud operates",
			      &p->provider);
		jsonw_end(&x->w);
	}
	if (p->nproducts) {
		jsonw_array(&x->w, "links", false);
		for (size_t k = 0; k < p->nproducts; k++) {
			const struct cat_product *pr = &cat->products[p->products[k]];
			char u[37];

			uuid_v5(fmt(&name, "craf/product/%s", pr->id), u);
			jsonw_object(&x->w, NULL);
			jsonw_str(&x->w, "href", fmt(&name, "#%s", u));
			jsonw_str(&x->w, "rel", "reference");
			line(x, "text", pr->abbr, pr->id);
			jsonw_end(&x->w);
		}
		jsonw_end(&x->w);
	}
	jsonw_end(&x->w);
	strbuf_release(&id);
	strbuf_release(&prose);
	strbuf_release(&name);
}

static void control(struct ox *x, const struct catalogue *cat, const struct cat_principle *p)
{
	struct strbuf cid = STRBUF_INIT, sort = STRBUF_INIT;
	struct props pp = {x, false};

	fmt(&cid, "craf-%s", p->id);
	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "id", strbuf_str(&cid));
	jsonw_str(&x->w, "class", "principle");
	line(x, "title", p->name.en, p->id);
	prop(&pp, false, "label", p->id);
	/* Numeric order for tools that sort by string: 3.2.1 before 3.10.1. */
	prop(&pp, false, "sort-id",
	     fmt(&sort, "craf-%03u.%03u.%03u", p->num[0], p->num[1], p->num[2]));
	prop(&pp, true, "name-zh", p->name.zh);
	for (int l = 0; l < p->nlevels; l++)
		prop(&pp, true, "level", level_key(p->single, (enum level)l));
	if (p->responsibility != RESP_NONE)
		prop(&pp, true, "responsibility", responsibility_name(p->responsibility));
	props_end(&pp);
	jsonw_array(&x->w, "parts", false);
	statement(x, cat, p, strbuf_str(&cid));
	if (p->responsibility != RESP_NONE)
		guidance(x, cat, p, strbuf_str(&cid));
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	strbuf_release(&cid);
	strbuf_release(&sort);
}

static void group_head(struct ox *x, const char *cls, const char *id, const struct text *name)
{
	struct strbuf gid = STRBUF_INIT;
	struct props pp = {x, false};

	jsonw_str(&x->w, "id", fmt(&gid, "craf-%s", id));
	jsonw_str(&x->w, "class", cls);
	line(x, "title", name->en, id);
	prop(&pp, false, "label", id);
	prop(&pp, true, "name-zh", name->zh);
	props_end(&pp);
	strbuf_release(&gid);
}

static void products_back_matter(struct ox *x, const struct catalogue *cat)
{
	if (!cat->nproducts)
		return;
	jsonw_object(&x->w, "back-matter");
	jsonw_array(&x->w, "resources", false);
	for (size_t k = 0; k < cat->nproducts; k++) {
		const struct cat_product *pr = &cat->products[k];
		struct props pp = {x, false};

		jsonw_object(&x->w, NULL);
		uuid_member(x, "uuid", fmt(&x->name, "craf/product/%s", pr->id));
		line(x, "title", pr->name.en, pr->id);
		multiline(x, "description", pr->summary.en);
		prop(&pp, true, "product", pr->id);
		prop(&pp, true, "abbreviation", pr->abbr);
		prop(&pp, true, "category", pr->category);
		prop(&pp, true, "name-zh", pr->name.zh);
		props_end(&pp);
		jsonw_end(&x->w);
	}
	jsonw_end(&x->w);
	jsonw_end(&x->w);
}

void oscal_catalog_render(struct strbuf *out, const struct catalogue *cat, time_t now_t)
{
	struct strbuf title = STRBUF_INIT;
	struct props pp;
	char now[21];
	struct ox x;

	ox_init(&x, out);
	pp.x = &x;
	pp.open = false;
	date_timestamp(now_t, now);
	jsonw_object(&x.w, NULL);
	jsonw_object(&x.w, "catalog");
	/* A new UUID for new content: the sha256 covers every catalogue file. */
	uuid_member(
		&x, "uuid",
		fmt(&x.name, "craf/catalog/%s/%s/%s", cat->framework, cat->version, cat->sha256));
	metadata_head(&x, fmt(&title, "%s control catalogue", cat->framework), now, cat->version);
	prop(&pp, true, "framework", cat->framework);
	prop(&pp, true, "catalogue-sha256", cat->sha256);
	props_end(&pp);
	multiline(&x, "remarks", cat->source.en);
	jsonw_end(&x.w);
	if (cat->ndomains) {
		jsonw_array(&x.w, "groups", false);
		for (size_t d = 0; d < cat->ndomains; d++) {
			const struct cat_domain *dom = &cat->domains[d];

			jsonw_object(&x.w, NULL);
			group_head(&x, "domain", dom->id, &dom->name);
			if (dom->ncomponents) {
				jsonw_array(&x.w, "groups", false);
				for (size_t c = 0; c < dom->ncomponents; c++) {
					const struct cat_component *comp =
						&cat->components[dom->first_component + c];

					jsonw_object(&x.w, NULL);
					group_head(&x, "component", comp->id, &comp->name);
					if (comp->count) {
						jsonw_array(&x.w, "controls", false);
						for (size_t i = 0; i < comp->count; i++)
							control(&x, cat,
								&cat->principles[comp->first + i]);
						jsonw_end(&x.w);
					}
					jsonw_end(&x.w);
				}
				jsonw_end(&x.w);
			}
			jsonw_end(&x.w);
		}
		jsonw_end(&x.w);
	}
	products_back_matter(&x, cat);
	jsonw_end(&x.w);
	jsonw_end(&x.w);
	jsonw_finish(&x.w);
	strbuf_release(&title);
	ox_release(&x);
}

/* ---- assessment-results ---- */

/* Names every UUID of one assessment derives from; the institution and date identify it. */
struct ar {
	struct ox x;
	const struct result *r;
	struct strbuf inst; /* the institution's name on one line */
	struct strbuf base; /* craf/assessment/<institution>/<date> */
	char start[21];	    /* the assessment date at midnight UTC */
	char party[37];	    /* the institution */
};

static void date_time(const struct date *d, char out[21])
{
	char buf[11];

	snprintf(out, 21, "%sT00:00:00Z", date_format(d, buf));
}

static void level_uuid(struct ar *a, const char *kind, const struct result_control *c,
		       const struct result_level *rl, char out[37])
{
	uuid_v5(fmt(&a->x.name, "%s/%s/%s/%s", strbuf_str(&a->base), kind, c->id,
		    level_key(c->single, rl->level)),
		out);
}

/* Only evidence that is already a URI becomes an href; anything else stays prose. */
static bool is_uri(const char *s)
{
	static const char ok[] = "-._~:/?#[]@!$&'()*+,;=%";

	if (strncmp(s, "https://", 8) && strncmp(s, "http://", 7))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || strchr(ok, *s)))
			return false;
	return true;
}

/* A file path as a relative reference: bytes outside RFC 3986's unreserved set escaped. */
static void path_uri(struct strbuf *sb, const char *path)
{
	strbuf_reset(sb);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			strbuf_addc(sb, (char)*p);
		else
			strbuf_addf(sb, "%%%02X", *p);
	}
}

static void remediation_text(struct strbuf *sb, const struct result_level *rl)
{
	char buf[11];

	if (!rl->has_remediation)
		return;
	if (sb->len)
		strbuf_adds(sb, "\n\n");
	strbuf_addf(sb, "Remediation: %s",
		    rl->remediation.action ? rl->remediation.action : "(no action given)");
	if (rl->remediation.owner)
		strbuf_addf(sb, "\n\nOwner: %s", rl->remediation.owner);
	if (date_is_set(&rl->remediation.due))
		strbuf_addf(sb, "\n\nDue: %s%s", date_format(&rl->remediation.due, buf),
			    rl->overdue ? " (overdue)" : "");
}

static void observation(struct ar *a, const struct result_control *c, const struct result_level *rl)
{
	struct ox *x = &a->x;
	struct strbuf s = STRBUF_INIT, ids = STRBUF_INIT;
	struct props pp = {x, false};
	const char *key = level_key(c->single, rl->level);
	char u[37], buf[11], expires[21];

	level_uuid(a, "observation", c, rl, u);
	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "uuid", u);
	line(x, "title",
	     fmt(&s, "%s %s (%s): %s", c->id, c->name.en ? c->name.en : "", key,
		 status_name(rl->status)),
	     c->id);
	fmt(&s, "The institution rated the %s requirement of %s %s (%s).", key, c->id,
	    status_name(rl->status), rl->achieved ? "achieved" : "not achieved");
	if (rl->note)
		strbuf_addf(&s, "\n\n%s", rl->note);
	jsonw_str(&x->w, "description", strbuf_str(&s));
	prop(&pp, true, "control-id", fmt(&ids, "craf-%s", c->id));
	prop(&pp, true, "statement-id", fmt(&ids, "craf-%s_smt.%s", c->id, key));
	prop(&pp, true, "level", key);
	prop(&pp, true, "status", status_name(rl->status));
	prop(&pp, true, "achieved", rl->achieved ? "true" : "false");
	if (date_is_set(&rl->expires)) {
		prop(&pp, true, "risk-accepted-until", date_format(&rl->expires, buf));
		prop(&pp, true, "risk-acceptance-expired", rl->expired ? "true" : "false");
	}
	props_end(&pp);
	jsonw_array(&x->w, "methods", true);
	jsonw_str(&x->w, NULL, "EXAMINE");
	jsonw_end(&x->w);
	jsonw_array(&x->w, "types", true);
	jsonw_str(&x->w, NULL, "control-objective");
	jsonw_end(&x->w);
	/* A self-assessment: the institution is the one observing. */
	jsonw_array(&x->w, "origins", false);
	jsonw_object(&x->w, NULL);
	jsonw_array(&x->w, "actors", false);
	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "type", "party");
	jsonw_str(&x->w, "actor-uuid", a->party);
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	if (rl->evidence.nr || rl->files.nr) {
		jsonw_array(&x->w, "relevant-evidence", false);
		for (size_t e = 0; e < rl->evidence.nr; e++) {
			const char *ev = rl->evidence.items[e];

			jsonw_object(&x->w, NULL);
			if (is_uri(ev))
				jsonw_str(&x->w, "href", ev);
			jsonw_str(&x->w, "description", *ev ? ev : "(empty)");
			jsonw_end(&x->w);
		}
		/* A file: relative to the answers file, pinned by its digest; stale ones say so. */
		for (size_t e = 0; e < rl->files.nr; e++) {
			const struct evidence_file *ef = &rl->files.items[e];
			char day[11];

			jsonw_object(&x->w, NULL);
			strbuf_reset(&s);
			path_uri(&s, ef->path);
			jsonw_str(&x->w, "href", strbuf_str(&s));
			strbuf_reset(&s);
			strbuf_addf(&s, "%s%s%s, dated %s, %llu bytes, SHA-256 %s%s",
				    ef->title ? ef->title : "", ef->title ? ": " : "", ef->path,
				    date_format(&ef->date, day), ef->size, ef->sha256,
				    ef->stale ? " (stale: older than the evidence age limit)" : "");
			jsonw_str(&x->w, "description", strbuf_str(&s));
			jsonw_end(&x->w);
		}
		jsonw_end(&x->w);
	}
	jsonw_str(&x->w, "collected", a->start);
	if (rl->status == STATUS_RISK_ACCEPTED && date_is_set(&rl->expires)) {
		date_time(&rl->expires, expires);
		jsonw_str(&x->w, "expires", expires);
	}
	strbuf_reset(&s);
	remediation_text(&s, rl);
	multiline(x, "remarks", strbuf_str(&s));
	jsonw_end(&x->w);
	strbuf_release(&s);
	strbuf_release(&ids);
}

static void finding(struct ar *a, const struct result_gap *g)
{
	const struct result_control *c = &a->r->controls[g->control];
	const struct result_level *rl = &c->levels[g->level];
	const char *key = level_key(c->single, rl->level);
	struct ox *x = &a->x;
	struct strbuf s = STRBUF_INIT;
	struct props pp = {x, false};
	char u[37];

	level_uuid(a, "finding", c, rl, u);
	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "uuid", u);
	line(x, "title", fmt(&s, "%s %s (%s)", c->id, c->name.en ? c->name.en : "", key), c->id);
	jsonw_str(&x->w, "description",
		  rl->requirement.en && *rl->requirement.en ? rl->requirement.en
							    : "(no requirement text)");
	prop(&pp, true, "level", key);
	prop(&pp, true, "status", status_name(rl->status));
	if (rl->has_remediation)
		prop(&pp, true, "overdue", rl->overdue ? "true" : "false");
	if (c->responsibility != RESP_NONE)
		prop(&pp, true, "responsibility", responsibility_name(c->responsibility));
	props_end(&pp);
	jsonw_object(&x->w, "target");
	jsonw_str(&x->w, "type", "statement-id");
	jsonw_str(&x->w, "target-id", fmt(&s, "craf-%s_smt.%s", c->id, key));
	jsonw_object(&x->w, "status");
	jsonw_str(&x->w, "state", "not-satisfied");
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	if (rl->status != STATUS_UNANSWERED) {
		level_uuid(a, "observation", c, rl, u);
		jsonw_array(&x->w, "related-observations", false);
		jsonw_object(&x->w, NULL);
		jsonw_str(&x->w, "observation-uuid", u);
		jsonw_end(&x->w);
		jsonw_end(&x->w);
	}
	strbuf_reset(&s);
	if (rl->note)
		strbuf_adds(&s, rl->note);
	remediation_text(&s, rl);
	if (c->nproducts) {
		strbuf_adds(&s, s.len ? "\n\nTencent Cloud: " : "Tencent Cloud: ");
		for (size_t k = 0; k < c->nproducts; k++) {
			const struct result_product *pr = &a->r->products[c->products[k]];

			strbuf_addf(&s, "%s%s", k ? ", " : "", pr->name.en ? pr->name.en : pr->id);
		}
	}
	multiline(x, "remarks", strbuf_str(&s));
	jsonw_end(&x->w);
	strbuf_release(&s);
}

static void result_props(struct ar *a)
{
	const struct result *r = a->r;
	struct props pp = {&a->x, false};
	char buf[11];

	prop(&pp, true, "institution", strbuf_str(&a->inst));
	prop(&pp, true, "assessor", r->assessor);
	prop(&pp, true, "scope", r->scope);
	if (r->inherent_risk != RISK_NONE)
		prop(&pp, true, "inherent-risk", risk_name(r->inherent_risk));
	prop(&pp, true, "icast-required", r->icast_required ? "true" : "false");
	prop(&pp, true, "target", level_name(r->target));
	prop(&pp, true, "target-source", target_source_name(r->target_source));
	prop(&pp, true, "overall", level_name(r->overall));
	if (date_is_set(&r->as_of))
		prop(&pp, true, "as-of", date_format(&r->as_of, buf));
	props_end(&pp);
}

static void result_description(struct strbuf *s, const struct result *r, const char *inst)
{
	strbuf_addf(s, "%s self-assessment of %s against the %s target", r->framework, inst,
		    level_name(r->target));
	if (r->inherent_risk != RISK_NONE && r->target_source == TARGET_INHERENT_RISK)
		strbuf_addf(s, " (from inherent risk: %s)", risk_name(r->inherent_risk));
	strbuf_addf(s, ". Overall maturity: %s (%s target).\n\n", level_name(r->overall),
		    r->overall >= r->target ? "meets the" : "below");
	strbuf_addf(s,
		    "%zu gap%s (baseline %zu, intermediate %zu, advanced %zu), %zu unanswered, "
		    "%zu overdue, %zu expired risk acceptance%s.",
		    r->summary.gaps, r->summary.gaps == 1 ? "" : "s",
		    r->summary.gaps_by_level[LEVEL_BASELINE],
		    r->summary.gaps_by_level[LEVEL_INTERMEDIATE],
		    r->summary.gaps_by_level[LEVEL_ADVANCED], r->summary.unanswered,
		    r->summary.overdue, r->summary.expired, r->summary.expired == 1 ? "" : "s");
}

static void result_body(struct ar *a)
{
	const struct result *r = a->r;
	struct ox *x = &a->x;
	struct strbuf s = STRBUF_INIT;
	size_t answered = 0;

	jsonw_array(&x->w, "results", false);
	jsonw_object(&x->w, NULL);
	uuid_member(x, "uuid", fmt(&x->name, "%s/result", strbuf_str(&a->base)));
	line(x, "title",
	     fmt(&s, "%s maturity assessment against the %s target", r->framework,
		 level_name(r->target)),
	     "Assessment");
	strbuf_reset(&s);
	result_description(&s, r, strbuf_str(&a->inst));
	jsonw_str(&x->w, "description", strbuf_str(&s));
	jsonw_str(&x->w, "start", a->start);
	result_props(a);
	jsonw_object(&x->w, "reviewed-controls");
	jsonw_array(&x->w, "control-selections", false);
	jsonw_object(&x->w, NULL);
	if (r->ncontrols) {
		jsonw_array(&x->w, "include-controls", false);
		for (size_t i = 0; i < r->ncontrols; i++) {
			jsonw_object(&x->w, NULL);
			jsonw_str(&x->w, "control-id", fmt(&s, "craf-%s", r->controls[i].id));
			jsonw_end(&x->w);
		}
		jsonw_end(&x->w);
	} else {
		jsonw_object(&x->w, "include-all");
		jsonw_end(&x->w);
	}
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	for (size_t i = 0; i < r->ncontrols; i++)
		for (size_t l = 0; l < r->controls[i].nlevels; l++)
			answered += r->controls[i].levels[l].status != STATUS_UNANSWERED;
	if (answered) {
		jsonw_array(&x->w, "observations", false);
		for (size_t i = 0; i < r->ncontrols; i++)
			for (size_t l = 0; l < r->controls[i].nlevels; l++)
				if (r->controls[i].levels[l].status != STATUS_UNANSWERED)
					observation(a, &r->controls[i], &r->controls[i].levels[l]);
		jsonw_end(&x->w);
	}
	if (r->ngaps) {
		jsonw_array(&x->w, "findings", false);
		for (size_t g = 0; g < r->ngaps; g++)
			finding(a, &r->gaps[g]);
		jsonw_end(&x->w);
	}
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	strbuf_release(&s);
}

/* The plan the schema requires, and the answers file pinned by its hash. */
static void ar_back_matter(struct ar *a, const char *plan)
{
	const struct result *r = a->r;
	struct ox *x = &a->x;
	struct strbuf s = STRBUF_INIT;

	jsonw_object(&x->w, "back-matter");
	jsonw_array(&x->w, "resources", false);
	jsonw_object(&x->w, NULL);
	jsonw_str(&x->w, "uuid", plan);
	jsonw_str(&x->w, "title", "C-RAF self-assessment (no separate assessment plan)");
	jsonw_str(
		&x->w, "description",
		"A C-RAF self-assessment has no OSCAL assessment plan: the institution answers "
		"every requirement of the catalogue up to its target maturity level. The controls "
		"reviewed are listed in the result.");
	jsonw_end(&x->w);
	if (r->answers_path && *r->answers_path) {
		jsonw_object(&x->w, NULL);
		uuid_member(x, "uuid", fmt(&x->name, "%s/answers", strbuf_str(&a->base)));
		jsonw_str(&x->w, "title", "Answers file");
		jsonw_str(&x->w, "description",
			  "The institution's answers: status, evidence and remediation for each "
			  "requirement.");
		jsonw_array(&x->w, "rlinks", false);
		jsonw_object(&x->w, NULL);
		path_uri(&s, r->answers_path);
		jsonw_str(&x->w, "href", s.len ? strbuf_str(&s) : "answers.yaml");
		jsonw_str(&x->w, "media-type", "application/yaml");
		if (oneline(&x->line, r->answers_sha256)) {
			jsonw_array(&x->w, "hashes", false);
			jsonw_object(&x->w, NULL);
			jsonw_str(&x->w, "algorithm", "SHA-256");
			jsonw_str(&x->w, "value", strbuf_str(&x->line));
			jsonw_end(&x->w);
			jsonw_end(&x->w);
		}
		jsonw_end(&x->w);
		jsonw_end(&x->w);
		jsonw_end(&x->w);
	}
	jsonw_end(&x->w);
	jsonw_end(&x->w);
	strbuf_release(&s);
}

void oscal_assessment_results_render(struct strbuf *out, const struct result *r)
{
	struct strbuf s = STRBUF_INIT;
	char date[11], now[21], plan[37];
	struct props pp;
	struct ar a;

	ox_init(&a.x, out);
	a.r = r;
	strbuf_init(&a.inst);
	strbuf_init(&a.base);
	if (!oneline(&a.inst, r->institution))
		strbuf_adds(&a.inst, "Unnamed institution");
	date_format(&r->assessment_date, date);
	strbuf_addf(&a.base, "craf/assessment/%s/%s", strbuf_str(&a.inst), date);
	date_time(&r->assessment_date, a.start);
	uuid_v5(fmt(&s, "craf/party/%s", strbuf_str(&a.inst)), a.party);
	uuid_v5(fmt(&s, "%s/assessment-plan", strbuf_str(&a.base)), plan);
	/* A report always records when it was made; else the day it was assessed. */
	if (r->generated_at[0])
		memcpy(now, r->generated_at, sizeof(now));
	else
		memcpy(now, a.start, sizeof(now));
	pp.x = &a.x;
	pp.open = false;

	jsonw_object(&a.x.w, NULL);
	jsonw_object(&a.x.w, "assessment-results");
	uuid_member(&a.x, "uuid", strbuf_str(&a.base));
	metadata_head(
		&a.x,
		fmt(&s, "%s self-assessment: %s, %s", r->framework, strbuf_str(&a.inst), date), now,
		date);
	prop(&pp, true, "framework", r->framework);
	prop(&pp, true, "catalogue-version", r->catalogue_version);
	prop(&pp, true, "catalogue-sha256", r->catalogue_sha256);
	prop(&pp, true, "answers-sha256", r->answers_sha256);
	prop(&pp, true, "tool", fmt(&s, "craf %s", r->tool_version ? r->tool_version : ""));
	props_end(&pp);
	jsonw_array(&a.x.w, "parties", false);
	jsonw_object(&a.x.w, NULL);
	jsonw_str(&a.x.w, "uuid", a.party);
	jsonw_str(&a.x.w, "type", "organization");
	jsonw_str(&a.x.w, "name", strbuf_str(&a.inst));
	jsonw_end(&a.x.w);
	jsonw_end(&a.x.w);
	multiline(&a.x, "remarks", r->scope);
	jsonw_end(&a.x.w);
	jsonw_object(&a.x.w, "import-ap");
	jsonw_str(&a.x.w, "href", fmt(&s, "#%s", plan));
	jsonw_str(&a.x.w, "remarks", "No separate plan: see the back-matter resource.");
	jsonw_end(&a.x.w);
	result_body(&a);
	ar_back_matter(&a, plan);
	jsonw_end(&a.x.w);
	jsonw_end(&a.x.w);
	jsonw_finish(&a.x.w);
	strbuf_release(&s);
	strbuf_release(&a.inst);
	strbuf_release(&a.base);
	ox_release(&a.x);
}
