/*
 * Typed loading of YAML nodes through tables of fields, as netplan does:
 * unknown keys are refused, required keys are checked, each value is
 * converted by its handler into the field at offset.
 */
#ifndef CRAF_SCHEMA_H
#define CRAF_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "ids.h"
#include "names.h"
#include "strlist.h"
#include "yamldoc.h"

struct schema_ctx {
	struct ydoc *doc;
	struct diag_list *dl;
	struct arena *arena; /* where converted strings go */
	void *user;	     /* for handlers that need more */
};

typedef int (*schema_fn)(struct schema_ctx *ctx, const struct ynode *node, void *dest);

struct schema_field {
	const char *key;
	schema_fn fn;
	size_t offset;
	bool required;
};

/*
 * Loads mapping node into obj. Every error is recorded before returning,
 * so one run reports them all. Returns 0 or -1.
 */
int schema_mapping(struct schema_ctx *ctx, const struct ynode *node, const char *what,
		   const struct schema_field *fields, size_t nfields, void *obj);

/* Records "expected a <type> for <what>, got a ..." unless node is of type. */
int schema_expect(struct schema_ctx *ctx, const struct ynode *node, enum ynode_type type,
		  const char *what);

/* Handlers. */
int schema_string(struct schema_ctx *ctx, const struct ynode *node, void *dest);
int schema_text(struct schema_ctx *ctx, const struct ynode *node, void *dest);
/* An id of kind (ids.h); what names it in the message ("domain"), or NULL. */
int schema_id(struct schema_ctx *ctx, const struct ynode *node, enum ids_kind kind,
	      const char *what, void *dest);
/* An id such as a product's: lowercase a-z, 0-9 and -. */
int schema_slug(struct schema_ctx *ctx, const struct ynode *node, void *dest);
int schema_string_list(struct schema_ctx *ctx, const struct ynode *node, void *dest);
int schema_date(struct schema_ctx *ctx, const struct ynode *node, void *dest);
/*
 * A string naming one of names[0..n) (an enumeration's names table): its
 * index into *dest. Else "unknown WHAT \"s\" (did you mean ...? expected
 * one of: ...)".
 */
int schema_enum(struct schema_ctx *ctx, const struct ynode *node, const char *what,
		const char *const *names, size_t n, int *dest);
/* Keeps the node itself (const struct ynode *) for a loader to walk. */
int schema_node(struct schema_ctx *ctx, const struct ynode *node, void *dest);

#endif
