/* Renders the catalogue for reading at a terminal. */
#include <string.h>

#include "catalogue_view.h"
#include "report_text.h"
#include "term.h"

bool catalogue_principle_uses(const struct cat_principle *p, size_t product)
{
	for (size_t k = 0; k < p->nproducts; k++)
		if (p->products[k] == product)
			return true;
	return false;
}

bool catalogue_filter_match(const struct catalogue *cat, const struct cat_principle *p,
			    const struct catalogue_filter *f)
{
	if (f->domain && strcmp(cat->domains[p->domain].id, f->domain))
		return false;
	/* A single requirement applies at every level. */
	if (f->level != LEVEL_NONE && !p->single && (int)f->level >= p->nlevels)
		return false;
	return true;
}

static void safe(struct strbuf *out, const char *s)
{
	term_sanitize(out, s, strlen(s));
}

/* Prose: at most 100 columns however wide the terminal. */
static void wrapped(struct strbuf *out, const char *s, int indent, int width)
{
	term_wrap(out, s, indent, term_prose_width(width));
	strbuf_addc(out, '\n');
}

/* A line built here (safe) that continues at column col, wrapped under indent. */
static void line_at(struct strbuf *out, const char *s, int col, int indent, int width)
{
	term_wrap_styled(out, s, col, indent, width);
	strbuf_addc(out, '\n');
}

/* "ID name" as a heading, the name's continuation lines under the name. */
static void id_name(struct strbuf *out, const char *prefix, const char *id, const char *sep,
		    const struct text *name, enum lang lang, int width)
{
	struct strbuf line = STRBUF_INIT;
	int indent = term_width(prefix) + term_width(id) + term_width(sep);

	strbuf_adds(&line, prefix);
	term_sanitize(&line, id, strlen(id));
	strbuf_adds(&line, sep);
	safe(&line, text_get(name, lang));
	line_at(out, line.buf, 0, indent, width);
	strbuf_release(&line);
}

static void builtin_note(struct strbuf *out, const struct catalogue *cat, enum lang lang, int width)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line, "%s %s: %zu %s, %zu %s", cat->framework, cat->version, cat->nprinciples,
		    msg_n(lang, MSG_PRINCIPLES, cat->nprinciples), catalogue_requirements(cat),
		    msg_n(lang, MSG_CAT_REQUIREMENTS, catalogue_requirements(cat)));
	wrapped(out, line.buf, 0, width);
	strbuf_reset(&line);
	if (cat->builtin) {
		wrapped(out, msg(lang, MSG_SHIPPED_NOTE), 0, width);
	} else {
		strbuf_addf(&line, "(%s)", cat->origin);
		wrapped(out, line.buf, 0, width);
	}
	strbuf_release(&line);
}

void catalogue_text_list(struct strbuf *out, const struct catalogue *cat,
			 const struct catalogue_filter *f, enum lang lang, int width)
{
	size_t shown = 0;

	builtin_note(out, cat, lang, width);
	wrapped(out, msg(lang, MSG_CAT_LEGEND), 0, width);
	for (size_t d = 0; d < cat->ndomains; d++) {
		const struct cat_domain *dom = &cat->domains[d];
		bool domain_shown = false;

		for (size_t c = dom->first_component; c < dom->first_component + dom->ncomponents;
		     c++) {
			const struct cat_component *comp = &cat->components[c];
			bool comp_shown = false;

			for (size_t i = comp->first; i < comp->first + comp->count; i++) {
				const struct cat_principle *p = &cat->principles[i];
				struct strbuf line = STRBUF_INIT;

				if (!catalogue_filter_match(cat, p, f))
					continue;
				if (!domain_shown) {
					strbuf_addc(out, '\n');
					id_name(out, "", dom->id, " ", &dom->name, lang, width);
					domain_shown = true;
				}
				if (!comp_shown) {
					id_name(out, "  ", comp->id, " ", &comp->name, lang, width);
					comp_shown = true;
				}
				strbuf_addf(&line, "    %-8s %s  ", p->id,
					    p->single	      ? "*    "
					    : p->nlevels == 3 ? "B I A"
					    : p->nlevels == 2 ? "B I  "
							      : "B    ");
				/* The name wraps under itself. */
				safe(&line, text_get(&p->name, lang));
				line_at(out, line.buf, 0,
					12 + (strlen(p->id) > 8 ? (int)strlen(p->id) : 8), width);
				strbuf_release(&line);
				shown++;
			}
		}
	}
	if (!shown)
		strbuf_addf(out, "\n%s\n", msg(lang, MSG_CAT_NO_PRINCIPLES));
}

static void heading(struct strbuf *out, const char *s, int width)
{
	strbuf_addc(out, '\n');
	line_at(out, s, 0, 2, width);
}

