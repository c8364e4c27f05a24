/* The options several commands share, and the help made from each command's table. */
#include "cmd_options.h"

#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "exitcode.h"
#include "strbuf.h"

void cmd_opts_begin(struct cmd_opts *o, struct opt_iter *it, const struct cmd *c, int argc,
		    char **argv)
{
	memset(o, 0, sizeof(*o));
	o->cmd = c;
	o->format = REPORT_TEXT;
	o->lang = cmd_lang_default();
	o->color = COLOR_AUTO;
	o->target = LEVEL_NONE;
	opt_iter_init(it, argc, argv, c->options, c->noptions);
}

int cmd_opt_level(const struct cmd *c, const char *option, const char *value, enum level *out)
{
	if (!level_parse(value, out))
		return 0;
	cmd_usage_error(
		c, "unknown level \"%s\" for --%s (expected baseline, intermediate or advanced)",
		value, option);
	return -1;
}

/* One of the command's formats, else the usage error naming them all and -1. */
static int parse_format(const struct cmd *c, const char *value, enum report_format *out)
{
	struct strbuf expected = STRBUF_INIT;
	enum report_format f;

	if (!report_format_parse(value, &f))
		for (int i = 0; i < c->nformats; i++)
			if (c->formats[i] == f) {
				*out = f;
				return 0;
			}
	for (int i = 0; i < c->nformats; i++)
		strbuf_addf(&expected, "%s%s",
			    !i			  ? ""
			    : i + 1 < c->nformats ? ", "
						  : " or ",
			    report_format_name(c->formats[i]));
	cmd_usage_error(c, "unknown format \"%s\" (expected %s)", value, strbuf_str(&expected));
	strbuf_release(&expected);
	return -1;
}

const enum report_format cmd_report_formats[CMD_NREPORT_FORMATS] = {
	REPORT_TEXT, REPORT_JSON, REPORT_HTML,	REPORT_MARKDOWN,
	REPORT_CSV,  REPORT_XLSX, REPORT_OSCAL,
};

/* Stores a shared option's value in o; nonzero after a usage error. */
static int shared_option(struct cmd_opts *o, int id, const char *value)
{
	const struct cmd *c = o->cmd;

	switch (id) {
	case CMD_OPT_CATALOGUE:
		o->catalogue = value;
		break;
	case CMD_OPT_COLOR:
		if (term_color_parse(value, &o->color))
			return cmd_usage_error(
				c,
				"invalid value \"%s\" for --color (expected auto, always or never)",
				value);
		break;
	case CMD_OPT_CSV_BOM:
		o->csv_bom = true;
		break;
	case CMD_OPT_FORMAT:
		return parse_format(c, value, &o->format);
	case CMD_OPT_LANG:
		if (lang_parse(value, &o->lang))
			return cmd_usage_error(
				c,
				"unknown language \"%s\" for --lang (expected en, zh or zh-Hant)",
				value);
		break;
	case CMD_OPT_NO_PAGER:
		cmd_pager_disable();
		break;
	case CMD_OPT_OUTPUT:
		o->output = value;
		break;
	case CMD_OPT_TARGET:
		return cmd_opt_level(c, "target", value, &o->target);
	case CMD_OPT_AS_OF:
		if (date_parse(value, &o->as_of))
			return cmd_usage_error(
				c, "invalid date \"%s\" for --as-of (expected YYYY-MM-DD)", value);
		break;
	case CMD_OPT_WIDTH:
		return cmd_opt_width(c, value, &o->width);
	}
	return 0;
}

int cmd_opts_next(struct cmd_opts *o, struct opt_iter *it, const char **value)
{
	int id;

	while ((id = opt_next(it, value)) != OPT_END) {
		if (id == OPT_ERROR) {
			o->status = cmd_usage_error(o->cmd, "%s", it->error);
			return CMD_OPT_EXIT;
		}
		if (id == CMD_OPT_HELP) {
			o->status = cmd_help(o->cmd);
			return CMD_OPT_EXIT;
		}
		if (id < CMD_OPT_FIRST)
			return id;
		if (shared_option(o, id, *value)) {
			o->status = CRAF_EXIT_ERROR;
			return CMD_OPT_EXIT;
		}
	}
	return OPT_END;
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
