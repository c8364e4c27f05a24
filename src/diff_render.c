/* Renders a comparison for people: terminal text, Markdown and HTML. */
#include <stdio.h>
#include <string.h>

#include "diff.h"
#include "escape.h"
#include "report_text.h"
#include "term.h"

/* The three people-facing formats differ only in how they mark things up. */
enum flavour { TEXT, MARKDOWN, HTML };

struct ctx {
	struct strbuf *out;
	const struct diff *d;
	const struct diff_options *o;
	enum flavour f;
};

static void put(struct ctx *c, const char *s)
{
	if (c->f == HTML)
		escape_html(c->out, s);
	else if (c->f == MARKDOWN)
		escape_markdown(c->out, s);
	else if (s)
		term_sanitize(c->out, s, strlen(s));
}

/* Text: user text made safe, into a line being built. */
static void put_into(struct strbuf *line, const char *s)
{
	if (s)
		term_sanitize(line, s, strlen(s));
}

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

/* Text: a line built here (safe, maybe coloured) from column col, wrapped under indent. */
static void text_line(struct ctx *c, const char *s, int col, int indent, int width)
{
	term_wrap_styled(c->out, s, col, indent, width);
	strbuf_addc(c->out, '\n');
}

/* Text: "  Label        value", the value wrapping under itself. */
static void text_field(struct ctx *c, const char *label, const char *value)
{
	strbuf_adds(c->out, "  ");
	term_pad(c->out, label, 12);
	strbuf_adds(c->out, " ");
	text_line(c, value, 15, 15, term_prose_width(c->o->width));
}

/* Text: "old -> new" unbroken when the line has room, else broken after the arrow only. */
static void change(struct strbuf *line, const char *old, const char *new, const char *after,
		   int room)
{
	struct strbuf whole = STRBUF_INIT;

	strbuf_addf(&whole, "%s -> %s%s", old, new, after);
	if (term_width_styled(whole.buf) <= room) {
		term_add_nobreak(line, whole.buf);
	} else {
		term_add_nobreak(line, old);
		strbuf_addf(line, "%c-> ", TERM_NBSP);
		term_add_nobreak(line, new);
		term_add_nobreak(line, after);
	}
	strbuf_release(&whole);
}

static void heading(struct ctx *c, const char *title, size_t n)
{
	switch (c->f) {
	case TEXT: {
		struct strbuf line = STRBUF_INIT;

		/* The count stays with the title's last word. */
		strbuf_addf(&line, "%s%s%c(%zu)%s", c->o->color ? "\033[1m" : "", title, TERM_NBSP,
			    n, c->o->color ? "\033[0m" : "");
		strbuf_addc(c->out, '\n');
		text_line(c, line.buf, 0, 2, c->o->width);
		strbuf_release(&line);
		break;
	}
	case MARKDOWN:
		strbuf_addf(c->out, "\n## %s (%zu)\n\n", title, n);
		break;
	case HTML:
		strbuf_addf(c->out, "<h2>%s (%zu)</h2>", title, n);
		break;
	}
}