/* "  Label        value", the value wrapping under itself. */
static void field(struct strbuf *out, const char *label, const char *value, int width)
{
	strbuf_adds(out, "  ");
	term_pad(out, label, 12);
	strbuf_addc(out, ' ');
	line_at(out, value, 15, 15, width);
}

/* "  Label:" over what it introduces. */
static void subheading(struct strbuf *out, const char *label, int width)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line, "%s:", label);
	strbuf_adds(out, "  ");
	line_at(out, line.buf, 2, 4, width);
	strbuf_release(&line);
}

void catalogue_text_show(struct strbuf *out, const struct catalogue *cat,
			 const struct cat_principle *p, enum lang lang, int width)
{
	const struct cat_domain *d = &cat->domains[p->domain];
	const struct cat_component *c = &cat->components[p->component];
	struct strbuf v = STRBUF_INIT;

	id_name(out, "", p->id, "  ", &p->name, lang, width);
	strbuf_addc(out, '\n');
	strbuf_addf(&v, "%s ", d->id);
	safe(&v, text_get(&d->name, lang));
	field(out, msg(lang, MSG_DOMAIN), v.buf, width);
	strbuf_reset(&v);
	strbuf_addf(&v, "%s ", c->id);
	safe(&v, text_get(&c->name, lang));
	field(out, msg(lang, MSG_CAT_COMPONENT), v.buf, width);
	strbuf_reset(&v);
	if (p->single) {
		strbuf_adds(&v, msg(lang, MSG_ALL_LEVELS));
	} else {
		for (int l = 0; l < p->nlevels; l++)
			strbuf_addf(&v, "%s%s", l ? ", " : "",
				    report_level_name((enum level)l, lang));
	}
	field(out, msg(lang, MSG_CAT_LEVELS), v.buf, width);
	strbuf_release(&v);
	for (int l = 0; l < p->nlevels; l++) {
		struct strbuf h = STRBUF_INIT;

		strbuf_adds(&h, p->single ? msg(lang, MSG_ALL_LEVELS)
					  : report_level_name((enum level)l, lang));
		/* Headings start with a capital; CJK has none to change. */
		if (h.buf[0] >= 'a' && h.buf[0] <= 'z')
			h.buf[0] = (char)(h.buf[0] - 'a' + 'A');
		if (l > 0)
			strbuf_addf(&h, " (%s %s)", msg(lang, MSG_CAT_ADDS_TO),
				    report_level_name((enum level)(l - 1), lang));
		heading(out, h.buf, width);
		wrapped(out, text_get(&p->requirement[l], lang), 2, width);
		strbuf_release(&h);
	}
	if (p->responsibility == RESP_NONE)
		return;
	heading(out, msg(lang, MSG_CAT_RESPONSE), width);
	{
		struct strbuf line = STRBUF_INIT;

		strbuf_addf(&line, "%s: %s", msg(lang, MSG_RESPONSIBILITY),
			    report_responsibility_name(p->responsibility, lang));
		strbuf_adds(out, "  ");
		line_at(out, line.buf, 2, 4, width);
		strbuf_reset(&line);
		strbuf_addf(&line, "%s:", msg(lang, MSG_CAT_PRODUCTS));
		if (!p->nproducts)
			strbuf_addf(&line, " %s", msg(lang, MSG_CAT_NONE));
		strbuf_adds(out, "  ");
		line_at(out, line.buf, 2, 4, width);
		strbuf_release(&line);
	}
	for (size_t k = 0; k < p->nproducts; k++) {
		const struct cat_product *prod = &cat->products[p->products[k]];
		struct strbuf line = STRBUF_INIT;

		struct strbuf item = STRBUF_INIT;

		strbuf_addf(&line, "%s, ", prod->abbr);
		strbuf_adds(&line, text_get(&prod->name, lang));
		strbuf_addf(&line, " [%s]: ", prod->id);
		strbuf_adds(&line, text_get(&prod->summary, lang));
		/* A bullet with a hanging indent. */
		term_wrap(&item, line.buf, 6, term_prose_width(width));
		strbuf_adds(out, "    - ");
		strbuf_adds(out, item.buf + 6);
		strbuf_addc(out, '\n');
		strbuf_release(&item);
		strbuf_release(&line);
	}
	subheading(out, msg(lang, MSG_CAT_CUSTOMER), width);
	wrapped(out, text_get(&p->customer, lang), 4, width);
	subheading(out, msg(lang, MSG_CAT_PROVIDER), width);
	wrapped(out, text_get(&p->provider, lang), 4, width);
	if (p->ncertifications) {
		struct strbuf line = STRBUF_INIT;

		strbuf_addf(&line, "%s: ", msg(lang, MSG_CAT_CERTIFICATIONS));
		for (size_t k = 0; k < p->ncertifications; k++)
			strbuf_addf(&line, "%s%s", k ? ", " : "", p->certifications[k]);
		wrapped(out, line.buf, 2, width);
		strbuf_release(&line);
	}
}

