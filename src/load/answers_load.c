/* Loads an answers file and refuses anything that would silently change the score. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "answers_load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "answers_xlsx_load.h"
#include "idmap.h"
#include "digest.h"
#include "schema.h"
#include "sniff.h"
#include "strbuf.h"
#include "suggest.h"
#include "xalloc.h"

static void release_doc(struct answers *a)
{
	ydoc_release(a->doc);
	free(a->doc);
	a->doc = NULL;
	for (size_t i = 0; i < a->nparts; i++) {
		ydoc_release(a->parts[i].doc);
		free(a->parts[i].doc);
		free(a->parts[i].path);
	}
	free(a->parts);
	a->parts = NULL;
	a->nparts = 0;
}

struct ydoc *answers_doc(struct answers *a)
{
	if (!a->doc) {
		a->doc = xmalloc(sizeof(*a->doc));
		ydoc_init(a->doc);
		a->doc->workbook_ok = true; /* answers_parse tells a workbook by its bytes */
		a->release_doc = release_doc;
	}
	return a->doc;
}

struct loadctx {
	struct schema_ctx sc;
	struct answers *a;
	const struct catalogue *cat;
	/* Part files: where each requirement was answered first, by (principle, level). */
	const struct ynode **first_node;
	const struct ydoc **first_doc;
};

int answers_load_status(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	/* Listed in the order users read them, not the enumeration's. */
	const char *names[STATUS_COUNT];
	int i;

	for (i = 0; i < STATUS_COUNT; i++)
		names[i] = status_name(status_by_rank(i));
	if (schema_enum(ctx, node, "status", names, STATUS_COUNT, &i))
		return -1;
	*(enum status *)dest = status_by_rank(i);
	return 0;
}

static int load_remediation(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	static const struct schema_field fields[] = {
		{"action", schema_string, offsetof(struct remediation, action), true},
		{"owner", schema_string, offsetof(struct remediation, owner), true},
		{"due", schema_date, offsetof(struct remediation, due), true},
	};
	struct remediation *r = arena_alloc(ctx->arena, sizeof(*r));

	if (schema_mapping(ctx, node, "remediation", fields, ARRAY_SIZE(fields), r))
		return -1;
	*(const struct remediation **)dest = r;
	return 0;
}

static const char *level_list(const struct cat_principle *p, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int l = 0; l < p->nlevels; l++) {
		strncat(buf, l ? ", " : "", size - strlen(buf) - 1);
		strncat(buf, level_name((enum level)l), size - strlen(buf) - 1);
	}
	return buf;
}

struct raw_evidence_file {
	const char *file, *title;
	struct date date;
};

/*
 * The path as written, with "." components and repeated slashes dropped;
 * NULL (after an error) when it is absolute, climbs with "..", or has a
 * character SHA256SUMS could not list plainly.
 */
static char *evidence_path(struct loadctx *lc, const struct ynode *node, const char *path)
{
	struct schema_ctx *ctx = &lc->sc;
	struct strbuf out = STRBUF_INIT;
	const char *p = path;

	if (!*path) {
		ydoc_error(ctx->doc, ctx->dl, node, "the evidence file's path is empty");
		return NULL;
	}
	if (path[0] == '/') {
		ydoc_error(
			ctx->doc, ctx->dl, node,
			"evidence file \"%s\" is an absolute path (give it relative to the answers file's directory)",
			path);
		return NULL;
	}
	if (strpbrk(path, "\\\n")) {
		ydoc_error(
			ctx->doc, ctx->dl, node,
			"evidence file \"%s\" has a backslash or a line break in its path (separate directories with /)",
			path);
		return NULL;
	}
	while (*p) {
		size_t len = strcspn(p, "/");

		if (len == 2 && !strncmp(p, "..", 2)) {
			ydoc_error(
				ctx->doc, ctx->dl, node,
				"evidence file \"%s\" leaves the answers file's directory (\"..\" is not allowed)",
				path);
			strbuf_release(&out);
			return NULL;
		}
		if (len && !(len == 1 && *p == '.'))
			strbuf_addf(&out, "%s%.*s", out.len ? "/" : "", (int)len, p);
		p += len;
		while (*p == '/')
			p++;
	}
	if (!out.len) {
		ydoc_error(ctx->doc, ctx->dl, node, "evidence file \"%s\" names a directory", path);
		strbuf_release(&out);
		return NULL;
	}
	return strbuf_detach(&out);
}

