/*
 * The catalogue as a workbook, for institutions that keep the HKMA matrix in
 * a spreadsheet: every field of the model, in sheets the reader
 * (load/catalogue_xlsx.c) turns back into the same catalogue.
 */
#include "catalogue_xlsx.h"

#include <stdlib.h>

#include "out_xlsx.h"
#include "xalloc.h"

/* Two columns: a text's English and Chinese. */
static void text2(struct wb_out *w, size_t row, size_t col, const struct text *t,
		  enum wb_style style)
{
	wb_text(w, row, col, t->en, style);
	wb_text(w, row, col + 1, t->zh, style);
}

static void start(struct wb_out *w, const char *name, const char *const *cols, size_t n,
		  const double *widths)
{
	wb_sheet(w, name, cols, n);
	for (size_t c = 0; c < n; c++)
		wb_columns(w, c, c, widths[c], WB_PLAIN);
	wb_headers(w, 0, cols, n);
	wb_freeze(w, 1, 0);
	wb_print_setup(w, 0, 0);
}

static void framework_sheet(struct wb_out *w, const struct catalogue *cat)
{
	static const char *const cols[] = {"Field", "English", "Chinese"};
	static const double widths[] = {22, 60, 40};
	size_t row = 0;

	start(w, CATX_FRAMEWORK, cols, 3, widths);
	wb_text(w, ++row, 0, "framework", WB_BOLD);
	wb_text(w, row, 1, cat->framework, WB_WRAP);
	wb_text(w, ++row, 0, "version", WB_BOLD);
	wb_text(w, row, 1, cat->version, WB_WRAP);
	wb_text(w, ++row, 0, "source", WB_BOLD);
	text2(w, row, 1, &cat->source, WB_WRAP);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		wb_text(w, ++row, 0, level_name((enum level)l), WB_BOLD);
		text2(w, row, 1, &cat->level_names[l], WB_WRAP);
	}
	if (cat->nmodels) {
		wb_text(w, ++row, 0, "responsibility note", WB_BOLD);
		text2(w, row, 1, &cat->resp_note, WB_WRAP);
	}
	if (cat->nrisk_categories) {
		wb_text(w, ++row, 0, "inherent risk note", WB_BOLD);
		text2(w, row, 1, &cat->risk_note, WB_WRAP);
	}
}

static void domains_sheets(struct wb_out *w, const struct catalogue *cat)
{
	static const char *const dcols[] = {"Domain", "Name (en)", "Name (zh)", "File"};
	static const double dwidths[] = {9, 40, 30, 30};
	static const char *const ccols[] = {"Component", "Name (en)", "Name (zh)"};
	static const double cwidths[] = {11, 50, 30};

	start(w, CATX_DOMAINS, dcols, 4, dwidths);
	for (size_t d = 0; d < cat->ndomains; d++) {
		wb_row_about(w, cat->domains[d].id);
		wb_text(w, d + 1, 0, cat->domains[d].id, WB_WRAP);
		text2(w, d + 1, 1, &cat->domains[d].name, WB_WRAP);
		wb_text(w, d + 1, 3, cat->domains[d].file, WB_WRAP);
	}
	start(w, CATX_COMPONENTS, ccols, 3, cwidths);
	for (size_t c = 0; c < cat->ncomponents; c++) {
		wb_row_about(w, cat->components[c].id);
		wb_text(w, c + 1, 0, cat->components[c].id, WB_WRAP);
		text2(w, c + 1, 1, &cat->components[c].name, WB_WRAP);
	}
}

static void requirements_sheet(struct wb_out *w, const struct catalogue *cat)
{
	static const char *const cols[] = {
		"Domain",	 "Component",	   "Principle",	       "Name (en)",
		"Name (zh)",	 "Level",	   "Requirement (en)", "Requirement (zh)",
		"Products",	 "Responsibility", "Customer (en)",    "Customer (zh)",
		"Provider (en)", "Provider (zh)",  "Certifications"};
	static const double widths[] = {8, 10, 10, 24, 16, 12, 50, 36, 18, 14, 40, 30, 40, 30, 20};
	const size_t ncols = sizeof(cols) / sizeof(*cols);
	struct strbuf v = STRBUF_INIT;
	size_t row = 0;

	start(w, CATX_REQUIREMENTS, cols, ncols, widths);
	wb_filter(w, 0, 0, catalogue_requirements(cat), ncols - 1);
	for (size_t i = 0; i < cat->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];

		wb_row_about(w, p->id);
		for (int l = 0; l < p->nlevels; l++) {
			row++;
			wb_text(w, row, 0, cat->domains[p->domain].id, WB_WRAP);
			wb_text(w, row, 1, cat->components[p->component].id, WB_WRAP);
			wb_text(w, row, 2, p->id, WB_WRAP);
			text2(w, row, 3, &p->name, WB_WRAP);
			wb_text(w, row, 5, p->single ? "all" : level_name((enum level)l), WB_WRAP);
			text2(w, row, 6, &p->requirement[l], WB_WRAP);
			if (p->responsibility == RESP_NONE)
				continue;
			strbuf_reset(&v);
			for (size_t k = 0; k < p->nproducts; k++)
				strbuf_addf(&v, "%s%s", k ? "\n" : "",
					    cat->products[p->products[k]].id);
			wb_text(w, row, 8, v.buf, WB_WRAP);
			wb_text(w, row, 9, responsibility_name(p->responsibility), WB_WRAP);
			text2(w, row, 10, &p->customer, WB_WRAP);
			text2(w, row, 12, &p->provider, WB_WRAP);
			strbuf_reset(&v);
			for (size_t k = 0; k < p->ncertifications; k++)
				strbuf_addf(&v, "%s%s", k ? "\n" : "", p->certifications[k]);
			wb_text(w, row, 14, v.buf, WB_WRAP);
		}
	}
	strbuf_release(&v);
}