static void principles_using(struct strbuf *line, const struct catalogue *cat, size_t product)
{
	bool any = false;

	for (size_t i = 0; i < cat->nprinciples; i++)
		if (catalogue_principle_uses(&cat->principles[i], product)) {
			strbuf_addf(line, "%s%s", any ? ", " : "", cat->principles[i].id);
			any = true;
		}
	if (!any)
		strbuf_adds(line, "-");
}

void catalogue_text_products(struct strbuf *out, const struct catalogue *cat,
			     const struct cat_product *product, enum lang lang, int width)
{
	struct strbuf line = STRBUF_INIT;

	if (product) {
		size_t idx = (size_t)(product - cat->products);

		strbuf_addf(&line, "%s  ", product->abbr);
		safe(&line, text_get(&product->name, lang));
		strbuf_addf(&line, "  [%s]", product->id);
		line_at(out, line.buf, 0, 2, width);
		strbuf_addc(out, '\n');
		wrapped(out, text_get(&product->summary, lang), 2, width);
		strbuf_reset(&line);
		strbuf_addf(&line, "%s: %s", msg(lang, MSG_CAT_CATEGORY), product->category);
		strbuf_adds(out, "\n  ");
		line_at(out, line.buf, 2, 4, width);
		strbuf_addf(out, "\n%s:\n", msg(lang, MSG_CAT_HELPS_WITH));
		for (size_t i = 0; i < cat->nprinciples; i++) {
			const struct cat_principle *p = &cat->principles[i];

			if (!catalogue_principle_uses(p, idx))
				continue;
			strbuf_reset(&line);
			strbuf_addf(&line, "  %-8s ", p->id);
			safe(&line, text_get(&p->name, lang));
			line_at(out, line.buf, 0, 11, width);
		}
		goto cleanup;
	}
	for (size_t k = 0; k < cat->nproducts; k++) {
		const struct cat_product *p = &cat->products[k];
		const char *name = text_get(&p->name, lang);

		struct strbuf head = STRBUF_INIT;
		int col;

		strbuf_reset(&line);
		safe(&line, name);
		strbuf_addf(&head, "%-15s %-15s ", p->id, p->abbr);
		col = term_width(head.buf);
		/* The name goes under the id when the line has no room for it. */
		if (col + term_width(line.buf) > width) {
			strbuf_reset(&head);
			strbuf_addf(&head, "%-15s %s\n%16s", p->id, p->abbr, "");
			col = 16;
		}
		strbuf_adds(out, head.buf);
		strbuf_release(&head);
		line_at(out, line.buf, col, 16, width);
		strbuf_reset(&line);
		strbuf_addf(&line, "%s: ", msg(lang, MSG_CAT_HELPS_WITH));
		principles_using(&line, cat, k);
		wrapped(out, line.buf, 16, width);
	}
cleanup:
	strbuf_release(&line);
}

void catalogue_text_responsibility(struct strbuf *out, const struct catalogue *cat, enum lang lang,
				   int width)
{
	/* Owners first: the area names are long and vary in width. */
	int owners = 10 * (int)cat->nmodels;
	/* Too narrow for the names beside the owners: each name above its owners. */
	bool stacked = width - owners < 20 && 4 + owners <= width;
	struct strbuf line = STRBUF_INIT;

	if (cat->resp_note.en) {
		wrapped(out, text_get(&cat->resp_note, lang), 0, width);
		strbuf_addc(out, '\n');
	}
	if (stacked)
		strbuf_addf(out, "%s\n    ", msg(lang, MSG_CAT_AREA));
	for (size_t m = 0; m < cat->nmodels; m++) {
		if (stacked && m + 1 == cat->nmodels)
			strbuf_adds(out, text_get(&cat->models[m].name, lang));
		else
			term_pad(out, text_get(&cat->models[m].name, lang), 10);
	}
	if (!stacked)
		strbuf_adds(out, msg(lang, MSG_CAT_AREA));
	strbuf_addc(out, '\n');
	for (size_t a = 0; a < cat->nareas; a++) {
		const struct cat_resp_area *area = &cat->areas[a];

		strbuf_reset(&line);
		safe(&line, text_get(&area->name, lang));
		if (stacked) {
			line_at(out, line.buf, 0, 2, width);
			strbuf_adds(out, "    ");
		}
		for (size_t m = 0; m < cat->nmodels; m++) {
			if (stacked && m + 1 == cat->nmodels)
				strbuf_adds(out, responsibility_name(area->owner[m]));
			else
				term_pad(out, responsibility_name(area->owner[m]), 10);
		}
		if (stacked)
			strbuf_addc(out, '\n');
		else
			line_at(out, line.buf, owners, owners, width);
	}
	strbuf_release(&line);
}
