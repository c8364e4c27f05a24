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

/* ---- catalogues in memory: the mini catalogue with files replaced, added or left out ---- */

static const char *const mini_files[] = {"framework.yaml", "1-first.yaml", "2-second.yaml",
					 "products.yaml"};
static char *mini_text[4];

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;

	assert_non_null(f);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	return strbuf_detach(&sb);
}

static int read_mini(void **state)
{
	(void)state;
	for (size_t i = 0; i < 4; i++) {
		struct strbuf path = STRBUF_INIT;

		strbuf_addf(&path, "%s/mini/%s", CRAF_TEST_DATA, mini_files[i]);
		mini_text[i] = read_all(path.buf);
		strbuf_release(&path);
	}
	return 0;
}

static int free_mini(void **state)
{
	(void)state;
	for (size_t i = 0; i < 4; i++)
		free(mini_text[i]);
	return 0;
}

#define RESPONSIBILITY                                                                             \
	"note: { en: Who runs what }\n"                                                            \
	"models:\n  - { id: iaas, name: { en: IaaS } }\n  - { id: saas, name: { en: SaaS } }\n"    \
	"areas:\n"                                                                                 \
	"  - id: data\n    name: { en: Data }\n    description: { en: The data }\n"                \
	"    owner: { iaas: customer, saas: shared }\n"
#define INHERENT_RISK                                                                              \
	"note: { en: Illustrative }\n"                                                             \
	"categories:\n"                                                                            \
	"  - id: tech\n    name: { en: Technologies }\n    indicators:\n"                          \
	"      - { id: cloud, name: { en: Cloud }, low: { en: l }, medium: { en: m }, high: { en: h } }\n"

/* Loads the mini catalogue from memory with file (or, also, file2) replaced by content; NULL leaves
 * it out. */
static int load_variant(struct catalogue *cat, struct diag_list *dl, const char *file,
			const char *content, const char *file2, const char *content2)
{
	struct catalogue_file files[6];
	size_t n = 0;
	const char *extra[] = {"responsibility.yaml", "inherent-risk.yaml"};

	for (size_t i = 0; i < 4 + 2; i++) {
		const char *name = i < 4 ? mini_files[i] : extra[i - 4];
		const char *text = i < 4 ? mini_text[i] : NULL;

		if (file && !strcmp(name, file))
			text = content;
		if (file2 && !strcmp(name, file2))
			text = content2;
		if (!text)
			continue;
		files[n].name = name;
		files[n].data = (const unsigned char *)text;
		files[n].len = strlen(text);
		n++;
	}
	catalogue_init(cat);
	return catalogue_load_files(cat, files, n, dl);
}

#define FRAMEWORK_HEAD                                                                             \
	"framework: F\nversion: \"1\"\nlevels:\n  - { id: baseline, name: { en: B } }\n"           \
	"  - { id: intermediate, name: { en: I } }\n  - { id: advanced, name: { en: A } }\n"
#define DOMAIN2                                                                                    \
	"  - { id: \"2\", name: { en: S }, file: 2-second.yaml, components: [{ id: \"2.1\", name: { en: T } }] }\n"
#define DOMAIN1_COMPONENTS                                                                         \
	"components: [{ id: \"1.1\", name: { en: A } }, { id: \"1.2\", name: { en: B } }, "        \
	"{ id: \"1.10\", name: { en: C } }] }\n"
#define PRINCIPLE(rest) "  - { id: \"1.1.1\", name: { en: N }" rest " }\n"
#define RESPONSE(products)                                                                         \
	", response: { responsibility: shared, products: " products                                \
	", customer: { en: c }, provider: { en: p } }"
#define REQ ", requirements: { baseline: { en: x } }"

struct memory_case {
	const char *name;
	const char *file, *content;   /* replaced */
	const char *file2, *content2; /* also replaced, or NULL */
	int line, col;
	const char *message; /* the whole message, in <built-in>/file (or file2) */
};

