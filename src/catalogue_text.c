/* Renders the catalogue for reading at a terminal. */
#include <string.h>

#include "catalogue_view.h"
#include "report_text.h"
#include "term.h"

#define WIDTH 80

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

static void wrapped(struct strbuf *out, const char *s, int indent)
{
	term_wrap(out, s, indent, WIDTH);
	strbuf_addc(out, '\n');
}

static void builtin_note(struct strbuf *out, const struct catalogue *cat, enum lang lang)
{
	strbuf_adds(out, cat->framework);
	strbuf_addf(out, " %s: %zu %s, %zu %s\n", cat->version, cat->nprinciples,
		    msg_n(lang, MSG_PRINCIPLES, cat->nprinciples), catalogue_requirements(cat),
		    msg_n(lang, MSG_CAT_REQUIREMENTS, catalogue_requirements(cat)));
	if (cat->builtin)
		wrapped(out, msg(lang, MSG_SHIPPED_NOTE), 0);
	else
		strbuf_addf(out, "(%s)\n", cat->origin);
}

void catalogue_text_list(struct strbuf *out, const struct catalogue *cat,
			 const struct catalogue_filter *f, enum lang lang)
{
	size_t shown = 0;

	builtin_note(out, cat, lang);
	wrapped(out, msg(lang, MSG_CAT_LEGEND), 0);
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
					strbuf_addf(out, "\n%s ", dom->id);
					safe(out, text_get(&dom->name, lang));
					strbuf_addc(out, '\n');
					domain_shown = true;
				}
				if (!comp_shown) {
					strbuf_addf(out, "  %s ", comp->id);
					safe(out, text_get(&comp->name, lang));
					strbuf_addc(out, '\n');
					comp_shown = true;
				}
				strbuf_addf(&line, "    %-8s %s  ", p->id,
					    p->single	      ? "*    "
					    : p->nlevels == 3 ? "B I A"
					    : p->nlevels == 2 ? "B I  "
							      : "B    ");
				safe(&line, text_get(&p->name, lang));
				strbuf_adds(out, line.buf);
				strbuf_addc(out, '\n');
				strbuf_release(&line);
				shown++;
			}
		}
	}
	if (!shown)
		strbuf_addf(out, "\n%s\n", msg(lang, MSG_CAT_NO_PRINCIPLES));
}

static void heading(struct strbuf *out, const char *s)
{
	strbuf_addf(out, "\n%s\n", s);
}

