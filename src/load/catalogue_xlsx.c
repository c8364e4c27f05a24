/*
 * The catalogue's workbook (render/catalogue_xlsx.c) read back into the files
 * of a catalogue directory, each string remembering its cell, so that the
 * loader's checks can name the cell a problem is in.
 */
#include "catalogue_xlsx_read.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "catalogue_load.h"
#include "idmap.h"
#include "xalloc.h"
#include "xlsx_read.h"

/* The sheets, as the writer names them (render/catalogue_xlsx.h, which this layer cannot see). */
#define S_FRAMEWORK    "Framework"
#define S_DOMAINS      "Domains"
#define S_COMPONENTS   "Components"
#define S_REQUIREMENTS "Requirements"
#define S_PRODUCTS     "Products"
#define S_MODELS       "Service models"
#define S_AREAS	       "Responsibility areas"
#define S_RISK	       "Inherent risk"

/* The largest workbook read: the reader's own limit on all its parts. */
#define MAX_WORKBOOK ((size_t)64 << 20)

/* A column wanted, and where the header row has it (0: nowhere). */
struct col {
	const char *name;
	bool required;
	unsigned at;
};

struct sheet {
	int index; /* in book->sheets */
	const char *name;
	struct xlsx_rows rows;
	size_t first; /* the first row after the header, in rows.rows */
	unsigned header_row;
	struct col *cols;
	size_t ncols;
	/* Header cells no wanted column has: the owner columns of the areas sheet. */
	const struct xlsx_cell **extra;
	size_t nextra;
};

struct domain {
	const char *id, *file;
	struct ytree_src src;
	struct ytree *components, *principles;
	bool ok;
};

struct principle {
	size_t domain;		    /* SIZE_MAX: dropped, its rows are skipped */
	const struct xlsx_row *row; /* its first */
	struct ytree *requirements;
};

struct reader {
	struct catalogue_book *book;
	struct xlsx_book *xb;
	struct diag_list *dl;
	struct arena *a;
	struct domain *domains;
	size_t ndomains;
	bool bad_domains; /* a domain left out: the loader would only echo it */
	size_t files_alloc;
};

static struct ytree_src src_at(const struct sheet *sh, unsigned row, unsigned col)
{
	return (struct ytree_src){sh->index, row, col};
}

/* "matrix.xlsx: Requirements!F12", "matrix.xlsx: Requirements" or "matrix.xlsx". */
static void where(const struct catalogue_book *book, struct ytree_src s, struct strbuf *sb)
{
	strbuf_adds(sb, book->file);
	if (s.sheet < 0 || (size_t)s.sheet >= book->nsheets)
		return;
	strbuf_adds(sb, ": ");
	if (s.row && s.col)
		xlsx_ref(sb, book->sheets[s.sheet], s.row, s.col);
	else
		strbuf_adds(sb, book->sheets[s.sheet]);
}

__attribute__((format(printf, 3, 4))) static void cell_error(struct reader *r, struct ytree_src s,
							     const char *fmt, ...)
{
	struct strbuf at = STRBUF_INIT, msg = STRBUF_INIT;
	va_list ap;

	where(r->book, s, &at);
	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_report(r->dl, DIAG_ERROR, at.buf, 0, 0, 1, NULL, 0, NULL, msg.buf);
	strbuf_release(&at);
	strbuf_release(&msg);
}

/* "Requirements!F12", for a message that names a second cell. */
static const char *ref(struct reader *r, struct ytree_src s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	xlsx_ref(&sb, r->book->sheets[s.sheet], s.row, s.col);
	out = arena_strdup(r->a, sb.buf);
	strbuf_release(&sb);
	return out;
}

static bool space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static const char *trim(struct arena *a, const char *s)
{
	size_t n;

	while (space(*s))
		s++;
	n = strlen(s);
	while (n && space(s[n - 1]))
		n--;
	return arena_strndup(a, s, n);
}

static const struct xlsx_cell *find_cell(const struct xlsx_row *row, unsigned col)
{
	for (size_t i = 0; i < row->nr; i++)
		if (row->cells[i].col == col)
			return &row->cells[i];
	return NULL;
}

/* A row with nothing but white space is skipped; one holding an error value is reported. */
static bool usable_row(struct reader *r, const struct sheet *sh, const struct xlsx_row *row)
{
	bool blank = true;

	for (size_t i = 0; i < row->nr; i++) {
		const struct xlsx_cell *c = &row->cells[i];

		if (c->type == XLSX_ERROR) {
			cell_error(r, src_at(sh, c->row, c->col),
				   "the cell holds the error value %s: give it a value", c->text);
			return false;
		}
		if (c->type == XLSX_FORMULA) {
			cell_error(
				r, src_at(sh, c->row, c->col),
				"the cell holds a formula whose result the file does not keep: "
				"type the value in, or save the workbook from Excel or LibreOffice");
			return false;
		}
		for (const char *p = c->text; *p && blank; p++)
			blank = space(*p);
	}
	return !blank;
}

/* The text of the row's cell in wanted column k ("" when empty or the column is absent). */
static const char *cell(const struct sheet *sh, const struct xlsx_row *row, size_t k,
			struct ytree_src *src)
{
	const struct xlsx_cell *c;

	if (!sh->cols[k].at) {
		*src = src_at(sh, 0, 0);
		return "";
	}
	*src = src_at(sh, row->row, sh->cols[k].at);
	c = find_cell(row, sh->cols[k].at);
	return c ? c->text : "";
}

static const char *cell_id(struct reader *r, const struct sheet *sh, const struct xlsx_row *row,
			   size_t k, struct ytree_src *src)
{
	return trim(r->a, cell(sh, row, k, src));
}

