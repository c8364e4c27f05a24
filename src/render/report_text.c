/* Renders a result for a person at a terminal: to its width, colour only when asked. */
#include "report_text.h"

#include <stdio.h>
#include <string.h>

#include "out_text.h"
#include "term.h"

#define BAR_WIDTH 4
/* Narrower than this, the domain table has no room for bar graphs. */
#define BARS_MIN_WIDTH 80
/* With bars, domain names are shortened to fit, but not below this. */
#define SHORTEST_NAME 12

struct ctx {
	struct txt_out *out;
	const struct result *r;
	const struct report_text_options *o;
};

/* A colour, when colour is on. */
static void style(const struct ctx *c, struct txt_out *t, const char *code)
{
	txt_style(t, c->o->color ? code : "");
}

static void style_off(const struct ctx *c, struct txt_out *t)
{
	style(c, t, "\033[0m");
}

/* Paragraphs wrap narrower than tables on a wide terminal. */
static int prose(const struct ctx *c)
{
	return term_prose_width(c->o->width);
}

#define BOLD	"\033[1m"
#define DIM	"\033[2m"
#define RED	"\033[31m"
#define GREEN	"\033[32m"
#define YELLOW	"\033[33m"
#define BOLDRED "\033[1;31m"

const char *report_level_name(enum level l, enum lang lang)
{
	switch (l) {
	case LEVEL_BASELINE:
		return msg(lang, MSG_LEVEL_BASELINE);
	case LEVEL_INTERMEDIATE:
		return msg(lang, MSG_LEVEL_INTERMEDIATE);
	case LEVEL_ADVANCED:
		return msg(lang, MSG_LEVEL_ADVANCED);
	case LEVEL_NONE:
		break;
	}
	return msg(lang, MSG_NONE_LEVEL);
}

const char *report_status_name(enum status s, enum lang lang)
{
	static const enum msg ids[STATUS_COUNT] = {
		[STATUS_UNANSWERED] = MSG_ST_UNANSWERED,
		[STATUS_MET] = MSG_ST_MET,
		[STATUS_COMPENSATING] = MSG_ST_COMPENSATING,
		[STATUS_NOT_APPLICABLE] = MSG_ST_NOT_APPLICABLE,
		[STATUS_INHERITED] = MSG_ST_INHERITED,
		[STATUS_PARTIAL] = MSG_ST_PARTIAL,
		[STATUS_NOT_MET] = MSG_ST_NOT_MET,
		[STATUS_RISK_ACCEPTED] = MSG_ST_RISK_ACCEPTED,
	};

	return msg(lang, ids[s]);
}

const char *report_responsibility_name(enum responsibility r, enum lang lang)
{
	switch (r) {
	case RESP_CUSTOMER:
		return msg(lang, MSG_RESP_CUSTOMER);
	case RESP_SHARED:
		return msg(lang, MSG_RESP_SHARED);
	case RESP_PROVIDER:
		return msg(lang, MSG_RESP_PROVIDER);
	case RESP_NONE:
		break;
	}
	return "";
}

const char *report_risk_name(enum risk r, enum lang lang)
{
	switch (r) {
	case RISK_LOW:
		return msg(lang, MSG_RISK_LOW);
	case RISK_MEDIUM:
		return msg(lang, MSG_RISK_MEDIUM);
	case RISK_HIGH:
		return msg(lang, MSG_RISK_HIGH);
	case RISK_NONE:
		break;
	}
	return "";
}

void report_risk_summary(struct strbuf *out, const struct result *r, enum lang lang)
{
	const struct result_risk *rr = &r->risk;

	if (r->inherent_risk == RISK_NONE)
		return;
	strbuf_addf(out, "%s (", report_risk_name(r->inherent_risk, lang));
	if (!rr->from_indicators) {
		strbuf_adds(out, msg(lang, MSG_RISK_STATED));
	} else {
		if (rr->override != RISK_NONE)
			strbuf_addf(out, "%s %s; ", msg(lang, MSG_RISK_OVERRIDE),
				    report_risk_name(rr->computed, lang));
		strbuf_addf(out, "%zu %s: ", rr->nindicators,
			    msg_n(lang, MSG_RISK_INDICATORS, rr->nindicators));
		for (int k = 0; k < RISK_COUNT; k++)
			strbuf_addf(out, "%s%u %s", k ? ", " : "", rr->counts[k],
				    report_risk_name((enum risk)k, lang));
	}
	strbuf_addf(out, "); %s",
		    msg(lang, r->icast_required ? MSG_ICAST_REQUIRED : MSG_ICAST_NOT_REQUIRED));
}

