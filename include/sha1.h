/* SHA-1, only to derive name-based (version 5) UUIDs; never for integrity. */
#ifndef CRAF_SHA1_H
#define CRAF_SHA1_H

#include <stddef.h>
#include <stdint.h>

struct sha1 {
	uint32_t state[5];
	uint64_t bytes;
	unsigned char block[64];
	size_t fill;
};

void sha1_init(struct sha1 *ctx);
void sha1_update(struct sha1 *ctx, const void *data, size_t len);
/* Writes the 20-byte digest; ctx is spent. */
void sha1_final(struct sha1 *ctx, unsigned char digest[20]);
/* Writes 40 lowercase hex digits and a NUL into hex; ctx is spent. */
void sha1_final_hex(struct sha1 *ctx, char hex[41]);

#endif
