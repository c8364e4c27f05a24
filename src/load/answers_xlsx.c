/* Turns an answers workbook into the node tree of an answers file, each node at its cell. */
#include "answers_xlsx_load.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "answers_book.h"
#include "names.h"
#include "date.h"
#include "idmap.h"
#include "strbuf.h"
#include "suggest.h"
#include "xalloc.h"
#include "xlsx_read.h"

/* The header row is looked for among a sheet's first rows: a title may stand above it. */
#define HEADER_SEARCH_ROWS 30

struct bld {
	struct ydoc *doc;
	struct diag_list *dl;
	struct xlsx_book *book;
	int failed; /* a problem was reported; the tree is still built, for the checks */
	int broken; /* a sheet could not be read, or there are no answers: no tree */
};

/* A node under construction: pairs or items collected, then moved into the arena. */
struct coll {
	struct ynode_pair *pairs;
	struct ynode **items;
	size_t nr, alloc;
};

static struct ynode *node_at(struct bld *b, enum ynode_type type, int sheet, unsigned row,
			     unsigned col)
{
	struct ynode *n = arena_alloc(&b->doc->arena, sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->type = (unsigned char)type;
	n->complete = true;
	n->line = (int)row;
	n->col = (int)col;
	n->span = sheet;
	return n;
}

static struct ynode *scalar(struct bld *b, int sheet, unsigned row, unsigned col, const char *s,
			    size_t len, enum yscalar_kind kind)
{
	struct ynode *n = node_at(b, YNODE_SCALAR, sheet, row, col);

	n->kind = (unsigned char)kind;
	n->str = arena_strndup(&b->doc->arena, s, len);
	n->len = (uint32_t)len;
	return n;
}

static void coll_pair(struct coll *c, struct ynode *key, struct ynode *value)
{
	c->pairs = xgrow(c->pairs, &c->alloc, c->nr + 1, sizeof(*c->pairs));
	c->pairs[c->nr++] = (struct ynode_pair){key, value};
}

static void coll_item(struct coll *c, struct ynode *item)
{
	c->items = xgrow(c->items, &c->alloc, c->nr + 1, sizeof(*c->items));
	c->items[c->nr++] = item;
}

/* The collected pairs or items as a node; c is emptied. */
static struct ynode *coll_finish(struct bld *b, struct coll *c, enum ynode_type type, int sheet,
				 unsigned row, unsigned col)
{
	struct ynode *n = node_at(b, type, sheet, row, col);

	n->nr = (uint32_t)c->nr;
	if (type == YNODE_MAPPING) {
		n->pairs = arena_array(&b->doc->arena, c->nr ? c->nr : 1, sizeof(*n->pairs));
		if (c->nr)
			memcpy(n->pairs, c->pairs, c->nr * sizeof(*n->pairs));
	} else {
		n->items = arena_array(&b->doc->arena, c->nr ? c->nr : 1, sizeof(*n->items));
		if (c->nr)
			memcpy(n->items, c->items, c->nr * sizeof(*n->items));
	}
	free(c->pairs);
	free(c->items);
	memset(c, 0, sizeof(*c));
	return n;
}

__attribute__((format(printf, 5, 6))) static void cell_error(struct bld *b, int sheet, unsigned row,
							     unsigned col, const char *fmt, ...)
{
	struct ynode at = {.line = (int)row, .col = (int)col, .span = sheet};
	struct strbuf msg = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	ydoc_error(b->doc, b->dl, &at, "%s", strbuf_str(&msg));
	strbuf_release(&msg);
	b->failed = 1;
}

static void ref(struct strbuf *sb, struct bld *b, int sheet, unsigned row, unsigned col)
{
	xlsx_ref(sb, b->doc->sheets[sheet - 1], row, col);
}

/*
 * A sheet's position in doc->sheets, plus one; 0 when the workbook has none
 * of that name. Names match whatever their case, so two that differ only in
 * case are refused: reading one would ignore the answers in the other.
 */
static int find_sheet(struct bld *b, const char *name)
{
	int found = 0;

	for (size_t i = 0; i < b->doc->nsheets; i++) {
		if (strcasecmp(b->doc->sheets[i], name))
			continue;
		if (found) {
			cell_error(b, 0, 0, 0,
				   "two sheets are named \"%s\" (\"%s\" and \"%s\"): keep one",
				   name, b->doc->sheets[found - 1], b->doc->sheets[i]);
			b->broken = 1;
			return found;
		}
		found = (int)i + 1;
	}
	return found;
}

static bool blank(const struct xlsx_cell *c)
{
	return !c || !c->text[strspn(c->text, " \t\r\n")];
}

/* A cell's text with the white space around it cut: ids, levels, statuses, ratings. */
static struct ynode *word(struct bld *b, int sheet, const struct xlsx_cell *c)
{
	const char *s = c->text + strspn(c->text, " \t\r\n");
	size_t n = strlen(s);

	while (n && strchr(" \t\r\n", s[n - 1]))
		n--;
	return scalar(b, sheet, c->row, c->col, s, n, YSCALAR_STRING);
}

/* Free text, as typed. */
static struct ynode *text(struct bld *b, int sheet, const struct xlsx_cell *c)
{
	return scalar(b, sheet, c->row, c->col, c->text, c->len, YSCALAR_STRING);
}

/* A date: a serial number (formatted as a date or not), or text for the checks to read. */
static struct ynode *date_cell(struct bld *b, int sheet, const struct xlsx_cell *c)
{
	struct date d;
	char buf[16];

	if (c->type == XLSX_NUMBER && !xlsx_serial_date(c->text, xlsx_date_system(b->book), &d)) {
		date_format(&d, buf);
		return scalar(b, sheet, c->row, c->col, buf, strlen(buf), YSCALAR_STRING);
	}
	return word(b, sheet, c);
}

/*
 * A formula's error value (#N/A) is not an answer, and neither is a formula
 * whose result the file does not hold: either would be read as blank.
 */
static bool error_value(struct bld *b, int sheet, const struct xlsx_cell *c)
{
	if (c && c->type == XLSX_FORMULA)
		cell_error(b, sheet, c->row, c->col,
			   "the cell holds a formula whose result the file does not keep (the "
			   "program that saved it does not calculate): type the value in, or save "
			   "the workbook from Excel or LibreOffice");
	else if (c && c->type == XLSX_ERROR)
		cell_error(b, sheet, c->row, c->col,
			   "the cell holds the error value %s, not an answer (type the value in)",
			   c->text);
	else
		return false;
	return true;
}

/* One column a sheet may have: its key (book_header_key form) and what it is. */
struct colname {
	const char *key;
	int col; /* the layout's column; -1: read-only text, not read back */
};

/* Where each column of the layout is: header cells found by name. */
struct header {
	unsigned row;	  /* the header row; 0: not found */
	unsigned at[16];  /* the sheet column of each layout column; 0: absent */
	unsigned max_col; /* columns past the last known one are not looked at */
};

/*
 * Finds the header row of rows: the first of the top rows holding every
 * column of need. Each other header cell must name a known column: an
 * unknown one would be an answer read by nobody.
 */
static int find_header(struct bld *b, int sheet, const struct xlsx_rows *rows,
		       const struct colname *names, size_t nnames, const int *need, size_t nneed,
		       struct header *h)
{
	struct strbuf key = STRBUF_INIT;
	size_t r;

	memset(h, 0, sizeof(*h));
	for (r = 0; r < rows->nr && rows->rows[r].row <= HEADER_SEARCH_ROWS; r++) {
		const struct xlsx_row *row = &rows->rows[r];
		size_t found = 0;

		for (size_t k = 0; k < nneed; k++)
			for (size_t i = 0; i < row->nr; i++) {
				strbuf_reset(&key);
				book_header_key(&key, row->cells[i].text, row->cells[i].len);
				for (size_t n = 0; n < nnames; n++)
					if (names[n].col == need[k] &&
					    !strcmp(key.buf, names[n].key))
						found++, i = row->nr;
			}
		if (found == nneed)
			break;
	}
	if (r == rows->nr || rows->rows[r].row > HEADER_SEARCH_ROWS) {
		strbuf_release(&key);
		return -1;
	}
	h->row = rows->rows[r].row;
	for (size_t i = 0; i < rows->rows[r].nr; i++) {
		const struct xlsx_cell *c = &rows->rows[r].cells[i];
		const char *keys[64];
		size_t n, nkeys = 0;

		if (blank(c))
			continue;
		strbuf_reset(&key);
		book_header_key(&key, c->text, c->len);
		for (n = 0; n < nnames; n++)
			if (!strcmp(key.buf, names[n].key))
				break;
		if (n == nnames) {
			struct strbuf list = STRBUF_INIT;
			const char *near;

			for (size_t k = 0; k < nnames && nkeys < 64; k++)
				keys[nkeys++] = names[k].key;
			for (size_t k = 0; k < nkeys; k++)
				strbuf_addf(&list, "%s%s", k ? ", " : "", keys[k]);
			near = diag_list_full(b->dl) ? NULL : suggest_nearest(key.buf, keys, nkeys);
			cell_error(b, sheet, c->row, c->col,
				   "unknown column \"%s\" (%s%s%sexpected one of: %s; keep other "
				   "material on a sheet of its own)",
				   c->text, near ? "did you mean \"" : "", near ? near : "",
				   near ? "\"? " : "", list.buf);
			strbuf_release(&list);
			continue;
		}
		if (names[n].col < 0)
			continue;
		if (h->at[names[n].col]) {
			struct strbuf first = STRBUF_INIT;

			ref(&first, b, sheet, h->row, h->at[names[n].col]);
			cell_error(b, sheet, c->row, c->col,
				   "column \"%s\" appears twice (also at %s): which one holds the "
				   "answers?",
				   c->text, first.buf);
			strbuf_release(&first);
			continue;
		}
		h->at[names[n].col] = c->col;
		if (c->col > h->max_col)
			h->max_col = c->col;
	}
	strbuf_release(&key);
	return 0;
}

/*
 * A merge over the layout's cells below the header keeps its value in its
 * first cell only: the others would read as unanswered. Reported; true if so.
 */
static bool merged(struct bld *b, int sheet, const struct xlsx_rows *rows, const struct header *h,
		   size_t ncols)
{
	const struct xlsx_range *m = xlsx_rows_merged(rows, h->row, h->at, ncols);
	struct strbuf at = STRBUF_INIT, first = STRBUF_INIT;

	if (!m)
		return false;
	xlsx_range_ref(&at, m);
	xlsx_col_name(&first, m->col1);
	cell_error(b, sheet, m->row1, m->col1,
		   "cells %s are merged: only %s%u holds a value and the others would read as "
		   "blank; unmerge them and fill in each cell",
		   at.buf, first.buf, m->row1);
	strbuf_release(&first);
	strbuf_release(&at);
	return true;
}

/* The cells of row in the layout's columns (NULL where empty; an unsaved formula is kept, to be
 * reported). */
static void row_cells(const struct header *h, const struct xlsx_row *row,
		      const struct xlsx_cell **out, size_t ncols)
{
	for (size_t k = 0; k < ncols; k++)
		out[k] = NULL;
	for (size_t i = 0; i < row->nr; i++)
		for (size_t k = 0; k < ncols; k++)
			if (h->at[k] && h->at[k] == row->cells[i].col &&
			    (row->cells[i].len || row->cells[i].type == XLSX_FORMULA))
				out[k] = &row->cells[i];
}

static struct ynode *key_at(struct bld *b, int sheet, unsigned row, unsigned col, const char *k)
{
	return scalar(b, sheet, row, col, k, strlen(k), YSCALAR_STRING);
}

/* s (n bytes) without the spaces and tabs around it. */
static const char *trim(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t'))
		s++, (*n)--;
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	return s;
}

/* The first " | " in s (n bytes), or NULL. */
static const char *find_bar(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == ' ' && s[i + 1] == '|' && s[i + 2] == ' ')
			return s + i;
	return NULL;
}

