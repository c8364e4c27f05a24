/* Reads answers from workbooks: minizip unzips in memory, expat parses; this is only the glue. */
#include "xlsx_read.h"

#include <stdarg.h>
#include <string.h>

#include "libexpat.h"
#include "libminizip.h"
#include "sniff.h"
#include "xalloc.h"

#define MAX_ROW 1048576u
#define MAX_COL 16384u
/* Separates a namespace URI from a local name: a character XML never holds. */
#define NS_SEP '\x01'

static const struct xlsx_limits default_limits = {
	.max_total = 64u << 20,
	.max_part = 32u << 20,
	.max_entries = 10000,
	.max_depth = 64,
	.max_cells = 1000000,
	.max_string = 128u << 10,
	.max_shared = 1000000,
};

void xlsx_limits_default(struct xlsx_limits *lim)
{
	*lim = default_limits;
}

struct memio {
	const unsigned char *buf;
	size_t len, pos;
};

struct sheet_entry {
	char *name;
	char *rid;
	char *part; /* resolved through the workbook's relationships */
};

struct xlsx_book {
	char *file;
	const struct libminizip *mz;
	const struct libexpat *xp;
	struct memio mem;
	unzFile zip;
	struct xlsx_limits lim;
	size_t total;
	enum xlsx_date_system dates;
	struct sheet_entry *sheets;
	size_t nr_sheets, alloc_sheets;
	struct strbuf sst; /* shared strings, each NUL-terminated */
	size_t *sst_off;   /* where each starts in sst */
	size_t sst_nr, sst_alloc;
};

/* minizip's I/O over the caller's buffer: the workbook never touches the disk. */
static voidpf ZCALLBACK mem_open(voidpf opaque, const void *name, int mode)
{
	(void)name;
	return mode & ZLIB_FILEFUNC_MODE_WRITE ? NULL : opaque;
}

static uLong ZCALLBACK mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct memio *m = stream;
	size_t n = m->len - m->pos < size ? m->len - m->pos : size;

	(void)opaque;
	memcpy(buf, m->buf + m->pos, n);
	m->pos += n;
	return n;
}

static uLong ZCALLBACK mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque, (void)stream, (void)buf, (void)size;
	return 0;
}

static ZPOS64_T ZCALLBACK mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct memio *)stream)->pos;
}

static long ZCALLBACK mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
	struct memio *m = stream;
	ZPOS64_T base = origin == ZLIB_FILEFUNC_SEEK_SET   ? 0
			: origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
							   : m->len;

	(void)opaque;
	if (off > m->len - base)
		return -1;
	m->pos = base + off;
	return 0;
}

static int ZCALLBACK mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static int ZCALLBACK mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

/* A whole-file error: the bytes are not text, so no excerpt. */
__attribute__((format(printf, 3, 4))) static int book_error(struct diag_list *dl, const char *file,
							    const char *fmt, ...)
{
	struct strbuf msg = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_report(dl, DIAG_ERROR, file, 1, 1, 1, NULL, 0, NULL, strbuf_str(&msg));
	strbuf_release(&msg);
	return -1;
}

/* One part being parsed: the handlers see this, and the part's own state in user. */
struct xml_ctx {
	struct xlsx_book *book;
	struct diag_list *dl;
	const char *part;
	const struct libexpat *xp; /* the book's */
	XML_Parser parser;
	size_t depth;
	int failed;
	void (*start)(struct xml_ctx *x, const char *name, const char **attrs);
	void (*end)(struct xml_ctx *x, const char *name);
	void (*text)(struct xml_ctx *x, const char *s, size_t len);
	void *user;
};