/* A header line; the value wraps under itself. */
static void field_label(struct ctx *c, const char *label, const struct txt_out *value)
{
	const int indent = 16;

	txt_raw(c->out, "  ");
	style(c, c->out, BOLD);
	txt_pad(c->out, label, 13);
	style_off(c, c->out);
	txt_raw(c->out, " ");
	if (txt_styled(value))
		txt_wrap_styled(c->out, value, indent, indent, prose(c));
	else
		txt_wrap_hanging_out(c->out, value, indent, prose(c));
	txt_raw(c->out, "\n");
}

static void field(struct ctx *c, enum msg label, const struct txt_out *value)
{
	field_label(c, msg(c->o->lang, label), value);
}

static void header(struct ctx *c)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	struct txt_out v = TXT_OUT_INIT;
	struct strbuf risk = STRBUF_INIT;
	char date[11];
	int tw = term_width(msg(lang, MSG_REPORT_TITLE));

	style(c, c->out, BOLD);
	txt_text(c->out, msg(lang, MSG_REPORT_TITLE));
	style_off(c, c->out);
	txt_raw(c->out, "\n");
	for (int i = 0; i < tw; i++)
		txt_raw(c->out, "=");
	txt_raw(c->out, "\n\n");

	txt_text(&v, r->institution);
	field(c, MSG_INSTITUTION, &v);
	txt_reset(&v);
	txt_text(&v, date_format(&r->assessment_date, date));
	if (r->assessor) {
		txt_raw(&v, " ");
		txt_text(&v, msg(lang, MSG_BY));
		txt_raw(&v, " ");
		txt_text(&v, r->assessor);
	}
	field(c, MSG_ASSESSED, &v);
	if (r->scope) {
		txt_reset(&v);
		txt_text(&v, r->scope);
		field(c, MSG_SCOPE, &v);
	}
	txt_reset(&v);
	txt_text(&v, r->framework);
	txt_raw(&v, " ");
	txt_text(&v, r->catalogue_version);
	txt_raw(&v, " (");
	txt_text(&v, r->catalogue_builtin ? msg(lang, MSG_BUILTIN) : r->catalogue_origin);
	txt_rawf(&v, ", %zu ", r->ncontrols);
	txt_text(&v, msg_n(lang, MSG_PRINCIPLES, r->ncontrols));
	txt_raw(&v, ")");
	field(c, MSG_CATALOGUE, &v);
	txt_reset(&v);
	style(c, &v, BOLD);
	txt_text(&v, report_level_name(r->target, lang));
	style_off(c, &v);
	txt_raw(&v, " (");
	switch (r->target_source) {
	case TARGET_INHERENT_RISK:
		txt_text(&v, msg(lang, MSG_FROM_INHERENT_RISK));
		txt_raw(&v, ": ");
		txt_text(&v, report_risk_name(r->inherent_risk, lang));
		break;
	case TARGET_EXPLICIT:
		txt_text(&v, msg(lang, MSG_FROM_EXPLICIT));
		break;
	case TARGET_COMMAND_LINE:
		txt_text(&v, msg(lang, MSG_FROM_COMMAND_LINE));
		break;
	}
	txt_raw(&v, ")");
	field(c, MSG_TARGET, &v);
	if (r->inherent_risk != RISK_NONE) {
		txt_reset(&v);
		report_risk_summary(&risk, r, lang);
		txt_text(&v, risk.buf);
		field(c, MSG_INHERENT_RISK, &v);
		if (r->risk.override != RISK_NONE && r->risk.justification) {
			txt_reset(&v);
			txt_text(&v, msg(lang, MSG_RISK_JUSTIFICATION));
			txt_raw(&v, ": ");
			txt_text(&v, r->risk.justification);
			field_label(c, "", &v);
		}
	}
	txt_reset(&v);
	style(c, &v, r->overall >= r->target ? GREEN : RED);
	txt_text(&v, report_level_name(r->overall, lang));
	style_off(c, &v);
	txt_raw(&v, " (");
	txt_text(&v, msg(lang, r->overall >= r->target ? MSG_MEETS_TARGET : MSG_BELOW_TARGET));
	txt_raw(&v, ")");
	field(c, MSG_OVERALL, &v);
	txt_raw(c->out, "\n");
	txt_release(&v);
	strbuf_release(&risk);
}

