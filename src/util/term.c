/* Everything that depends on how a terminal shows text lives here. */
#include "term.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "textsafe.h"

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
	/* Combining marks, joiners and variation selectors. */
	if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x483 && cp <= 0x489) ||
	    (cp >= 0x591 && cp <= 0x5bd) || (cp >= 0x610 && cp <= 0x61a) ||
	    (cp >= 0x64b && cp <= 0x65f) || (cp >= 0x1160 && cp <= 0x11ff) ||
	    (cp >= 0x1ab0 && cp <= 0x1aff) || (cp >= 0x1dc0 && cp <= 0x1dff) ||
	    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) ||
	    (cp >= 0x20d0 && cp <= 0x20ff) || cp == 0x3099 || cp == 0x309a ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f) ||
	    (cp >= 0xe0100 && cp <= 0xe01ef))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x1f680 && cp <= 0x1f6ff) || (cp >= 0x1f900 && cp <= 0x1faff) ||
	    (cp >= 0x20000 && cp <= 0x3fffd))
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
	textsafe_add(sb, s, len, 0);
}

void term_pad(struct strbuf *sb, const char *s, int width)
{
	int w = term_width(s);

	strbuf_adds(sb, s);
	while (w++ < width)
		strbuf_addc(sb, ' ');
}

int term_prose_width(int width)
{
	return width < TERM_PROSE_MAX ? width : TERM_PROSE_MAX;
}

static bool in_list(unsigned cp, const unsigned *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (cp == list[i])
			return true;
	return false;
}

/* Characters that must not begin a line (closing punctuation, after CJK too). */
static bool no_line_start(unsigned cp)
{
	static const unsigned list[] = {0x3001, 0x3002, 0xff0c, 0xff0e, 0xff1a, 0xff1b, 0xff01,
					0xff1f, 0xff09, 0x300d, 0x300f, 0x3011, 0x201d, 0x2019,
					0x3009, 0x300b, 0x3015, 0xff3d, ')',	',',	'.',
					';',	':',	'!',	'?',	']',	'}',	'%'};

	return in_list(cp, list, sizeof(list) / sizeof(list[0]));
}

/* Characters that must not end a line (opening punctuation, before CJK too). */
static bool no_line_end(unsigned cp)
{
	static const unsigned list[] = {0xff08, 0x300c, 0x300e, 0x3010, 0x201c, 0x2018, 0x3008,
					0x300a, 0x3014, 0xff3b, '(',	'[',	'{'};

	return in_list(cp, list, sizeof(list) / sizeof(list[0]));
}

/* Length of the colour sequence (ESC [ digits and semicolons m) at s, or 0. */
static size_t sgr_len(const char *s, size_t len)
{
	size_t i = 2;

	if (len < 3 || s[0] != '\033' || s[1] != '[')
		return 0;
	while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == ';'))
		i++;
	return i < len && s[i] == 'm' ? i + 1 : 0;
}

/* Whether a line may break between two characters with no space between them. */
static bool can_break(unsigned prev, unsigned cp)
{
	if (prev == (unsigned char)TERM_NBSP || cp == (unsigned char)TERM_NBSP)
		return false;
	if (no_line_start(cp) || no_line_end(prev))
		return false;
	/* Between CJK characters, and where CJK meets other text. */
	return term_cp_width(prev) == 2 || term_cp_width(cp) == 2;
}

/*
 * Length of the next unbreakable unit starting at s (not at a space), and
 * its columns. Colour sequences and combining marks stay with what they
 * follow; styled text's glued stretches never break.
 */
static size_t next_unit(const char *s, size_t len, int *width)
{
	size_t n = 0;
	unsigned prev = 0; /* the last character that takes columns */
	bool glued = false;

	*width = 0;
	while (n < len) {
		size_t k = sgr_len(s + n, len - n);
		unsigned cp;
		int w;

		if (k) {
			n += k;
			continue;
		}
		if (s[n] == TERM_GLUE_ON && prev && !glued && n + 1 < len) {
			/* A glued stretch may start a line like any other character. */
			term_utf8_decode(s + n + 1, len - n - 1, &cp);
			if (can_break(prev, cp))
				break;
		}
		if (s[n] == TERM_GLUE_ON || s[n] == TERM_GLUE_OFF) {
			glued = s[n] == TERM_GLUE_ON;
			n++;
			continue;
		}
		k = term_utf8_decode(s + n, len - n, &cp);
		w = term_cp_width(cp);
		if (!glued && (cp == ' ' || (prev && w && can_break(prev, cp))))
			break;
		if (w)
			prev = cp;
		*width += w;
		n += k;
	}
	return n;
}

