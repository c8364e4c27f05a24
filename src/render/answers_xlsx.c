/* The answers workbook: a template for control owners to fill in, or answers moved from YAML. */
#include "answers_xlsx.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answers_book.h"
#include "hant.h"
#include "names.h"
#include "out_xlsx.h"
#include "xalloc.h"

struct bk {
	struct wb_out *w;
	const struct catalogue *cat;
	const struct answers *ans; /* NULL: the template */
	const struct answers_xlsx_options *o;
	bool hant;	    /* the catalogue's text converted to Traditional Chinese */
	struct strbuf *err; /* the first failure of a conversion */
	bool failed;
	size_t lines; /* the most a cell of the row being written wraps to */
};

/*
 * The catalogue's text in a cell. zh-Hant is converted here, not by the
 * workbook writer, which would convert the answers' own text too.
 */
static void cat_text(struct bk *k, size_t row, size_t col, const char *s, enum wb_style style)
{
	char *hant = NULL;

	if (k->hant && s && *s && !k->failed) {
		hant = hant_convert_str(s, k->err);
		k->failed = !hant;
	}
	wb_text(k->w, row, col, hant ? hant : s, style);
	free(hant);
}

/* Rows below the last one written that stay open for more indicators. */
#define SPARE_INDICATORS 10

static const char *const risk_values[] = {"low", "medium", "high"};

/* Rows are sized for their wrapped text: not every spreadsheet fits them itself. */
static void fit(struct bk *k, const char *s, double width)
{
	size_t n = s ? wb_text_lines(s, width) : 1;

	if (n > k->lines)
		k->lines = n;
}

static void fit_row(struct bk *k, size_t row)
{
	wb_row_height(k->w, row, WB_LINE_HEIGHT * (double)(k->lines ? k->lines : 1) + 3);
	k->lines = 0;
}

/* ---- Keeping answers to the letter ---- */

