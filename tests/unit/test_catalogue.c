/* Unit tests for the catalogue: the shipped content and the loader's checks. */
#include "testutil.h"

#include <sys/stat.h>

#include "catalogue.h"
#include "strbuf.h"

static const char *const shipped_ids[] = {
	"1.2.1", "1.2.2", "1.5.1", "1.5.2", "2.1.1", "3.1.1", "3.1.2", "3.1.4", "3.1.5",
	"3.1.8", "3.2.1", "3.2.2", "3.2.3", "3.3.2", "3.4.1", "3.5.1", "3.5.2", "3.5.3",
	"3.6.1", "4.1.1", "4.1.2", "4.2.1", "4.2.2", "4.3.1", "4.3.2", "4.4.1", "5.1.1",
	"5.1.2", "5.2.1", "5.2.2", "5.2.3", "5.3.1", "5.3.2", "5.3.3", "5.3.4", "5.3.5",
	"5.4.1", "5.4.2", "5.4.3", "6.1.1", "7.1.1", "7.1.2", "7.2.1", "7.2.2", "7.3.1",
};

static int is_one_of(const char *id, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(id, list[i]))
			return 1;
	return 0;
}

static void assert_text(const struct text *t, const char *what, const char *id)
{
	if (!t->en || !*t->en || !t->zh || !*t->zh) {
		fprintf(stderr, "%s of %s lacks English or Chinese text\n", what, id);
		fail();
	}
}

static void test_builtin_loads_cleanly(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;

	(void)state;
	catalogue_init(&cat);
	assert_int_equal(catalogue_load_builtin(&cat, &dl), 0);
	if (dl.nr)
		tu_dump(&dl);
	assert_int_equal(dl.nr, 0); /* no warnings either */
	assert_string_equal(cat.framework, "HKMA C-RAF 2.0");
	assert_int_equal(cat.ndomains, 7);
	assert_int_equal(strlen(cat.sha256), 64);
	assert_true(cat.builtin);
	catalogue_release(&cat);
	diag_list_release(&dl);
}

static void test_builtin_ids_and_levels(void **state)
{
	static const char *const single[] = {"3.1.4", "3.1.8", "3.2.3"};
	static const char *const no_advanced[] = {"4.2.1", "5.3.1", "5.3.5", "5.4.1"};
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;
	const size_t n = sizeof(shipped_ids) / sizeof(shipped_ids[0]);

	(void)state;
	catalogue_init(&cat);
	assert_int_equal(catalogue_load_builtin(&cat, &dl), 0);
	assert_int_equal(cat.nprinciples, 45);
	assert_int_equal(n, 45);
	for (size_t i = 0; i < n; i++) {
		const struct cat_principle *p = &cat.principles[i];
		int expect = is_one_of(p->id, single, 3)	? 1
			     : is_one_of(p->id, no_advanced, 4) ? 2
								: 3;

		/* In catalogue order, which is numeric id order here. */
		assert_string_equal(p->id, shipped_ids[i]);
		assert_ptr_equal(catalogue_find(&cat, shipped_ids[i]), p);
		assert_int_equal(p->nlevels, expect);
		assert_int_equal(p->single, is_one_of(p->id, single, 3));
	}
	assert_int_equal(catalogue_requirements(&cat), 125);
	assert_null(catalogue_find(&cat, "1.1.1"));
	catalogue_release(&cat);
	diag_list_release(&dl);
}

static void test_builtin_content_complete(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;
	size_t *uses;

	(void)state;
	catalogue_init(&cat);
	assert_int_equal(catalogue_load_builtin(&cat, &dl), 0);
	uses = calloc(cat.nproducts, sizeof(size_t));
	for (size_t d = 0; d < cat.ndomains; d++)
		assert_text(&cat.domains[d].name, "name", cat.domains[d].id);
	for (size_t c = 0; c < cat.ncomponents; c++)
		assert_text(&cat.components[c].name, "name", cat.components[c].id);
	for (size_t i = 0; i < cat.nprinciples; i++) {
		const struct cat_principle *p = &cat.principles[i];

		assert_text(&p->name, "name", p->id);
		for (int l = 0; l < p->nlevels; l++)
			assert_text(&p->requirement[l], "requirement", p->id);
		assert_true(p->responsibility != RESP_NONE);
		assert_text(&p->customer, "customer response", p->id);
		assert_text(&p->provider, "provider response", p->id);
		for (size_t k = 0; k < p->nproducts; k++) {
			assert_true(p->products[k] < cat.nproducts);
			uses[p->products[k]]++;
		}
	}
	for (size_t k = 0; k < cat.nproducts; k++) {
		assert_text(&cat.products[k].name, "name", cat.products[k].id);
		assert_text(&cat.products[k].summary, "summary", cat.products[k].id);
		assert_ptr_equal(catalogue_find_product(&cat, cat.products[k].id),
				 &cat.products[k]);
	}
	/* Physical access to the data centres is the provider's. */
	assert_int_equal(catalogue_find(&cat, "3.1.4")->responsibility, RESP_PROVIDER);
	assert_true(cat.nmodels == 3 && cat.nareas >= 7);
	free(uses);
	catalogue_release(&cat);
	diag_list_release(&dl);
}

