/* Many entities on one page: the summary as text, JSON, HTML heat map, Markdown, CSV and XLSX. */
#include "summary_render.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "out_csv.h"
#include "out_html.h"
#include "out_markdown.h"
#include "out_text.h"
#include "term.h"
#include "xalloc.h"
#include "names.h"
#include "out_xlsx.h"

#define TITLE "C-RAF 2.0 group summary"
/* Entities named under each common gap in text, before "and N more". */
#define TEXT_MAX_NAMES 10

/* Where an entity's target came from, in words. */
static const char *source_words(enum target_source s)
{
	switch (s) {
	case TARGET_INHERENT_RISK:
		return "inherent risk";
	case TARGET_COMMAND_LINE:
		return "command line";
	default:
		return "answers file";
	}
}

static const char *cell_level(int level)
{
	return level == SUMMARY_ABSENT ? "-" : level_name((enum level)level);
}

static const char *level_letter(int level)
{
	static const char *const letters[] = {"N", "B", "I", "A"};

	return level == SUMMARY_ABSENT ? "-" : letters[level + 1];
}

static const char *arrow(enum summary_direction d)
{
	switch (d) {
	case SUMMARY_DIR_UP:
		return "\u2191";
	case SUMMARY_DIR_DOWN:
		return "\u2193";
	case SUMMARY_DIR_SAME:
		return "=";
	default:
		return "";
	}
}

/* "4y 1m", "3m", "12d"; "future" when assessed after the as-of date. */
static const char *age_words(char buf[32], const struct summary *s, const struct summary_entity *e)
{
	const struct date *a = &e->latest->assessment_date, *b = &s->as_of;
	long months = (long)(b->year - a->year) * 12 + (b->month - a->month) - (b->day < a->day);

	if (e->age_days < 0)
		snprintf(buf, 32, "future");
	else if (months < 1)
		snprintf(buf, 32, "%ldd", e->age_days);
	else if (months < 12)
		snprintf(buf, 32, "%ldm", months);
	else
		snprintf(buf, 32, "%ldy %ldm", months / 12, months % 12);
	return buf;
}

/* "3.1.5 baseline: Name", "2.1.1 all levels: Name": which requirement a common gap is. */
static void gap_requirement(struct strbuf *sb, const struct summary_gap *g)
{
	strbuf_addf(sb, "%s %s: %s", g->control, g->single ? "all levels" : level_name(g->level),
		    text_get(&g->name, LANG_EN));
}

/* The labels of the first max entities with the gap, joined by sep. */
static void gap_entities(struct strbuf *sb, const struct summary *s, const struct summary_gap *g,
			 const char *sep, size_t max)
{
	for (size_t k = 0; k < g->count && k < max; k++) {
		if (k)
			strbuf_adds(sb, sep);
		summary_entity_label(sb, s, &s->entities[g->entities[k]]);
	}
}

/* ---- text ---- */

struct tcol {
	const char *head;
	int prio; /* the lowest goes first when the table is too wide */
	int width;
	bool shown;
};

/*
 * A table that fits width: the first column (names) takes what the others
 * leave, at least min(its longest, 16) columns; when that is too little,
 * the columns of lowest priority are left out and named in a note.
 * cells holds nrows rows of ncols strings, column 0 the name.
 */
static void text_table(struct txt_out *out, struct tcol *cols, size_t ncols, const char **cells,
		       size_t nrows, int width)
{
	int name_max = term_width(cols[0].head), name_min, used, full, nhidden = 0;
	struct strbuf hidden = STRBUF_INIT;

	for (size_t c = 0; c < ncols; c++) {
		cols[c].width = term_width(cols[c].head);
		cols[c].shown = true;
	}
	for (size_t r = 0; r < nrows; r++)
		for (size_t c = 0; c < ncols; c++) {
			int w = term_width(cells[r * ncols + c] ? cells[r * ncols + c] : "");

			if (w > cols[c].width)
				cols[c].width = w;
		}
	name_max = cols[0].width;
	name_min = name_max < 16 ? name_max : 16;
	for (;;) {
		size_t drop = 0;

		used = 2;
		for (size_t c = 1; c < ncols; c++)
			if (cols[c].shown)
				used += 2 + cols[c].width;
		if (used + name_min <= width)
			break;
		for (size_t c = 1; c < ncols; c++)
			if (cols[c].shown && (!drop || cols[c].prio < cols[drop].prio))
				drop = c;
		if (!drop)
			break;
		cols[drop].shown = false;
	}
	full = 2 + name_max;
	for (size_t c = 1; c < ncols; c++)
		full += 2 + cols[c].width;
	cols[0].width = width - used < name_max ? width - used : name_max;
	if (cols[0].width < 8)
		cols[0].width = 8;
	for (size_t r = 0; r <= nrows; r++) {
		size_t last = 0;

		for (size_t c = 1; c < ncols; c++) {
			const char *v = r ? cells[(r - 1) * ncols + c] : cols[c].head;

			if (cols[c].shown && v && *v)
				last = c;
		}
		txt_raw(out, "  ");
		if (!last) {
			txt_text(out, r ? cells[(r - 1) * ncols] : cols[0].head);
			txt_raw(out, "\n");
			continue;
		}
		txt_pad_cut(out, r ? cells[(r - 1) * ncols] : cols[0].head, cols[0].width);
		for (size_t c = 1; c <= last; c++) {
			const char *v = r ? cells[(r - 1) * ncols + c] : cols[c].head;

			if (!cols[c].shown)
				continue;
			txt_raw(out, "  ");
			if (c == last)
				txt_text(out, v);
			else
				txt_pad(out, v ? v : "", cols[c].width);
		}
		txt_raw(out, "\n");
	}
	for (size_t c = 1; c < ncols; c++)
		if (!cols[c].shown) {
			strbuf_addf(&hidden, "%s%s", hidden.len ? ", " : "", cols[c].head);
			nhidden++;
		}
	if (hidden.len) {
		struct strbuf note = STRBUF_INIT;

		strbuf_addf(&note, "Left out at this width: %s (--width %d shows %s).", hidden.buf,
			    full > 1000 ? 1000 : full, nhidden == 1 ? "it" : "them");
		txt_wrap(out, note.buf, 2, width);
		txt_raw(out, "\n");
		strbuf_release(&note);
	}
	strbuf_release(&hidden);
}

