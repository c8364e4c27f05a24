/* Re-reads the answers and evidence files a report pins and says which still match. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "evidence_check.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest.h"
#include "strbuf.h"
#include "xalloc.h"

/* Reads path whole (when data is wanted) or streams it through the digest. */
static int read_hash(const char *path, char hex[65], unsigned long long *size, char **data,
		     size_t *len, char **why)
{
	struct strbuf buf = STRBUF_INIT;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	int ret = -1;

	if (fd < 0 || fstat(fd, &st)) {
		*why = xstrdup(strerror(errno));
		goto cleanup;
	}
	if (!S_ISREG(st.st_mode)) {
		*why = xstrdup(S_ISDIR(st.st_mode) ? "a directory" : "not a regular file");
		goto cleanup;
	}
	if (data) {
		struct digest d;
		char chunk[65536];
		ssize_t n;

		while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				*why = xstrdup(strerror(errno));
				goto cleanup;
			}
			strbuf_add(&buf, chunk, (size_t)n);
		}
		digest_init(&d);
		digest_update(&d, buf.buf ? buf.buf : "", buf.len);
		digest_final_hex(&d, hex);
		*size = buf.len;
		*len = buf.len;
		*data = strbuf_detach(&buf);
	} else if (digest_fd(fd, hex, size)) {
		*why = xstrdup(strerror(errno));
		goto cleanup;
	}
	ret = 0;
cleanup:
	if (fd >= 0)
		close(fd);
	strbuf_release(&buf);
	return ret;
}

static struct evcheck_item *add(struct evcheck *ec, size_t *alloc)
{
	if (ec->nr == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 16;
		ec->items = xrealloc(ec->items, *alloc * sizeof(*ec->items));
	}
	memset(&ec->items[ec->nr], 0, sizeof(ec->items[0]));
	return &ec->items[ec->nr++];
}

/* size (unsigned long long)-1: not recorded, the digest alone decides. */
static void check(struct evcheck_item *it, const char *sha256, unsigned long long size,
		  bool keep_data)
{
	char hex[65];
	unsigned long long got = 0;

	if (read_hash(it->location, hex, &got, keep_data ? &it->data : NULL, &it->len, &it->why))
		it->state = EVCHECK_MISSING;
	else
		it->state = (got == size || size == (unsigned long long)-1) && !strcmp(hex, sha256)
				    ? EVCHECK_OK
				    : EVCHECK_CHANGED;
}

/* The evidence file under base, unless a symbolic link takes it elsewhere. */
static void check_evidence(struct evcheck_item *it, const char *base, const char *rbase,
			   const struct evidence_file *ef, bool keep_data)
{
	struct strbuf loc = STRBUF_INIT;
	char *real;
	size_t n;

	/* Beside an answers file named without a directory, the path reads as written. */
	if (strcmp(base, "."))
		strbuf_addf(&loc, "%s/", base);
	strbuf_adds(&loc, ef->path);
	it->location = strbuf_detach(&loc);
	real = rbase ? realpath(it->location, NULL) : NULL;
	if (!rbase || !real) {
		it->state = EVCHECK_MISSING;
		it->why = xstrdup(strerror(rbase ? errno : ENOENT));
		free(real);
		return;
	}
	n = strlen(rbase);
	if (strncmp(real, rbase, n) || (real[n] != '/' && strcmp(rbase, "/"))) {
		struct strbuf why = STRBUF_INIT;

		strbuf_addf(&why, "resolves to %s, outside %s", real, base);
		it->state = EVCHECK_MISSING;
		it->why = strbuf_detach(&why);
		free(real);
		return;
	}
	free(real);
	check(it, ef->sha256, ef->size, keep_data);
}

static bool seen(const struct evcheck *ec, const struct evidence_file *ef,
		 const struct evidence_file **cited, size_t ncited)
{
	(void)ec;
	for (size_t i = 0; i < ncited; i++)
		if (!strcmp(cited[i]->path, ef->path) && !strcmp(cited[i]->sha256, ef->sha256))
			return true;
	return false;
}

void evcheck_run(struct evcheck *ec, const struct result *r, const char *root, bool keep_data)
{
	size_t alloc = 0, ncited = 0, nfiles = r->nanswers_files;
	const struct result_file *files = r->answers_files;
	struct result_file v1 = {NULL, 0, NULL};
	const struct evidence_file **cited;
	char *base, *rbase, *first = NULL;

	memset(ec, 0, sizeof(*ec));
	/* A craf-report/1 report pins its one answers file by digest alone. */
	if (!r->nanswers_files && r->answers_path) {
		v1.path = r->answers_path;
		v1.sha256 = r->answers_sha256;
		files = &v1;
		nfiles = 1;
	}
	for (size_t i = 0; i < nfiles; i++) {
		const struct result_file *f = &files[i];
		struct evcheck_item *it = add(ec, &alloc);
		struct strbuf loc = STRBUF_INIT;
		char *copy = xstrdup(f->path);

		it->answers = true;
		it->path = f->path;
		if (root)
			strbuf_addf(&loc, "%s/%s", root, basename(copy));
		else
			strbuf_adds(&loc, f->path);
		it->location = strbuf_detach(&loc);
		free(copy);
		if (!root && !strcmp(f->path, "<stdin>")) {
			it->state = EVCHECK_MISSING;
			it->why = xstrdup("read from standard input (give --root DIR)");
			continue;
		}
		check(it, f->sha256, files == &v1 ? (unsigned long long)-1 : f->size, keep_data);
	}
	if (root) {
		base = xstrdup(root);
	} else {
		first = xstrdup(nfiles ? files[0].path : ".");
		base = xstrdup(dirname(first));
	}
	rbase = realpath(base, NULL);
	cited = xmalloc((r->summary.evidence_files + 1) * sizeof(*cited));
	for (size_t c = 0; c < r->ncontrols; c++)
		for (size_t l = 0; l < r->controls[c].nlevels; l++) {
			const struct result_level *rl = &r->controls[c].levels[l];

			for (size_t e = 0; e < rl->files.nr; e++) {
				const struct evidence_file *ef = &rl->files.items[e];
				struct evcheck_item *it;

				if (seen(ec, ef, cited, ncited))
					continue;
				cited[ncited++] = ef;
				it = add(ec, &alloc);
				it->path = ef->path;
				check_evidence(it, base, rbase, ef, keep_data);
			}
		}
	free(cited);
	free(rbase);
	free(base);
	free(first);
}

bool evcheck_all_ok(const struct evcheck *ec)
{
	for (size_t i = 0; i < ec->nr; i++)
		if (ec->items[i].state != EVCHECK_OK)
			return false;
	return true;
}

void evcheck_release(struct evcheck *ec)
{
	for (size_t i = 0; i < ec->nr; i++) {
		free(ec->items[i].location);
		free(ec->items[i].why);
		free(ec->items[i].data);
	}
	free(ec->items);
	memset(ec, 0, sizeof(*ec));
}