/* A scalar from column k, trimmed when it is an id or a keyword. */
static struct ytree *str_node(struct reader *r, const struct sheet *sh, const struct xlsx_row *row,
			      size_t k, bool is_id)
{
	struct ytree_src s;
	const char *t = cell(sh, row, k, &s);

	return ytree_str(r->a, is_id ? trim(r->a, t) : t, s);
}

/*
 * A text from columns en and zh: "en" always (an empty cell is then the
 * loader's "empty value" at that cell), "zh" when given.
 */
static struct ytree *text_node(struct reader *r, const struct sheet *sh, const struct xlsx_row *row,
			       size_t en, size_t zh)
{
	struct ytree_src s, zs;
	const char *t = cell(sh, row, en, &s);
	struct ytree *map = ytree_map(r->a, s);
	const char *z;

	ytree_put(r->a, map, "en", YTREE_NOWHERE, ytree_str(r->a, t, s));
	z = cell(sh, row, zh, &zs);
	if (*z)
		ytree_put(r->a, map, "zh", YTREE_NOWHERE, ytree_str(r->a, z, zs));
	return map;
}

static int find_sheet(struct reader *r, const char *name)
{
	for (size_t i = 0; i < xlsx_sheet_count(r->xb); i++)
		if (!strcmp(xlsx_sheet_name(r->xb, i), name))
			return (int)i;
	return -1;
}

/* The index a ytree_src gives a sheet already opened, or -1. */
static int sheet_index(const struct reader *r, const char *name)
{
	for (size_t i = 0; i < r->book->nsheets; i++)
		if (!strcmp(r->book->sheets[i], name))
			return (int)i;
	return -1;
}

static int add_sheet_name(struct reader *r, const char *name)
{
	struct catalogue_book *b = r->book;
	const char **grown = arena_array(r->a, b->nsheets + 1, sizeof(*grown));

	if (b->nsheets)
		memcpy(grown, b->sheets, b->nsheets * sizeof(*grown));
	grown[b->nsheets] = arena_strdup(r->a, name);
	b->sheets = grown;
	return (int)b->nsheets++;
}

/*
 * Opens sheet name and finds its columns in its first non-blank row.
 * Returns 1, 0 when it is absent and not required, or -1 (reported).
 */
static int open_sheet(struct reader *r, const char *name, struct col *cols, size_t ncols,
		      bool required, struct sheet *sh)
{
	const struct xlsx_range *m;
	size_t h;
	int ret = 1;

	memset(sh, 0, sizeof(*sh));
	sh->index = -1;
	sh->name = name;
	sh->cols = cols;
	sh->ncols = ncols;
	if (find_sheet(r, name) < 0) {
		if (!required)
			return 0;
		cell_error(r, YTREE_NOWHERE,
			   "no sheet \"%s\" (a catalogue workbook has %s, %s, %s and %s; "
			   "craf catalogue convert -o FILE.xlsx writes one)",
			   name, S_FRAMEWORK, S_DOMAINS, S_COMPONENTS, S_REQUIREMENTS);
		return -1;
	}
	sh->index = add_sheet_name(r, name);
	if (xlsx_read_rows(r->xb, name, &sh->rows, r->dl))
		return -1;
	for (h = 0; h < sh->rows.nr; h++) {
		bool blank = true;

		for (size_t i = 0; i < sh->rows.rows[h].nr && blank; i++)
			blank = !*trim(r->a, sh->rows.rows[h].cells[i].text);
		if (!blank)
			break;
	}
	sh->first = h + 1;
	sh->header_row = h < sh->rows.nr ? sh->rows.rows[h].row : 1;
	if (h < sh->rows.nr) {
		const struct xlsx_row *hr = &sh->rows.rows[h];

		sh->extra = arena_array(r->a, hr->nr + 1, sizeof(*sh->extra));
		for (size_t i = 0; i < hr->nr; i++) {
			const char *t = trim(r->a, hr->cells[i].text);
			size_t k;

			if (!*t)
				continue;
			for (k = 0; k < ncols; k++)
				if (!strcasecmp(t, cols[k].name))
					break;
			if (k == ncols) {
				sh->extra[sh->nextra++] = &hr->cells[i];
				continue;
			}
			if (cols[k].at) {
				cell_error(r, src_at(sh, hr->row, hr->cells[i].col),
					   "a second column \"%s\" (the first is %s)", cols[k].name,
					   ref(r, src_at(sh, hr->row, cols[k].at)));
				ret = -1;
				continue;
			}
			cols[k].at = hr->cells[i].col;
		}
	}
	for (size_t k = 0; k < ncols; k++)
		if (cols[k].required && !cols[k].at) {
			cell_error(r, src_at(sh, 0, 0),
				   "no column \"%s\" in the header row (row %u)", cols[k].name,
				   sh->header_row);
			ret = -1;
		}
	/* A merge keeps its value in its first cell: the rows it covers would lose theirs. */
	if ((m = xlsx_rows_merged(&sh->rows, sh->header_row, NULL, 0))) {
		struct strbuf at = STRBUF_INIT;

		xlsx_range_ref(&at, m);
		cell_error(r, src_at(sh, m->row1, m->col1),
			   "cells %s are merged: only the first holds a value; unmerge them and "
			   "fill in each cell",
			   at.buf);
		strbuf_release(&at);
		ret = -1;
	}
	return ret;
}

static struct catalogue_book_file *add_file(struct reader *r, const char *name, struct ytree *root)
{
	struct catalogue_book *b = r->book;
	struct catalogue_book_file *f;

	b->files = xgrow(b->files, &r->files_alloc, b->nfiles + 1, sizeof(*b->files));
	f = &b->files[b->nfiles++];
	memset(f, 0, sizeof(*f));
	strbuf_init(&f->yaml);
	f->name = arena_strdup(r->a, name);
	f->root = root;
	return f;
}