static void test_mini_order_and_ranges(void **state)
{
	static const char *const order[] = {"1.1.1", "1.1.2", "1.2.1", "1.10.1", "2.1.1"};
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;

	(void)state;
	catalogue_init(&cat);
	assert_int_equal(catalogue_load_dir(&cat, CRAF_TEST_DATA "/mini", &dl), 0);
	assert_int_equal(cat.nprinciples, 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(cat.principles[i].id, order[i]);
	assert_int_equal(cat.domains[0].first, 0);
	assert_int_equal(cat.domains[0].count, 4);
	assert_int_equal(cat.domains[1].first, 4);
	assert_int_equal(cat.components[0].count, 2);
	assert_int_equal(cat.components[2].first, 3);
	assert_true(catalogue_find(&cat, "1.1.2")->single);
	assert_int_equal(catalogue_find(&cat, "1.2.1")->nlevels, 2);
	assert_int_equal(catalogue_find(&cat, "1.10.1")->responsibility, RESP_NONE);
	assert_false(cat.builtin);
	/* zh falls back to English where a custom catalogue has none. */
	assert_string_equal(text_get(&catalogue_find(&cat, "1.2.1")->name, LANG_ZH), "No advanced");
	catalogue_release(&cat);
	diag_list_release(&dl);
}

static void test_id_order(void **state)
{
	(void)state;
	assert_true(catalogue_id_cmp("3.2.1", "3.10.1") < 0);
	assert_true(catalogue_id_cmp("3.10.1", "3.2.1") > 0);
	assert_true(catalogue_id_cmp("1.2.10", "1.2.9") > 0);
	assert_int_equal(catalogue_id_cmp("4.2.1", "4.2.1"), 0);
	assert_true(catalogue_id_cmp("10.1.1", "9.9.9") > 0);
}

/* A copy of the mini catalogue with one file replaced. */
static char *make_variant(const char *file, const char *content)
{
	static const char *const files[] = {"framework.yaml", "1-first.yaml", "2-second.yaml",
					    "products.yaml"};
	char *dir = strdup("/tmp/craf-cat-XXXXXX");

	assert_non_null(mkdtemp(dir));
	for (size_t i = 0; i < 4; i++) {
		struct strbuf src = STRBUF_INIT, dst = STRBUF_INIT;
		FILE *in, *out;
		int c;

		strbuf_addf(&src, "%s/mini/%s", CRAF_TEST_DATA, files[i]);
		strbuf_addf(&dst, "%s/%s", dir, files[i]);
		out = fopen(dst.buf, "w");
		assert_non_null(out);
		if (!strcmp(files[i], file)) {
			if (content)
				fputs(content, out);
		} else {
			in = fopen(src.buf, "r");
			assert_non_null(in);
			while ((c = fgetc(in)) != EOF)
				fputc(c, out);
			fclose(in);
		}
		fclose(out);
		if (!strcmp(files[i], file) && !content)
			unlink(dst.buf);
		strbuf_release(&src);
		strbuf_release(&dst);
	}
	return dir;
}

static void remove_variant(char *dir)
{
	struct strbuf cmd = STRBUF_INIT;

	strbuf_addf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd.buf), 0);
	strbuf_release(&cmd);
	free(dir);
}

#define DOMAIN1_HEAD "domain: \"1\"\nprinciples:\n"
#define OK_REST                                                                                    \
	"  - { id: \"1.1.2\", name: { en: S }, requirements: { all: { en: x } } }\n"               \
	"  - { id: \"1.2.1\", name: { en: S }, requirements: { baseline: { en: x } } }\n"          \
	"  - { id: \"1.10.1\", name: { en: S }, requirements: { baseline: { en: x } } }\n"

struct bad_catalogue {
	const char *name;
	const char *file;
	const char *content; /* NULL: delete the file */
	const char *where;   /* expected file name suffix */
	int line;
	const char *message;
};

