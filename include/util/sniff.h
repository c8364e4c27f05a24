/* What an input file is, told by its first bytes, never by its name. */
#ifndef CRAF_SNIFF_H
#define CRAF_SNIFF_H

#include <stddef.h>

enum sniff_kind {
	SNIFF_YAML,   /* anything else: the YAML loader says what is wrong with it */
	SNIFF_JSON,   /* an object, first thing after a BOM and blanks */
	SNIFF_REPORT, /* a JSON object that names craf's report schema near its top */
	SNIFF_ZIP,    /* a zip container: an XLSX workbook, say */
	SNIFF_OLE2,   /* a compound document: an Excel 97-2003 .xls workbook, say */
	SNIFF_GZIP,   /* gzip: a bundle (.tar.gz), say */
};

enum sniff_kind sniff(const char *data, size_t len);
/* True for the two JSON kinds. */
int sniff_is_json(enum sniff_kind k);

#endif