/* side: 0 both statuses, 1 the new one only, 2 the old one only (catalogue drift). */
static void item_list(struct ctx *c, const char *title, const struct diff_items *list, int side)
{
	heading(c, title, list->nr);
	if (c->f == HTML && list->nr)
		strbuf_adds(c->out, "<table><thead><tr><th>ID</th><th>Level</th><th>Old</th>"
				    "<th>New</th></tr></thead><tbody>");
	if (c->f == MARKDOWN && list->nr)
		strbuf_adds(c->out, "| ID | Level | Old | New |\n|---|---|---|---|\n");
	for (size_t i = 0; i < list->nr; i++) {
		const struct diff_item *it = &list->items[i];
		const char *lv =
			it->control->single ? msg(c->o->lang, MSG_ALL_LEVELS) : lvl(c, it->level);
		const char *os = side == 1 ? "-" : report_status_name(it->old_status, c->o->lang);
		const char *ns = side == 2 ? "-" : report_status_name(it->new_status, c->o->lang);

		switch (c->f) {
		case TEXT: {
			struct strbuf line = STRBUF_INIT;
			int col;

			/* "  3.1.2   Name  [level]  old -> new", wrapped under the name. */
			strbuf_addf(&line, "  %-7s ", it->control->id);
			col = term_width(line.buf);
			strbuf_adds(c->out, line.buf);
			strbuf_reset(&line);
			put_into(&line, text_get(&it->control->name, c->o->lang));
			strbuf_adds(&line, "  [");
			term_add_nobreak(&line, lv);
			strbuf_adds(&line, "]  ");
			change(&line, os, ns, "", c->o->width - col);
			text_line(c, line.buf, col, col, c->o->width);
			strbuf_release(&line);
			break;
		}
		case MARKDOWN:
			strbuf_addf(c->out, "| %s ", it->control->id);
			put(c, text_get(&it->control->name, c->o->lang));
			strbuf_addf(c->out, " | %s | %s | %s |\n", lv, os, ns);
			break;
		case HTML:
			strbuf_addf(c->out, "<tr><td><strong>%s</strong> ", it->control->id);
			put(c, text_get(&it->control->name, c->o->lang));
			strbuf_addf(c->out, "</td><td>%s</td><td>%s</td><td>%s</td></tr>", lv, os,
				    ns);
			break;
		}
	}
	if (c->f == HTML && list->nr)
		strbuf_adds(c->out, "</tbody></table>");
}

/* Text: "2026-11-01, target intermediate, overall none", each label with its level. */
static void cycle(struct ctx *c, struct strbuf *v, const char *date, const struct result *r)
{
	char w[64];

	strbuf_addf(v, "%s, ", date);
	term_add_nobreak(v, word(c, MSG_TARGET, w, sizeof(w)));
	strbuf_addc(v, TERM_NBSP);
	term_add_nobreak(v, lvl(c, r->target));
	strbuf_adds(v, ", ");
	term_add_nobreak(v, word(c, MSG_OVERALL, w, sizeof(w)));
	strbuf_addc(v, TERM_NBSP);
	term_add_nobreak(v, lvl(c, r->overall));
}

static void header(struct ctx *c)
{
	const struct result *o = c->d->old, *n = c->d->new;
	char od[11], nd[11];

	date_format(&o->assessment_date, od);
	date_format(&n->assessment_date, nd);
	switch (c->f) {
	case TEXT: {
		struct strbuf v = STRBUF_INIT;

		strbuf_addf(c->out, "%s\n", msg(c->o->lang, MSG_DIFF_TITLE));
		for (int i = term_width(msg(c->o->lang, MSG_DIFF_TITLE)); i > 0; i--)
			strbuf_addc(c->out, '=');
		strbuf_adds(c->out, "\n\n");
		put_into(&v, n->institution);
		if (strcmp(o->institution, n->institution)) {
			strbuf_adds(&v, " (old: ");
			put_into(&v, o->institution);
			strbuf_adds(&v, ")");
		}
		text_field(c, msg(c->o->lang, MSG_INSTITUTION), v.buf);
		strbuf_reset(&v);
		cycle(c, &v, od, o);
		text_field(c, msg(c->o->lang, MSG_DIFF_OLD), v.buf);
		strbuf_reset(&v);
		cycle(c, &v, nd, n);
		text_field(c, msg(c->o->lang, MSG_DIFF_NEW), v.buf);
		strbuf_release(&v);
		break;
	}
	case MARKDOWN:
		strbuf_adds(c->out, "# C-RAF 2.0 assessment comparison\n\n| | Old | New |\n"
				    "|---|---|---|\n| Institution | ");
		put(c, o->institution);
		strbuf_adds(c->out, " | ");
		put(c, n->institution);
		strbuf_addf(c->out,
			    " |\n| Assessed | %s | %s |\n| Target | %s | %s |\n"
			    "| Overall | %s | %s |\n",
			    od, nd, lvl(c, o->target), lvl(c, n->target), lvl(c, o->overall),
			    lvl(c, n->overall));
		break;
	case HTML:
		strbuf_adds(c->out, "<header><p class=\"eyebrow\">C-RAF 2.0 assessment comparison"
				    "</p><h1>");
		put(c, n->institution);
		strbuf_addf(c->out,
			    "</h1><p class=\"meta\">%s &rarr; %s</p></header><table><thead><tr>"
			    "<th></th><th>%s</th><th>%s</th></tr></thead><tbody>"
			    "<tr><td>Target</td><td>%s</td><td>%s</td></tr>"
			    "<tr><td>Overall</td><td>%s</td><td>%s</td></tr></tbody></table>",
			    od, nd, od, nd, lvl(c, o->target), lvl(c, n->target),
			    lvl(c, o->overall), lvl(c, n->overall));
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
		struct strbuf name = STRBUF_INIT;
		int w;

		strbuf_addf(&name, "%s ", dd->id);
		put_into(&name, text_get(&dd->name, c->o->lang));
		w = term_width(name.buf);
		if (w > name_col)
			name_col = w;
		w = term_width(lvl(c, dd->new_level));
		if (w > level_col)
			level_col = w;
		w = (int)strlen(arrow_name(dd->change));
		if (w > arrow)
			arrow = w;
		strbuf_release(&name);
	}
	return 2 + name_col + 1 + 14 + 3 + level_col + arrow <= c->o->width ? name_col : 0;
}

