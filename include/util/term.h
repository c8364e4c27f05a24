/* Terminal text: safe output of user text, display width, wrapping, colour. */
#ifndef CRAF_TERM_H
#define CRAF_TERM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "strbuf.h"

enum color_mode {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER,
};

/* Parses "auto", "always", "never"; returns -1 on anything else. */
int term_color_parse(const char *s, enum color_mode *out);

/*
 * Appends s with control characters and escape sequences made visible
 * (^[ for ESC, <U+009B> for C1 controls), and bidirectional controls,
 * zero-width and other invisible characters too (<U+202E>), so user text
 * can neither drive the terminal nor reorder or hide what is around it.
 * Tabs and newlines become spaces. (textsafe_add with no flags.)
 */
void term_sanitize(struct strbuf *sb, const char *s, size_t len);

/* Decodes one UTF-8 character; returns its length (1 for a bad byte). */
size_t term_utf8_decode(const char *s, size_t len, unsigned *cp);
/* Columns a code point takes: 0, 1 or 2. */
int term_cp_width(unsigned cp);
/* Columns the string takes. */
int term_width(const char *s);
/* Columns taken by the first n characters of s. */
int term_width_prefix(const char *s, int n);

/* Output widths craf accepts, and the one it assumes when nothing says otherwise. */
#define TERM_WIDTH_MIN	   40
#define TERM_WIDTH_MAX	   1000
#define TERM_WIDTH_DEFAULT 80
/* Prose is never wider than this, however wide the terminal: long lines are hard to read. */
#define TERM_PROSE_MAX 100
/* The width prose wraps to on output width columns wide. */
int term_prose_width(int width);

/*
 * Appends text wrapped to width columns; every line starts with indent
 * spaces (the first too). Breaks at spaces, and between CJK characters
 * (never before closing punctuation or after opening punctuation). A word
 * wider than the line is never cut.
 */
void term_wrap(struct strbuf *sb, const char *text, int indent, int width);
/* As term_wrap, but the first line continues the current one (no indent). */
void term_wrap_hanging(struct strbuf *sb, const char *text, int indent, int width);

/*
 * Marks for term_wrap_styled, which safe text (term_sanitize) cannot hold:
 * a space never broken at, written out as a plain space; and the bounds of
 * a stretch never broken, CJK included, which take no columns.
 */
#define TERM_NBSP     '\x1f'
#define TERM_GLUE_ON  '\x1e'
#define TERM_GLUE_OFF '\x1d'
/* Appends s (already safe) as one stretch term_wrap_styled never breaks. */
void term_add_nobreak(struct strbuf *sb, const char *s);
/*
 * Wraps text a renderer built: already safe (term_sanitize) but possibly
 * holding colour sequences (ESC [ ... m), which take no columns, and the
 * marks above. TERM_NBSP also keeps its neighbours together. The first
 * line continues the current one at column col; the others start with
 * indent spaces. Runs of spaces are kept within a line (they align
 * columns) and dropped at a break.
 */
void term_wrap_styled(struct strbuf *sb, const char *text, int col, int indent, int width);
/* Columns s takes, colour sequences and glue marks not counted. */
int term_width_styled(const char *s);
/*
 * Appends s (already safe) cut to at most width columns, ending in an
 * ellipsis when cut, then spaces up to width columns.
 */
void term_pad_cut(struct strbuf *sb, const char *s, int width);
/* Appends s then spaces up to width columns. */
void term_pad(struct strbuf *sb, const char *s, int width);

#endif
