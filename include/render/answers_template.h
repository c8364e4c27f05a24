/* The YAML answers template of craf init (docs/answers.md). */
#ifndef CRAF_ANSWERS_TEMPLATE_H
#define CRAF_ANSWERS_TEMPLATE_H

#include "catalogue.h"
#include "date.h"
#include "i18n.h"
#include "level.h"

struct txt_out;
/*
 * Every requirement of cat as "unanswered", with its text as comments in
 * lang; "target: LEVEL" when target is set, else an inherent-risk line.
 * Catalogue text goes through the text writer, so a line break in it cannot
 * end a comment.
 */
void answers_template_render(struct txt_out *out, const struct catalogue *cat, enum level target,
			     enum lang lang, struct date today);

#endif
