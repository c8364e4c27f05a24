/* The CSV writer: user text reaches a CSV file only through here, quoted and defused. */
#include "out_csv.h"

#include <string.h>

#include "textsafe.h"

void csv_release(struct csv_out *o)
{
	strbuf_release(&o->priv_bytes);
	o->priv_cells = 0;
}

void csv_finish(struct csv_out *o, struct strbuf *dst)
{
	out_bytes_finish(&o->priv_bytes, dst);
	o->priv_cells = 0;
}

void csv_bom(struct csv_out *o)
{
	if (!o->priv_bytes.len)
		strbuf_adds(&o->priv_bytes, "\xef\xbb\xbf");
}

void csv_cell(struct csv_out *o, const char *s)
{
	struct strbuf clean = STRBUF_INIT;

	if (o->priv_cells++)
		strbuf_addc(&o->priv_bytes, ',');
	strbuf_addc(&o->priv_bytes, '"');
	if (s && s[0] && strchr("=+-@\t\r", s[0]))
		strbuf_addc(&o->priv_bytes, '\'');
	textsafe_add(&clean, s ? s : "", s ? strlen(s) : 0,
		     TEXTSAFE_KEEP_TAB | TEXTSAFE_KEEP_NEWLINE);
	for (const char *p = strbuf_str(&clean); *p; p++) {
		if (*p == '"')
			strbuf_addc(&o->priv_bytes, '"');
		strbuf_addc(&o->priv_bytes, *p);
	}
	strbuf_addc(&o->priv_bytes, '"');
	strbuf_release(&clean);
}

void csv_end_row(struct csv_out *o)
{
	strbuf_adds(&o->priv_bytes, "\r\n");
	o->priv_cells = 0;
}
