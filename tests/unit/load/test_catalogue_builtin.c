/* Unit tests for the compiled-in catalogue: field for field what the loader makes of controls/. */
#include "testutil.h"

#include "catalogue.h"

#define CONTROLS CRAF_TEST_DATA "/../../controls"

/* Fails naming what differs, so a field gen_catalogue forgot is easy to find. */
static void same_str(const char *a, const char *b, const char *what, size_t i)
{
	if ((a == NULL) != (b == NULL) || (a && strcmp(a, b))) {
		fprintf(stderr, "%s [%zu]: built in \"%s\", loaded \"%s\"\n", what, i,
			a ? a : "(null)", b ? b : "(null)");
		fail();
	}
}

static void same_text(const struct text *a, const struct text *b, const char *what, size_t i)
{
	same_str(a->en, b->en, what, i);
	same_str(a->zh, b->zh, what, i);
}

static void same_num(size_t a, size_t b, const char *what, size_t i)
{
	if (a != b) {
		fprintf(stderr, "%s [%zu]: built in %zu, loaded %zu\n", what, i, a, b);
		fail();
	}
}

static void same_principle(const struct cat_principle *a, const struct cat_principle *b, size_t i)
{
	same_str(a->id, b->id, "principle id", i);
	for (int k = 0; k < 3; k++)
		same_num(a->num[k], b->num[k], "principle num", i);
	same_num(a->domain, b->domain, "principle domain", i);
	same_num(a->component, b->component, "principle component", i);
	same_text(&a->name, &b->name, "principle name", i);
	same_num(a->single, b->single, "principle single", i);
	same_num((size_t)a->nlevels, (size_t)b->nlevels, "principle nlevels", i);
	for (int l = 0; l < LEVEL_COUNT; l++)
		same_text(&a->requirement[l], &b->requirement[l], "requirement", i);
	same_num((size_t)a->responsibility, (size_t)b->responsibility, "responsibility", i);
	same_num(a->doc, b->doc, "principle doc", i);
	same_num((size_t)a->line, (size_t)b->line, "principle line", i);
	same_num((size_t)a->col, (size_t)b->col, "principle col", i);
	same_num(a->nproducts, b->nproducts, "principle nproducts", i);
	for (size_t k = 0; k < a->nproducts && k < b->nproducts; k++)
		same_num(a->products[k], b->products[k], "principle product", i);
	same_text(&a->customer, &b->customer, "customer", i);
	same_text(&a->provider, &b->provider, "provider", i);
	same_num(a->ncertifications, b->ncertifications, "ncertifications", i);
	for (size_t k = 0; k < a->ncertifications && k < b->ncertifications; k++)
		same_str(a->certifications[k], b->certifications[k], "certification", i);
}

static void same_catalogue(const struct catalogue *a, const struct catalogue *b)
{
	same_str(a->framework, b->framework, "framework", 0);
	same_str(a->version, b->version, "version", 0);
	same_str(a->sha256, b->sha256, "sha256", 0);
	same_text(&a->source, &b->source, "source", 0);
	for (size_t l = 0; l < LEVEL_COUNT; l++)
		same_text(&a->level_names[l], &b->level_names[l], "level name", l);

	same_num(a->ndomains, b->ndomains, "ndomains", 0);
	for (size_t i = 0; i < a->ndomains && i < b->ndomains; i++) {
		const struct cat_domain *x = &a->domains[i], *y = &b->domains[i];

		same_str(x->id, y->id, "domain id", i);
		same_text(&x->name, &y->name, "domain name", i);
		same_str(x->file, y->file, "domain file", i);
		same_num((size_t)x->id_line, (size_t)y->id_line, "domain id_line", i);
		same_num(x->doc, y->doc, "domain doc", i);
		same_num((size_t)x->principles_line, (size_t)y->principles_line, "domain line", i);
		same_num((size_t)x->principles_col, (size_t)y->principles_col, "domain col", i);
		same_num(x->first_component, y->first_component, "domain first_component", i);
		same_num(x->ncomponents, y->ncomponents, "domain ncomponents", i);
		same_num(x->first, y->first, "domain first", i);
		same_num(x->count, y->count, "domain count", i);
	}
	same_num(a->ncomponents, b->ncomponents, "ncomponents", 0);
	for (size_t i = 0; i < a->ncomponents && i < b->ncomponents; i++) {
		const struct cat_component *x = &a->components[i], *y = &b->components[i];

		same_str(x->id, y->id, "component id", i);
		same_text(&x->name, &y->name, "component name", i);
		same_num((size_t)x->line, (size_t)y->line, "component line", i);
		same_num((size_t)x->col, (size_t)y->col, "component col", i);
		same_num(x->domain, y->domain, "component domain", i);
		same_num(x->first, y->first, "component first", i);
		same_num(x->count, y->count, "component count", i);
	}
	same_num(a->nprinciples, b->nprinciples, "nprinciples", 0);
	for (size_t i = 0; i < a->nprinciples && i < b->nprinciples; i++)
		same_principle(&a->principles[i], &b->principles[i], i);
	same_num(a->nproducts, b->nproducts, "nproducts", 0);
	for (size_t i = 0; i < a->nproducts && i < b->nproducts; i++) {
		const struct cat_product *x = &a->products[i], *y = &b->products[i];

		same_str(x->id, y->id, "product id", i);
		same_str(x->abbr, y->abbr, "product abbr", i);
		same_text(&x->name, &y->name, "product name", i);
		same_str(x->category, y->category, "product category", i);
		same_text(&x->summary, &y->summary, "product summary", i);
	}
	same_num(a->nmodels, b->nmodels, "nmodels", 0);
	for (size_t i = 0; i < a->nmodels && i < b->nmodels; i++) {
		same_str(a->models[i].id, b->models[i].id, "model id", i);
		same_text(&a->models[i].name, &b->models[i].name, "model name", i);
	}
	same_num(a->nareas, b->nareas, "nareas", 0);
	for (size_t i = 0; i < a->nareas && i < b->nareas; i++) {
		const struct cat_resp_area *x = &a->areas[i], *y = &b->areas[i];

		same_str(x->id, y->id, "area id", i);
		same_text(&x->name, &y->name, "area name", i);
		same_text(&x->description, &y->description, "area description", i);
		for (size_t m = 0; m < a->nmodels && m < b->nmodels; m++)
			same_num((size_t)x->owner[m], (size_t)y->owner[m], "area owner", i);
	}
	same_text(&a->resp_note, &b->resp_note, "responsibility note", 0);
	same_text(&a->risk_note, &b->risk_note, "risk note", 0);
	same_num(a->nrisk_categories, b->nrisk_categories, "nrisk_categories", 0);
	for (size_t i = 0; i < a->nrisk_categories && i < b->nrisk_categories; i++) {
		const struct cat_risk_category *x = &a->risk_categories[i];
		const struct cat_risk_category *y = &b->risk_categories[i];

		same_str(x->id, y->id, "risk category id", i);
		same_text(&x->name, &y->name, "risk category name", i);
		same_num(x->nindicators, y->nindicators, "nindicators", i);
		for (size_t k = 0; k < x->nindicators && k < y->nindicators; k++) {
			same_str(x->indicators[k].id, y->indicators[k].id, "indicator id", i);
			same_text(&x->indicators[k].name, &y->indicators[k].name, "indicator name",
				  i);
			for (int r = 0; r < 3; r++)
				same_text(&x->indicators[k].rating[r], &y->indicators[k].rating[r],
					  "indicator rating", i);
		}
	}
}

