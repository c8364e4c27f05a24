/* Unit tests for the answers loader: what it accepts and every mistake it refuses. */
#include "testutil.h"

#include <sys/stat.h>

#include "answers_load.h"
#include "answers_xlsx.h"
#include "strbuf.h"

#define HEAD                                                                                       \
	"version: 1\n"                                                                             \
	"institution: Test Bank\n"                                                                 \
	"assessment_date: 2026-11-01\n"                                                            \
	"inherent_risk: medium\n"

/* The built-in catalogue, loaded once for the group (testutil.h). */
TU_BUILTIN_CATALOGUE_FIXTURE(cat)

/* Loads text as an answers file; returns the loader's status. */
static int load(const char *text, struct answers *a, struct diag_list *dl)
{
	char *path = tu_write_temp_str(text);
	int ret;

	answers_init(a);
	ret = answers_load(a, path, &cat, dl);
	tu_remove(path);
	return ret;
}

struct bad_case {
	const char *name;
	const char *input;
	int line, col;
	const char *message;
};

static const struct bad_case bad_cases[] = {
	{"unknown top-level key", HEAD "colour: red\nanswers: {}\n", 5, 1,
	 "unknown key \"colour\" in the answers file (expected one of: version, institution,"},
	{"unknown control id", HEAD "answers:\n  \"1.2.3\": { baseline: met }\n", 6, 3,
	 "unknown control id \"1.2.3\" (did you mean \"1.2.1\"?)"},
	{"far-off control id", HEAD "answers:\n  \"99.1.1\": { baseline: met }\n", 6, 3,
	 "unknown control id \"99.1.1\" (not in the HKMA C-RAF 2.0 catalogue)"},
	{"level the principle lacks", HEAD "answers:\n  \"4.2.1\":\n    advanced: met\n", 7, 5,
	 "4.2.1 has no advanced requirement (its levels: baseline, intermediate)"},
	{"unknown level", HEAD "answers:\n  \"1.2.1\":\n    basline: met\n", 7, 5,
	 "unknown level \"basline\""},
	{"unknown status", HEAD "answers:\n  \"1.2.1\":\n    baseline: complete\n", 7, 15,
	 "unknown status \"complete\" (expected one of: met, compensating, not-applicable, inherited, partial, not-met, risk-accepted, unanswered)"},
	{"misspelt status", HEAD "answers:\n  \"1.2.1\":\n    baseline: not_met\n", 7, 15,
	 "unknown status \"not_met\" (did you mean \"not-met\"?"},
	{"compensating without note", HEAD "answers:\n  \"1.2.1\":\n    baseline: compensating\n",
	 7, 15, "status \"compensating\" needs a \"note\""},
	{"not-applicable without note",
	 HEAD "answers:\n  \"1.2.1\":\n    baseline: { status: not-applicable }\n", 7, 15,
	 "status \"not-applicable\" needs a \"note\""},
	{"inherited without evidence", HEAD "answers:\n  \"3.1.4\":\n    status: inherited\n", 7, 5,
	 "status \"inherited\" needs \"evidence\""},
	{"inherited with empty evidence",
	 HEAD "answers:\n  \"3.1.4\": { status: inherited, evidence: [] }\n", 6, 12,
	 "status \"inherited\" needs \"evidence\""},
	{"risk accepted without expiry",
	 HEAD
	 "answers:\n  \"1.2.1\":\n    baseline: { status: risk-accepted, note: Board accepted }\n",
	 7, 15, "status \"risk-accepted\" needs an \"expires\" date"},
	{"risk accepted without note",
	 HEAD
	 "answers:\n  \"1.2.1\":\n    baseline: { status: risk-accepted, expires: 2027-01-01 }\n",
	 7, 15, "status \"risk-accepted\" needs a \"note\""},
	{"expires on another status",
	 HEAD "answers:\n  \"1.2.1\":\n    baseline: { status: met, expires: 2027-01-01 }\n", 7, 39,
	 "\"expires\" is only used with status \"risk-accepted\""},
	{"impossible date",
	 "version: 1\ninstitution: B\nassessment_date: 2026-02-30\ntarget: baseline\nanswers: {}\n",
	 3, 18, "invalid date \"2026-02-30\" (expected YYYY-MM-DD"},
	{"malformed date",
	 "version: 1\ninstitution: B\nassessment_date: 1/11/2026\ntarget: baseline\nanswers: {}\n",
	 3, 18, "invalid date \"1/11/2026\""},
	{"malformed due date",
	 HEAD "answers:\n  \"1.2.1\":\n    baseline:\n      status: partial\n"
	      "      remediation: { action: Fix, owner: CISO, due: next year }\n",
	 9, 53, "invalid date \"next year\""},
	{"duplicate control",
	 HEAD "answers:\n  \"1.2.1\": { baseline: met }\n  \"1.2.1\": { baseline: not-met }\n", 7,
	 3, "duplicate key \"1.2.1\" (first at line 6)"},
	{"duplicate level",
	 HEAD "answers:\n  \"1.2.1\":\n    baseline: met\n    baseline: not-met\n", 8, 5,
	 "duplicate key \"baseline\" (first at line 7)"},
	{"levels on a single-requirement principle",
	 HEAD "answers:\n  \"3.1.4\":\n    baseline: met\n", 7, 5,
	 "3.1.4 has one requirement for all levels: give its status directly"},
	{"bare status on a levelled principle", HEAD "answers:\n  \"1.2.1\": met\n", 6, 12,
	 "1.2.1 has levels baseline, intermediate, advanced: give a status under each level"},
	{"empty principle", HEAD "answers:\n  \"1.2.1\":\n", 6, 3, "no answer for 1.2.1"},
	/* An empty mapping says no more than an empty value: refused the same way. */
	{"empty mapping for a principle", HEAD "answers:\n  \"1.2.1\": {}\n", 6, 3,
	 "no answer for 1.2.1 (give a status for each of its levels: baseline, intermediate, advanced)"},
	{"empty mapping for a single-requirement principle", HEAD "answers:\n  \"3.1.4\": {}\n", 6,
	 12, "expected a status or a mapping with \"status\", got an empty mapping"},
	{"empty value for a single-requirement principle", HEAD "answers:\n  \"3.1.4\":\n", 6, 11,
	 "expected a status or a mapping with \"status\", got an empty value"},
	{"empty mapping for a level", HEAD "answers:\n  \"1.2.1\":\n    baseline: {}\n", 7, 15,
	 "expected a status or a mapping with \"status\", got an empty mapping"},
	{"missing institution",
	 "version: 1\nassessment_date: 2026-11-01\ntarget: baseline\nanswers: {}\n", 1, 1,
	 "missing required key \"institution\" in the answers file"},
	{"no target", "version: 1\ninstitution: B\nassessment_date: 2026-11-01\nanswers: {}\n", 1,
	 1, "missing \"inherent_risk\" or \"target\""},
	{"unsupported version",
	 "version: 2\ninstitution: B\nassessment_date: 2026-11-01\ntarget: baseline\nanswers: {}\n",
	 1, 10, "unsupported answers file version \"2\" (this craf reads version 1)"},
	{"integer where text belongs",
	 "version: 1\ninstitution: 12345\nassessment_date: 2026-11-01\ntarget: baseline\nanswers: {}\n",
	 2, 14, "expected text, got an integer (quote it if you mean the text \"12345\")"},
	{"boolean where text belongs",
	 HEAD "answers:\n  \"1.2.1\":\n    baseline: { status: met, note: yes }\n", 7, 36,
	 "expected text, got a boolean"},
	{"string where a list belongs",
	 HEAD "answers:\n  \"1.2.1\":\n    baseline: { status: met, evidence: minutes }\n", 7, 40,
	 "expected a list for this key, got a string"},
	{"remediation without owner",
	 HEAD "answers:\n  \"1.2.1\":\n    baseline:\n      status: partial\n"
	      "      remediation: { action: Fix, due: 2027-01-01 }\n",
	 9, 20, "missing required key \"owner\" in remediation"},
	{"unknown key in an answer",
	 HEAD "answers:\n  \"1.2.1\":\n    baseline: { status: met, evidense: [a] }\n", 7, 30,
	 "unknown key \"evidense\" in answer (did you mean \"evidence\"?)"},
	{"unknown target",
	 "version: 1\ninstitution: B\nassessment_date: 2026-11-01\ntarget: expert\nanswers: {}\n",
	 4, 9, "unknown target level \"expert\""},
	{"unknown inherent risk",
	 "version: 1\ninstitution: B\nassessment_date: 2026-11-01\ninherent_risk: extreme\nanswers: {}\n",
	 4, 16, "unknown risk rating \"extreme\" (expected one of: low, medium, high)"},
	{"answers not a mapping", HEAD "answers: [1.2.1]\n", 5, 10,
	 "expected a mapping for answers (control ids as keys), got a list"},
	{"list for a level's answer", HEAD "answers:\n  \"1.2.1\":\n    baseline: [met]\n", 7, 15,
	 "expected a status or a mapping with \"status\", got a list"},
	{"single-requirement principle with keys but no status",
	 HEAD "answers:\n  \"3.1.4\": { note: Provider runs it }\n", 6, 12,
	 "missing required key \"status\" in answer"},
	{"status on a levelled principle", HEAD "answers:\n  \"1.2.1\": { status: met }\n", 6, 12,
	 "1.2.1 has levels baseline, intermediate, advanced: give a status under each level"},
	{"far-off level", HEAD "answers:\n  \"1.2.1\":\n    expert: met\n", 7, 5,
	 "unknown level \"expert\" (expected one of: baseline, intermediate, advanced)"},
	{"version a list",
	 "version: [1]\ninstitution: B\nassessment_date: 2026-11-01\ntarget: baseline\nanswers: {}\n",
	 1, 10, "expected a scalar for version, got a list"},
	{"version as text",
	 "version: \"1\"\ninstitution: B\nassessment_date: 2026-11-01\ntarget: baseline\nanswers: {}\n",
	 1, 10, "expected the number 1, got the text \"1\" (write version: 1)"},
	{"version as a decimal",
	 "version: 1.0\ninstitution: B\nassessment_date: 2026-11-01\ntarget: baseline\nanswers: {}\n",
	 1, 10, "unsupported answers file version \"1.0\" (this craf reads version 1)"},
	{"number for the inherent risk",
	 "version: 1\ninstitution: B\nassessment_date: 2026-11-01\ninherent_risk: 3\nanswers: {}\n",
	 4, 16, "expected text, got an integer (quote it if you mean the text \"3\")"},
	{"list for the inherent risk",
	 "version: 1\ninstitution: B\nassessment_date: 2026-11-01\ninherent_risk: [low]\nanswers: {}\n",
	 4, 16,
	 "expected a rating (low, medium, high) or a mapping with \"indicators\" for inherent_risk, got a list"},
	{"inherent risk without indicators",
	 "version: 1\ninstitution: B\nassessment_date: 2026-11-01\ninherent_risk:\n  rule: majority\n"
	 "answers: {}\n",
	 5, 3, "missing required key \"indicators\" in inherent_risk"},
	{"indicators not a list",
	 "version: 1\ninstitution: B\nassessment_date: 2026-11-01\ninherent_risk:\n  indicators: none\n"
	 "answers: {}\n",
	 5, 15, "expected a list for indicators, got a string"},
	{"misspelt indicator category",
	 "version: 1\ninstitution: B\nassessment_date: 2026-11-01\ninherent_risk:\n  indicators:\n"
	 "    - { category: technolgies, name: N, rating: low }\nanswers: {}\n",
	 6, 19,
	 "unknown inherent-risk category \"technolgies\" (did you mean \"technologies\"? expected one of: "
	 "technologies, delivery-channels, products-services, organisation, external-threats)"},
	{"number for the target",
	 "version: 1\ninstitution: B\nassessment_date: 2026-11-01\ntarget: 3\nanswers: {}\n", 4, 9,
	 "expected text, got an integer (quote it if you mean the text \"3\")"},
	{"number for the evidence",
	 HEAD "answers:\n  \"3.1.4\": { status: inherited, evidence: 5 }\n", 6, 43,
	 "expected a list for this key, got an integer"},
};

