/* Writes the answers model as YAML, so answers kept in a workbook can move to git and back. */
#include "answers_yaml.h"

#include <string.h>

#include "out_text.h"
#include "strbuf.h"
#include "term.h"
#include "yaml_emit.h"

static void date_value(struct txt_out *out, const struct date *d)
{
	char buf[11];

	txt_text(out, date_format(d, buf));
	txt_raw(out, "\n");
}

/* "  key: "quoted"\n" at indent (a literal of spaces). */
#define FIELD(out, indent_key, s)                                                                  \
	do {                                                                                       \
		txt_raw(out, indent_key);                                                          \
		yaml_quoted(out, s);                                                               \
		txt_raw(out, "\n");                                                                \
	} while (0)

static void inherent_risk(struct txt_out *out, const struct answers *a)
{
	const struct inherent_risk *ir = &a->risk;

	if (!ir->from_indicators) {
		if (ir->stated != RISK_NONE) {
			txt_raw(out, "inherent_risk: ");
			txt_text(out, risk_names[ir->stated]);
			txt_raw(out, "\n");
		}
		return;
	}
	txt_raw(out, "inherent_risk:\n  rule: majority\n  indicators:\n");
	for (size_t i = 0; i < ir->nindicators; i++) {
		const struct risk_indicator *ind = &ir->indicators[i];

		FIELD(out, "    - category: ", ind->category);
		FIELD(out, "      name: ", ind->name);
		txt_raw(out, "      rating: ");
		txt_text(out, risk_names[ind->rating]);
		txt_raw(out, "\n");
		if (ind->note)
			FIELD(out, "      note: ", ind->note);
	}
	if (ir->override != RISK_NONE) {
		txt_raw(out, "  override:\n    rating: ");
		txt_text(out, risk_names[ir->override]);
		txt_raw(out, "\n");
		if (ir->justification)
			FIELD(out, "    justification: ", ir->justification);
	}
}

static void indent(struct txt_out *out, int depth)
{
	while (depth-- > 0)
		txt_raw(out, " ");
}

static bool bare(const struct answer *an)
{
	return !an->evidence.nr && !an->files.nr && !an->note && !an->remediation &&
	       !date_is_set(&an->expires);
}

/* One answer after its key ("baseline:" or the id's), indented by depth spaces. */
static void answer(struct txt_out *out, const struct answer *an, int depth)
{
	if (bare(an)) {
		txt_raw(out, " ");
		txt_text(out, status_name(an->status));
		txt_raw(out, "\n");
		return;
	}
	txt_raw(out, "\n");
	indent(out, depth);
	txt_raw(out, "status: ");
	txt_text(out, status_name(an->status));
	txt_raw(out, "\n");
	if (an->evidence.nr || an->files.nr) {
		indent(out, depth);
		txt_raw(out, "evidence:\n");
		for (size_t e = 0; e < an->evidence.nr; e++) {
			indent(out, depth);
			txt_raw(out, "  - ");
			yaml_quoted(out, an->evidence.items[e]);
			txt_raw(out, "\n");
		}
		for (size_t e = 0; e < an->files.nr; e++) {
			const struct evidence_file *f = &an->files.items[e];

			indent(out, depth);
			txt_raw(out, "  - file: ");
			yaml_quoted(out, f->path);
			txt_raw(out, "\n");
			indent(out, depth);
			txt_raw(out, "    date: ");
			date_value(out, &f->date);
			if (f->title) {
				indent(out, depth);
				txt_raw(out, "    title: ");
				yaml_quoted(out, f->title);
				txt_raw(out, "\n");
			}
		}
	}
	if (an->note) {
		indent(out, depth);
		txt_raw(out, "note: ");
		yaml_quoted(out, an->note);
		txt_raw(out, "\n");
	}
	if (an->remediation) {
		indent(out, depth);
		txt_raw(out, "remediation:\n");
		indent(out, depth);
		txt_raw(out, "  action: ");
		yaml_quoted(out, an->remediation->action);
		txt_raw(out, "\n");
		indent(out, depth);
		txt_raw(out, "  owner: ");
		yaml_quoted(out, an->remediation->owner);
		txt_raw(out, "\n");
		indent(out, depth);
		txt_raw(out, "  due: ");
		date_value(out, &an->remediation->due);
	}
	if (date_is_set(&an->expires)) {
		indent(out, depth);
		txt_raw(out, "expires: ");
		date_value(out, &an->expires);
	}
}

void answers_yaml_render(struct txt_out *out, const struct catalogue *cat, const struct answers *a)
{
	char date[11];

	txt_raw(out, "# craf answers file (docs/answers.md)\nversion: 1\n");
	FIELD(out, "institution: ", a->institution);
	txt_raw(out, "assessment_date: ");
	txt_text(out, date_format(&a->assessment_date, date));
	txt_raw(out, "\n");
	if (a->assessor)
		FIELD(out, "assessor: ", a->assessor);
	if (a->scope)
		FIELD(out, "scope: ", a->scope);
	inherent_risk(out, a);
	if (a->target != LEVEL_NONE) {
		txt_raw(out, "target: ");
		txt_text(out, level_name(a->target));
		txt_raw(out, "\n");
	}
	txt_raw(out, "answers:");
	if (!a->ngiven) {
		txt_raw(out, " {}\n");
		return;
	}
	txt_raw(out, "\n");
	for (size_t i = 0; i < cat->nprinciples && i < a->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];
		const struct answer *row = a->levels[i];
		bool any = false;

		for (int l = 0; l < (p->single ? 1 : p->nlevels); l++)
			any |= row[l].given;
		if (!any)
			continue;
		txt_raw(out, "  ");
		yaml_quoted(out, p->id);
		txt_raw(out, ":");
		if (p->single) {
			answer(out, &row[0], 4);
			continue;
		}
		txt_raw(out, "\n");
		for (int l = 0; l < p->nlevels; l++) {
			if (!row[l].given)
				continue;
			txt_raw(out, "    ");
			txt_text(out, level_name((enum level)l));
			txt_raw(out, ":");
			answer(out, &row[l], 6);
		}
	}
}
