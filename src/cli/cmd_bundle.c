/* craf bundle: one archive for the auditor: report, answers, evidence, HTML, SHA256SUMS, signature.
 */
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arcfile.h"
#include "cmd.h"
#include "digest.h"
#include "evidence_check.h"
#include "exitcode.h"
#include "report.h"
#include "subproc.h"
#include "xalloc.h"

struct args {
	const char *root, *key;
};

static const struct opt options[] = {
	CMD_OPTION(HELP),
	CMD_OPTION_OUTPUT("Write the bundle to FILE (.tar.gz, .tgz or .zip),\n"
			  "atomically"),
	OPT_STRING("root", 0, "DIR", struct args, root,
		   "Take the answers file as DIR/NAME and the evidence\n"
		   "from under DIR, not where the report says"),
	OPT_STRING("sign", 0, "KEY", struct args, key,
		   "Sign SHA256SUMS with the SSH private key KEY\n"
		   "(ssh-keygen -Y sign -n craf-bundle) into SHA256SUMS.sig"),
};

struct entry {
	char *name; /* inside the bundle's directory */
	const char *data;
	size_t len;
};

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* The directory the bundle unpacks to: the output's file name without its extension. */
static char *top_name(const char *output)
{
	char *copy = xstrdup(output);
	char *base = xstrdup(basename(copy));
	static const char *const exts[] = {".tar.gz", ".tgz", ".zip"};

	for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		size_t n = strlen(base), k = strlen(exts[i]);

		if (n > k && !strcmp(base + n - k, exts[i])) {
			base[n - k] = '\0';
			break;
		}
	}
	free(copy);
	if (!*base || !strcmp(base, ".") || !strcmp(base, "..")) {
		free(base);
		base = xstrdup("bundle");
	}
	return base;
}

/* ssh-keygen -Y sign writes FILE.sig beside FILE: done in a private directory. */
static int sign(const char *key, const struct strbuf *sums, struct strbuf *sig)
{
	struct subproc_result res;
	struct strbuf path = STRBUF_INIT, sigpath = STRBUF_INIT;
	char *tmp = NULL, *keygen = cmd_find_program("ssh-keygen");
	int ret = -1;

	subproc_result_init(&res);
	if (!keygen) {
		cmd_eprintf("craf bundle: ssh-keygen is not installed (Debian package "
			    "openssh-client): cannot sign with --sign\n");
		goto cleanup;
	}
	tmp = cmd_make_tmpdir();
	if (!tmp)
		goto cleanup;
	strbuf_addf(&path, "%s/SHA256SUMS", tmp);
	strbuf_addf(&sigpath, "%s/SHA256SUMS.sig", tmp);
	if (cmd_write_output(path.buf, sums->buf, sums->len, NULL))
		goto cleanup;
	{
		const char *argv[] = {keygen, "-Y", "sign",   "-n", "craf-bundle",
				      "-f",   key,  path.buf, NULL};

		if (subproc_run(argv, environ, NULL, &res) || res.status) {
			const char *why = res.err_text.len ? res.err_text.buf : "it failed";

			/* Its first line, without the "\r\n" ssh-keygen ends it with. */
			cmd_eprintf("craf bundle: ssh-keygen could not sign with %s: %.*s\n", key,
				    (int)strcspn(why, "\r\n"), why);
			goto cleanup;
		}
	}
	{
		FILE *f = fopen(sigpath.buf, "rb");
		char buf[4096];
		size_t n;

		if (!f) {
			cmd_eprintf("craf bundle: ssh-keygen wrote no signature\n");
			goto cleanup;
		}
		while ((n = fread(buf, 1, sizeof(buf), f)))
			strbuf_add(sig, buf, n);
		fclose(f);
	}
	ret = 0;
cleanup:
	subproc_result_release(&res);
	cmd_remove_tree(tmp);
	free(tmp);
	free(keygen);
	strbuf_release(&path);
	strbuf_release(&sigpath);
	return ret;
}

