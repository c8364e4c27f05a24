/* Name-based (version 5) UUIDs, so the same assessment always exports the same OSCAL bytes. */
#ifndef CRAF_UUID_H
#define CRAF_UUID_H

#include <stddef.h>

/* RFC 9562's namespace for URLs, 6ba7b811-9dad-11d1-80b4-00c04fd430c8. */
extern const unsigned char uuid_ns_url[16];
/* craf's own namespace: uuid5(uuid_ns_url, "https://craf.invalid/oscal"). */
extern const unsigned char uuid_ns_craf[16];

/* The version 5 UUID of len bytes of name in namespace ns, lowercase, NUL-terminated. */
void uuid_v5_ns(const unsigned char ns[16], const void *name, size_t len, char out[37]);
/* The version 5 UUID of name in craf's namespace. */
void uuid_v5(const char *name, char out[37]);

#endif
