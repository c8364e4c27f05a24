/* An answers model written back as an answers file in YAML (docs/answers.md): craf convert. */
#ifndef CRAF_ANSWERS_YAML_H
#define CRAF_ANSWERS_YAML_H

#include "answers.h"
#include "catalogue.h"

struct txt_out;
/*
 * Writes a (checked against cat) as YAML that loads back into the same
 * model: the header, the inherent risk (a rating, or the indicators and
 * their override), then each answer given, in catalogue order, a bare
 * status where nothing else is said. User text is double-quoted with
 * escapes, so every character comes back as it was and none reaches a
 * terminal raw.
 */
void answers_yaml_render(struct txt_out *out, const struct catalogue *cat, const struct answers *a);

#endif