static void text_heading(struct txt_out *out, const char *title, int width)
{
	txt_raw(out, "\n");
	txt_wrap(out, title, 0, width);
	txt_raw(out, "\n");
}

static void text_entities(struct txt_out *out, const struct summary *s, int width)
{
	/* The reassessment date says DUE once passed: the column that matters most after the level.
	 */
	struct tcol cols[] = {{"Institution", 100, 0, true}, {"Assessed", 80, 0, true},
			      {"Age", 60, 0, true},	     {"Target", 70, 0, true},
			      {"From", 10, 0, true},	     {"Overall", 90, 0, true},
			      {"Reassess by", 85, 0, true}};
	const size_t ncols = sizeof(cols) / sizeof(cols[0]);
	const char **cells = xcalloc(s->nentities * ncols + 1, sizeof(*cells));
	char(*dates)[2][16] = xcalloc(s->nentities + 1, sizeof(*dates));
	char(*ages)[32] = xcalloc(s->nentities + 1, sizeof(*ages));
	struct strbuf *names = xcalloc(s->nentities + 1, sizeof(*names));
	struct strbuf *overall = xcalloc(s->nentities + 1, sizeof(*overall));

	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];
		const char **row = &cells[i * ncols];

		summary_entity_label(&names[i], s, e);
		strbuf_addf(&overall[i], "%s %s", level_name(e->latest->overall),
			    e->meets_target ? "\u2713" : "\u2717");
		row[0] = strbuf_str(&names[i]);
		row[1] = date_format(&e->latest->assessment_date, dates[i][0]);
		row[2] = age_words(ages[i], s, e);
		row[3] = level_name(e->latest->target);
		row[4] = source_words(e->latest->target_source);
		row[5] = overall[i].buf;
		row[6] = date_format(&e->reassess_by, dates[i][1]);
		if (e->due)
			strcat(dates[i][1], " DUE");
	}
	text_heading(out, "Entities", width);
	text_table(out, cols, ncols, cells, s->nentities, width);
	for (size_t i = 0; i < s->nentities; i++) {
		strbuf_release(&names[i]);
		strbuf_release(&overall[i]);
	}
	free(names);
	free(overall);
	free(ages);
	free(dates);
	free(cells);
}

static void text_domains(struct txt_out *out, const struct summary *s, int width)
{
	size_t ncols = 1 + s->ndomains + 5;
	struct tcol *cols = xcalloc(ncols, sizeof(*cols));
	const char **cells = xcalloc(s->nentities * ncols + 1, sizeof(*cells));
	char(*nums)[5][32] = xcalloc(s->nentities + 1, sizeof(*nums));
	char(*heat)[16] = xcalloc(s->nentities * s->ndomains + 1, sizeof(*heat));
	struct strbuf *names = xcalloc(s->nentities + 1, sizeof(*names));
	struct strbuf legend = STRBUF_INIT;
	size_t c = 0;

	cols[c++] = (struct tcol){"Institution", 100, 0, true};
	for (size_t d = 0; d < s->ndomains; d++)
		cols[c++] = (struct tcol){s->domains[d].id, 50, 0, true};
	cols[c++] = (struct tcol){"Gaps", 95, 0, true};
	cols[c++] = (struct tcol){"B/I/A", 10, 0, true};
	cols[c++] = (struct tcol){"Overdue", 40, 0, true};
	cols[c++] = (struct tcol){"Expired", 30, 0, true};
	cols[c++] = (struct tcol){"Unans.", 5, 0, true};
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];
		const struct result_summary *rs = &e->latest->summary;
		const char **row = &cells[i * ncols];

		summary_entity_label(&names[i], s, e);
		row[0] = strbuf_str(&names[i]);
		for (size_t d = 0; d < s->ndomains; d++) {
			const struct summary_cell *sc = &e->cells[d];
			char *h = heat[i * s->ndomains + d];

			snprintf(h, 16, "%s%s%s", level_letter(sc->level), arrow(sc->dir),
				 sc->level != SUMMARY_ABSENT && !sc->meets_target ? "*" : "");
			row[1 + d] = h;
		}
		snprintf(nums[i][0], 32, "%zu", rs->gaps);
		snprintf(nums[i][1], 32, "%zu/%zu/%zu", rs->gaps_by_level[0], rs->gaps_by_level[1],
			 rs->gaps_by_level[2]);
		snprintf(nums[i][2], 32, "%zu", rs->overdue);
		snprintf(nums[i][3], 32, "%zu", rs->expired);
		snprintf(nums[i][4], 32, "%zu", rs->unanswered);
		for (size_t k = 0; k < 5; k++)
			row[1 + s->ndomains + k] = nums[i][k];
	}
	text_heading(out, "Maturity by domain, and gaps", width);
	text_table(out, cols, ncols, cells, s->nentities, width);
	txt_raw(out, "\n");
	strbuf_adds(&legend,
		    "Levels: N none, B baseline, I intermediate, A advanced, - not in the "
		    "entity's catalogue; * below the entity's target; \u2191 \u2193 = since "
		    "its previous assessment. B/I/A: gaps by level; Unans.: unanswered.");
	txt_wrap(out, legend.buf, 2, term_prose_width(width));
	txt_raw(out, "\n");
	strbuf_reset(&legend);
	strbuf_adds(&legend, "Domains:");
	for (size_t d = 0; d < s->ndomains; d++)
		strbuf_addf(&legend, "%s %s %s", d ? "," : "", s->domains[d].id,
			    text_get(&s->domains[d].name, LANG_EN));
	strbuf_adds(&legend, ".");
	txt_wrap(out, legend.buf, 2, term_prose_width(width));
	txt_raw(out, "\n");
	strbuf_release(&legend);
	for (size_t i = 0; i < s->nentities; i++)
		strbuf_release(&names[i]);
	free(names);
	free(heat);
	free(nums);
	free(cells);
	free(cols);
}