void catalogue_text_show(struct strbuf *out, const struct catalogue *cat,
			 const struct cat_principle *p, enum lang lang)
{
	const struct cat_domain *d = &cat->domains[p->domain];
	const struct cat_component *c = &cat->components[p->component];

	strbuf_addf(out, "%s  ", p->id);
	safe(out, text_get(&p->name, lang));
	strbuf_adds(out, "\n\n  ");
	term_pad(out, msg(lang, MSG_DOMAIN), 12);
	strbuf_addf(out, " %s ", d->id);
	safe(out, text_get(&d->name, lang));
	strbuf_addc(out, '\n');
	strbuf_adds(out, "  ");
	term_pad(out, msg(lang, MSG_CAT_COMPONENT), 12);
	strbuf_addf(out, " %s ", c->id);
	safe(out, text_get(&c->name, lang));
	strbuf_adds(out, "\n  ");
	term_pad(out, msg(lang, MSG_CAT_LEVELS), 12);
	strbuf_addc(out, ' ');
	if (p->single) {
		strbuf_adds(out, msg(lang, MSG_ALL_LEVELS));
	} else {
		for (int l = 0; l < p->nlevels; l++)
			strbuf_addf(out, "%s%s", l ? ", " : "",
				    report_level_name((enum level)l, lang));
	}
	strbuf_addc(out, '\n');
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
		heading(out, h.buf);
		wrapped(out, text_get(&p->requirement[l], lang), 2);
		strbuf_release(&h);
	}
	if (p->responsibility == RESP_NONE)
		return;
	heading(out, msg(lang, MSG_CAT_RESPONSE));
	strbuf_addf(out, "  %s: %s\n", msg(lang, MSG_RESPONSIBILITY),
		    report_responsibility_name(p->responsibility, lang));
	strbuf_addf(out, "  %s:", msg(lang, MSG_CAT_PRODUCTS));
	if (!p->nproducts)
		strbuf_addf(out, " %s", msg(lang, MSG_CAT_NONE));
	strbuf_addc(out, '\n');
	for (size_t k = 0; k < p->nproducts; k++) {
		const struct cat_product *prod = &cat->products[p->products[k]];
		struct strbuf line = STRBUF_INIT;

		struct strbuf item = STRBUF_INIT;

		strbuf_addf(&line, "%s, ", prod->abbr);
		strbuf_adds(&line, text_get(&prod->name, lang));
		strbuf_addf(&line, " [%s]: ", prod->id);
		strbuf_adds(&line, text_get(&prod->summary, lang));
		/* A bullet with a hanging indent. */
		term_wrap(&item, line.buf, 6, WIDTH);
		strbuf_adds(out, "    - ");
		strbuf_adds(out, item.buf + 6);
		strbuf_addc(out, '\n');
		strbuf_release(&item);
		strbuf_release(&line);
	}
	strbuf_addf(out, "  %s:\n", msg(lang, MSG_CAT_CUSTOMER));
	wrapped(out, text_get(&p->customer, lang), 4);
	strbuf_addf(out, "  %s:\n", msg(lang, MSG_CAT_PROVIDER));
	wrapped(out, text_get(&p->provider, lang), 4);
	if (p->ncertifications) {
		struct strbuf line = STRBUF_INIT;

		strbuf_addf(&line, "%s: ", msg(lang, MSG_CAT_CERTIFICATIONS));
		for (size_t k = 0; k < p->ncertifications; k++)
			strbuf_addf(&line, "%s%s", k ? ", " : "", p->certifications[k]);
		wrapped(out, line.buf, 2);
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
			     const struct cat_product *product, enum lang lang)
{
	if (product) {
		size_t idx = (size_t)(product - cat->products);

		strbuf_addf(out, "%s  ", product->abbr);
		safe(out, text_get(&product->name, lang));
		strbuf_addf(out, "  [%s]\n\n", product->id);
		wrapped(out, text_get(&product->summary, lang), 2);
		strbuf_addf(out, "\n  %s: %s\n\n%s:\n", msg(lang, MSG_CAT_CATEGORY),
			    product->category, msg(lang, MSG_CAT_HELPS_WITH));
		for (size_t i = 0; i < cat->nprinciples; i++) {
			const struct cat_principle *p = &cat->principles[i];

			if (!catalogue_principle_uses(p, idx))
				continue;
			strbuf_addf(out, "  %-8s ", p->id);
			safe(out, text_get(&p->name, lang));
			strbuf_addc(out, '\n');
		}
		return;
	}
	for (size_t k = 0; k < cat->nproducts; k++) {
		const struct cat_product *p = &cat->products[k];
		struct strbuf line = STRBUF_INIT;

		strbuf_addf(&line, "%-15s %-15s ", p->id, p->abbr);
		strbuf_adds(&line, text_get(&p->name, lang));
		strbuf_adds(out, line.buf);
		strbuf_addc(out, '\n');
		strbuf_reset(&line);
		strbuf_addf(&line, "%s: ", msg(lang, MSG_CAT_HELPS_WITH));
		principles_using(&line, cat, k);
		term_wrap(out, line.buf, 16, WIDTH);
		strbuf_addc(out, '\n');
		strbuf_release(&line);
	}
}

void catalogue_text_responsibility(struct strbuf *out, const struct catalogue *cat, enum lang lang)
{
	if (cat->resp_note.en) {
		wrapped(out, text_get(&cat->resp_note, lang), 0);
		strbuf_addc(out, '\n');
	}
	/* Owners first: the area names are long and vary in width. */
	for (size_t m = 0; m < cat->nmodels; m++)
		term_pad(out, text_get(&cat->models[m].name, lang), 10);
	strbuf_adds(out, msg(lang, MSG_CAT_AREA));
	strbuf_addc(out, '\n');
	for (size_t a = 0; a < cat->nareas; a++) {
		const struct cat_resp_area *area = &cat->areas[a];

		for (size_t m = 0; m < cat->nmodels; m++)
			term_pad(out, responsibility_name(area->owner[m]), 10);
		safe(out, text_get(&area->name, lang));
		strbuf_addc(out, '\n');
	}
}
