/* Helpers shared by the JSON modules; the only header that exposes cJSON. */
#ifndef CRAF_JSON_H
#define CRAF_JSON_H

#include <cjson/cJSON.h>

#include "i18n.h"
#include "strbuf.h"

/* Routes cJSON's allocations through xalloc, so they never return NULL. */
void json_init(void);

/* Adds s as a string, or null when s is NULL. */
void json_add_str(cJSON *obj, const char *key, const char *s);
/* Adds {"en": ..., "zh": ...}; a missing language is null. */
void json_add_text(cJSON *obj, const char *key, const struct text *t);
void json_add_num(cJSON *obj, const char *key, double n);
void json_add_bool(cJSON *obj, const char *key, int b);
cJSON *json_add_array(cJSON *obj, const char *key);
cJSON *json_add_object(cJSON *obj, const char *key);
void json_push_str(cJSON *arr, const char *s);

/* Appends the document, indented by two spaces, with a final newline. */
void json_render(struct strbuf *out, const cJSON *doc);

#endif
