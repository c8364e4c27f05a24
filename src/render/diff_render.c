/* Renders a comparison for people: terminal text, Markdown and HTML. */
#include <stdio.h>
#include <string.h>

#include "diff_render.h"
#include "out_html.h"
#include "out_markdown.h"
#include "out_text.h"
#include "report_text.h"
#include "term.h"

/* The three people-facing formats differ only in how they mark things up. */
enum flavour { TEXT, MARKDOWN, HTML };

/* One writer, for the flavour being rendered; the others are NULL. */
struct ctx {
	struct txt_out *txt;
	struct md_out *md;
	struct html_out *html;
	const struct diff *d;
	const struct diff_options *o;
	enum flavour f;
};

/* A label used mid-sentence: "Target" reads "target" there (CJK is unchanged). */
static const char *word(struct ctx *c, enum msg id, char *buf, size_t size)
{
	snprintf(buf, size, "%s", msg(c->o->lang, id));
	if (buf[0] >= 'A' && buf[0] <= 'Z')
		buf[0] = (char)(buf[0] - 'A' + 'a');
	return buf;
}

static const char *lvl(struct ctx *c, enum level l)
{
	return report_level_name(l, c->o->lang);
}

static void bold(struct ctx *c, struct txt_out *t)
{
	txt_style(t, c->o->color ? "\033[1m" : "");
}

static void plain(struct ctx *c, struct txt_out *t)
{
	txt_style(t, c->o->color ? "\033[0m" : "");
}

/* Text: a line built here (maybe coloured) from column col, wrapped under indent. */
static void text_line(struct ctx *c, const struct txt_out *s, int col, int indent, int width)
{
	txt_wrap_styled(c->txt, s, col, indent, width);
	txt_raw(c->txt, "\n");
}

/* Text: "  Label        value", the value wrapping under itself. */
static void text_field(struct ctx *c, const char *label, const struct txt_out *value)
{
	txt_raw(c->txt, "  ");
	txt_pad(c->txt, label, 12);
	txt_raw(c->txt, " ");
	text_line(c, value, 15, 15, term_prose_width(c->o->width));
}

/* Text: "old -> new" unbroken when the line has room, else broken after the arrow only. */
static void change(struct txt_out *line, const char *old, const char *new, int room)
{
	struct strbuf whole = STRBUF_INIT;

	strbuf_addf(&whole, "%s -> %s", old, new);
	if (term_width(whole.buf) <= room) {
		txt_nobreak(line, whole.buf);
	} else {
		txt_nobreak(line, old);
		txt_rawf(line, "%c-> ", TERM_NBSP);
		txt_nobreak(line, new);
		txt_nobreak(line, "");
	}
	strbuf_release(&whole);
}

static void heading(struct ctx *c, const char *title, size_t n)
{
	switch (c->f) {
	case TEXT: {
		struct txt_out line = TXT_OUT_INIT;

		/* The count stays with the title's last word. */
		bold(c, &line);
		txt_text(&line, title);
		txt_rawf(&line, "%c(%zu)", TERM_NBSP, n);
		plain(c, &line);
		txt_raw(c->txt, "\n");
		text_line(c, &line, 0, 2, c->o->width);
		txt_release(&line);
		break;
	}
	case MARKDOWN:
		md_raw(c->md, "\n## ");
		md_text(c->md, title);
		md_rawf(c->md, " (%zu)\n\n", n);
		break;
	case HTML:
		html_raw(c->html, "<h2>");
		html_text(c->html, title);
		html_rawf(c->html, " (%zu)</h2>", n);
		break;
	}
}

/* Markdown or HTML: a table's head, its columns named; HTML opens the body. */
static void table_head(struct ctx *c, const char *const *names, size_t n)
{
	if (c->f == MARKDOWN) {
		md_row(c->md, names, n);
		md_raw(c->md, "|");
		for (size_t i = 0; i < n; i++)
			md_raw(c->md, "---|");
		md_raw(c->md, "\n");
	} else if (c->f == HTML) {
		html_raw(c->html, "<table><thead><tr>");
		html_th(c->html, names, n);
		html_raw(c->html, "</tr></thead><tbody>");
	}
}

