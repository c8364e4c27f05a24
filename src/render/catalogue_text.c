/* Renders the catalogue for reading at a terminal. */
#include <string.h>

#include "catalogue_view.h"
#include "out_text.h"
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

/* Prose: at most 100 columns however wide the terminal. */
static void wrapped(struct txt_out *out, const char *s, int indent, int width)
{
	txt_wrap(out, s, indent, term_prose_width(width));
	txt_raw(out, "\n");
}

/* A line built here that continues at column col, wrapped under indent. */
static void line_at(struct txt_out *out, const struct txt_out *s, int col, int indent, int width)
{
	txt_wrap_styled(out, s, col, indent, width);
	txt_raw(out, "\n");
}

/* "ID name" as a heading, the name's continuation lines under the name. */
static void id_name(struct txt_out *out, const char *prefix, const char *id, const char *sep,
		    const struct text *name, enum lang lang, int width)
{
	struct txt_out line = TXT_OUT_INIT;
	int indent;

	txt_text(&line, prefix);
	txt_text(&line, id);
	txt_text(&line, sep);
	indent = txt_width(&line);
	txt_text(&line, text_get(name, lang));
	line_at(out, &line, 0, indent, width);
	txt_release(&line);
}

static void builtin_note(struct txt_out *out, const struct catalogue *cat, enum lang lang,
			 int width)
{
	struct strbuf line = STRBUF_INIT;

	/* User text (a catalogue's framework, version, origin): wrapped() makes it safe. */
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

void catalogue_text_list(struct txt_out *out, const struct catalogue *cat,
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
				struct txt_out line = TXT_OUT_INIT;

				if (!catalogue_filter_match(cat, p, f))
					continue;
				if (!domain_shown) {
					txt_raw(out, "\n");
					id_name(out, "", dom->id, " ", &dom->name, lang, width);
					domain_shown = true;
				}
				if (!comp_shown) {
					id_name(out, "  ", comp->id, " ", &comp->name, lang, width);
					comp_shown = true;
				}
				txt_raw(&line, "    ");
				txt_pad(&line, p->id, 8);
				txt_raw(&line, " ");
				if (p->single)
					txt_raw(&line, "*    ");
				else if (p->nlevels == 3)
					txt_raw(&line, "B I A");
				else if (p->nlevels == 2)
					txt_raw(&line, "B I  ");
				else
					txt_raw(&line, "B    ");
				txt_raw(&line, "  ");
				/* The name wraps under itself. */
				txt_text(&line, text_get(&p->name, lang));
				line_at(out, &line, 0,
					12 + (strlen(p->id) > 8 ? (int)strlen(p->id) : 8), width);
				txt_release(&line);
				shown++;
			}
		}
	}
	if (!shown) {
		txt_raw(out, "\n");
		txt_text(out, msg(lang, MSG_CAT_NO_PRINCIPLES));
		txt_raw(out, "\n");
	}
}

static void heading(struct txt_out *out, const char *s, int width)
{
	struct txt_out line = TXT_OUT_INIT;

	txt_text(&line, s);
	txt_raw(out, "\n");
	line_at(out, &line, 0, 2, width);
	txt_release(&line);
}

/* "  Label        value", the value wrapping under itself. */
static void field(struct txt_out *out, const char *label, const struct txt_out *value, int width)
{
	txt_raw(out, "  ");
	txt_pad(out, label, 12);
	txt_raw(out, " ");
	line_at(out, value, 15, 15, width);
}

/* "  Label:" over what it introduces. */
static void subheading(struct txt_out *out, const char *label, int width)
{
	struct txt_out line = TXT_OUT_INIT;

	txt_text(&line, label);
	txt_raw(&line, ":");
	txt_raw(out, "  ");
	line_at(out, &line, 2, 4, width);
	txt_release(&line);
}

/* "  what" continuing at column 2, wrapped under 4. */
static void indented(struct txt_out *out, const struct txt_out *line, int width)
{
	txt_raw(out, "  ");
	line_at(out, line, 2, 4, width);
}