static void vreport(struct xlsx_book *b, struct diag_list *dl, const char *part, int line, int col,
		    const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
static void vreport(struct xlsx_book *b, struct diag_list *dl, const char *part, int line, int col,
		    const char *fmt, va_list ap)
{
	struct strbuf where = STRBUF_INIT, msg = STRBUF_INIT;

	strbuf_addf(&where, "%s: %s", b->file, part);
	strbuf_vaddf(&msg, fmt, ap);
	diag_report(dl, DIAG_ERROR, where.buf, line, col, 1, NULL, 0, NULL, strbuf_str(&msg));
	strbuf_release(&msg);
	strbuf_release(&where);
}

/* An error about a whole part: "FILE: PART:1:1: ...". Returns -1. */
__attribute__((format(printf, 4, 5))) static int part_msg(struct xlsx_book *b, struct diag_list *dl,
							  const char *part, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(b, dl, part, 1, 1, fmt, ap);
	va_end(ap);
	return -1;
}

static void vreport_at(struct xml_ctx *x, int line, int col, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
static void vreport_at(struct xml_ctx *x, int line, int col, const char *fmt, va_list ap)
{
	vreport(x->book, x->dl, x->part, line, col, fmt, ap);
}

__attribute__((format(printf, 4, 5))) static void report_at(struct xml_ctx *x, int line, int col,
							    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport_at(x, line, col, fmt, ap);
	va_end(ap);
}

static void vfail_at(struct xml_ctx *x, int line, int col, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
static void vfail_at(struct xml_ctx *x, int line, int col, const char *fmt, va_list ap)
{
	if (x->failed)
		return;
	x->failed = 1;
	vreport_at(x, line, col, fmt, ap);
	x->xp->XML_StopParser(x->parser, XML_FALSE);
}

/* Reports at the parser's position and stops it; later callbacks are ignored. */
__attribute__((format(printf, 2, 3))) static void fail(struct xml_ctx *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail_at(x, (int)x->xp->XML_GetCurrentLineNumber(x->parser),
		 (int)x->xp->XML_GetCurrentColumnNumber(x->parser) + 1, fmt, ap);
	va_end(ap);
}

/* The same at line:col, where the element being closed started. */
__attribute__((format(printf, 4, 5))) static void fail_at(struct xml_ctx *x, int line, int col,
							  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail_at(x, line, col, fmt, ap);
	va_end(ap);
}

/* Whole-part errors (the zip entry itself), at 1:1. */
__attribute__((format(printf, 2, 3))) static int part_error(struct xml_ctx *x, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport_at(x, 1, 1, fmt, ap);
	va_end(ap);
	x->failed = 1;
	return -1;
}

static const char *local_name(const char *name)
{
	const char *sep = strrchr(name, NS_SEP);

	return sep ? sep + 1 : name;
}

static const char *attr(const char **attrs, const char *name)
{
	for (; attrs[0]; attrs += 2)
		if (!strcmp(local_name(attrs[0]), name))
			return attrs[1];
	return NULL;
}

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **attrs)
{
	struct xml_ctx *x = data;

	if (x->failed)
		return;
	if (++x->depth > x->book->lim.max_depth) {
		fail(x, "XML nested deeper than %zu elements (limit max_depth)",
		     x->book->lim.max_depth);
		return;
	}
	x->start(x, local_name(name), attrs);
}

static void XMLCALL on_end(void *data, const XML_Char *name)
{
	struct xml_ctx *x = data;

	if (x->failed)
		return;
	x->depth--;
	if (x->end)
		x->end(x, local_name(name));
}

static void XMLCALL on_text(void *data, const XML_Char *s, int len)
{
	struct xml_ctx *x = data;

	if (!x->failed && x->text)
		x->text(x, s, (size_t)len);
}

/* No part of a workbook has a DTD: refusing one refuses entity expansion bombs too. */
static void XMLCALL on_doctype(void *data, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	fail(data, "a DOCTYPE is not allowed in a workbook part");
}

static void XMLCALL on_entity(void *data, const XML_Char *name, int is_param, const XML_Char *value,
			      int value_len, const XML_Char *base, const XML_Char *sysid,
			      const XML_Char *pubid, const XML_Char *notation)
{
	(void)name, (void)is_param, (void)value, (void)value_len, (void)base, (void)sysid;
	(void)pubid, (void)notation;
	fail(data, "an entity declaration is not allowed in a workbook part");
}

/* Looks part up in the zip: 1 when found (and current), 0 when absent. */
static int locate(struct xlsx_book *b, const char *part)
{
	/* 2: case-insensitive, as part names are (ECMA-376 part 2). */
	return b->mz->unzLocateFile(b->zip, part, 2) == UNZ_OK;
}

/*
 * Inflates part (already located) chunk by chunk into expat, counting the
 * bytes against the limits as they come. Returns 0 or -1 (reported).
 */
static int parse_part(struct xml_ctx *x)
{
	struct xlsx_book *b = x->book;
	unz_file_info64 info;
	char buf[16384];
	size_t size = 0;
	int n, ret = -1, opened = 0;

	x->parser = x->xp->XML_ParserCreateNS(NULL, NS_SEP);
	if (!x->parser)
		xalloc_die();
	x->xp->XML_SetUserData(x->parser, x);
	x->xp->XML_SetElementHandler(x->parser, on_start, on_end);
	x->xp->XML_SetCharacterDataHandler(x->parser, on_text);
	x->xp->XML_SetStartDoctypeDeclHandler(x->parser, on_doctype);
	x->xp->XML_SetEntityDeclHandler(x->parser, on_entity);
	x->xp->XML_SetParamEntityParsing(x->parser, XML_PARAM_ENTITY_PARSING_NEVER);

	if (b->mz->unzGetCurrentFileInfo64(b->zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK) {
		ret = part_error(x, "the zip entry cannot be read: the file is damaged");
		goto cleanup;
	}
	if (info.flag & 1) {
		ret = part_error(x, "the zip entry is encrypted: save the workbook as .xlsx "
				    "without a password");
		goto cleanup;
	}
	/* Debian's minizip reads method 12 (bzip2) as if stored: only 0 and 8 are let through. */
	if (info.compression_method != 0 && info.compression_method != Z_DEFLATED) {
		ret = part_error(
			x,
			"the zip entry uses compression method %lu, which workbooks do not "
			"use (only stored and deflate): save the workbook again as .xlsx",
			(unsigned long)info.compression_method);
		goto cleanup;
	}
	if (b->mz->unzOpenCurrentFile(b->zip) != UNZ_OK) {
		ret = part_error(x, "the zip entry cannot be opened (unsupported compression or "
				    "a damaged file)");
		goto cleanup;
	}
	opened = 1;
	while ((n = b->mz->unzReadCurrentFile(b->zip, buf, sizeof(buf))) > 0) {
		size += (size_t)n;
		b->total += (size_t)n;
		if (size > b->lim.max_part) {
			ret = part_error(x,
					 "the part inflates past %zu bytes (limit max_part): "
					 "a zip bomb?",
					 b->lim.max_part);
			goto cleanup;
		}
		if (b->total > b->lim.max_total) {
			ret = part_error(x,
					 "the workbook inflates past %zu bytes (limit "
					 "max_total): a zip bomb?",
					 b->lim.max_total);
			goto cleanup;
		}
		if (x->xp->XML_Parse(x->parser, buf, n, XML_FALSE) != XML_STATUS_OK)
			goto xml_error;
	}
	opened = 0;
	/* UNZ_CRCERROR too: an entry whose header lies about its size ends early. */
	if (n < 0 || b->mz->unzCloseCurrentFile(b->zip) != UNZ_OK) {
		ret = part_error(x, "the zip entry is damaged (bad data or checksum)");
		goto cleanup;
	}
	if (x->xp->XML_Parse(x->parser, NULL, 0, XML_TRUE) != XML_STATUS_OK)
		goto xml_error;
	ret = x->failed ? -1 : 0;
	goto cleanup;

xml_error:
	if (!x->failed) {
		x->failed = 1;
		report_at(x, (int)x->xp->XML_GetCurrentLineNumber(x->parser),
			  (int)x->xp->XML_GetCurrentColumnNumber(x->parser) + 1, "%s",
			  x->xp->XML_ErrorString(x->xp->XML_GetErrorCode(x->parser)));
	}
cleanup:
	if (opened)
		b->mz->unzCloseCurrentFile(b->zip);
	x->xp->XML_ParserFree(x->parser);
	x->parser = NULL;
	return ret;
}

/* Parses part with x's handlers: 1 when the zip has no such part, else 0 or -1. */
static int run_part(struct xlsx_book *b, struct diag_list *dl, const char *part, struct xml_ctx *x)
{
	x->book = b;
	x->xp = b->xp;
	x->dl = dl;
	x->part = part;
	x->depth = 0;
	x->failed = 0;
	if (!locate(b, part))
		return 1;
	return parse_part(x);
}

/* Appends text to sb unless that passes the string limit. */
static void capture(struct xml_ctx *x, struct strbuf *sb, const char *s, size_t len)
{
	if (sb->len + len > x->book->lim.max_string) {
		fail(x, "a string longer than %zu bytes (limit max_string)",
		     x->book->lim.max_string);
		return;
	}
	strbuf_add(sb, s, len);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void add_utf8(struct strbuf *sb, unsigned cp)
{
	if (cp < 0x80) {
		strbuf_addc(sb, (char)cp);
	} else if (cp < 0x800) {
		strbuf_addc(sb, (char)(0xc0 | cp >> 6));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3f)));
	} else {
		strbuf_addc(sb, (char)(0xe0 | cp >> 12));
		strbuf_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3f)));
		strbuf_addc(sb, (char)(0x80 | (cp & 0x3f)));
	}
}

