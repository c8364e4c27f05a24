/* The answers file craf init writes: every requirement of the catalogue, ready to fill in. */
#include "answers_template.h"

#include <string.h>

#include "out_text.h"
#include "strbuf.h"

/* Appends text as YAML comment lines, each starting with prefix. */
static void comment(struct txt_out *out, const char *prefix, const char *text)
{
	txt_wrap_lines(out, prefix, text, 78 - (int)strlen(prefix));
}

/*
 * The template. Catalogue text (a framework's name, a requirement) goes in
 * made safe by the text writer, so a line break in it cannot end a comment
 * and a control character cannot reach the terminal it is printed on.
 */
void answers_template_render(struct txt_out *out, const struct catalogue *cat, enum level target,
			     enum lang lang, struct date today)
{
	char date[11];

	txt_raw(out, "# craf answers file: ");
	txt_text(out, cat->framework);
	txt_raw(out, " self-assessment\n# Catalogue: ");
	txt_text(out, cat->framework);
	txt_raw(out, " ");
	txt_text(out, cat->version);
	txt_rawf(out,
		 " (%zu principles). Format: docs/answers.md\n"
		 "#\n"
		 "# Give each requirement a status, either as a bare word or in the long form:\n"
		 "#   baseline:\n"
		 "#     status: partial\n"
		 "#     evidence: [\"Policy v3, approved 2026-03-14\"]\n"
		 "#     note: Approved for Hong Kong only\n"
		 "#     remediation: { action: Extend to group, owner: CISO, due: 2027-03-31 }\n"
		 "# Statuses: met, compensating (needs note), not-applicable (needs note),\n"
		 "#   inherited (needs evidence), partial, not-met,\n"
		 "#   risk-accepted (needs note and expires), unanswered.\n"
		 "version: 1\n"
		 "institution: Your institution's name\n"
		 "assessment_date: ",
		 cat->nprinciples);
	txt_text(out, date_format(&today, date));
	txt_raw(out, "\n"
		     "# assessor: Head of Cyber Risk\n"
		     "# scope: Hong Kong operations\n");
	if (target != LEVEL_NONE) {
		txt_raw(out, "target: ");
		txt_text(out, level_name(target));
		txt_raw(out, "\n");
	} else {
		txt_raw(out, "inherent_risk: medium   # your rating: low, medium or high\n"
			     "# target: intermediate  # or set the target maturity directly\n");
	}
	txt_raw(out, "answers:\n");
	for (size_t d = 0; d < cat->ndomains; d++) {
		const struct cat_domain *dom = &cat->domains[d];

		txt_raw(out, "\n  # ==== ");
		txt_text(out, dom->id);
		txt_raw(out, " ");
		txt_text(out, text_get(&dom->name, lang));
		txt_raw(out, " ====\n");
		for (size_t i = dom->first; i < dom->first + dom->count; i++) {
			const struct cat_principle *p = &cat->principles[i];
			struct strbuf title = STRBUF_INIT;

			strbuf_addf(&title, "%s %s", p->id, text_get(&p->name, lang));
			txt_raw(out, "\n");
			comment(out, "  # ", title.buf);
			strbuf_release(&title);
			txt_raw(out, "  \"");
			txt_text(out, p->id);
			txt_raw(out, "\":\n");
			if (p->single) {
				comment(out, "    # ", text_get(&p->requirement[0], lang));
				txt_raw(out, "    status: unanswered\n");
				continue;
			}
			for (int l = 0; l < p->nlevels; l++) {
				comment(out, "    # ", text_get(&p->requirement[l], lang));
				txt_raw(out, "    ");
				txt_text(out, level_name((enum level)l));
				txt_raw(out, ": unanswered\n");
			}
		}
	}
}
