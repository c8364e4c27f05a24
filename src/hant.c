/* Simplified -> Traditional (Hong Kong) with OpenCC, loaded once on first use. */
#include "hant.h"

#include <opencc.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static opencc_t converter = (opencc_t)-1;

static int open_converter(struct strbuf *err)
{
	if (converter == (opencc_t)-1) {
		converter = opencc_open("s2hk.json");
		if (converter == (opencc_t)-1) {
			const char *why = opencc_error();

			strbuf_addf(err, "cannot load OpenCC's s2hk conversion: %s",
				    why ? why : "unknown error");
			return -1;
		}
	}
	return 0;
}

char *hant_convert_str(const char *s, struct strbuf *err)
{
	char *converted, *copy;

	if (open_converter(err))
		return NULL;
	converted = opencc_convert_utf8(converter, s, strlen(s));
	if (!converted) {
		strbuf_addf(err, "OpenCC could not convert the text");
		return NULL;
	}
	copy = xstrdup(converted);
	opencc_convert_utf8_free(converted);
	return copy;
}

int hant_convert(struct strbuf *text, struct strbuf *err)
{
	char *converted = hant_convert_str(strbuf_str(text), err);

	if (!converted)
		return -1;
	strbuf_reset(text);
	strbuf_adds(text, converted);
	free(converted);
	return 0;
}