/* Whether a cell gives s back exactly: nothing made visible, cut, or turned into a line feed. */
static bool cell_keeps(const char *s)
{
	struct strbuf t = STRBUF_INIT;
	bool same;

	same = !wb_cell_text(&t, s, WB_CELL_MAX) && !strcmp(t.buf, s) && !strchr(s, '\r');
	strbuf_release(&t);
	return same;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

/* Starts or ends with a space or a tab. */
static bool padded(const char *s)
{
	size_t n = strlen(s);

	return n && (strchr(" \t", s[0]) || strchr(" \t", s[n - 1]));
}

static int refuse(struct strbuf *err, const char *what, const char *id, const char *level,
		  const char *why)
{
	strbuf_addf(err, "the %s of %s%s%s %s, so it cannot go into a workbook without change",
		    what, id, level ? " " : "", level ? level : "", why);
	return -1;
}

static int keeps(struct strbuf *err, const char *s, const char *what, const char *id,
		 const char *level)
{
	if (!s || cell_keeps(s))
		return 0;
	return refuse(err, what, id, level,
		      "holds a carriage return, a character that does not show, or more text "
		      "than a cell holds");
}

/* Checks that every text of ans survives a workbook; the first that does not is named in err. */
static int check_lossless(const struct catalogue *cat, const struct answers *a, struct strbuf *err)
{
	const char *const hdr[] = {a->institution, a->assessor, a->scope, a->risk.justification};
	const char *const hdr_names[] = {"institution", "assessor", "scope",
					 "override justification"};

	for (size_t i = 0; i < ARRAY_SIZE(hdr); i++)
		if (hdr[i] && !cell_keeps(hdr[i])) {
			strbuf_addf(err,
				    "the %s holds a carriage return, a character that does not "
				    "show, or more text than a cell holds, so it cannot go into a "
				    "workbook without change",
				    hdr_names[i]);
			return -1;
		}
	for (size_t i = 0; i < a->risk.nindicators; i++) {
		const struct risk_indicator *ind = &a->risk.indicators[i];

		if (!cell_keeps(ind->name) || (ind->note && !cell_keeps(ind->note))) {
			strbuf_addf(err,
				    "the inherent-risk indicator \"%s\" holds a carriage return, a "
				    "character that does not show, or more text than a cell holds, "
				    "so it cannot go into a workbook without change",
				    ind->name);
			return -1;
		}
	}
	for (size_t i = 0; i < a->nprinciples && i < cat->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];

		for (int l = 0; l < (p->single ? 1 : p->nlevels); l++) {
			const struct answer *an = &a->levels[i][l];
			const char *lv = p->single ? NULL : level_name((enum level)l);

			if (!an->given)
				continue;
			for (size_t e = 0; e < an->evidence.nr; e++) {
				const char *ev = an->evidence.items[e];

				if (strchr(ev, '\n'))
					return refuse(err, "evidence", p->id, lv,
						      "has an item with a line break in it (a "
						      "workbook cell holds one item a line)");
				/* The workbook reads such a line as a file, not as this text. */
				if (!strncmp(ev, "file:", 5))
					return refuse(
						err, "evidence", p->id, lv,
						"has a text item that starts with \"file:\", "
						"which a workbook reads as a file (cite a file "
						"as {file, date, title})");
				if (keeps(err, ev, "evidence", p->id, lv))
					return -1;
			}
			for (size_t e = 0; e < an->files.nr; e++) {
				const struct evidence_file *f = &an->files.items[e];

				/* The reader looks for " | " in "file: PATH | ": so does this. */
				if (strstr(f->path, " | ") || ends_with(f->path, " |") ||
				    !strncmp(f->path, "| ", 2) || !strcmp(f->path, "|") ||
				    strchr(f->path, '\n') || (f->title && strchr(f->title, '\n')))
					return refuse(
						err, "evidence", p->id, lv,
						"has a file whose path holds \" | \" or starts or ends with "
						"\"|\" beside a space, or whose path "
						"or title holds a line break (a workbook cell "
						"holds a file as one line: file: PATH | DATE | "
						"TITLE)");
				/* The workbook's reader trims each part of that line. */
				if (padded(f->path) || (f->title && padded(f->title)))
					return refuse(
						err, "evidence", p->id, lv,
						"has a file whose path or title starts or ends "
						"with a space or a tab (a workbook cell's file "
						"line is read without them)");
				if (keeps(err, f->path, "evidence", p->id, lv) ||
				    keeps(err, f->title, "evidence", p->id, lv))
					return -1;
			}
			if (keeps(err, an->note, "note", p->id, lv))
				return -1;
			if (an->remediation &&
			    (keeps(err, an->remediation->action, "remediation action", p->id, lv) ||
			     keeps(err, an->remediation->owner, "remediation owner", p->id, lv)))
				return -1;
		}
	}
	return 0;
}

/* ---- Sheets ---- */

/* A date: a real date where Excel has one (from 1900), else its text. */
static void date_cell(struct bk *k, size_t row, size_t col, const struct date *d)
{
	char buf[11];

	if (!date_is_set(d))
		wb_text(k->w, row, col, NULL, WB_INPUT_DATE);
	else if (d->year >= 1900)
		wb_date(k->w, row, col, *d, WB_INPUT_DATE);
	else
		wb_text(k->w, row, col, date_format(d, buf), WB_INPUT_DATE);
}