static size_t shown_gaps(const struct summary *s, const struct summary_render_options *o)
{
	return o->top && o->top < s->ngaps ? o->top : s->ngaps;
}

static void text_gaps(struct txt_out *out, const struct summary *s,
		      const struct summary_render_options *o)
{
	size_t shown = shown_gaps(s, o);
	struct strbuf sb = STRBUF_INIT;
	int prose = term_prose_width(o->width);

	text_heading(out, "Common gaps (requirements that are gaps in the most entities)",
		     o->width);
	if (!s->ngaps) {
		txt_raw(out, "\n  None: no entity has a gap against its target.\n");
		return;
	}
	for (size_t g = 0; g < shown; g++) {
		const struct summary_gap *sg = &s->gaps[g];
		char count[48];

		snprintf(count, sizeof(count), "%zu of %zu", sg->count, s->nentities);
		txt_raw(out, "\n  ");
		txt_pad(out, count, 10);
		strbuf_reset(&sb);
		gap_requirement(&sb, sg);
		txt_wrap_hanging(out, sb.buf, 12, prose);
		txt_raw(out, "\n");
		strbuf_reset(&sb);
		gap_entities(&sb, s, sg, "; ", TEXT_MAX_NAMES);
		if (sg->count > TEXT_MAX_NAMES)
			strbuf_addf(&sb, "; and %zu more", sg->count - TEXT_MAX_NAMES);
		txt_wrap(out, sb.buf, 12, prose);
		txt_raw(out, "\n");
	}
	if (shown < s->ngaps) {
		strbuf_reset(&sb);
		strbuf_addf(&sb,
			    "And %zu more requirement%s that %s in as many entities or fewer "
			    "(--top 0 shows all).",
			    s->ngaps - shown, s->ngaps - shown == 1 ? "" : "s",
			    s->ngaps - shown == 1 ? "is a gap" : "are gaps");
		txt_raw(out, "\n");
		txt_wrap(out, sb.buf, 2, prose);
		txt_raw(out, "\n");
	}
	strbuf_release(&sb);
}

static void totals_lines(struct strbuf *a, struct strbuf *b, const struct summary *s)
{
	const struct summary_totals *t = &s->totals;

	strbuf_addf(a,
		    "%zu entit%s from %zu file%s (%zu assessment%s): %zu meet%s %s target, %zu "
		    "below; %zu due for reassessment.",
		    t->entities, t->entities == 1 ? "y" : "ies", t->files, t->files == 1 ? "" : "s",
		    t->assessments, t->assessments == 1 ? "" : "s", t->meeting_target,
		    t->meeting_target == 1 ? "s" : "", t->meeting_target == 1 ? "its" : "their",
		    t->below_target, t->due);
	strbuf_addf(b,
		    "%zu gap%s (baseline %zu, intermediate %zu, advanced %zu), %zu unanswered, "
		    "%zu overdue remediation%s, %zu expired risk acceptance%s.",
		    t->gaps, t->gaps == 1 ? "" : "s", t->gaps_by_level[0], t->gaps_by_level[1],
		    t->gaps_by_level[2], t->unanswered, t->overdue, t->overdue == 1 ? "" : "s",
		    t->expired, t->expired == 1 ? "" : "s");
}

void summary_text_render(struct txt_out *out, const struct summary *s,
			 const struct summary_render_options *o)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	char date[11];
	int prose = term_prose_width(o->width);

	txt_raw(out, TITLE "\n");
	for (int i = term_width(TITLE); i > 0; i--)
		txt_raw(out, "=");
	txt_raw(out, "\n\n  As of     ");
	strbuf_addf(&a, "%s (reassessment due %d years after an assessment)",
		    date_format(&s->as_of, date), SUMMARY_REASSESS_YEARS);
	txt_wrap_hanging(out, a.buf, 12, prose);
	txt_raw(out, "\n  Entities  ");
	strbuf_reset(&a);
	strbuf_addf(&a, "by %s; the latest assessment of each",
		    s->key == SUMMARY_KEY_INSTITUTION_SCOPE ? "institution and scope"
							    : "institution name");
	txt_wrap_hanging(out, a.buf, 12, prose);
	txt_raw(out, "\n");
	strbuf_reset(&a);
	text_entities(out, s, o->width);
	text_domains(out, s, o->width);
	text_gaps(out, s, o);
	text_heading(out, "Totals", o->width);
	txt_raw(out, "\n");
	totals_lines(&a, &b, s);
	txt_wrap(out, a.buf, 2, prose);
	txt_raw(out, "\n");
	txt_wrap(out, b.buf, 2, prose);
	txt_raw(out, "\n");
	strbuf_release(&a);
	strbuf_release(&b);
}

/* ---- JSON ---- */

static void json_gaps_by_level(struct jsonw *w, const char *key, const size_t *by)
{
	jsonw_object(w, key);
	for (int l = 0; l < LEVEL_COUNT; l++)
		jsonw_int(w, level_name((enum level)l), (long long)by[l]);
	jsonw_end(w);
}

