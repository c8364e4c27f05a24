/* SHA-256 through nettle, which picks the CPU's SHA instructions where it has them. */
#include "digest.h"

#include <errno.h>
#include <unistd.h>

void digest_init(struct digest *d)
{
	sha256_init(&d->ctx);
}

void digest_update(struct digest *d, const void *data, size_t len)
{
	sha256_update(&d->ctx, len, data);
}

void digest_final_hex(struct digest *d, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	unsigned char raw[SHA256_DIGEST_SIZE];

	sha256_digest(&d->ctx, sizeof(raw), raw);
	for (size_t i = 0; i < sizeof(raw); i++) {
		hex[2 * i] = digits[raw[i] >> 4];
		hex[2 * i + 1] = digits[raw[i] & 15];
	}
	hex[64] = '\0';
}

int digest_fd(int fd, char hex[65], unsigned long long *size)
{
	struct digest d;
	char buf[65536];
	ssize_t n;

	digest_init(&d);
	*size = 0;
	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (!n)
			break;
		digest_update(&d, buf, (size_t)n);
		*size += (unsigned long long)n;
	}
	digest_final_hex(&d, hex);
	return 0;
}