static void bar(struct ctx *c, unsigned done, unsigned total, int count_width, int col_width)
{
	char count[32];
	int filled;

	if (!total) {
		txt_raw(c->out, "    ");
		snprintf(count, sizeof(count), "-");
	} else {
		filled = (int)((done * BAR_WIDTH * 2 + total) / (total * 2));
		if (filled == BAR_WIDTH && done < total)
			filled = BAR_WIDTH - 1;
		if (filled == 0 && done > 0)
			filled = 1;
		style(c, c->out, done == total ? GREEN : YELLOW);
		for (int i = 0; i < BAR_WIDTH; i++) {
			if (i < filled)
				txt_raw(c->out, "\xe2\x96\x88");
			else
				txt_raw(c->out, "\xe2\x96\x91");
		}
		style_off(c, c->out);
		snprintf(count, sizeof(count), "%u/%u", done, total);
	}
	txt_raw(c->out, " ");
	for (int i = (int)strlen(count); i < count_width; i++)
		txt_raw(c->out, " ");
	txt_text(c->out, count);
	for (int i = BAR_WIDTH + 1 + count_width; i < col_width; i++)
		txt_raw(c->out, " ");
}

/* "done/total" coloured as its bar would be, or "-" when the level asks nothing there. */
static void count(struct ctx *c, struct txt_out *out, unsigned done, unsigned total)
{
	if (!total) {
		txt_raw(out, "-");
		return;
	}
	style(c, out, done == total ? GREEN : YELLOW);
	txt_rawf(out, "%u/%u", done, total);
	style_off(c, out);
}

/*
 * The domain table takes one of three shapes: with bar graphs from 80
 * columns (shortening over-long names), with counts only when that fits
 * whole, else each domain on two lines, its counts under its name.
 */
enum table_shape { TABLE_BARS, TABLE_COUNTS, TABLE_STACKED };

struct table {
	enum table_shape shape;
	int count_width;	 /* widest "done/total" */
	int achieved_width;	 /* the mark and the widest level name */
	int name_width;		 /* the name column */
	int level_col;		 /* bars: every level column but the last */
	int head[LEVEL_COUNT];	 /* each level's heading */
	int counts[LEVEL_COUNT]; /* counts: each level's column */
};