static void domains(struct ctx *c)
{
	const struct diff *d = c->d;
	int name_col = c->f == TEXT ? domain_name_col(c) : 0;

	heading(c, msg(c->o->lang, MSG_DOMAINS), d->ndomains);
	if (c->f == MARKDOWN)
		strbuf_adds(c->out, "| Domain | Old | New | Change |\n|---|---|---|---|\n");
	if (c->f == HTML)
		strbuf_adds(c->out, "<table><thead><tr><th>Domain</th><th>Old</th><th>New</th>"
				    "<th>Change</th></tr></thead><tbody>");
	for (size_t i = 0; i < d->ndomains; i++) {
		const struct diff_domain *dd = &d->domains[i];
		struct strbuf name = STRBUF_INIT;
		const char *ol = dd->change == CHANGE_ADDED ? "-" : lvl(c, dd->old_level);
		const char *nl = dd->change == CHANGE_REMOVED ? "-" : lvl(c, dd->new_level);

		strbuf_addf(&name, "%s ", dd->id);
		strbuf_adds(&name, text_get(&dd->name, c->o->lang));
		switch (c->f) {
		case TEXT: {
			struct strbuf clean = STRBUF_INIT, arrow = STRBUF_INIT;

			term_sanitize(&clean, name.buf, name.len);
			strbuf_addf(&arrow, "%s%s%s",
				    c->o->color && dd->change == CHANGE_DOWN ? "\033[1;31m"
				    : c->o->color && dd->change == CHANGE_UP ? "\033[32m"
									     : "",
				    arrow_name(dd->change), c->o->color ? "\033[0m" : "");
			strbuf_adds(c->out, "  ");
			if (name_col) {
				term_pad(c->out, clean.buf, name_col);
				strbuf_adds(c->out, " ");
				term_pad(c->out, ol, 14);
				strbuf_adds(c->out, "-> ");
				term_pad(c->out, nl, 14);
				strbuf_addf(c->out, "%s\n", arrow.buf);
			} else {
				/* Too narrow for the table: the levels under the name. */
				text_line(c, clean.buf, 2, 4, c->o->width);
				strbuf_reset(&clean);
				strbuf_adds(c->out, "    ");
				change(&clean, ol, nl, "", c->o->width - 4);
				strbuf_addf(&clean, "  %s", arrow.buf);
				text_line(c, clean.buf, 4, 6, c->o->width);
			}
			strbuf_release(&clean);
			strbuf_release(&arrow);
			break;
		}
		case MARKDOWN:
			strbuf_adds(c->out, "| ");
			put(c, name.buf);
			strbuf_addf(c->out, " | %s | %s | %s |\n", ol, nl, arrow_name(dd->change));
			break;
		case HTML:
			strbuf_addf(c->out, "<tr class=\"%s\"><td>", diff_change_name(dd->change));
			put(c, name.buf);
			strbuf_addf(c->out, "</td><td>%s</td><td>%s</td><td>%s</td></tr>", ol, nl,
				    arrow_name(dd->change));
			break;
		}
		strbuf_release(&name);
	}
	if (c->f == HTML)
		strbuf_adds(c->out, "</tbody></table>");
}