/*
 * "file: PATH | DATE | TITLE" (TITLE optional, and all the rest of the
 * line): a file item, as the mapping {file, date, title} a YAML answers
 * file gives, so that the same checks apply (docs/answers.md).
 */
static struct ynode *file_item(struct bld *b, int sheet, const struct xlsx_cell *c, const char *p,
			       size_t n)
{
	static const char *const keys[] = {"file", "date", "title"};
	struct coll m = {0};

	p += 5;
	n -= 5;
	for (size_t k = 0; k < 3 && n; k++) {
		const char *bar = k < 2 ? find_bar(p, n) : NULL;
		size_t len = bar ? (size_t)(bar - p) : n, tl = len;
		const char *t = trim(p, &tl);

		coll_pair(&m, key_at(b, sheet, c->row, c->col, keys[k]),
			  scalar(b, sheet, c->row, c->col, t, tl, YSCALAR_STRING));
		if (!bar)
			break;
		p = bar + 3;
		n -= len + 3;
	}
	return coll_finish(b, &m, YNODE_MAPPING, sheet, c->row, c->col);
}

/* Evidence: one item a line, text or a file ("file: ..."); blank lines are no item. */
static struct ynode *evidence(struct bld *b, int sheet, const struct xlsx_cell *c)
{
	struct coll items = {0};
	const char *p = c->text, *end = c->text + c->len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		size_t n = (size_t)(e - p);