/*
 * Appends s with OOXML's _xHHHH_ escapes decoded: Excel writes characters
 * XML cannot hold (a carriage return, say) that way, and "_x" as _x005F_x.
 */
static void add_unescaped(struct strbuf *sb, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned cp = 0;
		int ok = i + 7 <= len && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_';

		for (size_t k = 2; ok && k < 6; k++) {
			int v = hexval(s[i + k]);

			ok = v >= 0;
			cp = cp << 4 | (unsigned)(v < 0 ? 0 : v);
		}
		if (ok && cp && (cp < 0xd800 || cp > 0xdfff)) {
			add_utf8(sb, cp);
			i += 6;
		} else {
			strbuf_addc(sb, s[i]);
		}
	}
}

/* Relationships (the .rels parts): which part each id names. */
struct rel {
	char *id, *type, *target; /* target resolved to a part name */
};

struct rels {
	const char *source; /* the part they belong to */
	struct rel *items;
	size_t nr, alloc;
};

/* The part target names, seen from source; NULL when it leaves the package. */
static char *resolve(const char *source, const char *target)
{
	struct strbuf path = STRBUF_INIT, out = STRBUF_INIT;
	const char *p, *slash = strrchr(source, '/');

	if (*target == '/')
		target++;
	else if (slash)
		strbuf_add(&path, source, (size_t)(slash - source + 1));
	strbuf_adds(&path, target);
	for (p = strbuf_str(&path); *p;) {
		size_t n = strcspn(p, "/");

		if (n == 2 && !memcmp(p, "..", 2)) {
			char *up;

			if (!out.len) {
				strbuf_release(&out);
				break;
			}
			up = strrchr(out.buf, '/');
			out.len = up ? (size_t)(up - out.buf) : 0;
			out.buf[out.len] = '\0';
		} else if (n && !(n == 1 && *p == '.')) {
			if (out.len)
				strbuf_addc(&out, '/');
			strbuf_add(&out, p, n);
		}
		p += n + (p[n] == '/');
	}
	strbuf_release(&path);
	return out.len ? strbuf_detach(&out) : (strbuf_release(&out), NULL);
}

static void rels_start(struct xml_ctx *x, const char *name, const char **attrs)
{
	struct rels *r = x->user;
	const char *id = attr(attrs, "Id"), *type = attr(attrs, "Type");
	const char *target = attr(attrs, "Target"), *mode = attr(attrs, "TargetMode");
	struct rel *rel;

	if (strcmp(name, "Relationship") || (mode && !strcmp(mode, "External")))
		return;
	if (!id || !type || !target) {
		fail(x, "a Relationship needs Id, Type and Target");
		return;
	}
	if (r->nr >= x->book->lim.max_entries) {
		fail(x, "more than %zu relationships (limit max_entries)",
		     x->book->lim.max_entries);
		return;
	}
	r->items = xgrow(r->items, &r->alloc, r->nr + 1, sizeof(*r->items));
	rel = &r->items[r->nr++];
	rel->id = xstrdup(id);
	rel->type = xstrdup(type);
	rel->target = resolve(r->source, target);
	if (!rel->target)
		fail(x, "relationship %s points outside the workbook", id);
}

static void rels_release(struct rels *r)
{
	for (size_t i = 0; i < r->nr; i++) {
		free(r->items[i].id);
		free(r->items[i].type);
		free(r->items[i].target);
	}
	free(r->items);
}

