/* Unit tests for loading a saved JSON report: what it restores and every damage it refuses. */
#include "testutil.h"

#include "report_json.h"
#include "report_load.h"
#include "result.h"
#include "strbuf.h"

/*
 * Fixtures, written by craf assess --format json on the mini catalogue:
 * M has no inherent risk and an explicit target; I rates risk by indicators
 * with an override, and has an overdue remediation and an expired risk
 * acceptance; S states the rating, from which the target follows.
 */
enum fixture { M, I, S, E, NFIXTURES };

static const char *const fixture_paths[NFIXTURES] = {
	CRAF_TEST_DATA "/../bad/report/ok-mini.json",
	CRAF_TEST_DATA "/report/indicators.json",
	CRAF_TEST_DATA "/report/stated.json",
	/* craf-report/2 with file evidence, one file stale (tests/data/report/evidence/) */
	CRAF_TEST_DATA "/report/evidence.json",
};
static char *fixtures[NFIXTURES];

static int read_fixtures(void **state)
{
	(void)state;
	for (int f = 0; f < NFIXTURES; f++) {
		FILE *in = fopen(fixture_paths[f], "rb");
		struct strbuf sb = STRBUF_INIT;
		char buf[4096];
		size_t n;

		if (!in)
			return -1;
		while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
			strbuf_add(&sb, buf, n);
		fclose(in);
		fixtures[f] = strbuf_detach(&sb);
	}
	return 0;
}

static int free_fixtures(void **state)
{
	(void)state;
	for (int f = 0; f < NFIXTURES; f++)
		free(fixtures[f]);
	return 0;
}

/* The end of the JSON value that starts at s (after any white space). */
static const char *value_end(const char *s)
{
	int depth = 0;

	while (*s == ' ' || *s == '\n')
		s++;
	do {
		if (*s == '"') {
			for (s++; *s != '"'; s++)
				if (*s == '\\')
					s++;
			s++;
		} else if (*s == '{' || *s == '[') {
			depth++;
			s++;
		} else if (*s == '}' || *s == ']') {
			depth--;
			s++;
		} else if (depth) {
			s++;
		} else {
			while (*s && !strchr(",}]\n", *s))
				s++;
		}
	} while (depth > 0);
	return s;
}

/*
 * A copy of text with the value after the nth (1-based) occurrence of key
 * replaced by value; the whole text when key is NULL.
 */
static char *with_value(const char *text, const char *key, int nth, const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	const char *at = text, *end;

	if (!key)
		return strdup(value);
	for (int i = 0; i < nth; i++) {
		at = strstr(i ? at + 1 : at, key);
		if (!at)
			fail_msg("\"%s\" occurs fewer than %d times", key, nth);
	}
	at += strlen(key);
	end = value_end(at);
	strbuf_add(&sb, text, (size_t)(at - text));
	strbuf_adds(&sb, value);
	strbuf_adds(&sb, end);
	return strbuf_detach(&sb);
}

/* Parses and loads text as a saved report; returns the loader's status. */
static int load(const char *text, struct result *r, struct diag_list *dl)
{
	struct ydoc doc;
	int ret;

	ydoc_init(&doc);
	result_init(r);
	ret = ydoc_read_buffer(&doc, "r.json", text, strlen(text), dl) ||
			      ydoc_parse_json(&doc, dl) || report_load_json(r, &doc, dl)
		      ? -1
		      : 0;
	ydoc_release(&doc);
	return ret;
}

struct bad_case {
	const char *name;
	enum fixture fixture;
	const char *key; /* the value after its nth occurrence is replaced */
	int nth;
	const char *value;
	int line, col;
	const char *message; /* the whole message */
};

#define DAMAGED	   " (the report was edited or is damaged)"
#define TIME_SHAPE " (expected UTC in RFC 3339, as in 2026-11-01T09:30:00Z)"
#define SHA_M	   "\"c69ed3ce8882094679ddb20f68911891603c445cd55c6e2daaa4c9354627c75b\""