void summary_json_render(struct strbuf *out, const struct summary *s)
{
	struct jsonw w;
	struct strbuf label = STRBUF_INIT;
	char date[11];

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_str(&w, "schema", SUMMARY_SCHEMA);
	jsonw_str(&w, "as_of", date_format(&s->as_of, date));
	jsonw_str(&w, "key", summary_key_name(s->key));
	jsonw_int(&w, "reassessment_years", SUMMARY_REASSESS_YEARS);
	jsonw_array(&w, "domains", false);
	for (size_t d = 0; d < s->ndomains; d++) {
		jsonw_object(&w, NULL);
		jsonw_str(&w, "id", s->domains[d].id);
		jsonw_text(&w, "name", &s->domains[d].name);
		jsonw_int(&w, "entities_assessed", (long long)s->domains[d].assessed);
		jsonw_int(&w, "entities_meeting_target", (long long)s->domains[d].meeting);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_array(&w, "entities", false);
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];
		const struct result *r = e->latest;

		strbuf_reset(&label);
		summary_entity_label(&label, s, e);
		jsonw_object(&w, NULL);
		jsonw_str(&w, "label", label.buf);
		jsonw_str(&w, "institution", e->institution);
		jsonw_str(&w, "scope", e->scope);
		jsonw_str(&w, "source", e->path);
		jsonw_str(&w, "assessment_date", date_format(&r->assessment_date, date));
		jsonw_int(&w, "age_days", e->age_days);
		jsonw_str(&w, "reassess_by", date_format(&e->reassess_by, date));
		jsonw_bool(&w, "reassessment_due", e->due);
		jsonw_int(&w, "assessments", (long long)e->nassessments);
		if (e->previous) {
			jsonw_object(&w, "previous");
			jsonw_str(&w, "assessment_date",
				  date_format(&e->previous->assessment_date, date));
			jsonw_str(&w, "source", e->previous_path);
			jsonw_str(&w, "overall", level_name(e->previous->overall));
			jsonw_end(&w);
		} else {
			jsonw_null(&w, "previous");
		}
		jsonw_str(&w, "target", level_name(r->target));
		jsonw_str(&w, "target_source", target_source_name(r->target_source));
		jsonw_str(&w, "overall", level_name(r->overall));
		jsonw_bool(&w, "meets_target", e->meets_target);
		jsonw_array(&w, "domains", false);
		for (size_t d = 0; d < s->ndomains; d++) {
			const struct summary_cell *c = &e->cells[d];

			jsonw_object(&w, NULL);
			jsonw_str(&w, "id", s->domains[d].id);
			if (c->level == SUMMARY_ABSENT) {
				jsonw_null(&w, "achieved");
				jsonw_null(&w, "meets_target");
			} else {
				jsonw_str(&w, "achieved", level_name((enum level)c->level));
				jsonw_bool(&w, "meets_target", c->meets_target);
			}
			jsonw_str(&w, "direction", summary_direction_name(c->dir));
			jsonw_end(&w);
		}
		jsonw_end(&w);
		jsonw_int(&w, "gaps", (long long)r->summary.gaps);
		json_gaps_by_level(&w, "gaps_by_level", r->summary.gaps_by_level);
		jsonw_int(&w, "unanswered", (long long)r->summary.unanswered);
		jsonw_int(&w, "overdue_remediations", (long long)r->summary.overdue);
		jsonw_int(&w, "expired_risk_acceptances", (long long)r->summary.expired);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_array(&w, "common_gaps", false);
	for (size_t g = 0; g < s->ngaps; g++) {
		const struct summary_gap *sg = &s->gaps[g];

		jsonw_object(&w, NULL);
		jsonw_int(&w, "rank", (long long)g + 1);
		jsonw_str(&w, "control", sg->control);
		jsonw_text(&w, "name", &sg->name);
		jsonw_str(&w, "level", sg->single ? "all" : level_name(sg->level));
		jsonw_int(&w, "count", (long long)sg->count);
		jsonw_array(&w, "entities", false);
		for (size_t k = 0; k < sg->count; k++) {
			strbuf_reset(&label);
			summary_entity_label(&label, s, &s->entities[sg->entities[k]]);
			jsonw_str(&w, NULL, label.buf);
		}
		jsonw_end(&w);
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_object(&w, "totals");
	jsonw_int(&w, "files", (long long)s->totals.files);
	jsonw_int(&w, "assessments", (long long)s->totals.assessments);
	jsonw_int(&w, "entities", (long long)s->totals.entities);
	jsonw_int(&w, "meeting_target", (long long)s->totals.meeting_target);
	jsonw_int(&w, "below_target", (long long)s->totals.below_target);
	jsonw_int(&w, "reassessment_due", (long long)s->totals.due);
	jsonw_int(&w, "gaps", (long long)s->totals.gaps);
	json_gaps_by_level(&w, "gaps_by_level", s->totals.gaps_by_level);
	jsonw_int(&w, "unanswered", (long long)s->totals.unanswered);
	jsonw_int(&w, "overdue_remediations", (long long)s->totals.overdue);
	jsonw_int(&w, "expired_risk_acceptances", (long long)s->totals.expired);
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
	strbuf_release(&label);
}

/* ---- HTML ---- */

/* The heat map's colour: at or above target, one level short, further short, not assessed. */
static const char *heat_class(const struct summary_entity *e, const struct summary_cell *c)
{
	if (c->level == SUMMARY_ABSENT)
		return "na";
	if (c->meets_target)
		return "ok";
	return (int)e->latest->target - c->level == 1 ? "near" : "far";
}

static void html_cell_num(struct html_out *out, size_t n, bool warn)
{
	if (warn && n)
		html_rawf(out, "<td class=\"num warn\">%zu</td>", n);
	else
		html_rawf(out, "<td class=\"num\">%zu</td>", n);
}

/* One count of the cards at the top; in red when alarm and not zero. */
static void card(struct html_out *out, size_t n, const char *label, bool alarm)
{
	if (alarm && n)
		html_rawf(out, "<div class=\"card\"><b class=\"due\">%zu</b>", n);
	else
		html_rawf(out, "<div class=\"card\"><b>%zu</b>", n);
	html_text(out, label);
	html_raw(out, "</div>");
}

void summary_html_render(struct html_out *out, const struct summary *s,
			 const struct summary_render_options *o)
{
	struct strbuf sb = STRBUF_INIT, sb2 = STRBUF_INIT;
	size_t shown = shown_gaps(s, o);
	char date[11], age[32];

	html_raw(
		out,
		"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" TITLE
		"</title><style>body{margin:0;background:#f5f7fa;color:#1c2430;font:15px/1.5 "
		"-apple-system,'Segoe UI',Roboto,Arial,sans-serif}main{max-width:1180px;margin:0 "
		"auto;padding:36px 28px}h1{margin:0 0 4px}h2{font-size:18px;margin:30px 0 10px}"
		".meta{color:#5b6675}.cards{display:flex;gap:12px;flex-wrap:wrap;margin:18px 0}"
		".card{background:#fff;border:1px solid #d9dee5;border-radius:10px;padding:12px "
		"16px;min-width:140px}.card b{display:block;font-size:26px}"
		"table{width:100%;border-collapse:collapse;background:#fff;font-size:14px}"
		"th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #d9dee5;"
		"vertical-align:top}td.d{white-space:nowrap}th{background:#eef1f5;font-size:12px;text-transform:uppercase;"
		"color:#5b6675}td.num{text-align:right}td.warn{color:#b42318;font-weight:600}"
		"table.heat td.h{text-align:center;font-weight:600;border:2px solid #fff}"
		"td.ok{background:#cdeedd;color:#14532d}td.near{background:#fde7b0;color:#7a4a00}"
		"td.far{background:#f8c9c4;color:#7f1d1d}td.na{background:#eceff3;color:#6b7280}"
		".legend span{display:inline-block;padding:2px 10px;margin-right:8px;border-radius:"
		"4px}.due{color:#b42318;font-weight:700}.below{color:#b42318;font-weight:600}"
		".meets{color:#1f7a5a;font-weight:600}</style></head><body><main><h1>" TITLE
		"</h1><p class=\"meta\">As of ");
	html_text(out, date_format(&s->as_of, date));
	html_rawf(out, "; reassessment due %d years after an assessment; entities by ",
		  SUMMARY_REASSESS_YEARS);
	html_text(out, s->key == SUMMARY_KEY_INSTITUTION_SCOPE ? "institution and scope"
							       : "institution name");
	/* Only a count that needs attention is in red. */
	html_raw(out, ".</p><div class=\"cards\">");
	card(out, s->totals.entities, "entities", false);
	card(out, s->totals.meeting_target, "meet their target", false);
	card(out, s->totals.below_target, "below target", true);
	card(out, s->totals.due, "due for reassessment", true);
	card(out, s->totals.gaps, "gaps", false);
	card(out, s->totals.overdue, "overdue remediations", true);
	html_raw(out, "</div>");

	html_raw(out, "<h2>Heat map: achieved level by domain</h2><p class=\"legend\">"
		      "<span class=\"ok\" style=\"background:#cdeedd\">at or above target</span>"
		      "<span style=\"background:#fde7b0\">one level short</span>"
		      "<span style=\"background:#f8c9c4\">two or more short</span>"
		      "<span style=\"background:#eceff3\">not in its catalogue</span>"
		      "\u2191 \u2193 = since the previous assessment</p>"
		      "<table class=\"heat\"><thead><tr><th>Institution</th><th>Target</th>");
	for (size_t d = 0; d < s->ndomains; d++) {
		html_raw(out, "<th title=\"");
		html_attr(out, text_get(&s->domains[d].name, LANG_EN));
		html_raw(out, "\">");
		html_text(out, s->domains[d].id);
		html_raw(out, " ");
		html_text(out, text_get(&s->domains[d].name, LANG_EN));
		html_raw(out, "</th>");
	}
	html_raw(out, "</tr></thead><tbody>");
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];

		strbuf_reset(&sb);
		summary_entity_label(&sb, s, e);
		html_raw(out, "<tr><td>");
		html_text(out, sb.buf);
		html_raw(out, "</td><td>");
		html_text(out, level_name(e->latest->target));
		html_raw(out, "</td>");
		for (size_t d = 0; d < s->ndomains; d++) {
			const struct summary_cell *c = &e->cells[d];

			html_raw(out, "<td class=\"h ");
			html_attr(out, heat_class(e, c));
			html_raw(out, "\">");
			html_text(out, cell_level(c->level));
			if (c->dir != SUMMARY_DIR_NONE) {
				html_raw(out, " ");
				html_text(out, arrow(c->dir));
			}
			html_raw(out, "</td>");
		}
		html_raw(out, "</tr>");
	}
	html_raw(out, "<tr><td>Entities at or above target</td><td></td>");
	for (size_t d = 0; d < s->ndomains; d++)
		html_rawf(out, "<td class=\"num\">%zu of %zu</td>", s->domains[d].meeting,
			  s->domains[d].assessed);
	html_raw(out, "</tr></tbody></table>");

	html_raw(out, "<h2>Entities</h2><table><thead><tr><th>Institution</th><th>Assessed</th>"
		      "<th>Age</th><th>Target</th><th>Overall</th><th>Gaps</th><th>Baseline</th>"
		      "<th>Intermediate</th><th>Advanced</th><th>Overdue</th><th>Expired</th>"
		      "<th>Reassess by</th></tr></thead><tbody>");
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];
		const struct result *r = e->latest;

		strbuf_reset(&sb);
		summary_entity_label(&sb, s, e);
		html_raw(out, "<tr><td>");
		html_text(out, sb.buf);
		html_raw(out, "<br><small class=\"meta\">");
		html_text(out, e->path);
		if (e->previous) {
			html_raw(out, "; previous ");
			html_text(out, date_format(&e->previous->assessment_date, date));
		}
		html_raw(out, "</small></td><td class=\"d\">");
		html_text(out, date_format(&r->assessment_date, date));
		html_raw(out, "</td><td class=\"d\">");
		html_text(out, age_words(age, s, e));
		html_raw(out, "</td><td>");
		html_text(out, level_name(r->target));
		html_raw(out, "<br><small class=\"meta\">");
		html_text(out, source_words(r->target_source));
		html_raw(out, "</small></td><td class=\"");
		html_attr(out, e->meets_target ? "meets" : "below");
		html_raw(out, "\">");
		html_text(out, level_name(r->overall));
		html_raw(out, "</td>");
		html_cell_num(out, r->summary.gaps, false);
		for (int l = 0; l < LEVEL_COUNT; l++)
			html_cell_num(out, r->summary.gaps_by_level[l], false);
		html_cell_num(out, r->summary.overdue, true);
		html_cell_num(out, r->summary.expired, true);
		html_raw(out, "<td");
		if (e->due)
			html_raw(out, " class=\"due\"");
		html_raw(out, ">");
		html_text(out, date_format(&e->reassess_by, date));
		if (e->due)
			html_raw(out, " (due)");
		html_raw(out, "</td></tr>");
	}
	html_raw(out, "</tbody></table><h2>Common gaps</h2>");
	if (!s->ngaps)
		html_raw(out, "<p>None: no entity has a gap against its target.</p>");
	else
		html_raw(out, "<table><thead><tr><th>#</th><th>Requirement</th><th>Entities</th>"
			      "<th>Which</th></tr></thead><tbody>");
	for (size_t g = 0; g < shown; g++) {
		const struct summary_gap *sg = &s->gaps[g];

		strbuf_reset(&sb);
		gap_requirement(&sb, sg);
		html_rawf(out, "<tr><td class=\"num\">%zu</td><td>", g + 1);
		html_text(out, sb.buf);
		html_rawf(out, "</td><td class=\"num\">%zu of %zu</td><td>", sg->count,
			  s->nentities);
		strbuf_reset(&sb2);
		gap_entities(&sb2, s, sg, "; ", SIZE_MAX);
		html_text(out, sb2.buf);
		html_raw(out, "</td></tr>");
	}
	if (s->ngaps)
		html_raw(out, "</tbody></table>");
	if (shown < s->ngaps)
		html_rawf(out,
			  "<p class=\"meta\">And %zu more requirements that are gaps in as many "
			  "entities or fewer (--top 0 shows all).</p>",
			  s->ngaps - shown);
	strbuf_reset(&sb);
	strbuf_reset(&sb2);
	totals_lines(&sb, &sb2, s);
	html_raw(out, "<h2>Totals</h2><p>");
	html_text(out, sb.buf);
	html_raw(out, "<br>");
	html_text(out, sb2.buf);
	html_raw(out, "</p></main></body></html>\n");
	strbuf_release(&sb);
	strbuf_release(&sb2);
}

