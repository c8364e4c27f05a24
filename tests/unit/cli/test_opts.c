/*
 * Unit tests for the option parser: getopt_long's rules, the help made from a
 * table, values stored as each entry's kind says, and the commands' parse.
 */
#include "testutil.h"

#include <fcntl.h>

#include "cmd.h"
#include "exitcode.h"
#include "opts.h"
#include "strbuf.h"

enum { T_CATALOGUE, T_FORCE, T_HELP, T_NO_PAGER, T_OUTPUT, T_QUIET };

static const struct opt table[] = {
	OPT("catalogue", 0, "DIR", T_CATALOGUE, "Use the catalogue in DIR"),
	OPT("force", 'f', NULL, T_FORCE, "Replace FILE if it exists"),
	OPT("help", 'h', NULL, T_HELP, "Show this help"),
	OPT("no-pager", 0, NULL, T_NO_PAGER,
	    "Do not page the output (at a terminal it goes\nthrough a pager)"),
	OPT("output", 'o', "FILE", T_OUTPUT, "Write to FILE"),
	OPT("quiet", 'q', NULL, T_QUIET, "Print nothing"),
};

struct opts_case {
	const char *argv[6]; /* after the command's name; NULL ends it */
	/* What the parser returns, in order: "name" or "name=value" a word, then
	 * "error: ..." if it fails, else "args:" and the positionals. */
	const char *expect;
};

static const struct opts_case cases[] = {
	/* Long options: "--name value" and "--name=value", matched whole. */
	{{"--output", "FILE"}, "output=FILE args:"},
	{{"--output=FILE"}, "output=FILE args:"},
	{{"--output="}, "output= args:"},
	{{"--output=a=b"}, "output=a=b args:"},
	{{"--output"}, "error: option '--output' needs a value"},
	{{"--force=yes"}, "error: option '--force' takes no value"},
	{{"--colour=never"}, "error: unknown option '--colour'"},
	/* No abbreviations; a near name is suggested, a far one is not. */
	{{"--forc"}, "error: unknown option '--forc' (did you mean '--force'?)"},
	{{"--ouptut=x"}, "error: unknown option '--ouptut' (did you mean '--output'?)"},
	{{"--frobnicate"}, "error: unknown option '--frobnicate'"},
	{{"--no-pager", "--catalogue", "dir"}, "no-pager catalogue=dir args:"},
	/* Short options, alone, bundled, with the value attached or next. */
	{{"-o", "FILE"}, "output=FILE args:"},
	{{"-oFILE"}, "output=FILE args:"},
	{{"-fo", "FILE"}, "force output=FILE args:"},
	{{"-foFILE"}, "force output=FILE args:"},
	{{"-qh"}, "quiet help args:"},
	{{"-fqoFILE", "x"}, "force quiet output=FILE args: x"},
	{{"-of"}, "output=f args:"}, /* the rest of the bundle is the value */
	{{"-o"}, "error: option '--output' needs a value"},
	{{"-fo"}, "force error: option '--output' needs a value"},
	{{"-x"}, "error: unknown option '-x'"},
	{{"-fx"}, "force error: unknown option '-x'"},
	{{"-o", "-f"}, "output=-f args:"}, /* a value may start with a dash */
	{{"-o", "--"}, "output=-- args:"},
	/* Positionals: anywhere, in order; "-" is one; "--" ends the options. */
	{{"a", "-f", "b"}, "force args: a b"},
	{{"-"}, "args: -"},
	{{"-o", "-", "-"}, "output=- args: -"},
	{{"--", "-f", "--output", "--"}, "args: -f --output --"},
	{{"-q", "--", "-"}, "quiet args: -"},
	{{"a", "--", "-h"}, "args: a -h"},
	{{NULL}, "args:"},
};

