/* FIPS 180-4 SHA-256; small enough to carry instead of another dependency. */
#include "sha256.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define HAVE_SHANI_PATH 1
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
	0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
	0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
	0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
	0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
	0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
	0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
	0xc67178f2,
};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void compress(struct sha256 *ctx, const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, h;

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);

		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = ctx->state[0], b = ctx->state[1], c = ctx->state[2], d = ctx->state[3];
	e = ctx->state[4], f = ctx->state[5], g = ctx->state[6], h = ctx->state[7];
	for (int i = 0; i < 64; i++) {
		uint32_t s1 = ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25);
		uint32_t ch = (e & f) ^ (~e & g);
		uint32_t t1 = h + s1 + ch + K[i] + w[i];
		uint32_t s0 = ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22);
		uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
		uint32_t t2 = s0 + maj;

		h = g, g = f, f = e, e = d + t1;
		d = c, c = b, b = a, a = t1 + t2;
	}
	ctx->state[0] += a, ctx->state[1] += b, ctx->state[2] += c;
	ctx->state[3] += d, ctx->state[4] += e, ctx->state[5] += f;
	ctx->state[6] += g, ctx->state[7] += h;
}

static void compress_portable(uint32_t state[8], const unsigned char *p, size_t blocks)
{
	struct sha256 tmp;

	memcpy(tmp.state, state, sizeof(tmp.state));
	for (; blocks; blocks--, p += 64)
		compress(&tmp, p);
	memcpy(state, tmp.state, sizeof(tmp.state));
}

#ifdef HAVE_SHANI_PATH
/*
 * The x86 SHA extensions: hashing the inputs is otherwise a sixth of the
 * time of a large assessment. Four rounds per step, schedule in registers.
 */
__attribute__((target("sha,sse4.1"))) static void
compress_shani(uint32_t state[8], const unsigned char *p, size_t blocks)
{
	const __m128i mask = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
	__m128i s1 = _mm_loadu_si128((const __m128i *)&state[4]);
	__m128i s0;

	tmp = _mm_shuffle_epi32(tmp, 0xB1);  /* CDAB */
	s1 = _mm_shuffle_epi32(s1, 0x1B);    /* EFGH */
	s0 = _mm_alignr_epi8(tmp, s1, 8);    /* ABEF */
	s1 = _mm_blend_epi16(s1, tmp, 0xF0); /* CDGH */
	for (; blocks; blocks--, p += 64) {
		__m128i abef = s0, cdgh = s1, w[4];

		for (int i = 0; i < 16; i++) {
			__m128i m;

			if (i < 4) {
				w[i] = _mm_shuffle_epi8(
					_mm_loadu_si128((const __m128i *)(p + 16 * i)), mask);
			} else {
				__m128i t = _mm_sha256msg1_epu32(w[i & 3], w[(i + 1) & 3]);

				t = _mm_add_epi32(
					t, _mm_alignr_epi8(w[(i + 3) & 3], w[(i + 2) & 3], 4));
				w[i & 3] = _mm_sha256msg2_epu32(t, w[(i + 3) & 3]);
			}
			m = _mm_add_epi32(w[i & 3], _mm_loadu_si128((const __m128i *)&K[4 * i]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, m);
			m = _mm_shuffle_epi32(m, 0x0E);
			s0 = _mm_sha256rnds2_epu32(s0, s1, m);
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	tmp = _mm_shuffle_epi32(s0, 0x1B);   /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);    /* DCHG */
	s0 = _mm_blend_epi16(tmp, s1, 0xF0); /* DCBA */
	s1 = _mm_alignr_epi8(s1, tmp, 8);    /* HGFE */
	_mm_storeu_si128((__m128i *)&state[0], s0);
	_mm_storeu_si128((__m128i *)&state[4], s1);
}

static bool cpu_has_shani(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return false;
	if (!(b & (1u << 29))) /* SHA */
		return false;
	return __get_cpuid(1, &a, &b, &c, &d) && (c & (1u << 19)); /* SSE4.1 */
}
#endif

typedef void compress_fn(uint32_t state[8], const unsigned char *p, size_t blocks);

static pthread_once_t chosen = PTHREAD_ONCE_INIT;
static compress_fn *compress_impl;

/* Chooses the implementation once; the portable one when asked to (tests). */
static void choose(void)
{
	compress_impl = compress_portable;
#ifdef HAVE_SHANI_PATH
	if (!getenv("CRAF_SHA256_PORTABLE") && cpu_has_shani())
		compress_impl = compress_shani;
#endif
}

/* Files are hashed on several threads at once: choose under pthread_once. */
static void compress_blocks(uint32_t state[8], const unsigned char *p, size_t blocks)
{
	pthread_once(&chosen, choose);
	compress_impl(state, p, blocks);
}

void sha256_init(struct sha256 *ctx)
{
	static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
				       0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};

	memcpy(ctx->state, iv, sizeof(iv));
	ctx->bytes = 0;
	ctx->fill = 0;
}

void sha256_update(struct sha256 *ctx, const void *data, size_t len)
{
	const unsigned char *p = data;

	ctx->bytes += len;
	if (ctx->fill) {
		size_t n = 64 - ctx->fill;

		if (n > len)
			n = len;
		memcpy(ctx->block + ctx->fill, p, n);
		ctx->fill += n;
		p += n;
		len -= n;
		if (ctx->fill < 64)
			return;
		compress_blocks(ctx->state, ctx->block, 1);
		ctx->fill = 0;
	}
	/* Whole blocks straight from the input, without copying. */
	if (len >= 64) {
		compress_blocks(ctx->state, p, len / 64);
		p += len / 64 * 64;
		len %= 64;
	}
	memcpy(ctx->block, p, len);
	ctx->fill = len;
}

void sha256_final_hex(struct sha256 *ctx, char hex[65])
{
	uint64_t bits = ctx->bytes * 8;
	unsigned char pad = 0x80, len[8];

	sha256_update(ctx, &pad, 1);
	pad = 0;
	while (ctx->fill != 56)
		sha256_update(ctx, &pad, 1);
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(ctx, len, 8);
	for (int i = 0; i < 8; i++)
		snprintf(hex + 8 * i, 9, "%08x", ctx->state[i]);
}