static void test_bad_answers(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct answers a;
		int ret = load(c->input, &a, &dl);

		if (ret != -1 || !tu_has_error(&dl, c->line, c->col, c->message)) {
			fprintf(stderr, "case '%s' (ret %d): expected %d:%d: %s; got:\n", c->name,
				ret, c->line, c->col, c->message);
			tu_dump(&dl);
			fail();
		}
		answers_release(&a);
		diag_list_release(&dl);
	}
}

static void test_all_errors_reported(void **state)
{
	const char *text = HEAD "answers:\n"
				"  \"1.2.1\":\n    baseline: complete\n"
				"  \"9.9.9\": { baseline: met }\n"
				"  \"3.1.4\": { status: compensating }\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;

	(void)state;
	assert_int_equal(load(text, &a, &dl), -1);
	assert_int_equal(dl.errors, 3);
	assert_true(tu_has_error(&dl, 7, 15, "unknown status"));
	assert_true(tu_has_error(&dl, 8, 3, "unknown control id"));
	assert_true(tu_has_error(&dl, 9, 12, "needs a \"note\""));
	answers_release(&a);
	diag_list_release(&dl);
}

static void test_good_answers(void **state)
{
	const char *text =
		"version: 1\n"
		"institution: Example Bank (Hong Kong) Limited\n"
		"assessment_date: 2026-11-01\n"
		"assessor: Head of Cyber Risk\n"
		"scope: Hong Kong operations\n"
		"inherent_risk: high\n"
		"target: intermediate\n"
		"answers:\n"
		"  \"1.2.1\":\n"
		"    baseline: met\n"
		"    intermediate:\n"
		"      status: partial\n"
		"      evidence: [\"Board minutes 2026-03-14, item 5\", roadmap.pdf]\n"
		"      note: Roadmap drafted, not yet approved\n"
		"      remediation: { action: Board approval, owner: CISO, due: 2027-03-31 }\n"
		"    advanced: unanswered\n"
		"  \"3.1.4\":\n"
		"    status: inherited\n"
		"    evidence: [\"Tencent Cloud SOC 2 Type II report, 2026\"]\n"
		"  \"4.2.1\":\n"
		"    baseline: { status: risk-accepted, note: Accepted, expires: 2027-06-30 }\n";
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;
	size_t i121, i314, i421;
	const struct answer *x;

	(void)state;
	if (load(text, &a, &dl))
		tu_dump(&dl);
	assert_int_equal(dl.nr, 0);
	assert_string_equal(a.institution, "Example Bank (Hong Kong) Limited");
	assert_string_equal(a.assessor, "Head of Cyber Risk");
	assert_string_equal(a.scope, "Hong Kong operations");
	assert_int_equal(a.inherent_risk, RISK_HIGH);
	assert_int_equal(a.target, LEVEL_INTERMEDIATE);
	assert_int_equal(a.assessment_date.year, 2026);
	assert_int_equal(a.ngiven, 5);
	assert_int_equal(strlen(a.sha256), 64);
	i121 = (size_t)(catalogue_find(&cat, "1.2.1") - cat.principles);
	i314 = (size_t)(catalogue_find(&cat, "3.1.4") - cat.principles);
	i421 = (size_t)(catalogue_find(&cat, "4.2.1") - cat.principles);
	assert_int_equal(a.levels[i121][0].status, STATUS_MET);
	x = &a.levels[i121][1];
	assert_int_equal(x->status, STATUS_PARTIAL);
	assert_true(x->given);
	assert_int_equal(x->evidence.nr, 2);
	assert_string_equal(x->evidence.items[1], "roadmap.pdf");
	assert_string_equal(x->note, "Roadmap drafted, not yet approved");
	assert_non_null(x->remediation);
	assert_string_equal(x->remediation->owner, "CISO");
	assert_int_equal(x->remediation->due.month, 3);
	assert_int_equal(a.levels[i121][2].status, STATUS_UNANSWERED);
	assert_true(a.levels[i121][2].given);
	assert_int_equal(a.levels[i314][0].status, STATUS_INHERITED);
	assert_int_equal(a.levels[i421][0].status, STATUS_RISK_ACCEPTED);
	assert_int_equal(a.levels[i421][0].expires.day, 30);
	/* Not in the file: unanswered, and not marked as given. */
	assert_int_equal(a.levels[i421][1].status, STATUS_UNANSWERED);
	assert_false(a.levels[i421][1].given);
	answers_release(&a);
	diag_list_release(&dl);
}