/* Reads the relationships of source: 1 when it has none, else 0 or -1. */
static int read_rels(struct xlsx_book *b, struct diag_list *dl, const char *source, struct rels *r)
{
	struct strbuf part = STRBUF_INIT;
	struct xml_ctx x = {.start = rels_start, .user = r};
	const char *slash = strrchr(source, '/');
	size_t dir = slash ? (size_t)(slash - source + 1) : 0;
	int ret;

	r->source = source;
	strbuf_add(&part, source, dir);
	strbuf_addf(&part, "_rels/%s.rels", source + dir);
	ret = run_part(b, dl, part.buf, &x);
	strbuf_release(&part);
	return ret;
}

/* The first relationship whose type ends in /suffix (transitional or strict namespace). */
static const struct rel *rel_of_type(const struct rels *r, const char *suffix)
{
	size_t n = strlen(suffix);

	for (size_t i = 0; i < r->nr; i++) {
		size_t t = strlen(r->items[i].type);

		if (t > n && r->items[i].type[t - n - 1] == '/' &&
		    !strcmp(r->items[i].type + t - n, suffix))
			return &r->items[i];
	}
	return NULL;
}

/* workbook.xml: the sheets in tab order and the date system. */
static void workbook_start(struct xml_ctx *x, const char *name, const char **attrs)
{
	struct xlsx_book *b = x->book;

	if (!strcmp(name, "workbookPr")) {
		const char *v = attr(attrs, "date1904");

		if (v && (!strcmp(v, "1") || !strcmp(v, "true")))
			b->dates = XLSX_DATE_1904;
	} else if (!strcmp(name, "sheet")) {
		const char *sheet = attr(attrs, "name"), *rid = attr(attrs, "id");
		struct sheet_entry *e;

		if (!sheet || !rid) {
			fail(x, "a sheet needs a name and an r:id");
			return;
		}
		for (size_t i = 0; i < b->nr_sheets; i++)
			if (!strcmp(b->sheets[i].name, sheet)) {
				fail(x, "two sheets are named \"%s\"", sheet);
				return;
			}
		if (b->nr_sheets >= b->lim.max_entries) {
			fail(x, "more than %zu sheets (limit max_entries)", b->lim.max_entries);
			return;
		}
		b->sheets =
			xgrow(b->sheets, &b->alloc_sheets, b->nr_sheets + 1, sizeof(*b->sheets));
		e = &b->sheets[b->nr_sheets++];
		e->name = xstrdup(sheet);
		e->rid = xstrdup(rid);
		e->part = NULL;
	}
}

/* sharedStrings.xml: each <si> is one string; rich-text runs joined, phonetic runs left out. */
struct sst_ctx {
	int in_si, in_t, rph;
	struct strbuf raw;
};

static void sst_start(struct xml_ctx *x, const char *name, const char **attrs)
{
	struct sst_ctx *s = x->user;

	(void)attrs;
	if (!strcmp(name, "si")) {
		s->in_si = 1;
		strbuf_reset(&s->raw);
	} else if (!strcmp(name, "rPh")) {
		s->rph++;
	} else if (!strcmp(name, "t") && s->in_si && !s->rph) {
		s->in_t = 1;
	}
}

static void sst_end(struct xml_ctx *x, const char *name)
{
	struct sst_ctx *s = x->user;
	struct xlsx_book *b = x->book;

	if (!strcmp(name, "t")) {
		s->in_t = 0;
	} else if (!strcmp(name, "rPh")) {
		s->rph -= s->rph > 0;
	} else if (!strcmp(name, "si") && s->in_si) {
		s->in_si = 0;
		if (b->sst_nr >= b->lim.max_shared) {
			fail(x, "more than %zu shared strings (limit max_shared)",
			     b->lim.max_shared);
			return;
		}
		b->sst_off = xgrow(b->sst_off, &b->sst_alloc, b->sst_nr + 1, sizeof(*b->sst_off));
		b->sst_off[b->sst_nr++] = b->sst.len;
		add_unescaped(&b->sst, s->raw.buf ? s->raw.buf : "", s->raw.len);
		strbuf_addc(&b->sst, '\0');
	}
}

static void sst_text(struct xml_ctx *x, const char *text, size_t len)
{
	struct sst_ctx *s = x->user;

	if (s->in_t)
		capture(x, &s->raw, text, len);
}

static int looks_like_text(const unsigned char *buf, size_t len)
{
	size_t n = len < 4096 ? len : 4096;

	for (size_t i = 0; i < n; i++)
		if (!buf[i] || (buf[i] < 0x20 && !strchr("\t\r\n\f", buf[i])))
			return 0;
	return 1;
}

/* The zip, its entry count, and the workbook part's name. */
static int open_zip(struct xlsx_book *b, struct diag_list *dl, char **workbook)
{
	zlib_filefunc64_def io = {mem_open, mem_read,  mem_write, mem_tell,
				  mem_seek, mem_close, mem_error, &b->mem};
	unz_global_info64 gi;
	struct rels root = {0};
	const struct rel *doc;
	int ret;

	b->zip = b->mz->unzOpen2_64(&b->mem, &io);
	if (!b->zip || b->mz->unzGetGlobalInfo64(b->zip, &gi) != UNZ_OK)
		return book_error(dl, b->file,
				  "this zip file is truncated or damaged: save the workbook again "
				  "as .xlsx");
	if (gi.number_entry > b->lim.max_entries)
		return book_error(dl, b->file, "the zip has %llu entries (limit max_entries: %zu)",
				  (unsigned long long)gi.number_entry, b->lim.max_entries);
	ret = read_rels(b, dl, "", &root);
	if (ret < 0)
		goto cleanup;
	doc = rel_of_type(&root, "officeDocument");
	*workbook = xstrdup(doc ? doc->target : "xl/workbook.xml");
	ret = 0;
	if (!locate(b, *workbook))
		ret = book_error(dl, b->file,
				 "this zip file is not an Excel workbook: it has no %s (an .ods, "
				 ".docx or other zip?); save it from the spreadsheet as .xlsx",
				 *workbook);
cleanup:
	rels_release(&root);
	return ret;
}