static void test_builtin_is_what_controls_loads_to(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue builtin, loaded;

	(void)state;
	catalogue_init(&builtin);
	catalogue_init(&loaded);
	assert_int_equal(catalogue_load_builtin(&builtin, &dl), 0);
	assert_int_equal(catalogue_load_dir(&loaded, CONTROLS, &dl), 0);
	assert_int_equal(dl.nr, 0);
	same_catalogue(&builtin, &loaded);
	assert_true(builtin.builtin);
	assert_string_equal(builtin.origin, "built-in");
	assert_false(loaded.builtin);
	assert_string_equal(loaded.origin, CONTROLS);
	/* No documents behind the built-in model: nothing may look for them. */
	assert_null(builtin.docs);
	assert_int_equal(builtin.ndocs, 0);
	catalogue_release(&builtin);
	catalogue_release(&loaded);
	diag_list_release(&dl);
}

/* The id maps are data too: every id is found, at its own index, and others are not. */
static void test_builtin_lookups(void **state)
{
	static const char *const absent[] = {"", "3.1", "3.1.20", "9.9.9", "3.1.2 ", "CAM"};
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;

	(void)state;
	catalogue_init(&cat);
	assert_int_equal(catalogue_load_builtin(&cat, &dl), 0);
	for (size_t i = 0; i < cat.nprinciples; i++)
		assert_ptr_equal(catalogue_find(&cat, cat.principles[i].id), &cat.principles[i]);
	for (size_t i = 0; i < cat.nproducts; i++)
		assert_ptr_equal(catalogue_find_product(&cat, cat.products[i].id),
				 &cat.products[i]);
	for (size_t i = 0; i < sizeof(absent) / sizeof(*absent); i++) {
		assert_null(catalogue_find(&cat, absent[i]));
		assert_null(catalogue_find_product(&cat, absent[i]));
	}
	assert_non_null(catalogue_find_risk_category(&cat, cat.risk_categories[0].id));
	catalogue_release(&cat);
	diag_list_release(&dl);
}

/* Static data: released (twice, as cleanup paths may) without freeing anything, loadable again. */
static void test_builtin_release(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;

	(void)state;
	catalogue_init(&cat);
	for (int round = 0; round < 2; round++) {
		assert_int_equal(catalogue_load_builtin(&cat, &dl), 0);
		assert_int_equal(cat.nprinciples, 45);
		catalogue_release(&cat);
		assert_int_equal(cat.nprinciples, 0);
		assert_null(cat.principles);
		assert_false(cat.builtin);
		catalogue_release(&cat);
	}
	diag_list_release(&dl);
}

/* The embedded files still load, as files in memory: the same digest, not marked built in. */
static void test_builtin_files(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	const struct catalogue_file *files;
	struct catalogue builtin, mem;
	size_t n;

	(void)state;
	catalogue_init(&builtin);
	catalogue_init(&mem);
	catalogue_builtin_files(&files, &n);
	assert_int_equal(n, 11);
	assert_string_equal(files[0].name, "framework.yaml");
	assert_int_equal(catalogue_load_builtin(&builtin, &dl), 0);
	assert_int_equal(catalogue_load_files(&mem, files, n, &dl), 0);
	assert_string_equal(mem.sha256, builtin.sha256);
	assert_false(mem.builtin);
	assert_string_equal(mem.origin, "memory");
	catalogue_release(&mem);
	catalogue_release(&builtin);
	diag_list_release(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_is_what_controls_loads_to),
		cmocka_unit_test(test_builtin_lookups),
		cmocka_unit_test(test_builtin_release),
		cmocka_unit_test(test_builtin_files),
	};

	return cmocka_run_group_tests_name("catalogue_builtin", tests, NULL, NULL);
}