/* ---- Markdown ---- */

void summary_markdown_render(struct md_out *out, const struct summary *s,
			     const struct summary_render_options *o)
{
	struct strbuf sb = STRBUF_INIT, sb2 = STRBUF_INIT;
	size_t shown = shown_gaps(s, o);
	char date[11], age[32];

	md_raw(out, "# " TITLE "\n\nAs of ");
	md_text(out, date_format(&s->as_of, date));
	md_rawf(out, "; reassessment due %d years after an assessment; entities by ",
		SUMMARY_REASSESS_YEARS);
	md_text(out, s->key == SUMMARY_KEY_INSTITUTION_SCOPE ? "institution and scope"
							     : "institution name");
	md_raw(out, ".\n\n## Entities\n\n| Institution | Assessed | Age | Target | From | Overall "
		    "| Gaps | Baseline | Intermediate | Advanced | Overdue | Expired | Reassess by "
		    "|\n|---|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];
		const struct result *r = e->latest;

		strbuf_reset(&sb);
		summary_entity_label(&sb, s, e);
		md_raw(out, "| ");
		md_text(out, sb.buf);
		md_raw(out, " | ");
		md_text(out, date_format(&r->assessment_date, date));
		md_raw(out, " | ");
		md_text(out, age_words(age, s, e));
		md_raw(out, " | ");
		md_text(out, level_name(r->target));
		md_raw(out, " | ");
		md_text(out, source_words(r->target_source));
		md_raw(out, " | ");
		md_text(out, level_name(r->overall));
		if (e->meets_target)
			md_raw(out, " \u2713");
		else
			md_raw(out, " \u2717");
		md_rawf(out, " | %zu | %zu | %zu | %zu | %zu | %zu | ", r->summary.gaps,
			r->summary.gaps_by_level[0], r->summary.gaps_by_level[1],
			r->summary.gaps_by_level[2], r->summary.overdue, r->summary.expired);
		md_text(out, date_format(&e->reassess_by, date));
		if (e->due)
			md_raw(out, " **due** |\n");
		else
			md_raw(out, " |\n");
	}
	md_raw(out, "\n## Maturity by domain\n\nAchieved level; \u2717 below the entity's target; "
		    "\u2191 \u2193 = since its previous assessment; - not in its catalogue.\n\n"
		    "| Institution |");
	for (size_t d = 0; d < s->ndomains; d++) {
		md_raw(out, " ");
		md_text(out, s->domains[d].id);
		md_raw(out, " ");
		md_text(out, text_get(&s->domains[d].name, LANG_EN));
		md_raw(out, " |");
	}
	md_raw(out, "\n|---|");
	for (size_t d = 0; d < s->ndomains; d++)
		md_raw(out, "---|");
	md_raw(out, "\n");
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];

		strbuf_reset(&sb);
		summary_entity_label(&sb, s, e);
		md_raw(out, "| ");
		md_text(out, sb.buf);
		md_raw(out, " |");
		for (size_t d = 0; d < s->ndomains; d++) {
			const struct summary_cell *c = &e->cells[d];

			md_raw(out, " ");
			md_text(out, cell_level(c->level));
			if (c->level != SUMMARY_ABSENT && !c->meets_target)
				md_raw(out, " \u2717");
			if (c->dir != SUMMARY_DIR_NONE) {
				md_raw(out, " ");
				md_text(out, arrow(c->dir));
			}
			md_raw(out, " |");
		}
		md_raw(out, "\n");
	}
	md_raw(out, "\n## Common gaps\n\n");
	if (!s->ngaps)
		md_raw(out, "None: no entity has a gap against its target.\n");
	else
		md_raw(out, "| # | Requirement | Entities | Which |\n|---:|---|---:|---|\n");
	for (size_t g = 0; g < shown; g++) {
		const struct summary_gap *sg = &s->gaps[g];

		strbuf_reset(&sb);
		gap_requirement(&sb, sg);
		strbuf_reset(&sb2);
		gap_entities(&sb2, s, sg, "; ", SIZE_MAX);
		md_rawf(out, "| %zu | ", g + 1);
		md_text(out, sb.buf);
		md_rawf(out, " | %zu of %zu | ", sg->count, s->nentities);
		md_text(out, sb2.buf);
		md_raw(out, " |\n");
	}
	if (shown < s->ngaps)
		md_rawf(out,
			"\nAnd %zu more requirements that are gaps in as many entities or fewer.\n",
			s->ngaps - shown);
	strbuf_reset(&sb);
	strbuf_reset(&sb2);
	totals_lines(&sb, &sb2, s);
	md_raw(out, "\n## Totals\n\n");
	md_text(out, sb.buf);
	md_raw(out, "\n\n");
	md_text(out, sb2.buf);
	md_raw(out, "\n");
	strbuf_release(&sb);
	strbuf_release(&sb2);
}