/* side: 0 both statuses, 1 the new one only, 2 the old one only (catalogue drift). */
static void item_list(struct ctx *c, const char *title, const struct diff_items *list, int side)
{
	heading(c, title, list->nr);
	if (list->nr)
		table_head(c, (const char *const[]){"ID", "Level", "Old", "New"}, 4);
	for (size_t i = 0; i < list->nr; i++) {
		const struct diff_item *it = &list->items[i];
		const char *lv =
			it->control->single ? msg(c->o->lang, MSG_ALL_LEVELS) : lvl(c, it->level);
		const char *os = side == 1 ? "-" : report_status_name(it->old_status, c->o->lang);
		const char *ns = side == 2 ? "-" : report_status_name(it->new_status, c->o->lang);

		switch (c->f) {
		case TEXT: {
			struct txt_out line = TXT_OUT_INIT;
			int col;

			/* "  3.1.2   Name  [level]  old -> new", wrapped under the name. */
			txt_raw(&line, "  ");
			txt_pad(&line, it->control->id, 7);
			txt_raw(&line, " ");
			col = txt_width(&line);
			txt_append(c->txt, &line);
			txt_reset(&line);
			txt_text(&line, text_get(&it->control->name, c->o->lang));
			txt_raw(&line, "  [");
			txt_nobreak(&line, lv);
			txt_raw(&line, "]  ");
			change(&line, os, ns, c->o->width - col);
			text_line(c, &line, col, col, c->o->width);
			txt_release(&line);
			break;
		}
		case MARKDOWN:
			md_raw(c->md, "| ");
			md_text(c->md, it->control->id);
			md_raw(c->md, " ");
			md_text(c->md, text_get(&it->control->name, c->o->lang));
			md_raw(c->md, " | ");
			md_text(c->md, lv);
			md_raw(c->md, " | ");
			md_text(c->md, os);
			md_raw(c->md, " | ");
			md_text(c->md, ns);
			md_raw(c->md, " |\n");
			break;
		case HTML:
			html_raw(c->html, "<tr><td><strong>");
			html_text(c->html, it->control->id);
			html_raw(c->html, "</strong> ");
			html_text(c->html, text_get(&it->control->name, c->o->lang));
			html_raw(c->html, "</td><td>");
			html_text(c->html, lv);
			html_raw(c->html, "</td><td>");
			html_text(c->html, os);
			html_raw(c->html, "</td><td>");
			html_text(c->html, ns);
			html_raw(c->html, "</td></tr>");
			break;
		}
	}
	if (c->f == HTML && list->nr)
		html_raw(c->html, "</tbody></table>");
}

/* Text: "2026-11-01, target intermediate, overall none", each label with its level. */
static void cycle(struct ctx *c, struct txt_out *v, const char *date, const struct result *r)
{
	char w[64];

	txt_text(v, date);
	txt_raw(v, ", ");
	txt_nobreak(v, word(c, MSG_TARGET, w, sizeof(w)));
	txt_rawf(v, "%c", TERM_NBSP);
	txt_nobreak(v, lvl(c, r->target));
	txt_raw(v, ", ");
	txt_nobreak(v, word(c, MSG_OVERALL, w, sizeof(w)));
	txt_rawf(v, "%c", TERM_NBSP);
	txt_nobreak(v, lvl(c, r->overall));
}

/* Markdown or HTML: a table row of n cells; the HTML row has class html_class unless NULL. */
static void table_row(struct ctx *c, const char *html_class, const char *const *cells, size_t n)
{
	if (c->f == MARKDOWN) {
		md_row(c->md, cells, n);
		return;
	}
	if (html_class) {
		html_raw(c->html, "<tr class=\"");
		html_attr(c->html, html_class);
		html_raw(c->html, "\">");
	} else {
		html_raw(c->html, "<tr>");
	}
	html_td(c->html, cells, n);
	html_raw(c->html, "</tr>");
}