		bool words = false;

		if (n && p[n - 1] == '\r')
			n--;
		for (size_t i = 0; i < n && !words; i++)
			words = !strchr(" \t\r", p[i]);
		if (words && n >= 5 && !memcmp(p, "file:", 5))
			coll_item(&items, file_item(b, sheet, c, p, n));
		else if (words)
			coll_item(&items, scalar(b, sheet, c->row, c->col, p, n, YSCALAR_STRING));
		p = nl ? nl + 1 : end;
	}
	return coll_finish(b, &items, YNODE_SEQUENCE, sheet, c->row, c->col);
}

/* One row's answer: a bare status, or the long form with what else the row gives. */
static struct ynode *answer(struct bld *b, int sheet, unsigned row, const struct header *h,
			    const struct xlsx_cell **c)
{
	struct coll m = {0}, rem = {0};
	unsigned scol = h->at[BOOK_STATUS];
	bool more = false;

	for (int k = BOOK_EVIDENCE; k < BOOK_NCOLS; k++)
		more |= !blank(c[k]);
	if (!more && c[BOOK_STATUS])
		return word(b, sheet, c[BOOK_STATUS]);
	if (c[BOOK_STATUS])
		coll_pair(&m, key_at(b, sheet, row, scol, "status"),
			  word(b, sheet, c[BOOK_STATUS]));
	if (!blank(c[BOOK_EVIDENCE]))
		coll_pair(&m, key_at(b, sheet, row, h->at[BOOK_EVIDENCE], "evidence"),
			  evidence(b, sheet, c[BOOK_EVIDENCE]));
	if (c[BOOK_NOTE])
		coll_pair(&m, key_at(b, sheet, row, h->at[BOOK_NOTE], "note"),
			  text(b, sheet, c[BOOK_NOTE]));
	if (c[BOOK_ACTION])
		coll_pair(&rem, key_at(b, sheet, row, h->at[BOOK_ACTION], "action"),
			  text(b, sheet, c[BOOK_ACTION]));
	if (c[BOOK_OWNER])
		coll_pair(&rem, key_at(b, sheet, row, h->at[BOOK_OWNER], "owner"),
			  text(b, sheet, c[BOOK_OWNER]));
	if (c[BOOK_DUE])
		coll_pair(&rem, key_at(b, sheet, row, h->at[BOOK_DUE], "due"),
			  date_cell(b, sheet, c[BOOK_DUE]));
	if (rem.nr) {
		/* Placed at the action, so "missing action" names the cell to fill. */
		unsigned col = h->at[BOOK_ACTION]  ? h->at[BOOK_ACTION]
			       : h->at[BOOK_OWNER] ? h->at[BOOK_OWNER]
						   : h->at[BOOK_DUE];

		coll_pair(&m, key_at(b, sheet, row, col, "remediation"),
			  coll_finish(b, &rem, YNODE_MAPPING, sheet, row, col));
	}
	if (c[BOOK_EXPIRES])
		coll_pair(&m, key_at(b, sheet, row, h->at[BOOK_EXPIRES], "expires"),
			  date_cell(b, sheet, c[BOOK_EXPIRES]));
	/* Placed at the status cell: "missing status" and "needs a note" name that row's status. */
	return coll_finish(b, &m, YNODE_MAPPING, sheet, row, scol);
}