void catalogue_text_show(struct txt_out *out, const struct catalogue *cat,
			 const struct cat_principle *p, enum lang lang, int width)
{
	const struct cat_domain *d = &cat->domains[p->domain];
	const struct cat_component *c = &cat->components[p->component];
	struct txt_out v = TXT_OUT_INIT;

	id_name(out, "", p->id, "  ", &p->name, lang, width);
	txt_raw(out, "\n");
	txt_text(&v, d->id);
	txt_raw(&v, " ");
	txt_text(&v, text_get(&d->name, lang));
	field(out, msg(lang, MSG_DOMAIN), &v, width);
	txt_reset(&v);
	txt_text(&v, c->id);
	txt_raw(&v, " ");
	txt_text(&v, text_get(&c->name, lang));
	field(out, msg(lang, MSG_CAT_COMPONENT), &v, width);
	txt_reset(&v);
	if (p->single) {
		txt_text(&v, msg(lang, MSG_ALL_LEVELS));
	} else {
		for (int l = 0; l < p->nlevels; l++) {
			if (l)
				txt_raw(&v, ", ");
			txt_text(&v, report_level_name((enum level)l, lang));
		}
	}
	field(out, msg(lang, MSG_CAT_LEVELS), &v, width);
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
		goto cleanup;
	heading(out, msg(lang, MSG_CAT_RESPONSE), width);
	txt_reset(&v);
	txt_text(&v, msg(lang, MSG_RESPONSIBILITY));
	txt_raw(&v, ": ");
	txt_text(&v, report_responsibility_name(p->responsibility, lang));
	indented(out, &v, width);
	txt_reset(&v);
	txt_text(&v, msg(lang, MSG_CAT_PRODUCTS));
	txt_raw(&v, ":");
	if (!p->nproducts) {
		txt_raw(&v, " ");
		txt_text(&v, msg(lang, MSG_CAT_NONE));
	}
	indented(out, &v, width);
	for (size_t k = 0; k < p->nproducts; k++) {
		const struct cat_product *prod = &cat->products[p->products[k]];
		struct strbuf line = STRBUF_INIT;

		strbuf_addf(&line, "%s, %s [%s]: %s", prod->abbr, text_get(&prod->name, lang),
			    prod->id, text_get(&prod->summary, lang));
		/* A bullet with a hanging indent. */
		txt_raw(out, "    - ");
		txt_wrap_hanging(out, line.buf, 6, term_prose_width(width));
		txt_raw(out, "\n");
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
cleanup:
	txt_release(&v);
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

/* One product in full: name, summary, category and the principles it helps with. */
static void product_page(struct txt_out *out, const struct catalogue *cat,
			 const struct cat_product *product, enum lang lang, int width)
{
	size_t idx = (size_t)(product - cat->products);
	struct txt_out line = TXT_OUT_INIT;

	txt_text(&line, product->abbr);
	txt_raw(&line, "  ");
	txt_text(&line, text_get(&product->name, lang));
	txt_raw(&line, "  [");
	txt_text(&line, product->id);
	txt_raw(&line, "]");
	line_at(out, &line, 0, 2, width);
	txt_raw(out, "\n");
	wrapped(out, text_get(&product->summary, lang), 2, width);
	txt_reset(&line);
	txt_text(&line, msg(lang, MSG_CAT_CATEGORY));
	txt_raw(&line, ": ");
	txt_text(&line, product->category);
	txt_raw(out, "\n  ");
	line_at(out, &line, 2, 4, width);
	txt_raw(out, "\n");
	txt_text(out, msg(lang, MSG_CAT_HELPS_WITH));
	txt_raw(out, ":\n");
	for (size_t i = 0; i < cat->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];

		if (!catalogue_principle_uses(p, idx))
			continue;
		txt_reset(&line);
		txt_raw(&line, "  ");
		txt_pad(&line, p->id, 8);
		txt_raw(&line, " ");
		txt_text(&line, text_get(&p->name, lang));
		line_at(out, &line, 0, 11, width);
	}
	txt_release(&line);
}

void catalogue_text_products(struct txt_out *out, const struct catalogue *cat,
			     const struct cat_product *product, enum lang lang, int width)
{
	if (product) {
		product_page(out, cat, product, lang, width);
		return;
	}
	for (size_t k = 0; k < cat->nproducts; k++) {
		const struct cat_product *p = &cat->products[k];
		struct txt_out name = TXT_OUT_INIT, head = TXT_OUT_INIT;
		struct strbuf line = STRBUF_INIT;
		int col;

		txt_text(&name, text_get(&p->name, lang));
		txt_pad(&head, p->id, 15);
		txt_raw(&head, " ");
		txt_pad(&head, p->abbr, 15);
		txt_raw(&head, " ");
		col = txt_width(&head);
		/* The name goes under the id when the line has no room for it. */
		if (col + txt_width(&name) > width) {
			txt_reset(&head);
			txt_pad(&head, p->id, 15);
			txt_raw(&head, " ");
			txt_text(&head, p->abbr);
			txt_raw(&head, "\n                ");
			col = 16;
		}
		txt_append(out, &head);
		line_at(out, &name, col, 16, width);
		strbuf_addf(&line, "%s: ", msg(lang, MSG_CAT_HELPS_WITH));
		principles_using(&line, cat, k);
		wrapped(out, line.buf, 16, width);
		strbuf_release(&line);
		txt_release(&name);
		txt_release(&head);
	}
}

void catalogue_text_responsibility(struct txt_out *out, const struct catalogue *cat, enum lang lang,
				   int width)
{
	/* Owners first: the area names are long and vary in width. */
	int owners = 10 * (int)cat->nmodels;
	/* Too narrow for the names beside the owners: each name above its owners. */
	bool stacked = width - owners < 20 && 4 + owners <= width;
	struct txt_out line = TXT_OUT_INIT;

	if (cat->resp_note.en) {
		wrapped(out, text_get(&cat->resp_note, lang), 0, width);
		txt_raw(out, "\n");
	}
	if (stacked) {
		txt_text(out, msg(lang, MSG_CAT_AREA));
		txt_raw(out, "\n    ");
	}
	for (size_t m = 0; m < cat->nmodels; m++) {
		if (stacked && m + 1 == cat->nmodels)
			txt_text(out, text_get(&cat->models[m].name, lang));
		else
			txt_pad(out, text_get(&cat->models[m].name, lang), 10);
	}
	if (!stacked)
		txt_text(out, msg(lang, MSG_CAT_AREA));
	txt_raw(out, "\n");
	for (size_t a = 0; a < cat->nareas; a++) {
		const struct cat_resp_area *area = &cat->areas[a];

		txt_reset(&line);
		txt_text(&line, text_get(&area->name, lang));
		if (stacked) {
			line_at(out, &line, 0, 2, width);
			txt_raw(out, "    ");
		}
		for (size_t m = 0; m < cat->nmodels; m++) {
			if (stacked && m + 1 == cat->nmodels)
				txt_text(out, responsibility_name(area->owner[m]));
			else
				txt_pad(out, responsibility_name(area->owner[m]), 10);
		}
		if (stacked)
			txt_raw(out, "\n");
		else
			line_at(out, &line, owners, owners, width);
	}
	txt_release(&line);
}