static const struct memory_case memory_cases[] = {
	/* framework.yaml */
	{"levels not a list", "framework.yaml",
	 "framework: F\nversion: \"1\"\nlevels: three\ndomains: []\n", NULL, NULL, 3, 9,
	 "expected a list for levels, got a string"},
	{"two levels", "framework.yaml",
	 "framework: F\nversion: \"1\"\nlevels:\n  - { id: baseline, name: { en: B } }\n"
	 "  - { id: intermediate, name: { en: I } }\ndomains: []\n",
	 NULL, NULL, 4, 3, "levels: expected exactly baseline, intermediate and advanced"},
	{"level not a mapping", "framework.yaml",
	 "framework: F\nversion: \"1\"\nlevels: [baseline, intermediate, advanced]\ndomains: []\n",
	 NULL, NULL, 3, 10, "expected a mapping for level, got a string"},
	{"domains not a list", "framework.yaml", FRAMEWORK_HEAD "domains: {}\n", NULL, NULL, 7, 10,
	 "expected a list for domains, got a mapping"},
	{"domain not a mapping", "framework.yaml", FRAMEWORK_HEAD "domains: [first]\n", NULL, NULL,
	 7, 11, "expected a mapping for domain, got a string"},
	{"domain id not a number", "framework.yaml",
	 FRAMEWORK_HEAD
	 "domains:\n  - { id: one, name: { en: F }, file: 1-first.yaml, components: [] }\n",
	 NULL, NULL, 8, 11, "invalid domain id \"one\" (expected a number, as in 3)"},
	{"domain id with a leading zero", "framework.yaml",
	 FRAMEWORK_HEAD
	 "domains:\n  - { id: \"01\", name: { en: F }, file: 1-first.yaml, components: [] }\n",
	 NULL, NULL, 8, 11, "invalid domain id \"01\" (expected a number, as in 3)"},
	{"two domains in one file", "framework.yaml",
	 FRAMEWORK_HEAD
	 "domains:\n  - { id: \"1\", name: { en: F }, file: 1-first.yaml, " DOMAIN1_COMPONENTS
	 "  - { id: \"2\", name: { en: S }, file: 1-first.yaml, components: [] }\n",
	 NULL, NULL, 9, 39, "file \"1-first.yaml\" already holds domain 1 (line 8)"},
	{"hidden domain file", "framework.yaml",
	 FRAMEWORK_HEAD
	 "domains:\n  - { id: \"1\", name: { en: F }, file: .first.yaml, components: [] }\n",
	 NULL, NULL, 8, 39,
	 "invalid catalogue file name \".first.yaml\" (a file in the catalogue directory, without '/')"},
	{"components not a list", "framework.yaml",
	 FRAMEWORK_HEAD
	 "domains:\n  - { id: \"1\", name: { en: F }, file: 1-first.yaml, components: none }\n",
	 NULL, NULL, 8, 65, "expected a list for components, got a string"},
	{"component not a mapping", "framework.yaml",
	 FRAMEWORK_HEAD
	 "domains:\n  - { id: \"1\", name: { en: F }, file: 1-first.yaml, components: [c] }\n",
	 NULL, NULL, 8, 66, "expected a mapping for component, got a string"},
	{"component of another domain", "framework.yaml",
	 FRAMEWORK_HEAD "domains:\n  - { id: \"1\", name: { en: F }, file: 1-first.yaml, "
			"components: [{ id: \"2.1\", name: { en: A } }] }\n",
	 NULL, NULL, 8, 72, "invalid component id \"2.1\" for domain 1 (expected 1.N)"},
	{"component id not two numbers", "framework.yaml",
	 FRAMEWORK_HEAD "domains:\n  - { id: \"1\", name: { en: F }, file: 1-first.yaml, "
			"components: [{ id: \"1.x\", name: { en: A } }] }\n",
	 NULL, NULL, 8, 72, "invalid component id \"1.x\" for domain 1 (expected 1.N)"},
	{"component twice", "framework.yaml",
	 FRAMEWORK_HEAD
	 "domains:\n  - { id: \"1\", name: { en: F }, file: 1-first.yaml, "
	 "components: [{ id: \"1.1\", name: { en: A } }, { id: \"1.1\", name: { en: B } }] }\n",
	 NULL, NULL, 8, 104, "duplicate component id \"1.1\""},
	{"component without principles", "framework.yaml",
	 FRAMEWORK_HEAD
	 "domains:\n  - { id: \"1\", name: { en: F }, file: 1-first.yaml, "
	 "components: [{ id: \"1.1\", name: { en: A } }, { id: \"1.2\", name: { en: B } }, "
	 "{ id: \"1.10\", name: { en: C } }, { id: \"1.3\", name: { en: D } }] }\n" DOMAIN2,
	 NULL, NULL, 8, 169, "component 1.3 has no principles"},
	{"no framework.yaml", "framework.yaml", NULL, NULL, NULL, 1, 1,
	 "file missing from the built-in catalogue"},
	/* products.yaml */
	{"products.yaml not YAML", "products.yaml", "products: [\n", NULL, NULL, 1, 12,
	 "did not find expected node content (while parsing a flow node at line 2, column 1)"},
	{"products.yaml without products", "products.yaml", "items: []\n", NULL, NULL, 1, 1,
	 "unknown key \"items\" in products.yaml (expected one of: products)"},
	{"products not a list", "products.yaml", "products: {}\n", NULL, NULL, 1, 11,
	 "expected a list for products, got a mapping"},
	{"product without a category", "products.yaml",
	 "products:\n  - { id: p1, abbr: P, name: { en: P }, summary: { en: s } }\n", NULL, NULL, 2,
	 5, "missing required key \"category\" in product"},
	{"no products.yaml, a principle naming one", "products.yaml", NULL, NULL, NULL, 17, 18,
	 "unknown product \"p1\" (not in products.yaml)"},
	/* responsibility.yaml */
	{"responsibility without models", "responsibility.yaml", "note: { en: N }\nareas: []\n",
	 NULL, NULL, 1, 1, "missing required key \"models\" in responsibility.yaml"},
	{"models not a list", "responsibility.yaml", "models: iaas\nareas: []\n", NULL, NULL, 1, 9,
	 "expected a list for models, got a string"},
	{"areas not a list", "responsibility.yaml", "models: []\nareas: data\n", NULL, NULL, 2, 8,
	 "expected a list for areas, got a string"},
	{"model without a name", "responsibility.yaml", "models: [{ id: iaas }]\nareas: []\n", NULL,
	 NULL, 1, 10, "missing required key \"name\" in model"},
	{"area without an owner", "responsibility.yaml",
	 "models: []\nareas: [{ id: data, name: { en: D }, description: { en: d } }]\n", NULL, NULL,
	 2, 9, "missing required key \"owner\" in area"},
	{"owner not a mapping", "responsibility.yaml",
	 "models: []\nareas: [{ id: data, name: { en: D }, description: { en: d }, owner: me }]\n",
	 NULL, NULL, 2, 69, "expected a mapping for owner, got a string"},
	{"owner missing a model", "responsibility.yaml",
	 "models: [{ id: iaas, name: { en: I } }, { id: saas, name: { en: S } }]\n"
	 "areas: [{ id: data, name: { en: D }, description: { en: d }, owner: { iaas: shared } }]\n",
	 NULL, NULL, 2, 69, "missing owner for model \"saas\""},
	{"owner unknown", "responsibility.yaml",
	 "models: [{ id: iaas, name: { en: I } }]\n"
	 "areas: [{ id: data, name: { en: D }, description: { en: d }, owner: { iaas: vendor } }]\n",
	 NULL, NULL, 2, 77,
	 "unknown responsibility \"vendor\" (expected one of: customer, shared, provider)"},
	{"owner for an unknown model", "responsibility.yaml",
	 "models: [{ id: iaas, name: { en: I } }]\n"
	 "areas: [{ id: data, name: { en: D }, description: { en: d }, owner: { iaas: shared, faas: shared } }]\n",
	 NULL, NULL, 2, 85, "unknown model \"faas\" in owner"},
	{"responsibility.yaml not YAML", "responsibility.yaml", "models: {\n", NULL, NULL, 1, 10,
	 "did not find expected node content (while parsing a flow node at line 2, column 1)"},
	/* inherent-risk.yaml */
	{"inherent risk without a note", "inherent-risk.yaml", "categories: []\n", NULL, NULL, 1, 1,
	 "missing required key \"note\" in inherent-risk.yaml"},
	{"categories not a list", "inherent-risk.yaml", "note: { en: N }\ncategories: tech\n", NULL,
	 NULL, 2, 13, "expected a list for categories, got a string"},
	{"category without indicators", "inherent-risk.yaml",
	 "note: { en: N }\ncategories: [{ id: tech, name: { en: T } }]\n", NULL, NULL, 2, 14,
	 "missing required key \"indicators\" in category"},
	{"indicators not a list", "inherent-risk.yaml",
	 "note: { en: N }\ncategories: [{ id: tech, name: { en: T }, indicators: cloud }]\n", NULL,
	 NULL, 2, 55, "expected a list for indicators, got a string"},
	{"category twice", "inherent-risk.yaml",
	 "note: { en: N }\ncategories:\n  - { id: tech, name: { en: T }, indicators: [] }\n"
	 "  - { id: tech, name: { en: U }, indicators: [] }\n",
	 NULL, NULL, 4, 5, "duplicate category \"tech\""},
	{"indicator without high", "inherent-risk.yaml",
	 "note: { en: N }\ncategories:\n  - id: tech\n    name: { en: T }\n    indicators:\n"
	 "      - { id: cloud, name: { en: C }, low: { en: l }, medium: { en: m } }\n",
	 NULL, NULL, 6, 9, "missing required key \"high\" in indicator"},
	{"inherent-risk.yaml not YAML", "inherent-risk.yaml", "note: [\n", NULL, NULL, 1, 8,
	 "did not find expected node content (while parsing a flow node at line 2, column 1)"},
	/* domain files */
	{"domain file without principles", "2-second.yaml", "domain: \"2\"\n", NULL, NULL, 1, 1,
	 "missing required key \"principles\" in domain file"},
	{"principles not a list", "2-second.yaml", "domain: \"2\"\nprinciples: {}\n", NULL, NULL, 2,
	 13, "expected a list for principles, got a mapping"},
	{"principle without requirements", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(""), NULL, NULL, 3, 5,
	 "missing required key \"requirements\" in principle"},
	{"responsibility a number", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(
		 REQ
		 ", response: { responsibility: 3, products: [], customer: { en: c }, provider: { en: p } }"),
	 NULL, NULL, 3, 104, "expected text, got an integer (quote it if you mean the text \"3\")"},
	{"principle without an id", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n  - { name: { en: N }" REQ " }\n", NULL, NULL, 3, 5,
	 "missing required key \"id\" in principle"},
	{"requirements not a mapping", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(", requirements: all"), NULL, NULL, 3, 51,
	 "expected a mapping for requirements, got a string"},
	{"unknown requirement level", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(", requirements: { expert: { en: x } }"), NULL,
	 NULL, 3, 53,
	 "unknown requirement level \"expert\" (expected baseline, intermediate, advanced or all)"},
	{"requirement not text", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(", requirements: { baseline: x }"), NULL, NULL, 3,
	 63, "expected a mapping for text, got a string"},
	{"no requirements", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(", requirements: {}"), NULL, NULL, 3, 51,
	 "requirements: at least \"baseline\" (or \"all\") is required"},
	{"response without products", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(
		 REQ
		 ", response: { responsibility: shared, customer: { en: c }, provider: { en: p } }"),
	 NULL, NULL, 3, 86, "missing required key \"products\" in response"},
	{"response without responsibility", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(
		 REQ ", response: { products: [], customer: { en: c }, provider: { en: p } }"),
	 NULL, NULL, 3, 86, "missing required key \"responsibility\" in response"},
	{"response products not a list", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(REQ RESPONSE("p1")), NULL, NULL, 3, 122,
	 "expected a list for products, got a string"},
	{"product not text", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(REQ RESPONSE("[1]")), NULL, NULL, 3, 123,
	 "expected text, got an integer (quote it if you mean the text \"1\")"},
	{"product listed twice", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(REQ RESPONSE("[p1, p1]")), NULL, NULL, 3, 127,
	 "product \"p1\" listed twice"},
	{"unknown product, nothing near", "1-first.yaml",
	 "domain: \"1\"\nprinciples:\n" PRINCIPLE(REQ RESPONSE("[firewall]")), NULL, NULL, 3, 123,
	 "unknown product \"firewall\" (not in products.yaml)"},
};

