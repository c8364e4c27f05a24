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
/* NO_COLOR wins, then the mode, then whether out is a terminal. */
bool term_use_color(FILE *out, enum color_mode mode);

/*
 * Appends s with control characters and escape sequences made visible
 * (^[ for ESC, <U+009B> for C1 controls), so user text cannot drive the
 * terminal. Tabs and newlines become spaces.
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

/*
 * Appends text wrapped to width columns; every line starts with indent
 * spaces (the first too). Breaks at spaces, and between CJK characters.
 */
void term_wrap(struct strbuf *sb, const char *text, int indent, int width);
/* As term_wrap, but the first line continues the current one (no indent). */
void term_wrap_hanging(struct strbuf *sb, const char *text, int indent, int width);
/* Appends s then spaces up to width columns. */
void term_pad(struct strbuf *sb, const char *s, int width);

#endif