/* ---- Framework ---- */

enum {
	F_FRAMEWORK,
	F_VERSION,
	F_SOURCE,
	F_LEVELS,
	F_RESP_NOTE = F_LEVELS + LEVEL_COUNT,
	F_RISK_NOTE,
	F_COUNT
};

static const char *const field_names[F_COUNT] = {"framework",
						 "version",
						 "source",
						 "baseline",
						 "intermediate",
						 "advanced",
						 "responsibility note",
						 "inherent risk note"};

struct framework {
	struct sheet sh;
	const struct xlsx_row *rows[F_COUNT];
};

enum { FW_FIELD, FW_EN, FW_ZH };

static int read_framework(struct reader *r, struct framework *fw, struct col *cols)
{
	int ret = open_sheet(r, S_FRAMEWORK, cols, 3, true, &fw->sh);

	if (ret < 0)
		return -1;
	for (size_t i = fw->sh.first; i < fw->sh.rows.nr; i++) {
		const struct xlsx_row *row = &fw->sh.rows.rows[i];
		struct ytree_src s, zs;
		const char *name;
		int f;

		if (!usable_row(r, &fw->sh, row))
			continue;
		name = cell_id(r, &fw->sh, row, FW_FIELD, &s);
		for (f = 0; f < F_COUNT; f++)
			if (!strcasecmp(name, field_names[f]))
				break;
		if (f == F_COUNT) {
			cell_error(r, s,
				   "unknown field \"%s\" (expected framework, version, source, "
				   "baseline, intermediate, advanced, responsibility note or "
				   "inherent risk note)",
				   name);
			continue;
		}
		if (fw->rows[f]) {
			cell_error(r, s, "a second row for \"%s\" (the first is %s)",
				   field_names[f],
				   ref(r, src_at(&fw->sh, fw->rows[f]->row, s.col)));
			continue;
		}
		fw->rows[f] = row;
		if ((f == F_FRAMEWORK || f == F_VERSION) && *cell(&fw->sh, row, FW_ZH, &zs))
			cell_error(r, zs, "the %s has no Chinese version: leave this cell empty",
				   field_names[f]);
	}
	/* Without these the loader would only echo the problem: it is not run. */
	for (int f = 0; f < F_COUNT; f++)
		if (!fw->rows[f] && (f < F_LEVELS + LEVEL_COUNT && f != F_SOURCE)) {
			cell_error(r, src_at(&fw->sh, 0, 0), "no row for the field \"%s\"",
				   field_names[f]);
			ret = -1;
		}
	return ret < 0 ? -1 : 0;
}

/* ---- Domains and Components ---- */

enum { D_ID, D_EN, D_ZH, D_FILE };

