/*
 * Build-time tool: loads controls/ with craf's own loader and checks, then writes the
 * loaded model as static C data, so craf starts with its catalogue ready and parses nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue_load.h"
#include "yamldoc.h"

/* A C string literal for s (NULL as NULL); octal escapes keep it ASCII. */
static void put_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\' || *p == '?')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			fprintf(out, "\\%03o", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

static void put_text(FILE *out, const struct text *t)
{
	fputc('{', out);
	put_str(out, t->en);
	fputs(", ", out);
	put_str(out, t->zh);
	fputc('}', out);
}

/* One member of a designated initializer: "\t.field = <s as a literal>,\n". */
static void put_str_field(FILE *out, const char *field, const char *s)
{
	fprintf(out, "\t.%s = ", field);
	put_str(out, s);
	fputs(",\n", out);
}

static void put_text_field(FILE *out, const char *field, const struct text *t)
{
	fprintf(out, "\t.%s = ", field);
	put_text(out, t);
	fputs(",\n", out);
}

/* An array of n texts: "\t.field = {{..}, {..}},\n". */
static void put_texts_field(FILE *out, const char *field, const struct text *t, int n)
{
	fprintf(out, "\t.%s = {", field);
	for (int i = 0; i < n; i++) {
		fputs(i ? ", " : "", out);
		put_text(out, &t[i]);
	}
	fputs("},\n", out);
}

/* The slots of an id map, as they are: idmap_get finds the same keys in them. */
static void put_idmap(FILE *out, const char *name, const struct idmap *m)
{
	if (!m->cap)
		return;
	fprintf(out, "static const char *const %s_keys[%zu] = {\n", name, m->cap);
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i]) {
			fprintf(out, "\t[%zu] = ", i);
			put_str(out, m->keys[i]);
			fputs(",\n", out);
		}
	fprintf(out, "};\nstatic const size_t %s_values[%zu] = {\n", name, m->cap);
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i])
			fprintf(out, "\t[%zu] = %zu,\n", i, m->values[i]);
	fputs("};\n\n", out);
}

/* The member name, pointing at the slots put_idmap wrote under the same name. */
static void put_idmap_ref(FILE *out, const char *name, const struct idmap *m)
{
	if (!m->cap)
		fprintf(out, "\t.%s = IDMAP_INIT,\n", name);
	else
		fprintf(out, "\t.%s = {(const char **)%s_keys, (size_t *)%s_values, %zu, %zu},\n",
			name, name, name, m->cap, m->nr);
}

/* ".name = (type *)name, .nname = n," for the array of that name; NULL for an empty one. */
static void put_array_ref(FILE *out, const char *name, const char *type, size_t n)
{
	if (n)
		fprintf(out, "\t.%s = (%s *)%s,\n", name, type, name);
	else
		fprintf(out, "\t.%s = NULL,\n", name);
	fprintf(out, "\t.n%s = %zu,\n", name, n);
}

/* The same for a row's own array, written before it as "row<i>_name"; none when empty. */
static void put_row_array_ref(FILE *out, const char *name, const char *type, const char *row,
			      size_t i, size_t n)
{
	if (n)
		fprintf(out, "\t.%s = (%s)%s%zu_%s,\n", name, type, row, i, name);
	fprintf(out, "\t.n%s = %zu,\n", name, n);
}

