/* FIPS 180-4 SHA-1, carried for RFC 9562 version 5 UUIDs like sha256.c is for pinning files. */
#include "sha1.h"

#include <stdio.h>
#include <string.h>

#define ROL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

static void compress(struct sha1 *ctx, const unsigned char *p)
{
	uint32_t w[80], a, b, c, d, e;

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		       (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = ROL(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = ctx->state[0], b = ctx->state[1], c = ctx->state[2], d = ctx->state[3];
	e = ctx->state[4];
	for (int i = 0; i < 80; i++) {
		uint32_t f, k, t;

		if (i < 20)
			f = (b & c) | (~b & d), k = 0x5a827999;
		else if (i < 40)
			f = b ^ c ^ d, k = 0x6ed9eba1;
		else if (i < 60)
			f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
		else
			f = b ^ c ^ d, k = 0xca62c1d6;
		t = ROL(a, 5) + f + e + k + w[i];
		e = d, d = c, c = ROL(b, 30), b = a, a = t;
	}
	ctx->state[0] += a, ctx->state[1] += b, ctx->state[2] += c;
	ctx->state[3] += d, ctx->state[4] += e;
}

void sha1_init(struct sha1 *ctx)
{
	static const uint32_t iv[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};

	memcpy(ctx->state, iv, sizeof(iv));
	ctx->bytes = 0;
	ctx->fill = 0;
}

void sha1_update(struct sha1 *ctx, const void *data, size_t len)
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
		compress(ctx, ctx->block);
		ctx->fill = 0;
	}
	/* Whole blocks straight from the input, without copying. */
	for (; len >= 64; p += 64, len -= 64)
		compress(ctx, p);
	memcpy(ctx->block, p, len);
	ctx->fill = len;
}

void sha1_final(struct sha1 *ctx, unsigned char digest[20])
{
	uint64_t bits = ctx->bytes * 8;
	unsigned char pad = 0x80, len[8];

	sha1_update(ctx, &pad, 1);
	pad = 0;
	while (ctx->fill != 56)
		sha1_update(ctx, &pad, 1);
	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	sha1_update(ctx, len, 8);
	for (int i = 0; i < 20; i++)
		digest[i] = (unsigned char)(ctx->state[i / 4] >> (24 - 8 * (i % 4)));
}

void sha1_final_hex(struct sha1 *ctx, char hex[41])
{
	unsigned char digest[20];

	sha1_final(ctx, digest);
	for (int i = 0; i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}
