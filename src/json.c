/* Thin wrappers over cJSON that make building documents terse and allocation-safe. */
#include "json.h"

#include "jsonw.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void *json_malloc(size_t size)
{
	return xmalloc(size);
}

void json_init(void)
{
	static int done;
	cJSON_Hooks hooks = {json_malloc, free};

	if (!done) {
		cJSON_InitHooks(&hooks);
		done = 1;
	}
}

void json_add_str(cJSON *obj, const char *key, const char *s)
{
	cJSON_AddItemToObject(obj, key, s ? cJSON_CreateString(s) : cJSON_CreateNull());
}

void json_add_text(cJSON *obj, const char *key, const struct text *t)
{
	cJSON *o = cJSON_CreateObject();

	json_add_str(o, "en", t->en);
	json_add_str(o, "zh", t->zh);
	cJSON_AddItemToObject(obj, key, o);
}

void json_add_num(cJSON *obj, const char *key, double n)
{
	cJSON_AddItemToObject(obj, key, cJSON_CreateNumber(n));
}

void json_add_bool(cJSON *obj, const char *key, int b)
{
	cJSON_AddItemToObject(obj, key, cJSON_CreateBool(b));
}

cJSON *json_add_array(cJSON *obj, const char *key)
{
	cJSON *a = cJSON_CreateArray();

	cJSON_AddItemToObject(obj, key, a);
	return a;
}

cJSON *json_add_object(cJSON *obj, const char *key)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddItemToObject(obj, key, o);
	return o;
}

void json_push_str(cJSON *arr, const char *s)
{
	cJSON_AddItemToArray(arr, s ? cJSON_CreateString(s) : cJSON_CreateNull());
}

static void put_string(struct strbuf *out, const char *s)
{
	jsonw_escape(out, s);
}

static void indent(struct strbuf *out, int depth)
{
	for (int i = 0; i < depth; i++)
		strbuf_adds(out, "  ");
}

/* Two-space indentation and short scalar arrays on one line, for people reading it. */
static void put_value(struct strbuf *out, const cJSON *v, int depth)
{
	const cJSON *c;
	int flat;

	switch (v->type & 0xff) {
	case cJSON_NULL:
		strbuf_adds(out, "null");
		return;
	case cJSON_False:
		strbuf_adds(out, "false");
		return;
	case cJSON_True:
		strbuf_adds(out, "true");
		return;
	case cJSON_Number:
		if (v->valuedouble == (double)(long long)v->valuedouble &&
		    v->valuedouble < 9007199254740992.0 && v->valuedouble > -9007199254740992.0)
			strbuf_addf(out, "%lld", (long long)v->valuedouble);
		else
			strbuf_addf(out, "%.17g", v->valuedouble);
		return;
	case cJSON_String:
		put_string(out, v->valuestring ? v->valuestring : "");
		return;
	case cJSON_Array:
		if (!v->child) {
			strbuf_adds(out, "[]");
			return;
		}
		flat = 1;
		for (c = v->child; c; c = c->next)
			if ((c->type & 0xff) == cJSON_Array || (c->type & 0xff) == cJSON_Object ||
			    ((c->type & 0xff) == cJSON_String && strlen(c->valuestring) > 24))
				flat = 0;
		if (flat) {
			strbuf_addc(out, '[');
			for (c = v->child; c; c = c->next) {
				put_value(out, c, depth);
				if (c->next)
					strbuf_adds(out, ", ");
			}
			strbuf_addc(out, ']');
			return;
		}
		strbuf_adds(out, "[\n");
		for (c = v->child; c; c = c->next) {
			indent(out, depth + 1);
			put_value(out, c, depth + 1);
			strbuf_adds(out, c->next ? ",\n" : "\n");
		}
		indent(out, depth);
		strbuf_addc(out, ']');
		return;
	case cJSON_Object:
		if (!v->child) {
			strbuf_adds(out, "{}");
			return;
		}
		strbuf_adds(out, "{\n");
		for (c = v->child; c; c = c->next) {
			indent(out, depth + 1);
			put_string(out, c->string);
			strbuf_adds(out, ": ");
			put_value(out, c, depth + 1);
			strbuf_adds(out, c->next ? ",\n" : "\n");
		}
		indent(out, depth);
		strbuf_addc(out, '}');
		return;
	default:
		strbuf_adds(out, "null");
	}
}

void json_render(struct strbuf *out, const cJSON *doc)
{
	put_value(out, doc, 0);
	strbuf_addc(out, '\n');
}
