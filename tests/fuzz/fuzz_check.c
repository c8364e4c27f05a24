/*
 * Output invariants for the fuzz targets. The checks are written from the
 * rules in docs/security.md, not from the writers' code, so a writer that
 * lets something through is caught rather than agreed with.
 */
#include "fuzz_check.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unzip.h>

#include "catalogue_view.h"
#include "diff_render.h"
#include "out_html.h"
#include "out_markdown.h"
#include "out_text.h"
#include "report.h"
#include "trend.h"
#include "trend_render.h"

__attribute__((format(printf, 3, 4), noreturn)) static void violation(const char *what, size_t at,
								      const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "\n*** output invariant broken in %s at byte %zu: ", what, at);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* Decodes one UTF-8 character strictly; returns its length, or 0 if it is not UTF-8. */
static size_t decode(const unsigned char *s, size_t len, unsigned *cp)
{
	size_t n;
	unsigned c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, c = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, c = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	if (n > len)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Bidirectional controls, zero-width characters and line separators (docs/security.md). */
static bool invisible(unsigned cp)
{
	return cp == 0x061c || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
	       cp == 0x2060 || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff || cp == 0x2028 ||
	       cp == 0x2029;
}

/*
 * Valid UTF-8 with no control character but line feed and tab (and, in
 * CSV, a carriage return ending a row), no DEL or C1 control, and none of
 * the invisible characters. bom: a byte-order mark may open the output.
 */
static void check_chars(const char *what, const char *s, size_t len, bool csv)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	if (csv && len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len) {
		unsigned cp;
		size_t k = decode(p + i, len - i, &cp);

		if (!k)
			violation(what, i, "not UTF-8 (byte 0x%02X)", p[i]);
		if (cp < 0x20 && cp != '\n' && cp != '\t' &&
		    !(csv && cp == '\r' && i + 1 < len && p[i + 1] == '\n' && i > 0 &&
		      p[i - 1] == '"'))
			violation(what, i, "control character 0x%02X", cp);
		if (cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
			violation(what, i, "control character U+%04X", cp);
		if (invisible(cp))
			violation(what, i, "U+%04X as itself", cp);
		i += k;
	}
}

/* Every & starts an entity: &name; or &#digits;. */
static void check_entities(const char *what, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t j = i + 1;

		if (s[i] != '&')
			continue;
		if (j < len && s[j] == '#') {
			for (j++; j < len && s[j] >= '0' && s[j] <= '9'; j++)
				;
		} else {
			while (j < len &&
			       ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
				j++;
		}
		if (j == i + 1 || j >= len || s[j] != ';')
			violation(what, i, "a bare & (user text not escaped?)");
	}
}

void fuzz_check_text(const char *what, const char *s, size_t len)
{
	check_chars(what, s, len, false);
}

static bool in_list(const char *name, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && !memcmp(list[i], name, n))
			return true;
	return false;
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-';
}

/*
 * Every < opens a tag on the renderers' own list, with attributes on their
 * list and values in double quotes holding no < or ": nothing a user wrote
 * became markup. A > outside a tag would be unescaped text.
 */