/* The workbook part, its relationships (where each sheet is) and the shared strings. */
static int read_workbook(struct xlsx_book *b, struct diag_list *dl, const char *workbook)
{
	struct xml_ctx x = {.start = workbook_start};
	struct sst_ctx s = {0, 0, 0, STRBUF_INIT};
	struct rels rels = {0};
	const struct rel *sst;
	int ret;

	if ((ret = run_part(b, dl, workbook, &x)))
		goto cleanup;
	ret = read_rels(b, dl, workbook, &rels);
	if (ret > 0 && b->nr_sheets)
		ret = part_msg(b, dl, workbook,
			       "the workbook's relationships (where its sheets are) are missing");
	if (ret < 0)
		goto cleanup;
	ret = 0;
	for (size_t i = 0; i < b->nr_sheets; i++) {
		struct sheet_entry *e = &b->sheets[i];

		for (size_t k = 0; k < rels.nr && !e->part; k++)
			if (!strcmp(rels.items[k].id, e->rid))
				e->part = xstrdup(rels.items[k].target);
		if (!e->part) {
			ret = part_msg(b, dl, workbook,
				       "sheet \"%s\" names relationship \"%s\", which is not there",
				       e->name, e->rid);
			goto cleanup;
		}
	}
	sst = rel_of_type(&rels, "sharedStrings");
	if (sst) {
		x = (struct xml_ctx){
			.start = sst_start, .end = sst_end, .text = sst_text, .user = &s};
		ret = run_part(b, dl, sst->target, &x);
		if (ret > 0)
			ret = part_msg(b, dl, sst->target, "the shared strings part is missing");
	}
cleanup:
	strbuf_release(&s.raw);
	rels_release(&rels);
	return ret;
}

int xlsx_open(struct xlsx_book **out, const char *file, const unsigned char *buf, size_t len,
	      const struct xlsx_limits *lim, struct diag_list *dl)
{
	enum sniff_kind kind = sniff((const char *)buf, len);
	struct xlsx_book *b = NULL;
	const struct libminizip *mz;
	const struct libexpat *xp;
	const char *why;
	char *workbook = NULL;
	int ret;

	*out = NULL;
	if (!len)
		return book_error(dl, file, "the file is empty: save the workbook as .xlsx");
	if (kind == SNIFF_OLE2)
		return book_error(dl, file,
				  "this is an Excel 97-2003 workbook (.xls) or an encrypted one "
				  "(both are compound documents): save it as .xlsx without a "
				  "password");
	if (kind != SNIFF_ZIP)
		return book_error(
			dl, file,
			looks_like_text(buf, len)
				? "this is text (CSV?), not a workbook: open it in a "
				  "spreadsheet and save it as .xlsx"
				: "this is not an XLSX workbook (no zip signature): save it "
				  "as .xlsx");
	if (!(mz = libminizip_load(&why)) || !(xp = libexpat_load(&why)))
		return book_error(dl, file, "%s", why);
	b = xcalloc(1, sizeof(*b));
	b->mz = mz;
	b->xp = xp;
	b->file = xstrdup(file);
	b->lim = lim ? *lim : default_limits;
	b->mem.buf = buf;
	b->mem.len = len;
	b->dates = XLSX_DATE_1900;
	strbuf_init(&b->sst);
	ret = open_zip(b, dl, &workbook);
	if (!ret)
		ret = read_workbook(b, dl, workbook);
	free(workbook);
	if (ret) {
		xlsx_close(b);
		return -1;
	}
	*out = b;
	return 0;
}

void xlsx_close(struct xlsx_book *b)
{
	if (!b)
		return;
	if (b->zip)
		b->mz->unzClose(b->zip);
	for (size_t i = 0; i < b->nr_sheets; i++) {
		free(b->sheets[i].name);
		free(b->sheets[i].rid);
		free(b->sheets[i].part);
	}
	free(b->sheets);
	strbuf_release(&b->sst);
	free(b->sst_off);
	free(b->file);
	free(b);
}

size_t xlsx_sheet_count(const struct xlsx_book *b)
{
	return b->nr_sheets;
}

const char *xlsx_sheet_name(const struct xlsx_book *b, size_t i)
{
	return i < b->nr_sheets ? b->sheets[i].name : NULL;
}

enum xlsx_date_system xlsx_date_system(const struct xlsx_book *b)
{
	return b->dates;
}

/* A worksheet, streamed cell by cell. */
enum cell_kind { K_NUMBER, K_SHARED, K_BOOL, K_ERROR, K_STR, K_INLINE, K_DATE };

struct sheet_ctx {
	const char *name;
	xlsx_cell_fn fn;
	void *fctx;
	struct xlsx_rows *merges; /* where merged ranges go, or NULL: not wanted */
	int stop;		  /* what fn returned to stop */
	int in_data, in_row, in_cell, in_v, in_is, in_t, rph, has_value, has_formula;
	enum cell_kind kind;
	unsigned row, col;	     /* the current row, its last column */
	unsigned prev_row, prev_col; /* the last cell delivered */
	size_t cells;
	int line, line_col; /* where the cell's element starts */
	struct strbuf raw, text;
};

/* Digits only, at most max: 0, or -1 when not. */
static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > max)
			return -1;
	}
	*out = v;
	return 0;
}

/* "E14": column and row; -1 when not a reference inside Excel's grid. */
static int parse_ref(const char *s, unsigned *col, unsigned *row)
{
	unsigned c = 0;
	unsigned long r;

	for (; *s >= 'A' && *s <= 'Z'; s++) {
		c = c * 26 + (unsigned)(*s - 'A' + 1);
		if (c > MAX_COL)
			return -1;
	}
	if (!c || parse_uint(s, MAX_ROW, &r) || !r)
		return -1;
	*col = c;
	*row = (unsigned)r;
	return 0;
}

