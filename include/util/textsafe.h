/* Which characters of untrusted text may reach an output as themselves: one answer for all. */
#ifndef CRAF_TEXTSAFE_H
#define CRAF_TEXTSAFE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

enum textsafe_kind {
	TEXTSAFE_PLAIN,	    /* shows as itself */
	TEXTSAFE_CONTROL,   /* C0 controls (tab, LF, CR included), DEL, C1 controls */
	TEXTSAFE_BIDI,	    /* reorders the text around it: LRM, RLM, ALM, embeddings,
			       overrides, isolates */
	TEXTSAFE_INVISIBLE, /* shows as nothing: zero-width characters, joiners, the BOM,
			       tags, fillers, other format characters */
	TEXTSAFE_SEPARATOR, /* U+2028, U+2029: a line break to some programs, nothing to others */
	TEXTSAFE_LOOKALIKE, /* shows as a plain space or not at all but is something else:
			       no-break and other spaces, variation selectors */
};

enum textsafe_kind textsafe_kind(unsigned cp);
/*
 * Whether outputs show cp by its code (<U+202E>) rather than as itself:
 * controls, bidirectional controls, invisible characters and separators.
 * Look-alikes are shown as themselves in reports (they are ordinary in
 * names and emoji); diagnostics show those too.
 */
bool textsafe_hidden(unsigned cp);
/* Whether cp is a right-to-left letter or digit (Hebrew, Arabic, Syriac, ...). */
bool textsafe_rtl(unsigned cp);

/* textsafe_add flags: which whitespace controls stay as they are. */
#define TEXTSAFE_KEEP_TAB     1u
#define TEXTSAFE_KEEP_NEWLINE 2u

/*
 * Appends s (len bytes) with every hidden character made visible: C0
 * controls as ^[ (caret notation), DEL as ^?, C1 controls and the other
 * hidden characters as <U+009B>, a byte that is not UTF-8 as <0xFF>. Tab,
 * line feed and carriage return become one space each, unless flags keep
 * tab or line feed. Always leaves sb a string.
 */
void textsafe_add(struct strbuf *sb, const char *s, size_t len, unsigned flags);

#endif
