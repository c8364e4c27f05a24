/* Unit tests for what the report renderers share: the walk over every evidence file. */
#include "testutil.h"

#include "report.h"

/*
 * Each case is a result of up to three controls of up to three levels, given as
 * the number of files on each level; the walk must visit every file once, in
 * order of control, level and file, skipping levels and controls with none.
 */
static void test_evidence_walk(void **state)
{
	static const struct {
		size_t ncontrols;
		size_t nlevels[3];
		size_t files[3][3];
		const char *want; /* "control.level.file " for each file visited */
	} cases[] = {
		{0, {0}, {{0}}, ""},
		{1, {0}, {{0}}, ""},
		{2, {3, 1}, {{0, 0, 0}, {0}}, ""},
		{1, {1}, {{1}}, "0.0.0 "},
		{3, {3, 0, 2}, {{2, 0, 1}, {0}, {0, 1}}, "0.0.0 0.0.1 0.2.0 2.1.0 "},
		{3, {1, 1, 1}, {{0}, {0}, {2}}, "2.0.0 2.0.1 "},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct evidence_file files[3][3][3] = {{{{0}}}};
		struct result_control controls[3] = {{0}};
		struct result r = {0};
		struct report_evidence it;
		struct strbuf got = STRBUF_INIT;

		r.controls = controls;
		r.ncontrols = cases[i].ncontrols;
		for (size_t c = 0; c < 3; c++) {
			controls[c].nlevels = cases[i].nlevels[c];
			for (size_t l = 0; l < 3; l++) {
				controls[c].levels[l].files.items = files[c][l];
				controls[c].levels[l].files.nr = cases[i].files[c][l];
			}
		}
		it = (struct report_evidence)REPORT_EVIDENCE_INIT(&r);
		while (report_evidence_next(&it)) {
			size_t c = (size_t)(it.c - controls),
			       l = (size_t)(it.rl - controls[c].levels);

			strbuf_addf(&got, "%zu.%zu.%zu ", c, l, (size_t)(it.ef - files[c][l]));
		}
		/* Past the end it stays at the end. */
		assert_false(report_evidence_next(&it));
		if (strcmp(strbuf_str(&got), cases[i].want))
			fail_msg("case %zu: visited \"%s\", want \"%s\"", i, strbuf_str(&got),
				 cases[i].want);
		strbuf_release(&got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_evidence_walk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