static void guide_sheet(struct bk *k)
{
	static const char *const steps[] = {
		"1. On the \"" BOOK_SHEET_HEADER "\" sheet, give the institution, the assessment "
		"date and the inherent risk (low, medium or high), or a target level.",
		"2. If the inherent risk comes from indicators, rate them on the \"" BOOK_SHEET_RISK
		"\" sheet and leave \"Inherent risk\" on the \"" BOOK_SHEET_HEADER
		"\" sheet empty: craf takes the rating most indicators have (the higher on a tie).",
		"3. On the \"" BOOK_SHEET_ANSWERS
		"\" sheet, give each requirement a status from the "
		"dropdown, with the evidence for it. Some statuses need more (see the table below).",
		"4. Evidence: one item a line (a new line in a cell: Alt+Enter in Excel, "
		"Ctrl+Enter in LibreOffice).",
		"5. A remediation takes all three of action, owner and due date. Dates are "
		"YYYY-MM-DD.",
		"6. Check the workbook with 'craf validate answers.xlsx'; score it with 'craf assess "
		"answers.xlsx'. Problems are reported by cell, such as Answers!F14.",
		"Only the yellow cells are for answers: the sheets are protected against slips, "
		"with no password. Keep the sheet names and the column headers as they are (craf "
		"finds the columns by their headers); sheets you add are ignored.",
	};
	static const char *const cols[] = {"Status", "Achieves it", "Needs"};
	static const struct {
		const char *status, *achieves, *needs;
	} table[] = {
		{"met", "yes", ""},
		{"compensating", "yes", "a note: the alternative control"},
		{"not-applicable", "yes", "a note: why it does not apply"},
		{"inherited", "yes", "evidence: the provider's attestation (a SOC 2 report, say)"},
		{"partial", "no", ""},
		{"not-met", "no", ""},
		{"risk-accepted", "no", "a note, and the date the acceptance expires"},
		{"unanswered", "no", ""},
	};
	struct strbuf t = STRBUF_INIT;
	size_t row = 0;

	wb_sheet(k->w, BOOK_SHEET_GUIDE, NULL, 0);
	wb_columns(k->w, 0, 0, 18, WB_WRAP);
	wb_columns(k->w, 1, 1, 22, WB_WRAP);
	wb_columns(k->w, 2, 2, 60, WB_WRAP);
	strbuf_addf(&t, "%s self-assessment: answers workbook", k->cat->framework);
	wb_text(k->w, row++, 0, t.buf, WB_TITLE);
	strbuf_reset(&t);
	strbuf_addf(&t, "Catalogue: %s %s, %zu principles, %zu requirements.", k->cat->framework,
		    k->cat->version, k->cat->nprinciples, catalogue_requirements(k->cat));
	wb_merge(k->w, row++, 0, 2, t.buf, WB_NOTE);
	row++;
	for (size_t i = 0; i < ARRAY_SIZE(steps); i++) {
		wb_merge(k->w, row, 0, 2, steps[i], WB_WRAP);
		wb_row_height(k->w, row++,
			      WB_LINE_HEIGHT * (double)wb_text_lines(steps[i], 100) + 4);
	}
	row++;
	wb_headers(k->w, row++, cols, ARRAY_SIZE(cols));
	for (size_t i = 0; i < ARRAY_SIZE(table); i++, row++) {
		wb_text(k->w, row, 0, table[i].status, WB_BOLD);
		wb_text(k->w, row, 1, table[i].achieves, WB_WRAP);
		wb_text(k->w, row, 2, table[i].needs, WB_WRAP);
	}
	wb_print_setup(k->w, 0, 0);
	wb_protect(k->w);
	strbuf_release(&t);
}