/* Opens path under the answers file's directory and pins its size and SHA-256. */
static int hash_evidence(struct loadctx *lc, const struct ynode *node, const char *path,
			 struct evidence_file *ef)
{
	struct schema_ctx *ctx = &lc->sc;
	char *name = xstrdup(ctx->doc->name);
	struct strbuf full = STRBUF_INIT;
	char *rdir = NULL, *rfile = NULL;
	struct stat st;
	int fd = -1, ret = 0;
	size_t dlen;

	strbuf_addf(&full, "%s/%s", dirname(name), path);
	rdir = realpath(dirname(name), NULL);
	rfile = realpath(full.buf, NULL);
	if (!rdir || !rfile) {
		ret = ydoc_error(ctx->doc, ctx->dl, node, "cannot read evidence file \"%s\": %s",
				 path, strerror(errno));
		goto cleanup;
	}
	dlen = strlen(rdir);
	/* A symbolic link may point anywhere: what it resolves to must stay inside. */
	if (strncmp(rfile, rdir, dlen) || (rfile[dlen] != '/' && strcmp(rdir, "/"))) {
		ret = ydoc_error(
			ctx->doc, ctx->dl, node,
			"evidence file \"%s\" resolves to %s, outside the answers file's directory (through a symbolic link)",
			path, rfile);
		goto cleanup;
	}
	fd = open(rfile, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0 || fstat(fd, &st)) {
		ret = ydoc_error(ctx->doc, ctx->dl, node, "cannot read evidence file \"%s\": %s",
				 path, strerror(errno));
		goto cleanup;
	}
	if (!S_ISREG(st.st_mode)) {
		ret = ydoc_error(ctx->doc, ctx->dl, node, "evidence file \"%s\" is %s, not a file",
				 path, S_ISDIR(st.st_mode) ? "a directory" : "a device or pipe");
		goto cleanup;
	}
	if (digest_fd(fd, ef->sha256, &ef->size))
		ret = ydoc_error(ctx->doc, ctx->dl, node, "cannot read evidence file \"%s\": %s",
				 path, strerror(errno));
cleanup:
	if (fd >= 0)
		close(fd);
	free(rdir);
	free(rfile);
	free(name);
	strbuf_release(&full);
	return ret;
}

static int load_evidence_file(struct loadctx *lc, const struct ynode *node,
			      struct evidence_file *ef)
{
	static const struct schema_field fields[] = {
		{"file", schema_string, offsetof(struct raw_evidence_file, file), true},
		{"date", schema_date, offsetof(struct raw_evidence_file, date), true},
		{"title", schema_string, offsetof(struct raw_evidence_file, title), false},
	};
	struct schema_ctx *ctx = &lc->sc;
	struct raw_evidence_file raw = {NULL, NULL, {0, 0, 0}};
	const struct ynode *file;
	char *path;
	int ret;

	if (schema_mapping(ctx, node, "evidence file", fields, ARRAY_SIZE(fields), &raw))
		return -1;
	file = ynode_get(node, "file");
	if (!strcmp(ctx->doc->name, "<stdin>"))
		return ydoc_error(
			ctx->doc, ctx->dl, file,
			"evidence files are found relative to the answers file: give it by name, not on standard input");
	path = evidence_path(lc, file, raw.file);
	if (!path)
		return -1;
	ef->path = arena_strdup(ctx->arena, path);
	ef->date = raw.date;
	ef->title = raw.title;
	ret = hash_evidence(lc, file, path, ef);
	free(path);
	return ret;
}

/* "evidence": text references and {file, date, title} mappings, each to its own list. */
static int load_evidence(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	struct loadctx *lc = (struct loadctx *)ctx; /* sc is its first member */
	struct answer *ans = (struct answer *)((char *)dest - offsetof(struct answer, evidence));
	size_t nfiles = 0;
	int ret = 0;

	if (schema_expect(ctx, node, YNODE_SEQUENCE, "this key"))
		return -1;
	for (size_t i = 0; i < node->nr; i++)
		nfiles += node->items[i]->type == YNODE_MAPPING;
	ans->evidence.items = arena_array(ctx->arena, node->nr - nfiles, sizeof(char *));
	ans->evidence.nr = 0;
	ans->files.items = arena_array(ctx->arena, nfiles, sizeof(*ans->files.items));
	ans->files.nr = 0;
	for (size_t i = 0; i < node->nr; i++) {
		const struct ynode *item = node->items[i];
		const char *s = NULL;

		if (item->type == YNODE_MAPPING) {
			if (load_evidence_file(lc, item, &ans->files.items[ans->files.nr]))
				ret = -1;
			else
				ans->files.nr++;
		} else if (schema_string(ctx, item, &s)) {
			ret = -1;
		} else {
			ans->evidence.items[ans->evidence.nr++] = s;
		}
	}
	return ret;
}