/* ---- CSV ---- */

void summary_csv_render(struct csv_out *out, const struct summary *s,
			const struct summary_render_options *o)
{
	static const char *const header[] = {
		"institution",
		"scope",
		"source",
		"assessment_date",
		"age_days",
		"reassess_by",
		"reassessment_due",
		"assessments",
		"previous_assessment_date",
		"target",
		"target_source",
		"overall",
		"meets_target",
		"gaps",
		"gaps_baseline",
		"gaps_intermediate",
		"gaps_advanced",
		"unanswered",
		"overdue_remediations",
		"expired_risk_acceptances",
	};
	struct strbuf v = STRBUF_INIT;
	char date[11];

	if (o->csv_bom)
		csv_bom(out);
	for (size_t i = 0; i < sizeof(header) / sizeof(header[0]); i++)
		csv_cell(out, header[i]);
	for (size_t d = 0; d < s->ndomains; d++) {
		strbuf_reset(&v);
		strbuf_addf(&v, "domain_%s", s->domains[d].id);
		csv_cell(out, v.buf);
		strbuf_adds(&v, "_direction");
		csv_cell(out, v.buf);
	}
	csv_end_row(out);
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];
		const struct result *r = e->latest;

		csv_cell(out, e->institution);
		csv_cell(out, e->scope);
		csv_cell(out, e->path);
		csv_cell(out, date_format(&r->assessment_date, date));
		strbuf_reset(&v);
		strbuf_addf(&v, "%ld", e->age_days);
		csv_cell(out, v.buf);
		csv_cell(out, date_format(&e->reassess_by, date));
		csv_cell(out, e->due ? "yes" : "no");
		strbuf_reset(&v);
		strbuf_addf(&v, "%zu", e->nassessments);
		csv_cell(out, v.buf);
		csv_cell(out,
			 e->previous ? date_format(&e->previous->assessment_date, date) : NULL);
		csv_cell(out, level_name(r->target));
		csv_cell(out, target_source_name(r->target_source));
		csv_cell(out, level_name(r->overall));
		csv_cell(out, e->meets_target ? "yes" : "no");
		{
			const size_t nums[] = {r->summary.gaps,
					       r->summary.gaps_by_level[0],
					       r->summary.gaps_by_level[1],
					       r->summary.gaps_by_level[2],
					       r->summary.unanswered,
					       r->summary.overdue,
					       r->summary.expired};

			for (size_t k = 0; k < sizeof(nums) / sizeof(nums[0]); k++) {
				strbuf_reset(&v);
				strbuf_addf(&v, "%zu", nums[k]);
				csv_cell(out, v.buf);
			}
		}
		for (size_t d = 0; d < s->ndomains; d++) {
			csv_cell(out, e->cells[d].level == SUMMARY_ABSENT
					      ? NULL
					      : level_name((enum level)e->cells[d].level));
			csv_cell(out, summary_direction_name(e->cells[d].dir));
		}
		csv_end_row(out);
	}
	strbuf_release(&v);
}

