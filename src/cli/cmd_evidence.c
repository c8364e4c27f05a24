/* What verify and bundle share: loading a report, removing their scratch directory. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <string.h>

#include "cmd.h"
#include "exitcode.h"
#include "report_load.h"
#include "sniff.h"

int cmd_load_report(const char *path, struct ydoc *doc, struct result *r, struct diag_list *dl,
		    struct strbuf *raw)
{
	doc->max_bytes = YDOC_MAX_REPORT_BYTES;
	if (inputs_read(doc, path, dl))
		return -1;
	/* Parsing JSON rewrites the buffer in place: the bytes as read are copied first. */
	if (raw)
		strbuf_add(raw, doc->data, doc->len);
	if ((!sniff_is_json(sniff(doc->data, doc->len)) &&
	     ydoc_error_at(doc, dl, 1, 1, 1,
			   "not a JSON report (write one with 'craf assess --format json')")) ||
	    ydoc_parse_json(doc, dl) || report_load_json(r, doc, dl))
		return -1;
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void cmd_remove_tree(const char *dir)
{
	if (dir)
		nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}
