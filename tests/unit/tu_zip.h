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
	unsigned method;  /* 0: stored; 8 with data not deflate, 12 (bzip2) unsupported */
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

#endif