/* A principle as its rows give it: one answer for all levels, or one per level. */
struct principle {
	struct ynode *key;
	struct ynode *single; /* the answer of a row with no level */
	unsigned single_row;
	struct coll levels;
};

static bool all_levels(const struct xlsx_cell *c)
{
	struct strbuf k = STRBUF_INIT;
	bool all;

	if (blank(c))
		return true;
	book_header_key(&k, c->text, c->len);
	all = !strcmp(k.buf, BOOK_ALL_LEVELS) || !strcmp(k.buf, "all");
	strbuf_release(&k);
	return all;
}

static bool unanswered_only(const struct xlsx_cell **c)
{
	struct strbuf k = STRBUF_INIT;
	bool only;

	for (int i = BOOK_EVIDENCE; i < BOOK_NCOLS; i++)
		if (!blank(c[i]))
			return false;
	if (blank(c[BOOK_STATUS]))
		return false;
	book_header_key(&k, c[BOOK_STATUS]->text, c[BOOK_STATUS]->len);
	only = !strcmp(k.buf, "unanswered");
	strbuf_release(&k);
	return only;
}

static const struct colname answer_names[] = {
	{"id", BOOK_ID},	 {"control id", BOOK_ID},
	{"domain", -1},		 {"principle", -1},
	{"level", BOOK_LEVEL},	 {"requirement", -1},
	{"status", BOOK_STATUS}, {"evidence", BOOK_EVIDENCE},
	{"note", BOOK_NOTE},	 {"remediation action", BOOK_ACTION},
	{"action", BOOK_ACTION}, {"remediation owner", BOOK_OWNER},
	{"owner", BOOK_OWNER},	 {"remediation due", BOOK_DUE},
	{"due", BOOK_DUE},	 {"expires", BOOK_EXPIRES},
};

/* The Answers sheet as the answers mapping: control ids, then levels. */
static struct ynode *read_answers(struct bld *b, int sheet)
{
	static const int need[] = {BOOK_ID, BOOK_STATUS};
	const char *name = b->doc->sheets[sheet - 1];
	struct xlsx_rows rows = {0};
	struct header h;
	struct idmap ids = IDMAP_INIT, seen = IDMAP_INIT;
	struct principle *ps = NULL;
	size_t nps = 0, aps = 0;
	struct coll answers = {0};
	struct ynode *out = NULL;

