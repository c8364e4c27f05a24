/* Workbooks built in memory for unit tests: every part's XML in the test, any zip header bent. */
#ifndef CRAF_TU_ZIP_H
#define CRAF_TU_ZIP_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "strbuf.h"

/* One zip entry. Its bytes go in as they are: method only names a compression. */
struct tu_part {
	const char *name;
	const char *data; /* NULL: a default part of that name is left out */
	size_t len;	  /* 0: strlen(data) */
	unsigned method;  /* 0: stored; 8 with bytes that are not deflate; 14 (LZMA): refused */
	unsigned flags;	  /* bit 0: "encrypted" */
	bool extra;	  /* an extra field (minizip seeks past it) */
	bool bad_crc;	  /* a checksum the bytes do not have */
	bool far;	  /* the central directory points past the end of the file */
};

static inline uint32_t tu_crc32(const char *p, size_t n)
{
	uint32_t crc = 0xffffffffu;

	for (size_t i = 0; i < n; i++) {
		crc ^= (unsigned char)p[i];
		for (int k = 0; k < 8; k++)
			crc = crc >> 1 ^ (0xedb88320u & -(crc & 1));
	}
	return ~crc;
}

static inline void tu_le(struct strbuf *sb, uint32_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		strbuf_addc(sb, (char)(v >> (8 * i) & 0xff));
}

/* The zip of parts (those with data), in that order. */
static inline void tu_zip(struct strbuf *zip, const struct tu_part *parts, size_t n)
{
	struct strbuf cd = STRBUF_INIT;
	size_t entries = 0;

	for (size_t i = 0; i < n; i++) {
		const struct tu_part *p = &parts[i];
		size_t len = p->len    ? p->len
			     : p->data ? strlen(p->data)
				       : 0,
		       nlen = strlen(p->name);
		uint32_t crc = p->data ? tu_crc32(p->data, len) ^ (p->bad_crc ? 1u : 0u) : 0;
		uint32_t offset = p->far ? 0x7ffffff0u : (uint32_t)zip->len;
		unsigned elen = p->extra ? 8 : 0;

		if (!p->data)
			continue;
		entries++;
		/* The local header, then the same fields in the central directory. */
		tu_le(zip, 0x04034b50u, 4);
		tu_le(zip, 20, 2);
		tu_le(zip, p->flags, 2);
		tu_le(zip, p->method, 2);
		tu_le(zip, 0, 4); /* time and date */
		tu_le(zip, crc, 4);
		tu_le(zip, (uint32_t)len, 4);
		tu_le(zip, (uint32_t)len, 4);
		tu_le(zip, (uint32_t)nlen, 2);
		tu_le(zip, elen, 2);
		strbuf_add(zip, p->name, nlen);
		if (elen)
			strbuf_add(zip, "\xfe\xca\x04\x00xxxx", 8);
		strbuf_add(zip, p->data, len);

		tu_le(&cd, 0x02014b50u, 4);
		tu_le(&cd, 20, 2);
		tu_le(&cd, 20, 2);
		tu_le(&cd, p->flags, 2);
		tu_le(&cd, p->method, 2);
		tu_le(&cd, 0, 4);
		tu_le(&cd, crc, 4);
		tu_le(&cd, (uint32_t)len, 4);
		tu_le(&cd, (uint32_t)len, 4);
		tu_le(&cd, (uint32_t)nlen, 2);
		tu_le(&cd, elen, 2);
		tu_le(&cd, 0, 2); /* comment */
		tu_le(&cd, 0, 2); /* disk */
		tu_le(&cd, 0, 2); /* internal attributes */
		tu_le(&cd, 0, 4); /* external attributes */
		tu_le(&cd, offset, 4);
		strbuf_add(&cd, p->name, nlen);
		if (elen)
			strbuf_add(&cd, "\xfe\xca\x04\x00xxxx", 8);
	}
	{
		size_t at = zip->len;

		strbuf_add(zip, cd.buf ? cd.buf : "", cd.len);
		tu_le(zip, 0x06054b50u, 4);
		tu_le(zip, 0, 2);
		tu_le(zip, 0, 2);
		tu_le(zip, (uint32_t)entries, 2);
		tu_le(zip, (uint32_t)entries, 2);
		tu_le(zip, (uint32_t)cd.len, 4);
		tu_le(zip, (uint32_t)at, 4);
		tu_le(zip, 0, 2);
	}
	strbuf_release(&cd);
}