/* Checks what each status needs: a note, evidence, an expiry date. */
static int check_answer(struct loadctx *lc, const struct ynode *node, const struct answer *ans)
{
	struct schema_ctx *ctx = &lc->sc;
	const char *st = status_name(ans->status);
	int ret = 0;

	if ((ans->status == STATUS_COMPENSATING || ans->status == STATUS_NOT_APPLICABLE ||
	     ans->status == STATUS_RISK_ACCEPTED) &&
	    !ans->note)
		ret = ydoc_error(ctx->doc, ctx->dl, node,
				 "status \"%s\" needs a \"note\" explaining it", st);
	if (ans->status == STATUS_INHERITED && !ans->evidence.nr && !ans->files.nr)
		ret = ydoc_error(
			ctx->doc, ctx->dl, node,
			"status \"inherited\" needs \"evidence\" (e.g. the provider's attestation report)");
	if (ans->status == STATUS_RISK_ACCEPTED && !date_is_set(&ans->expires))
		ret = ydoc_error(ctx->doc, ctx->dl, node,
				 "status \"risk-accepted\" needs an \"expires\" date");
	if (ans->status != STATUS_RISK_ACCEPTED && date_is_set(&ans->expires))
		ret = ydoc_error(ctx->doc, ctx->dl, ynode_get(node, "expires"),
				 "\"expires\" is only used with status \"risk-accepted\"");
	return ret;
}

/* One requirement's answer: a bare status, or the long form. */
static int load_answer(struct loadctx *lc, const struct ynode *node, struct answer *ans)
{
	static const struct schema_field fields[] = {
		{"status", answers_load_status, offsetof(struct answer, status), true},
		{"evidence", load_evidence, offsetof(struct answer, evidence), false},
		{"note", schema_string, offsetof(struct answer, note), false},
		{"remediation", load_remediation, offsetof(struct answer, remediation), false},
		{"expires", schema_date, offsetof(struct answer, expires), false},
	};
	struct schema_ctx *ctx = &lc->sc;
	size_t at = (size_t)(ans - &lc->a->levels[0][0]);

	/* Only parts can answer one requirement twice: a file's own keys are checked unique. */
	if (ans->given && lc->first_node) {
		const struct cat_principle *p = &lc->cat->principles[at / LEVEL_COUNT];
		const struct ydoc *d = lc->first_doc[at];
		struct strbuf first = STRBUF_INIT;
		int ret;

		strbuf_addf(&first, "%s%s", d->name, d->sheets ? ": " : ":");
		ydoc_where(d, lc->first_node[at], &first);
		ret = ydoc_error(ctx->doc, ctx->dl, node,
				 "%s%s%s is answered in two parts: here and at %s (keep one)",
				 p->id, p->single ? "" : " ",
				 p->single ? "" : level_name((enum level)(at % LEVEL_COUNT)),
				 first.buf);
		strbuf_release(&first);
		return ret;
	}
	if (lc->first_node) {
		lc->first_node[at] = node;
		lc->first_doc[at] = ctx->doc;
	}
	ans->given = true;
	ans->line = node->line;
	ans->col = node->col;
	lc->a->ngiven++;
	if (node->type == YNODE_SCALAR && !ynode_is_null(node)) {
		if (answers_load_status(ctx, node, &ans->status))
			return -1;
		return check_answer(lc, node, ans);
	}
	/* What is left: an empty value, an empty mapping, or a list. */
	if (node->type != YNODE_MAPPING || !node->nr)
		return ydoc_error(ctx->doc, ctx->dl, node,
				  "expected a status or a mapping with \"status\", got %s",
				  node->type == YNODE_SCALAR	? "an empty value"
				  : node->type == YNODE_MAPPING ? "an empty mapping"
								: "a list");
	if (schema_mapping(ctx, node, "answer", fields, ARRAY_SIZE(fields), ans))
		return -1;
	return check_answer(lc, node, ans);
}

