/* craf catalogue: browse the control principles, products and responsibility model. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <dirent.h>

#include "answers_schema.h"
#include "catalogue_view.h"
#include "catalogue_xlsx.h"
#include "catalogue_xlsx_read.h"
#include "cmd.h"
#include "exitcode.h"
#include "oscal.h"
#include "out_text.h"
#include "suggest.h"
#include "xalloc.h"
#include "yaml_emit.h"

struct args {
	struct catalogue_filter filter;
	bool force;
};

static const struct opt options[] = {
	CMD_OPTION(CATALOGUE),
	OPT_STRING("domain", 0, "N", struct args, filter.domain, "list: only domain N"),
	OPT_FLAG("force", 'f', struct args, force,
		 "convert WORKBOOK: write into DIR even when it holds\n"
		 "files (those of the catalogue's names are replaced)"),
	CMD_OPTION_FORMAT("text (default) or json (both languages, for scripts);\n"
			  "list also takes oscal: the whole catalogue as an\n"
			  "OSCAL 1.2.1 catalog (docs/oscal.md)"),
	CMD_OPTION(HELP),
	CMD_OPTION(LANG),
	OPT_LEVEL("level", "LEVEL", struct args, filter.level,
		  "list: only principles with a requirement at LEVEL"),
	CMD_OPTION(NO_PAGER),
	CMD_OPTION_OUTPUT("schema: write to FILE (atomically) instead of\n"
			  "standard output; convert: the workbook to write,\n"
			  "or with WORKBOOK, the catalogue directory"),
	CMD_OPTION(WIDTH),
};

static const enum report_format formats[] = {REPORT_TEXT, REPORT_JSON, REPORT_OSCAL};

static const char *const actions[] = {"list",		"show",	  "products",
				      "responsibility", "schema", "convert"};

/* id is none of the n items (each size bytes, its id at id_at): say so, with the nearest id. */
static int unknown(const char *what, const char *id, const void *items, size_t n, size_t size,
		   size_t id_at)
{
	const char **ids = xmalloc((n + 1) * sizeof(*ids));
	const char *near;

	for (size_t i = 0; i < n; i++)
		memcpy(&ids[i], (const char *)items + i * size + id_at, sizeof(*ids));
	near = suggest_nearest_within(id, ids, n, 2);
	if (near)
		cmd_eprintf("craf catalogue: unknown %s \"%s\" (did you mean \"%s\"?)\n", what, id,
			    near);
	else
		cmd_eprintf("craf catalogue: unknown %s \"%s\"\n", what, id);
	free(ids);
	return CRAF_EXIT_ERROR;
}

static int write_workbook(const char *path, const void *arg, struct strbuf *warnings,
			  struct strbuf *err)
{
	return catalogue_xlsx_write(path, arg, warnings, err);
}

/* Whether dir holds anything (an unreadable one counts as holding something). */
static bool dir_has_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	bool any = false;

	if (!d)
		return true;
	while (!any && (e = readdir(d)))
		any = strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return any;
}

static int write_all(const char *path, const struct strbuf *data)
{
	FILE *f = fopen(path, "wb");
	int ret;

	if (!f)
		return -1;
	ret = fwrite(strbuf_str(data), 1, data->len, f) == data->len ? 0 : -1;
	if (fflush(f) || fsync(fileno(f)))
		ret = -1;
	if (fclose(f))
		ret = -1;
	return ret;
}

/* Removes what put_directory made in tmp (its files, then tmp), for a failed run. */
static void remove_tmp(const char *tmp, const struct catalogue_book *book)
{
	struct strbuf path = STRBUF_INIT;

	for (size_t i = 0; i < book->nfiles; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", tmp, book->files[i].name);
		unlink(path.buf);
	}
	rmdir(tmp);
	strbuf_release(&path);
}

/*
 * Writes the book's files into a new directory beside dir, then renames it
 * into place: a reader never sees half a catalogue. With force, an existing
 * dir that holds files gets each of the catalogue's files renamed into it
 * instead (others are left alone).
 */
