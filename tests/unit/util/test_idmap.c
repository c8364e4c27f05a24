/* idmap: the id -> index hash map behind every look-up by id. */
#include "testutil.h"

#include "idmap.h"

static void test_idmap(void **state)
{
	struct idmap m = IDMAP_INIT;
	char keys[1000][8];
	size_t v;

	(void)state;
	for (size_t i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%zu", i);
		assert_int_equal(idmap_put(&m, keys[i], i), 0);
	}
	assert_int_equal(idmap_put(&m, "k5", 7), -1);
	for (size_t i = 0; i < 1000; i++) {
		assert_int_equal(idmap_get(&m, keys[i], &v), 0);
		assert_int_equal(v, i);
	}
	assert_int_equal(idmap_get(&m, "k1000", &v), -1);
	idmap_release(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_idmap),
	};

	return cmocka_run_group_tests_name("idmap", tests, NULL, NULL);
}