struct status_case {
	const char *name;
	enum status status;
	bool achieves;
};

static const struct status_case statuses[] = {
	{"met", STATUS_MET, true},
	{"compensating", STATUS_COMPENSATING, true},
	{"not-applicable", STATUS_NOT_APPLICABLE, true},
	{"inherited", STATUS_INHERITED, true},
	{"partial", STATUS_PARTIAL, false},
	{"not-met", STATUS_NOT_MET, false},
	{"risk-accepted", STATUS_RISK_ACCEPTED, false},
	{"unanswered", STATUS_UNANSWERED, false},
};

static void test_statuses(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		enum status s;

		assert_int_equal(status_parse(statuses[i].name, &s), 0);
		assert_int_equal(s, statuses[i].status);
		assert_string_equal(status_name(s), statuses[i].name);
		assert_int_equal(status_achieves(s), statuses[i].achieves);
	}
	{
		enum status s;

		assert_int_equal(status_parse("done", &s), -1);
	}
	assert_string_equal(status_name(STATUS_COUNT), "unknown");
	assert_string_equal(status_name((enum status) - 1), "unknown");
}

/* Past the error limit, mistakes are still counted and the load still fails. */
static void test_past_the_error_limit(void **state)
{
	struct strbuf text = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;

	(void)state;
	strbuf_adds(&text, HEAD "answers:\n");
	for (int i = 1; i <= DIAG_MAX_ERRORS; i++)
		strbuf_addf(&text, "  \"9.9.%d\": met\n", i);
	strbuf_adds(&text, "  \"9.8.1\": met\n"
			   "  \"1.2.1\": { baseline: complete, basline: met }\n");
	assert_int_equal(load(text.buf, &a, &dl), -1);
	assert_int_equal(dl.nr, DIAG_MAX_ERRORS);
	assert_int_equal(dl.errors, DIAG_MAX_ERRORS + 3);
	assert_int_equal(dl.dropped, 3);
	answers_release(&a);
	diag_list_release(&dl);
	strbuf_release(&text);
}

