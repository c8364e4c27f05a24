/* Writes and safely unpacks the archives craf bundle makes, with libarchive. */
#include "arcfile.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dynlib.h"

/*
 * libarchive brings libxml2, ICU and a C++ runtime with it, whose loading
 * would cost every run of craf: it is opened with dlopen when a bundle is
 * made or unpacked, as libxlsxwriter is for workbooks.
 */
static struct {
	struct archive_entry *(*archive_entry_clear)(struct archive_entry *);
	__LA_MODE_T (*archive_entry_filetype)(struct archive_entry *);
	void (*archive_entry_free)(struct archive_entry *);
	struct archive_entry *(*archive_entry_new)(void);
	const char *(*archive_entry_pathname)(struct archive_entry *);
	const char *(*archive_entry_pathname_utf8)(struct archive_entry *);
	void (*archive_entry_set_filetype)(struct archive_entry *, unsigned int);
	void (*archive_entry_set_gid)(struct archive_entry *, la_int64_t);
	void (*archive_entry_set_mtime)(struct archive_entry *, time_t, long);
	void (*archive_entry_set_pathname_utf8)(struct archive_entry *, const char *);
	void (*archive_entry_set_perm)(struct archive_entry *, __LA_MODE_T);
	void (*archive_entry_set_size)(struct archive_entry *, la_int64_t);
	void (*archive_entry_set_uid)(struct archive_entry *, la_int64_t);
	const char *(*archive_error_string)(struct archive *);
	int (*archive_read_data_block)(struct archive *, const void **, size_t *, la_int64_t *);
	int (*archive_read_free)(struct archive *);
	struct archive *(*archive_read_new)(void);
	int (*archive_read_next_header)(struct archive *, struct archive_entry **);
	int (*archive_read_open_filename)(struct archive *, const char *, size_t);
	int (*archive_read_support_filter_gzip)(struct archive *);
	int (*archive_read_support_filter_none)(struct archive *);
	int (*archive_read_support_format_tar)(struct archive *);
	int (*archive_read_support_format_zip)(struct archive *);
	int (*archive_write_add_filter_gzip)(struct archive *);
	int (*archive_write_close)(struct archive *);
	la_ssize_t (*archive_write_data)(struct archive *, const void *, size_t);
	int (*archive_write_free)(struct archive *);
	int (*archive_write_header)(struct archive *, struct archive_entry *);
	struct archive *(*archive_write_new)(void);
	int (*archive_write_open2)(struct archive *, void *, archive_open_callback *,
				   archive_write_callback *, archive_close_callback *,
				   archive_free_callback *);
	int (*archive_write_set_bytes_in_last_block)(struct archive *, int);
	int (*archive_write_set_filter_option)(struct archive *, const char *, const char *,
					       const char *);
	int (*archive_write_set_format_pax_restricted)(struct archive *);
	int (*archive_write_set_format_zip)(struct archive *);
} la;

#define LA_SYM(name) DYNLIB_SYM(d, la, name)

static bool la_resolve(struct dynlib *d)
{
	return LA_SYM(archive_entry_clear) && LA_SYM(archive_entry_filetype) &&
	       LA_SYM(archive_entry_free) && LA_SYM(archive_entry_new) &&
	       LA_SYM(archive_entry_pathname) && LA_SYM(archive_entry_pathname_utf8) &&
	       LA_SYM(archive_entry_set_filetype) && LA_SYM(archive_entry_set_gid) &&
	       LA_SYM(archive_entry_set_mtime) && LA_SYM(archive_entry_set_pathname_utf8) &&
	       LA_SYM(archive_entry_set_perm) && LA_SYM(archive_entry_set_size) &&
	       LA_SYM(archive_entry_set_uid) && LA_SYM(archive_error_string) &&
	       LA_SYM(archive_read_data_block) && LA_SYM(archive_read_free) &&
	       LA_SYM(archive_read_new) && LA_SYM(archive_read_next_header) &&
	       LA_SYM(archive_read_open_filename) && LA_SYM(archive_read_support_filter_gzip) &&
	       LA_SYM(archive_read_support_filter_none) &&
	       LA_SYM(archive_read_support_format_tar) && LA_SYM(archive_read_support_format_zip) &&
	       LA_SYM(archive_write_add_filter_gzip) && LA_SYM(archive_write_close) &&
	       LA_SYM(archive_write_data) && LA_SYM(archive_write_free) &&
	       LA_SYM(archive_write_header) && LA_SYM(archive_write_new) &&
	       LA_SYM(archive_write_open2) && LA_SYM(archive_write_set_bytes_in_last_block) &&
	       LA_SYM(archive_write_set_filter_option) &&
	       LA_SYM(archive_write_set_format_pax_restricted) &&
	       LA_SYM(archive_write_set_format_zip);
}