static int unknown_id(struct loadctx *lc, const struct ynode *key)
{
	const struct catalogue *cat = lc->cat;
	const char **ids;
	const char *near;
	int ret;

	/* Past the error limit the message is not shown: skip the search. */
	if (diag_list_full(lc->sc.dl))
		return ydoc_error(lc->sc.doc, lc->sc.dl, key, "unknown control id");
	ids = xmalloc((cat->nprinciples + 1) * sizeof(*ids));
	for (size_t i = 0; i < cat->nprinciples; i++)
		ids[i] = cat->principles[i].id;
	/* Ids are short: only a one-character slip is worth a suggestion. */
	near = suggest_nearest_within(key->str, ids, cat->nprinciples, 1);
	if (near)
		ret = ydoc_error(lc->sc.doc, lc->sc.dl, key,
				 "unknown control id \"%s\" (did you mean \"%s\"?)", key->str,
				 near);
	else
		ret = ydoc_error(lc->sc.doc, lc->sc.dl, key,
				 "unknown control id \"%s\" (not in the %s catalogue)", key->str,
				 cat->framework);
	free(ids);
	return ret;
}

static int load_principle(struct loadctx *lc, const struct ynode *key, const struct ynode *value)
{
	struct schema_ctx *ctx = &lc->sc;
	const struct cat_principle *p = catalogue_find(lc->cat, key->str);
	struct answer *row;
	char levels[64];
	int ret = 0;

	if (!p)
		return unknown_id(lc, key);
	row = lc->a->levels[p - lc->cat->principles];
	if (p->single) {
		if (value->type == YNODE_MAPPING && !ynode_get(value, "status")) {
			for (size_t i = 0; i < value->nr; i++) {
				enum level l;

				if (!level_parse(value->pairs[i].key->str, &l))
					return ydoc_error(
						ctx->doc, ctx->dl, value->pairs[i].key,
						"%s has one requirement for all levels: give its status directly, not per level",
						p->id);
			}
		}
		return load_answer(lc, value, &row[0]);
	}
	/* `"3.1.2": {}` says no more than `"3.1.2":`: both are refused alike. */
	if (ynode_is_null(value) || (value->type == YNODE_MAPPING && !value->nr))
		return ydoc_error(ctx->doc, ctx->dl, key,
				  "no answer for %s (give a status for each of its levels: %s)",
				  p->id, level_list(p, levels, sizeof(levels)));
	if (value->type != YNODE_MAPPING || ynode_get(value, "status"))
		return ydoc_error(
			ctx->doc, ctx->dl, value,
			"%s has levels %s: give a status under each level (e.g. baseline: met)",
			p->id, level_list(p, levels, sizeof(levels)));
	for (size_t i = 0; i < value->nr; i++) {
		const struct ynode *lk = value->pairs[i].key;
		enum level l;

		if (level_parse(lk->str, &l)) {
			const char *names[LEVEL_COUNT];
			const char *near = NULL;

			for (int k = 0; k < p->nlevels; k++)
				names[k] = level_name((enum level)k);
			if (!diag_list_full(ctx->dl))
				near = suggest_nearest(lk->str, names, (size_t)p->nlevels);
			ret = ydoc_error(ctx->doc, ctx->dl, lk,
					 "unknown level \"%s\" (%s%s%sexpected one of: %s)",
					 lk->str, near ? "did you mean \"" : "", near ? near : "",
					 near ? "\"? " : "", level_list(p, levels, sizeof(levels)));
			continue;
		}
		if ((int)l >= p->nlevels) {
			ret = ydoc_error(ctx->doc, ctx->dl, lk,
					 "%s has no %s requirement (its levels: %s)", p->id,
					 lk->str, level_list(p, levels, sizeof(levels)));
			continue;
		}
		if (load_answer(lc, value->pairs[i].value, &row[l]))
			ret = -1;
	}
	return ret;
}

static int load_version(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	if (schema_expect(ctx, node, YNODE_SCALAR, "version"))
		return -1;
	if (node->kind == YSCALAR_STRING)
		return ydoc_error(ctx->doc, ctx->dl, node,
				  "expected the number 1, got the text \"%s\" (write version: 1)",
				  node->str);
	if (node->kind != YSCALAR_INT || strcmp(node->str, "1"))
		return ydoc_error(
			ctx->doc, ctx->dl, node,
			"unsupported answers file version \"%s\" (this craf reads version 1)",
			node->str);
	*(int *)dest = 1;
	return 0;
}

static int parse_rating(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_enum(ctx, node, "risk rating", risk_names, RISK_COUNT, dest);
}

struct raw_indicator {
	const char *category, *name, *note;
	enum risk rating;
};

struct raw_override {
	enum risk rating;
	const char *justification;
};