static void put_principles(FILE *out, const struct catalogue *cat)
{
	for (size_t i = 0; i < cat->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];

		if (p->nproducts) {
			fprintf(out, "static const size_t principle%zu_products[] = {", i);
			for (size_t k = 0; k < p->nproducts; k++)
				fprintf(out, "%s%zu", k ? ", " : "", p->products[k]);
			fputs("};\n", out);
		}
		if (p->ncertifications) {
			fprintf(out, "static const char *const principle%zu_certifications[] = {",
				i);
			for (size_t k = 0; k < p->ncertifications; k++) {
				fputs(k ? ", " : "", out);
				put_str(out, p->certifications[k]);
			}
			fputs("};\n", out);
		}
	}
	fputs("\nstatic const struct cat_principle principles[] = {\n", out);
	for (size_t i = 0; i < cat->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];

		fputs("{\n", out);
		put_str_field(out, "id", p->id);
		fprintf(out, "\t.num = {%u, %u, %u},\n\t.domain = %zu,\n\t.component = %zu,\n",
			p->num[0], p->num[1], p->num[2], p->domain, p->component);
		put_text_field(out, "name", &p->name);
		fprintf(out, "\t.single = %s,\n\t.nlevels = %d,\n", p->single ? "true" : "false",
			p->nlevels);
		put_texts_field(out, "requirement", p->requirement, LEVEL_COUNT);
		fprintf(out,
			"\t.responsibility = (enum responsibility)%d,\n\t.doc = %zu,\n\t.line = %d,\n"
			"\t.col = %d,\n",
			p->responsibility, p->doc, p->line, p->col);
		put_row_array_ref(out, "products", "size_t *", "principle", i, p->nproducts);
		put_text_field(out, "customer", &p->customer);
		put_text_field(out, "provider", &p->provider);
		put_row_array_ref(out, "certifications", "const char **", "principle", i,
				  p->ncertifications);
		fputs("},\n", out);
	}
	fputs("};\n\n", out);
}

static void put_domains(FILE *out, const struct catalogue *cat)
{
	fputs("static const struct cat_domain domains[] = {\n", out);
	for (size_t i = 0; i < cat->ndomains; i++) {
		const struct cat_domain *d = &cat->domains[i];

		fputs("{\n", out);
		put_str_field(out, "id", d->id);
		put_text_field(out, "name", &d->name);
		put_str_field(out, "file", d->file);
		fprintf(out,
			"\t.id_line = %d,\n\t.doc = %zu,\n\t.principles_line = %d,\n"
			"\t.principles_col = %d,\n\t.first_component = %zu,\n\t.ncomponents = %zu,\n"
			"\t.first = %zu,\n\t.count = %zu,\n},\n",
			d->id_line, d->doc, d->principles_line, d->principles_col,
			d->first_component, d->ncomponents, d->first, d->count);
	}
	fputs("};\n\nstatic const struct cat_component components[] = {\n", out);
	for (size_t i = 0; i < cat->ncomponents; i++) {
		const struct cat_component *c = &cat->components[i];

		fputs("{\n", out);
		put_str_field(out, "id", c->id);
		put_text_field(out, "name", &c->name);
		fprintf(out,
			"\t.line = %d,\n\t.col = %d,\n\t.domain = %zu,\n\t.first = %zu,\n"
			"\t.count = %zu,\n},\n",
			c->line, c->col, c->domain, c->first, c->count);
	}
	fputs("};\n\n", out);
}

static void put_products(FILE *out, const struct catalogue *cat)
{
	if (!cat->nproducts)
		return;
	fputs("static const struct cat_product products[] = {\n", out);
	for (size_t i = 0; i < cat->nproducts; i++) {
		const struct cat_product *p = &cat->products[i];

		fputs("{\n", out);
		put_str_field(out, "id", p->id);
		put_str_field(out, "abbr", p->abbr);
		put_text_field(out, "name", &p->name);
		put_str_field(out, "category", p->category);
		put_text_field(out, "summary", &p->summary);
		fputs("},\n", out);
	}
	fputs("};\n\n", out);
}