/* ---- XLSX ---- */

static void xlsx_entities(struct wb_out *x, const struct summary *s)
{
	const char *const cols[] = {
		"Institution",	     "Scope",	      "Source",	      "Assessed", "Age (days)",
		"Reassess by",	     "Due",	      "Assessments",  "Previous", "Target",
		"Target from",	     "Overall",	      "Meets target", "Gaps",	  "Baseline gaps",
		"Intermediate gaps", "Advanced gaps", "Unanswered",   "Overdue",  "Expired"};
	const size_t ncols = ARRAY_SIZE(cols);
	wb_sheet(x, "Entities", cols, ncols);
	wb_columns(x, 0, 0, 40, WB_PLAIN);
	wb_columns(x, 1, 2, 24, WB_PLAIN);
	wb_columns(x, 3, ncols - 1, 13, WB_PLAIN);
	char date[11];

	wb_headers(x, 0, cols, ncols);
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];
		const struct result *r = e->latest;
		size_t row = (size_t)(i + 1);
		const double nums[] = {(double)r->summary.gaps,
				       (double)r->summary.gaps_by_level[0],
				       (double)r->summary.gaps_by_level[1],
				       (double)r->summary.gaps_by_level[2],
				       (double)r->summary.unanswered,
				       (double)r->summary.overdue,
				       (double)r->summary.expired};

		wb_row_about(x, e->institution);
		wb_text(x, row, 0, e->institution, WB_PLAIN);
		wb_text(x, row, 1, e->scope, WB_PLAIN);
		wb_text(x, row, 2, e->path, WB_PLAIN);
		wb_text(x, row, 3, date_format(&r->assessment_date, date), WB_PLAIN);
		wb_number(x, row, 4, (double)e->age_days, WB_PLAIN);
		wb_text(x, row, 5, date_format(&e->reassess_by, date), WB_PLAIN);
		wb_text(x, row, 6, e->due ? "yes" : "no", e->due ? WB_BAD : WB_PLAIN);
		wb_number(x, row, 7, (double)e->nassessments, WB_PLAIN);
		wb_text(x, row, 8,
			e->previous ? date_format(&e->previous->assessment_date, date) : NULL,
			WB_PLAIN);
		wb_text(x, row, 9, level_name(r->target), WB_PLAIN);
		wb_text(x, row, 10, source_words(r->target_source), WB_PLAIN);
		wb_text(x, row, 11, level_name(r->overall), e->meets_target ? WB_OK : WB_BAD);
		wb_text(x, row, 12, e->meets_target ? "yes" : "no", WB_PLAIN);
		for (size_t k = 0; k < ARRAY_SIZE(nums); k++)
			wb_number(x, row, (size_t)(13 + k), nums[k], WB_PLAIN);
	}
	wb_table(x, 0, s->nentities, ncols);
}