static void test_memory_catalogues(void **state)
{
	int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(memory_cases) / sizeof(memory_cases[0]); i++) {
		const struct memory_case *c = &memory_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct catalogue cat;
		struct strbuf file = STRBUF_INIT;
		int found = 0;

		assert_int_equal(
			load_variant(&cat, &dl, c->file, c->content, c->file2, c->content2), -1);
		strbuf_addf(&file, "<built-in>/%s",
			    c->file && !strcmp(c->file, "products.yaml") && !c->content
				    ? "1-first.yaml"
				    : c->file);
		for (size_t k = 0; k < dl.nr; k++)
			if (!strcmp(dl.items[k].file, file.buf) && dl.items[k].line == c->line &&
			    dl.items[k].col == c->col && !strcmp(dl.items[k].message, c->message))
				found = 1;
		if (!found) {
			fprintf(stderr, "case '%s': expected %s:%d:%d: %s; got:\n", c->name,
				file.buf, c->line, c->col, c->message);
			tu_dump(&dl);
			failed++;
		}
		catalogue_release(&cat);
		diag_list_release(&dl);
		strbuf_release(&file);
	}
	assert_int_equal(failed, 0);
}

/* Responsibility and inherent-risk files load into the catalogue. */
static void test_memory_optional_files(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;

	(void)state;
	if (load_variant(&cat, &dl, "responsibility.yaml", RESPONSIBILITY, "inherent-risk.yaml",
			 INHERENT_RISK))
		tu_dump(&dl);
	assert_int_equal(dl.nr, 0);
	assert_string_equal(cat.origin, "memory");
	assert_false(cat.builtin);
	assert_string_equal(cat.resp_note.en, "Who runs what");
	assert_int_equal(cat.nmodels, 2);
	assert_string_equal(cat.models[1].id, "saas");
	assert_int_equal(cat.nareas, 1);
	assert_int_equal(cat.areas[0].owner[0], RESP_CUSTOMER);
	assert_int_equal(cat.areas[0].owner[1], RESP_SHARED);
	assert_int_equal(cat.nrisk_categories, 1);
	assert_string_equal(cat.risk_categories[0].id, "tech");
	assert_int_equal(cat.risk_categories[0].nindicators, 1);
	assert_string_equal(cat.risk_categories[0].indicators[0].rating[2].en, "h");
	assert_ptr_equal(catalogue_find_risk_category(&cat, "tech"), &cat.risk_categories[0]);
	assert_null(catalogue_find_risk_category(&cat, "people"));
	catalogue_release(&cat);
	diag_list_release(&dl);
}

