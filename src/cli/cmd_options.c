/* The options several commands share, and the help made from each command's table. */
#include "cmd_options.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "exitcode.h"
#include "strbuf.h"

int cmd_opt_level(const struct opt *o, const char *value, void *dest, const void *ctx,
		  struct strbuf *err)
{
	(void)ctx;
	if (!level_parse(value, dest))
		return 0;
	strbuf_addf(err,
		    "unknown level \"%s\" for --%s (expected baseline, intermediate or advanced)",
		    value, o->name);
	return -1;
}

/* One of the formats of ctx, the command, else the usage error naming them all. */
int cmd_opt_format(const struct opt *o, const char *value, void *dest, const void *ctx,
		   struct strbuf *err)
{
	const struct cmd *c = ctx;
	enum report_format f;

	(void)o;
	if (!report_format_parse(value, &f))
		for (int i = 0; i < c->nformats; i++)
			if (c->formats[i] == f) {
				*(enum report_format *)dest = f;
				return 0;
			}
	strbuf_addf(err, "unknown format \"%s\" (expected ", value);
	for (int i = 0; i < c->nformats; i++)
		strbuf_addf(err, "%s%s",
			    !i			  ? ""
			    : i + 1 < c->nformats ? ", "
						  : " or ",
			    report_format_name(c->formats[i]));
	strbuf_addc(err, ')');
	return -1;
}

const enum report_format cmd_report_formats[CMD_NREPORT_FORMATS] = {
	REPORT_TEXT, REPORT_JSON, REPORT_HTML,	REPORT_MARKDOWN,
	REPORT_CSV,  REPORT_XLSX, REPORT_OSCAL,
};

int cmd_opt_answers_format(const struct opt *o, const char *value, void *dest, const void *ctx,
			   struct strbuf *err)
{
	enum cmd_answers_format *f = dest;

	(void)o, (void)ctx;
	if (!strcmp(value, "yaml"))
		*f = CMD_ANSWERS_YAML;
	else if (!strcmp(value, "xlsx"))
		*f = CMD_ANSWERS_XLSX;
	else {
		strbuf_addf(err, "unknown format \"%s\" (expected yaml or xlsx)", value);
		return -1;
	}
	return 0;
}

int cmd_opt_color(const struct opt *o, const char *value, void *dest, const void *ctx,
		  struct strbuf *err)
{
	(void)o, (void)ctx;
	if (!term_color_parse(value, dest))
		return 0;
	strbuf_addf(err, "invalid value \"%s\" for --color (expected auto, always or never)",
		    value);
	return -1;
}

int cmd_opt_lang(const struct opt *o, const char *value, void *dest, const void *ctx,
		 struct strbuf *err)
{
	(void)o, (void)ctx;
	if (!lang_parse(value, dest))
		return 0;
	strbuf_addf(err, "unknown language \"%s\" for --lang (expected en, zh or zh-Hant)", value);
	return -1;
}

int cmd_opt_as_of(const struct opt *o, const char *value, void *dest, const void *ctx,
		  struct strbuf *err)
{
	(void)o, (void)ctx;
	if (!date_parse(value, dest))
		return 0;
	strbuf_addf(err, "invalid date \"%s\" for --as-of (expected YYYY-MM-DD)", value);
	return -1;
}

int cmd_parse_options(struct cmd_opts *co, const struct cmd *c, int argc, char **argv, void *own)
{
	void *const dest[] = {[CMD_IN_OWN] = own, [CMD_IN_SHARED] = co};
	struct strbuf err = STRBUF_INIT;
	struct opt_iter it;
	const char *value;
	int ret = CMD_GO_ON;

	memset(co, 0, sizeof(*co));
	co->cmd = c;
	co->format = REPORT_TEXT;
	co->lang = cmd_lang_default();
	co->color = COLOR_AUTO;
	co->target = LEVEL_NONE;
	opt_iter_init(&it, argc, argv, c->options, c->noptions);
	switch (opt_parse(&it, dest, c, &value, &err)) {
	case OPT_END:
		break;
	case OPT_ERROR:
		ret = cmd_usage_error(c, "%s", strbuf_str(&err));
		goto cleanup;
	default: /* --help, the only option a table returns by its id */
		ret = cmd_help(c);
		goto cleanup;
	}
	co->args = it.args;
	co->nargs = it.nargs;
	if (co->no_pager)
		cmd_pager_disable();
	if (c->file && cmd_want_one_file(c, it.nargs, c->file))
		ret = CRAF_EXIT_ERROR;
cleanup:
	strbuf_release(&err);
	return ret;
}

bool cmd_opts_color(const struct cmd_opts *o)
{
	return o->format == REPORT_TEXT && (!o->output || !strcmp(o->output, "-")) &&
	       cmd_use_color(stdout, o->color);
}

int cmd_help(const struct cmd *c)
{
	struct strbuf out = STRBUF_INIT;
	const char *line = c->synopsis;

	/* One "craf NAME ..." line per form, aligned under the first. */
	for (bool first = true;; first = false) {
		const char *nl = strchr(line, '\n');

		strbuf_addf(&out, "%s craf %.*s\n", first ? "usage:" : "      ",
			    (int)(nl ? nl - line : (int)strlen(line)), line);
		if (!nl || !nl[1])
			break;
		line = nl + 1;
	}
	strbuf_addf(&out, "\n%s\nOptions:\n", c->description);
	opt_format_help(&out, c->options, c->noptions);
	if (c->epilogue)
		strbuf_addf(&out, "\n%s", c->epilogue);
	fputs(strbuf_str(&out), stdout);
	strbuf_release(&out);
	return cmd_finish(CRAF_EXIT_OK);
}