static void put_responsibility(FILE *out, const struct catalogue *cat)
{
	if (cat->nmodels) {
		fputs("static const struct cat_resp_model models[] = {\n", out);
		for (size_t i = 0; i < cat->nmodels; i++) {
			fputs("\t{", out);
			put_str(out, cat->models[i].id);
			fputs(", ", out);
			put_text(out, &cat->models[i].name);
			fputs("},\n", out);
		}
		fputs("};\n\n", out);
	}
	if (!cat->nareas)
		return;
	for (size_t i = 0; i < cat->nareas; i++) {
		if (!cat->nmodels)
			break;
		fprintf(out, "static const enum responsibility area%zu_owner[] = {", i);
		for (size_t m = 0; m < cat->nmodels; m++)
			fprintf(out, "%s(enum responsibility)%d", m ? ", " : "",
				cat->areas[i].owner[m]);
		fputs("};\n", out);
	}
	fputs("\nstatic const struct cat_resp_area areas[] = {\n", out);
	for (size_t i = 0; i < cat->nareas; i++) {
		const struct cat_resp_area *a = &cat->areas[i];

		fputs("{\n", out);
		put_str_field(out, "id", a->id);
		put_text_field(out, "name", &a->name);
		put_text_field(out, "description", &a->description);
		if (cat->nmodels)
			fprintf(out, "\t.owner = (enum responsibility *)area%zu_owner,\n", i);
		fputs("},\n", out);
	}
	fputs("};\n\n", out);
}

static void put_risk(FILE *out, const struct catalogue *cat)
{
	if (!cat->nrisk_categories)
		return;
	for (size_t i = 0; i < cat->nrisk_categories; i++) {
		const struct cat_risk_category *c = &cat->risk_categories[i];

		if (!c->nindicators)
			continue;
		fprintf(out,
			"static const struct cat_risk_indicator category%zu_indicators[] = {\n", i);
		for (size_t k = 0; k < c->nindicators; k++) {
			fputs("{\n", out);
			put_str_field(out, "id", c->indicators[k].id);
			put_text_field(out, "name", &c->indicators[k].name);
			put_texts_field(out, "rating", c->indicators[k].rating, 3);
			fputs("},\n", out);
		}
		fputs("};\n\n", out);
	}
	fputs("static const struct cat_risk_category risk_categories[] = {\n", out);
	for (size_t i = 0; i < cat->nrisk_categories; i++) {
		const struct cat_risk_category *c = &cat->risk_categories[i];

		fputs("{\n", out);
		put_str_field(out, "id", c->id);
		put_text_field(out, "name", &c->name);
		put_row_array_ref(out, "indicators", "struct cat_risk_indicator *", "category", i,
				  c->nindicators);
		fputs("},\n", out);
	}
	fputs("};\n\n", out);
}

static void put_catalogue(FILE *out, const struct catalogue *cat)
{
	fputs("const struct catalogue craf_builtin_catalogue = {\n", out);
	put_str_field(out, "framework", cat->framework);
	put_str_field(out, "version", cat->version);
	put_text_field(out, "source", &cat->source);
	put_texts_field(out, "level_names", cat->level_names, LEVEL_COUNT);
	fprintf(out, "\t.origin = \"built-in\",\n\t.builtin = true,\n\t.sha256 = \"%s\",\n",
		cat->sha256);
	put_array_ref(out, "domains", "struct cat_domain", cat->ndomains);
	put_array_ref(out, "components", "struct cat_component", cat->ncomponents);
	put_array_ref(out, "principles", "struct cat_principle", cat->nprinciples);
	put_array_ref(out, "products", "struct cat_product", cat->nproducts);
	put_array_ref(out, "models", "struct cat_resp_model", cat->nmodels);
	put_array_ref(out, "areas", "struct cat_resp_area", cat->nareas);
	put_text_field(out, "resp_note", &cat->resp_note);
	put_text_field(out, "risk_note", &cat->risk_note);
	put_array_ref(out, "risk_categories", "struct cat_risk_category", cat->nrisk_categories);
	/* No documents: the model holds every string, and nothing reads them after loading. */
	fputs("\t.docs = NULL,\n\t.ndocs = 0,\n", out);
	put_idmap_ref(out, "principle_ids", &cat->principle_ids);
	put_idmap_ref(out, "product_ids", &cat->product_ids);
	put_idmap_ref(out, "component_ids", &cat->component_ids);
	fputs("};\n\n", out);
}

