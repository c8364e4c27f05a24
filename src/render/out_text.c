/* The terminal-text writer: user text reaches a terminal only through here, made safe. */
#include "out_text.h"

#include <string.h>

#include "term.h"

void txt_reset(struct txt_out *o)
{
	strbuf_reset(&o->priv_bytes);
}

void txt_text(struct txt_out *o, const char *s)
{
	if (s)
		term_sanitize(&o->priv_bytes, s, strlen(s));
}

void txt_style(struct txt_out *o, const char *sgr)
{
	size_t n = strlen(sgr), i = 2;

	if (n < 3 || sgr[0] != '\033' || sgr[1] != '[' || sgr[n - 1] != 'm')
		return;
	for (; i < n - 1; i++)
		if (!((sgr[i] >= '0' && sgr[i] <= '9') || sgr[i] == ';'))
			return;
	strbuf_adds(&o->priv_bytes, sgr);
}

void txt_append(struct txt_out *o, const struct txt_out *src)
{
	strbuf_add(&o->priv_bytes, strbuf_str(&src->priv_bytes), src->priv_bytes.len);
}

/* s made safe, in a buffer of its own. */
static void clean(struct strbuf *sb, const char *s)
{
	term_sanitize(sb, s ? s : "", s ? strlen(s) : 0);
}

void txt_nobreak(struct txt_out *o, const char *s)
{
	struct strbuf c = STRBUF_INIT;

	clean(&c, s);
	term_add_nobreak(&o->priv_bytes, c.buf);
	strbuf_release(&c);
}

void txt_pad(struct txt_out *o, const char *s, int width)
{
	struct strbuf c = STRBUF_INIT;

	clean(&c, s);
	term_pad(&o->priv_bytes, c.buf, width);
	strbuf_release(&c);
}

void txt_pad_out(struct txt_out *o, const struct txt_out *src, int width)
{
	txt_append(o, src);
	for (int w = txt_width(src); w < width; w++)
		strbuf_addc(&o->priv_bytes, ' ');
}

void txt_pad_left_out(struct txt_out *o, const struct txt_out *src, int width)
{
	for (int w = txt_width(src); w < width; w++)
		strbuf_addc(&o->priv_bytes, ' ');
	txt_append(o, src);
}

void txt_pad_cut(struct txt_out *o, const char *s, int width)
{
	struct strbuf c = STRBUF_INIT;

	clean(&c, s);
	term_pad_cut(&o->priv_bytes, c.buf, width);
	strbuf_release(&c);
}

void txt_wrap(struct txt_out *o, const char *s, int indent, int width)
{
	term_wrap(&o->priv_bytes, s ? s : "", indent, width);
}

void txt_wrap_hanging(struct txt_out *o, const char *s, int indent, int width)
{
	term_wrap_hanging(&o->priv_bytes, s ? s : "", indent, width);
}

void txt_wrap_styled(struct txt_out *o, const struct txt_out *line, int col, int indent, int width)
{
	term_wrap_styled(&o->priv_bytes, strbuf_str(&line->priv_bytes), col, indent, width);
}

void txt_wrap_hanging_out(struct txt_out *o, const struct txt_out *src, int indent, int width)
{
	term_wrap_hanging(&o->priv_bytes, strbuf_str(&src->priv_bytes), indent, width);
}

void txt_wrap_lines(struct txt_out *o, const char *prefix, const char *s, int width)
{
	struct strbuf wrapped = STRBUF_INIT, head = STRBUF_INIT;
	const char *p;

	clean(&head, prefix);
	term_wrap(&wrapped, s ? s : "", 0, width);
	for (p = strbuf_str(&wrapped);;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		strbuf_add(&o->priv_bytes, head.buf, head.len);
		strbuf_add(&o->priv_bytes, p, n);
		strbuf_addc(&o->priv_bytes, '\n');
		if (!nl)
			break;
		p = nl + 1;
	}
	strbuf_release(&wrapped);
	strbuf_release(&head);
}

int txt_width(const struct txt_out *o)
{
	return term_width_styled(strbuf_str(&o->priv_bytes));
}

bool txt_styled(const struct txt_out *o)
{
	return strchr(strbuf_str(&o->priv_bytes), '\033') != NULL;
}