static int load_indicator(struct loadctx *lc, const struct ynode *node, struct risk_indicator *out)
{
	static const struct schema_field fields[] = {
		{"category", schema_string, offsetof(struct raw_indicator, category), true},
		{"name", schema_string, offsetof(struct raw_indicator, name), true},
		{"rating", parse_rating, offsetof(struct raw_indicator, rating), true},
		{"note", schema_string, offsetof(struct raw_indicator, note), false},
	};
	struct raw_indicator raw = {NULL, NULL, NULL, RISK_NONE};
	const struct catalogue *cat = lc->cat;

	if (schema_mapping(&lc->sc, node, "indicator", fields, ARRAY_SIZE(fields), &raw))
		return -1;
	/* A catalogue that defines the categories decides which are valid. */
	if (cat->nrisk_categories && !catalogue_find_risk_category(cat, raw.category)) {
		struct strbuf list = STRBUF_INIT;

		for (size_t i = 0; i < cat->nrisk_categories; i++)
			strbuf_addf(&list, "%s%s", i ? ", " : "", cat->risk_categories[i].id);
		const char **ids = xmalloc(cat->nrisk_categories * sizeof(*ids));
		const char *near;

		for (size_t i = 0; i < cat->nrisk_categories; i++)
			ids[i] = cat->risk_categories[i].id;
		near = diag_list_full(lc->sc.dl)
			       ? NULL
			       : suggest_nearest(raw.category, ids, cat->nrisk_categories);
		ydoc_error(lc->sc.doc, lc->sc.dl, ynode_get(node, "category"),
			   "unknown inherent-risk category \"%s\" (%s%s%sexpected one of: %s)",
			   raw.category, near ? "did you mean \"" : "", near ? near : "",
			   near ? "\"? " : "", list.buf);
		free(ids);
		strbuf_release(&list);
		return -1;
	}
	/* Categories are ids: a saved report holding this one must load again. */
	if (!cat->nrisk_categories &&
	    schema_id(&lc->sc, ynode_get(node, "category"), IDS_SLUG, "category", &raw.category))
		return -1;
	out->category = raw.category;
	out->name = raw.name;
	out->rating = raw.rating;
	out->note = raw.note;
	return 0;
}

/*
 * Records indicator i under its category and name; returns true, with the
 * index it was first given at, when the pair was seen before.
 */
static bool indicator_seen(struct idmap *seen, struct arena *arena,
			   const struct risk_indicator *ind, size_t i, size_t *first)
{
	/* Categories are ids (no ':'), so "category:name" names one pair. */
	size_t clen = strlen(ind->category), nlen = strlen(ind->name);
	char *key = arena_alloc(arena, clen + nlen + 2);

	memcpy(key, ind->category, clen);
	key[clen] = ':';
	memcpy(key + clen + 1, ind->name, nlen + 1);
	if (!idmap_get(seen, key, first))
		return true;
	idmap_put(seen, key, i);
	return false;
}

struct raw_inherent_risk {
	const struct ynode *indicators;
	const char *rule;
	const struct ynode *override;
};