static void table_shape(struct ctx *c, struct table *t)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	int width = c->o->width, name_full = 0, bars, counts;

	t->count_width = 3;
	t->achieved_width = 0;
	for (size_t d = 0; d < r->ndomains; d++) {
		struct txt_out name = TXT_OUT_INIT;
		int w;

		for (int l = 0; l < LEVEL_COUNT; l++) {
			char buf[32];
			int n = snprintf(buf, sizeof(buf), "%u/%u", r->domains[d].achieved_count[l],
					 r->domains[d].required[l]);

			if (n > t->count_width)
				t->count_width = n;
		}
		txt_text(&name, r->domains[d].id);
		txt_raw(&name, " ");
		txt_text(&name, text_get(&r->domains[d].name, lang));
		w = txt_width(&name);
		if (w > name_full)
			name_full = w;
		txt_release(&name);
	}
	for (int l = LEVEL_NONE; l < LEVEL_COUNT; l++) {
		int w = term_width(report_level_name((enum level)l, lang));

		if (w > t->achieved_width)
			t->achieved_width = w;
	}
	t->achieved_width += 2;
	t->level_col = BAR_WIDTH + 1 + t->count_width;
	bars = counts = 1 + t->achieved_width;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		t->head[l] = term_width(report_level_name((enum level)l, lang));
		if (t->head[l] > t->level_col)
			t->level_col = t->head[l];
		t->counts[l] = t->head[l] > t->count_width ? t->head[l] : t->count_width;
		counts += 1 + t->counts[l];
	}
	bars += (LEVEL_COUNT - 1) * (1 + t->level_col) + 1 +
		(t->head[LEVEL_COUNT - 1] > BAR_WIDTH + 1 + t->count_width
			 ? t->head[LEVEL_COUNT - 1]
			 : BAR_WIDTH + 1 + t->count_width);
	if (width >= BARS_MIN_WIDTH &&
	    width - bars >= (name_full < SHORTEST_NAME ? name_full : SHORTEST_NAME)) {
		t->shape = TABLE_BARS;
		t->name_width = width - bars < name_full ? width - bars : name_full;
	} else if (width - counts >= name_full) {
		t->shape = TABLE_COUNTS;
		t->name_width = name_full;
	} else {
		t->shape = TABLE_STACKED;
		t->name_width = width - 1 - t->achieved_width;
		if (t->name_width > name_full)
			t->name_width = name_full;
		if (t->name_width < 1)
			t->name_width = 1;
	}
}

/* Spaces then s, filling width columns. */
static void pad_left(struct txt_out *out, const char *s, int width)
{
	struct txt_out t = TXT_OUT_INIT;

	txt_text(&t, s);
	txt_pad_left_out(out, &t, width);
	txt_release(&t);
}

static void table_heading(struct ctx *c, const struct table *t)
{
	enum lang lang = c->o->lang;

	style(c, c->out, BOLD);
	txt_pad(c->out, msg(lang, MSG_DOMAINS), t->name_width);
	txt_raw(c->out, " ");
	if (t->shape == TABLE_STACKED)
		txt_text(c->out, msg(lang, MSG_ACHIEVED));
	else
		txt_pad(c->out, msg(lang, MSG_ACHIEVED), t->achieved_width);
	for (int l = 0; t->shape != TABLE_STACKED && l < LEVEL_COUNT; l++) {
		const char *name = report_level_name((enum level)l, lang);

		txt_raw(c->out, " ");
		if (t->shape == TABLE_COUNTS)
			pad_left(c->out, name, t->counts[l]);
		else if (l == LEVEL_COUNT - 1)
			txt_text(c->out, name);
		else
			txt_pad(c->out, name, t->level_col);
	}
	style_off(c, c->out);
	txt_raw(c->out, "\n");
}

static void table_row(struct ctx *c, const struct table *t, const struct result_domain *rd)
{
	enum lang lang = c->o->lang;
	struct strbuf name = STRBUF_INIT;
	struct txt_out cell = TXT_OUT_INIT;

	strbuf_addf(&name, "%s %s", rd->id, text_get(&rd->name, lang));
	txt_pad_cut(c->out, name.buf, t->name_width);
	txt_raw(c->out, " ");
	style(c, c->out, rd->meets_target ? GREEN : RED);
	if (rd->meets_target)
		txt_raw(c->out, "\xe2\x9c\x93 ");
	else
		txt_raw(c->out, "\xe2\x9c\x97 ");
	if (t->shape == TABLE_STACKED)
		txt_text(c->out, report_level_name(rd->achieved, lang));
	else
		txt_pad(c->out, report_level_name(rd->achieved, lang), t->achieved_width - 2);
	style_off(c, c->out);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		switch (t->shape) {
		case TABLE_BARS:
			txt_raw(c->out, " ");
			bar(c, rd->achieved_count[l], rd->required[l], t->count_width,
			    l == LEVEL_COUNT - 1 ? 0 : t->level_col);
			break;
		case TABLE_COUNTS:
			txt_reset(&cell);
			count(c, &cell, rd->achieved_count[l], rd->required[l]);
			txt_raw(c->out, " ");
			txt_pad_left_out(c->out, &cell, t->counts[l]);
			break;
		case TABLE_STACKED:
			/* "baseline 4/4, intermediate 1/4, advanced 0/4", each pair unbroken. */
			if (l)
				txt_raw(&cell, ", ");
			txt_nobreak(&cell, report_level_name((enum level)l, lang));
			txt_rawf(&cell, "%c", TERM_NBSP);
			count(c, &cell, rd->achieved_count[l], rd->required[l]);
			break;
		}
	}
	if (t->shape == TABLE_STACKED) {
		txt_raw(c->out, "\n  ");
		txt_wrap_styled(c->out, &cell, 2, 2, c->o->width);
	}
	txt_raw(c->out, "\n");
	strbuf_release(&name);
	txt_release(&cell);
}