static int run(int argc, char **argv)
{
	struct args a = {NULL, NULL};
	struct cmd_opts co;
	struct diag_list dl = DIAG_LIST_INIT;
	struct result res;
	struct ydoc doc;
	struct evcheck ec = {NULL, 0};
	struct strbuf raw = STRBUF_INIT, html = STRBUF_INIT, sums = STRBUF_INIT, sig = STRBUF_INIT,
		      out = STRBUF_INIT, err = STRBUF_INIT;
	struct entry *entries = NULL;
	struct arcfile_entry *ae = NULL;
	size_t n = 0;
	enum arcfile_format fmt;
	char *top = NULL;
	int ret;

	result_init(&res);
	ydoc_init(&doc);
	if ((ret = cmd_parse_options(&co, &cmd_bundle, argc, argv, &a)) != CMD_GO_ON)
		goto cleanup;
	if (!co.output || !strcmp(co.output, "-")) {
		ret = cmd_usage_error(&cmd_bundle,
				      "give the bundle's file with -o FILE.tar.gz or -o FILE.zip");
		goto cleanup;
	}
	if (arcfile_format_of(co.output, &fmt)) {
		ret = cmd_usage_error(
			&cmd_bundle,
			"cannot tell the archive format of \"%s\" (name it .tar.gz, .tgz or .zip)",
			co.output);
		goto cleanup;
	}
	ret = CRAF_EXIT_ERROR;
	if (cmd_load_report(co.args[0], &doc, &res, &dl, &raw)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	/* What goes in is what was hashed now: the same bytes, checked against the report. */
	evcheck_run(&ec, &res, a.root, true);
	if (!evcheck_all_ok(&ec)) {
		for (size_t i = 0; i < ec.nr; i++)
			if (ec.items[i].state != EVCHECK_OK)
				cmd_eprintf("craf bundle: %s %s%s%s%s\n", ec.items[i].location,
					    ec.items[i].state == EVCHECK_CHANGED
						    ? "changed since the report was made"
						    : "is missing",
					    ec.items[i].why ? " (" : "",
					    ec.items[i].why ? ec.items[i].why : "",
					    ec.items[i].why ? ")" : "");
		cmd_eprintf("craf bundle: nothing written: assess again, or bundle the files the "
			    "report pins ('craf verify' lists them)\n");
		goto cleanup;
	}
	{
		struct report_options ro = {LANG_EN, false, 80, false, cmd_now()};

		report_render(&html, &res, REPORT_HTML, &ro);
	}
	entries = xcalloc(ec.nr + 2, sizeof(*entries));
	entries[n++] = (struct entry){xstrdup("report.json"), raw.buf, raw.len};
	entries[n++] = (struct entry){xstrdup("report.html"), html.buf, html.len};
	for (size_t i = 0; i < ec.nr; i++) {
		const struct evcheck_item *item = &ec.items[i];
		struct strbuf name = STRBUF_INIT;
		bool dup = false;

		if (item->answers) {
			char *copy = xstrdup(item->path);

			strbuf_addf(&name, "files/%s", basename(copy));
			free(copy);
		} else {
			strbuf_addf(&name, "files/%s", item->path);
		}
		/* sha256sum escapes such names, and craf verify takes none. */
		if (strpbrk(name.buf, "\n\r\\")) {
			struct strbuf shown = STRBUF_INIT;

			diag_visible(&shown, item->path, strlen(item->path));
			cmd_eprintf("craf bundle: %s: the name holds a line break or a backslash, "
				    "which SHA256SUMS cannot list as it is: rename the file and "
				    "assess again\n",
				    shown.buf);
			strbuf_release(&shown);
			strbuf_release(&name);
			goto cleanup;
		}
		for (size_t k = 0; k < n; k++)
			dup |= !strcmp(entries[k].name, name.buf);
		/* An answers file named again as evidence: the same file, kept once. */
		if (dup) {
			strbuf_release(&name);
			continue;
		}
		entries[n++] = (struct entry){strbuf_detach(&name), item->data, item->len};
	}
	qsort(entries, n, sizeof(*entries), cmp_entry);
	for (size_t i = 0; i < n; i++) {
		char hex[65];
		struct digest d;

		digest_init(&d);
		digest_update(&d, entries[i].data ? entries[i].data : "", entries[i].len);
		digest_final_hex(&d, hex);
		strbuf_addf(&sums, "%s  %s\n", hex, entries[i].name);
	}
	if (a.key && sign(a.key, &sums, &sig))
		goto cleanup;
	top = top_name(co.output);
	ae = xcalloc(n + 2, sizeof(*ae));
	for (size_t i = 0; i < n + 2; i++) {
		const struct entry *e = i < n ? &entries[i] : NULL;
		struct strbuf name = STRBUF_INIT;

		if (i == n + 1 && !a.key)
			break;
		strbuf_addf(&name, "%s/%s", top,
			    e	     ? e->name
			    : i == n ? "SHA256SUMS"
				     : "SHA256SUMS.sig");
		ae[i].name = strbuf_detach(&name);
		ae[i].data = e ? e->data : i == n ? sums.buf : sig.buf;
		ae[i].len = e ? e->len : i == n ? sums.len : sig.len;
	}
	if (arcfile_write(&out, fmt, ae, n + 1 + (a.key != NULL), cmd_now(), &err)) {
		cmd_eprintf("craf bundle: cannot write the archive: %s\n", err.buf);
		goto cleanup;
	}
	{
		/* The report, and every file it pins: an evidence file may be a .zip too. */
		char **inputs = xcalloc(ec.nr + 1, sizeof(*inputs));
		bool clash;

		inputs[0] = co.args[0];
		for (size_t i = 0; i < ec.nr; i++)
			inputs[i + 1] = ec.items[i].location;
		clash = cmd_output_is_input(co.output, inputs, (int)ec.nr + 1);
		free(inputs);
		if (clash || cmd_write_output(co.output, out.buf, out.len, co.args[0]))
			goto cleanup;
	}
	ret = CRAF_EXIT_OK;
cleanup:
	if (ae)
		for (size_t i = 0; i < n + 2; i++)
			free((char *)ae[i].name);
	free(ae);
	for (size_t i = 0; i < n; i++)
		free(entries[i].name);
	free(entries);
	free(top);
	evcheck_release(&ec);
	result_release(&res);
	ydoc_release(&doc);
	diag_list_release(&dl);
	strbuf_release(&raw);
	strbuf_release(&html);
	strbuf_release(&sums);
	strbuf_release(&sig);
	strbuf_release(&out);
	strbuf_release(&err);
	return ret;
}

const struct cmd cmd_bundle = {
	.name = "bundle",
	.run = run,
	.summary = "Pack a report with its answers and evidence for an auditor",
	.synopsis = "bundle [OPTIONS] REPORT.json -o FILE.tar.gz|FILE.zip",
	.description = "Writes one archive holding the JSON report, its HTML rendering, the\n"
		       "answers file, every evidence file the report names (under files/, as\n"
		       "the answers file cites them) and SHA256SUMS, which 'sha256sum -c'\n"
		       "checks. Each file must still be the one the report pins. Entries are\n"
		       "in name order and dated $SOURCE_DATE_EPOCH when it is set, so the same\n"
		       "inputs give the same archive. With --sign, ssh-keygen signs SHA256SUMS\n"
		       "(namespace craf-bundle). See docs/evidence.md.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.file = "JSON report",
	.epilogue = "Exit status: 0 written, 2 usage or input error, or a file differs\n"
		    "from the report (nothing is written).\n",
};