static int load_inherent_risk(struct loadctx *lc, const struct ynode *node)
{
	static const struct schema_field fields[] = {
		{"indicators", schema_node, offsetof(struct raw_inherent_risk, indicators), true},
		{"rule", schema_string, offsetof(struct raw_inherent_risk, rule), false},
		{"override", schema_node, offsetof(struct raw_inherent_risk, override), false},
	};
	static const struct schema_field override_fields[] = {
		{"rating", parse_rating, offsetof(struct raw_override, rating), true},
		{"justification", schema_string, offsetof(struct raw_override, justification),
		 true},
	};
	struct raw_inherent_risk raw = {NULL, NULL, NULL};
	struct inherent_risk *ir = &lc->a->risk;
	struct idmap seen = IDMAP_INIT;
	int ret = 0;

	ir->stated = ir->computed = ir->override = RISK_NONE;
	if (node->type == YNODE_SCALAR) {
		if (parse_rating(&lc->sc, node, &ir->stated))
			return -1;
		lc->a->inherent_risk = ir->stated;
		return 0;
	}
	if (node->type != YNODE_MAPPING)
		return ydoc_error(
			lc->sc.doc, lc->sc.dl, node,
			"expected a rating (low, medium, high) or a mapping with \"indicators\" for inherent_risk, got a %s",
			ynode_type_name(node));
	if (schema_mapping(&lc->sc, node, "inherent_risk", fields, ARRAY_SIZE(fields), &raw))
		return -1;
	if (raw.rule && strcmp(raw.rule, "majority"))
		ret = ydoc_error(
			lc->sc.doc, lc->sc.dl, ynode_get(node, "rule"),
			"unknown rule \"%s\" (craf applies \"majority\": the most frequent rating, the higher on a tie)",
			raw.rule);
	if (schema_expect(&lc->sc, raw.indicators, YNODE_SEQUENCE, "indicators"))
		return -1;
	if (!raw.indicators->nr)
		return ydoc_error(lc->sc.doc, lc->sc.dl, raw.indicators,
				  "inherent_risk needs at least one indicator");
	ir->from_indicators = true;
	ir->indicators =
		arena_array(&lc->sc.doc->arena, raw.indicators->nr, sizeof(*ir->indicators));
	for (size_t i = 0; i < raw.indicators->nr; i++) {
		const struct ynode *item = raw.indicators->items[i];
		const struct risk_indicator *ind = &ir->indicators[ir->nindicators];
		size_t first;

		if (load_indicator(lc, item, &ir->indicators[ir->nindicators])) {
			ret = -1;
			continue;
		}
		/* Counted twice, a repeated indicator would tip the majority. */
		if (indicator_seen(&seen, &lc->sc.doc->arena, ind, i, &first)) {
			struct strbuf at = STRBUF_INIT;
			const struct ynode *f = ynode_get(raw.indicators->items[first], "name");

			if (lc->sc.doc->sheets)
				ydoc_where(lc->sc.doc, f, &at);
			else
				strbuf_addf(&at, "line %d", f->line);
			ret = ydoc_error(
				lc->sc.doc, lc->sc.dl, ynode_get(item, "name"),
				"indicator \"%s\" of category %s is given twice (first at %s)",
				ind->name, ind->category, at.buf);
			strbuf_release(&at);
			continue;
		}
		ir->counts[ind->rating]++;
		ir->nindicators++;
	}
	idmap_release(&seen);
	ir->computed = risk_majority(ir->counts);
	if (raw.override) {
		struct raw_override ro = {RISK_NONE, NULL};

		if (schema_mapping(&lc->sc, raw.override, "override", override_fields,
				   ARRAY_SIZE(override_fields), &ro))
			ret = -1;
		ir->override = ro.rating;
		ir->justification = ro.justification;
	}
	lc->a->inherent_risk = ir->override != RISK_NONE ? ir->override : ir->computed;
	return ret;
}

static int load_target(struct schema_ctx *ctx, const struct ynode *node, void *dest)
{
	return schema_enum(ctx, node, "target level", level_names, LEVEL_COUNT, dest);
}

struct raw_top {
	int version;
	const char *institution, *assessor, *scope;
	struct date assessment_date;
	const struct ynode *inherent_risk;
	enum level target;
	const struct ynode *answers;
};

int answers_load(struct answers *a, const char *path, const struct catalogue *cat,
		 struct diag_list *dl)
{
	if (ydoc_read_file(answers_doc(a), path, dl))
		return -1;
	return answers_load_read(a, cat, dl);
}

int answers_load_read(struct answers *a, const struct catalogue *cat, struct diag_list *dl)
{
	if (answers_parse(a, dl))
		return -1;
	return answers_resolve(a, cat, dl);
}

/* Builds doc's tree: a workbook, told by its bytes, gives the same tree as YAML, its nodes at
 * cells. */
static int parse_doc(struct ydoc *doc, char sha256[65], struct diag_list *dl)
{
	enum sniff_kind kind = sniff(doc->data, doc->len);
	struct digest h;

	digest_init(&h);
	digest_update(&h, doc->data, doc->len);
	digest_final_hex(&h, sha256);
	return kind == SNIFF_ZIP || kind == SNIFF_OLE2 ? answers_xlsx_parse(doc, dl)
						       : ydoc_parse_yaml(doc, dl);
}

bool answers_part_name(const char *name)
{
	size_t n = strlen(name);

	/* Hidden files, and the lock files Excel (~$) and LibreOffice (.~lock) leave. */
	if (name[0] == '.' || !strncmp(name, "~$", 2))
		return false;
	return (n > 5 && !strcasecmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcasecmp(name + n - 4, ".yml")) ||
	       (n > 5 && !strcasecmp(name + n - 5, ".xlsx"));
}

static int name_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