/* Runs the parser over one case's arguments, describing what it returned. */
static void run_case(const struct opts_case *c, struct strbuf *got)
{
	char *argv[8] = {"cmd"};
	struct opt_iter it;
	const char *value;
	int argc = 1, id;

	while (c->argv[argc - 1])
		argv[argc] = (char *)c->argv[argc - 1], argc++;
	opt_iter_init(&it, argc, argv, table, OPT_COUNT(table));
	while ((id = opt_next(&it, &value)) != OPT_END) {
		if (id == OPT_ERROR) {
			strbuf_addf(got, "error: %s", it.error);
			return;
		}
		assert_true(id >= 0 && id < OPT_COUNT(table));
		strbuf_adds(got, table[id].name);
		if (table[id].arg)
			strbuf_addf(got, "=%s", value);
		else
			assert_null(value);
		strbuf_addc(got, ' ');
	}
	strbuf_adds(got, "args:");
	for (int i = 0; i < it.nargs; i++)
		strbuf_addf(got, " %s", it.args[i]);
}

static void test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf got = STRBUF_INIT;

		run_case(&cases[i], &got);
		if (strcmp(strbuf_str(&got), cases[i].expect))
			fail_msg("case %zu (%s ...): got \"%s\", expected \"%s\"", i,
				 cases[i].argv[0] ? cases[i].argv[0] : "nothing", strbuf_str(&got),
				 cases[i].expect);
		strbuf_release(&got);
	}
}

/* After an error the parser is not left inside a bundle: the next call goes on. */
static void test_error_then_next(void **state)
{
	char *argv[] = {"cmd", "-xf", "a"};
	struct opt_iter it;
	const char *value;

	(void)state;
	opt_iter_init(&it, 3, argv, table, OPT_COUNT(table));
	assert_int_equal(opt_next(&it, &value), OPT_ERROR);
	assert_int_equal(opt_next(&it, &value), OPT_END);
	assert_int_equal(it.nargs, 1);
	assert_string_equal(it.args[0], "a");
}

static void test_help(void **state)
{
	static const struct opt long_label[] = {
		OPT("a-very-long-option", 'l', "SOMETHING", 0, "Help below the label\nand on"),
	};
	struct strbuf out = STRBUF_INIT;

	(void)state;
	opt_format_help(&out, table, OPT_COUNT(table));
	assert_string_equal(strbuf_str(&out),
			    "  --catalogue DIR    Use the catalogue in DIR\n"
			    "  -f, --force        Replace FILE if it exists\n"
			    "  -h, --help         Show this help\n"
			    "  --no-pager         Do not page the output (at a terminal it goes\n"
			    "                     through a pager)\n"
			    "  -o, --output FILE  Write to FILE\n"
			    "  -q, --quiet        Print nothing\n");
	strbuf_reset(&out);
	opt_format_help(&out, long_label, 1);
	assert_string_equal(strbuf_str(&out), "  -l, --a-very-long-option SOMETHING\n"
					      "                     Help below the label\n"
					      "                     and on\n");
	strbuf_release(&out);
}

/* Where opt_parse puts values: a command's own struct, and a second one (dest[1]). */
struct own {
	bool force;
	const char *output;
	int top, width, even;
};
struct other {
	const char *catalogue;
};

static const char ctx_mark[] = "ctx";

/* A callback: even numbers only; fails unless given opt_parse's ctx. */
static int parse_even(const struct opt *o, const char *value, void *dest, const void *ctx,
		      struct strbuf *err)
{
	int n = atoi(value);

	if (ctx != ctx_mark || n % 2) {
		strbuf_addf(err, "odd \"%s\" for --%s", value, o->name);
		return -1;
	}
	*(int *)dest = n;
	return 0;
}

static const struct opt kinds[] = {
	{.name = "catalogue",
	 .arg = "DIR",
	 .kind = OPT_STRING,
	 .in = 1,
	 .offset = OPT_AT(struct other, catalogue, const char *)},
	OPT_CALLBACK("even", 0, "N", struct own, even, int, parse_even, "An even number"),
	OPT_FLAG("force", 'f', struct own, force, "Replace FILE"),
	OPT("help", 'h', NULL, 7, "Show this help"),
	OPT_STRING("output", 'o', "FILE", struct own, output, "Write to FILE"),
	OPT_INT("top", 0, "N", struct own, top, 0, 1000, "number", "How many"),
	{.name = "width",
	 .arg = "N",
	 .kind = OPT_INT,
	 .offset = OPT_AT(struct own, width, int),
	 .min = 40,
	 .max = 1000,
	 .what = "width",
	 .unit = "columns"},
};