	if (xlsx_read_rows(b->book, name, &rows, b->dl)) {
		b->broken = 1;
		goto cleanup;
	}
	if (find_header(b, sheet, &rows, answer_names, ARRAY_SIZE(answer_names), need,
			ARRAY_SIZE(need), &h)) {
		cell_error(b, sheet, 1, 0,
			   "no header row with \"ID\" and \"Status\" columns in the first %d rows "
			   "(start from the workbook 'craf init --format xlsx' writes)",
			   HEADER_SEARCH_ROWS);
		b->broken = 1;
		goto cleanup;
	}
	if (merged(b, sheet, &rows, &h, BOOK_NCOLS)) {
		b->broken = 1;
		goto cleanup;
	}
	for (size_t r = 0; r < rows.nr; r++) {
		const struct xlsx_row *row = &rows.rows[r];
		const struct xlsx_cell *c[BOOK_NCOLS];
		struct principle *p;
		struct ynode *value;
		bool given = false, bad = false;
		size_t at;

		if (row->row <= h.row)
			continue;
		row_cells(&h, row, c, BOOK_NCOLS);
		for (int k = 0; k < BOOK_NCOLS; k++)
			bad |= error_value(b, sheet, c[k]);
		for (int k = BOOK_STATUS; k < BOOK_NCOLS; k++)
			given |= !blank(c[k]);
		/*
		 * "unanswered" alone is the template's placeholder, not an answer:
		 * part files made from one template must not all claim every row.
		 */
		if (bad || !given || unanswered_only(c))
			continue;
		if (blank(c[BOOK_ID])) {
			cell_error(b, sheet, row->row, h.at[BOOK_ID],
				   "this row has an answer but no requirement id");
			continue;
		}
		value = answer(b, sheet, row->row, &h, c);
		{
			struct ynode *id = word(b, sheet, c[BOOK_ID]);

			if (idmap_get(&ids, id->str, &at)) {
				ps = xgrow(ps, &aps, nps + 1, sizeof(*ps));
				at = nps++;
				memset(&ps[at], 0, sizeof(ps[at]));
				ps[at].key = id;
				idmap_put(&ids, id->str, at);
			}
		}
		p = &ps[at];
		if (all_levels(c[BOOK_LEVEL])) {
			if (p->single || p->levels.nr) {
				struct strbuf other = STRBUF_INIT;

				ref(&other, b, sheet,
				    p->single ? p->single_row
					      : (unsigned)p->levels.pairs[0].key->line,
				    h.at[BOOK_ID]);
				cell_error(b, sheet, row->row, h.at[BOOK_ID],
					   "%s is answered twice: here and at %s (keep one row)",
					   p->key->str, other.buf);
				strbuf_release(&other);
				continue;
			}
			p->single = value;
			p->single_row = row->row;
			continue;
		}
		{
			struct ynode *lk = word(b, sheet, c[BOOK_LEVEL]);
			size_t klen = strlen(p->key->str) + lk->len + 2;
			char *k = arena_alloc(&b->doc->arena, klen);
			size_t first;

			snprintf(k, klen, "%s\n%s", p->key->str, lk->str);
			if (p->single || !idmap_get(&seen, k, &first)) {
				struct strbuf other = STRBUF_INIT;

				ref(&other, b, sheet, p->single ? p->single_row : (unsigned)first,
				    h.at[BOOK_ID]);
				cell_error(b, sheet, row->row, h.at[BOOK_ID],
					   "%s %s is answered twice: here and at %s (keep one row)",
					   p->key->str, p->single ? "(all levels)" : lk->str,
					   other.buf);
				strbuf_release(&other);
				continue;
			}
			idmap_put(&seen, k, row->row);
			coll_pair(&p->levels, lk, value);
		}
	}
	for (size_t i = 0; i < nps; i++) {
		struct principle *p = &ps[i];

		if (p->single)
			coll_pair(&answers, p->key, p->single);
		else
			coll_pair(&answers, p->key,
				  coll_finish(b, &p->levels, YNODE_MAPPING, sheet,
					      (unsigned)p->key->line, (unsigned)p->key->col));
	}
	out = coll_finish(b, &answers, YNODE_MAPPING, sheet, 1, 0);
cleanup:
	for (size_t i = 0; i < nps; i++) {
		free(ps[i].levels.pairs);
		free(ps[i].levels.items);
	}
	free(ps);
	idmap_release(&ids);
	idmap_release(&seen);
	xlsx_rows_release(&rows);
	return out;
}

static const struct colname risk_names[] = {
	{"category", BOOK_RISK_CATEGORY}, {"indicator", BOOK_RISK_INDICATOR},
	{"name", BOOK_RISK_INDICATOR},	  {"rating", BOOK_RISK_RATING},
	{"note", BOOK_RISK_NOTE},	  {"low looks like", -1},
	{"medium looks like", -1},	  {"high looks like", -1},
};

/* The Inherent risk sheet's rated rows as indicators; NULL when none is rated. */
static struct ynode *read_indicators(struct bld *b, int sheet)
{
	static const int need[] = {BOOK_RISK_CATEGORY, BOOK_RISK_RATING};
	struct xlsx_rows rows = {0};
	struct header h;
	struct coll items = {0};
	struct ynode *out = NULL;