/* The guide lines are long: they run across the three columns. */
static void header_sheet(struct bk *k)
{
	static const char *const cols[] = {BOOK_FIELD_HEADER, BOOK_VALUE_HEADER, "What to write"};
	static const char *const help[BOOK_NFIELDS] = {
		[BOOK_F_VERSION] = "The workbook format's version. Leave it as it is.",
		[BOOK_F_INSTITUTION] = "Required: the authorised institution's name.",
		[BOOK_F_ASSESSMENT_DATE] = "Required: the date of the assessment (YYYY-MM-DD).",
		[BOOK_F_ASSESSOR] = "Optional: who performed the assessment.",
		[BOOK_F_SCOPE] = "Optional: what the assessment covers.",
		[BOOK_F_INHERENT_RISK] =
			"low, medium or high: sets the target maturity (baseline, intermediate, "
			"advanced). Leave it empty when the indicators on the \"" BOOK_SHEET_RISK
			"\" sheet are rated.",
		[BOOK_F_TARGET] = "Optional: baseline, intermediate or advanced; wins over the "
				  "inherent risk.",
		[BOOK_F_OVERRIDE] = "Optional, with rated indicators only: low, medium or high, "
				    "replacing the rating the indicators give.",
		[BOOK_F_JUSTIFICATION] =
			"Required with an override: why (a decision and its date).",
	};
	static const enum book_field order[] = {
		BOOK_F_INSTITUTION, BOOK_F_ASSESSMENT_DATE, BOOK_F_ASSESSOR,
		BOOK_F_SCOPE,	    BOOK_F_INHERENT_RISK,   BOOK_F_TARGET,
		BOOK_F_OVERRIDE,    BOOK_F_JUSTIFICATION,   BOOK_F_VERSION,
	};
	const struct answers *a = k->ans;
	struct strbuf t = STRBUF_INIT;
	size_t row = 0;

	wb_sheet(k->w, BOOK_SHEET_HEADER, NULL, 0);
	wb_columns(k->w, 0, 0, 24, WB_BOLD);
	wb_columns(k->w, 1, 1, 40, WB_PLAIN);
	wb_columns(k->w, 2, 2, 70, WB_NOTE);
	strbuf_addf(&t, "%s self-assessment", k->cat->framework);
	wb_text(k->w, row++, 0, t.buf, WB_TITLE);
	wb_merge(k->w, row++, 0, 2,
		 "Fill in the yellow cells. The answers are on the \"" BOOK_SHEET_ANSWERS
		 "\" sheet; the \"" BOOK_SHEET_GUIDE "\" sheet says how.",
		 WB_NOTE);
	row++;
	wb_headers(k->w, row++, cols, ARRAY_SIZE(cols));
	for (size_t i = 0; i < ARRAY_SIZE(order); i++, row++) {
		enum book_field f = order[i];
		const char *value = NULL;
		size_t lines;

		wb_text(k->w, row, 0, book_fields[f], WB_BOLD);
		wb_text(k->w, row, 2, help[f], WB_NOTE);
		switch (f) {
		case BOOK_F_VERSION:
			wb_number(k->w, row, 1, 1, WB_READONLY);
			wb_row_height(k->w, row, WB_LINE_HEIGHT + 3);
			continue;
		case BOOK_F_ASSESSMENT_DATE:
			if (a)
				date_cell(k, row, 1, &a->assessment_date);
			else
				date_cell(k, row, 1, &k->o->today);
			wb_validate_date(k->w, row, 1, row);
			wb_row_height(k->w, row, WB_LINE_HEIGHT + 3);
			continue;
		case BOOK_F_INSTITUTION:
			value = a ? a->institution : "Your institution's name";
			break;
		case BOOK_F_ASSESSOR:
			value = a ? a->assessor : NULL;
			break;
		case BOOK_F_SCOPE:
			value = a ? a->scope : NULL;
			break;
		case BOOK_F_INHERENT_RISK:
			if (a && !a->risk.from_indicators && a->risk.stated != RISK_NONE)
				value = risk_names[a->risk.stated];
			else if (!a && k->o->target == LEVEL_NONE)
				value = "medium";
			wb_validate_list(k->w, row, 1, row, risk_values, 3);
			break;
		case BOOK_F_TARGET:
			if (a ? a->target != LEVEL_NONE : k->o->target != LEVEL_NONE)
				value = level_name(a ? a->target : k->o->target);
			wb_validate_list(k->w, row, 1, row, level_names, LEVEL_COUNT);
			break;
		case BOOK_F_OVERRIDE:
			if (a && a->risk.override != RISK_NONE)
				value = risk_names[a->risk.override];
			wb_validate_list(k->w, row, 1, row, risk_values, 3);
			break;
		case BOOK_F_JUSTIFICATION:
			value = a ? a->risk.justification : NULL;
			break;
		case BOOK_NFIELDS:
			break;
		}
		wb_text(k->w, row, 1, value, WB_INPUT);
		lines = wb_text_lines(help[f], 70);
		if (value && wb_text_lines(value, 40) > lines)
			lines = wb_text_lines(value, 40);
		wb_row_height(k->w, row, WB_LINE_HEIGHT * (double)lines + 3);
	}
	wb_print_setup(k->w, 0, 0);
	wb_protect(k->w);
	strbuf_release(&t);
}