static struct dynlib la_lib =
	DYNLIB_INIT("libarchive.so.13", "bundles need libarchive", "libarchive13", la_resolve);

/* 0 once libarchive is loaded, else -1 with the reason in err. */
static int la_ready(struct strbuf *err)
{
	if (dynlib_ready(&la_lib))
		return 0;
	strbuf_adds(err, la_lib.error);
	return -1;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && !strcmp(s + n - k, suffix);
}

int arcfile_format_of(const char *path, enum arcfile_format *out)
{
	if (ends_with(path, ".tar.gz") || ends_with(path, ".tgz")) {
		*out = ARCFILE_TAR_GZ;
		return 0;
	}
	if (ends_with(path, ".zip")) {
		*out = ARCFILE_ZIP;
		return 0;
	}
	return -1;
}

/*
 * libarchive converts names between UTF-8 and the locale's charset, which in
 * craf's "C" locale cannot hold "é" or "政" (the tar writer then crashes on
 * the missing name, the reader refuses it): archives are made and read with
 * this thread in C.UTF-8, so names go in and come out as given.
 */
struct utf8_scope {
	locale_t utf8, old;
};

static void utf8_begin(struct utf8_scope *u)
{
	u->utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	u->old = u->utf8 ? uselocale(u->utf8) : (locale_t)0;
}

static void utf8_end(struct utf8_scope *u)
{
	if (u->utf8) {
		uselocale(u->old);
		freelocale(u->utf8);
	}
}

static la_ssize_t write_cb(struct archive *a, void *ctx, const void *buf, size_t len)
{
	(void)a;
	strbuf_add(ctx, buf, len);
	return (la_ssize_t)len;
}

int arcfile_write(struct strbuf *out, enum arcfile_format f, const struct arcfile_entry *e,
		  size_t n, time_t mtime, struct strbuf *err)
{
	struct archive *a = NULL;
	struct archive_entry *ae = NULL;
	struct utf8_scope u;
	int ret = -1;

	if (la_ready(err))
		return -1;
	utf8_begin(&u);
	a = la.archive_write_new();
	ae = la.archive_entry_new();
	if (!a || !ae) {
		strbuf_adds(err, "out of memory");
		goto cleanup;
	}
	if (f == ARCFILE_ZIP) {
		if (la.archive_write_set_format_zip(a) != ARCHIVE_OK)
			goto fail;
	} else if (la.archive_write_set_format_pax_restricted(a) != ARCHIVE_OK ||
		   la.archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
		   /* No time in the gzip header: the same entries give the same bytes. */
		   la.archive_write_set_filter_option(a, "gzip", "timestamp", NULL) <
			   ARCHIVE_WARN) {
		goto fail;
	}
	/* Whole blocks for tar readers; the buffer only ever grows by what is written. */
	la.archive_write_set_bytes_in_last_block(a, 1);
	if (la.archive_write_open2(a, out, NULL, write_cb, NULL, NULL) != ARCHIVE_OK)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		la.archive_entry_clear(ae);
		la.archive_entry_set_pathname_utf8(ae, e[i].name);
		la.archive_entry_set_filetype(ae, AE_IFREG);
		la.archive_entry_set_perm(ae, 0644);
		la.archive_entry_set_size(ae, (la_int64_t)e[i].len);
		la.archive_entry_set_mtime(ae, mtime, 0);
		la.archive_entry_set_uid(ae, 0);
		la.archive_entry_set_gid(ae, 0);
		if (!la.archive_entry_pathname(ae)) {
			strbuf_addf(err, "cannot store the name \"%s\" in the archive", e[i].name);
			goto cleanup;
		}
		if (la.archive_write_header(a, ae) != ARCHIVE_OK ||
		    (e[i].len &&
		     la.archive_write_data(a, e[i].data, e[i].len) != (la_ssize_t)e[i].len))
			goto fail;
	}
	if (la.archive_write_close(a) != ARCHIVE_OK)
		goto fail;
	ret = 0;
	goto cleanup;
fail:
	strbuf_adds(err, la.archive_error_string(a) ? la.archive_error_string(a) : "archive error");
cleanup:
	if (ae)
		la.archive_entry_free(ae);
	if (a)
		la.archive_write_free(a);
	utf8_end(&u);
	return ret;
}

bool arcfile_safe_name(const char *name)
{
	const char *p = name;

	if (!*name || *name == '/')
		return false;
	while (*p) {
		size_t len = strcspn(p, "/");

		if (!len || (len == 1 && *p == '.') || (len == 2 && !strncmp(p, "..", 2)))
			return false;
		p += len;
		if (*p == '/')
			p++;
	}
	return true;
}