static void add_ref_of(struct strbuf *sb, const struct sheet_ctx *s, unsigned row, unsigned col)
{
	xlsx_ref(sb, s->name, row, col);
}

static void out_of_order(struct xml_ctx *x, const struct sheet_ctx *s, unsigned row, unsigned col)
{
	struct strbuf ref = STRBUF_INIT, prev = STRBUF_INIT;

	add_ref_of(&ref, s, row, col);
	add_ref_of(&prev, s, s->prev_row, s->prev_col);
	fail(x, "%s comes after %s: cells out of order or repeated", ref.buf, prev.buf);
	strbuf_release(&prev);
	strbuf_release(&ref);
}

/* <mergeCell ref="F2:F4">: checked, and kept when the reader wants merges. */
static void merge_cell(struct xml_ctx *x, struct sheet_ctx *s, const char *ref)
{
	struct xlsx_rows *m = s->merges;
	struct xlsx_range r;
	const char *colon = ref ? strchr(ref, ':') : NULL;
	char first[16];

	if (!colon || (size_t)(colon - ref) >= sizeof(first)) {
		fail(x, "bad merged range \"%s\"", ref ? ref : "");
		return;
	}
	memcpy(first, ref, (size_t)(colon - ref));
	first[colon - ref] = '\0';
	if (parse_ref(first, &r.col1, &r.row1) || parse_ref(colon + 1, &r.col2, &r.row2) ||
	    r.row2 < r.row1 || r.col2 < r.col1) {
		fail(x, "bad merged range \"%s\"", ref);
		return;
	}
	if (!m)
		return;
	if (m->nmerges >= x->book->lim.max_cells) {
		fail(x, "more than %zu merged ranges in sheet \"%s\" (limit max_cells)",
		     x->book->lim.max_cells, s->name);
		return;
	}
	m->merges = xgrow(m->merges, &m->merges_alloc, m->nmerges + 1, sizeof(*m->merges));
	m->merges[m->nmerges++] = r;
}

static void sheet_start(struct xml_ctx *x, const char *name, const char **attrs)
{
	struct sheet_ctx *s = x->user;

	/* A cell anywhere but in a row of sheetData would be skipped: refused instead. */
	if (!strcmp(name, "sheetData")) {
		s->in_data = 1;
	} else if (!strcmp(name, "row") && (!s->in_data || s->in_row)) {
		fail(x, s->in_row ? "a row inside another row" : "a row outside <sheetData>");
	} else if (!strcmp(name, "c") && (!s->in_row || s->in_cell)) {
		fail(x, s->in_cell ? "a cell inside another cell" : "a cell outside any row");
	} else if (!strcmp(name, "mergeCell") && !s->in_data) {
		merge_cell(x, s, attr(attrs, "ref"));
	} else if (!strcmp(name, "row")) {
		const char *r = attr(attrs, "r");
		unsigned long n = s->row + 1ul;

		if (r && (parse_uint(r, MAX_ROW, &n) || !n))
			fail(x, "bad row number \"%s\"", r);
		else if (n > MAX_ROW)
			fail(x, "more than %u rows in sheet \"%s\"", MAX_ROW, s->name);
		s->row = (unsigned)n;
		s->in_row = 1;
		s->col = 0;
	} else if (!strcmp(name, "c")) {
		const char *r = attr(attrs, "r"), *t = attr(attrs, "t");
		unsigned row = s->row, col = s->col + 1;

		if (r && parse_ref(r, &col, &row))
			fail(x, "bad cell reference \"%s\"", r);
		else if (row != s->row)
			fail(x, "cell %s is inside row %u", r, s->row);
		else if (col > MAX_COL)
			fail(x, "more than %u columns in row %u", MAX_COL, row);
		else if (s->cells &&
			 (row < s->prev_row || (row == s->prev_row && col <= s->prev_col)))
			out_of_order(x, s, row, col);
		else if (++s->cells > x->book->lim.max_cells)
			fail(x, "more than %zu cells in sheet \"%s\" (limit max_cells)",
			     x->book->lim.max_cells, s->name);
		if (!t || !strcmp(t, "n"))
			s->kind = K_NUMBER;
		else if (!strcmp(t, "s"))
			s->kind = K_SHARED;
		else if (!strcmp(t, "b"))
			s->kind = K_BOOL;
		else if (!strcmp(t, "e"))
			s->kind = K_ERROR;
		else if (!strcmp(t, "str"))
			s->kind = K_STR;
		else if (!strcmp(t, "inlineStr"))
			s->kind = K_INLINE;
		else if (!strcmp(t, "d"))
			s->kind = K_DATE;
		else
			fail(x, "unknown cell type t=\"%s\"", t);
		s->in_cell = 1;
		s->has_value = 0;
		s->has_formula = 0;
		s->line = (int)x->xp->XML_GetCurrentLineNumber(x->parser);
		s->line_col = (int)x->xp->XML_GetCurrentColumnNumber(x->parser) + 1;
		s->row = row;
		s->col = col;
		strbuf_reset(&s->raw);
	} else if (!s->in_cell) {
		return;
	} else if (!strcmp(name, "f")) {
		s->has_formula = 1;
	} else if (!strcmp(name, "v")) {
		s->in_v = 1;
		s->has_value = 1;
	} else if (!strcmp(name, "is")) {
		s->in_is = 1;
		s->has_value = 1;
	} else if (!strcmp(name, "rPh")) {
		s->rph++;
	} else if (!strcmp(name, "t") && s->in_is && !s->rph) {
		s->in_t = 1;
	}
}

