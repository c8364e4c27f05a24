/* Everything that depends on how a terminal shows text lives here. */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int term_color_parse(const char *s, enum color_mode *out)
{
	if (!strcmp(s, "auto"))
		*out = COLOR_AUTO;
	else if (!strcmp(s, "always"))
		*out = COLOR_ALWAYS;
	else if (!strcmp(s, "never"))
		*out = COLOR_NEVER;
	else
		return -1;
	return 0;
}

bool term_use_color(FILE *out, enum color_mode mode)
{
	const char *nc = getenv("NO_COLOR");
	const char *t;

	if (nc && *nc)
		return false;
	if (mode != COLOR_AUTO)
		return mode == COLOR_ALWAYS;
	t = getenv("TERM");
	if (t && !strcmp(t, "dumb"))
		return false;
	return isatty(fileno(out));
}

size_t term_utf8_decode(const char *str, size_t len, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c;
	size_t n, i;

	if (!len) {
		*cp = 0;
		return 0;
	}
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, c &= 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, c &= 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, c &= 0x07;
	else
		goto bad;
	if (n > len)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return n;
bad:
	*cp = 0xfffd;
	return 1;
}

int term_cp_width(unsigned cp)
{
	if (cp == 0)
		return 0;
	if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0xfe00 && cp <= 0xfe0f))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

int term_width(const char *s)
{
	return term_width_prefix(s, -1);
}

int term_width_prefix(const char *s, int n)
{
	size_t len = strlen(s);
	int w = 0;

	while (len && n) {
		unsigned cp;
		size_t k = term_utf8_decode(s, len, &cp);

		w += term_cp_width(cp);
		s += k;
		len -= k;
		if (n > 0)
			n--;
	}
	return w;
}

void term_sanitize(struct strbuf *sb, const char *s, size_t len)
{
	strbuf_add(sb, "", 0); /* an empty result is still a string */
	while (len) {
		unsigned cp;
		size_t k = term_utf8_decode(s, len, &cp);

		if (cp == '\t' || cp == '\n' || cp == '\r') {
			strbuf_addc(sb, ' ');
		} else if (cp < 0x20 || cp == 0x7f) {
			strbuf_addc(sb, '^');
			strbuf_addc(sb, cp == 0x7f ? '?' : (char)(cp + 0x40));
		} else if (cp == 0xfffd && k == 1 && (unsigned char)*s >= 0x80) {
			/* A byte that is not UTF-8: show the byte, not a character. */
			strbuf_addf(sb, "<0x%02X>", (unsigned char)*s);
		} else if (cp >= 0x80 && cp <= 0x9f) {
			strbuf_addf(sb, "<U+%04X>", cp);
		} else {
			strbuf_add(sb, s, k);
		}
		s += k;
		len -= k;
	}
}

void term_pad(struct strbuf *sb, const char *s, int width)
{
	int w = term_width(s);

	strbuf_adds(sb, s);
	while (w++ < width)
		strbuf_addc(sb, ' ');
}

/* Characters that must not begin a line (CJK closing punctuation). */
static bool no_line_start(unsigned cp)
{
	static const unsigned list[] = {0x3001, 0x3002, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff01,
					0xff1f, 0xff09, 0x300d, 0x300f, 0x3011, 0x201d, 0x2019};

	for (size_t i = 0; i < sizeof(list) / sizeof(list[0]); i++)
		if (cp == list[i])
			return true;
	return false;
}

/* Length of the next unbreakable unit starting at s (no leading space). */
static size_t next_unit(const char *s, size_t len, int *width)
{
	size_t n = 0;
	unsigned cp;
	size_t k;

	*width = 0;
	k = term_utf8_decode(s, len, &cp);
	if (term_cp_width(cp) == 2) {
		n = k;
		*width = 2;
	} else {
		while (n < len) {
			k = term_utf8_decode(s + n, len - n, &cp);
			if (cp == ' ' || term_cp_width(cp) == 2)
				break;
			*width += term_cp_width(cp);
			n += k;
		}
	}
	/* Keep closing punctuation with what it closes. */
	while (n < len) {
		k = term_utf8_decode(s + n, len - n, &cp);
		if (!no_line_start(cp))
			break;
		*width += term_cp_width(cp);
		n += k;
	}
	return n;
}

void term_wrap(struct strbuf *sb, const char *text, int indent, int width)
{
	struct strbuf clean = STRBUF_INIT;
	const char *s;
	size_t len;
	int col = 0;
	bool pending_space = false;
	int avail = width - indent > 20 ? width - indent : 20;

	term_sanitize(&clean, text, strlen(text));
	s = strbuf_str(&clean);
	len = clean.len;
	for (int i = 0; i < indent; i++)
		strbuf_addc(sb, ' ');
	while (len) {
		int w;
		size_t n;

		if (*s == ' ') {
			pending_space = col > 0;
			s++;
			len--;
			continue;
		}
		n = next_unit(s, len, &w);
		if (col > 0 && col + (pending_space ? 1 : 0) + w > avail) {
			strbuf_addc(sb, '\n');
			for (int i = 0; i < indent; i++)
				strbuf_addc(sb, ' ');
			col = 0;
			pending_space = false;
		}
		if (pending_space) {
			strbuf_addc(sb, ' ');
			col++;
		}
		strbuf_add(sb, s, n);
		col += w;
		s += n;
		len -= n;
		pending_space = false;
	}
	strbuf_release(&clean);
}

void term_wrap_hanging(struct strbuf *sb, const char *text, int indent, int width)
{
	struct strbuf wrapped = STRBUF_INIT;

	term_wrap(&wrapped, text, indent, width);
	strbuf_adds(sb, strbuf_str(&wrapped) + indent);
	strbuf_release(&wrapped);
}
