/* craf verify: are the answers and evidence files the ones the report pins; is a bundle intact. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arcfile.h"
#include "cmd.h"
#include "digest.h"
#include "evidence_check.h"
#include "exitcode.h"
#include "subproc.h"
#include "textsafe.h"
#include "xalloc.h"

/* Bundles unpack to at most this much. */
#define MAX_BUNDLE_BYTES (4ULL << 30)

struct args {
	const char *root, *signers;
};

static const struct opt options[] = {
	CMD_OPTION(HELP),
	OPT_STRING("root", 0, "DIR", struct args, root,
		   "Look for the answers file as DIR/NAME and the evidence\n"
		   "under DIR, not where the report says"),
	OPT_STRING("signers", 0, "FILE", struct args, signers,
		   "Check a bundle's SHA256SUMS.sig against FILE (OpenSSH\n"
		   "allowed signers) with ssh-keygen"),
};

static const char *const state_names[] = {"ok", "changed", "missing"};

/* "ok       NAME": names come from files, so what they hide is made visible. */
static void line(const char *state, const char *name, const char *why)
{
	struct strbuf text = STRBUF_INIT, shown = STRBUF_INIT;

	strbuf_addf(&text, "%-8s %s", state, name);
	if (why)
		strbuf_addf(&text, " (%s)", why);
	textsafe_add(&shown, text.buf, text.len, 0);
	printf("%s\n", shown.buf);
	strbuf_release(&text);
	strbuf_release(&shown);
}

/* The checks of a report against the files on disk; 0 all ok, 1 any not. */
static int print_check(const struct evcheck *ec)
{
	int ret = CRAF_EXIT_OK;

	for (size_t i = 0; i < ec->nr; i++) {
		const struct evcheck_item *it = &ec->items[i];

		line(state_names[it->state], it->location, it->why);
		if (it->state != EVCHECK_OK)
			ret = CRAF_EXIT_GAPS;
	}
	return ret;
}

static bool is_bundle(const char *path)
{
	enum arcfile_format f;
	unsigned char magic[4] = {0};
	int fd;
	ssize_t n;

	if (!arcfile_format_of(path, &f))
		return true;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	n = read(fd, magic, sizeof(magic));
	close(fd);
	return n >= 2 && ((magic[0] == 0x1f && magic[1] == 0x8b) ||
			  (n == 4 && !memcmp(magic, "PK\003\004", 4)));
}

/* The one directory a bundle unpacks to (craf bundle puts everything under it). */
static char *bundle_top(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *top = NULL;
	int n = 0;

	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		n++;
		free(top);
		top = xstrdup(e->d_name);
	}
	closedir(d);
	if (n != 1) {
		free(top);
		return NULL;
	}
	return top;
}

struct sums {
	char **names;
	char (*sha)[65];
	size_t nr;
};

/*
 * SHA256SUMS as sha256sum writes it: 64 hex digits, two spaces (or " *"), a
 * name inside the bundle, each name once. Returns 0, or the number of the
 * first line that is not so, with why.
 */
static size_t parse_sums(const char *text, size_t len, struct sums *s, const char **why)
{
	const char *p = text, *end = text + len;
	size_t lineno = 0;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		char *name;
		size_t n;

		lineno++;
		*why = "not \"HASH  NAME\" as sha256sum writes it";
		if (!eol)
			return lineno;
		n = (size_t)(eol - p);
		/* Saved on Windows: every name would end in CR and every file look missing. */
		if (n && p[n - 1] == '\r') {
			*why = "ends in a carriage return (saved with Windows line ends?)";
			return lineno;
		}
		if (n < 67 || strspn(p, "0123456789abcdef") != 64 || p[64] != ' ' ||
		    (p[65] != ' ' && p[65] != '*') || memchr(p, '\\', n) || memchr(p, '\0', n))
			return lineno;
		name = xmalloc(n - 66 + 1);
		memcpy(name, p + 66, n - 66);
		name[n - 66] = '\0';
		*why = "names a file outside the bundle";
		if (!arcfile_safe_name(name)) {
			free(name);
			return lineno;
		}
		*why = "names a file a second time";
		for (size_t i = 0; i < s->nr; i++)
			if (!strcmp(s->names[i], name)) {
				free(name);
				return lineno;
			}
		s->names = xrealloc(s->names, (s->nr + 1) * sizeof(*s->names));
		s->sha = xrealloc(s->sha, (s->nr + 1) * sizeof(*s->sha));
		memcpy(s->sha[s->nr], p, 64);
		s->sha[s->nr][64] = '\0';
		s->names[s->nr] = name;
		s->nr++;
		p = eol + 1;
	}
	return 0;
}