static bool reserved_file(const char *name)
{
	static const char *const names[] = {"framework.yaml", "products.yaml",
					    "responsibility.yaml", "inherent-risk.yaml"};

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

static int read_domains(struct reader *r, struct ytree *list)
{
	struct col cols[] = {{"Domain", true, 0},
			     {"Name (en)", true, 0},
			     {"Name (zh)", false, 0},
			     {"File", true, 0}};
	struct sheet sh;

	if (open_sheet(r, S_DOMAINS, cols, 4, true, &sh) < 0) {
		xlsx_rows_release(&sh.rows);
		return -1;
	}
	r->domains = arena_array(r->a, sh.rows.nr + 1, sizeof(*r->domains));
	for (size_t i = sh.first; i < sh.rows.nr; i++) {
		const struct xlsx_row *row = &sh.rows.rows[i];
		struct domain *d = &r->domains[r->ndomains];
		struct ytree *map;
		struct ytree_src fs;
		bool ok = true;

		if (!usable_row(r, &sh, row))
			continue;
		d->id = cell_id(r, &sh, row, D_ID, &d->src);
		d->file = cell_id(r, &sh, row, D_FILE, &fs);
		for (size_t k = 0; k < r->ndomains; k++) {
			if (*d->id && !strcmp(r->domains[k].id, d->id)) {
				cell_error(r, d->src,
					   "a second row for domain %s (the first is %s)", d->id,
					   ref(r, r->domains[k].src));
				ok = false;
			}
			if (*d->file && !strcmp(r->domains[k].file, d->file)) {
				cell_error(r, fs, "file \"%s\" is domain %s's already", d->file,
					   r->domains[k].id);
				ok = false;
			}
		}
		if (reserved_file(d->file)) {
			cell_error(
				r, fs,
				"\"%s\" is the name of another catalogue file: give the domain a file of its own",
				d->file);
			ok = false;
		}
		/* Kept for look-ups, so its rows elsewhere are not reported again. */
		if (!ok) {
			d->ok = false;
			d->components = ytree_seq(r->a, d->src);
			d->principles = ytree_seq(r->a, d->src);
			r->ndomains++;
			r->bad_domains = true;
			continue;
		}
		map = ytree_push(list, ytree_map(r->a, d->src));
		ytree_put(r->a, map, "id", YTREE_NOWHERE, ytree_str(r->a, d->id, d->src));
		ytree_put(r->a, map, "name", YTREE_NOWHERE, text_node(r, &sh, row, D_EN, D_ZH));
		ytree_put(r->a, map, "file", YTREE_NOWHERE, ytree_str(r->a, d->file, fs));
		d->components =
			ytree_put(r->a, map, "components", YTREE_NOWHERE, ytree_seq(r->a, d->src));
		d->principles = ytree_seq(r->a, d->src);
		d->ok = *d->file && !strchr(d->file, '/') && d->file[0] != '.';
		r->ndomains++;
	}
	xlsx_rows_release(&sh.rows);
	return 0;
}

static struct domain *find_domain(struct reader *r, const char *id, size_t len)
{
	for (size_t k = 0; k < r->ndomains; k++)
		if (strlen(r->domains[k].id) == len && !strncmp(r->domains[k].id, id, len))
			return &r->domains[k];
	return NULL;
}

static int read_components(struct reader *r)
{
	struct col cols[] = {
		{"Component", true, 0}, {"Name (en)", true, 0}, {"Name (zh)", false, 0}};
	struct idmap seen = IDMAP_INIT;
	struct ytree_src *first;
	struct sheet sh;

	if (open_sheet(r, S_COMPONENTS, cols, 3, true, &sh) < 0) {
		xlsx_rows_release(&sh.rows);
		return -1;
	}
	first = arena_array(r->a, sh.rows.nr + 1, sizeof(*first));
	for (size_t i = sh.first; i < sh.rows.nr; i++) {
		const struct xlsx_row *row = &sh.rows.rows[i];
		struct ytree_src s;
		const char *id, *dot;
		struct domain *d;
		struct ytree *map;
		size_t k;

		if (!usable_row(r, &sh, row))
			continue;
		id = cell_id(r, &sh, row, 0, &s);
		dot = strchr(id, '.');
		d = dot ? find_domain(r, id, (size_t)(dot - id)) : NULL;
		if (!d) {
			cell_error(r, s,
				   "component \"%s\" is in no domain of sheet %s (expected "
				   "DOMAIN.N)",
				   id, S_DOMAINS);
			continue;
		}
		if (!idmap_get(&seen, id, &k)) {
			cell_error(r, s, "a second row for component %s (the first is %s)", id,
				   ref(r, first[k]));
			continue;
		}
		first[i] = s;
		idmap_put(&seen, id, i);
		map = ytree_push(d->components, ytree_map(r->a, s));
		ytree_put(r->a, map, "id", YTREE_NOWHERE, ytree_str(r->a, id, s));
		ytree_put(r->a, map, "name", YTREE_NOWHERE, text_node(r, &sh, row, 1, 2));
	}
	idmap_release(&seen);
	xlsx_rows_release(&sh.rows);
	return 0;
}

/* ---- Requirements ---- */

enum {
	R_DOMAIN,
	R_COMPONENT,
	R_PRINCIPLE,
	R_NAME_EN,
	R_NAME_ZH,
	R_LEVEL,
	R_REQ_EN,
	R_REQ_ZH,
	R_PRODUCTS,
	R_RESP,
	R_CUST_EN,
	R_CUST_ZH,
	R_PROV_EN,
	R_PROV_ZH,
	R_CERTS,
	R_COUNT
};

/* Splits a list cell at line breaks (and, for ids, commas), each part trimmed, empty parts dropped.
 */
static struct ytree *list_node(struct reader *r, const char *text, struct ytree_src s, bool ids)
{
	struct ytree *seq = ytree_seq(r->a, s);

	for (const char *p = text; *p;) {
		size_t n = strcspn(p, ids ? "\n," : "\n");
		const char *item = trim(r->a, arena_strndup(r->a, p, n));

		if (*item)
			ytree_push(seq, ytree_str(r->a, item, s));
		p += n;
		if (*p)
			p++;
	}
	return seq;
}

static struct ytree *response_node(struct reader *r, const struct sheet *sh,
				   const struct xlsx_row *row)
{
	struct ytree_src s, ps, cs;
	const char *resp = cell_id(r, sh, row, R_RESP, &s);
	const char *products = cell(sh, row, R_PRODUCTS, &ps);
	const char *certs = cell(sh, row, R_CERTS, &cs);
	struct ytree *map;
	bool any = false;

	for (int k = R_PRODUCTS; k < R_COUNT; k++) {
		struct ytree_src ks;

		if (*trim(r->a, cell(sh, row, (size_t)k, &ks)))
			any = true;
	}
	if (!any)
		return NULL;
	map = ytree_map(r->a, s);
	ytree_put(r->a, map, "responsibility", YTREE_NOWHERE, ytree_str(r->a, resp, s));
	ytree_put(r->a, map, "products", YTREE_NOWHERE, list_node(r, products, ps, true));
	ytree_put(r->a, map, "customer", YTREE_NOWHERE,
		  text_node(r, sh, row, R_CUST_EN, R_CUST_ZH));
	ytree_put(r->a, map, "provider", YTREE_NOWHERE,
		  text_node(r, sh, row, R_PROV_EN, R_PROV_ZH));
	if (*trim(r->a, certs))
		ytree_put(r->a, map, "certifications", YTREE_NOWHERE,
			  list_node(r, certs, cs, false));
	return map;
}

/* A principle's own fields, which repeat on each of its rows. */
static const int own_fields[] = {R_DOMAIN,  R_COMPONENT, R_NAME_EN, R_NAME_ZH, R_PRODUCTS, R_RESP,
				 R_CUST_EN, R_CUST_ZH,	 R_PROV_EN, R_PROV_ZH, R_CERTS};

static struct principle *new_principle(struct reader *r, const struct sheet *sh,
				       const struct xlsx_row *row, const char *id,
				       struct ytree_src s, struct principle *p)
{
	struct ytree_src ds, cs, ls;
	const char *dom = cell_id(r, sh, row, R_DOMAIN, &ds);
	const char *comp = cell_id(r, sh, row, R_COMPONENT, &cs);
	const char *dot1 = strchr(id, '.'), *dot2 = dot1 ? strchr(dot1 + 1, '.') : NULL;
	struct domain *d = find_domain(r, dom, strlen(dom));
	struct ytree *map, *resp;

	p->row = row;
	p->domain = SIZE_MAX;
	if (!d) {
		cell_error(r, ds, "domain \"%s\" is not in sheet %s", dom, S_DOMAINS);
		return p;
	}
	if (*comp && dot2 &&
	    (strlen(comp) != (size_t)(dot2 - id) || strncmp(comp, id, strlen(comp))))
		cell_error(r, cs, "principle %s is in component %.*s, not %s", id, (int)(dot2 - id),
			   id, comp);
	p->domain = (size_t)(d - r->domains);
	map = ytree_push(d->principles, ytree_map(r->a, s));
	ytree_put(r->a, map, "id", YTREE_NOWHERE, ytree_str(r->a, id, s));
	ytree_put(r->a, map, "name", YTREE_NOWHERE, text_node(r, sh, row, R_NAME_EN, R_NAME_ZH));
	cell(sh, row, R_LEVEL, &ls);
	p->requirements = ytree_put(r->a, map, "requirements", YTREE_NOWHERE, ytree_map(r->a, ls));
	resp = response_node(r, sh, row);
	if (resp)
		ytree_put(r->a, map, "response", YTREE_NOWHERE, resp);
	return p;
}

static int read_requirements(struct reader *r)
{
	struct col cols[R_COUNT] = {{"Domain", true, 0},	   {"Component", false, 0},
				    {"Principle", true, 0},	   {"Name (en)", true, 0},
				    {"Name (zh)", false, 0},	   {"Level", true, 0},
				    {"Requirement (en)", true, 0}, {"Requirement (zh)", false, 0},
				    {"Products", false, 0},	   {"Responsibility", false, 0},
				    {"Customer (en)", false, 0},   {"Customer (zh)", false, 0},
				    {"Provider (en)", false, 0},   {"Provider (zh)", false, 0},
				    {"Certifications", false, 0}};
	struct idmap ids = IDMAP_INIT;
	struct principle *prin;
	size_t nprin = 0;
	struct sheet sh;

	if (open_sheet(r, S_REQUIREMENTS, cols, R_COUNT, true, &sh) < 0) {
		xlsx_rows_release(&sh.rows);
		return -1;
	}
	prin = arena_array(r->a, sh.rows.nr + 1, sizeof(*prin));
	for (size_t i = sh.first; i < sh.rows.nr; i++) {
		const struct xlsx_row *row = &sh.rows.rows[i];
		struct ytree_src s, ls;
		const char *id, *level;
		struct principle *p;
		size_t k;

		if (!usable_row(r, &sh, row))
			continue;
		id = cell_id(r, &sh, row, R_PRINCIPLE, &s);
		if (!*id) {
			cell_error(r, s, "no principle id in this row");
			continue;
		}
		if (!idmap_get(&ids, id, &k)) {
			p = &prin[k];
			if (p->domain == SIZE_MAX)
				continue;
			for (size_t f = 0; f < sizeof(own_fields) / sizeof(*own_fields); f++) {
				struct ytree_src a, b;
				const char *x = cell(&sh, row, (size_t)own_fields[f], &a);
				const char *y = cell(&sh, p->row, (size_t)own_fields[f], &b);

				if (strcmp(x, y))
					cell_error(r, a,
						   "principle %s's %s differs from its first row's "
						   "(%s): a principle's own fields are the same on "
						   "each of its rows",
						   id, cols[own_fields[f]].name, ref(r, b));
			}
		} else {
			p = new_principle(r, &sh, row, id, s, &prin[nprin]);
			idmap_put(&ids, id, nprin++);
			if (p->domain == SIZE_MAX)
				continue;
		}
		level = cell_id(r, &sh, row, R_LEVEL, &ls);
		{
			const struct ytree *c;

			for (c = p->requirements->first; c; c = c->next)
				if (!strcmp(c->key, level))
					break;
			if (c) {
				cell_error(r, ls, "two rows for requirement %s %s: %s and this one",
					   id, level, ref(r, c->key_src));
				continue;
			}
		}
		ytree_put(r->a, p->requirements, level, ls,
			  text_node(r, &sh, row, R_REQ_EN, R_REQ_ZH));
	}
	idmap_release(&ids);
	xlsx_rows_release(&sh.rows);
	return 0;
}

/* ---- Products, the responsibility model, inherent risk ---- */

static int read_products(struct reader *r)
{
	struct col cols[] = {{"Product", true, 0},	{"Abbreviation", true, 0},
			     {"Name (en)", true, 0},	{"Name (zh)", false, 0},
			     {"Category", true, 0},	{"Summary (en)", true, 0},
			     {"Summary (zh)", false, 0}};
	struct ytree *root, *list;
	struct sheet sh;
	int found = open_sheet(r, S_PRODUCTS, cols, 7, false, &sh);

	if (found <= 0) {
		xlsx_rows_release(&sh.rows);
		return found;
	}
	root = ytree_map(r->a, src_at(&sh, 0, 0));
	list = ytree_put(r->a, root, "products", YTREE_NOWHERE, ytree_seq(r->a, src_at(&sh, 0, 0)));
	for (size_t i = sh.first; i < sh.rows.nr; i++) {
		const struct xlsx_row *row = &sh.rows.rows[i];
		struct ytree *map;

		if (!usable_row(r, &sh, row))
			continue;
		map = ytree_push(list, ytree_map(r->a, src_at(&sh, row->row, cols[0].at)));
		ytree_put(r->a, map, "id", YTREE_NOWHERE, str_node(r, &sh, row, 0, true));
		ytree_put(r->a, map, "abbr", YTREE_NOWHERE, str_node(r, &sh, row, 1, false));
		ytree_put(r->a, map, "name", YTREE_NOWHERE, text_node(r, &sh, row, 2, 3));
		ytree_put(r->a, map, "category", YTREE_NOWHERE, str_node(r, &sh, row, 4, true));
		ytree_put(r->a, map, "summary", YTREE_NOWHERE, text_node(r, &sh, row, 5, 6));
	}
	add_file(r, "products.yaml", root);
	xlsx_rows_release(&sh.rows);
	return 0;
}

/* The note a Framework row gives a file of its own, when there is one. */
static void note(struct reader *r, struct framework *fw, int field, struct ytree *root)
{
	if (fw->rows[field])
		ytree_put(r->a, root, "note", YTREE_NOWHERE,
			  text_node(r, &fw->sh, fw->rows[field], FW_EN, FW_ZH));
}

static int read_responsibility(struct reader *r, struct framework *fw)
{
	struct col mcols[] = {{"Model", true, 0}, {"Name (en)", true, 0}, {"Name (zh)", false, 0}};
	struct col acols[] = {{"Area", true, 0},
			      {"Name (en)", true, 0},
			      {"Name (zh)", false, 0},
			      {"Description (en)", true, 0},
			      {"Description (zh)", false, 0}};
	struct sheet ms, as;
	struct ytree *root, *models, *areas;
	int ret = 0, has_m = open_sheet(r, S_MODELS, mcols, 3, false, &ms);
	int has_a = has_m < 0 ? 0 : open_sheet(r, S_AREAS, acols, 5, false, &as);

	if (has_m < 0 || has_a < 0) {
		ret = -1;
		goto cleanup;
	}
	if (!has_m && !has_a) {
		if (fw->rows[F_RESP_NOTE])
			cell_error(r,
				   src_at(&fw->sh, fw->rows[F_RESP_NOTE]->row,
					  fw->sh.cols[FW_FIELD].at),
				   "a responsibility note, but no sheets \"%s\" and \"%s\"",
				   S_MODELS, S_AREAS);
		goto cleanup;
	}
	if (!has_m || !has_a) {
		cell_error(
			r, YTREE_NOWHERE,
			"no sheet \"%s\" (the workbook has \"%s\": the responsibility model needs both)",
			has_m ? S_AREAS : S_MODELS, has_m ? S_MODELS : S_AREAS);
		goto cleanup;
	}
	root = ytree_map(r->a, src_at(&ms, 0, 0));
	note(r, fw, F_RESP_NOTE, root);
	models = ytree_put(r->a, root, "models", YTREE_NOWHERE, ytree_seq(r->a, src_at(&ms, 0, 0)));
	for (size_t i = ms.first; i < ms.rows.nr; i++) {
		const struct xlsx_row *row = &ms.rows.rows[i];
		struct ytree *map;

		if (!usable_row(r, &ms, row))
			continue;
		map = ytree_push(models, ytree_map(r->a, src_at(&ms, row->row, mcols[0].at)));
		ytree_put(r->a, map, "id", YTREE_NOWHERE, str_node(r, &ms, row, 0, true));
		ytree_put(r->a, map, "name", YTREE_NOWHERE, text_node(r, &ms, row, 1, 2));
	}
	areas = ytree_put(r->a, root, "areas", YTREE_NOWHERE, ytree_seq(r->a, src_at(&as, 0, 0)));
	for (size_t i = as.first; i < as.rows.nr; i++) {
		const struct xlsx_row *row = &as.rows.rows[i];
		struct ytree_src s = src_at(&as, row->row, acols[0].at);
		struct ytree *map, *owner;

		if (!usable_row(r, &as, row))
			continue;
		map = ytree_push(areas, ytree_map(r->a, s));
		ytree_put(r->a, map, "id", YTREE_NOWHERE, str_node(r, &as, row, 0, true));
		ytree_put(r->a, map, "name", YTREE_NOWHERE, text_node(r, &as, row, 1, 2));
		ytree_put(r->a, map, "description", YTREE_NOWHERE, text_node(r, &as, row, 3, 4));
		owner = ytree_put(r->a, map, "owner", YTREE_NOWHERE, ytree_map(r->a, s));
		/* Every other column is a model's: headed by its id, holding who owns the area. */
		for (size_t k = 0; k < as.nextra; k++) {
			const struct xlsx_cell *h = as.extra[k], *c = find_cell(row, h->col);
			struct ytree_src cs = src_at(&as, row->row, h->col);

			ytree_put(r->a, owner, trim(r->a, h->text), src_at(&as, h->row, h->col),
				  ytree_str(r->a, c ? trim(r->a, c->text) : "", cs));
		}
	}
	add_file(r, "responsibility.yaml", root);
cleanup:
	xlsx_rows_release(&ms.rows);
	if (has_m >= 0)
		xlsx_rows_release(&as.rows);
	return ret;
}

enum { K_CAT, K_CAT_EN, K_CAT_ZH, K_ID, K_EN, K_ZH, K_LOW_EN, K_COUNT = K_LOW_EN + 6 };

static int read_risk(struct reader *r, struct framework *fw)
{
	struct col cols[K_COUNT] = {{"Category", true, 0},
				    {"Category name (en)", true, 0},
				    {"Category name (zh)", false, 0},
				    {"Indicator", true, 0},
				    {"Name (en)", true, 0},
				    {"Name (zh)", false, 0},
				    {"Low (en)", true, 0},
				    {"Low (zh)", false, 0},
				    {"Medium (en)", true, 0},
				    {"Medium (zh)", false, 0},
				    {"High (en)", true, 0},
				    {"High (zh)", false, 0}};
	static const char *const ratings[] = {"low", "medium", "high"};
	struct idmap seen = IDMAP_INIT;
	struct ytree *root, *cats, **inds;
	const struct xlsx_row **first;
	struct sheet sh;
	int found = open_sheet(r, S_RISK, cols, K_COUNT, false, &sh);

	if (found <= 0) {
		xlsx_rows_release(&sh.rows);
		return found;
	}
	if (!fw->rows[F_RISK_NOTE])
		cell_error(
			r, src_at(&fw->sh, 0, 0),
			"no row for the field \"inherent risk note\" (the workbook has a sheet \"%s\")",
			S_RISK);
	root = ytree_map(r->a, src_at(&sh, 0, 0));
	note(r, fw, F_RISK_NOTE, root);
	cats = ytree_put(r->a, root, "categories", YTREE_NOWHERE,
			 ytree_seq(r->a, src_at(&sh, 0, 0)));
	inds = arena_array(r->a, sh.rows.nr + 1, sizeof(*inds));
	first = arena_array(r->a, sh.rows.nr + 1, sizeof(*first));
	for (size_t i = sh.first; i < sh.rows.nr; i++) {
		const struct xlsx_row *row = &sh.rows.rows[i];
		struct ytree_src s;
		const char *id;
		struct ytree *map;
		size_t k;

		if (!usable_row(r, &sh, row))
			continue;
		id = cell_id(r, &sh, row, K_CAT, &s);
		if (idmap_get(&seen, id, &k)) {
			struct ytree *c = ytree_push(cats, ytree_map(r->a, s));

			ytree_put(r->a, c, "id", YTREE_NOWHERE, ytree_str(r->a, id, s));
			ytree_put(r->a, c, "name", YTREE_NOWHERE,
				  text_node(r, &sh, row, K_CAT_EN, K_CAT_ZH));
			inds[i] =
				ytree_put(r->a, c, "indicators", YTREE_NOWHERE, ytree_seq(r->a, s));
			first[i] = row;
			idmap_put(&seen, id, i);
			k = i;
		} else {
			for (size_t f = K_CAT_EN; f <= K_CAT_ZH; f++) {
				struct ytree_src a, b;

				if (strcmp(cell(&sh, row, f, &a), cell(&sh, first[k], f, &b)))
					cell_error(r, a,
						   "category %s's %s differs from its first row's "
						   "(%s): a category's own fields are the same on "
						   "each of its rows",
						   id, cols[f].name, ref(r, b));
			}
		}
		map = ytree_push(inds[k], ytree_map(r->a, src_at(&sh, row->row, cols[K_ID].at)));
		ytree_put(r->a, map, "id", YTREE_NOWHERE, str_node(r, &sh, row, K_ID, true));
		ytree_put(r->a, map, "name", YTREE_NOWHERE, text_node(r, &sh, row, K_EN, K_ZH));
		for (size_t g = 0; g < 3; g++)
			ytree_put(r->a, map, ratings[g], YTREE_NOWHERE,
				  text_node(r, &sh, row, K_LOW_EN + 2 * g, K_LOW_EN + 2 * g + 1));
	}
	add_file(r, "inherent-risk.yaml", root);
	idmap_release(&seen);
	xlsx_rows_release(&sh.rows);
	return 0;
}

/* ---- the whole workbook ---- */

static int read_book(struct reader *r)
{
	struct col fcols[] = {{"Field", true, 0}, {"English", true, 0}, {"Chinese", false, 0}};
	struct framework fw;
	struct ytree *root, *levels, *domains;
	struct catalogue_book_file *framework;
	int ret = 0;

	memset(&fw, 0, sizeof(fw));
	if (read_framework(r, &fw, fcols))
		ret = -1;
	root = ytree_map(r->a, src_at(&fw.sh, 0, 0));
	framework = add_file(r, "framework.yaml", root);
	if (fw.rows[F_FRAMEWORK])
		ytree_put(r->a, root, "framework", YTREE_NOWHERE,
			  str_node(r, &fw.sh, fw.rows[F_FRAMEWORK], FW_EN, false));
	if (fw.rows[F_VERSION])
		ytree_put(r->a, root, "version", YTREE_NOWHERE,
			  str_node(r, &fw.sh, fw.rows[F_VERSION], FW_EN, false));
	if (fw.rows[F_SOURCE])
		ytree_put(r->a, root, "source", YTREE_NOWHERE,
			  text_node(r, &fw.sh, fw.rows[F_SOURCE], FW_EN, FW_ZH));
	levels = ytree_put(r->a, root, "levels", YTREE_NOWHERE,
			   ytree_seq(r->a, src_at(&fw.sh, 0, 0)));
	for (int l = 0; l < LEVEL_COUNT; l++) {
		const struct xlsx_row *row = fw.rows[F_LEVELS + l];
		struct ytree_src s;
		struct ytree *map;

		if (!row)
			continue;
		cell(&fw.sh, row, FW_FIELD, &s);
		map = ytree_push(levels, ytree_map(r->a, s));
		ytree_put(r->a, map, "id", YTREE_NOWHERE,
			  ytree_str(r->a, level_name((enum level)l), s));
		ytree_put(r->a, map, "name", YTREE_NOWHERE,
			  text_node(r, &fw.sh, row, FW_EN, FW_ZH));
	}
	domains = ytree_put(r->a, root, "domains", YTREE_NOWHERE, ytree_seq(r->a, YTREE_NOWHERE));
	/* Every sheet is read, so that one run reports every problem. */
	if (read_domains(r, domains))
		ret = -1;
	else {
		domains->src = (struct ytree_src){sheet_index(r, S_DOMAINS), 0, 0};
		if (read_components(r) | read_requirements(r))
			ret = -1;
	}
	if (r->bad_domains)
		ret = -1;
	if (read_products(r) < 0 || read_responsibility(r, &fw) < 0 || read_risk(r, &fw) < 0)
		ret = -1;
	(void)framework;
	for (size_t d = 0; !ret && d < r->ndomains; d++) {
		struct domain *dom = &r->domains[d];
		struct ytree *droot;

		if (!dom->ok)
			continue;
		droot = ytree_map(r->a, dom->src);
		ytree_put(r->a, droot, "domain", YTREE_NOWHERE, ytree_str(r->a, dom->id, dom->src));
		ytree_put(r->a, droot, "principles", YTREE_NOWHERE, dom->principles);
		add_file(r, dom->file, droot);
	}
	xlsx_rows_release(&fw.sh.rows);
	return ret;
}

void catalogue_book_init(struct catalogue_book *book)
{
	memset(book, 0, sizeof(*book));
	arena_init(&book->arena);
}

void catalogue_book_release(struct catalogue_book *book)
{
	for (size_t i = 0; i < book->nfiles; i++) {
		strbuf_release(&book->files[i].yaml);
		ytree_lines_release(&book->files[i].lines);
	}
	free(book->files);
	arena_release(&book->arena);
	catalogue_book_init(book);
}

int catalogue_xlsx_read_buffer(struct catalogue_book *book, const char *file,
			       const unsigned char *buf, size_t len, struct diag_list *dl)
{
	struct reader r;
	int ret;

	memset(&r, 0, sizeof(r));
	r.book = book;
	r.dl = dl;
	r.a = &book->arena;
	book->file = arena_strdup(&book->arena, file);
	if (xlsx_open(&r.xb, file, buf, len, NULL, dl))
		return -1;
	ret = read_book(&r);
	xlsx_close(r.xb);
	return ret;
}

int catalogue_xlsx_read(struct catalogue_book *book, const char *path, struct diag_list *dl)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	struct stat st;
	size_t n;
	int ret;

	if (!f)
		return diag_error(dl, path, 1, 1, 1, NULL, "cannot open the workbook: %s",
				  strerror(errno));
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode)) {
		fclose(f);
		return diag_error(dl, path, 1, 1, 1, NULL,
				  "not a file (expected a workbook saved as .xlsx)");
	}
	if ((size_t)st.st_size > MAX_WORKBOOK) {
		fclose(f);
		return diag_error(dl, path, 1, 1, 1, NULL, "the workbook is larger than %zu MiB",
				  MAX_WORKBOOK >> 20);
	}
	buf = xmalloc((size_t)st.st_size + 1);
	n = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	if (n != (size_t)st.st_size) {
		free(buf);
		return diag_error(dl, path, 1, 1, 1, NULL, "cannot read the workbook");
	}
	ret = catalogue_xlsx_read_buffer(book, path, buf, n, dl);
	free(buf);
	return ret;
}