int answers_read_dir(struct answers *a, const char *dir, struct diag_list *dl)
{
	struct ydoc *doc = answers_doc(a);
	char **names = NULL;
	size_t n = 0, alloc = 0;
	struct dirent *e;
	DIR *d;
	int ret = 0;

	free(doc->name);
	doc->name = xstrdup(dir);
	a->path = doc->name;
	d = opendir(dir);
	if (!d)
		return ydoc_error_at(doc, dl, 1, 1, 1, "cannot read the directory: %s",
				     strerror(errno));
	while ((e = readdir(d)))
		if (answers_part_name(e->d_name)) {
			names = xgrow(names, &alloc, n + 1, sizeof(*names));
			names[n++] = xstrdup(e->d_name);
		}
	closedir(d);
	if (!n) {
		free(names);
		return ydoc_error_at(doc, dl, 1, 1, 1,
				     "no answers files in this directory (*.yaml, *.yml, *.xlsx)");
	}
	qsort(names, n, sizeof(*names), name_cmp);
	a->parts = xcalloc(n, sizeof(*a->parts));
	a->nparts = n;
	for (size_t i = 0; i < n; i++) {
		struct answers_part *p = &a->parts[i];
		size_t len = strlen(dir);

		p->path = xmalloc(len + strlen(names[i]) + 2);
		/* dir is not empty: opendir took it. */
		sprintf(p->path, "%s%s%s", dir, dir[len - 1] == '/' ? "" : "/", names[i]);
		p->doc = xmalloc(sizeof(*p->doc));
		ydoc_init(p->doc);
		p->doc->workbook_ok = true;
		if (ydoc_read_file(p->doc, p->path, dl))
			ret = -1;
		free(names[i]);
	}
	free(names);
	return ret;
}

int answers_parse(struct answers *a, struct diag_list *dl)
{
	struct digest h;
	int ret = 0;

	if (!a->nparts) {
		if (parse_doc(answers_doc(a), a->sha256, dl))
			return -1;
		a->path = a->doc->name;
		a->size = a->doc->len;
		return 0;
	}
	/* The directory's hash is that of its parts' list, as sha256sum prints it. */
	digest_init(&h);
	for (size_t i = 0; i < a->nparts; i++) {
		struct answers_part *p = &a->parts[i];
		const char *slash = strrchr(p->path, '/');

		if (parse_doc(p->doc, p->sha256, dl))
			ret = -1;
		p->size = p->doc->len;
		digest_update(&h, p->sha256, 64);
		digest_update(&h, "  ", 2);
		/* p->path is DIR/NAME: it has a slash. */
		digest_update(&h, slash + 1, strlen(slash + 1));
		digest_update(&h, "\n", 1);
	}
	digest_final_hex(&h, a->sha256);
	return ret;
}

/* What a file is to the answers: all of them, or a part with the header, or answers only. */
enum role { ROLE_WHOLE, ROLE_HEADER, ROLE_ANSWERS };

static const char *const header_keys[] = {"institution", "assessment_date", "assessor",
					  "scope",	 "inherent_risk",   "target"};

static bool has_header(const struct ynode *root)
{
	for (size_t i = 0; root && i < ARRAY_SIZE(header_keys); i++)
		if (ynode_get(root, header_keys[i]))
			return true;
	return false;
}