/* Makes every directory above name inside dir (which craf made, so none is a link). */
static int make_parents(int dirfd, const char *name)
{
	char buf[4096];
	size_t len = strlen(name);

	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, name, len + 1);
	for (char *p = buf; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdirat(dirfd, buf, 0700) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

static int unpack_file(struct archive *a, int dirfd, const char *name, unsigned long long *total,
		       unsigned long long max_bytes, struct strbuf *err)
{
	const void *buf;
	size_t len;
	la_int64_t off;
	int fd, r, ret = 0;

	if (make_parents(dirfd, name)) {
		strbuf_addf(err, "cannot make the directories of %s: %s", name, strerror(errno));
		return -1;
	}
	fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			strbuf_addf(err, "%s is in the archive twice", name);
		else
			strbuf_addf(err, "cannot unpack %s: %s", name, strerror(errno));
		return -1;
	}
	while ((r = la.archive_read_data_block(a, &buf, &len, &off)) == ARCHIVE_OK) {
		*total += len;
		if (*total > max_bytes) {
			strbuf_addf(err, "the archive unpacks to more than %llu bytes", max_bytes);
			ret = -1;
			break;
		}
		if (write(fd, buf, len) != (ssize_t)len) {
			strbuf_addf(err, "cannot unpack %s: %s", name, strerror(errno));
			ret = -1;
			break;
		}
	}
	if (!ret && r != ARCHIVE_EOF) {
		strbuf_addf(err, "%s: %s", name, la.archive_error_string(a));
		ret = -1;
	}
	if (close(fd) && !ret) {
		strbuf_addf(err, "cannot unpack %s: %s", name, strerror(errno));
		ret = -1;
	}
	return ret;
}

int arcfile_extract(const char *path, const char *dir, unsigned long long max_bytes,
		    struct strbuf *err)
{
	struct archive *a;
	struct archive_entry *ae;
	unsigned long long total = 0;
	struct utf8_scope u;
	struct stat st;
	int dirfd = -1, r, ret = -1;

	/* libarchive's own words for these ("Error reading") do not say what is wrong. */
	if (stat(path, &st)) {
		strbuf_addf(err, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		strbuf_adds(err, "is a directory, not a bundle");
		return -1;
	}
	if (la_ready(err))
		return -1;
	utf8_begin(&u);
	a = la.archive_read_new();
	if (!a) {
		strbuf_adds(err, "out of memory");
		utf8_end(&u);
		return -1;
	}
	la.archive_read_support_filter_gzip(a);
	la.archive_read_support_filter_none(a);
	la.archive_read_support_format_tar(a);
	la.archive_read_support_format_zip(a);
	dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dirfd < 0) {
		strbuf_addf(err, "cannot open %s: %s", dir, strerror(errno));
		goto cleanup;
	}
	if (la.archive_read_open_filename(a, path, 65536) != ARCHIVE_OK)
		goto fail;
	while ((r = la.archive_read_next_header(a, &ae)) == ARCHIVE_OK) {
		const char *name = la.archive_entry_pathname_utf8(ae);
		char trimmed[4096];
		size_t len;

		if (!name)
			name = la.archive_entry_pathname(ae);
		if (!name || (len = strlen(name)) >= sizeof(trimmed)) {
			strbuf_adds(err, "an entry has no name or too long a name");
			goto cleanup;
		}
		memcpy(trimmed, name, len + 1);
		if (la.archive_entry_filetype(ae) == AE_IFDIR && len > 1 && trimmed[len - 1] == '/')
			trimmed[len - 1] = '\0';
		if (!arcfile_safe_name(trimmed)) {
			strbuf_addf(err, "entry \"%s\" would unpack outside the bundle", name);
			goto cleanup;
		}
		if (la.archive_entry_filetype(ae) == AE_IFDIR) {
			if (make_parents(dirfd, trimmed) ||
			    (mkdirat(dirfd, trimmed, 0700) && errno != EEXIST)) {
				strbuf_addf(err, "cannot make directory %s: %s", trimmed,
					    strerror(errno));
				goto cleanup;
			}
			continue;
		}
		if (la.archive_entry_filetype(ae) != AE_IFREG) {
			strbuf_addf(err, "entry \"%s\" is not a regular file (a link or device)",
				    name);
			goto cleanup;
		}
		if (unpack_file(a, dirfd, trimmed, &total, max_bytes, err))
			goto cleanup;
	}
	if (r != ARCHIVE_EOF)
		goto fail;
	ret = 0;
	goto cleanup;
fail:
	strbuf_adds(err,
		    la.archive_error_string(a) ? la.archive_error_string(a) : "not an archive");
cleanup:
	if (dirfd >= 0)
		close(dirfd);
	la.archive_read_free(a);
	utf8_end(&u);
	return ret;
}
