/* Shared by every YAML file craf reads, so all of them reject the same mistakes. */
#include "schema.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "ids.h"
#include "names.h"
#include "strbuf.h"
#include "suggest.h"
#include "xalloc.h"

int schema_expect(struct schema_ctx *ctx, const struct ynode *node, enum ynode_type type,
		  const char *what)
{
	static const char *const names[] = {"a scalar", "a list", "a mapping"};
	/* A missing value (NULL) reads as an empty one. */
	const char *got = ynode_is_null(node) ? "empty value" : ynode_type_name(node);

	if (node && node->type == type)
		return 0;
	return ydoc_error(ctx->doc, ctx->dl, node, "expected %s for %s, got %s %s", names[type],
			  what, strchr("aeiou", got[0]) ? "an" : "a", got);
}

/* The names as "a, b, c", and the one nearest s (NULL past the error limit, or when none is near).
 */
static const char *one_of(struct schema_ctx *ctx, const char *s, const char *const *names, size_t n,
			  struct strbuf *list)
{
	for (size_t i = 0; i < n; i++)
		strbuf_addf(list, "%s%s", i ? ", " : "", names[i]);
	/* Past the error limit the message is not shown: skip the search. */
	return diag_list_full(ctx->dl) ? NULL : suggest_nearest(s, names, n);
}

static int unknown_key(struct schema_ctx *ctx, const struct ynode *key, const char *what,
		       const struct schema_field *fields, size_t nfields)
{
	const char **names = xmalloc(nfields * sizeof(*names));
	const char *near;
	struct strbuf list = STRBUF_INIT;
	int ret;

	for (size_t i = 0; i < nfields; i++)
		names[i] = fields[i].key;
	near = one_of(ctx, key->str, names, nfields, &list);
	if (near)
		ret = ydoc_error(ctx->doc, ctx->dl, key,
				 "unknown key \"%s\" in %s (did you mean \"%s\"?)", key->str, what,
				 near);
	else
		ret = ydoc_error(ctx->doc, ctx->dl, key,
				 "unknown key \"%s\" in %s (expected one of: %s)", key->str, what,
				 list.buf);
	strbuf_release(&list);
	free(names);
	return ret;
}

int schema_enum(struct schema_ctx *ctx, const struct ynode *node, const char *what,
		const char *const *names, size_t n, int *dest)
{
	const char *s = NULL, *near;
	struct strbuf list = STRBUF_INIT;
	int i, ret;

	if (schema_string(ctx, node, &s))
		return -1;
	i = names_index(names, n, s);
	if (i >= 0) {
		*dest = i;
		return 0;
	}
	near = one_of(ctx, s, names, n, &list);
	if (near)
		ret = ydoc_error(ctx->doc, ctx->dl, node,
				 "unknown %s \"%s\" (did you mean \"%s\"? expected one of: %s)",
				 what, s, near, list.buf);
	else
		ret = ydoc_error(ctx->doc, ctx->dl, node, "unknown %s \"%s\" (expected one of: %s)",
				 what, s, list.buf);
	strbuf_release(&list);
	return ret;
}

int schema_mapping(struct schema_ctx *ctx, const struct ynode *node, const char *what,
		   const struct schema_field *fields, size_t nfields, void *obj)
{
	int ret = 0;

	if (schema_expect(ctx, node, YNODE_MAPPING, what))
		return -1;
	for (size_t i = 0; i < node->nr; i++) {
		const struct ynode *key = node->pairs[i].key;
		size_t f;

		for (f = 0; f < nfields; f++)
			if (!strcmp(key->str, fields[f].key))
				break;
		if (f == nfields) {
			ret = unknown_key(ctx, key, what, fields, nfields);
			continue;
		}
		if (fields[f].fn(ctx, node->pairs[i].value, (char *)obj + fields[f].offset))
			ret = -1;
	}
	for (size_t f = 0; f < nfields; f++)
		if (fields[f].required && !ynode_get(node, fields[f].key))
			ret = ydoc_error(ctx->doc, ctx->dl, node,
					 "missing required key \"%s\" in %s", fields[f].key, what);
	return ret;
}

int schema_string(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	if (schema_expect(ctx, node, YNODE_SCALAR, "this key"))
		return -1;
	if (node->kind == YSCALAR_NULL || node->len == 0)
		return ydoc_error(ctx->doc, ctx->dl, node, "expected text, got an empty value");
	if (node->kind != YSCALAR_STRING)
		return ydoc_error(ctx->doc, ctx->dl, node,
				  "expected text, got %s %s (quote it if you mean the text \"%s\")",
				  node->kind == YSCALAR_INT ? "an" : "a", ynode_type_name(node),
				  node->str);
	if (!node->str[strspn(node->str, " \t\r\n")])
		return ydoc_error(ctx->doc, ctx->dl, node, "expected text, got only white space");
	*(const char **)dest = node->str;
	return 0;
}

int schema_id(struct schema_ctx *ctx, const struct ynode *node, enum ids_kind kind,
	      const char *what, void *dest)
{
	const char *s = NULL;

	if (schema_string(ctx, node, &s))
		return -1;
	if (ids_check(kind, s, NULL))
		return ydoc_error(ctx->doc, ctx->dl, node, "invalid %s%sid \"%s\" (expected %s)",
				  what ? what : "", what ? " " : "", s, ids_shape(kind));
	*(const char **)dest = s;
	return 0;
}

int schema_slug(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_id(ctx, node, IDS_SLUG, NULL, dest);
}

int schema_text(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	static const struct schema_field fields[] = {
		{"en", schema_string, offsetof(struct text, en), true},
		{"zh", schema_string, offsetof(struct text, zh), false},
	};

	return schema_mapping(ctx, node, "text", fields, ARRAY_SIZE(fields), dest);
}

int schema_string_list(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	struct strlist *out = dest;
	int ret = 0;

	if (schema_expect(ctx, node, YNODE_SEQUENCE, "this key"))
		return -1;
	out->items = arena_array(ctx->arena, node->nr, sizeof(*out->items));
	out->nr = 0;
	for (size_t i = 0; i < node->nr; i++) {
		const char *s = NULL;

		if (schema_string(ctx, node->items[i], &s))
			ret = -1;
		else
			out->items[out->nr++] = s;
	}
	return ret;
}

int schema_date(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	if (schema_expect(ctx, node, YNODE_SCALAR, "a date"))
		return -1;
	if (node->kind == YSCALAR_NULL || date_parse(node->str, dest))
		return ydoc_error(ctx->doc, ctx->dl, node,
				  "invalid date \"%s\" (expected YYYY-MM-DD, a real calendar day)",
				  node->str);
	return 0;
}

int schema_node(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	(void)ctx;
	*(const struct ynode **)dest = node;
	return 0;
}