static const struct bad_case bad_cases[] = {
	/* The document */
	{"not an object", M, NULL, 0, "[1]", 1, 1,
	 "not a craf JSON report (expected \"schema\": \"craf-report/2\")"},
	{"schema a number", M, "\"schema\": ", 1, "1", 2, 13,
	 "not a craf JSON report (expected \"schema\": \"craf-report/2\")"},
	{"schema of another tool", M, "\"schema\": ", 1, "\"other/1\"", 2, 13,
	 "not a craf JSON report (expected \"schema\": \"craf-report/2\")"},
	{"unknown target source", M, "\"target_source\": ", 1, "\"cli\"", 25, 20,
	 "unknown target_source \"cli\" (expected explicit or inherent_risk)"},
	{"target not from the stated risk", S, "\"target\": ", 1, "\"advanced\"", 33, 13,
	 "the target does not follow from the inherent risk" DAMAGED},
	{"target from a risk not given", S, "\"inherent_risk\": ", 1, "null", 24, 13,
	 "the target does not follow from the inherent risk" DAMAGED},
	{"schema a list", M, "\"schema\": ", 1, "[]", 2, 13,
	 "not a craf JSON report (expected \"schema\": \"craf-report/2\")"},
	{"tool version a number", M, "\"version\": ", 1, "1", 5, 16,
	 "expected text, got an integer (quote it if you mean the text \"1\")"},
	{"tool version too long", M, "\"version\": ", 1,
	 "\"1234567890123456789012345678901234567890123456789012345678901234.5\"", 5, 16,
	 "invalid version \"1234567890123456789012345678901234567890123456789012345678901234.5\" "
	 "(expected letters, digits and . + - ~)"},
	{"digest in capitals", M, "\"sha256\": ", 1,
	 "\"C69ED3CE8882094679DDB20F68911891603C445CD55C6E2DAAA4C9354627C75B\"", 10, 15,
	 "invalid SHA-256 \"C69ED3CE8882094679DDB20F68911891603C445CD55C6E2DAAA4C9354627C75B\" "
	 "(expected 64 lowercase hexadecimal digits)"},
	{"digest a number", M, "\"sha256\": ", 1, "64", 10, 15,
	 "expected text, got an integer (quote it if you mean the text \"64\")"},
	{"builtin a string", M, "\"builtin\": ", 1, "\"no\"", 11, 16,
	 "expected true or false, got a string"},
	{"builtin empty", M, "\"builtin\": ", 1, "null", 11, 16,
	 "expected true or false, got an empty value"},
	{"builtin a number", M, "\"builtin\": ", 1, "0", 11, 16,
	 "expected true or false, got an integer"},
	{"builtin a list", M, "\"builtin\": ", 1, "[]", 11, 16,
	 "expected true or false, got a list"},
	/* The time it was written */
	{"time without T", M, "\"generated_at\": ", 1, "\"2026-11-18 11:06:40Z\"", 438, 19,
	 "invalid time \"2026-11-18 11:06:40Z\"" TIME_SHAPE},
	{"time with a letter", M, "\"generated_at\": ", 1, "\"2026-11-18T1a:06:40Z\"", 438, 19,
	 "invalid time \"2026-11-18T1a:06:40Z\"" TIME_SHAPE},
	{"time with a sign", M, "\"generated_at\": ", 1, "\"2026-11-18T1!:06:40Z\"", 438, 19,
	 "invalid time \"2026-11-18T1!:06:40Z\"" TIME_SHAPE},
	{"time without Z", M, "\"generated_at\": ", 1, "\"2026-11-18T11:06:40\"", 438, 19,
	 "invalid time \"2026-11-18T11:06:40\"" TIME_SHAPE},
	{"time with more after it", M, "\"generated_at\": ", 1, "\"2026-11-18T11:06:40Z1\"", 438,
	 19, "invalid time \"2026-11-18T11:06:40Z1\"" TIME_SHAPE},
	{"time on no real day", M, "\"generated_at\": ", 1, "\"2026-02-30T11:06:40Z\"", 438, 19,
	 "invalid time \"2026-02-30T11:06:40Z\"" TIME_SHAPE},
	{"hour 24", M, "\"generated_at\": ", 1, "\"2026-11-18T24:00:00Z\"", 438, 19,
	 "invalid time \"2026-11-18T24:00:00Z\"" TIME_SHAPE},
	{"minute 60", M, "\"generated_at\": ", 1, "\"2026-11-18T23:60:00Z\"", 438, 19,
	 "invalid time \"2026-11-18T23:60:00Z\"" TIME_SHAPE},
	{"second 61", M, "\"generated_at\": ", 1, "\"2026-11-18T23:59:61Z\"", 438, 19,
	 "invalid time \"2026-11-18T23:59:61Z\"" TIME_SHAPE},
	{"time a number", M, "\"generated_at\": ", 1, "2026", 438, 19,
	 "expected text, got an integer (quote it if you mean the text \"2026\")"},
	/* Domains */
	{"domains not a list", M, "\"domains\": ", 1, "5", 28, 14,
	 "expected a list for domains, got an integer"},
	{"domain levels without advanced", M, "\"levels\": ", 1,
	 "{\"baseline\": {\"required\": 4, \"achieved\": 4}, \"intermediate\": {\"required\": 3, "
	 "\"achieved\": 1}}",
	 37, 17, "missing required key \"advanced\" in levels"},
	{"count too large", M, "\"required\": ", 1, "100000001", 39, 23, "count out of range"},
	{"count as text", M, "\"required\": ", 1, "\"4\"", 39, 23, "expected a count (0 or more)"},
	{"count a list", M, "\"required\": ", 1, "[]", 39, 23, "expected a count (0 or more)"},
	{"domain level a number", M, "\"achieved\": ", 1, "1", 35, 19,
	 "expected text, got an integer (quote it if you mean the text \"1\")"},
	{"components not a list", M, "\"components\": ", 1, "\"none\"", 51, 21,
	 "expected a list for components, got a string"},
	{"component id not two numbers", M, "\"id\": ", 4, "\"1.x\"", 69, 17,
	 "invalid component id \"1.x\" (expected two numbers, as in 3.1)"},
	{"domain twice", M, "\"id\": ", 5, "\"1\"", 78, 5, "domain \"1\" appears twice"},
	{"meets_target tampered", M, "\"meets_target\": ", 1, "true", 36, 23,
	 "\"meets_target\" is recorded as true but the statuses give false" DAMAGED},
	{"required count tampered", M, "\"required\": ", 1, "5", 39, 23,
	 "\"required\" is recorded as 5 but the statuses give 4" DAMAGED},
	/* Products */
	{"products not a list", M, "\"products\": ", 6, "{}", 362, 15,
	 "expected a list for products, got a mapping"},
	{"product twice", M, "\"products\": ", 6,
	 "[{\"id\": \"p1\", \"abbr\": \"P1\", \"name\": {\"en\": \"P\", \"zh\": null}}, "
	 "{\"id\": \"p1\", \"abbr\": \"P1\", \"name\": {\"en\": \"P\", \"zh\": null}}]",
	 362, 77, "product \"p1\" appears twice"},
	/* Controls */
	{"controls not a list", M, "\"controls\": ", 1, "{}", 112, 15,
	 "expected a list for controls, got a mapping"},
	{"control in an unknown domain", M, "\"domain\": ", 1, "\"9\"", 115, 17,
	 "control 1.1.1 names domain \"9\", which is not in \"domains\""},
	{"control naming another domain's component", M, "\"domain\": ", 1, "\"2\"", 116, 20,
	 "control 1.1.1 names component \"1.1\", which is not in domain 2"},
	{"control naming a component past the domain's", M, "\"domain\": ", 4, "\"2\"", 250, 20,
	 "control 1.10.1 names component \"1.10\", which is not in domain 2"},
	{"control outside its component", M, "\"component\": ", 1, "\"1.7\"", 116, 20,
	 "control 1.1.1 names component \"1.7\", which it is not part of"},
	{"control naming an unknown component", M,
	 "\"id\": \"1.1.1\",\n      \"domain\": \"1\",\n      \"component\": \"1.1\"", 0,
	 "\"id\": \"1.7.1\",\n      \"domain\": \"1\",\n      \"component\": \"1.7\"", 116, 20,
	 "control 1.7.1 names component \"1.7\", which is not in domain 1"},
	{"control twice", M, "\"id\": \"1.1.2\"", 0, "\"id\": \"1.1.1\"", 175, 5,
	 "control 1.1.1 appears twice"},
	{"control products not a list", M, "\"products\": ", 1, "\"p1\"", 124, 19,
	 "expected a list for products, got a string"},
	{"control product a number", M, "\"products\": ", 1, "[1]", 124, 20,
	 "expected text, got an integer (quote it if you mean the text \"1\")"},
	{"unknown responsibility", M, "\"responsibility\": ", 1, "\"vendor\"", 121, 25,
	 "unknown responsibility \"vendor\" (expected one of: customer, shared, provider)"},
	{"responsibility a number", M, "\"responsibility\": ", 1, "7", 121, 25,
	 "expected text, got an integer (quote it if you mean the text \"7\")"},
	{"levels not a list", M, "\"levels\": ", 3, "{}", 125, 17,
	 "expected a list for levels, got a mapping"},
	{"no levels", M, "\"levels\": ", 3, "[]", 125, 17, "control 1.1.1 has 0 levels"},
	{"four levels", M, "\"levels\": ", 3, "[1, 2, 3, 4]", 125, 17,
	 "control 1.1.1 has 4 levels"},
	{"two levels for all levels", M, "\"levels\": ", 4, "[1, 2]", 187, 17,
	 "control 1.1.2 has 2 levels"},
	{"levels out of order", M, "\"level\": ", 1, "\"intermediate\"", 127, 20,
	 "levels must run baseline, intermediate, advanced in order"},
	{"level a number", M, "\"level\": ", 1, "3", 127, 20,
	 "expected text, got an integer (quote it if you mean the text \"3\")"},
	{"status a number", M, "\"status\": ", 1, "0", 132, 21,
	 "expected text, got an integer (quote it if you mean the text \"0\")"},
	{"remediation a number", M, "\"remediation\": ", 1, "5", 136, 26,
	 "expected a mapping for remediation, got an integer"},
	{"achieved claimed", M, "\"achieved\": ", 15, "true", 147, 23,
	 "\"achieved\" is recorded as true but the statuses give false" DAMAGED},
	{"overdue claimed", M, "\"overdue\": ", 1, "true", 150, 26,
	 "\"overdue\" is recorded as true but the statuses give false" DAMAGED},
	{"expired claimed", M, "\"expired\": ", 1, "true", 138, 22,
	 "\"expired\" is recorded as true but the statuses give false" DAMAGED},
	{"overdue tampered", I, "\"overdue\": ", 1, "false", 188, 26,
	 "\"overdue\" is recorded as false but the statuses give true" DAMAGED},
	{"expired tampered", I, "\"expired\": ", 3, "false", 209, 22,
	 "\"expired\" is recorded as false but the statuses give true" DAMAGED},
	/* Inherent risk */
	{"inherent risk a number", I, "\"inherent_risk\": ", 1, "5", 23, 20,
	 "expected a mapping for inherent_risk, got an integer"},
	{"unknown method", I, "\"method\": ", 1, "\"survey\"", 25, 15,
	 "unknown method \"survey\" (expected stated or indicators)"},
	{"indicators without a rule", I, "\"rule\": ", 1, "null", 26, 13,
	 "\"rule\" must be \"majority\" with method \"indicators\""},
	{"stated with a rule", S, "\"rule\": ", 1, "\"majority\"", 26, 13,
	 "\"rule\" must be null with method \"stated\""},
	{"counts without high", I, "\"counts\": ", 1, "{\"low\": 2, \"medium\": 1}", 28, 15,
	 "missing required key \"high\" in counts"},
	{"counts tampered", I, "\"low\": ", 1, "1", 23, 20,
	 "the inherent-risk counts or computed rating do not match the indicators" DAMAGED},
	{"computed rating tampered", I, "\"computed\": ", 1, "\"medium\"", 23, 20,
	 "the inherent-risk counts or computed rating do not match the indicators" DAMAGED},
	{"override without justification", I, "\"override\": ", 1, "{\"rating\": \"high\"}", 33, 17,
	 "missing required key \"justification\" in override"},
	{"rating not the override", I, "\"rating\": ", 1, "\"medium\"", 24, 15,
	 "the inherent-risk rating does not follow from how it was derived" DAMAGED},
	{"ICAST flag tampered", I, "\"icast_required\": ", 1, "false", 24, 15,
	 "the inherent-risk rating does not follow from how it was derived" DAMAGED},
	{"indicators not a list", I, "\"indicators\": ", 1, "{}", 37, 19,
	 "expected a list for indicators, got a mapping"},
	{"indicator twice", I, "\"name\": ", 3, "\"Cloud use\"", 48, 17,
	 "indicator \"Cloud use\" of category tech is given twice (first at line 41)"},
	{"unknown indicator rating", I, "\"rating\": ", 3, "\"severe\"", 42, 19,
	 "unknown risk rating \"severe\" (expected one of: low, medium, high)"},
	{"indicator rating a number", I, "\"rating\": ", 3, "1", 42, 19,
	 "expected text, got an integer (quote it if you mean the text \"1\")"},
	{"indicator category not an id", I, "\"category\": ", 1, "\"Tech\"", 39, 21,
	 "invalid category id \"Tech\" (expected lowercase a-z, 0-9 and -, as in cloud-firewall)"},
	/* Gaps and summary */
	{"gaps not a list", M, "\"gaps\": ", 1, "{}", 372, 11,
	 "expected a list for gaps, got a mapping"},
	{"gap without its level", M, "\"gaps\": ", 1, "[{\"control\": \"2.1.1\"}]", 372, 12,
	 "missing required key \"level\" in gap"},
	{"gap for another control", M, "\"control\": ", 1, "\"1.1.1\"", 373, 5,
	 "gap 1 should be 2.1.1 baseline" DAMAGED},
	{"gap for an unknown control", M, "\"control\": ", 1, "\"9.9.9\"", 373, 5,
	 "gap 1 should be 2.1.1 baseline" DAMAGED},
	{"gap control a list", M, "\"control\": ", 1, "[\"2.1.1\"]", 373, 5,
	 "gap 1 should be 2.1.1 baseline" DAMAGED},
	{"gap level a list", M, "\"level\": ", 13, "[\"baseline\"]", 373, 5,
	 "gap 1 should be 2.1.1 baseline" DAMAGED},
	{"gap at another level", M, "\"level\": ", 13, "\"intermediate\"", 373, 5,
	 "gap 1 should be 2.1.1 baseline" DAMAGED},
	{"summary a list", M, "\"summary\": ", 1, "[]", 427, 14,
	 "expected a mapping for summary, got a list"},
	{"gaps by level without advanced", M, "\"gaps_by_level\": ", 1,
	 "{\"baseline\": 1, \"intermediate\": 3}", 429, 22,
	 "missing required key \"advanced\" in gaps_by_level"},
	{"unanswered tampered", M, "\"unanswered\": ", 1, "3", 434, 19,
	 "\"unanswered\" is recorded as 3 but the statuses give 2" DAMAGED},
};