	if (xlsx_read_rows(b->book, b->doc->sheets[sheet - 1], &rows, b->dl)) {
		b->broken = 1;
		goto cleanup;
	}
	if (find_header(b, sheet, &rows, risk_names, ARRAY_SIZE(risk_names), need, ARRAY_SIZE(need),
			&h)) {
		cell_error(b, sheet, 1, 0,
			   "no header row with \"Category\" and \"Rating\" columns in the first %d "
			   "rows",
			   HEADER_SEARCH_ROWS);
		b->broken = 1;
		goto cleanup;
	}
	if (merged(b, sheet, &rows, &h, BOOK_RISK_NCOLS)) {
		b->broken = 1;
		goto cleanup;
	}
	for (size_t r = 0; r < rows.nr; r++) {
		const struct xlsx_row *row = &rows.rows[r];
		const struct xlsx_cell *c[BOOK_RISK_NCOLS];
		struct coll m = {0};
		bool bad = false;

		if (row->row <= h.row)
			continue;
		row_cells(&h, row, c, BOOK_RISK_NCOLS);
		for (int k = 0; k < BOOK_RISK_NCOLS; k++)
			bad |= error_value(b, sheet, c[k]);
		/* A row nobody rated is an indicator not used; a note alone is a rating forgotten.
		 */
		if (bad || (blank(c[BOOK_RISK_RATING]) && blank(c[BOOK_RISK_NOTE])))
			continue;
		if (c[BOOK_RISK_CATEGORY])
			coll_pair(&m,
				  key_at(b, sheet, row->row, h.at[BOOK_RISK_CATEGORY], "category"),
				  word(b, sheet, c[BOOK_RISK_CATEGORY]));
		if (c[BOOK_RISK_INDICATOR])
			coll_pair(&m, key_at(b, sheet, row->row, h.at[BOOK_RISK_INDICATOR], "name"),
				  text(b, sheet, c[BOOK_RISK_INDICATOR]));
		if (c[BOOK_RISK_RATING])
			coll_pair(&m, key_at(b, sheet, row->row, h.at[BOOK_RISK_RATING], "rating"),
				  word(b, sheet, c[BOOK_RISK_RATING]));
		if (c[BOOK_RISK_NOTE])
			coll_pair(&m, key_at(b, sheet, row->row, h.at[BOOK_RISK_NOTE], "note"),
				  text(b, sheet, c[BOOK_RISK_NOTE]));
		coll_item(&items, coll_finish(b, &m, YNODE_MAPPING, sheet, row->row,
					      h.at[BOOK_RISK_RATING]));
	}
	if (items.nr)
		out = coll_finish(b, &items, YNODE_SEQUENCE, sheet, h.row, 0);
cleanup:
	free(items.items);
	xlsx_rows_release(&rows);
	return out;
}

/* The Assessment sheet's fields, as cells by field (NULL: empty); unknown fields go to extra. */
struct fields {
	const struct xlsx_cell *value[BOOK_NFIELDS];
	unsigned row[BOOK_NFIELDS];
	unsigned vcol[BOOK_NFIELDS]; /* the Value column */
	struct xlsx_rows rows;
};