static void header(struct ctx *c)
{
	const struct result *o = c->d->old, *n = c->d->new;
	char od[11], nd[11];

	date_format(&o->assessment_date, od);
	date_format(&n->assessment_date, nd);
	switch (c->f) {
	case TEXT: {
		struct txt_out v = TXT_OUT_INIT;

		txt_text(c->txt, msg(c->o->lang, MSG_DIFF_TITLE));
		txt_raw(c->txt, "\n");
		for (int i = term_width(msg(c->o->lang, MSG_DIFF_TITLE)); i > 0; i--)
			txt_raw(c->txt, "=");
		txt_raw(c->txt, "\n\n");
		txt_text(&v, n->institution);
		if (strcmp(o->institution, n->institution)) {
			txt_raw(&v, " (old: ");
			txt_text(&v, o->institution);
			txt_raw(&v, ")");
		}
		text_field(c, msg(c->o->lang, MSG_INSTITUTION), &v);
		txt_reset(&v);
		cycle(c, &v, od, o);
		text_field(c, msg(c->o->lang, MSG_DIFF_OLD), &v);
		txt_reset(&v);
		cycle(c, &v, nd, n);
		text_field(c, msg(c->o->lang, MSG_DIFF_NEW), &v);
		txt_release(&v);
		break;
	}
	case MARKDOWN:
		md_raw(c->md, "# C-RAF 2.0 assessment comparison\n\n| | Old | New |\n"
			      "|---|---|---|\n");
		md_row(c->md, (const char *const[]){"Institution", o->institution, n->institution},
		       3);
		md_row(c->md, (const char *const[]){"Assessed", od, nd}, 3);
		md_row(c->md, (const char *const[]){"Target", lvl(c, o->target), lvl(c, n->target)},
		       3);
		md_row(c->md,
		       (const char *const[]){"Overall", lvl(c, o->overall), lvl(c, n->overall)}, 3);
		break;
	case HTML:
		html_raw(c->html, "<header><p class=\"eyebrow\">C-RAF 2.0 assessment comparison"
				  "</p><h1>");
		html_text(c->html, n->institution);
		html_raw(c->html, "</h1><p class=\"meta\">");
		html_text(c->html, od);
		html_raw(c->html, " &rarr; ");
		html_text(c->html, nd);
		html_raw(c->html, "</p></header><table><thead><tr><th></th><th>");
		html_text(c->html, od);
		html_raw(c->html, "</th><th>");
		html_text(c->html, nd);
		html_raw(c->html, "</th></tr></thead><tbody>");
		table_row(c, NULL,
			  (const char *const[]){"Target", lvl(c, o->target), lvl(c, n->target)}, 3);
		table_row(c, NULL,
			  (const char *const[]){"Overall", lvl(c, o->overall), lvl(c, n->overall)},
			  3);
		html_raw(c->html, "</tbody></table>");
		break;
	}
}

static const char *arrow_name(enum diff_change ch)
{
	switch (ch) {
	case CHANGE_UP:
		return "up";
	case CHANGE_DOWN:
		return "DOWN";
	case CHANGE_ADDED:
		return "added";
	case CHANGE_REMOVED:
		return "removed";
	case CHANGE_SAME:
		break;
	}
	return "same";
}

/* Text: columns of the domain table, or 0 when it is too wide and each domain takes two lines. */
static int domain_name_col(struct ctx *c)
{
	const struct diff *d = c->d;
	int name_col = 30, level_col = 14, arrow = 0;

	for (size_t i = 0; i < d->ndomains; i++) {
		const struct diff_domain *dd = &d->domains[i];
		struct txt_out name = TXT_OUT_INIT;
		int w;

		txt_text(&name, dd->id);
		txt_raw(&name, " ");
		txt_text(&name, text_get(&dd->name, c->o->lang));
		w = txt_width(&name);
		if (w > name_col)
			name_col = w;
		w = term_width(lvl(c, dd->new_level));
		if (w > level_col)
			level_col = w;
		w = (int)strlen(arrow_name(dd->change));
		if (w > arrow)
			arrow = w;
		txt_release(&name);
	}
	return 2 + name_col + 1 + 14 + 3 + level_col + arrow <= c->o->width ? name_col : 0;
}

/* Text: a domain's row, or its two lines when name_col is 0. */
static void text_domain(struct ctx *c, const struct diff_domain *dd, const char *name,
			const char *ol, const char *nl, int name_col)
{
	struct txt_out clean = TXT_OUT_INIT, arrow = TXT_OUT_INIT;

	txt_text(&clean, name);
	txt_style(&arrow, c->o->color && dd->change == CHANGE_DOWN ? "\033[1;31m"
			  : c->o->color && dd->change == CHANGE_UP ? "\033[32m"
								   : "");
	txt_text(&arrow, arrow_name(dd->change));
	plain(c, &arrow);
	txt_raw(c->txt, "  ");
	if (name_col) {
		txt_pad_out(c->txt, &clean, name_col);
		txt_raw(c->txt, " ");
		txt_pad(c->txt, ol, 14);
		txt_raw(c->txt, "-> ");
		txt_pad(c->txt, nl, 14);
		txt_append(c->txt, &arrow);
		txt_raw(c->txt, "\n");
	} else {
		/* Too narrow for the table: the levels under the name. */
		text_line(c, &clean, 2, 4, c->o->width);
		txt_reset(&clean);
		txt_raw(c->txt, "    ");
		change(&clean, ol, nl, c->o->width - 4);
		txt_raw(&clean, "  ");
		txt_append(&clean, &arrow);
		text_line(c, &clean, 4, 6, c->o->width);
	}
	txt_release(&clean);
	txt_release(&arrow);
}