static void test_bad_reports(void **state)
{
	int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		char *text = c->nth || !c->key
				     ? with_value(fixtures[c->fixture], c->key, c->nth, c->value)
				     : NULL;
		struct diag_list dl = DIAG_LIST_INIT;
		struct result r;
		int found = 0, ret;

		if (!text) {
			/* key is a whole piece of text, replaced by value */
			struct strbuf sb = STRBUF_INIT;
			const char *at = strstr(fixtures[c->fixture], c->key);

			assert_non_null(at);
			strbuf_add(&sb, fixtures[c->fixture], (size_t)(at - fixtures[c->fixture]));
			strbuf_adds(&sb, c->value);
			strbuf_adds(&sb, at + strlen(c->key));
			text = strbuf_detach(&sb);
		}
		ret = load(text, &r, &dl);
		for (size_t k = 0; k < dl.nr; k++)
			if (dl.items[k].line == c->line && dl.items[k].col == c->col &&
			    !strcmp(dl.items[k].message, c->message))
				found = 1;
		if (ret != -1 || !found) {
			fprintf(stderr, "case '%s' (ret %d): expected %d:%d: %s; got:\n", c->name,
				ret, c->line, c->col, c->message);
			for (size_t k = 0; k < dl.nr; k++)
				fprintf(stderr, "  %d:%d: %s [%s]\n", dl.items[k].line,
					dl.items[k].col, dl.items[k].message,
					dl.items[k].excerpt ? dl.items[k].excerpt : "");
			failed++;
		}
		result_release(&r);
		diag_list_release(&dl);
		free(text);
	}
	assert_int_equal(failed, 0);
}

