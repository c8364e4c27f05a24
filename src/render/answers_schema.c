/* The answers file as a JSON Schema, so an editor flags an unknown id or a missing note as it is
 * typed. */
#include "answers_schema.h"

#include <stdio.h>

#include "answers.h"
#include "jsonw.h"
#include "level.h"
#include "risk.h"

#define DATE_PATTERN "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
/* As ids_check's slugs (docs/catalogue.md). */
#define SLUG_PATTERN "^[a-z0-9][a-z0-9-]{0,63}$"

static void ref(struct jsonw *w, const char *key, const char *def)
{
	char path[64];

	snprintf(path, sizeof(path), "#/$defs/%s", def);
	jsonw_object(w, key);
	jsonw_str(w, "$ref", path);
	jsonw_end(w);
}

/* {"required": [names...]} */
static void required(struct jsonw *w, const char *const *names, size_t n)
{
	jsonw_strs(w, "required", names, n);
}

/*
 * key: an object with these required members and no others; leaves its
 * "properties" open for the caller, who ends both.
 */
static void closed_object(struct jsonw *w, const char *key, const char *const *names, size_t n)
{
	jsonw_object(w, key);
	jsonw_str(w, "type", "object");
	required(w, names, n);
	jsonw_bool(w, "additionalProperties", false);
	jsonw_object(w, "properties");
}

/* "if": {"properties": {"status": {"enum": statuses}}} */
static void if_status(struct jsonw *w, const char *const *statuses, size_t n)
{
	jsonw_object(w, "if");
	jsonw_object(w, "properties");
	jsonw_object(w, "status");
	jsonw_strs(w, "enum", statuses, n);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
}

static void def_text(struct jsonw *w)
{
	jsonw_object(w, "text");
	jsonw_str(w, "description", "Text: not empty, not only white space.");
	jsonw_str(w, "type", "string");
	jsonw_int(w, "minLength", 1);
	jsonw_str(w, "pattern", "\\S");
	jsonw_end(w);
}

static void def_date(struct jsonw *w)
{
	jsonw_object(w, "date");
	jsonw_str(w, "description", "A date, YYYY-MM-DD.");
	jsonw_str(w, "type", "string");
	jsonw_str(w, "format", "date");
	jsonw_str(w, "pattern", DATE_PATTERN);
	jsonw_end(w);
}

/* The short form takes only the statuses that need nothing more. */
static void def_answer(struct jsonw *w)
{
	const char *bare[] = {status_name(STATUS_MET), status_name(STATUS_PARTIAL),
			      status_name(STATUS_NOT_MET), status_name(STATUS_UNANSWERED)};
	const char *need_note[] = {status_name(STATUS_COMPENSATING),
				   status_name(STATUS_NOT_APPLICABLE)};
	const char *inherited[] = {status_name(STATUS_INHERITED)};
	const char *accepted[] = {status_name(STATUS_RISK_ACCEPTED)};
	const char *note[] = {"note"}, *evidence[] = {"evidence"}, *file_date[] = {"file", "date"},
		   *note_expires[] = {"note", "expires"};
	const char *status[] = {"status"}, *remediation[] = {"action", "owner", "due"};

	jsonw_object(w, "status");
	jsonw_str(w, "description",
		  "met, compensating, not-applicable and inherited achieve the requirement; "
		  "partial, not-met, risk-accepted and unanswered do not.");
	jsonw_strs(w, "enum", status_names, STATUS_COUNT);
	jsonw_end(w);

	jsonw_object(w, "answer");
	jsonw_str(w, "description",
		  "A bare status (met, partial, not-met or unanswered), or a mapping with "
		  "\"status\" and what it needs.");
	jsonw_array(w, "oneOf", false);
	jsonw_object(w, NULL);
	jsonw_strs(w, "enum", bare, sizeof(bare) / sizeof(*bare));
	jsonw_end(w);
	ref(w, NULL, "long-answer");
	jsonw_end(w);
	jsonw_end(w);

	closed_object(w, "long-answer", status, 1);
	ref(w, "status", "status");
	jsonw_object(w, "evidence");
	jsonw_str(w, "description",
		  "Document references, ticket ids: one item each; or a file, as {file, date, "
		  "title}, relative to the answers file's directory (docs/answers.md).");
	jsonw_str(w, "type", "array");
	jsonw_object(w, "items");
	jsonw_array(w, "anyOf", false);
	ref(w, NULL, "text");
	closed_object(w, NULL, file_date, 2);
	ref(w, "file", "text");
	ref(w, "date", "date");
	ref(w, "title", "text");
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	ref(w, "note", "text");
	closed_object(w, "remediation", remediation, 3);
	ref(w, "action", "text");
	ref(w, "owner", "text");
	ref(w, "due", "date");
	jsonw_end(w);
	jsonw_end(w);
	ref(w, "expires", "date");
	jsonw_end(w);

	/* What each status needs (docs/answers.md, "Statuses"). */
	jsonw_array(w, "allOf", false);
	jsonw_object(w, NULL);
	if_status(w, need_note, 2);
	jsonw_object(w, "then");
	required(w, note, 1);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_object(w, NULL);
	if_status(w, inherited, 1);
	jsonw_object(w, "then");
	required(w, evidence, 1);
	jsonw_object(w, "properties");
	jsonw_object(w, "evidence");
	jsonw_int(w, "minItems", 1);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_object(w, NULL);
	if_status(w, accepted, 1);
	jsonw_object(w, "then");
	required(w, note_expires, 2);
	jsonw_end(w);
	jsonw_object(w, "else");
	jsonw_object(w, "not");
	required(w, (const char *[]){"expires"}, 1);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
}