static int put_directory(const char *dir, const struct catalogue_book *book, bool force)
{
	struct strbuf tmp = STRBUF_INIT, path = STRBUF_INIT, dest = STRBUF_INIT;
	const char *slash = strrchr(dir, '/');
	bool exists = false, into = false;
	struct stat st;
	mode_t mask;
	int ret = -1;

	if (stat(dir, &st) == 0) {
		if (!S_ISDIR(st.st_mode)) {
			cmd_eprintf("craf catalogue: '%s' exists and is not a directory\n", dir);
			goto cleanup;
		}
		exists = true;
		into = dir_has_entries(dir);
		if (into && !force) {
			cmd_eprintf("craf catalogue: '%s' is not empty (use --force to replace the "
				    "catalogue's files in it)\n",
				    dir);
			goto cleanup;
		}
	}
	if (slash)
		strbuf_addf(&tmp, "%.*s/.%s.craf-XXXXXX", (int)(slash - dir), dir, slash + 1);
	else
		strbuf_addf(&tmp, ".%s.craf-XXXXXX", dir);
	if (!mkdtemp(tmp.buf)) {
		cmd_eprintf("craf catalogue: cannot create a directory beside '%s': %s\n", dir,
			    strerror(errno));
		goto cleanup;
	}
	mask = umask(0);
	umask(mask);
	chmod(tmp.buf, 0777 & ~mask);
	for (size_t i = 0; i < book->nfiles; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", tmp.buf, book->files[i].name);
		if (write_all(path.buf, &book->files[i].yaml)) {
			cmd_eprintf("craf catalogue: cannot write '%s': %s\n", path.buf,
				    strerror(errno));
			remove_tmp(tmp.buf, book);
			goto cleanup;
		}
	}
	if (!into) {
		/* rename(2) replaces an empty directory. */
		if (rename(tmp.buf, dir)) {
			cmd_eprintf("craf catalogue: cannot put the catalogue at '%s': %s\n", dir,
				    strerror(errno));
			remove_tmp(tmp.buf, book);
			goto cleanup;
		}
		ret = 0;
		goto cleanup;
	}
	(void)exists;
	for (size_t i = 0; i < book->nfiles; i++) {
		strbuf_reset(&path);
		strbuf_reset(&dest);
		strbuf_addf(&path, "%s/%s", tmp.buf, book->files[i].name);
		strbuf_addf(&dest, "%s/%s", dir, book->files[i].name);
		if (rename(path.buf, dest.buf)) {
			cmd_eprintf("craf catalogue: cannot replace '%s': %s\n", dest.buf,
				    strerror(errno));
			remove_tmp(tmp.buf, book);
			goto cleanup;
		}
	}
	rmdir(tmp.buf);
	ret = 0;
cleanup:
	strbuf_release(&tmp);
	strbuf_release(&path);
	strbuf_release(&dest);
	return ret;
}

/*
 * craf catalogue convert WORKBOOK -o DIR: the workbook back into catalogue
 * files, checked as --catalogue DIR would load them, every problem named by
 * its cell; nothing is written unless all is well.
 */
