/* The one classification of characters that must not reach an output as themselves. */
#include "textsafe.h"

#include "term.h"

enum textsafe_kind textsafe_kind(unsigned cp)
{
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
		return TEXTSAFE_CONTROL;
	if (cp < 0xa0)
		return TEXTSAFE_PLAIN;
	if (cp == 0x61c || (cp >= 0x200e && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069))
		return TEXTSAFE_BIDI;
	if (cp == 0x2028 || cp == 0x2029)
		return TEXTSAFE_SEPARATOR;
	if (cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x202f || cp == 0x205f ||
	    cp == 0x2800 || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef))
		return TEXTSAFE_LOOKALIKE;
	if (cp == 0xad || cp == 0x34f || cp == 0x115f || cp == 0x1160 || cp == 0x17b4 ||
	    cp == 0x17b5 || cp == 0x180e || (cp >= 0x200b && cp <= 0x200d) ||
	    (cp >= 0x2060 && cp <= 0x2065) || (cp >= 0x206a && cp <= 0x206f) || cp == 0x3164 ||
	    cp == 0xfeff || cp == 0xffa0 || (cp >= 0xfff9 && cp <= 0xfffb) ||
	    (cp >= 0x1d173 && cp <= 0x1d17a) || (cp >= 0xe0000 && cp <= 0xe0fff))
		return TEXTSAFE_INVISIBLE;
	return TEXTSAFE_PLAIN;
}

bool textsafe_hidden(unsigned cp)
{
	enum textsafe_kind k = textsafe_kind(cp);

	return k != TEXTSAFE_PLAIN && k != TEXTSAFE_LOOKALIKE;
}

bool textsafe_rtl(unsigned cp)
{
	return (cp >= 0x590 && cp <= 0x8ff) || (cp >= 0xfb1d && cp <= 0xfdff) ||
	       (cp >= 0xfe70 && cp <= 0xfefe) || (cp >= 0x10800 && cp <= 0x10fff) ||
	       (cp >= 0x1e800 && cp <= 0x1efff);
}

/* Bytes of s's next character, its code point, and whether it is a byte that is not UTF-8. */
static size_t next(const char *s, size_t len, unsigned *cp, bool *bad)
{
	size_t k = term_utf8_decode(s, len, cp);

	*bad = *cp == 0xfffd && k == 1 && (unsigned char)*s >= 0x80;
	return k;
}

static bool kept(unsigned cp, unsigned flags)
{
	return (cp == '\t' && (flags & TEXTSAFE_KEEP_TAB)) ||
	       (cp == '\n' && (flags & TEXTSAFE_KEEP_NEWLINE));
}

void textsafe_add(struct strbuf *sb, const char *s, size_t len, unsigned flags)
{
	strbuf_add(sb, "", 0); /* an empty result is still a string */
	while (len) {
		unsigned cp;
		bool bad;
		size_t k = next(s, len, &cp, &bad);

		if (bad)
			strbuf_addf(sb, "<0x%02X>", (unsigned char)*s);
		else if (!textsafe_hidden(cp) || kept(cp, flags))
			strbuf_add(sb, s, k);
		else if (cp == '\t' || cp == '\n' || cp == '\r')
			strbuf_addc(sb, ' ');
		else if (cp < 0x20 || cp == 0x7f) {
			strbuf_addc(sb, '^');
			strbuf_addc(sb, cp == 0x7f ? '?' : (char)(cp + 0x40));
		} else
			strbuf_addf(sb, "<U+%04X>", cp);
		s += k;
		len -= k;
	}
}