static const struct cat_risk_indicator *find_indicator(const struct catalogue *cat,
						       const char *category, const char *name)
{
	const struct cat_risk_category *c = catalogue_find_risk_category(cat, category);

	for (size_t i = 0; c && i < c->nindicators; i++) {
		const struct text *t = &c->indicators[i].name;

		if ((t->en && !strcmp(t->en, name)) || (t->zh && !strcmp(t->zh, name)))
			return &c->indicators[i];
	}
	return NULL;
}

/* An indicator's row; its name is the catalogue's text unless given (the answers' own). */
static void indicator_row(struct bk *k, size_t row, const char *category, const char *name,
			  bool given, const char *rating, const char *note,
			  const struct cat_risk_indicator *ci)
{
	wb_row_about(k->w, name);
	wb_text(k->w, row, BOOK_RISK_CATEGORY, category, WB_INPUT);
	if (given)
		wb_text(k->w, row, BOOK_RISK_INDICATOR, name, WB_INPUT);
	else
		cat_text(k, row, BOOK_RISK_INDICATOR, name, WB_INPUT);
	wb_text(k->w, row, BOOK_RISK_RATING, rating, WB_INPUT);
	wb_text(k->w, row, BOOK_RISK_NOTE, note, WB_INPUT);
	fit(k, name, book_risk_columns[BOOK_RISK_INDICATOR].width);
	fit(k, note, book_risk_columns[BOOK_RISK_NOTE].width);
	for (int r = 0; r < 3; r++) {
		const char *t = ci ? text_get(&ci->rating[r], k->o->lang) : NULL;

		cat_text(k, row, BOOK_RISK_LOW + (size_t)r, t, WB_READONLY);
		fit(k, t, book_risk_columns[BOOK_RISK_LOW + r].width);
	}
	fit_row(k, row);
}

static void risk_sheet(struct bk *k)
{
	const struct catalogue *cat = k->cat;
	const struct answers *a = k->ans;
	const char *cols[BOOK_RISK_NCOLS];
	const char **cats = NULL;
	size_t row = 0, first;

	for (int c = 0; c < BOOK_RISK_NCOLS; c++)
		cols[c] = book_risk_columns[c].header;
	wb_sheet(k->w, BOOK_SHEET_RISK, NULL, 0);
	for (int c = 0; c < BOOK_RISK_NCOLS; c++)
		wb_columns(k->w, (size_t)c, (size_t)c, book_risk_columns[c].width, WB_PLAIN);
	wb_text(k->w, row++, 0, "Inherent risk indicators", WB_TITLE);
	wb_merge(
		k->w, row++, 0, BOOK_RISK_NCOLS - 1,
		"Rate each indicator that applies (low, medium or high); leave the others unrated. "
		"Add your own below the list. The inherent risk is the rating most indicators "
		"have, the higher on a tie.",
		WB_NOTE);
	row++;
	wb_headers(k->w, row, cols, BOOK_RISK_NCOLS);
	wb_row_height(k->w, row, WB_LINE_HEIGHT + 3);
	wb_freeze(k->w, row + 1, 0);
	wb_print_setup(k->w, row, row);
	wb_name_columns(k->w, cols, BOOK_RISK_NCOLS);
	first = ++row;
	if (a && a->risk.from_indicators) {
		for (size_t i = 0; i < a->risk.nindicators; i++, row++) {
			const struct risk_indicator *ind = &a->risk.indicators[i];

			indicator_row(k, row, ind->category, ind->name, true,
				      risk_names[ind->rating], ind->note,
				      find_indicator(cat, ind->category, ind->name));
		}
	} else {
		for (size_t c = 0; c < cat->nrisk_categories; c++) {
			const struct cat_risk_category *rc = &cat->risk_categories[c];

			for (size_t i = 0; i < rc->nindicators; i++, row++)
				indicator_row(k, row, rc->id,
					      text_get(&rc->indicators[i].name, k->o->lang), false,
					      NULL, NULL, &rc->indicators[i]);
		}
	}
	for (size_t i = 0; i < SPARE_INDICATORS; i++, row++)
		indicator_row(k, row, NULL, NULL, true, NULL, NULL, NULL);
	wb_validate_list(k->w, first, BOOK_RISK_RATING, row - 1, risk_values, 3);
	if (cat->nrisk_categories) {
		cats = xcalloc(cat->nrisk_categories, sizeof(*cats));
		for (size_t c = 0; c < cat->nrisk_categories; c++)
			cats[c] = cat->risk_categories[c].id;
		wb_validate_list(k->w, first, BOOK_RISK_CATEGORY, row - 1, cats,
				 cat->nrisk_categories);
		free(cats);
	}
	wb_protect(k->w);
}

