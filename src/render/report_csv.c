/* The gap register as CSV (RFC 4180), safe to open in a spreadsheet. */
#include "out_csv.h"
#include "report.h"
#include "report_text.h"

void report_csv_render(struct csv_out *out, const struct result *r, const struct report_options *o)
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
		csv_bom(out);
	for (size_t i = 0; i < ncols; i++)
		csv_cell(out, header[i]);
	csv_end_row(out);
	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];
		const struct result_domain *rd = &r->domains[c->domain];

		csv_cell(out, c->id);
		csv_cell(out, rd->id);
		csv_cell(out, rd->components[c->component].id);
		csv_cell(out, text_get(&c->name, o->lang));
		csv_cell(out, c->single ? "all" : level_name(rl->level));
		csv_cell(out, status_name(rl->status));
		csv_cell(out, text_get(&rl->requirement, o->lang));
		csv_cell(out, rl->note);
		strbuf_reset(&v);
		for (size_t e = 0; e < rl->evidence.nr; e++)
			strbuf_addf(&v, "%s%s", e ? "; " : "", rl->evidence.items[e]);
		csv_cell(out, v.buf);
		csv_cell(out, rl->has_remediation ? rl->remediation.action : NULL);
		csv_cell(out, rl->has_remediation ? rl->remediation.owner : NULL);
		csv_cell(out, rl->has_remediation ? date_format(&rl->remediation.due, date) : NULL);
		csv_cell(out, rl->overdue ? "yes" : "no");
		csv_cell(out, c->responsibility == RESP_NONE
				      ? NULL
				      : responsibility_name(c->responsibility));
		strbuf_reset(&v);
		for (size_t k = 0; k < c->nproducts; k++)
			strbuf_addf(&v, "%s%s", k ? ", " : "", r->products[c->products[k]].abbr);
		csv_cell(out, v.buf);
		csv_end_row(out);
	}
	/*
	 * Stale evidence is not a gap: a table of its own after a blank row,
	 * padded to the register's width so every row has as many cells.
	 */
	if (r->nstale) {
		static const char *const stale_header[] = {
			"stale_evidence_control", "level", "path", "date", "title",
		};
		const size_t nstale_cols = sizeof(stale_header) / sizeof(stale_header[0]);

		for (size_t i = 0; i < ncols; i++)
			csv_cell(out, NULL);
		csv_end_row(out);
		for (size_t i = 0; i < ncols; i++)
			csv_cell(out, i < nstale_cols ? stale_header[i] : NULL);
		csv_end_row(out);
		for (size_t i = 0; i < r->nstale; i++) {
			const struct result_control *c = &r->controls[r->stale[i].control];
			const struct result_level *rl = &c->levels[r->stale[i].level];
			const struct evidence_file *ef = &rl->files.items[r->stale[i].file];

			csv_cell(out, c->id);
			csv_cell(out, c->single ? "all" : level_name(rl->level));
			csv_cell(out, ef->path);
			csv_cell(out, date_format(&ef->date, date));
			csv_cell(out, ef->title);
			for (size_t k = nstale_cols; k < ncols; k++)
				csv_cell(out, NULL);
			csv_end_row(out);
		}
	}
	strbuf_release(&v);
}