/* With a catalogue that defines no categories, any category id is taken, and only an id. */
static void test_categories_without_a_catalogue_list(void **state)
{
	static const char *const head = "version: 1\ninstitution: B\nassessment_date: 2026-11-01\n"
					"inherent_risk:\n  indicators:\n";
	struct catalogue mini;
	struct strbuf text = STRBUF_INIT;
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;
	char *path;

	(void)state;
	assert_int_equal(tu_load_catalogue(&mini, CRAF_TEST_DATA "/mini"), 0);
	assert_int_equal(mini.nrisk_categories, 0);
	strbuf_addf(&text, "%s    - { category: cloud-use, name: N, rating: high }\nanswers: {}\n",
		    head);
	path = tu_write_temp_str(text.buf);
	answers_init(&a);
	assert_int_equal(answers_load(&a, path, &mini, &dl), 0);
	assert_string_equal(a.risk.indicators[0].category, "cloud-use");
	assert_int_equal(a.inherent_risk, RISK_HIGH);
	answers_release(&a);
	tu_remove(path);

	strbuf_reset(&text);
	strbuf_addf(&text, "%s    - { category: Cloud Use, name: N, rating: high }\nanswers: {}\n",
		    head);
	path = tu_write_temp_str(text.buf);
	answers_init(&a);
	assert_int_equal(answers_load(&a, path, &mini, &dl), -1);
	assert_true(tu_has_error(
		&dl, 6, 19,
		"invalid category id \"Cloud Use\" (expected lowercase a-z, 0-9 and -"));
	answers_release(&a);
	tu_remove(path);
	catalogue_release(&mini);
	diag_list_release(&dl);
	strbuf_release(&text);
}