static int resolve_doc(struct loadctx *lc, struct ydoc *doc, enum role role)
{
	static const struct schema_field all[] = {
		{"version", load_version, offsetof(struct raw_top, version), true},
		{"institution", schema_string, offsetof(struct raw_top, institution), true},
		{"assessment_date", schema_date, offsetof(struct raw_top, assessment_date), true},
		{"assessor", schema_string, offsetof(struct raw_top, assessor), false},
		{"scope", schema_string, offsetof(struct raw_top, scope), false},
		{"inherent_risk", schema_node, offsetof(struct raw_top, inherent_risk), false},
		{"target", load_target, offsetof(struct raw_top, target), false},
		{"answers", schema_node, offsetof(struct raw_top, answers), true},
	};
	/* A part without the header: the version and its answers, nothing else. */
	static const struct schema_field answers_only[] = {
		{"version", load_version, offsetof(struct raw_top, version), true},
		{"answers", schema_node, offsetof(struct raw_top, answers), true},
	};
	struct schema_field fields[ARRAY_SIZE(all)];
	struct answers *a = lc->a;
	struct diag_list *dl = lc->sc.dl;
	struct raw_top raw = {.target = LEVEL_NONE};
	const struct ynode *root = doc->root;
	const char *what = role == ROLE_WHOLE ? "the answers file" : "a part file";
	int ret = 0;

	lc->sc = (struct schema_ctx){doc, dl, &doc->arena, NULL};
	memcpy(fields, all, sizeof(all));
	/* The part with the header may leave every answer to the others. */
	if (role == ROLE_HEADER)
		fields[ARRAY_SIZE(all) - 1].required = false;
	/* A spreadsheet saved as CSV reads as one long YAML string: say what it is. */
	if (root->type == YNODE_SCALAR && root->kind == YSCALAR_STRING && root->line == 1 &&
	    strcspn(root->str, "\n") > strcspn(root->str, ",;\t"))
		return ydoc_error(
			doc, dl, root,
			"this looks like CSV (values separated by commas), not an answers "
			"file: write the answers in YAML, or save the spreadsheet as .xlsx "
			"(see 'craf init --format xlsx')");
	if (role == ROLE_ANSWERS
		    ? schema_mapping(&lc->sc, root, what, answers_only, ARRAY_SIZE(answers_only),
				     &raw)
		    : schema_mapping(&lc->sc, root, what, fields, ARRAY_SIZE(fields), &raw))
		ret = -1;
	if (role != ROLE_ANSWERS) {
		a->institution = raw.institution;
		a->assessor = raw.assessor;
		a->scope = raw.scope;
		a->assessment_date = raw.assessment_date;
		if (raw.inherent_risk && load_inherent_risk(lc, raw.inherent_risk))
			ret = -1;
		a->target = raw.target;
		if (root->type == YNODE_MAPPING && !ynode_get(root, "target") &&
		    !ynode_get(root, "inherent_risk"))
			ret = ydoc_error(
				doc, dl, root,
				"missing \"inherent_risk\" or \"target\": one of them sets the maturity level to assess against");
	}
	if (!raw.answers)
		return role == ROLE_HEADER ? ret : -1;
	if (raw.answers->type != YNODE_MAPPING)
		return schema_expect(&lc->sc, raw.answers, YNODE_MAPPING,
				     "answers (control ids as keys)");
	for (size_t i = 0; i < raw.answers->nr; i++)
		if (load_principle(lc, raw.answers->pairs[i].key, raw.answers->pairs[i].value))
			ret = -1;
	return ret;
}

/* The one part with the header, or -1 after saying there is none, or more than one. */
static int header_part(struct answers *a, struct diag_list *dl, size_t *out)
{
	size_t found = a->nparts;
	int ret = 0;

	for (size_t i = 0; i < a->nparts; i++) {
		struct ydoc *doc = a->parts[i].doc;

		if (!has_header(doc->root))
			continue;
		if (found == a->nparts) {
			found = i;
			continue;
		}
		ret = ydoc_error(doc, dl, doc->root,
				 "this part carries the header (institution, assessment_date, ...) "
				 "as %s does: give it in one part only",
				 a->parts[found].path);
	}
	if (found == a->nparts)
		return ydoc_error_at(a->doc, dl, 1, 1, 1,
				     "no part carries the header: give institution, "
				     "assessment_date and inherent_risk or target in one of them");
	*out = found;
	return ret;
}

int answers_resolve(struct answers *a, const struct catalogue *cat, struct diag_list *dl)
{
	struct loadctx lc;
	size_t errors_before = dl->errors, header = 0;
	int ret = 0;

	memset(&lc, 0, sizeof(lc));
	lc.sc.dl = dl;
	lc.a = a;
	lc.cat = cat;
	a->inherent_risk = RISK_NONE;
	a->risk.stated = a->risk.computed = a->risk.override = RISK_NONE;
	a->nprinciples = cat->nprinciples;
	a->levels = xcalloc(cat->nprinciples, sizeof(*a->levels));
	if (!a->nparts) {
		ret = resolve_doc(&lc, a->doc, ROLE_WHOLE);
		if (ret || dl->errors > errors_before || a->doc->tree_errors)
			return -1;
		ydoc_drop_source(a->doc);
		return 0;
	}
	if (header_part(a, dl, &header))
		return -1;
	lc.first_node = xcalloc(cat->nprinciples * LEVEL_COUNT, sizeof(*lc.first_node));
	lc.first_doc = xcalloc(cat->nprinciples * LEVEL_COUNT, sizeof(*lc.first_doc));
	for (size_t i = 0; i < a->nparts; i++) {
		struct ydoc *doc = a->parts[i].doc;

		if (resolve_doc(&lc, doc, i == header ? ROLE_HEADER : ROLE_ANSWERS) ||
		    doc->tree_errors)
			ret = -1;
	}
	free(lc.first_node);
	free(lc.first_doc);
	/* The count is a safety net: a check that records an error but returns 0 still fails. */
	if (ret || dl->errors > errors_before)
		return -1;
	for (size_t i = 0; i < a->nparts; i++)
		ydoc_drop_source(a->parts[i].doc);
	return 0;
}
