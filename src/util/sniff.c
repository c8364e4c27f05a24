/* Tells answers files, saved reports and workbooks apart by their bytes, in one place. */
#include "sniff.h"

#include <string.h>

/* How far into a JSON file the report's schema name must appear. */
#define SCHEMA_WINDOW 4096

static int starts_with(const char *data, size_t len, const char *magic, size_t n)
{
	return len >= n && !memcmp(data, magic, n);
}

static int names_report_schema(const char *data, size_t len)
{
	static const char key[] = "\"craf-report/";
	size_t head = len < SCHEMA_WINDOW ? len : SCHEMA_WINDOW;

	for (size_t i = 0; i + sizeof(key) - 1 <= head; i++)
		if (!memcmp(data + i, key, sizeof(key) - 1))
			return 1;
	return 0;
}

enum sniff_kind sniff(const char *data, size_t len)
{
	size_t i = 0;

	if (starts_with(data, len, "PK\x03\x04", 4) || starts_with(data, len, "PK\x05\x06", 4))
		return SNIFF_ZIP;
	if (starts_with(data, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return SNIFF_OLE2;
	if (starts_with(data, len, "\x1f\x8b", 2))
		return SNIFF_GZIP;
	if (starts_with(data, len, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len && strchr(" \t\r\n", data[i]) && data[i])
		i++;
	if (i >= len || data[i] != '{')
		return SNIFF_YAML;
	return names_report_schema(data, len) ? SNIFF_REPORT : SNIFF_JSON;
}

int sniff_is_json(enum sniff_kind k)
{
	return k == SNIFF_JSON || k == SNIFF_REPORT;
}
