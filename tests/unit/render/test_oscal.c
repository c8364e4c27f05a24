/* Unit tests for the OSCAL export: SHA-1 and UUID vectors, and documents that hang together. */
#include "testutil.h"

#include <cjson/cJSON.h>

#include "answers.h"
#include "engine.h"
#include "oscal.h"

#define EXAMPLES CRAF_TEST_DATA "/../../examples"

/* Reproducible timestamps, as in the schema test. */
#define NOW ((time_t)1793491200)

/* The built-in catalogue, loaded once for the group (testutil.h). */
TU_BUILTIN_CATALOGUE_FIXTURE(cat)

static cJSON *parse(struct strbuf *sb)
{
	cJSON *doc = cJSON_Parse(sb->buf);

	assert_non_null(doc);
	return doc;
}

static cJSON *get(const cJSON *o, const char *key)
{
	cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	assert_non_null(v);
	return v;
}

static const char *str(const cJSON *o, const char *key)
{
	cJSON *v = get(o, key);

	assert_true(cJSON_IsString(v));
	return v->valuestring;
}

/* Counts controls and statement items; adds every item id to ids. */
static void walk_groups(const cJSON *groups, int *controls, int *items, cJSON *ids)
{
	const cJSON *g, *c, *part, *item;

	cJSON_ArrayForEach(g, groups)
	{
		if (cJSON_GetObjectItem(g, "groups"))
			walk_groups(get(g, "groups"), controls, items, ids);
		cJSON_ArrayForEach(c, cJSON_GetObjectItem(g, "controls"))
		{
			assert_true(!strncmp(str(c, "id"), "craf-", 5));
			(*controls)++;
			cJSON_ArrayForEach(part, get(c, "parts"))
			{
				if (strcmp(str(part, "name"), "statement"))
					continue;
				cJSON_ArrayForEach(item, get(part, "parts"))
				{
					assert_string_equal(str(item, "name"), "item");
					cJSON_AddItemToArray(ids,
							     cJSON_CreateString(str(item, "id")));
					(*items)++;
				}
			}
		}
	}
}

static bool contains(const cJSON *arr, const char *s)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, arr)
	{
		if (!strcmp(v->valuestring, s))
			return true;
	}
	return false;
}

static cJSON *catalog_item_ids(void)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *doc, *ids = cJSON_CreateArray();
	int controls = 0, items = 0;

	oscal_catalog_render(&sb, &cat, NOW);
	doc = parse(&sb);
	strbuf_release(&sb);
	walk_groups(get(get(doc, "catalog"), "groups"), &controls, &items, ids);
	assert_int_equal(controls, 45);
	assert_int_equal(items, (int)catalogue_requirements(&cat));
	cJSON_Delete(doc);
	return ids;
}

static void test_catalog(void **state)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	cJSON *doc, *meta, *ids;

	(void)state;
	oscal_catalog_render(&a, &cat, NOW);
	doc = parse(&a);
	meta = get(get(doc, "catalog"), "metadata");
	assert_string_equal(str(meta, "oscal-version"), "1.2.1");
	assert_string_equal(str(meta, "version"), cat.version);
	assert_string_equal(str(meta, "last-modified"), "2026-11-01T00:00:00Z");
	assert_int_equal(
		cJSON_GetArraySize(get(get(get(doc, "catalog"), "back-matter"), "resources")),
		(int)cat.nproducts);
	cJSON_Delete(doc);
	ids = catalog_item_ids();
	assert_true(contains(ids, "craf-3.1.2_smt.advanced"));
	cJSON_Delete(ids);
	/* Same catalogue, same bytes. */
	oscal_catalog_render(&b, &cat, NOW);
	assert_string_equal(a.buf, b.buf);
	strbuf_release(&a);
	strbuf_release(&b);
}