static bool sums_lists(const struct sums *s, const char *name)
{
	for (size_t i = 0; i < s->nr; i++)
		if (!strcmp(s->names[i], name))
			return true;
	return false;
}

/* Messages about a file unpacked under tmp name it as the member of the bundle it is. */
static void member_names(struct diag_list *dl, const char *tmp, const char *bundle)
{
	size_t n = strlen(tmp);

	for (size_t i = 0; i < dl->nr; i++) {
		struct diag *d = &dl->items[i];
		struct strbuf named = STRBUF_INIT;

		if (!d->file || strncmp(d->file, tmp, n) || d->file[n] != '/')
			continue;
		strbuf_addf(&named, "%s: %s", bundle, d->file + n + 1);
		free(d->file);
		d->file = strbuf_detach(&named);
	}
}

static void sums_release(struct sums *s)
{
	for (size_t i = 0; i < s->nr; i++)
		free(s->names[i]);
	free(s->names);
	free(s->sha);
}

static int read_file(const char *path, struct strbuf *out)
{
	char buf[65536];
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	ssize_t n;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		strbuf_add(out, buf, (size_t)n);
	close(fd);
	return n < 0 ? -1 : 0;
}

/* Every file unpacked, to find any SHA256SUMS does not list. */
static _Thread_local struct sums *walk_sums;
static _Thread_local const char *walk_top;
static _Thread_local int walk_status;

static int walk_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	const char *rel = path + strlen(walk_top) + 1;

	(void)st;
	(void)ftw;
	if (flag != FTW_F || !strcmp(rel, "SHA256SUMS") || !strcmp(rel, "SHA256SUMS.sig"))
		return 0;
	for (size_t i = 0; i < walk_sums->nr; i++)
		if (!strcmp(walk_sums->names[i], rel))
			return 0;
	line("unlisted", rel, "in the bundle but not in SHA256SUMS");
	walk_status = CRAF_EXIT_GAPS;
	return 0;
}

/* ssh-keygen -Y find-principals, then -Y verify: OpenSSH's own check of the signature. */
static int check_signature(const char *top, const char *signers)
{
	struct strbuf sums = STRBUF_INIT, sig = STRBUF_INIT, principal = STRBUF_INIT;
	struct subproc_result res;
	char *keygen = cmd_find_program("ssh-keygen");
	int ret = CRAF_EXIT_GAPS;

	subproc_result_init(&res);
	strbuf_addf(&sums, "%s/SHA256SUMS", top);
	strbuf_addf(&sig, "%s/SHA256SUMS.sig", top);
	if (access(sig.buf, F_OK)) {
		line("missing", "SHA256SUMS.sig", "the bundle is not signed");
		goto cleanup;
	}
	if (!keygen) {
		cmd_eprintf(
			"craf verify: ssh-keygen is not installed (Debian package openssh-client): "
			"cannot check the signature\n");
		ret = CRAF_EXIT_ERROR;
		goto cleanup;
	}
	{
		const char *argv[] = {keygen,  "-Y", "find-principals", "-s",
				      sig.buf, "-f", signers,		NULL};

		if (subproc_run(argv, environ, NULL, &res) || res.status) {
			line("bad", "SHA256SUMS.sig", "no key in the allowed signers made it");
			goto cleanup;
		}
	}
	strbuf_add(&principal, res.out.buf, strcspn(res.out.buf, "\n"));
	subproc_result_release(&res);
	{
		const char *argv[] = {keygen,	     "-Y", "verify",	  "-f", signers, "-I",
				      principal.buf, "-n", "craf-bundle", "-s", sig.buf, NULL};

		if (subproc_run(argv, environ, sums.buf, &res) || res.status) {
			struct strbuf why = STRBUF_INIT;

			strbuf_add(&why, res.err_text.buf ? res.err_text.buf : "",
				   res.err_text.buf ? strcspn(res.err_text.buf, "\r\n") : 0);
			line("bad", "SHA256SUMS.sig", why.len ? why.buf : "ssh-keygen refused it");
			strbuf_release(&why);
			goto cleanup;
		}
	}
	strbuf_reset(&sums);
	strbuf_addf(&sums, "signed by %s", principal.buf);
	line("ok", "SHA256SUMS.sig", sums.buf);
	ret = CRAF_EXIT_OK;
cleanup:
	subproc_result_release(&res);
	strbuf_release(&sums);
	strbuf_release(&sig);
	strbuf_release(&principal);
	free(keygen);
	return ret;
}