/* The in-memory loader names a file "<built-in>/NAME": find ours. */
static const struct catalogue_book_file *file_of(const struct catalogue_book *book,
						 const char *label)
{
	const char *slash = strrchr(label, '/');
	const char *name = slash ? slash + 1 : label;

	for (size_t i = 0; i < book->nfiles; i++)
		if (!strcmp(book->files[i].name, name))
			return &book->files[i];
	return NULL;
}

/* The loader's messages name its files; in a workbook, the sheets that hold the same. */
static void in_sheets(struct strbuf *sb, const char *message)
{
	static const char *const from[][2] = {
		{"not in products.yaml", "not in sheet " S_PRODUCTS},
		{"not declared in framework.yaml", "not in sheet " S_COMPONENTS},
	};

	strbuf_adds(sb, message);
	for (size_t i = 0; i < sizeof(from) / sizeof(*from); i++) {
		const char *hit = strstr(strbuf_str(sb), from[i][0]);

		if (hit) {
			struct strbuf out = STRBUF_INIT;

			strbuf_add(&out, sb->buf, (size_t)(hit - sb->buf));
			strbuf_adds(&out, from[i][1]);
			strbuf_adds(&out, hit + strlen(from[i][0]));
			strbuf_reset(sb);
			strbuf_add(sb, out.buf, out.len);
			strbuf_release(&out);
		}
	}
}

