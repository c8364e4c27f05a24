/*
 * Simplified -> Traditional (Hong Kong) with OpenCC's s2hk tables. OpenCC is
 * C++ and large: it is loaded with dlopen on first use, so runs that never
 * ask for zh-Hant neither pay for nor depend on it.
 */
#include "hant.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* The parts of OpenCC's C API (opencc.h) that craf uses. */
typedef void *opencc_t;

static struct {
	void *lib;
	opencc_t converter;
	opencc_t (*open)(const char *config);
	char *(*convert)(opencc_t od, const char *input, size_t length);
	void (*release)(char *str);
	const char *(*error)(void);
} cc;

static int load(struct strbuf *err)
{
	static const char *const names[] = {"libopencc.so.1.1", "libopencc.so.1", "libopencc.so"};

	if (cc.converter)
		return 0;
	for (size_t i = 0; !cc.lib && i < sizeof(names) / sizeof(names[0]); i++)
		cc.lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (!cc.lib) {
		strbuf_addf(err, "zh-Hant needs OpenCC (Debian package libopencc1.1): %s",
			    dlerror());
		return -1;
	}
	/* POSIX lets a data pointer from dlsym stand for a function pointer. */
	*(void **)&cc.open = dlsym(cc.lib, "opencc_open");
	*(void **)&cc.convert = dlsym(cc.lib, "opencc_convert_utf8");
	*(void **)&cc.release = dlsym(cc.lib, "opencc_convert_utf8_free");
	*(void **)&cc.error = dlsym(cc.lib, "opencc_error");
	if (!cc.open || !cc.convert || !cc.release || !cc.error) {
		strbuf_addf(err, "the OpenCC library lacks its C interface");
		return -1;
	}
	cc.converter = cc.open("s2hk.json");
	if (cc.converter == (opencc_t)-1) {
		const char *why = cc.error();

		cc.converter = NULL;
		strbuf_addf(err, "cannot load OpenCC's s2hk conversion: %s",
			    why ? why : "unknown error");
		return -1;
	}
	return 0;
}

char *hant_convert_str(const char *s, struct strbuf *err)
{
	char *converted, *copy;

	if (load(err))
		return NULL;
	converted = cc.convert(cc.converter, s, strlen(s));
	if (!converted) {
		strbuf_addf(err, "OpenCC could not convert the text");
		return NULL;
	}
	copy = xstrdup(converted);
	cc.release(converted);
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