/* levels-N: a principle with its first N levels, one answer under each level given. */
static void def_levels(struct jsonw *w, int n)
{
	char name[16];

	snprintf(name, sizeof(name), "levels-%d", n);
	jsonw_object(w, name);
	jsonw_str(w, "type", "object");
	jsonw_int(w, "minProperties", 1);
	jsonw_bool(w, "additionalProperties", false);
	jsonw_object(w, "properties");
	for (int l = 0; l < n; l++)
		ref(w, level_name((enum level)l), "answer");
	jsonw_end(w);
	jsonw_end(w);
}

static void def_inherent_risk(struct jsonw *w, const struct catalogue *cat)
{
	const char *indicator[] = {"category", "name", "rating"};
	const char *override[] = {"rating", "justification"};
	const char *indicators[] = {"indicators"};

	jsonw_object(w, "rating");
	jsonw_strs(w, "enum", risk_names, RISK_COUNT);
	jsonw_end(w);

	jsonw_object(w, "inherent-risk");
	jsonw_str(w, "description",
		  "A rating (low, medium, high), or the indicators it is derived from by the "
		  "majority rule.");
	jsonw_array(w, "oneOf", false);
	ref(w, NULL, "rating");
	closed_object(w, NULL, indicators, 1);
	jsonw_object(w, "rule");
	jsonw_str(w, "const", "majority");
	jsonw_end(w);
	jsonw_object(w, "indicators");
	jsonw_str(w, "type", "array");
	jsonw_int(w, "minItems", 1);
	closed_object(w, "items", indicator, 3);
	jsonw_object(w, "category");
	if (cat->nrisk_categories) {
		jsonw_array(w, "enum", true);
		for (size_t i = 0; i < cat->nrisk_categories; i++)
			jsonw_str(w, NULL, cat->risk_categories[i].id);
		jsonw_end(w);
	} else {
		jsonw_str(w, "type", "string");
		jsonw_str(w, "pattern", SLUG_PATTERN);
	}
	jsonw_end(w);
	ref(w, "name", "text");
	ref(w, "rating", "rating");
	ref(w, "note", "text");
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	closed_object(w, "override", override, 2);
	ref(w, "rating", "rating");
	ref(w, "justification", "text");
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
	jsonw_end(w);
}

static void answers_property(struct jsonw *w, const struct catalogue *cat)
{
	jsonw_object(w, "answers");
	jsonw_str(w, "description", "From control id (quoted: \"3.1.2\") to its answers.");
	jsonw_str(w, "type", "object");
	jsonw_bool(w, "additionalProperties", false);
	jsonw_object(w, "properties");
	for (size_t i = 0; i < cat->nprinciples; i++) {
		const struct cat_principle *p = &cat->principles[i];
		char def[32];

		/* One requirement for all levels: answered directly, with no level keys. */
		if (p->single)
			snprintf(def, sizeof(def), "#/$defs/answer");
		else
			snprintf(def, sizeof(def), "#/$defs/levels-%d", p->nlevels);
		jsonw_object(w, p->id);
		jsonw_str(w, "description", p->name.en);
		jsonw_str(w, "$ref", def);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_end(w);
}

void answers_schema_json(struct strbuf *out, const struct catalogue *cat)
{
	const char *top[] = {"version", "institution", "assessment_date", "answers"};
	const char *risk[] = {"inherent_risk"}, *target[] = {"target"};
	struct strbuf title = STRBUF_INIT;
	struct jsonw w;

	strbuf_addf(&title, "craf answers file for %s %s", cat->framework, cat->version);
	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_str(&w, "$schema", "https://json-schema.org/draft/2020-12/schema");
	jsonw_str(&w, "title", title.buf);
	jsonw_str(&w, "description",
		  "Written by craf catalogue schema for this catalogue (docs/answers.md). "
		  "craf validate checks what a schema cannot: dates on the calendar, an "
		  "indicator given twice.");
	jsonw_str(&w, "type", "object");
	required(&w, top, 4);
	jsonw_array(&w, "anyOf", false);
	jsonw_object(&w, NULL);
	required(&w, risk, 1);
	jsonw_end(&w);
	jsonw_object(&w, NULL);
	required(&w, target, 1);
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_bool(&w, "additionalProperties", false);
	jsonw_object(&w, "properties");
	jsonw_object(&w, "version");
	jsonw_str(&w, "description", "The format version: 1.");
	jsonw_int(&w, "const", 1);
	jsonw_end(&w);
	ref(&w, "institution", "text");
	ref(&w, "assessment_date", "date");
	ref(&w, "assessor", "text");
	ref(&w, "scope", "text");
	ref(&w, "inherent_risk", "inherent-risk");
	jsonw_object(&w, "target");
	jsonw_str(&w, "description", "The target maturity; wins over inherent_risk.");
	jsonw_strs(&w, "enum", level_names, LEVEL_COUNT);
	jsonw_end(&w);
	answers_property(&w, cat);
	jsonw_end(&w);
	jsonw_object(&w, "$defs");
	def_text(&w);
	def_date(&w);
	def_answer(&w);
	for (int n = 1; n <= LEVEL_COUNT; n++)
		def_levels(&w, n);
	def_inherent_risk(&w, cat);
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
	strbuf_release(&title);
}
