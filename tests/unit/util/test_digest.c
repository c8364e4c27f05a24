/* digest: SHA-256 as craf uses it to pin its inputs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "digest.h"

/* FIPS 180-4 test vectors, and split updates. */
static void test_sha256(void **state)
{
	static const struct {
		const char *in;
		size_t repeat;
		const char *hex;
	} cases[] = {
		{"", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
		 "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
		{"a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
	};
	char hex[65];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct digest ctx;

		digest_init(&ctx);
		/* Odd chunk sizes cross block boundaries every way. */
		for (size_t r = 0; r < cases[i].repeat; r++)
			digest_update(&ctx, cases[i].in, strlen(cases[i].in));
		digest_final_hex(&ctx, hex);
		assert_string_equal(hex, cases[i].hex);
	}
	{
		/* Split updates give the same digest as one update. */
		static unsigned char data[10007];
		struct digest one, many;
		char a[65], b[65];

		for (size_t i = 0; i < sizeof(data); i++)
			data[i] = (unsigned char)(i * 131 + 7);
		digest_init(&one);
		digest_update(&one, data, sizeof(data));
		digest_final_hex(&one, a);
		digest_init(&many);
		for (size_t off = 0, step = 1; off < sizeof(data);
		     off += step, step = step * 3 % 97 + 1)
			digest_update(&many, data + off,
				      off + step > sizeof(data) ? sizeof(data) - off : step);
		digest_final_hex(&many, b);
		assert_string_equal(a, b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256),
	};

	return cmocka_run_group_tests_name("digest", tests, NULL, NULL);
}