static void assess(struct result *r, const char *path)
{
	struct engine_options eo = ENGINE_OPTIONS_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers ans;

	eo.now = NOW;
	answers_init(&ans);
	result_init(r);
	assert_int_equal(answers_load(&ans, path, &cat, &dl), 0);
	assert_int_equal(engine_assess(r, &cat, &ans, &eo), 0);
	answers_release(&ans);
	diag_list_release(&dl);
}

static void test_assessment_results(void **state)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	cJSON *doc, *res, *obs, *findings, *uuids, *items, *o, *f;
	size_t answered = 0;
	struct result r;

	(void)state;
	assess(&r, EXAMPLES "/answers.yaml");
	assert_int_equal(r.ngaps, 11);
	oscal_assessment_results_render(&a, &r);
	doc = parse(&a);
	res = cJSON_GetArrayItem(get(get(doc, "assessment-results"), "results"), 0);
	assert_non_null(res);
	assert_string_equal(str(res, "start"), "2026-11-01T00:00:00Z");
	assert_int_equal(
		cJSON_GetArraySize(
			get(cJSON_GetArrayItem(
				    get(get(res, "reviewed-controls"), "control-selections"), 0),
			    "include-controls")),
		45);
	for (size_t i = 0; i < r.ncontrols; i++)
		for (size_t l = 0; l < r.controls[i].nlevels; l++)
			answered += r.controls[i].levels[l].status != STATUS_UNANSWERED;
	obs = get(res, "observations");
	findings = get(res, "findings");
	assert_int_equal(cJSON_GetArraySize(obs), (int)answered);
	assert_int_equal(cJSON_GetArraySize(findings), (int)r.ngaps);

	/* UUIDs unique; findings point at catalog items and at observations that exist. */
	uuids = cJSON_CreateArray();
	cJSON_ArrayForEach(o, obs)
	{
		assert_false(contains(uuids, str(o, "uuid")));
		cJSON_AddItemToArray(uuids, cJSON_CreateString(str(o, "uuid")));
	}
	items = catalog_item_ids();
	cJSON_ArrayForEach(f, findings)
	{
		cJSON *target = get(f, "target"), *rel;

		assert_false(contains(uuids, str(f, "uuid")));
		assert_string_equal(str(get(target, "status"), "state"), "not-satisfied");
		assert_true(contains(items, str(target, "target-id")));
		cJSON_ArrayForEach(rel, get(f, "related-observations"))
		{
			assert_true(contains(uuids, str(rel, "observation-uuid")));
		}
	}
	assert_string_equal(str(get(cJSON_GetArrayItem(findings, 0), "target"), "target-id"),
			    "craf-3.1.5_smt.baseline");
	cJSON_Delete(items);
	cJSON_Delete(uuids);
	cJSON_Delete(doc);

	/* Byte for byte the same on a second run. */
	oscal_assessment_results_render(&b, &r);
	assert_string_equal(a.buf, b.buf);
	strbuf_release(&a);
	strbuf_release(&b);
	result_release(&r);
}

/* An untouched template: no observations, so the array is left out rather than empty. */
static void test_template_has_no_observations(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	cJSON *doc, *res;
	struct result r;
	char *path;

	(void)state;
	path = tu_write_temp_str("version: 1\n"
				 "institution: Test Bank\n"
				 "assessment_date: 2026-11-01\n"
				 "target: baseline\n"
				 "answers: {}\n");
	assess(&r, path);
	tu_remove(path);
	oscal_assessment_results_render(&sb, &r);
	doc = parse(&sb);
	res = cJSON_GetArrayItem(get(get(doc, "assessment-results"), "results"), 0);
	assert_null(cJSON_GetObjectItem(res, "observations"));
	assert_int_equal(cJSON_GetArraySize(get(res, "findings")), (int)r.ngaps);
	assert_true(r.ngaps > 0);
	cJSON_Delete(doc);
	strbuf_release(&sb);
	result_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog),
		cmocka_unit_test(test_assessment_results),
		cmocka_unit_test(test_template_has_no_observations),
	};

	return cmocka_run_group_tests_name("oscal", tests, setup, teardown);
}