static void domains(struct ctx *c)
{
	const struct diff *d = c->d;
	int name_col = c->f == TEXT ? domain_name_col(c) : 0;

	heading(c, msg(c->o->lang, MSG_DOMAINS), d->ndomains);
	table_head(c, (const char *const[]){"Domain", "Old", "New", "Change"}, 4);
	for (size_t i = 0; i < d->ndomains; i++) {
		const struct diff_domain *dd = &d->domains[i];
		struct strbuf name = STRBUF_INIT;
		const char *ol = dd->change == CHANGE_ADDED ? "-" : lvl(c, dd->old_level);
		const char *nl = dd->change == CHANGE_REMOVED ? "-" : lvl(c, dd->new_level);

		strbuf_addf(&name, "%s %s", dd->id, text_get(&dd->name, c->o->lang));
		if (c->f == TEXT)
			text_domain(c, dd, name.buf, ol, nl, name_col);
		else
			table_row(c, diff_change_name(dd->change),
				  (const char *const[]){name.buf, ol, nl, arrow_name(dd->change)},
				  4);
		strbuf_release(&name);
	}
	if (c->f == HTML)
		html_raw(c->html, "</tbody></table>");
}

static void remediations(struct ctx *c)
{
	const struct diff *d = c->d;
	char due[11], nd[11], title[160];

	snprintf(title, sizeof(title), "%s %s", msg(c->o->lang, MSG_DIFF_REMEDIATION_DUE),
		 date_format(&d->new->assessment_date, nd));
	heading(c, title, d->nremediation);
	if (d->nremediation)
		table_head(
			c,
			(const char *const[]){"ID", "Level", "Action", "Owner", "Due", "Outcome"},
			6);
	for (size_t i = 0; i < d->nremediation; i++) {
		const struct diff_remediation *r = &d->remediation[i];
		const char *lv = r->control->single ? msg(c->o->lang, MSG_ALL_LEVELS)
						    : lvl(c, r->old->level);

		date_format(&r->old->remediation.due, due);
		switch (c->f) {
		case TEXT: {
			struct strbuf line = STRBUF_INIT;

			/* Wrapped with a hanging indent under the id. */
			strbuf_addf(&line, "[%s] %s (%s, %s %s): %s", lv,
				    r->old->remediation.action, r->old->remediation.owner,
				    msg(c->o->lang, MSG_DUE), due, delivery_name(r->delivery));
			if (r->delivery == DELIVERY_LATE)
				strbuf_addf(&line, ", %s %s", msg(c->o->lang, MSG_DUE),
					    date_format(&r->new->remediation.due, nd));
			txt_raw(c->txt, "  ");
			txt_pad(c->txt, r->control->id, 7);
			txt_raw(c->txt, " ");
			txt_wrap_hanging(c->txt, line.buf, 10, term_prose_width(c->o->width));
			txt_raw(c->txt, "\n");
			strbuf_release(&line);
			break;
		}
		case MARKDOWN:
		case HTML:
			table_row(c, delivery_name(r->delivery),
				  (const char *const[]){r->control->id, lv,
							r->old->remediation.action,
							r->old->remediation.owner, due,
							delivery_name(r->delivery)},
				  6);
			break;
		}
	}
	if (c->f == HTML && d->nremediation)
		html_raw(c->html, "</tbody></table>");
}

