/* Renders a result for a person at a terminal: 80 columns, colour only when asked. */
#include "report_text.h"

#include <stdio.h>
#include <string.h>

#include "term.h"

#define BAR_WIDTH 4
#define NAME_COL  30

struct ctx {
	struct strbuf *out;
	const struct result *r;
	const struct report_text_options *o;
};

static const char *c_on(const struct ctx *c, const char *code)
{
	return c->o->color ? code : "";
}

static const char *c_off(const struct ctx *c)
{
	return c->o->color ? "\033[0m" : "";
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

/* User text goes through here: it must not reach the terminal raw. */
static void add_safe(struct ctx *c, const char *s)
{
	term_sanitize(c->out, s, strlen(s));
}

/* A header line; value is already safe, and wraps under itself. */
static void field_label(struct ctx *c, const char *label, const char *value)
{
	struct strbuf wrapped = STRBUF_INIT;
	const int indent = 16;

	strbuf_adds(c->out, "  ");
	strbuf_adds(c->out, c_on(c, BOLD));
	term_pad(c->out, label, 13);
	strbuf_adds(c->out, c_off(c));
	strbuf_adds(c->out, " ");
	if (strchr(value, '\033')) {
		/* Coloured values are short and built here: no wrapping needed. */
		strbuf_adds(c->out, value);
	} else {
		term_wrap(&wrapped, value, indent, c->o->width);
		strbuf_adds(c->out, strbuf_str(&wrapped) + indent);
	}
	strbuf_addc(c->out, '\n');
	strbuf_release(&wrapped);
}

static void field(struct ctx *c, enum msg label, const char *value)
{
	field_label(c, msg(c->o->lang, label), value);
}

static void header(struct ctx *c)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	struct strbuf v = STRBUF_INIT;
	char date[11];
	int tw = term_width(msg(lang, MSG_REPORT_TITLE));

	strbuf_addf(c->out, "%s%s%s\n", c_on(c, BOLD), msg(lang, MSG_REPORT_TITLE), c_off(c));
	for (int i = 0; i < tw; i++)
		strbuf_adds(c->out, "=");
	strbuf_adds(c->out, "\n\n");

	term_sanitize(&v, r->institution, strlen(r->institution));
	field(c, MSG_INSTITUTION, v.buf);
	strbuf_reset(&v);
	strbuf_adds(&v, date_format(&r->assessment_date, date));
	if (r->assessor) {
		strbuf_addf(&v, " %s ", msg(lang, MSG_BY));
		term_sanitize(&v, r->assessor, strlen(r->assessor));
	}
	field(c, MSG_ASSESSED, v.buf);
	if (r->scope) {
		strbuf_reset(&v);
		term_sanitize(&v, r->scope, strlen(r->scope));
		field(c, MSG_SCOPE, v.buf);
	}
	strbuf_reset(&v);
	term_sanitize(&v, r->framework, strlen(r->framework));
	strbuf_adds(&v, " ");
	term_sanitize(&v, r->catalogue_version, strlen(r->catalogue_version));
	strbuf_adds(&v, " (");
	if (r->catalogue_builtin)
		strbuf_adds(&v, msg(lang, MSG_BUILTIN));
	else
		term_sanitize(&v, r->catalogue_origin, strlen(r->catalogue_origin));
	strbuf_addf(&v, ", %zu %s)", r->ncontrols, msg_n(lang, MSG_PRINCIPLES, r->ncontrols));
	field(c, MSG_CATALOGUE, v.buf);
	strbuf_reset(&v);
	strbuf_addf(&v, "%s%s%s (", c_on(c, BOLD), report_level_name(r->target, lang), c_off(c));
	switch (r->target_source) {
	case TARGET_INHERENT_RISK:
		strbuf_addf(&v, "%s: %s", msg(lang, MSG_FROM_INHERENT_RISK),
			    report_risk_name(r->inherent_risk, lang));
		break;
	case TARGET_EXPLICIT:
		strbuf_adds(&v, msg(lang, MSG_FROM_EXPLICIT));
		break;
	case TARGET_COMMAND_LINE:
		strbuf_adds(&v, msg(lang, MSG_FROM_COMMAND_LINE));
		break;
	}
	strbuf_adds(&v, ")");
	field(c, MSG_TARGET, v.buf);
	if (r->inherent_risk != RISK_NONE) {
		strbuf_reset(&v);
		report_risk_summary(&v, r, lang);
		field(c, MSG_INHERENT_RISK, v.buf);
		if (r->risk.override != RISK_NONE && r->risk.justification) {
			strbuf_reset(&v);
			strbuf_addf(&v, "%s: ", msg(lang, MSG_RISK_JUSTIFICATION));
			term_sanitize(&v, r->risk.justification, strlen(r->risk.justification));
			field_label(c, "", v.buf);
		}
	}
	strbuf_reset(&v);
	strbuf_addf(&v, "%s%s%s (%s)", c_on(c, r->overall >= r->target ? GREEN : RED),
		    report_level_name(r->overall, lang), c_off(c),
		    msg(lang, r->overall >= r->target ? MSG_MEETS_TARGET : MSG_BELOW_TARGET));
	field(c, MSG_OVERALL, v.buf);
	strbuf_addc(c->out, '\n');
	strbuf_release(&v);
}