static void domain_table(struct ctx *c)
{
	struct table t;

	table_shape(c, &t);
	table_heading(c, &t);
	for (size_t d = 0; d < c->r->ndomains; d++)
		table_row(c, &t, &c->r->domains[d]);
	txt_raw(c->out, "\n");
}

static const char *status_color(enum status s)
{
	switch (s) {
	case STATUS_NOT_MET:
		return RED;
	case STATUS_PARTIAL:
	case STATUS_RISK_ACCEPTED:
		return YELLOW;
	case STATUS_UNANSWERED:
		return DIM;
	default:
		return GREEN;
	}
}

/* "Label: text", wrapped under the gap's indent; the writer makes the text safe. */
static void labelled(struct ctx *c, const char *label, const char *text)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line, "%s: %s", label, text);
	txt_wrap(c->out, line.buf, 9, prose(c));
	txt_raw(c->out, "\n");
	strbuf_release(&line);
}

/* A heading line the renderer built (maybe coloured), wrapped under indent. */
static void styled_line(struct ctx *c, const struct txt_out *text, int indent, int width)
{
	txt_wrap_styled(c->out, text, 0, indent, width);
	txt_raw(c->out, "\n");
}

static void gap_entry(struct ctx *c, const struct result_gap *g)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	const struct result_control *ctl = &r->controls[g->control];
	const struct result_level *rl = &ctl->levels[g->level];
	struct txt_out head = TXT_OUT_INIT;
	struct strbuf line = STRBUF_INIT;
	char date[11];

	/* "  3.1.5  Remote access  [baseline] partial": the level and status stay together. */
	txt_raw(&head, "  ");
	style(c, &head, BOLD);
	txt_text(&head, ctl->id);
	txt_raw(&head, "  ");
	txt_text(&head, text_get(&ctl->name, lang));
	style_off(c, &head);
	txt_raw(&head, "  [");
	txt_nobreak(&head,
		    ctl->single ? msg(lang, MSG_ALL_LEVELS) : report_level_name(rl->level, lang));
	txt_rawf(&head, "]%c", TERM_NBSP);
	style(c, &head, status_color(rl->status));
	txt_nobreak(&head, report_status_name(rl->status, lang));
	style_off(c, &head);
	styled_line(c, &head, 9, c->o->width);
	txt_wrap(c->out, text_get(&rl->requirement, lang), 9, prose(c));
	txt_raw(c->out, "\n");
	if (rl->note)
		labelled(c, msg(lang, MSG_NOTE), rl->note);
	if (rl->evidence.nr) {
		for (size_t e = 0; e < rl->evidence.nr; e++)
			strbuf_addf(&line, "%s%s", e ? "; " : "", rl->evidence.items[e]);
		labelled(c, msg(lang, MSG_EVIDENCE), line.buf);
		strbuf_reset(&line);
	}
	if (rl->files.nr) {
		for (size_t e = 0; e < rl->files.nr; e++) {
			const struct evidence_file *ef = &rl->files.items[e];

			strbuf_addf(&line, "%s%s (%s%s%s)", e ? "; " : "", ef->path,
				    date_format(&ef->date, date), ef->stale ? " " : "",
				    ef->stale ? msg(lang, MSG_STALE) : "");
		}
		labelled(c, msg(lang, MSG_EVIDENCE_FILES), line.buf);
		strbuf_reset(&line);
	}
	if (rl->status == STATUS_RISK_ACCEPTED) {
		strbuf_addf(&line, "%s %s%s", msg(lang, MSG_EXPIRES),
			    date_format(&rl->expires, date), rl->expired ? " " : "");
		if (rl->expired)
			strbuf_adds(&line, msg(lang, MSG_EXPIRED));
		labelled(c, msg(lang, MSG_RISK_ACCEPTED_LABEL), line.buf);
		strbuf_reset(&line);
	}
	if (rl->has_remediation) {
		strbuf_addf(&line, "%s (%s, %s %s)", rl->remediation.action, rl->remediation.owner,
			    msg(lang, MSG_DUE), date_format(&rl->remediation.due, date));
		if (rl->overdue)
			strbuf_addf(&line, " %s", msg(lang, MSG_OVERDUE));
		labelled(c, msg(lang, MSG_REMEDIATION), line.buf);
		strbuf_reset(&line);
	}
	for (size_t k = 0; k < ctl->nproducts; k++) {
		const struct result_product *p = &r->products[ctl->products[k]];
		const char *name = text_get(&p->name, lang);

		strbuf_addf(&line, "%s%s", k ? ", " : "", p->abbr);
		if (strcmp(name, p->abbr))
			strbuf_addf(&line, " (%s)", name);
	}
	if (ctl->nproducts)
		labelled(c, msg(lang, MSG_HELPS), line.buf);
	if (ctl->responsibility != RESP_NONE)
		labelled(c, msg(lang, MSG_RESPONSIBILITY),
			 report_responsibility_name(ctl->responsibility, lang));
	txt_raw(c->out, "\n");
	strbuf_release(&line);
	txt_release(&head);
}