static const struct bad_catalogue bad_catalogues[] = {
	{"unknown key", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - { id: \"1.1.1\", nmae: { en: N }, requirements: { baseline: { en: x } } }\n" OK_REST,
	 "1-first.yaml", 3, "unknown key \"nmae\" in principle (did you mean \"name\"?)"},
	{"dangling product", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - id: \"1.1.1\"\n    name: { en: N }\n    requirements: { baseline: { en: x } }\n"
	 "    response:\n      responsibility: shared\n      products: [p2]\n"
	 "      customer: { en: c }\n      provider: { en: p }\n" OK_REST,
	 "1-first.yaml", 8, "unknown product \"p2\" (did you mean \"p1\"?)"},
	{"undeclared component", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - { id: \"1.3.1\", name: { en: N }, requirements: { baseline: { en: x } } }\n"
	 "  - { id: \"1.1.1\", name: { en: N }, requirements: { baseline: { en: x } } }\n" OK_REST,
	 "1-first.yaml", 3, "component 1.3 is not declared in framework.yaml"},
	{"principle in the wrong domain", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - { id: \"2.1.9\", name: { en: N }, requirements: { baseline: { en: x } } }\n"
	 "  - { id: \"1.1.1\", name: { en: N }, requirements: { baseline: { en: x } } }\n" OK_REST,
	 "1-first.yaml", 3, "does not belong to domain 1"},
	{"duplicate principle", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - { id: \"1.1.1\", name: { en: N }, requirements: { baseline: { en: x } } }\n"
	 "  - { id: \"1.1.1\", name: { en: N }, requirements: { baseline: { en: x } } }\n" OK_REST,
	 "1-first.yaml", 0, "principle \"1.1.1\" is defined twice"},
	{"level gap", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - { id: \"1.1.1\", name: { en: N }, requirements: { baseline: { en: x }, advanced: { en: y } } }\n" OK_REST,
	 "1-first.yaml", 3, "\"advanced\" given without \"intermediate\""},
	{"all with levels", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - { id: \"1.1.1\", name: { en: N }, requirements: { all: { en: x }, baseline: { en: y } } }\n" OK_REST,
	 "1-first.yaml", 3, "\"all\" cannot be combined with levels"},
	{"bad id", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - { id: \"1.1\", name: { en: N }, requirements: { baseline: { en: x } } }\n" OK_REST,
	 "1-first.yaml", 3, "invalid principle id \"1.1\""},
	{"missing english", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - { id: \"1.1.1\", name: { zh: 名 }, requirements: { baseline: { en: x } } }\n" OK_REST,
	 "1-first.yaml", 3, "missing required key \"en\" in text"},
	{"bad responsibility", "1-first.yaml",
	 DOMAIN1_HEAD
	 "  - id: \"1.1.1\"\n    name: { en: N }\n    requirements: { baseline: { en: x } }\n"
	 "    response:\n      responsibility: cloud\n      products: []\n"
	 "      customer: { en: c }\n      provider: { en: p }\n" OK_REST,
	 "1-first.yaml", 7, "unknown responsibility \"cloud\""},
	{"file for another domain", "2-second.yaml", "domain: \"3\"\nprinciples: []\n",
	 "2-second.yaml", 1, "this file is for domain 3"},
	{"missing domain file", "2-second.yaml", NULL, "2-second.yaml", 1,
	 "cannot open file: No such file or directory"},
	{"wrong levels", "framework.yaml",
	 "framework: F\nversion: \"1\"\nlevels:\n  - { id: basic, name: { en: B } }\n"
	 "  - { id: intermediate, name: { en: I } }\n  - { id: advanced, name: { en: A } }\n"
	 "domains: []\n",
	 "framework.yaml", 4, "level 1 must be \"baseline\", not \"basic\""},
	{"unquoted version", "framework.yaml",
	 "framework: F\nversion: 1.0\nlevels: []\ndomains: []\n", "framework.yaml", 2,
	 "expected text, got a number"},
	{"product category", "products.yaml",
	 "products:\n  - { id: p1, abbr: P, name: { en: P }, category: magic, summary: { en: s } }\n",
	 "products.yaml", 2, "unknown product category \"magic\""},
};

static void test_bad_catalogues(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_catalogues) / sizeof(bad_catalogues[0]); i++) {
		const struct bad_catalogue *b = &bad_catalogues[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct catalogue cat;
		char *dir = make_variant(b->file, b->content);
		int found = 0;

		catalogue_init(&cat);
		assert_int_equal(catalogue_load_dir(&cat, dir, &dl), -1);
		for (size_t k = 0; k < dl.nr; k++) {
			const struct diag *d = &dl.items[k];
			size_t fl = strlen(d->file), wl = strlen(b->where);

			if (fl >= wl && !strcmp(d->file + fl - wl, b->where) &&
			    (!b->line || d->line == b->line) && strstr(d->message, b->message))
				found = 1;
		}
		if (!found) {
			fprintf(stderr, "case '%s': expected %s:%d: %s; got:\n", b->name, b->where,
				b->line, b->message);
			tu_dump(&dl);
			fail();
		}
		catalogue_release(&cat);
		diag_list_release(&dl);
		remove_variant(dir);
	}
}

static void test_not_a_directory(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;

	(void)state;
	catalogue_init(&cat);
	assert_int_equal(catalogue_load_dir(&cat, CRAF_TEST_DATA "/mini/framework.yaml", &dl), -1);
	assert_true(tu_has_error(&dl, 1, 1, "not a directory"));
	assert_int_equal(catalogue_load_dir(&cat, "/nonexistent-catalogue", &dl), -1);
	assert_true(tu_has_error(&dl, 1, 1, "cannot open catalogue directory"));
	catalogue_release(&cat);
	diag_list_release(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_loads_cleanly),
		cmocka_unit_test(test_builtin_ids_and_levels),
		cmocka_unit_test(test_builtin_content_complete),
		cmocka_unit_test(test_mini_order_and_ranges),
		cmocka_unit_test(test_id_order),
		cmocka_unit_test(test_bad_catalogues),
		cmocka_unit_test(test_not_a_directory),
	};

	return cmocka_run_group_tests_name("catalogue", tests, NULL, NULL);
}