#define TU_DECL	   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define TU_MAIN	   "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define TU_RELNS   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define TU_PKGRELS "http://schemas.openxmlformats.org/package/2006/relationships"

/* A worksheet part around rows (the <row> elements). */
#define TU_SHEET(rows)                                                                             \
	TU_DECL "<worksheet xmlns=\"" TU_MAIN "\"><sheetData>" rows "</sheetData></worksheet>"

/* A workbook whose sheets (its <sheet> elements) are named by relationships (their elements). */
#define TU_WORKBOOK(sheets)                                                                        \
	TU_DECL "<workbook xmlns=\"" TU_MAIN "\" xmlns:r=\"" TU_RELNS "\"><sheets>" sheets         \
		"</sheets></workbook>"
#define TU_RELS(rels) TU_DECL "<Relationships xmlns=\"" TU_PKGRELS "\">" rels "</Relationships>"
#define TU_REL(id, type, target)                                                                   \
	"<Relationship Id=\"" id "\" Type=\"" TU_RELNS "/" type "\" Target=\"" target "\"/>"

/*
 * A workbook of one sheet "S" (xl/worksheets/sheet1.xml, empty) and
 * shared strings (xl/sharedStrings.xml: "zero", "one"), with parts
 * replacing (or, with data NULL, dropping) those of the same name and
 * adding the others.
 */
static inline void tu_book(struct strbuf *zip, const struct tu_part *parts, size_t n)
{
	static const struct tu_part defaults[] = {
		{.name = "_rels/.rels",
		 .data = TU_RELS(TU_REL("rId1", "officeDocument", "xl/workbook.xml"))},
		{.name = "xl/workbook.xml",
		 .data = TU_WORKBOOK("<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>")},
		{.name = "xl/_rels/workbook.xml.rels",
		 .data = TU_RELS(TU_REL("rId1", "worksheet", "worksheets/sheet1.xml")
					 TU_REL("rId2", "sharedStrings", "sharedStrings.xml"))},
		{.name = "xl/sharedStrings.xml",
		 .data = TU_DECL "<sst xmlns=\"" TU_MAIN
				 "\"><si><t>zero</t></si><si><t>one</t></si></sst>"},
		{.name = "xl/worksheets/sheet1.xml", .data = TU_SHEET("")},
	};
	const size_t nd = sizeof(defaults) / sizeof(defaults[0]);
	struct tu_part all[32];
	size_t nall = 0;

	for (size_t d = 0; d < nd; d++) {
		all[nall] = defaults[d];
		for (size_t i = 0; i < n; i++)
			if (!strcmp(parts[i].name, defaults[d].name))
				all[nall] = parts[i];
		nall++;
	}
	for (size_t i = 0; i < n && nall < 32; i++) {
		size_t d;

		for (d = 0; d < nd && strcmp(parts[i].name, defaults[d].name); d++)
			;
		if (d == nd)
			all[nall++] = parts[i];
	}
	tu_zip(zip, all, nall);
}

/*
 * A sheet as text: rows one a line (an empty line, a row with no cells), cells
 * separated by '|' from column A on ("" leaves a cell out), "\\n" inside a
 * cell a line break, '^' a '|', "!e:" before a cell an error value (#N/A), "!n:" a
 * number, "!f:" a formula with no saved result. rows starting with '<' are the worksheet part's XML
 * as it is.
 */
struct tu_grid {
	const char *name;
	const char *rows;
};

static inline void tu_xml_text(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && s[i + 1] == 'n')
			strbuf_addc(sb, '\n'), i++;
		else if (s[i] == '^')
			strbuf_addc(sb, '|');
		else if (s[i] == '&')
			strbuf_adds(sb, "&amp;");
		else if (s[i] == '<')
			strbuf_adds(sb, "&lt;");
		else
			strbuf_addc(sb, s[i]);
	}
}