static int worst(int a, int b)
{
	return a > b ? a : b;
}

static int verify_bundle(const char *path, const char *signers)
{
	struct strbuf err = STRBUF_INIT, sums_text = STRBUF_INIT, p = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct sums sums = {NULL, NULL, 0};
	struct result res;
	struct ydoc doc;
	struct evcheck ec = {NULL, 0};
	char *tmp = cmd_make_tmpdir(), *name = NULL;
	const char *why = NULL;
	size_t bad;
	int ret = CRAF_EXIT_ERROR, status = CRAF_EXIT_OK;

	result_init(&res);
	ydoc_init(&doc);
	if (!tmp)
		goto cleanup;
	if (arcfile_extract(path, tmp, MAX_BUNDLE_BYTES, &err)) {
		cmd_eprintf("craf verify: %s: %s\n", path, err.buf);
		goto cleanup;
	}
	name = bundle_top(tmp);
	if (!name) {
		cmd_eprintf("craf verify: %s: not a craf bundle (expected one directory)\n", path);
		goto cleanup;
	}
	strbuf_addf(&p, "%s/%s", tmp, name);
	free(name);
	name = strbuf_detach(&p);
	strbuf_addf(&p, "%s/SHA256SUMS", name);
	if (read_file(p.buf, &sums_text)) {
		cmd_eprintf("craf verify: %s: no SHA256SUMS in the form sha256sum writes\n", path);
		goto cleanup;
	}
	if ((bad = parse_sums(sums_text.buf ? sums_text.buf : "", sums_text.len, &sums, &why))) {
		cmd_eprintf("craf verify: %s: SHA256SUMS:%zu: %s\n", path, bad, why);
		goto cleanup;
	}
	if (signers)
		status = worst(status, check_signature(name, signers));
	else if (strbuf_reset(&p), strbuf_addf(&p, "%s/SHA256SUMS.sig", name), !access(p.buf, F_OK))
		line("unchecked", "SHA256SUMS.sig", "give --signers ALLOWED_SIGNERS to check it");
	for (size_t i = 0; i < sums.nr; i++) {
		struct strbuf got = STRBUF_INIT;
		char hex[65];
		struct digest d;

		strbuf_reset(&p);
		strbuf_addf(&p, "%s/%s", name, sums.names[i]);
		if (read_file(p.buf, &got)) {
			line("missing", sums.names[i], NULL);
			status = worst(status, CRAF_EXIT_GAPS);
		} else {
			digest_init(&d);
			digest_update(&d, got.buf ? got.buf : "", got.len);
			digest_final_hex(&d, hex);
			if (strcmp(hex, sums.sha[i])) {
				line("changed", sums.names[i], "differs from SHA256SUMS");
				status = worst(status, CRAF_EXIT_GAPS);
			} else {
				line("ok", sums.names[i], NULL);
			}
		}
		strbuf_release(&got);
	}
	walk_sums = &sums;
	walk_top = name;
	walk_status = CRAF_EXIT_OK;
	nftw(name, walk_one, 16, FTW_PHYS);
	status = worst(status, walk_status);
	/* The report inside, with every check, against the files beside it. */
	strbuf_reset(&p);
	strbuf_addf(&p, "%s/report.json", name);
	if (access(p.buf, F_OK)) {
		/* Taken out: as missing as any other file, said once. */
		if (!sums_lists(&sums, "report.json"))
			line("missing", "report.json", "the bundle holds no report");
		ret = worst(status, CRAF_EXIT_GAPS);
		goto cleanup;
	}
	if (cmd_load_report(p.buf, &doc, &res, &dl, NULL)) {
		cmd_eprintf("craf verify: the bundle's report.json does not load:\n");
		member_names(&dl, tmp, path);
		cmd_report_failure(&dl);
		status = CRAF_EXIT_ERROR;
		ret = status;
		goto cleanup;
	}
	strbuf_reset(&p);
	strbuf_addf(&p, "%s/files", name);
	evcheck_run(&ec, &res, p.buf, false);
	for (size_t i = 0; i < ec.nr; i++)
		if (ec.items[i].state != EVCHECK_OK) {
			struct strbuf what = STRBUF_INIT;

			strbuf_addf(&what, "files/%s", ec.items[i].path);
			line(state_names[ec.items[i].state], what.buf,
			     "not the file report.json pins");
			strbuf_release(&what);
			status = worst(status, CRAF_EXIT_GAPS);
		}
	ret = status;
cleanup:
	evcheck_release(&ec);
	sums_release(&sums);
	result_release(&res);
	ydoc_release(&doc);
	diag_list_release(&dl);
	cmd_remove_tree(tmp);
	free(tmp);
	free(name);
	strbuf_release(&err);
	strbuf_release(&sums_text);
	strbuf_release(&p);
	return ret;
}