static void bar(struct ctx *c, unsigned done, unsigned total, int count_width, int col_width)
{
	char count[32];
	int filled;

	if (!total) {
		strbuf_adds(c->out, "    ");
		snprintf(count, sizeof(count), "-");
	} else {
		filled = (int)((done * BAR_WIDTH * 2 + total) / (total * 2));
		if (filled == BAR_WIDTH && done < total)
			filled = BAR_WIDTH - 1;
		if (filled == 0 && done > 0)
			filled = 1;
		strbuf_adds(c->out, c_on(c, done == total ? GREEN : YELLOW));
		for (int i = 0; i < BAR_WIDTH; i++)
			strbuf_adds(c->out, i < filled ? "\xe2\x96\x88" : "\xe2\x96\x91");
		strbuf_adds(c->out, c_off(c));
		snprintf(count, sizeof(count), "%u/%u", done, total);
	}
	strbuf_addc(c->out, ' ');
	for (int i = (int)strlen(count); i < count_width; i++)
		strbuf_addc(c->out, ' ');
	strbuf_adds(c->out, count);
	for (int i = BAR_WIDTH + 1 + count_width; i < col_width; i++)
		strbuf_addc(c->out, ' ');
}

static void domain_table(struct ctx *c)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	int count_width = 3, achieved_width = 0, name_width = 0;
	int level_col;

	for (size_t d = 0; d < r->ndomains; d++) {
		for (int l = 0; l < LEVEL_COUNT; l++) {
			char count[32];
			int n = snprintf(count, sizeof(count), "%u/%u",
					 r->domains[d].achieved_count[l],
					 r->domains[d].required[l]);

			if (n > count_width)
				count_width = n;
		}
	}
	for (int l = LEVEL_NONE; l < LEVEL_COUNT; l++) {
		int w = term_width(report_level_name((enum level)l, lang));

		if (w > achieved_width)
			achieved_width = w;
	}
	achieved_width += 2;
	level_col = BAR_WIDTH + 1 + count_width;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		int w = term_width(report_level_name((enum level)l, lang));

		if (w > level_col)
			level_col = w;
	}
	for (size_t d = 0; d < r->ndomains; d++) {
		struct strbuf name = STRBUF_INIT;
		int w;

		strbuf_addf(&name, "%s ", r->domains[d].id);
		term_sanitize(&name, text_get(&r->domains[d].name, lang),
			      strlen(text_get(&r->domains[d].name, lang)));
		w = term_width(name.buf);
		if (w > name_width)
			name_width = w;
		strbuf_release(&name);
	}
	if (name_width > NAME_COL)
		name_width = NAME_COL;

	strbuf_adds(c->out, c_on(c, BOLD));
	term_pad(c->out, msg(lang, MSG_DOMAINS), name_width);
	strbuf_adds(c->out, " ");
	term_pad(c->out, msg(lang, MSG_ACHIEVED), achieved_width);
	for (int l = 0; l < LEVEL_COUNT; l++) {
		strbuf_adds(c->out, " ");
		if (l == LEVEL_COUNT - 1)
			strbuf_adds(c->out, report_level_name((enum level)l, lang));
		else
			term_pad(c->out, report_level_name((enum level)l, lang), level_col);
	}
	strbuf_adds(c->out, c_off(c));
	strbuf_addc(c->out, '\n');

	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];
		struct strbuf name = STRBUF_INIT, cut = STRBUF_INIT;
		const char *level = report_level_name(rd->achieved, lang);

		strbuf_addf(&name, "%s ", rd->id);
		term_sanitize(&name, text_get(&rd->name, lang), strlen(text_get(&rd->name, lang)));
		/* Keep the table within 80 columns: shorten over-long names. */
		if (term_width(name.buf) > name_width) {
			const char *s = name.buf;
			size_t len = name.len;
			int w = 0;

			while (len) {
				unsigned cp;
				size_t k = term_utf8_decode(s, len, &cp);

				if (w + term_cp_width(cp) > name_width - 1)
					break;
				w += term_cp_width(cp);
				strbuf_add(&cut, s, k);
				s += k;
				len -= k;
			}
			strbuf_adds(&cut, "\xe2\x80\xa6");
			term_pad(c->out, cut.buf, name_width);
		} else {
			term_pad(c->out, name.buf, name_width);
		}
		strbuf_adds(c->out, " ");
		strbuf_adds(c->out, c_on(c, rd->meets_target ? GREEN : RED));
		strbuf_adds(c->out, rd->meets_target ? "\xe2\x9c\x93 " : "\xe2\x9c\x97 ");
		term_pad(c->out, level, achieved_width - 2);
		strbuf_adds(c->out, c_off(c));
		for (int l = 0; l < LEVEL_COUNT; l++) {
			strbuf_adds(c->out, " ");
			bar(c, rd->achieved_count[l], rd->required[l], count_width,
			    l == LEVEL_COUNT - 1 ? 0 : level_col);
		}
		strbuf_addc(c->out, '\n');
		strbuf_release(&name);
		strbuf_release(&cut);
	}
	strbuf_addc(c->out, '\n');
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