int catalogue_xlsx_check(const struct catalogue_book *book, struct catalogue *cat,
			 struct diag_list *dl)
{
	struct catalogue_file *files = xcalloc(book->nfiles + 1, sizeof(*files));
	struct diag_list raw = DIAG_LIST_INIT;
	struct strbuf msg = STRBUF_INIT;
	int ret;

	for (size_t i = 0; i < book->nfiles; i++) {
		files[i].name = book->files[i].name;
		files[i].data = (const unsigned char *)strbuf_str(&book->files[i].yaml);
		files[i].len = book->files[i].yaml.len;
	}
	ret = catalogue_load_files(cat, files, book->nfiles, &raw);
	for (size_t i = 0; i < raw.nr; i++) {
		const struct diag *d = &raw.items[i];
		const struct catalogue_book_file *f = file_of(book, d->file);
		struct strbuf at = STRBUF_INIT;

		if (!f) {
			diag_report(dl, d->severity, d->file, d->line, d->col, d->span, d->excerpt,
				    d->excerpt_col, d->note, d->message);
			continue;
		}
		where(book, ytree_lines_at(&f->lines, d->line, d->col), &at);
		in_sheets(&msg, d->message);
		diag_report(dl, d->severity, at.buf, 0, 0, 1, NULL, 0, d->note, msg.buf);
		strbuf_release(&at);
		strbuf_reset(&msg);
	}
	if (raw.dropped)
		dl->dropped += raw.dropped;
	strbuf_release(&msg);
	diag_list_release(&raw);
	free(files);
	return ret;
}