/* -?(digits[.digits]|.digits)([eE][+-]?digits)?: a number as spreadsheets write one. */
static int is_number(const char *s)
{
	size_t digits = 0;

	s += *s == '-';
	for (; *s >= '0' && *s <= '9'; s++)
		digits++;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			digits++;
	if (!digits)
		return 0;
	if (*s == 'e' || *s == 'E') {
		s++;
		s += *s == '+' || *s == '-';
		if (*s < '0' || *s > '9')
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return !*s;
}

/* Shows a bad value in a message, shortened. */
static const char *shown(struct strbuf *sb, const struct strbuf *value)
{
	diag_visible(sb, strbuf_str(value), value->len < 40 ? value->len : 40);
	if (value->len > 40)
		strbuf_adds(sb, "...");
	return sb->buf;
}

static void deliver(struct xml_ctx *x, struct sheet_ctx *s)
{
	struct xlsx_book *b = x->book;
	struct xlsx_cell c = {s->name, s->row, s->col, XLSX_EMPTY, "", 0};
	struct strbuf ref = STRBUF_INIT, val = STRBUF_INIT;
	const char *raw = strbuf_str(&s->raw);

	add_ref_of(&ref, s, s->row, s->col);
	strbuf_reset(&s->text);
	/*
	 * No result, or an empty one where a string result would have t="str"
	 * (openpyxl writes <v/> after every formula it cannot calculate).
	 */
	if (s->has_formula &&
	    (!s->has_value || (!s->raw.len && s->kind != K_STR && s->kind != K_INLINE))) {
		c.type = XLSX_FORMULA;
	} else if (s->kind == K_STR || s->kind == K_INLINE) {
		add_unescaped(&s->text, raw, s->raw.len);
		c.type = XLSX_STRING;
		c.text = strbuf_str(&s->text);
		c.len = s->text.len;
	} else if (!s->has_value || (!s->raw.len && s->kind == K_NUMBER)) {
		/* a style without a value */
	} else if (s->kind == K_SHARED) {
		unsigned long i;

		if (parse_uint(raw, b->lim.max_shared, &i) || i >= b->sst_nr) {
			fail_at(x, s->line, s->line_col,
				"%s: shared string \"%s\" does not exist (the workbook has %zu)",
				ref.buf, shown(&val, &s->raw), b->sst_nr);
			goto cleanup;
		}
		c.type = XLSX_STRING;
		c.text = b->sst.buf + b->sst_off[i];
		c.len = strlen(c.text);
	} else if (s->kind == K_BOOL) {
		if (strcmp(raw, "0") && strcmp(raw, "1")) {
			fail_at(x, s->line, s->line_col,
				"%s: a boolean cell holds \"%s\", not 0 or 1", ref.buf,
				shown(&val, &s->raw));
			goto cleanup;
		}
		c.type = XLSX_BOOL;
		c.text = *raw == '1' ? "TRUE" : "FALSE";
		c.len = strlen(c.text);
	} else {
		if (s->kind == K_NUMBER && !is_number(raw)) {
			fail_at(x, s->line, s->line_col, "%s: a number cell holds \"%s\"", ref.buf,
				shown(&val, &s->raw));
			goto cleanup;
		}
		c.type = s->kind == K_NUMBER  ? XLSX_NUMBER
			 : s->kind == K_ERROR ? XLSX_ERROR
					      : XLSX_STRING;
		c.text = raw;
		c.len = s->raw.len;
	}
	s->prev_row = s->row;
	s->prev_col = s->col;
	s->stop = s->fn(s->fctx, &c);
	if (s->stop) {
		x->failed = 1;
		x->xp->XML_StopParser(x->parser, XML_FALSE);
	}
cleanup:
	strbuf_release(&val);
	strbuf_release(&ref);
}

static void sheet_end(struct xml_ctx *x, const char *name)
{
	struct sheet_ctx *s = x->user;

	if (!strcmp(name, "sheetData")) {
		s->in_data = 0;
	} else if (!strcmp(name, "row")) {
		s->in_row = 0;
	} else if (!strcmp(name, "c") && s->in_cell) {
		s->in_cell = s->in_v = s->in_is = s->in_t = s->rph = 0;
		deliver(x, s);
	} else if (!strcmp(name, "v")) {
		s->in_v = 0;
	} else if (!strcmp(name, "is")) {
		s->in_is = 0;
	} else if (!strcmp(name, "t")) {
		s->in_t = 0;
	} else if (!strcmp(name, "rPh")) {
		s->rph -= s->rph > 0;
	}
}

static void sheet_text(struct xml_ctx *x, const char *text, size_t len)
{
	struct sheet_ctx *s = x->user;

	if (s->in_v || (s->in_t && !s->rph))
		capture(x, &s->raw, text, len);
}

static int read_sheet(struct xlsx_book *b, const char *sheet, xlsx_cell_fn fn, void *ctx,
		      struct xlsx_rows *merges, struct diag_list *dl)
{
	struct sheet_ctx s = {
		.fn = fn, .fctx = ctx, .merges = merges, .raw = STRBUF_INIT, .text = STRBUF_INIT};
	struct xml_ctx x = {.start = sheet_start, .end = sheet_end, .text = sheet_text, .user = &s};
	const struct sheet_entry *e = NULL;
	int ret;

	for (size_t i = 0; i < b->nr_sheets && !e; i++)
		if (!strcmp(b->sheets[i].name, sheet))
			e = &b->sheets[i];
	if (!e) {
		struct strbuf names = STRBUF_INIT;

		for (size_t i = 0; i < b->nr_sheets; i++)
			strbuf_addf(&names, "%s\"%s\"", i ? ", " : "", b->sheets[i].name);
		ret = book_error(dl, b->file,
				 "the workbook has no sheet named \"%s\" (its sheets: %s)", sheet,
				 b->nr_sheets ? names.buf : "none");
		strbuf_release(&names);
		return ret;
	}
	s.name = e->name;
	ret = run_part(b, dl, e->part, &x);
	if (ret > 0)
		ret = part_msg(b, dl, e->part,
			       "sheet \"%s\" is missing: its part is not in the zip", e->name);
	strbuf_release(&s.raw);
	strbuf_release(&s.text);
	return s.stop ? s.stop : ret;
}

int xlsx_read_sheet(struct xlsx_book *b, const char *sheet, xlsx_cell_fn fn, void *ctx,
		    struct diag_list *dl)
{
	return read_sheet(b, sheet, fn, ctx, NULL, dl);
}

static int collect(void *ctx, const struct xlsx_cell *cell)
{
	struct xlsx_rows *rows = ctx;
	struct xlsx_row *r = rows->nr ? &rows->rows[rows->nr - 1] : NULL;
	struct xlsx_cell *c;

	if (!r || r->row != cell->row) {
		rows->rows = xgrow(rows->rows, &rows->alloc, rows->nr + 1, sizeof(*rows->rows));
		r = &rows->rows[rows->nr++];
		*r = (struct xlsx_row){cell->row, NULL, 0, 0};
	}
	r->cells = xgrow(r->cells, &r->alloc, r->nr + 1, sizeof(*r->cells));
	c = &r->cells[r->nr++];
	*c = *cell;
	c->sheet = rows->sheet;
	c->text = xstrndup(cell->text, cell->len);
	return 0;
}

int xlsx_read_rows(struct xlsx_book *b, const char *sheet, struct xlsx_rows *rows,
		   struct diag_list *dl)
{
	*rows = (struct xlsx_rows){.sheet = xstrdup(sheet)};
	return read_sheet(b, sheet, collect, rows, rows, dl);
}

const struct xlsx_range *xlsx_rows_merged(const struct xlsx_rows *rows, unsigned below,
					  const unsigned *cols, size_t ncols)
{
	for (size_t i = 0; i < rows->nmerges; i++) {
		const struct xlsx_range *m = &rows->merges[i];
		bool hit = !cols;

		if (m->row2 <= below)
			continue;
		for (size_t k = 0; k < ncols && !hit; k++)
			hit = cols[k] && cols[k] >= m->col1 && cols[k] <= m->col2;
		if (hit)
			return m;
	}
	return NULL;
}

void xlsx_range_ref(struct strbuf *sb, const struct xlsx_range *r)
{
	xlsx_col_name(sb, r->col1);
	strbuf_addf(sb, "%u:", r->row1);
	xlsx_col_name(sb, r->col2);
	strbuf_addf(sb, "%u", r->row2);
}

void xlsx_rows_release(struct xlsx_rows *rows)
{
	for (size_t i = 0; i < rows->nr; i++) {
		for (size_t k = 0; k < rows->rows[i].nr; k++)
			free((char *)rows->rows[i].cells[k].text);
		free(rows->rows[i].cells);
	}
	free(rows->rows);
	free(rows->sheet);
	free(rows->merges);
	*rows = (struct xlsx_rows){0};
}

void xlsx_col_name(struct strbuf *sb, unsigned col)
{
	char tmp[8];
	size_t n = 0;

	for (; col && n < sizeof(tmp); col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	while (n)
		strbuf_addc(sb, tmp[--n]);
}

void xlsx_ref(struct strbuf *sb, const char *sheet, unsigned row, unsigned col)
{
	int quote = !*sheet || (*sheet >= '0' && *sheet <= '9');

	for (const char *p = sheet; *p && !quote; p++)
		quote = (unsigned char)*p < 0x80 && !(*p >= 'a' && *p <= 'z') &&
			!(*p >= 'A' && *p <= 'Z') && !(*p >= '0' && *p <= '9') && *p != '_' &&
			*p != '.';
	if (quote) {
		strbuf_addc(sb, '\'');
		for (const char *p = sheet; *p; p++) {
			if (*p == '\'')
				strbuf_addc(sb, '\'');
			strbuf_addc(sb, *p);
		}
		strbuf_addc(sb, '\'');
	} else {
		strbuf_adds(sb, sheet);
	}
	strbuf_addc(sb, '!');
	xlsx_col_name(sb, col);
	strbuf_addf(sb, "%u", row);
}

void xlsx_cell_ref(struct strbuf *sb, const struct xlsx_cell *cell)
{
	xlsx_ref(sb, cell->sheet, cell->row, cell->col);
}

/* Days since 1970-01-01 to a calendar date (H. Hinnant's civil_from_days). */
static struct date civil(long z)
{
	long era, doe, yoe, doy, mp, y;
	struct date d;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(y + (d.month <= 2));
	return d;
}

int xlsx_serial_date(const char *text, enum xlsx_date_system sys, struct date *out)
{
	/* 1899-12-30 and 1904-01-01, in days since 1970-01-01. */
	const long epoch1900 = -25569, epoch1904 = -24107;
	long serial = 0;
	const char *p = text;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		serial = serial * 10 + (*p - '0');
		if (serial > 3000000)
			return -1;
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (*p)
		return -1;
	if (sys == XLSX_DATE_1904) {
		*out = civil(epoch1904 + serial);
	} else {
		/* Lotus counted 1900 as a leap year; Excel kept the day that never was. */
		if (serial == 0 || serial == 60)
			return -1;
		*out = civil(epoch1900 + serial + (serial < 60));
	}
	return out->year > 9999 ? -1 : 0;
}