static int workbook_to_dir(const char *in, const char *dir, bool force)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue_book book;
	struct catalogue cat;
	int ret;

	catalogue_book_init(&book);
	catalogue_init(&cat);
	if (catalogue_xlsx_read(&book, in, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	for (size_t i = 0; i < book.nfiles; i++) {
		struct txt_out t = TXT_OUT_INIT;

		yaml_emit(&t, book.files[i].root, &book.files[i].lines);
		txt_finish(&t, &book.files[i].yaml);
	}
	if (catalogue_xlsx_check(&book, &cat, &dl) || diag_list_has_errors(&dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	ret = cmd_report_diags(&dl);
	if (ret == CRAF_EXIT_OK && put_directory(dir, &book, force))
		ret = CRAF_EXIT_ERROR;
cleanup:
	catalogue_release(&cat);
	catalogue_book_release(&book);
	diag_list_release(&dl);
	return ret;
}

static int run(int argc, char **argv)
{
	struct args a = {{NULL, LEVEL_NONE}, false};
	const struct catalogue_filter *filter = &a.filter;
	const char *action = "list";
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf out = STRBUF_INIT;
	struct cmd_opts co;
	struct txt_out text = TXT_OUT_INIT;
	struct catalogue cat;
	int ret, json, oscal, width;

	catalogue_init(&cat);
	if ((ret = cmd_parse_options(&co, &cmd_catalogue, argc, argv, &a)) != CMD_GO_ON)
		goto cleanup;
	json = co.format == REPORT_JSON;
	oscal = co.format == REPORT_OSCAL;
	if (co.nargs)
		action = co.args[0];
	{
		size_t k;

		for (k = 0; k < sizeof(actions) / sizeof(actions[0]); k++)
			if (!strcmp(action, actions[k]))
				break;
		if (k == sizeof(actions) / sizeof(actions[0])) {
			ret = cmd_usage_error(
				&cmd_catalogue,
				"unknown action '%s' (expected list, show, products, responsibility, "
				"schema or convert)",
				action);
			goto cleanup;
		}
	}
	/* An OSCAL catalog is a whole document: no other view has one. */
	if (oscal && strcmp(action, "list")) {
		ret = cmd_usage_error(
			&cmd_catalogue,
			"--format oscal goes with 'list' only (the whole catalogue as an "
			"OSCAL catalog), not with '%s'",
			action);
		goto cleanup;
	}
	if (oscal && (filter->domain || filter->level != LEVEL_NONE)) {
		ret = cmd_usage_error(&cmd_catalogue,
				      "--format oscal writes the whole catalogue; it does not take "
				      "--domain or --level");
		goto cleanup;
	}
	if (co.output && strcmp(action, "schema") && strcmp(action, "convert")) {
		ret = cmd_usage_error(&cmd_catalogue, "-o goes with 'schema' and 'convert' only");
		goto cleanup;
	}
	if (!strcmp(action, "schema") && co.format != REPORT_TEXT && co.format != REPORT_JSON) {
		ret = cmd_usage_error(&cmd_catalogue, "'schema' writes JSON only");
		goto cleanup;
	}
	if ((filter->domain || filter->level != LEVEL_NONE) && strcmp(action, "list")) {
		ret = cmd_usage_error(&cmd_catalogue, "--domain and --level go with 'list' only");
		goto cleanup;
	}
	if (a.force && (strcmp(action, "convert") || co.nargs != 2)) {
		ret = cmd_usage_error(&cmd_catalogue,
				      "--force goes with 'convert WORKBOOK -o DIR' only");
		goto cleanup;
	}
	if (!strcmp(action, "convert") && co.nargs == 2) {
		size_t n = co.output ? strlen(co.output) : 0;

		if (!co.output || !strcmp(co.output, "-"))
			ret = cmd_usage_error(&cmd_catalogue,
					      "'convert WORKBOOK' needs -o DIR, the catalogue "
					      "directory to write");
		else if (n >= 5 && !strcmp(co.output + n - 5, ".xlsx"))
			ret = cmd_usage_error(&cmd_catalogue,
					      "'convert WORKBOOK' writes a catalogue directory: "
					      "-o names a directory, not a workbook");
		else if (co.catalogue)
			ret = cmd_usage_error(&cmd_catalogue,
					      "'convert WORKBOOK' reads its catalogue from the "
					      "workbook: it does not take --catalogue");
		else
			ret = workbook_to_dir(co.args[1], co.output, a.force);
		goto cleanup;
	}
	if (!strcmp(action, "convert") && !co.output) {
		ret = cmd_usage_error(&cmd_catalogue, "'convert' needs -o FILE.xlsx");
		goto cleanup;
	}
	if (!strcmp(action, "show")	  ? co.nargs != 2
	    : !strcmp(action, "products") ? co.nargs > 2
					  : co.nargs > 1) {
		ret = cmd_usage_error(&cmd_catalogue, !strcmp(action, "show")
							      ? "'show' takes one control id"
							      : "too many arguments");
		goto cleanup;
	}
	width = cmd_output_width(co.width, NULL);
	if (cmd_load_catalogue(&cat, co.catalogue, &dl)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	if (filter->domain) {
		size_t d;

		for (d = 0; d < cat.ndomains; d++)
			if (!strcmp(cat.domains[d].id, filter->domain))
				break;
		if (d == cat.ndomains) {
			cmd_eprintf("craf catalogue: no domain \"%s\" (domains are 1 to %s)\n",
				    filter->domain, cat.domains[cat.ndomains - 1].id);
			ret = CRAF_EXIT_ERROR;
			goto cleanup;
		}
	}
	if (!strcmp(action, "list")) {
		if (oscal)
			oscal_catalog_render(&out, &cat, cmd_now());
		else if (json)
			catalogue_json_list(&out, &cat, filter);
		else
			catalogue_text_list(&text, &cat, filter, co.lang, width);
	} else if (!strcmp(action, "show")) {
		const struct cat_principle *p = catalogue_find(&cat, co.args[1]);

		if (!p) {
			ret = unknown("control id", co.args[1], cat.principles, cat.nprinciples,
				      sizeof(*cat.principles), offsetof(struct cat_principle, id));
			goto cleanup;
		}
		if (json)
			catalogue_json_show(&out, &cat, p);
		else
			catalogue_text_show(&text, &cat, p, co.lang, width);
	} else if (!strcmp(action, "products")) {
		const struct cat_product *p = NULL;

		if (co.nargs == 2) {
			p = catalogue_find_product(&cat, co.args[1]);
			/* Accept the abbreviation too: people know products as "CAM". */
			for (size_t k = 0; !p && k < cat.nproducts; k++)
				if (!strcmp(cat.products[k].abbr, co.args[1]))
					p = &cat.products[k];
			if (!p) {
				ret = unknown("product", co.args[1], cat.products, cat.nproducts,
					      sizeof(*cat.products),
					      offsetof(struct cat_product, id));
				goto cleanup;
			}
		}
		if (json)
			catalogue_json_products(&out, &cat, p);
		else
			catalogue_text_products(&text, &cat, p, co.lang, width);
	} else if (!strcmp(action, "convert")) {
		ret = cmd_output_workbook(write_workbook, &cat, co.output, NULL) ? CRAF_EXIT_ERROR
										 : CRAF_EXIT_OK;
		goto cleanup;
	} else if (!strcmp(action, "schema")) {
		answers_schema_json(&out, &cat);
		json = 1;
	} else {
		if (json)
			catalogue_json_responsibility(&out, &cat);
		else
			catalogue_text_responsibility(&text, &cat, co.lang, width);
	}
	txt_finish(&text, &out);
	ret = cmd_emit(&out,
		       &(struct cmd_emit){.output = co.output,
					  .lang = co.lang,
					  .localise = !json && !oscal,
					  .page = true},
		       CRAF_EXIT_OK);
cleanup:
	strbuf_release(&out);
	txt_release(&text);
	catalogue_release(&cat);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_catalogue = {
	.name = "catalogue",
	.run = run,
	.summary = "Browse the control principles, products and responsibility model",
	.synopsis = "catalogue list [--domain N] [--level LEVEL] [OPTIONS]\n"
		    "catalogue show ID [OPTIONS]\n"
		    "catalogue products [PRODUCT] [OPTIONS]\n"
		    "catalogue responsibility [OPTIONS]\n"
		    "catalogue schema [-o FILE] [OPTIONS]\n"
		    "catalogue convert -o FILE.xlsx [OPTIONS]\n"
		    "catalogue convert WORKBOOK -o DIR [--force]",
	.description = "list            one line per principle with the levels it has\n"
		       "show ID         everything about one principle: its requirement at each\n"
		       "                level and Tencent Cloud's mapped response\n"
		       "products        the Tencent Cloud product directory and, for each\n"
		       "                product, the principles it helps with; PRODUCT (an id\n"
		       "                such as cam, or an abbreviation such as CAM) shows one\n"
		       "responsibility  the shared-responsibility model by service model\n"
		       "schema          a JSON Schema (2020-12) of the answers file for this\n"
		       "                catalogue: its ids, levels and statuses, for editors\n"
		       "                that check YAML as it is typed (docs/answers.md)\n"
		       "convert         the whole catalogue as a workbook: one row per\n"
		       "                requirement, and a sheet for each other part;\n"
		       "                convert WORKBOOK turns such a workbook back into a\n"
		       "                catalogue directory for --catalogue, with the\n"
		       "                loader's checks, errors naming the cell\n"
		       "                (docs/catalogue.md)\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.formats = formats,
	.nformats = OPT_COUNT(formats),
};