struct kinds_case {
	const char *argv[6]; /* after the command's name; NULL ends it */
	/* What opt_parse returned ("id 7 ", "error: ..."), then what was stored. */
	const char *expect;
};

static const struct kinds_case kinds_cases[] = {
	{{NULL}, "force=0 output=- top=-1 width=-1 even=-1 catalogue=- args:"},
	/* A flag is set; a string is kept as given, the last one winning. */
	{{"-f", "x"}, "force=1 output=- top=-1 width=-1 even=-1 catalogue=- args: x"},
	{{"-fo", "a", "--output=b"}, "force=1 output=b top=-1 width=-1 even=-1 catalogue=- args:"},
	{{"-foFILE"}, "force=1 output=FILE top=-1 width=-1 even=-1 catalogue=- args:"},
	{{"--catalogue", "dir"}, "force=0 output=- top=-1 width=-1 even=-1 catalogue=dir args:"},
	/* A whole number within the range, given in digits only. */
	{{"--top", "0"}, "force=0 output=- top=0 width=-1 even=-1 catalogue=- args:"},
	{{"--top=1000"}, "force=0 output=- top=1000 width=-1 even=-1 catalogue=- args:"},
	{{"--top", "007"}, "force=0 output=- top=7 width=-1 even=-1 catalogue=- args:"},
	{{"--top", "1001"}, "error: invalid number \"1001\" for --top (expected 0 to 1000)"},
	{{"--top", "-1"}, "error: invalid number \"-1\" for --top (expected 0 to 1000)"},
	{{"--top", "+5"}, "error: invalid number \"+5\" for --top (expected 0 to 1000)"},
	{{"--top", " 5"}, "error: invalid number \" 5\" for --top (expected 0 to 1000)"},
	{{"--top", "5x"}, "error: invalid number \"5x\" for --top (expected 0 to 1000)"},
	{{"--top="}, "error: invalid number \"\" for --top (expected 0 to 1000)"},
	{{"--top", "99999999999999999999999"},
	 "error: invalid number \"99999999999999999999999\" for --top (expected 0 to 1000)"},
	{{"--width", "39"},
	 "error: invalid width \"39\" for --width (expected 40 to 1000 columns)"},
	{{"--width", "40"}, "force=0 output=- top=-1 width=40 even=-1 catalogue=- args:"},
	/* A callback's value, and its error as the parse's. */
	{{"--even", "4"}, "force=0 output=- top=-1 width=-1 even=4 catalogue=- args:"},
	{{"-f", "--even=3", "-o", "x"}, "error: odd \"3\" for --even"},
	/* An OPT_ID entry comes back to the caller; parsing goes on after it. */
	{{"-hf", "-h"}, "id 7 id 7 force=1 output=- top=-1 width=-1 even=-1 catalogue=- args:"},
	/* opt_next's errors come through. */
	{{"--top"}, "error: option '--top' needs a value"},
	{{"-x"}, "error: unknown option '-x'"},
};

static void test_kinds(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(kinds_cases) / sizeof(kinds_cases[0]); i++) {
		const struct kinds_case *c = &kinds_cases[i];
		struct own own = {false, NULL, -1, -1, -1};
		struct other other = {NULL};
		void *const dest[] = {&own, &other};
		char *argv[8] = {"cmd"};
		struct strbuf got = STRBUF_INIT, err = STRBUF_INIT;
		struct opt_iter it;
		const char *value;
		int argc = 1, id;

		while (c->argv[argc - 1])
			argv[argc] = (char *)c->argv[argc - 1], argc++;
		opt_iter_init(&it, argc, argv, kinds, OPT_COUNT(kinds));
		while ((id = opt_parse(&it, dest, ctx_mark, &value, &err)) >= 0)
			strbuf_addf(&got, "id %d ", id);
		if (id == OPT_ERROR)
			strbuf_addf(&got, "error: %s", strbuf_str(&err));
		else {
			assert_int_equal(err.len, 0);
			strbuf_addf(&got,
				    "force=%d output=%s top=%d width=%d even=%d catalogue=%s args:",
				    own.force, own.output ? own.output : "-", own.top, own.width,
				    own.even, other.catalogue ? other.catalogue : "-");
			for (int k = 0; k < it.nargs; k++)
				strbuf_addf(&got, " %s", it.args[k]);
		}
		if (strcmp(strbuf_str(&got), c->expect))
			fail_msg("case %zu (%s ...): got \"%s\", expected \"%s\"", i,
				 c->argv[0] ? c->argv[0] : "nothing", strbuf_str(&got), c->expect);
		strbuf_release(&got);
		strbuf_release(&err);
	}
}

