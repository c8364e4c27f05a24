/* The gap register as CSV (RFC 4180), safe to open in a spreadsheet. */
#include <string.h>

#include "report.h"
#include "report_text.h"

/*
 * Quotes every field (RFC 4180) and defuses spreadsheet formulas: a cell
 * starting with = + - @ (or a tab or carriage return) gets a leading
 * apostrophe, so Excel shows it as text instead of evaluating it.
 */
static void field(struct strbuf *out, const char *s, bool last)
{
	strbuf_addc(out, '"');
	if (s && strchr("=+-@\t\r", s[0]) && s[0])
		strbuf_addc(out, '\'');
	for (; s && *s; s++) {
		if (*s == '"')
			strbuf_addc(out, '"');
		strbuf_addc(out, *s);
	}
	strbuf_addc(out, '"');
	strbuf_adds(out, last ? "\r\n" : ",");
}

void report_csv_render(struct strbuf *out, const struct result *r, const struct report_options *o)
{
	static const char *const header[] = {
		"control",
		"domain",
		"component",
		"name",
		"level",
		"status",
		"requirement",
		"note",
		"evidence",
		"remediation_action",
		"remediation_owner",
		"remediation_due",
		"overdue",
		"responsibility",
		"products",
	};
	const size_t ncols = sizeof(header) / sizeof(header[0]);
	struct strbuf v = STRBUF_INIT;
	char date[11];

	if (o->csv_bom)
		strbuf_adds(out, "\xef\xbb\xbf");
	for (size_t i = 0; i < ncols; i++)
		field(out, header[i], i == ncols - 1);
	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];
		const struct result_domain *rd = &r->domains[c->domain];

		field(out, c->id, false);
		field(out, rd->id, false);
		field(out, rd->components[c->component].id, false);
		field(out, text_get(&c->name, o->lang), false);
		field(out, c->single ? "all" : level_name(rl->level), false);
		field(out, status_name(rl->status), false);
		field(out, text_get(&rl->requirement, o->lang), false);
		field(out, rl->note, false);
		strbuf_reset(&v);
		for (size_t e = 0; e < rl->evidence.nr; e++)
			strbuf_addf(&v, "%s%s", e ? "; " : "", rl->evidence.items[e]);
		field(out, v.buf, false);
		field(out, rl->has_remediation ? rl->remediation.action : NULL, false);
		field(out, rl->has_remediation ? rl->remediation.owner : NULL, false);
		field(out, rl->has_remediation ? date_format(&rl->remediation.due, date) : NULL,
		      false);
		field(out, rl->overdue ? "yes" : "no", false);
		field(out,
		      c->responsibility == RESP_NONE ? NULL
						     : responsibility_name(c->responsibility),
		      false);
		strbuf_reset(&v);
		for (size_t k = 0; k < c->nproducts; k++)
			strbuf_addf(&v, "%s%s", k ? ", " : "", r->products[c->products[k]].abbr);
		field(out, v.buf, true);
	}
	strbuf_release(&v);
}