/* A domain file the framework names must be among the files given. */
static void test_memory_missing_domain_file(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;

	(void)state;
	assert_int_equal(load_variant(&cat, &dl, "2-second.yaml", NULL, NULL, NULL), -1);
	assert_int_equal(dl.nr, 1);
	assert_string_equal(dl.items[0].file, "<built-in>/2-second.yaml");
	assert_true(tu_has_error(&dl, 1, 1, "file missing from the built-in catalogue"));
	catalogue_release(&cat);
	diag_list_release(&dl);
}

/* A principle given twice in one file: the later copy is the one reported, every time. */
static void test_duplicate_principle_reported_at_the_copy(void **state)
{
	const char *domain = "domain: \"1\"\nprinciples:\n" PRINCIPLE(REQ)
		PRINCIPLE(REQ) "  - { id: \"1.1.2\", name: { en: S }" REQ
			       " }\n  - { id: \"1.2.1\", name: { en: S }" REQ
			       " }\n  - { id: \"1.10.1\", name: { en: S }" REQ
			       " }\n" PRINCIPLE(REQ);

	(void)state;
	for (int run = 0; run < 3; run++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct catalogue cat;

		assert_int_equal(load_variant(&cat, &dl, "1-first.yaml", domain, NULL, NULL), -1);
		assert_int_equal(dl.nr, 2);
		assert_true(tu_has_error(&dl, 4, 11,
					 "principle \"1.1.1\" is defined twice (first in "
					 "<built-in>/1-first.yaml at line 3)"));
		assert_true(tu_has_error(&dl, 8, 11,
					 "principle \"1.1.1\" is defined twice (first in "
					 "<built-in>/1-first.yaml at line 3)"));
		catalogue_release(&cat);
		diag_list_release(&dl);
	}
}