/* A signers file that cannot be read is the auditor's mistake, not a bad signature. */
static bool signers_readable(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	bool ok = fd >= 0 && !fstat(fd, &st) && S_ISREG(st.st_mode);

	if (fd < 0)
		cmd_eprintf("craf verify: cannot read the allowed signers file '%s': %s\n", path,
			    strerror(errno));
	else if (!ok)
		cmd_eprintf("craf verify: the allowed signers file '%s' is not a regular file\n",
			    path);
	if (fd >= 0)
		close(fd);
	return ok;
}

static int run(int argc, char **argv)
{
	struct args a = {NULL, NULL};
	struct cmd_opts co;
	struct diag_list dl = DIAG_LIST_INIT;
	struct result res;
	struct ydoc doc;
	struct evcheck ec = {NULL, 0};
	int ret;

	result_init(&res);
	ydoc_init(&doc);
	if ((ret = cmd_parse_options(&co, &cmd_verify, argc, argv, &a)) != CMD_GO_ON)
		goto cleanup;
	if (strcmp(co.args[0], "-") && is_bundle(co.args[0])) {
		if (a.root) {
			ret = cmd_usage_error(&cmd_verify, "--root is for a report, not a bundle");
			goto cleanup;
		}
		if (a.signers && !signers_readable(a.signers)) {
			ret = CRAF_EXIT_ERROR;
			goto cleanup;
		}
		ret = verify_bundle(co.args[0], a.signers);
		goto cleanup;
	}
	if (a.signers) {
		ret = cmd_usage_error(
			&cmd_verify,
			"--signers is for a bundle (craf bundle --sign), not a report");
		goto cleanup;
	}
	if (cmd_load_report(co.args[0], &doc, &res, &dl, NULL)) {
		ret = cmd_report_failure(&dl);
		goto cleanup;
	}
	evcheck_run(&ec, &res, a.root, false);
	ret = print_check(&ec);
cleanup:
	evcheck_release(&ec);
	result_release(&res);
	ydoc_release(&doc);
	diag_list_release(&dl);
	return ret;
}

const struct cmd cmd_verify = {
	.name = "verify",
	.run = run,
	.summary = "Check a report's answers and evidence files, or a bundle",
	.synopsis = "verify [OPTIONS] REPORT.json\n"
		    "verify [--signers ALLOWED_SIGNERS] BUNDLE",
	.description = "Reads the report with every check 'craf report' makes, then hashes the\n"
		       "answers file and each evidence file it names again and prints a line\n"
		       "for each: ok, changed or missing. The answers file is looked for where\n"
		       "the report says, the evidence relative to its directory.\n"
		       "\n"
		       "A bundle (.tar.gz or .zip from 'craf bundle') is unpacked privately;\n"
		       "every file is checked against its SHA256SUMS, the signature (with\n"
		       "--signers) by ssh-keygen -Y verify, and the report inside as above.\n"
		       "See docs/evidence.md.\n",
	.options = options,
	.noptions = OPT_COUNT(options),
	.file = "report or bundle",
	.epilogue = "Exit status: 0 every file matches, 1 a file changed, is missing or\n"
		    "the signature fails, 2 usage or input error.\n",
};
