/* RFC 9562 version 5 UUIDs, made by libuuid. */
#include "uuid.h"

#include <string.h>

#include <uuid/uuid.h>

const unsigned char uuid_ns_url[16] = {0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
				       0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

/* e4d8e177-d138-5125-8b2d-a32697092a23; fixed, as every exported UUID derives from it. */
const unsigned char uuid_ns_craf[16] = {0xe4, 0xd8, 0xe1, 0x77, 0xd1, 0x38, 0x51, 0x25,
					0x8b, 0x2d, 0xa3, 0x26, 0x97, 0x09, 0x2a, 0x23};

void uuid_v5_ns(const unsigned char ns[16], const void *name, size_t len, char out[37])
{
	uuid_t u;

	uuid_generate_sha1(u, ns, name, len);
	uuid_unparse_lower(u, out);
}

void uuid_v5(const char *name, char out[37])
{
	uuid_v5_ns(uuid_ns_craf, name, strlen(name), out);
}