/* The built-in files, loaded as files in memory, give the built-in catalogue's model. */
static void test_builtin_files(void **state)
{
	const struct catalogue_file *files;
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue builtin, copy;
	size_t n;

	(void)state;
	catalogue_builtin_files(&files, &n);
	assert_true(n >= 8);
	assert_int_equal(tu_load_catalogue(&builtin, NULL), 0);
	catalogue_init(&copy);
	assert_int_equal(catalogue_load_files(&copy, files, n, &dl), 0);
	assert_string_equal(copy.sha256, builtin.sha256);
	assert_int_equal(copy.nprinciples, builtin.nprinciples);
	/* Loaded, not compiled in: only the compiled-in catalogue says it is built in. */
	assert_false(copy.builtin);
	assert_string_equal(copy.origin, "memory");
	assert_null(catalogue_find_product(&copy, "no-such-product"));
	catalogue_release(&builtin);
	catalogue_release(&copy);
	diag_list_release(&dl);
}

static void test_names_and_order(void **state)
{
	(void)state;
	assert_string_equal(responsibility_name(RESP_CUSTOMER), "customer");
	assert_string_equal(responsibility_name(RESP_PROVIDER), "provider");
	assert_string_equal(responsibility_name(RESP_NONE), "none");
	assert_string_equal(responsibility_name((enum responsibility)(RESP_PROVIDER + 1)), "none");
	/* Parts that are not numbers compare as text. */
	assert_true(catalogue_id_cmp("3.1a", "3.1b") < 0);
	assert_true(catalogue_id_cmp("3.1b", "3.1a") > 0);
	assert_true(catalogue_id_cmp("3.1", "3.1.1") < 0);
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
		cmocka_unit_test(test_memory_catalogues),
		cmocka_unit_test(test_memory_optional_files),
		cmocka_unit_test(test_memory_missing_domain_file),
		cmocka_unit_test(test_duplicate_principle_reported_at_the_copy),
		cmocka_unit_test(test_builtin_files),
		cmocka_unit_test(test_names_and_order),
	};

	return cmocka_run_group_tests_name("catalogue", tests, read_mini, free_mini);
}