static void remediations(struct ctx *c)
{
	const struct diff *d = c->d;
	char due[11], nd[11], title[160];

	snprintf(title, sizeof(title), "%s %s", msg(c->o->lang, MSG_DIFF_REMEDIATION_DUE),
		 date_format(&d->new->assessment_date, nd));
	heading(c, title, d->nremediation);
	if (c->f == MARKDOWN && d->nremediation)
		strbuf_adds(
			c->out,
			"| ID | Level | Action | Owner | Due | Outcome |\n|---|---|---|---|---|---|\n");
	if (c->f == HTML && d->nremediation)
		strbuf_adds(c->out,
			    "<table><thead><tr><th>ID</th><th>Level</th><th>Action</th>"
			    "<th>Owner</th><th>Due</th><th>Outcome</th></tr></thead><tbody>");
	for (size_t i = 0; i < d->nremediation; i++) {
		const struct diff_remediation *r = &d->remediation[i];
		const char *lv = r->control->single ? msg(c->o->lang, MSG_ALL_LEVELS)
						    : lvl(c, r->old->level);

		date_format(&r->old->remediation.due, due);
		switch (c->f) {
		case TEXT: {
			struct strbuf line = STRBUF_INIT, wrapped = STRBUF_INIT;

			/* Wrapped with a hanging indent under the id. */
			strbuf_addf(&line, "[%s] %s (%s, %s %s): %s", lv,
				    r->old->remediation.action, r->old->remediation.owner,
				    msg(c->o->lang, MSG_DUE), due, delivery_name(r->delivery));
			if (r->delivery == DELIVERY_LATE)
				strbuf_addf(&line, ", %s %s", msg(c->o->lang, MSG_DUE),
					    date_format(&r->new->remediation.due, nd));
			term_wrap(&wrapped, line.buf, 10, term_prose_width(c->o->width));
			strbuf_addf(c->out, "  %-7s %s\n", r->control->id, wrapped.buf + 10);
			strbuf_release(&line);
			strbuf_release(&wrapped);
			break;
		}
		case MARKDOWN:
			strbuf_addf(c->out, "| %s | %s | ", r->control->id, lv);
			put(c, r->old->remediation.action);
			strbuf_adds(c->out, " | ");
			put(c, r->old->remediation.owner);
			strbuf_addf(c->out, " | %s | %s |\n", due, delivery_name(r->delivery));
			break;
		case HTML:
			strbuf_addf(c->out, "<tr class=\"%s\"><td>%s</td><td>%s</td><td>",
				    delivery_name(r->delivery), r->control->id, lv);
			put(c, r->old->remediation.action);
			strbuf_adds(c->out, "</td><td>");
			put(c, r->old->remediation.owner);
			strbuf_addf(c->out, "</td><td>%s</td><td>%s</td></tr>", due,
				    delivery_name(r->delivery));
			break;
		}
	}
	if (c->f == HTML && d->nremediation)
		strbuf_adds(c->out, "</tbody></table>");
}

/* A sentence after a blank line; in text, wrapped as prose. */
static void paragraph(struct ctx *c, const char *html_class, const char *s)
{
	switch (c->f) {
	case TEXT:
		strbuf_addc(c->out, '\n');
		term_wrap(c->out, s, 0, term_prose_width(c->o->width));
		strbuf_addc(c->out, '\n');
		break;
	case MARKDOWN:
		strbuf_addc(c->out, '\n');
		put(c, s);
		strbuf_addc(c->out, '\n');
		break;
	case HTML:
		strbuf_addf(c->out, "<p class=\"%s\">", html_class);
		put(c, s);
		strbuf_adds(c->out, "</p>");
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

void diff_text_render(struct strbuf *out, const struct diff *d, const struct diff_options *o)
{
	struct ctx c = {out, d, o, TEXT};

	body(&c);
}

void diff_markdown_render(struct strbuf *out, const struct diff *d, const struct diff_options *o)
{
	struct ctx c = {out, d, o, MARKDOWN};

	body(&c);
}

void diff_html_render(struct strbuf *out, const struct diff *d, const struct diff_options *o)
{
	struct ctx c = {out, d, o, HTML};

	strbuf_adds(out,
		    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
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
	strbuf_adds(out, "</main></body></html>\n");
}