static void gaps(struct ctx *c)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	struct txt_out line = TXT_OUT_INIT;

	style(c, &line, BOLD);
	txt_text(&line, msg(lang, MSG_GAPS_AGAINST));
	txt_raw(&line, ": ");
	txt_nobreak(&line, report_level_name(r->target, lang));
	txt_rawf(&line, "%c(%zu)", TERM_NBSP, r->ngaps);
	style_off(c, &line);
	styled_line(c, &line, 2, c->o->width);
	txt_raw(c->out, "\n");
	if (!r->ngaps) {
		txt_wrap(c->out, msg(lang, MSG_NO_GAPS), 2, prose(c));
		txt_raw(c->out, "\n\n");
		goto cleanup;
	}
	for (size_t d = 0; d < r->ndomains; d++) {
		bool any = false;

		for (size_t i = 0; i < r->ngaps; i++) {
			const struct result_control *ctl = &r->controls[r->gaps[i].control];

			/* Lapsed risk acceptances get their own section below. */
			if (ctl->domain != d || ctl->levels[r->gaps[i].level].expired)
				continue;
			if (!any) {
				txt_reset(&line);
				style(c, &line, BOLD);
				txt_text(&line, r->domains[d].id);
				txt_raw(&line, " ");
				txt_text(&line, text_get(&r->domains[d].name, lang));
				style_off(c, &line);
				styled_line(c, &line, 2, c->o->width);
				any = true;
			}
			gap_entry(c, &r->gaps[i]);
		}
	}
	if (!r->summary.expired)
		goto cleanup;
	txt_reset(&line);
	style(c, &line, BOLDRED);
	txt_text(&line, msg(lang, MSG_EXPIRED_SECTION));
	txt_rawf(&line, " (%zu)", r->summary.expired);
	style_off(c, &line);
	styled_line(c, &line, 2, c->o->width);
	txt_raw(c->out, "\n");
	for (size_t i = 0; i < r->ngaps; i++)
		if (r->controls[r->gaps[i].control].levels[r->gaps[i].level].expired)
			gap_entry(c, &r->gaps[i]);
cleanup:
	txt_release(&line);
}

