/* Unit tests for `craf catalogue` views: the JSON parses back and says the right things. */
#include "testutil.h"

#include <cjson/cJSON.h>

#include "catalogue_view.h"

/* The built-in catalogue, loaded once for the group (testutil.h). */
TU_BUILTIN_CATALOGUE_FIXTURE(cat)

static cJSON *parse(struct strbuf *sb)
{
	cJSON *doc = cJSON_Parse(sb->buf);

	assert_non_null(doc);
	strbuf_release(sb);
	return doc;
}

static void test_list_filters(void **state)
{
	static const struct {
		const char *domain;
		enum level level;
		int expect;
	} cases[] = {
		{NULL, LEVEL_NONE, 45},	    {NULL, LEVEL_BASELINE, 45},
		{NULL, LEVEL_ADVANCED, 41}, {"5", LEVEL_NONE, 13},
		{"5", LEVEL_ADVANCED, 10},  {"3", LEVEL_ADVANCED, 14}, /* all-levels ones count */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct catalogue_filter f = {cases[i].domain, cases[i].level};
		struct strbuf sb = STRBUF_INIT;
		cJSON *doc;

		catalogue_json_list(&sb, &cat, &f);
		doc = parse(&sb);
		assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "principles")),
				 cases[i].expect);
		cJSON_Delete(doc);
	}
}

static void test_show_json(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *doc, *resp, *products;

	(void)state;
	catalogue_json_show(&sb, &cat, catalogue_find(&cat, "3.1.2"));
	doc = parse(&sb);
	assert_string_equal(cJSON_GetObjectItem(doc, "id")->valuestring, "3.1.2");
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "levels")), 3);
	assert_non_null(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "requirements"), "advanced"));
	resp = cJSON_GetObjectItem(doc, "response");
	assert_string_equal(cJSON_GetObjectItem(resp, "responsibility")->valuestring, "shared");
	products = cJSON_GetObjectItem(resp, "products");
	assert_string_equal(
		cJSON_GetObjectItem(cJSON_GetArrayItem(products, 0), "abbr")->valuestring, "CAM");
	cJSON_Delete(doc);
}

static void test_products_reverse_lookup(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *doc, *arr, *item;
	int kms_found = 0;

	(void)state;
	catalogue_json_products(&sb, &cat, NULL);
	doc = parse(&sb);
	arr = cJSON_GetObjectItem(doc, "products");
	assert_int_equal(cJSON_GetArraySize(arr), (int)cat.nproducts);
	cJSON_ArrayForEach(item, arr)
	{
		if (strcmp(cJSON_GetObjectItem(item, "id")->valuestring, "kms"))
			continue;
		kms_found = 1;
		/* KMS helps with key management (3.1.8) and data protection (3.3.2). */
		assert_string_equal(
			cJSON_GetArrayItem(cJSON_GetObjectItem(item, "principles"), 0)->valuestring,
			"3.1.8");
		assert_string_equal(
			cJSON_GetArrayItem(cJSON_GetObjectItem(item, "principles"), 1)->valuestring,
			"3.3.2");
	}
	assert_true(kms_found);
	cJSON_Delete(doc);
}

static void test_responsibility_json(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *doc, *areas, *last;

	(void)state;
	catalogue_json_responsibility(&sb, &cat);
	doc = parse(&sb);
	assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "models")), 3);
	areas = cJSON_GetObjectItem(doc, "areas");
	last = cJSON_GetArrayItem(areas, cJSON_GetArraySize(areas) - 1);
	assert_string_equal(
		cJSON_GetObjectItem(cJSON_GetObjectItem(last, "owner"), "iaas")->valuestring,
		"provider");
	cJSON_Delete(doc);
}

static void test_json_escaping(void **state)
{
	struct catalogue tiny;
	struct strbuf sb = STRBUF_INIT;
	cJSON *doc;

	(void)state;
	/* A principle name with quotes, backslashes and control characters round-trips. */
	tiny = cat;
	{
		struct cat_principle p = cat.principles[0];

		p.name.en = "a \"quoted\" \\ name\twith\ncontrols\x01";
		catalogue_json_show(&sb, &tiny, &p);
	}
	doc = parse(&sb);
	assert_string_equal(
		cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "name"), "en")->valuestring,
		"a \"quoted\" \\ name\twith\ncontrols\x01");
	cJSON_Delete(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_filters),
		cmocka_unit_test(test_show_json),
		cmocka_unit_test(test_products_reverse_lookup),
		cmocka_unit_test(test_responsibility_json),
		cmocka_unit_test(test_json_escaping),
	};

	return cmocka_run_group_tests_name("catalogue_view", tests, setup, teardown);
}
