/* Writes a tree of strings (ytree.h) as block YAML, noting where each line came from. */
#ifndef CRAF_YAML_EMIT_H
#define CRAF_YAML_EMIT_H

#include "ytree.h"

struct txt_out;
/*
 * Writes root (a mapping) as a YAML document that reads back to the same
 * strings: one scalar a line; plain where that is unambiguous, a literal
 * block for multi-line text, else double-quoted with escapes (so a control
 * or invisible character, a line break or a quote survives, and none
 * reaches a terminal raw). Every scalar reads back as a string. Adds one
 * entry to lines (when not NULL) for each line written. Deterministic: the
 * same tree gives the same bytes.
 */
void yaml_emit(struct txt_out *out, const struct ytree *root, struct ytree_lines *lines);
/*
 * s as a YAML double-quoted scalar through out: quotes and backslashes
 * escaped, and every character a reader or the text writer would not keep
 * as itself (line breaks, controls, hidden characters) as an escape.
 */
void yaml_quoted(struct txt_out *out, const char *s);

#endif