static void xlsx_heat(struct wb_out *x, const struct summary *s)
{
	static const enum wb_style fill[] = {WB_HEAT_OK, WB_HEAT_NEAR, WB_HEAT_FAR, WB_HEAT_NONE};
	wb_sheet(x, "Heat map", NULL, 0);
	wb_columns(x, 0, 0, 40, WB_PLAIN);
	wb_columns(x, 1, 1 + s->ndomains, 16, WB_PLAIN);
	struct strbuf v = STRBUF_INIT;

	wb_text(x, 0, 0, "Institution", WB_HEADER);
	wb_text(x, 0, 1, "Target", WB_HEADER);
	for (size_t d = 0; d < s->ndomains; d++) {
		strbuf_reset(&v);
		strbuf_addf(&v, "%s %s", s->domains[d].id, text_get(&s->domains[d].name, LANG_EN));
		wb_text(x, 0, (size_t)(2 + d), v.buf, WB_HEADER);
	}
	for (size_t i = 0; i < s->nentities; i++) {
		const struct summary_entity *e = &s->entities[i];
		size_t row = (size_t)(i + 1);

		strbuf_reset(&v);
		summary_entity_label(&v, s, e);
		wb_row_about(x, e->institution);
		wb_text(x, row, 0, v.buf, WB_PLAIN);
		wb_text(x, row, 1, level_name(e->latest->target), WB_PLAIN);
		for (size_t d = 0; d < s->ndomains; d++) {
			const struct summary_cell *c = &e->cells[d];
			const char *k = heat_class(e, c);
			int f = !strcmp(k, "ok")     ? 0
				: !strcmp(k, "near") ? 1
				: !strcmp(k, "far")  ? 2
						     : 3;

			strbuf_reset(&v);
			strbuf_addf(&v, "%s%s%s", cell_level(c->level),
				    c->dir != SUMMARY_DIR_NONE ? " " : "", arrow(c->dir));
			wb_text(x, row, (size_t)(2 + d), v.buf, fill[f]);
		}
	}
	wb_freeze(x, 1, 1);
	wb_print_setup(x, 0, 0);
	strbuf_release(&v);
}

static void xlsx_gaps(struct wb_out *x, const struct summary *s)
{
	const char *const cols[] = {"Rank", "Control", "Name", "Level", "Entities", "Which"};
	const size_t ncols = ARRAY_SIZE(cols);
	wb_sheet(x, "Common gaps", cols, ncols);
	wb_widths(x, (const double[]){9, 9, 36, 12, 12, 60}, ncols);
	struct strbuf v = STRBUF_INIT;

	wb_headers(x, 0, cols, ncols);
	for (size_t g = 0; g < s->ngaps; g++) {
		const struct summary_gap *sg = &s->gaps[g];
		size_t row = (size_t)(g + 1);

		wb_row_about(x, sg->control);
		wb_number(x, row, 0, (double)(g + 1), WB_PLAIN);
		wb_text(x, row, 1, sg->control, WB_PLAIN);
		wb_text(x, row, 2, text_get(&sg->name, LANG_EN), WB_PLAIN);
		wb_text(x, row, 3, sg->single ? "all" : level_name(sg->level), WB_PLAIN);
		wb_number(x, row, 4, (double)sg->count, WB_PLAIN);
		strbuf_reset(&v);
		gap_entities(&v, s, sg, "\n", SIZE_MAX);
		wb_text(x, row, 5, v.buf, WB_WRAP);
	}
	wb_table(x, 0, s->ngaps, ncols);
	strbuf_release(&v);
}

static void xlsx_totals(struct wb_out *x, const struct summary *s)
{
	const struct summary_totals *t = &s->totals;
	const struct {
		const char *label;
		size_t n;
	} rows[] = {{"Files", t->files},
		    {"Assessments", t->assessments},
		    {"Entities", t->entities},
		    {"Meeting target", t->meeting_target},
		    {"Below target", t->below_target},
		    {"Reassessment due", t->due},
		    {"Gaps", t->gaps},
		    {"Baseline gaps", t->gaps_by_level[0]},
		    {"Intermediate gaps", t->gaps_by_level[1]},
		    {"Advanced gaps", t->gaps_by_level[2]},
		    {"Unanswered", t->unanswered},
		    {"Overdue remediations", t->overdue},
		    {"Expired risk acceptances", t->expired}};
	wb_sheet(x, "Totals", NULL, 0);
	wb_widths(x, (const double[]){28, 14}, 2);
	char date[11];

	wb_text(x, 0, 0, TITLE, WB_TITLE);
	wb_text(x, 2, 0, "As of", WB_BOLD);
	wb_text(x, 2, 1, date_format(&s->as_of, date), WB_PLAIN);
	wb_text(x, 3, 0, "Entities by", WB_BOLD);
	wb_text(x, 3, 1, summary_key_name(s->key), WB_PLAIN);
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		wb_text(x, (size_t)(5 + i), 0, rows[i].label, WB_BOLD);
		wb_number(x, (size_t)(5 + i), 1, (double)rows[i].n, WB_PLAIN);
	}
}

int summary_xlsx_write(const char *path, const struct summary *s,
		       const struct summary_render_options *o, struct strbuf *warnings,
		       struct strbuf *err)
{
	struct wb_props props = {TITLE, NULL, o->now};
	struct wb_out *x = wb_open(path, &props, LANG_EN, warnings, err);

	if (!x)
		return -1;
	xlsx_entities(x, s);
	xlsx_heat(x, s);
	xlsx_gaps(x, s);
	xlsx_totals(x, s);
	return wb_close(x);
}