/* "Label: text", wrapped under the gap's indent. */
static void labelled(struct ctx *c, const char *label, const char *text)
{
	struct strbuf line = STRBUF_INIT;

	strbuf_addf(&line, "%s: ", label);
	strbuf_adds(&line, text);
	term_wrap(c->out, line.buf, 9, c->o->width);
	strbuf_addc(c->out, '\n');
	strbuf_release(&line);
}

static void gap_entry(struct ctx *c, const struct result_gap *g)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	const struct result_control *ctl = &r->controls[g->control];
	const struct result_level *rl = &ctl->levels[g->level];
	struct strbuf line = STRBUF_INIT;
	char date[11];

	strbuf_addf(c->out, "  %s", c_on(c, BOLD));
	add_safe(c, ctl->id);
	strbuf_adds(c->out, "  ");
	add_safe(c, text_get(&ctl->name, lang));
	strbuf_addf(c->out, "%s  [%s] %s%s%s\n", c_off(c),
		    ctl->single ? msg(lang, MSG_ALL_LEVELS) : report_level_name(rl->level, lang),
		    c_on(c, status_color(rl->status)), report_status_name(rl->status, lang),
		    c_off(c));
	term_wrap(c->out, text_get(&rl->requirement, lang), 9, c->o->width);
	strbuf_addc(c->out, '\n');
	if (rl->note)
		labelled(c, msg(lang, MSG_NOTE), rl->note);
	if (rl->evidence.nr) {
		for (size_t e = 0; e < rl->evidence.nr; e++)
			strbuf_addf(&line, "%s%s", e ? "; " : "", rl->evidence.items[e]);
		labelled(c, msg(lang, MSG_EVIDENCE), line.buf);
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
	strbuf_addc(c->out, '\n');
	strbuf_release(&line);
}

static void gaps(struct ctx *c)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;

	strbuf_addf(c->out, "%s%s: %s (%zu)%s\n\n", c_on(c, BOLD), msg(lang, MSG_GAPS_AGAINST),
		    report_level_name(r->target, lang), r->ngaps, c_off(c));
	if (!r->ngaps) {
		strbuf_addf(c->out, "  %s\n\n", msg(lang, MSG_NO_GAPS));
		return;
	}
	for (size_t d = 0; d < r->ndomains; d++) {
		bool any = false;

		for (size_t i = 0; i < r->ngaps; i++) {
			const struct result_control *ctl = &r->controls[r->gaps[i].control];

			/* Lapsed risk acceptances get their own section below. */
			if (ctl->domain != d || ctl->levels[r->gaps[i].level].expired)
				continue;
			if (!any) {
				strbuf_addf(c->out, "%s%s ", c_on(c, BOLD), r->domains[d].id);
				add_safe(c, text_get(&r->domains[d].name, lang));
				strbuf_addf(c->out, "%s\n", c_off(c));
				any = true;
			}
			gap_entry(c, &r->gaps[i]);
		}
	}
	if (!r->summary.expired)
		return;
	strbuf_addf(c->out, "%s%s (%zu)%s\n\n", c_on(c, BOLDRED), msg(lang, MSG_EXPIRED_SECTION),
		    r->summary.expired, c_off(c));
	for (size_t i = 0; i < r->ngaps; i++)
		if (r->controls[r->gaps[i].control].levels[r->gaps[i].level].expired)
			gap_entry(c, &r->gaps[i]);
}

static void summary(struct ctx *c)
{
	const struct result *r = c->r;
	enum lang lang = c->o->lang;
	bool first = true;

	strbuf_addf(c->out, "%zu %s", r->summary.gaps,
		    msg_n(lang, MSG_SUMMARY_GAPS, r->summary.gaps));
	if (r->summary.gaps) {
		strbuf_adds(c->out, " (");
		for (int l = 0; l < LEVEL_COUNT; l++) {
			if (!r->summary.gaps_by_level[l])
				continue;
			strbuf_addf(c->out, "%s%s %zu", first ? "" : ", ",
				    report_level_name((enum level)l, lang),
				    r->summary.gaps_by_level[l]);
			first = false;
		}
		strbuf_adds(c->out, ")");
	}
	strbuf_addf(c->out, ", %zu %s, %s%zu %s%s", r->summary.unanswered,
		    msg(lang, MSG_SUMMARY_UNANSWERED), c_on(c, r->summary.overdue ? BOLDRED : ""),
		    r->summary.overdue, msg(lang, MSG_SUMMARY_OVERDUE), c_off(c));
	if (r->summary.expired)
		strbuf_addf(c->out, ", %s%zu %s%s", c_on(c, BOLDRED), r->summary.expired,
			    msg_n(lang, MSG_SUMMARY_EXPIRED, r->summary.expired), c_off(c));
	strbuf_addc(c->out, '\n');
}

void report_text_render(struct strbuf *out, const struct result *r,
			const struct report_text_options *opts)
{
	struct ctx c = {out, r, opts};

	header(&c);
	domain_table(&c);
	gaps(&c);
	summary(&c);
}