static void read_fields(struct bld *b, int sheet, struct fields *f, struct coll *extra)
{
	static const struct colname names[] = {{"field", 0}, {"value", 1}};
	struct strbuf key = STRBUF_INIT;
	struct header h;

	if (xlsx_read_rows(b->book, b->doc->sheets[sheet - 1], &f->rows, b->dl)) {
		b->broken = 1;
		return;
	}
	/* Only the Field and Value columns are read: a guidance column beside them is welcome. */
	memset(&h, 0, sizeof(h));
	for (size_t r = 0; r < f->rows.nr && !h.row; r++) {
		const struct xlsx_row *row = &f->rows.rows[r];

		for (size_t i = 0; i < row->nr; i++) {
			strbuf_reset(&key);
			book_header_key(&key, row->cells[i].text, row->cells[i].len);
			for (size_t n = 0; n < ARRAY_SIZE(names); n++)
				if (!strcmp(key.buf, names[n].key) && !h.at[names[n].col])
					h.at[names[n].col] = row->cells[i].col;
		}
		if (h.at[0] && h.at[1])
			h.row = row->row;
		else
			h.at[0] = h.at[1] = 0;
	}
	if (!h.row) {
		cell_error(b, sheet, 1, 0,
			   "no header row with \"Field\" and \"Value\" columns (start from the "
			   "workbook 'craf init --format xlsx' writes)");
		b->broken = 1;
		goto cleanup;
	}
	if (merged(b, sheet, &f->rows, &h, 2)) {
		b->broken = 1;
		goto cleanup;
	}
	for (size_t r = 0; r < f->rows.nr; r++) {
		const struct xlsx_row *row = &f->rows.rows[r];
		const struct xlsx_cell *c[2];
		bool bad;
		size_t n;

		if (row->row <= h.row)
			continue;
		row_cells(&h, row, c, 2);
		bad = error_value(b, sheet, c[0]);
		bad |= error_value(b, sheet, c[1]);
		if (bad)
			continue;
		if (blank(c[0]) && blank(c[1]))
			continue;
		if (blank(c[0])) {
			cell_error(b, sheet, row->row, h.at[0],
				   "a value with no field name beside it");
			continue;
		}
		strbuf_reset(&key);
		book_header_key(&key, c[0]->text, c[0]->len);
		for (char *p = key.buf; *p; p++)
			if (*p == ' ')
				*p = '_';
		for (n = 0; n < BOOK_NFIELDS; n++)
			if (!strcmp(key.buf, book_field_keys[n]))
				break;
		if (n == BOOK_NFIELDS) {
			/* The checks name it and suggest the nearest field. */
			if (!blank(c[1]))
				coll_pair(extra,
					  scalar(b, sheet, row->row, c[0]->col, key.buf, key.len,
						 YSCALAR_STRING),
					  text(b, sheet, c[1]));
			continue;
		}
		if (f->row[n]) {
			struct strbuf other = STRBUF_INIT;

			ref(&other, b, sheet, f->row[n], h.at[0]);
			cell_error(b, sheet, row->row, c[0]->col,
				   "field \"%s\" is given twice: here and at %s (keep one)",
				   book_fields[n], other.buf);
			strbuf_release(&other);
			continue;
		}
		f->row[n] = row->row;
		f->vcol[n] = h.at[1];
		f->value[n] = c[1];
	}
cleanup:
	strbuf_release(&key);
}

static void add_field(struct bld *b, int sheet, struct coll *root, const struct fields *f, int n,
		      struct ynode *value)
{
	coll_pair(root,
		  key_at(b, sheet, f->row[n], f->vcol[n] > 1 ? f->vcol[n] - 1 : 1,
			 book_field_keys[n]),
		  value);
}

/* A required field's row left empty: an empty value at its cell, for the checks to name. */
static struct ynode *empty_at(struct bld *b, int sheet, const struct fields *f, int n)
{
	return scalar(b, sheet, f->row[n], f->vcol[n], "", 0, YSCALAR_NULL);
}

/* inherent_risk: a rating on the Assessment sheet, or the indicators, maybe overridden. */
static struct ynode *inherent_risk(struct bld *b, int hs, const struct fields *f, int rs,
				   struct ynode *indicators)
{
	const struct xlsx_cell *stated = f->value[BOOK_F_INHERENT_RISK];
	const struct xlsx_cell *ov = f->value[BOOK_F_OVERRIDE];
	const struct xlsx_cell *just = f->value[BOOK_F_JUSTIFICATION];
	struct coll m = {0}, o = {0};

	if (!indicators) {
		if (!blank(ov) || !blank(just)) {
			const struct xlsx_cell *c = blank(ov) ? just : ov;

			cell_error(b, hs, c->row, c->col,
				   "an override needs indicators to override: rate them on the "
				   "\"%s\" sheet, or give the rating as \"%s\"",
				   BOOK_SHEET_RISK, book_fields[BOOK_F_INHERENT_RISK]);
		}
		return stated ? word(b, hs, stated) : NULL;
	}
	if (!blank(stated))
		cell_error(b, hs, stated->row, stated->col,
			   "the inherent risk is given both here and by the indicators on the "
			   "\"%s\" sheet: keep one",
			   BOOK_SHEET_RISK);
	coll_pair(&m, key_at(b, rs, (unsigned)indicators->line, 1, "indicators"), indicators);
	if (!blank(ov) || !blank(just)) {
		const struct xlsx_cell *c = blank(ov) ? just : ov;

		if (!blank(ov))
			coll_pair(&o, key_at(b, hs, ov->row, ov->col, "rating"), word(b, hs, ov));
		if (!blank(just))
			coll_pair(&o, key_at(b, hs, just->row, just->col, "justification"),
				  text(b, hs, just));
		coll_pair(&m, key_at(b, hs, c->row, c->col, "override"),
			  coll_finish(b, &o, YNODE_MAPPING, hs, c->row, c->col));
	}
	return coll_finish(b, &m, YNODE_MAPPING, rs, (unsigned)indicators->line, 0);
}

