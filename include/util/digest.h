/* SHA-256 digests (nettle's), so reports can pin the exact catalogue and answers they came from. */
#ifndef CRAF_DIGEST_H
#define CRAF_DIGEST_H

#include <stddef.h>

#include <nettle/sha2.h>

struct digest {
	struct sha256_ctx ctx;
};

void digest_init(struct digest *d);
void digest_update(struct digest *d, const void *data, size_t len);
/* Writes 64 lowercase hex digits and a NUL into hex; d starts afresh. */
void digest_final_hex(struct digest *d, char hex[65]);
/* Hashes what is left to read of fd into hex and its length into size; 0, or -1 with errno. */
int digest_fd(int fd, char hex[65], unsigned long long *size);

#endif
