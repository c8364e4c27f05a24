/* Unit tests for the answers file's JSON Schema: ids, levels and the rules, per catalogue. */
#include "testutil.h"

#include <cjson/cJSON.h>

#include "answers_schema.h"

static cJSON *schema_of(const char *dir)
{
	struct catalogue cat;
	struct strbuf out = STRBUF_INIT;
	cJSON *doc;

	assert_int_equal(tu_load_catalogue(&cat, dir), 0);
	answers_schema_json(&out, &cat);
	doc = cJSON_Parse(out.buf);
	assert_non_null(doc);
	strbuf_release(&out);
	catalogue_release(&cat);
	return doc;
}

static const cJSON *at(const cJSON *o, const char *path)
{
	char key[64];

	while (*path) {
		size_t n = strcspn(path, "/");

		snprintf(key, sizeof(key), "%.*s", (int)n, path);
		o = cJSON_GetObjectItemCaseSensitive(o, key);
		assert_non_null(o);
		path += n + (path[n] == '/');
	}
	return o;
}

/* Each id refers to the definition its levels need: {id, $ref}. */
static const struct {
	const char *dir; /* NULL: built in */
	const char *id;
	const char *ref;
} ids[] = {
	{NULL, "1.2.1", "#/$defs/levels-3"},
	{NULL, "4.2.1", "#/$defs/levels-2"},
	{NULL, "3.1.4", "#/$defs/answer"},
	{CRAF_TEST_DATA "/mini", "1.1.2", "#/$defs/answer"},
	{CRAF_TEST_DATA "/mini", "1.2.1", "#/$defs/levels-2"},
};

static void test_ids(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(ids); i++) {
		cJSON *doc = schema_of(ids[i].dir);
		const cJSON *answers = at(doc, "properties/answers");

		assert_true(cJSON_IsFalse(at(answers, "additionalProperties")));
		assert_string_equal(
			at(at(answers, "properties"), ids[i].id)->child->next->valuestring,
			ids[i].ref);
		assert_null(cJSON_GetObjectItemCaseSensitive(at(answers, "properties"), "9.9.9"));
		cJSON_Delete(doc);
	}
}

static void test_rules(void **state)
{
	cJSON *doc = schema_of(NULL);
	const cJSON *rules = at(doc, "$defs/long-answer/allOf"), *bare;
	char *text = cJSON_PrintUnformatted(rules);

	(void)state;
	/* compensating and not-applicable need a note; risk-accepted note and expires. */
	assert_non_null(strstr(text, "{\"if\":{\"properties\":{\"status\":{\"enum\":"
				     "[\"compensating\",\"not-applicable\"]}}},\"then\":{"
				     "\"required\":[\"note\"]}}"));
	assert_non_null(strstr(text, "\"then\":{\"required\":[\"note\",\"expires\"]}"));
	assert_non_null(strstr(text, "\"required\":[\"evidence\"]"));
	free(text);
	/* The short form: only the statuses that need nothing more. */
	bare = at(at(doc, "$defs/answer/oneOf")->child, "enum");
	assert_int_equal(cJSON_GetArraySize(bare), 4);
	assert_int_equal(cJSON_GetArraySize(at(doc, "$defs/status/enum")), 8);
	assert_string_equal(at(doc, "$schema")->valuestring,
			    "https://json-schema.org/draft/2020-12/schema");
	cJSON_Delete(doc);
}

static void test_categories(void **state)
{
	cJSON *builtin = schema_of(NULL), *mini = schema_of(CRAF_TEST_DATA "/mini");
	const char *path = "properties/indicators/items/properties/category";
	const cJSON *b = at(at(builtin, "$defs/inherent-risk/oneOf")->child->next, path);
	const cJSON *m = at(at(mini, "$defs/inherent-risk/oneOf")->child->next, path);

	(void)state;
	assert_int_equal(cJSON_GetArraySize(at(b, "enum")), 5);
	assert_string_equal(at(m, "pattern")->valuestring, "^[a-z0-9][a-z0-9-]{0,63}$");
	cJSON_Delete(builtin);
	cJSON_Delete(mini);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_categories),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