static void answer_cells(struct bk *k, size_t row, const struct answer *an)
{
	struct strbuf ev = STRBUF_INIT;

	if (!k->ans) {
		wb_text(k->w, row, BOOK_STATUS, status_name(STATUS_UNANSWERED), WB_INPUT);
		an = NULL;
	} else if (an->given) {
		wb_text(k->w, row, BOOK_STATUS, status_name(an->status), WB_INPUT);
	} else {
		an = NULL;
		wb_text(k->w, row, BOOK_STATUS, NULL, WB_INPUT);
	}
	for (size_t e = 0; an && e < an->evidence.nr; e++)
		strbuf_addf(&ev, "%s%s", e ? "\n" : "", an->evidence.items[e]);
	for (size_t e = 0; an && e < an->files.nr; e++) {
		const struct evidence_file *f = &an->files.items[e];
		char date[11];

		strbuf_addf(&ev, "%sfile: %s | %s", ev.len ? "\n" : "", f->path,
			    date_format(&f->date, date));
		if (f->title)
			strbuf_addf(&ev, " | %s", f->title);
	}
	wb_text(k->w, row, BOOK_EVIDENCE, an ? ev.buf : NULL, WB_INPUT);
	wb_text(k->w, row, BOOK_NOTE, an ? an->note : NULL, WB_INPUT);
	if (an) {
		fit(k, ev.buf, book_columns[BOOK_EVIDENCE].width);
		fit(k, an->note, book_columns[BOOK_NOTE].width);
		if (an->remediation) {
			fit(k, an->remediation->action, book_columns[BOOK_ACTION].width);
			fit(k, an->remediation->owner, book_columns[BOOK_OWNER].width);
		}
	}
	wb_text(k->w, row, BOOK_ACTION, an && an->remediation ? an->remediation->action : NULL,
		WB_INPUT);
	wb_text(k->w, row, BOOK_OWNER, an && an->remediation ? an->remediation->owner : NULL,
		WB_INPUT);
	date_cell(k, row, BOOK_DUE,
		  an && an->remediation ? &an->remediation->due : &(struct date){0});
	date_cell(k, row, BOOK_EXPIRES, an ? &an->expires : &(struct date){0});
	strbuf_release(&ev);
}