/* A sentence after a blank line; in text, wrapped as prose. */
static void paragraph(struct ctx *c, const char *html_class, const char *s)
{
	switch (c->f) {
	case TEXT:
		txt_raw(c->txt, "\n");
		txt_wrap(c->txt, s, 0, term_prose_width(c->o->width));
		txt_raw(c->txt, "\n");
		break;
	case MARKDOWN:
		md_raw(c->md, "\n");
		md_text(c->md, s);
		md_raw(c->md, "\n");
		break;
	case HTML:
		html_raw(c->html, "<p class=\"");
		html_attr(c->html, html_class);
		html_raw(c->html, "\">");
		html_text(c->html, s);
		html_raw(c->html, "</p>");
		break;
	}
}
static void drift(struct ctx *c)
{
	const struct diff *d = c->d;
	struct strbuf line = STRBUF_INIT;

	if (!d->catalogue_changed && !d->drift_added.nr && !d->drift_removed.nr) {
		strbuf_addf(&line, "%s (%s %s).", msg(c->o->lang, MSG_DIFF_CAT_SAME),
			    d->new->framework, d->new->catalogue_version);
	} else {
		strbuf_addf(&line, "%s: %s %s -> %s %s (+%zu, -%zu).",
			    msg(c->o->lang, MSG_DIFF_CAT_CHANGED), d->old->framework,
			    d->old->catalogue_version, d->new->framework, d->new->catalogue_version,
			    d->drift_added.nr, d->drift_removed.nr);
	}
	paragraph(c, "meta", line.buf);
	strbuf_release(&line);
	if (d->drift_added.nr)
		item_list(c, msg(c->o->lang, MSG_DIFF_ONLY_NEW), &d->drift_added, 1);
	if (d->drift_removed.nr)
		item_list(c, msg(c->o->lang, MSG_DIFF_ONLY_OLD), &d->drift_removed, 2);
}

static void verdict(struct ctx *c)
{
	const struct diff *d = c->d;
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line,
		    "%zu closed, %zu regressed, %zu still open, %zu new from a raised target; "
		    "domains %zu up, %zu down; remediation %zu delivered, %zu late, %zu missed.",
		    d->closed.nr, d->regressed.nr, d->still_open.nr, d->new_gaps.nr, d->domains_up,
		    d->domains_down, d->delivered, d->late, d->missed);
	paragraph(c, "verdict", line.buf);
	strbuf_release(&line);
}

static void body(struct ctx *c)
{
	const struct diff *d = c->d;

	header(c);
	domains(c);
	item_list(c, msg(c->o->lang, MSG_DIFF_REGRESSIONS), &d->regressed, 0);
	item_list(c, msg(c->o->lang, MSG_DIFF_CLOSED), &d->closed, 0);
	item_list(c, msg(c->o->lang, MSG_DIFF_STILL_OPEN), &d->still_open, 0);
	item_list(c, msg(c->o->lang, MSG_DIFF_NEW_GAPS), &d->new_gaps, 0);
	item_list(c, msg(c->o->lang, MSG_DIFF_STATUS_CHANGES), &d->status_changes, 0);
	remediations(c);
	drift(c);
	verdict(c);
}

void diff_text_render(struct txt_out *out, const struct diff *d, const struct diff_options *o)
{
	struct ctx c = {out, NULL, NULL, d, o, TEXT};

	body(&c);
}

void diff_markdown_render(struct md_out *out, const struct diff *d, const struct diff_options *o)
{
	struct ctx c = {NULL, out, NULL, d, o, MARKDOWN};

	body(&c);
}

void diff_html_render(struct html_out *out, const struct diff *d, const struct diff_options *o)
{
	struct ctx c = {NULL, NULL, out, d, o, HTML};

	html_raw(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		      "<title>C-RAF 2.0 assessment comparison</title><style>"
		      "body{margin:0;background:#f5f7fa;color:#1c2430;font:15px/1.5 -apple-system,"
		      "'Segoe UI',Roboto,Arial,sans-serif}main{max-width:1000px;margin:0 auto;"
		      "padding:36px 28px}h1{margin:0 0 4px}h2{font-size:18px;margin:32px 0 10px;"
		      "border-bottom:1px solid #d9dee5;padding-bottom:4px}.eyebrow{color:#1d4f91;"
		      "text-transform:uppercase;font-size:12px;font-weight:600;margin:0}"
		      ".meta{color:#5b6675}table{width:100%;border-collapse:collapse;"
		      "background:#fff;font-size:14px}th,td{text-align:left;padding:7px 10px;"
		      "border-bottom:1px solid #d9dee5}th{background:#eef1f5;font-size:12px;"
		      "text-transform:uppercase;color:#5b6675}tr.down td,tr.missed td{background:"
		      "#fdecea}tr.up td,tr.delivered td{background:#e3f3ec}tr.late td{background:"
		      "#fff4e0}.verdict{font-weight:600;margin-top:28px}"
		      "</style></head><body><main>");
	body(&c);
	html_raw(out, "</main></body></html>\n");
}