int answers_xlsx_parse(struct ydoc *doc, struct diag_list *dl)
{
	struct bld b = {doc, dl, NULL, 0, 0};
	struct fields f;
	struct coll root = {0}, extra = {0};
	struct ynode *answers = NULL, *indicators = NULL, *ir;
	const char **sheets;
	int hs, rs, as;
	bool header;
	size_t errors_before = dl->errors;

	memset(&f, 0, sizeof(f));
	if (xlsx_open(&b.book, doc->name, (const unsigned char *)doc->data, doc->len, NULL, dl))
		return -1;
	doc->nsheets = xlsx_sheet_count(b.book);
	sheets = arena_array(&doc->arena, doc->nsheets ? doc->nsheets : 1, sizeof(*sheets));
	for (size_t i = 0; i < doc->nsheets; i++)
		sheets[i] = arena_strdup(&doc->arena, xlsx_sheet_name(b.book, i));
	doc->sheets = sheets;
	hs = find_sheet(&b, BOOK_SHEET_HEADER);
	rs = find_sheet(&b, BOOK_SHEET_RISK);
	as = find_sheet(&b, BOOK_SHEET_ANSWERS);
	if (hs)
		read_fields(&b, hs, &f, &extra);
	if (rs)
		indicators = read_indicators(&b, rs);
	if (as) {
		answers = read_answers(&b, as);
	} else {
		struct strbuf list = STRBUF_INIT;

		for (size_t i = 0; i < doc->nsheets; i++)
			strbuf_addf(&list, "%s\"%s\"", i ? ", " : "", sheets[i]);
		cell_error(&b, 0, 0, 0,
			   "no \"%s\" sheet (the workbook has %s): an answers workbook keeps its "
			   "answers there",
			   BOOK_SHEET_ANSWERS, doc->nsheets ? list.buf : "no sheets");
		strbuf_release(&list);
		b.broken = 1;
	}
	/* The same keys in the same order as an answers file in YAML. */
	if (f.value[BOOK_F_VERSION]) {
		const struct xlsx_cell *c = f.value[BOOK_F_VERSION];
		struct ynode *v = word(&b, hs, c);

		v->kind = v->str[0] && !v->str[strspn(v->str, "0123456789")] ? YSCALAR_INT
									     : YSCALAR_STRING;
		add_field(&b, hs, &root, &f, BOOK_F_VERSION, v);
	} else {
		coll_pair(&root, key_at(&b, hs, 1, 0, "version"),
			  scalar(&b, hs, 1, 0, "1", 1, YSCALAR_INT));
	}
	/* An Assessment sheet left empty makes a part file: no header (docs/answers.md). */
	header = false;
	for (int n = 0; n < BOOK_NFIELDS; n++)
		header |= n != BOOK_F_VERSION && !blank(f.value[n]);
	if (header && f.row[BOOK_F_INSTITUTION])
		add_field(&b, hs, &root, &f, BOOK_F_INSTITUTION,
			  f.value[BOOK_F_INSTITUTION] ? text(&b, hs, f.value[BOOK_F_INSTITUTION])
						      : empty_at(&b, hs, &f, BOOK_F_INSTITUTION));
	if (header && f.row[BOOK_F_ASSESSMENT_DATE])
		add_field(&b, hs, &root, &f, BOOK_F_ASSESSMENT_DATE,
			  f.value[BOOK_F_ASSESSMENT_DATE]
				  ? date_cell(&b, hs, f.value[BOOK_F_ASSESSMENT_DATE])
				  : empty_at(&b, hs, &f, BOOK_F_ASSESSMENT_DATE));
	if (!blank(f.value[BOOK_F_ASSESSOR]))
		add_field(&b, hs, &root, &f, BOOK_F_ASSESSOR,
			  text(&b, hs, f.value[BOOK_F_ASSESSOR]));
	if (!blank(f.value[BOOK_F_SCOPE]))
		add_field(&b, hs, &root, &f, BOOK_F_SCOPE, text(&b, hs, f.value[BOOK_F_SCOPE]));
	ir = inherent_risk(&b, hs, &f, rs, indicators);
	if (ir)
		coll_pair(&root,
			  key_at(&b, ir->span, (unsigned)ir->line,
				 ir->col > 1 ? (unsigned)ir->col - 1 : 1, "inherent_risk"),
			  ir);
	if (!blank(f.value[BOOK_F_TARGET]))
		add_field(&b, hs, &root, &f, BOOK_F_TARGET, word(&b, hs, f.value[BOOK_F_TARGET]));
	for (size_t i = 0; i < extra.nr; i++)
		coll_pair(&root, extra.pairs[i].key, extra.pairs[i].value);
	free(extra.pairs);
	if (answers)
		coll_pair(&root, key_at(&b, as, 1, 0, "answers"), answers);
	/* Messages about the whole file ("missing institution") name the Assessment sheet. */
	doc->root = coll_finish(&b, &root, YNODE_MAPPING, hs, hs ? 1 : 0, 0);
	xlsx_rows_release(&f.rows);
	xlsx_close(b.book);
	doc->tree_errors += dl->errors - errors_before;
	if (b.broken) {
		doc->root = NULL;
		return -1;
	}
	return 0;
}
