/* craf init: write an answers template listing every requirement, ready to fill in. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "catalogue.h"
#include "cmd.h"
#include "date.h"
#include "exitcode.h"
#include "out_text.h"
#include "strbuf.h"

enum { O_FORCE };

static const struct opt options[] = {
	CMD_OPTION(CATALOGUE),
	{"force", 'f', NULL, O_FORCE, "Replace FILE if it exists"},
	CMD_OPTION(HELP),
	CMD_OPTION_LANG("Language of the requirement comments: en, zh or zh-Hant"),
	CMD_OPTION_OUTPUT("Write to FILE instead of standard output\n"
			  "(refuses to replace an existing file)"),
	CMD_OPTION_TARGET("Write 'target: LEVEL' instead of an inherent risk line"),
};

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
static void render(struct txt_out *out, const struct catalogue *cat, enum level target,
		   enum lang lang)
{
	struct date today = date_of(cmd_now());
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

static int run(int argc, char **argv)
{
	const char *value;
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue cat;
	struct strbuf out = STRBUF_INIT;
	struct cmd_opts co;
	struct txt_out template = TXT_OUT_INIT;
	struct opt_iter it;
	int id, ret, force = 0;

	catalogue_init(&cat);
	cmd_opts_begin(&co, &it, &cmd_init, argc, argv);
	while ((id = cmd_opts_next(&co, &it, &value)) != OPT_END) {
		switch (id) {
		case CMD_OPT_EXIT:
			ret = co.status;
			goto cleanup;
		case O_FORCE:
			force = 1;
			break;
		}
	}
	if (it.nargs) {
		ret = cmd_usage_error(&cmd_init, "unexpected argument '%s' (use -o FILE)",
				      it.args[0]);
		goto cleanup;
	}
	if (co.output && strcmp(co.output, "-") && !force) {
		struct stat st;

		/*
		 * A filled-in answers file is months of work: never replace it
		 * silently. A device or FIFO holds nothing to lose.
		 */
		if (!stat(co.output, &st) && S_ISREG(st.st_mode)) {
			cmd_eprintf("craf init: '%s' exists (use --force to overwrite it)\n",
				    co.output);
			ret = CRAF_EXIT_ERROR;
			goto cleanup;
		}
	}
	if (cmd_load_catalogue(&cat, co.catalogue, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	render(&template, &cat, co.target, co.lang);
	txt_finish(&template, &out);
	if (cmd_localise(&out, co.lang) || cmd_write_output(co.output, out.buf, out.len, NULL)) {
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	ret = cmd_finish(CRAF_EXIT_OK);
cleanup:
	strbuf_release(&out);
	txt_release(&template);
	catalogue_release(&cat);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_init = {
	.name = "init",
	.run = run,
	.summary = "Write an answers template with every requirement unanswered",
	.synopsis = "init [OPTIONS]",
	.description = "Writes an answers file listing every principle and every level it has,\n"
		       "each marked unanswered, with the requirement as a comment above it.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
};