static void test_loads_values(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct result r;
	const struct result_control *c;
	const struct result_level *l;

	(void)state;
	if (load(fixtures[I], &r, &dl))
		tu_dump(&dl);
	assert_int_equal(dl.nr, 0);
	assert_string_equal(r.tool_version, "0.1.0");
	assert_string_equal(r.framework, "Mini framework");
	assert_string_equal(r.catalogue_origin, "mini");
	assert_false(r.catalogue_builtin);
	assert_string_equal(r.answers_path, "ind.yaml");
	assert_string_equal(r.institution, "Test Bank");
	assert_string_equal(r.assessor, "Risk Office");
	assert_string_equal(r.scope, "Hong Kong");
	assert_int_equal(r.as_of.day, 1);
	assert_int_equal(r.target, LEVEL_ADVANCED);
	assert_int_equal(r.target_source, TARGET_INHERENT_RISK);
	assert_string_equal(r.generated_at, "2026-11-30T08:42:35Z");
	/* Inherent risk: indicators, their tally, and the override that decides. */
	assert_int_equal(r.inherent_risk, RISK_HIGH);
	assert_true(r.icast_required);
	assert_true(r.risk.from_indicators);
	assert_int_equal(r.risk.computed, RISK_LOW);
	assert_int_equal(r.risk.counts[RISK_LOW], 2);
	assert_int_equal(r.risk.counts[RISK_MEDIUM], 1);
	assert_int_equal(r.risk.override, RISK_HIGH);
	assert_string_equal(r.risk.justification, "Board decision");
	assert_int_equal(r.risk.nindicators, 3);
	assert_string_equal(r.risk.indicators[0].note, "Little");
	assert_null(r.risk.indicators[0].category_name.en);
	assert_string_equal(r.risk.indicators[2].category, "people");
	/* A control with an overdue remediation and an expired acceptance. */
	assert_int_equal(r.ncontrols, 5);
	c = &r.controls[0];
	assert_string_equal(c->id, "1.1.1");
	assert_int_equal(c->responsibility, RESP_SHARED);
	assert_int_equal(c->nproducts, 1);
	assert_string_equal(r.products[c->products[0]].id, "p1");
	l = &c->levels[1];
	assert_int_equal(l->status, STATUS_PARTIAL);
	assert_true(l->has_remediation);
	assert_string_equal(l->remediation.owner, "CISO");
	assert_int_equal(l->remediation.due.month, 10);
	assert_true(l->overdue);
	assert_int_equal(c->levels[2].status, STATUS_RISK_ACCEPTED);
	assert_true(c->levels[2].expired);
	assert_true(r.controls[1].single);
	assert_string_equal(r.controls[1].levels[0].evidence.items[0], "Provider SOC 2 report");
	assert_int_equal(r.summary.overdue, 1);
	assert_int_equal(r.summary.expired, 1);
	assert_int_equal(r.ngaps, 8);
	result_release(&r);
	diag_list_release(&dl);
}