void fuzz_check_html(const char *what, const char *s, size_t len)
{
	static const char *const tags[] = {
		"html",	  "head", "meta",   "title", "style",  "body",	   "main",
		"header", "p",	  "h1",	    "h2",    "h3",     "br",	   "section",
		"div",	  "svg",  "line",   "text",  "rect",   "table",	   "thead",
		"tbody",  "tr",	  "th",	    "td",    "span",   "em",	   "strong",
		"ul",	  "li",	  "footer", "bdi",   "circle", "polyline", "code",
	};
	static const char *const attrs[] = {
		"lang",
		"charset",
		"name",
		"content",
		"class",
		"viewBox",
		"width",
		"height",
		"role",
		"aria-label",
		"xmlns",
		"x1",
		"y1",
		"x2",
		"y2",
		"stroke",
		"x",
		"y",
		"font-size",
		"fill",
		"text-anchor",
		"rx",
		"rowspan",
		"style",
		"stroke-width",
		"stroke-dasharray",
		"points",
		"cx",
		"cy",
		"r",
	};
	size_t i = 0;

	check_chars(what, s, len, false);
	check_entities(what, s, len);
	while (i < len) {
		size_t at = i, n;
		bool closing = false;

		if (s[i] == '>')
			violation(what, i, "a > outside a tag");
		if (s[i++] != '<')
			continue;
		if (len - i >= 14 && !memcmp(s + i, "!DOCTYPE html>", 14)) {
			i += 14;
			continue;
		}
		if (len - i >= 3 && !memcmp(s + i, "!--", 3)) {
			const char *end = NULL;

			for (size_t j = i; j + 3 <= len && !end; j++)
				if (!memcmp(s + j, "-->", 3))
					end = s + j;
			if (!end)
				violation(what, at, "an unterminated comment");
			i = (size_t)(end - s) + 3;
			continue;
		}
		if (i < len && s[i] == '/')
			closing = true, i++;
		for (n = 0; i + n < len && name_char(s[i + n]); n++)
			;
		if (!in_list(s + i, n, tags, sizeof(tags) / sizeof(tags[0])))
			violation(what, at, "<%.*s is not a tag the renderers write",
				  (int)(n ? n : 1), s + i);
		i += n;
		for (;;) {
			size_t a;

			while (i < len && s[i] == ' ')
				i++;
			if (i < len && s[i] == '>') {
				i++;
				break;
			}
			if (!closing && i + 1 < len && s[i] == '/' && s[i + 1] == '>') {
				i += 2;
				break;
			}
			for (a = 0; i + a < len && name_char(s[i + a]); a++)
				;
			if (closing || !in_list(s + i, a, attrs, sizeof(attrs) / sizeof(attrs[0])))
				violation(what, i,
					  "attribute \"%.*s\" is not one the renderers write",
					  (int)(a ? a : 1), s + i);
			i += a;
			if (len - i < 2 || s[i] != '=' || s[i + 1] != '"')
				violation(what, i, "an attribute value not in double quotes");
			for (i += 2; i < len && s[i] != '"'; i++)
				if (s[i] == '<')
					violation(what, i, "a < in an attribute value");
			if (i++ >= len)
				violation(what, i, "an unterminated attribute value");
		}
	}
}

/* Pipes that end a cell: not escaped by an odd run of backslashes. */
static size_t cell_pipes(const char *line, size_t n)
{
	size_t pipes = 0;

	for (size_t i = 0; i < n; i++) {
		size_t bs = 0;

		if (line[i] != '|')
			continue;
		while (bs < i && line[i - 1 - bs] == '\\')
			bs++;
		pipes += bs % 2 == 0;
	}
	return pipes;
}

/*
 * No raw HTML (< before a letter, / ! or ?), every & an entity, and every
 * row of a table with as many cells as its header: no user text ended a
 * cell.
 */
void fuzz_check_markdown(const char *what, const char *s, size_t len)
{
	size_t header = 0, line = 0;

	check_chars(what, s, len, false);
	check_entities(what, s, len);
	for (size_t i = 0; i + 1 < len; i++)
		if (s[i] == '<' && (name_char(s[i + 1]) || strchr("/!?", s[i + 1])))
			violation(what, i, "raw HTML");
	while (line < len) {
		const char *nl = memchr(s + line, '\n', len - line);
		size_t n = nl ? (size_t)(nl - (s + line)) : len - line;

		if (n && s[line] == '|') {
			size_t pipes = cell_pipes(s + line, n);

			if (!header)
				header = pipes;
			else if (pipes != header)
				violation(what, line,
					  "a table row with %zu cell borders, its header %zu",
					  pipes, header);
		} else {
			header = 0;
		}
		line += n + 1;
	}
}

/*
 * RFC 4180 with every cell quoted, every row as wide as the header, and no
 * cell a spreadsheet would take for a formula.
 */
