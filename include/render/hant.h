/* Traditional Chinese (Hong Kong) output, converted from the Simplified text with OpenCC. */
#ifndef CRAF_HANT_H
#define CRAF_HANT_H

#include "strbuf.h"

/*
 * Converts text from Simplified to Traditional Chinese with Hong Kong
 * variants (OpenCC's s2hk), in place; other scripts pass unchanged.
 * Returns 0, or -1 with the reason in err.
 */
int hant_convert(struct strbuf *text, struct strbuf *err);
/* The same for one string: a new string to free, or NULL on failure. */
char *hant_convert_str(const char *s, struct strbuf *err);

#endif