static void test_missing_file(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct answers a;

	(void)state;
	answers_init(&a);
	assert_int_equal(answers_load(&a, "/nonexistent/answers.yaml", &cat, &dl), -1);
	assert_int_equal(dl.nr, 1);
	assert_true(tu_has_error(&dl, 1, 1, "cannot open file: No such file or directory"));
	answers_release(&a);
	diag_list_release(&dl);
}

/* Whether loading dir/name gives an error containing message (NULL: loads). */
static void expect_load(const char *dir, const char *name, const char *message)
{
	char path[512];
	struct answers a;
	struct diag_list dl = DIAG_LIST_INIT;
	int ret, found = 0;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	answers_init(&a);
	ret = answers_load(&a, path, &cat, &dl);
	for (size_t k = 0; message && k < dl.nr; k++)
		found |= strstr(dl.items[k].message, message) != NULL;
	if (message ? !ret || !found : ret != 0) {
		fprintf(stderr, "%s: expected %s\n", name, message ? message : "no error");
		tu_dump(&dl);
	}
	assert_int_equal(ret, message ? -1 : 0);
	if (message)
		assert_true(found);
	answers_release(&a);
	diag_list_release(&dl);
}

/* File evidence: where a path may lead, and what it may name. */
static void test_file_evidence(void **state)
{
	static const struct {
		const char *file, *message;
	} cases[] = {
		{"\"docs/p.txt\"", NULL},
		{"\"./docs/./p.txt\"", NULL},
		{"\"inside\"", NULL},
		{"\"\"", "expected text, got an empty value"},
		{"\"docs\\\\p.txt\"", "has a backslash or a line break in its path"},
		{"\"../p.txt\"", "leaves the answers file's directory"},
		{"\"docs/../../p.txt\"", "leaves the answers file's directory"},
		{"\"/etc/hostname\"", "is an absolute path"},
		{"\".\"", "names a directory"},
		{"\"docs\"", "is a directory, not a file"},
		{"\"outside\"", "outside the answers file's directory"},
		{"\"missing.txt\"", "cannot read evidence file \"missing.txt\""},
		{"\"null\"", "outside the answers file's directory"},
		{"\"docs//p.txt\"", NULL},
		{"\"ab/q.txt\"", NULL},
		{"\"c/r.txt\"", NULL},
		{"\"fifo\"", "a device or pipe"},
	};
	char dir[] = "/tmp/craf-evidence-XXXXXX", path[512];

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/docs", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	tu_put_file(dir, "docs/p.txt", "policy\n");
	snprintf(path, sizeof(path), "%s/ab", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	tu_put_file(dir, "ab/q.txt", "two letters\n");
	snprintf(path, sizeof(path), "%s/c", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	tu_put_file(dir, "c/r.txt", "one letter\n");
	snprintf(path, sizeof(path), "%s/inside", dir);
	assert_int_equal(symlink("docs/p.txt", path), 0);
	snprintf(path, sizeof(path), "%s/outside", dir);
	assert_int_equal(symlink("/etc/hostname", path), 0);
	snprintf(path, sizeof(path), "%s/null", dir);
	assert_int_equal(symlink("/dev/null", path), 0);
	snprintf(path, sizeof(path), "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[1024];

		snprintf(text, sizeof(text),
			 HEAD "answers:\n  \"3.1.4\":\n    status: inherited\n    evidence:\n"
			      "      - { file: %s, date: 2026-01-01 }\n",
			 cases[i].file);
		tu_put_file(dir, "a.yaml", text);
		expect_load(dir, "a.yaml", cases[i].message);
	}
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

/* Answers on standard input have no directory for file evidence to be found in. */
static void test_file_evidence_stdin(void **state)
{
	static const char text[] = HEAD "answers:\n  \"3.1.4\":\n    status: inherited\n"
					"    evidence: [{ file: p.txt, date: 2026-01-01 }]\n";
	struct answers a;
	struct diag_list dl = DIAG_LIST_INIT;

	(void)state;
	answers_init(&a);
	assert_int_equal(ydoc_read_buffer(answers_doc(&a), "<stdin>", text, sizeof(text) - 1, &dl),
			 0);
	assert_int_equal(answers_load_read(&a, &cat, &dl), -1);
	assert_non_null(strstr(dl.items[0].message, "not on standard input"));
	answers_release(&a);
	diag_list_release(&dl);
}

/* A directory of parts: which files are parts, in what order, and what each may hold. */
static void test_part_directory(void **state)
{
	char dir[] = "/tmp/craf-parts-XXXXXX", path[512], slash[600];
	struct answers a;
	struct diag_list dl = DIAG_LIST_INIT;

	(void)state;
	assert_non_null(mkdtemp(dir));
	tu_put_file(dir, "00-header.yaml", HEAD "answers: {}\n");
	tu_put_file(dir, "b.yml", "version: 1\nanswers:\n  \"1.2.1\": { baseline: met }\n");
	tu_put_file(dir, ".hidden.yaml", "not: [ a part\n");
	tu_put_file(dir, "~$lock.xlsx", "not a workbook");
	tu_put_file(dir, "notes.txt", "not a part");
	/* A trailing slash names the same directory. */
	snprintf(slash, sizeof(slash), "%s/", dir);
	answers_init(&a);
	assert_int_equal(answers_read_dir(&a, slash, &dl), 0);
	assert_int_equal(answers_parse(&a, &dl), 0);
	assert_int_equal(answers_resolve(&a, &cat, &dl), 0);
	assert_int_equal(a.nparts, 2);
	assert_non_null(strstr(a.parts[0].path, "00-header.yaml"));
	assert_non_null(strstr(a.parts[1].path, "b.yml"));
	assert_int_equal(a.ngiven, 1);
	answers_release(&a);
	diag_list_release(&dl);

	/* The same single-requirement principle answered in two parts names both. */
	tu_put_file(dir, "c.yaml", "version: 1\nanswers:\n  \"3.1.4\": partial\n");
	tu_put_file(dir, "d.yaml", "version: 1\nanswers:\n  \"3.1.4\": met\n");
	answers_init(&a);
	assert_int_equal(answers_read_dir(&a, dir, &dl), 0);
	assert_int_equal(answers_parse(&a, &dl), 0);
	assert_int_equal(answers_resolve(&a, &cat, &dl), -1);
	assert_non_null(strstr(dl.items[0].message, "answered in two parts"));
	answers_release(&a);
	diag_list_release(&dl);
	snprintf(path, sizeof(path), "%s/d.yaml", dir);
	assert_int_equal(unlink(path), 0);

	/* A workbook part with a header of its own beside the header part: named. */
	{
		struct answers w;
		struct strbuf warn = STRBUF_INIT, err = STRBUF_INIT;
		struct answers_xlsx_options o = {LANG_EN, LEVEL_NONE, {2026, 11, 1}, 0};

		int cell = 0;

		snprintf(path, sizeof(path), "%s-full.yaml", dir);
		{
			FILE *f = fopen(path, "w");

			assert_non_null(f);
			fputs(HEAD "answers:\n  \"3.1.4\": partial\n", f);
			fclose(f);
		}
		answers_init(&w);
		assert_int_equal(answers_load(&w, path, &cat, &dl), 0);
		assert_int_equal(unlink(path), 0);
		snprintf(path, sizeof(path), "%s/w.xlsx", dir);
		assert_int_equal(answers_xlsx_write(path, &cat, &w, &o, &warn, &err), 0);
		answers_release(&w);
		strbuf_release(&warn);
		strbuf_release(&err);
		answers_init(&a);
		assert_int_equal(answers_read_dir(&a, dir, &dl), 0);
		assert_int_equal(answers_parse(&a, &dl), 0);
		assert_int_equal(answers_resolve(&a, &cat, &dl), -1);
		for (size_t k = 0; k < dl.nr; k++)
			cell |= strstr(dl.items[k].message, "carries the header") != NULL ||
				(dl.items[k].file && strstr(dl.items[k].file, "w.xlsx"));
		if (!cell)
			tu_dump(&dl);
		assert_true(cell);
		answers_release(&a);
		diag_list_release(&dl);
		assert_int_equal(unlink(path), 0);
	}

	/* An empty part carries nothing, header included. */
	tu_put_file(dir, "f.yaml", "# nothing yet\n");
	answers_init(&a);
	assert_int_equal(answers_read_dir(&a, dir, &dl), 0);
	if (!answers_parse(&a, &dl))
		assert_int_equal(answers_resolve(&a, &cat, &dl), -1);
	answers_release(&a);
	diag_list_release(&dl);
	snprintf(path, sizeof(path), "%s/f.yaml", dir);
	assert_int_equal(unlink(path), 0);

	/* A part that cannot be read (a directory named like one) fails the whole. */
	snprintf(path, sizeof(path), "%s/e.yaml", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	answers_init(&a);
	assert_int_equal(answers_read_dir(&a, dir, &dl), -1);
	answers_release(&a);
	diag_list_release(&dl);
	assert_int_equal(rmdir(path), 0);

	/* A part that does not parse fails the whole. */
	tu_put_file(dir, "c.yaml", "version: 1\nanswers: [\n");
	answers_init(&a);
	assert_int_equal(answers_read_dir(&a, dir, &dl), 0);
	assert_int_equal(answers_parse(&a, &dl), -1);
	assert_true(dl.errors > 0);
	answers_release(&a);
	diag_list_release(&dl);

	/* Not a directory. */
	snprintf(path, sizeof(path), "%s/nonexistent", dir);
	answers_init(&a);
	assert_int_equal(answers_read_dir(&a, path, &dl), -1);
	assert_non_null(strstr(dl.items[0].message, "cannot read the directory"));
	answers_release(&a);
	diag_list_release(&dl);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_answers),
		cmocka_unit_test(test_file_evidence),
		cmocka_unit_test(test_file_evidence_stdin),
		cmocka_unit_test(test_part_directory),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_good_answers),
		cmocka_unit_test(test_statuses),
		cmocka_unit_test(test_past_the_error_limit),
		cmocka_unit_test(test_categories_without_a_catalogue_list),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests_name("answers", tests, setup, teardown);
}