/* Values that are valid though the fixtures do not hold them. */
static void test_accepted_variants(void **state)
{
	static const struct {
		enum fixture fixture;
		const char *key;
		int nth;
		const char *value;
	} cases[] = {
		{M, "\"generated_at\": ", 1, "\"2026-12-31T23:59:60Z\""}, /* a leap second */
		{M, "\"target_from_command_line\": ", 1, "true"},
		{I, "\"category_name\": ", 1, "{\"en\": \"Technologies\", \"zh\": null}"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *text = with_value(fixtures[cases[i].fixture], cases[i].key, cases[i].nth,
					cases[i].value);
		struct diag_list dl = DIAG_LIST_INIT;
		struct result r;

		if (load(text, &r, &dl)) {
			tu_dump(&dl);
			fail_msg("case %zu refused", i);
		}
		switch (i) {
		case 0:
			assert_string_equal(r.generated_at, "2026-12-31T23:59:60Z");
			break;
		case 1:
			assert_int_equal(r.target_source, TARGET_COMMAND_LINE);
			break;
		case 2:
			assert_string_equal(r.risk.indicators[0].category_name.en, "Technologies");
			break;
		}
		result_release(&r);
		diag_list_release(&dl);
		free(text);
	}
}

/* craf-report/2's evidence, answers files and stale list: each damage refused, by what it says. */
static void test_bad_evidence(void **state)
{
	static const struct {
		const char *key;
		int nth;
		const char *value, *message;
	} cases[] = {
		{"\"size\": ", 2, "-1", "size"},
		{"\"size\": ", 2, "1.5", "size"},
		{"\"size\": ", 2, "99999999999999999999", "size"},
		{"\"size\": ", 1, "\"big\"", "size"},
		{"\"path\": ", 3, "\"\"", "expected text"},
		{"\"path\": ", 3, "\"/etc/passwd\"", "path"},
		{"\"path\": ", 3, "\"docs\\\\p.txt\"", "path"},
		{"\"path\": ", 3, "\"../p.txt\"", "path"},
		{"\"path\": ", 3, "\"docs/./p.txt\"", "path"},
		{"\"path\": ", 3, "\"docs//p.txt\"", "path"},
		{"\"evidence_files\": ", 1, "{}", "evidence_files"},
		{"\"evidence_files\": ", 1, "[3]", "evidence file"},
		{"\"stale\": ", 1, "true", "stale"},
		{"\"files\": ", 1, "{}", "files"},
		{"\"files\": ", 1, "[1]", "answers file"},
		{"\"stale_evidence\": ", 1, "{}", "stale_evidence"},
		{"\"stale_evidence\": ", 1, "[1]", "stale evidence"},
		{"\"control\": \"1.1.1\",\n      \"level\": \"baseline\",\n      \"path\": ", 1,
		 "\"docs/policy.txt\"", "stale"},
		{"\"evidence_max_age_months\": ", 1, "1201", "at most 1200 months"},
		{"\"evidence_max_age_months\": ", 1, "-1", "expected a count"},
	};
	int failed = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *text = with_value(fixtures[E], cases[i].key, cases[i].nth, cases[i].value);
		struct diag_list dl = DIAG_LIST_INIT;
		struct result r;
		int found = 0, ret = load(text, &r, &dl);

		for (size_t k = 0; k < dl.nr; k++)
			found |= strstr(dl.items[k].message, cases[i].message) != NULL;
		if (ret != -1 || !found) {
			fprintf(stderr, "case %zu (%s -> %s): ret %d, no message with \"%s\":\n", i,
				cases[i].key, cases[i].value, ret, cases[i].message);
			tu_dump(&dl);
			failed++;
		}
		result_release(&r);
		diag_list_release(&dl);
		free(text);
	}
	assert_int_equal(failed, 0);
}

/* The evidence fixture loads, and what it records comes back. */
static void test_loads_evidence(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct result r;

	(void)state;
	assert_int_equal(load(fixtures[E], &r, &dl), 0);
	assert_int_equal(r.nstale, 2);
	assert_int_equal(r.nanswers_files, 1);
	assert_int_equal(r.evidence_max_age, 12);
	result_release(&r);
	diag_list_release(&dl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_evidence),	  cmocka_unit_test(test_loads_evidence),
		cmocka_unit_test(test_bad_reports),	  cmocka_unit_test(test_loads_values),
		cmocka_unit_test(test_accepted_variants),
	};

	return cmocka_run_group_tests_name("report_load", tests, read_fixtures, free_fixtures);
}
