/* The catalogue for people (text) and for scripts (JSON): `craf catalogue`. */
#ifndef CRAF_CATALOGUE_VIEW_H
#define CRAF_CATALOGUE_VIEW_H

#include <stdbool.h>

#include "catalogue.h"
#include "i18n.h"
#include "strbuf.h"

struct catalogue_filter {
	const char *domain; /* a domain id, or NULL for all */
	enum level level;   /* principles with a requirement at this level, or LEVEL_NONE */
};

bool catalogue_filter_match(const struct catalogue *cat, const struct cat_principle *p,
			    const struct catalogue_filter *f);
/* Products of cat that principle index i refers to; helper for the reverse look-up. */
bool catalogue_principle_uses(const struct cat_principle *p, size_t product);

struct txt_out;
/* The text views wrap to width columns. */
void catalogue_text_list(struct txt_out *out, const struct catalogue *cat,
			 const struct catalogue_filter *f, enum lang lang, int width);
void catalogue_text_show(struct txt_out *out, const struct catalogue *cat,
			 const struct cat_principle *p, enum lang lang, int width);
/* product NULL: the whole directory. */
void catalogue_text_products(struct txt_out *out, const struct catalogue *cat,
			     const struct cat_product *product, enum lang lang, int width);
void catalogue_text_responsibility(struct txt_out *out, const struct catalogue *cat, enum lang lang,
				   int width);

void catalogue_json_list(struct strbuf *out, const struct catalogue *cat,
			 const struct catalogue_filter *f);
void catalogue_json_show(struct strbuf *out, const struct catalogue *cat,
			 const struct cat_principle *p);
void catalogue_json_products(struct strbuf *out, const struct catalogue *cat,
			     const struct cat_product *product);
void catalogue_json_responsibility(struct strbuf *out, const struct catalogue *cat);

#endif