/* A command for cmd_parse_options: shared options, its own, and one file argument. */
struct test_args {
	bool force;
	enum level level;
	enum cmd_answers_format format;
};

static const struct opt test_options[] = {
	CMD_OPTION_AS_OF("Judge on DATE"),
	OPT_FLAG("force", 'f', struct test_args, force, "Replace FILE"),
	CMD_OPTION_FORMAT("text or json"),
	CMD_OPTION(HELP),
	CMD_OPTION(LANG),
	OPT_LEVEL("level", "LEVEL", struct test_args, level, "Only LEVEL"),
	CMD_OPTION(OUTPUT),
	OPT_ANSWERS_FORMAT(struct test_args, format, "yaml or xlsx"),
	CMD_OPTION_TARGET("Assess against LEVEL"),
	CMD_OPTION(WIDTH),
};

static const enum report_format test_formats[] = {REPORT_TEXT, REPORT_JSON};

static int no_run(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 0;
}

static const struct cmd cmd_test = {
	.name = "test",
	.run = no_run,
	.summary = "A command for the tests",
	.synopsis = "test [OPTIONS] FILE",
	.description = "Tests.\n",
	.options = test_options,
	.noptions = OPT_COUNT(test_options),
	.formats = test_formats,
	.nformats = OPT_COUNT(test_formats),
	.file = "answers file",
};

#define TRY "\nTry 'craf help test' for more information.\n"

struct cmd_case {
	const char *argv[9];
	int status;	    /* CMD_GO_ON or the exit status */
	const char *err;    /* all of stderr */
	const char *stored; /* with CMD_GO_ON: what went where */
};

static const struct cmd_case cmd_cases[] = {
	{{"-fo", "out", "a.yaml"},
	 CMD_GO_ON,
	 "",
	 "force=1 level=-1 answers=0 output=out format=text width=0 target=-1 args: a.yaml"},
	{{"--level", "advanced", "--format=json", "--width", "132", "--target", "baseline", "-"},
	 CMD_GO_ON,
	 "",
	 "force=0 level=2 answers=0 output=- format=json width=132 target=0 args: -"},
	/* Each kind's usage error, with status 2; the first one wins. */
	{{"--width", "39", "--bogus"},
	 CRAF_EXIT_ERROR,
	 "craf test: invalid width \"39\" for --width (expected 40 to 1000 columns)" TRY,
	 NULL},
	{{"--level", "expert", "a"},
	 CRAF_EXIT_ERROR,
	 "craf test: unknown level \"expert\" for --level (expected baseline, intermediate or "
	 "advanced)" TRY,
	 NULL},
	{{"--target", "x"},
	 CRAF_EXIT_ERROR,
	 "craf test: unknown level \"x\" for --target (expected baseline, intermediate or "
	 "advanced)" TRY,
	 NULL},
	{{"--format", "html"},
	 CRAF_EXIT_ERROR,
	 "craf test: unknown format \"html\" (expected text or json)" TRY,
	 NULL},
	{{"--lang", "fr"},
	 CRAF_EXIT_ERROR,
	 "craf test: unknown language \"fr\" for --lang (expected en, zh or zh-Hant)" TRY,
	 NULL},
	{{"--as-of", "2024-02-30"},
	 CRAF_EXIT_ERROR,
	 "craf test: invalid date \"2024-02-30\" for --as-of (expected YYYY-MM-DD)" TRY,
	 NULL},
	{{"--bogus", "--width", "39"},
	 CRAF_EXIT_ERROR,
	 "craf test: unknown option '--bogus'" TRY,
	 NULL},
	/* What users typed is shown, never obeyed, by the terminal. */
	{{"--level", "\033[2J"},
	 CRAF_EXIT_ERROR,
	 "craf test: unknown level \"^[[2J\" for --level (expected baseline, intermediate or "
	 "advanced)" TRY,
	 NULL},
	/* The one file argument, after the options. */
	{{"-f"}, CRAF_EXIT_ERROR, "craf test: missing the answers file" TRY, NULL},
	{{"a", "b"}, CRAF_EXIT_ERROR, "craf test: expected one answers file, got 2" TRY, NULL},
	/* --help wins over what follows it, and is not an error. */
	{{"--help", "--bogus"}, CRAF_EXIT_OK, "", NULL},
};