void fuzz_check_csv(const char *what, const char *s, size_t len)
{
	size_t i = 0, cells = 0, width = 0;

	check_chars(what, s, len, true);
	if (len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
		i = 3;
	while (i < len) {
		size_t start = i;

		if (s[i] != '"')
			violation(what, i, "a cell not in quotes");
		if (i + 1 < len && strchr("=+-@\t\r", s[i + 1]) && s[i + 1] != '\0')
			violation(what, i, "a cell starting with '%c' (a formula)", s[i + 1]);
		for (i++;; i++) {
			if (i >= len)
				violation(what, start, "an unterminated cell");
			if (s[i] == '"' && i + 1 < len && s[i + 1] == '"')
				i++;
			else if (s[i] == '"')
				break;
		}
		i++;
		cells++;
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		if (len - i < 2 || s[i] != '\r' || s[i + 1] != '\n')
			violation(what, i, "a cell not followed by , or CRLF");
		i += 2;
		if (!width)
			width = cells;
		else if (cells != width)
			violation(what, i, "a row of %zu cells, the header %zu", cells, width);
		cells = 0;
	}
}

void fuzz_check_json(const char *what, const char *s, size_t len)
{
	cJSON *doc = cJSON_ParseWithLength(s, len);

	if (!doc)
		violation(what, 0, "not JSON");
	cJSON_Delete(doc);
}

void fuzz_check_xlsx(const char *what, const char *path)
{
	unzFile z = unzOpen64(path);
	char name[256];
	int e;

	if (!z)
		violation(what, 0, "the workbook does not unzip");
	for (e = unzGoToFirstFile(z); e == UNZ_OK; e = unzGoToNextFile(z)) {
		struct strbuf part = STRBUF_INIT;
		char buf[65536];
		int n;

		if (unzGetCurrentFileInfo64(z, NULL, name, sizeof(name), NULL, 0, NULL, 0) !=
			    UNZ_OK ||
		    unzOpenCurrentFile(z) != UNZ_OK)
			violation(what, 0, "a part does not unzip");
		while ((n = unzReadCurrentFile(z, buf, sizeof(buf))) > 0)
			strbuf_add(&part, buf, (size_t)n);
		if (n < 0 || unzCloseCurrentFile(z) != UNZ_OK)
			violation(what, 0, "part %s does not unzip", name);
		/* XML 1.0 allows tab, LF and CR; the writers' rules forbid the rest. */
		for (size_t i = 0; i < part.len; i++)
			if (part.buf[i] == '\r')
				part.buf[i] = '\n';
		check_chars(name, strbuf_str(&part), part.len, false);
		for (size_t i = 0; i + 2 < part.len; i++)
			if (!memcmp(part.buf + i, "\xef\xbf\xbe", 3) ||
			    !memcmp(part.buf + i, "\xef\xbf\xbf", 3))
				violation(name, i, "U+FFFE or U+FFFF, which XML forbids");
		strbuf_release(&part);
	}
	unzClose(z);
}

/* Renders into a fresh buffer out_ with the statements given, and checks it. */
#define CHECKED(check, what, ...)                                                                  \
	do {                                                                                       \
		struct strbuf out_ = STRBUF_INIT;                                                  \
		__VA_ARGS__;                                                                       \
		check(what, strbuf_str(&out_), out_.len);                                          \
		strbuf_release(&out_);                                                             \
	} while (0)

static void check_xlsx_of(const struct result *r, const struct report_options *ro)
{
	struct strbuf warnings = STRBUF_INIT, err = STRBUF_INIT;
	char path[64];

	snprintf(path, sizeof(path), "/tmp/craf-fuzz-%ld.xlsx", (long)getpid());
	unlink(path);
	if (report_xlsx_write(path, r, ro, &warnings, &err))
		violation("xlsx", 0, "no workbook: %s", strbuf_str(&err));
	fuzz_check_xlsx("xlsx", path);
	unlink(path);
	strbuf_release(&warnings);
	strbuf_release(&err);
}

enum fuzz_depth fuzz_depth_for(size_t size)
{
	/* A workbook takes ~0.5 s under the sanitizers for the example report. */
	return size <= 16384 || getenv("CRAF_FUZZ_ALL_XLSX") ? FUZZ_ALL : FUZZ_NO_XLSX;
}

void fuzz_check_result(const struct result *r, enum fuzz_depth depth)
{
	static const struct {
		enum lang lang;
		int width;
	} texts[] = {{LANG_EN, 80}, {LANG_ZH, 40}, {LANG_EN, 132}};
	struct report_options ro = {LANG_EN, false, 80, true, 0};
	struct diff_options dopt = {LANG_EN, false, 60};
	const struct result *cycles[1] = {r};
	struct diff d;

	for (size_t i = 0; i < (depth == FUZZ_MAIN ? 1 : sizeof(texts) / sizeof(texts[0])); i++) {
		ro.lang = texts[i].lang;
		ro.width = texts[i].width;
		CHECKED(fuzz_check_text, "text", report_render(&out_, r, REPORT_TEXT, &ro));
	}
	ro.lang = LANG_EN;
	CHECKED(fuzz_check_html, "html", report_render(&out_, r, REPORT_HTML, &ro));
	CHECKED(fuzz_check_markdown, "markdown", report_render(&out_, r, REPORT_MARKDOWN, &ro));
	CHECKED(fuzz_check_csv, "csv", report_render(&out_, r, REPORT_CSV, &ro));
	if (depth == FUZZ_MAIN)
		return;
	CHECKED(fuzz_check_json, "json", report_render(&out_, r, REPORT_JSON, &ro));
	CHECKED(fuzz_check_json, "oscal", report_render(&out_, r, REPORT_OSCAL, &ro));
	if (depth == FUZZ_ALL)
		check_xlsx_of(r, &ro);

	diff_compute(&d, r, r);
	CHECKED(fuzz_check_text, "diff text", {
		struct txt_out w = TXT_OUT_INIT;
		diff_text_render(&w, &d, &dopt);
		txt_finish(&w, &out_);
	});
	CHECKED(fuzz_check_markdown, "diff markdown", {
		struct md_out w = MD_OUT_INIT;
		diff_markdown_render(&w, &d, &dopt);
		md_finish(&w, &out_);
	});
	CHECKED(fuzz_check_html, "diff html", {
		struct html_out w = HTML_OUT_INIT;
		diff_html_render(&w, &d, &dopt);
		html_finish(&w, &out_);
	});
	CHECKED(fuzz_check_json, "diff json", diff_json_render(&out_, &d));
	diff_release(&d);

	CHECKED(fuzz_check_text, "trend text", {
		struct txt_out w = TXT_OUT_INIT;
		trend_text_render(&w, cycles, 1, LANG_EN, 80);
		txt_finish(&w, &out_);
	});
	CHECKED(fuzz_check_html, "trend html", {
		struct html_out w = HTML_OUT_INIT;
		trend_html_render(&w, cycles, 1, LANG_ZH);
		html_finish(&w, &out_);
	});
	CHECKED(fuzz_check_json, "trend json", trend_json_render(&out_, cycles, 1));
}

/* Principles shown in full: the first and last, and every 16th between. */
static bool shown(size_t i, size_t n)
{
	return i % 16 == 0 || i + 1 == n;
}

void fuzz_check_catalogue(const struct catalogue *cat)
{
	const struct catalogue_filter all = {NULL, LEVEL_NONE};

	CHECKED(fuzz_check_text, "catalogue list", {
		struct txt_out t = TXT_OUT_INIT;
		catalogue_text_list(&t, cat, &all, LANG_EN, 80);
		txt_finish(&t, &out_);
	});
	CHECKED(fuzz_check_text, "catalogue show", {
		struct txt_out t = TXT_OUT_INIT;
		for (size_t i = 0; i < cat->nprinciples; i++)
			if (shown(i, cat->nprinciples))
				catalogue_text_show(&t, cat, &cat->principles[i], LANG_ZH, 40);
		txt_finish(&t, &out_);
	});
	CHECKED(fuzz_check_text, "catalogue products", {
		struct txt_out t = TXT_OUT_INIT;
		catalogue_text_products(&t, cat, NULL, LANG_EN, 60);
		for (size_t i = 0; i < cat->nproducts; i++)
			if (shown(i, cat->nproducts))
				catalogue_text_products(&t, cat, &cat->products[i], LANG_EN, 100);
		txt_finish(&t, &out_);
	});
	CHECKED(fuzz_check_text, "catalogue responsibility", {
		struct txt_out t = TXT_OUT_INIT;
		catalogue_text_responsibility(&t, cat, LANG_EN, 40);
		catalogue_text_responsibility(&t, cat, LANG_ZH, 120);
		txt_finish(&t, &out_);
	});
	CHECKED(fuzz_check_json, "catalogue json", catalogue_json_list(&out_, cat, &all));
}