/* Appends a unit; in styled text TERM_NBSP becomes a space and glue goes. */
static void add_unit(struct strbuf *sb, const char *s, size_t n, bool styled)
{
	for (size_t i = 0; i < n; i++) {
		if (!styled)
			strbuf_addc(sb, s[i]);
		else if (s[i] == TERM_NBSP)
			strbuf_addc(sb, ' ');
		else if (s[i] != TERM_GLUE_ON && s[i] != TERM_GLUE_OFF)
			strbuf_addc(sb, s[i]);
	}
}

static void add_spaces(struct strbuf *sb, int n)
{
	while (n-- > 0)
		strbuf_addc(sb, ' ');
}

/*
 * The one wrapping loop. The current line holds col columns; a break starts
 * the next with indent spaces. Lines end by width columns, but always leave
 * at least 10 after the indent, and a unit wider than a line overflows it.
 * Plain text loses its leading spaces and has runs of spaces squeezed;
 * styled text keeps them, except at the start of a continuation line.
 */
static void wrap(struct strbuf *sb, const char *s, size_t len, int col, int indent, int width,
		 bool styled)
{
	int limit = width - indent > 10 ? width : indent + 10;
	bool placed = col > indent; /* something besides the indent: a break may come */
	bool first = true;	    /* still on the first line */
	int spaces = 0;

	while (len) {
		int w, gap;
		size_t n;

		if (*s == ' ') {
			spaces++;
			s++;
			len--;
			continue;
		}
		n = next_unit(s, len, &w);
		if (!w)
			gap = 0;
		else if (styled)
			gap = placed || first ? spaces : 0;
		else
			gap = placed && spaces;
		if (placed && w && col + gap + w > limit) {
			strbuf_addc(sb, '\n');
			add_spaces(sb, indent);
			col = indent;
			gap = 0;
			first = false;
		}
		add_spaces(sb, gap);
		add_unit(sb, s, n, styled);
		col += gap + w;
		placed = placed || w;
		spaces = 0;
		s += n;
		len -= n;
	}
}

void term_wrap(struct strbuf *sb, const char *text, int indent, int width)
{
	add_spaces(sb, indent);
	term_wrap_hanging(sb, text, indent, width);
}

void term_wrap_hanging(struct strbuf *sb, const char *text, int indent, int width)
{
	struct strbuf clean = STRBUF_INIT;

	strbuf_add(sb, "", 0); /* an empty result is still a string */
	term_sanitize(&clean, text, strlen(text));
	wrap(sb, clean.buf, clean.len, indent, indent, width, false);
	strbuf_release(&clean);
}

void term_wrap_styled(struct strbuf *sb, const char *text, int col, int indent, int width)
{
	strbuf_add(sb, "", 0); /* an empty result is still a string */
	wrap(sb, text, strlen(text), col, indent, width, true);
}

void term_add_nobreak(struct strbuf *sb, const char *s)
{
	strbuf_addc(sb, TERM_GLUE_ON);
	for (; *s; s++)
		strbuf_addc(sb, *s == ' ' ? TERM_NBSP : *s);
	strbuf_addc(sb, TERM_GLUE_OFF);
}

int term_width_styled(const char *s)
{
	size_t len = strlen(s);
	int w = 0;

	while (len) {
		size_t k = sgr_len(s, len);
		unsigned cp;

		if (!k && (*s == TERM_GLUE_ON || *s == TERM_GLUE_OFF)) {
			k = 1;
		} else if (!k) {
			k = term_utf8_decode(s, len, &cp);
			w += term_cp_width(cp);
		}
		s += k;
		len -= k;
	}
	return w;
}

void term_pad_cut(struct strbuf *sb, const char *s, int width)
{
	size_t len = strlen(s);
	int w = 0;

	if (term_width(s) <= width) {
		term_pad(sb, s, width);
		return;
	}
	/* Room for the ellipsis, which takes one column. */
	while (len) {
		unsigned cp;
		size_t k = term_utf8_decode(s, len, &cp);

		if (w + term_cp_width(cp) > width - 1)
			break;
		w += term_cp_width(cp);
		strbuf_add(sb, s, k);
		s += k;
		len -= k;
	}
	strbuf_adds(sb, "\xe2\x80\xa6");
	add_spaces(sb, width - 1 - w);
}