/*
 * Runs cmd_parse_options over argv (co->args point into it) with stderr and
 * stdout in files; returns its status, what stderr got in err.
 */
static int run_cmd_case(const struct cmd_case *c, char **argv, struct cmd_opts *co,
			struct test_args *a, struct strbuf *err)
{
	char errpath[] = "/tmp/craf-test-err-XXXXXX", outpath[] = "/tmp/craf-test-out-XXXXXX";
	int argc = 1, saved_err = dup(2), saved_out = dup(1), efd = mkstemp(errpath),
	    ofd = mkstemp(outpath), status;
	char buf[4096];
	ssize_t n;

	assert_true(efd >= 0 && ofd >= 0 && saved_err >= 0 && saved_out >= 0);
	while (c->argv[argc - 1])
		argv[argc] = (char *)c->argv[argc - 1], argc++;
	fflush(stdout);
	dup2(efd, 2);
	dup2(ofd, 1);
	status = cmd_parse_options(co, &cmd_test, argc, argv, a);
	fflush(stderr);
	fflush(stdout);
	dup2(saved_err, 2);
	dup2(saved_out, 1);
	close(saved_err);
	close(saved_out);
	lseek(efd, 0, SEEK_SET);
	while ((n = read(efd, buf, sizeof(buf))) > 0)
		strbuf_add(err, buf, (size_t)n);
	close(efd);
	close(ofd);
	unlink(errpath);
	unlink(outpath);
	return status;
}

static void test_cmd_parse(void **state)
{
	(void)state;
	setenv("NO_COLOR", "1", 1);
	for (size_t i = 0; i < sizeof(cmd_cases) / sizeof(cmd_cases[0]); i++) {
		const struct cmd_case *c = &cmd_cases[i];
		struct test_args a = {false, LEVEL_NONE, CMD_ANSWERS_ANY};
		struct strbuf err = STRBUF_INIT, got = STRBUF_INIT;
		struct cmd_opts co;
		char *argv[10] = {"test"};
		int status = run_cmd_case(c, argv, &co, &a, &err);

		if (status != c->status || strcmp(strbuf_str(&err), c->err))
			fail_msg("case %zu (%s ...): status %d, stderr \"%s\"", i, c->argv[0],
				 status, strbuf_str(&err));
		if (c->stored) {
			strbuf_addf(&got,
				    "force=%d level=%d answers=%d output=%s format=%s width=%d "
				    "target=%d args:",
				    a.force, (int)a.level, (int)a.format,
				    co.output ? co.output : "-", report_format_name(co.format),
				    co.width, (int)co.target);
			for (int k = 0; k < co.nargs; k++)
				strbuf_addf(&got, " %s", co.args[k]);
			if (strcmp(strbuf_str(&got), c->stored))
				fail_msg("case %zu: stored \"%s\", expected \"%s\"", i,
					 strbuf_str(&got), c->stored);
		}
		strbuf_release(&err);
		strbuf_release(&got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),	  cmocka_unit_test(test_error_then_next),
		cmocka_unit_test(test_help),	  cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_cmd_parse),
	};

	return cmocka_run_group_tests_name("opts", tests, NULL, NULL);
}