static inline void tu_grid_sheet(struct strbuf *xml, const char *rows)
{
	unsigned row = 1;

	strbuf_adds(xml, TU_DECL "<worksheet xmlns=\"" TU_MAIN "\"><sheetData>");
	for (const char *p = rows; *p; row++) {
		size_t len = strcspn(p, "\n");
		const char *end = p + len;
		unsigned col = 0;

		strbuf_addf(xml, "<row r=\"%u\">", row);
		for (;;) {
			size_t n = strcspn(p, "|\n");
			char ref[8];
			size_t k = 0;

			col++;
			for (unsigned c = col; c; c = (c - 1) / 26)
				k++;
			ref[k] = '\0';
			for (unsigned c = col; c; c = (c - 1) / 26)
				ref[--k] = (char)('A' + (c - 1) % 26);
			if (n > 3 && !strncmp(p, "!e:", 3)) {
				strbuf_addf(xml, "<c r=\"%s%u\" t=\"e\"><v>", ref, row);
				tu_xml_text(xml, p + 3, n - 3);
				strbuf_adds(xml, "</v></c>");
			} else if (n > 3 && !strncmp(p, "!f:", 3)) {
				strbuf_addf(xml, "<c r=\"%s%u\" t=\"str\"><f>", ref, row);
				tu_xml_text(xml, p + 3, n - 3);
				strbuf_adds(xml, "</f></c>");
			} else if (n > 3 && !strncmp(p, "!n:", 3)) {
				strbuf_addf(xml, "<c r=\"%s%u\"><v>", ref, row);
				tu_xml_text(xml, p + 3, n - 3);
				strbuf_adds(xml, "</v></c>");
			} else if (n) {
				strbuf_addf(xml, "<c r=\"%s%u\" t=\"inlineStr\"><is><t>", ref, row);
				tu_xml_text(xml, p, n);
				strbuf_adds(xml, "</t></is></c>");
			}
			p += n;
			if (*p == '|')
				p++;
			else
				break;
		}
		strbuf_adds(xml, "</row>");
		p = *end ? end + 1 : end;
	}
	strbuf_adds(xml, "</sheetData></worksheet>");
}

/* A workbook of the sheets, in that order. */
static inline void tu_grid_book(struct strbuf *zip, const struct tu_grid *sheets, size_t n)
{
	struct strbuf wb = STRBUF_INIT, rels = STRBUF_INIT, names[16];
	struct tu_part parts[20];
	size_t np = 0;

	strbuf_adds(&wb,
		    TU_DECL "<workbook xmlns=\"" TU_MAIN "\" xmlns:r=\"" TU_RELNS "\"><sheets>");
	strbuf_adds(&rels, TU_DECL "<Relationships xmlns=\"" TU_PKGRELS "\">");
	parts[np++] = (struct tu_part){
		.name = "_rels/.rels",
		.data = TU_RELS(TU_REL("rId1", "officeDocument", "xl/workbook.xml"))};
	for (size_t i = 0; i < n && i < 16; i++) {
		strbuf_init(&names[i]);
		strbuf_adds(&wb, "<sheet name=\"");
		tu_xml_text(&wb, sheets[i].name, strlen(sheets[i].name));
		strbuf_addf(&wb, "\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i + 1, i + 1);
		strbuf_addf(&rels,
			    "<Relationship Id=\"rId%zu\" Type=\"" TU_RELNS
			    "/worksheet\" Target=\"worksheets/sheet%zu.xml\"/>",
			    i + 1, i + 1);
		strbuf_addf(&names[i], "xl/worksheets/sheet%zu.xml", i + 1);
	}
	strbuf_adds(&wb, "</sheets></workbook>");
	strbuf_adds(&rels, "</Relationships>");
	parts[np++] = (struct tu_part){.name = "xl/workbook.xml", .data = wb.buf};
	parts[np++] = (struct tu_part){.name = "xl/_rels/workbook.xml.rels", .data = rels.buf};
	{
		struct strbuf xml[16];

		for (size_t i = 0; i < n && i < 16; i++) {
			strbuf_init(&xml[i]);
			if (sheets[i].rows[0] == '<')
				strbuf_adds(&xml[i], sheets[i].rows);
			else
				tu_grid_sheet(&xml[i], sheets[i].rows);
			parts[np++] = (struct tu_part){.name = names[i].buf, .data = xml[i].buf};
		}
		tu_zip(zip, parts, np);
		for (size_t i = 0; i < n && i < 16; i++) {
			strbuf_release(&xml[i]);
			strbuf_release(&names[i]);
		}
	}
	strbuf_release(&wb);
	strbuf_release(&rels);
}

#endif