/* Evidence past its age limit: a section of its own, since a met requirement may rest on it. */
static void stale_evidence(struct ctx *c)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	struct txt_out line = TXT_OUT_INIT;
	char date[11];

	if (!r->nstale)
		return;
	style(c, &line, BOLD);
	txt_text(&line, msg(lang, MSG_STALE_SECTION));
	style_off(c, &line);
	txt_rawf(&line, " (%zu; ", r->nstale);
	txt_text(&line, msg(lang, MSG_STALE_OLDER));
	txt_rawf(&line, " %d ", r->evidence_max_age);
	txt_text(&line, msg(lang, MSG_MONTHS));
	txt_raw(&line, ")");
	styled_line(c, &line, 2, c->o->width);
	txt_raw(c->out, "\n");
	for (size_t i = 0; i < r->nstale; i++) {
		const struct result_control *ctl = &r->controls[r->stale[i].control];
		const struct result_level *rl = &ctl->levels[r->stale[i].level];
		const struct evidence_file *ef = &rl->files.items[r->stale[i].file];

		txt_reset(&line);
		txt_raw(&line, "  ");
		style(c, &line, BOLD);
		txt_text(&line, ctl->id);
		style_off(c, &line);
		txt_raw(&line, "  [");
		txt_nobreak(&line, ctl->single ? msg(lang, MSG_ALL_LEVELS)
					       : report_level_name(rl->level, lang));
		txt_raw(&line, "]  ");
		style(c, &line, YELLOW);
		txt_text(&line, date_format(&ef->date, date));
		style_off(c, &line);
		styled_line(c, &line, 9, c->o->width);
		labelled(c, msg(lang, MSG_FILE), ef->path);
		if (ef->title)
			labelled(c, msg(lang, MSG_TITLE), ef->title);
		txt_raw(c->out, "\n");
	}
	txt_release(&line);
}

static void summary(struct ctx *c)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	struct txt_out line = TXT_OUT_INIT;
	bool first = true;

	/* Each count stays with what it counts. */
	txt_rawf(&line, "%zu%c", r->summary.gaps, TERM_NBSP);
	txt_nobreak(&line, msg_n(lang, MSG_SUMMARY_GAPS, r->summary.gaps));
	if (r->summary.gaps) {
		txt_raw(&line, " (");
		for (int l = 0; l < LEVEL_COUNT; l++) {
			if (!r->summary.gaps_by_level[l])
				continue;
			if (!first)
				txt_raw(&line, ", ");
			txt_nobreak(&line, report_level_name((enum level)l, lang));
			txt_rawf(&line, "%c%zu", TERM_NBSP, r->summary.gaps_by_level[l]);
			first = false;
		}
		txt_raw(&line, ")");
	}
	txt_rawf(&line, ", %zu%c", r->summary.unanswered, TERM_NBSP);
	txt_nobreak(&line, msg(lang, MSG_SUMMARY_UNANSWERED));
	txt_raw(&line, ", ");
	style(c, &line, r->summary.overdue ? BOLDRED : "");
	txt_rawf(&line, "%zu%c", r->summary.overdue, TERM_NBSP);
	txt_nobreak(&line, msg(lang, MSG_SUMMARY_OVERDUE));
	style_off(c, &line);
	if (r->summary.expired) {
		txt_raw(&line, ", ");
		style(c, &line, BOLDRED);
		txt_rawf(&line, "%zu%c", r->summary.expired, TERM_NBSP);
		txt_nobreak(&line, msg_n(lang, MSG_SUMMARY_EXPIRED, r->summary.expired));
		style_off(c, &line);
	}
	/* Reports without file evidence read as before. */
	if (r->summary.evidence_files) {
		txt_raw(&line, ", ");
		style(c, &line, r->summary.stale_evidence ? YELLOW : "");
		txt_rawf(&line, "%zu%c", r->summary.stale_evidence, TERM_NBSP);
		txt_nobreak(&line, msg_n(lang, MSG_SUMMARY_STALE, r->summary.stale_evidence));
		style_off(c, &line);
	}
	/* A sentence: wrapped as prose. */
	styled_line(c, &line, 0, prose(c));
	txt_release(&line);
}

void report_text_render(struct txt_out *out, const struct result *r,
			const struct report_text_options *opts)
{
	struct ctx c = {out, r, opts};

	header(&c);
	domain_table(&c);
	gaps(&c);
	stale_evidence(&c);
	summary(&c);
}