static void answers_sheet(struct bk *k)
{
	const struct catalogue *cat = k->cat;
	enum lang lang = k->o->lang;
	const char *cols[BOOK_NCOLS], *statuses[STATUS_COUNT];
	struct strbuf t = STRBUF_INIT;
	size_t row = 0;

	for (int c = 0; c < BOOK_NCOLS; c++)
		cols[c] = book_columns[c].header;
	for (int i = 0; i < STATUS_COUNT; i++)
		statuses[i] = status_name(status_by_rank(i));
	wb_sheet(k->w, BOOK_SHEET_ANSWERS, NULL, 0);
	for (int c = 0; c < BOOK_NCOLS; c++)
		wb_columns(k->w, (size_t)c, (size_t)c, book_columns[c].width, WB_PLAIN);
	wb_headers(k->w, row, cols, BOOK_NCOLS);
	wb_row_height(k->w, row, 2 * WB_LINE_HEIGHT + 3);
	wb_name_columns(k->w, cols, BOOK_NCOLS);
	wb_freeze(k->w, 1, 1);
	wb_print_setup(k->w, 0, 0);
	for (size_t d = 0; d < cat->ndomains; d++) {
		const struct cat_domain *dom = &cat->domains[d];

		for (size_t i = dom->first; i < dom->first + dom->count; i++) {
			const struct cat_principle *p = &cat->principles[i];

			wb_row_about(k->w, p->id);
			for (int l = 0; l < (p->single ? 1 : p->nlevels); l++) {
				row++;
				strbuf_reset(&t);
				strbuf_addf(&t, "%s %s", dom->id, text_get(&dom->name, lang));
				wb_text(k->w, row, BOOK_ID, p->id, WB_READONLY);
				cat_text(k, row, BOOK_DOMAIN, t.buf, WB_READONLY);
				cat_text(k, row, BOOK_PRINCIPLE, text_get(&p->name, lang),
					 WB_READONLY);
				wb_text(k->w, row, BOOK_LEVEL,
					p->single ? BOOK_ALL_LEVELS : level_name((enum level)l),
					WB_READONLY);
				cat_text(k, row, BOOK_REQUIREMENT,
					 text_get(&p->requirement[l], lang), WB_READONLY);
				answer_cells(k, row, k->ans ? &k->ans->levels[i][l] : NULL);
				fit(k, t.buf, book_columns[BOOK_DOMAIN].width);
				fit(k, text_get(&p->name, lang),
				    book_columns[BOOK_PRINCIPLE].width);
				fit(k, text_get(&p->requirement[l], lang),
				    book_columns[BOOK_REQUIREMENT].width);
				/* A line to spare: room to write in. */
				if (k->lines < 2)
					k->lines = 2;
				fit_row(k, row);
			}
		}
	}
	wb_validate_list(k->w, 1, BOOK_STATUS, row, statuses, STATUS_COUNT);
	wb_validate_date(k->w, 1, BOOK_DUE, row);
	wb_validate_date(k->w, 1, BOOK_EXPIRES, row);
	wb_filter(k->w, 0, 0, row, BOOK_NCOLS - 1);
	wb_protect(k->w);
	wb_activate(k->w);
	strbuf_release(&t);
}

int answers_xlsx_write(const char *path, const struct catalogue *cat, const struct answers *ans,
		       const struct answers_xlsx_options *o, struct strbuf *warnings,
		       struct strbuf *err)
{
	struct wb_props props = {"Answers", ans ? ans->institution : NULL, o->created};
	struct bk k = {NULL, cat, ans, o, o->lang == LANG_ZH_HANT, err, false, 0};
	int ret;

	if (ans && check_lossless(cat, ans, err))
		return -1;
	if (k.hant) {
		/* Fail early and clearly if the conversion tables are missing. */
		char *probe = hant_convert_str("汉", err);

		if (!probe)
			return -1;
		free(probe);
	}
	k.w = wb_open(path, &props, k.hant ? LANG_ZH : o->lang, warnings, err);
	if (!k.w)
		return -1;
	guide_sheet(&k);
	header_sheet(&k);
	if (cat->nrisk_categories || (ans && ans->risk.from_indicators))
		risk_sheet(&k);
	answers_sheet(&k);
	ret = wb_close(k.w);
	return k.failed ? -1 : ret;
}