static void products_sheet(struct wb_out *w, const struct catalogue *cat)
{
	static const char *const cols[] = {"Product",  "Abbreviation", "Name (en)",   "Name (zh)",
					   "Category", "Summary (en)", "Summary (zh)"};
	static const double widths[] = {20, 14, 30, 20, 18, 50, 36};

	start(w, CATX_PRODUCTS, cols, 7, widths);
	for (size_t i = 0; i < cat->nproducts; i++) {
		const struct cat_product *p = &cat->products[i];

		wb_row_about(w, p->id);
		wb_text(w, i + 1, 0, p->id, WB_WRAP);
		wb_text(w, i + 1, 1, p->abbr, WB_WRAP);
		text2(w, i + 1, 2, &p->name, WB_WRAP);
		wb_text(w, i + 1, 4, p->category, WB_WRAP);
		text2(w, i + 1, 5, &p->summary, WB_WRAP);
	}
}

static void responsibility_sheets(struct wb_out *w, const struct catalogue *cat)
{
	static const char *const mcols[] = {"Model", "Name (en)", "Name (zh)"};
	static const double mwidths[] = {12, 20, 20};
	const char *fixed[] = {"Area", "Name (en)", "Name (zh)", "Description (en)",
			       "Description (zh)"};
	const double fwidths[] = {20, 30, 20, 50, 36};
	size_t ncols = 5 + cat->nmodels;
	const char **cols = xcalloc(ncols, sizeof(*cols));
	double *widths = xcalloc(ncols, sizeof(*widths));

	start(w, CATX_MODELS, mcols, 3, mwidths);
	for (size_t m = 0; m < cat->nmodels; m++) {
		wb_text(w, m + 1, 0, cat->models[m].id, WB_WRAP);
		text2(w, m + 1, 1, &cat->models[m].name, WB_WRAP);
	}
	/* One owner column per model, headed by the model's id. */
	for (size_t c = 0; c < ncols; c++) {
		cols[c] = c < 5 ? fixed[c] : cat->models[c - 5].id;
		widths[c] = c < 5 ? fwidths[c] : 12;
	}
	start(w, CATX_AREAS, cols, ncols, widths);
	for (size_t a = 0; a < cat->nareas; a++) {
		const struct cat_resp_area *ar = &cat->areas[a];

		wb_row_about(w, ar->id);
		wb_text(w, a + 1, 0, ar->id, WB_WRAP);
		text2(w, a + 1, 1, &ar->name, WB_WRAP);
		text2(w, a + 1, 3, &ar->description, WB_WRAP);
		for (size_t m = 0; m < cat->nmodels; m++)
			wb_text(w, a + 1, 5 + m, responsibility_name(ar->owner[m]), WB_WRAP);
	}
	free(cols);
	free(widths);
}

static void risk_sheet(struct wb_out *w, const struct catalogue *cat)
{
	static const char *const cols[] = {
		"Category",    "Category name (en)", "Category name (zh)", "Indicator",
		"Name (en)",   "Name (zh)",	     "Low (en)",	   "Low (zh)",
		"Medium (en)", "Medium (zh)",	     "High (en)",	   "High (zh)"};
	static const double widths[] = {18, 24, 16, 22, 26, 16, 30, 20, 30, 20, 30, 20};
	size_t row = 0;

	start(w, CATX_RISK, cols, 12, widths);
	for (size_t c = 0; c < cat->nrisk_categories; c++) {
		const struct cat_risk_category *rc = &cat->risk_categories[c];

		for (size_t i = 0; i < rc->nindicators; i++) {
			const struct cat_risk_indicator *ind = &rc->indicators[i];

			row++;
			wb_row_about(w, ind->id);
			wb_text(w, row, 0, rc->id, WB_WRAP);
			text2(w, row, 1, &rc->name, WB_WRAP);
			wb_text(w, row, 3, ind->id, WB_WRAP);
			text2(w, row, 4, &ind->name, WB_WRAP);
			for (int r = 0; r < 3; r++)
				text2(w, row, (size_t)(6 + 2 * r), &ind->rating[r], WB_WRAP);
		}
	}
}

int catalogue_xlsx_write(const char *path, const struct catalogue *cat, struct strbuf *warnings,
			 struct strbuf *err)
{
	struct strbuf title = STRBUF_INIT;
	struct wb_props props = {NULL, NULL, 0};
	struct wb_out *w;

	strbuf_addf(&title, "%s catalogue %s", cat->framework, cat->version);
	props.title = title.buf;
	w = wb_open(path, &props, LANG_EN, warnings, err);
	strbuf_release(&title);
	if (!w)
		return -1;
	framework_sheet(w, cat);
	domains_sheets(w, cat);
	requirements_sheet(w, cat);
	if (cat->nproducts)
		products_sheet(w, cat);
	if (cat->nmodels)
		responsibility_sheets(w, cat);
	if (cat->nrisk_categories)
		risk_sheet(w, cat);
	return wb_close(w);
}