/* The files' bytes too, for catalogue_builtin_files (the fuzz targets start from them). */
static int put_files(FILE *out, const struct catalogue *cat)
{
	for (size_t i = 0; i < cat->ndocs; i++) {
		FILE *in = fopen(cat->docs[i].name, "rb");
		size_t n = 0;
		int c;

		if (!in) {
			perror(cat->docs[i].name);
			return -1;
		}
		fprintf(out, "static const unsigned char file%zu[] = {", i);
		while ((c = fgetc(in)) != EOF)
			fprintf(out, "%s0x%02x,", n++ % 16 ? "" : "\n\t", c);
		fputs("\n\t0x00\n};\n\n", out);
		if (ferror(in)) {
			perror(cat->docs[i].name);
			fclose(in);
			return -1;
		}
		fclose(in);
	}
	fputs("const struct catalogue_file craf_embedded_catalogue[] = {\n", out);
	for (size_t i = 0; i < cat->ndocs; i++) {
		const char *base = strrchr(cat->docs[i].name, '/');

		base = base ? base + 1 : cat->docs[i].name;
		fputs("\t{", out);
		put_str(out, base);
		fprintf(out, ", file%zu, sizeof(file%zu) - 1},\n", i, i);
	}
	fprintf(out, "};\n\nconst size_t craf_embedded_catalogue_count = %zu;\n", cat->ndocs);
	return 0;
}

static int generate(FILE *out, const struct catalogue *cat)
{
	fputs("/* Generated by gen_catalogue from controls/: do not edit. */\n"
	      "#include <stdbool.h>\n"
	      "#include <stddef.h>\n\n"
	      "#include \"catalogue_load.h\"\n\n"
	      "extern const struct catalogue craf_builtin_catalogue;\n"
	      "extern const struct catalogue_file craf_embedded_catalogue[];\n"
	      "extern const size_t craf_embedded_catalogue_count;\n\n",
	      out);
	put_domains(out, cat);
	put_products(out, cat);
	put_principles(out, cat);
	put_responsibility(out, cat);
	put_risk(out, cat);
	put_idmap(out, "principle_ids", &cat->principle_ids);
	put_idmap(out, "product_ids", &cat->product_ids);
	put_idmap(out, "component_ids", &cat->component_ids);
	put_catalogue(out, cat);
	return put_files(out, cat);
}

/* usage: gen_catalogue OUT.c DIR (DIR holding framework.yaml) */
int main(int argc, char **argv)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;
	FILE *out = NULL;
	int ret = 2;

	catalogue_init(&cat);
	if (argc != 3) {
		fputs("usage: gen_catalogue OUT.c DIR\n", stderr);
		goto cleanup;
	}
	/* The loader craf uses for --catalogue, with all its checks. */
	if (catalogue_load_dir(&cat, argv[2], &dl)) {
		diag_list_print(stderr, &dl, false);
		fprintf(stderr, "gen_catalogue: the catalogue in %s has errors\n", argv[2]);
		goto cleanup;
	}
	diag_list_print(stderr, &dl, false);
	out = fopen(argv[1], "w");
	if (!out) {
		perror(argv[1]);
		goto cleanup;
	}
	if (generate(out, &cat) || ferror(out)) {
		fprintf(stderr, "gen_catalogue: cannot write %s\n", argv[1]);
		goto cleanup;
	}
	ret = 0;
cleanup:
	if (out && fclose(out) && !ret) {
		perror(argv[1]);
		ret = 2;
	}
	/* No half-written file for make to take as up to date. */
	if (ret && out)
		remove(argv[1]);
	catalogue_release(&cat);
	diag_list_release(&dl);
	return ret;
}
