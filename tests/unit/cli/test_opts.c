/* Unit tests for the option parser: getopt_long's rules, and the help made from a table. */
#include "testutil.h"

#include "opts.h"
#include "strbuf.h"

enum { T_CATALOGUE, T_FORCE, T_HELP, T_NO_PAGER, T_OUTPUT, T_QUIET };

static const struct opt table[] = {
	{"catalogue", 0, "DIR", T_CATALOGUE, "Use the catalogue in DIR"},
	{"force", 'f', NULL, T_FORCE, "Replace FILE if it exists"},
	{"help", 'h', NULL, T_HELP, "Show this help"},
	{"no-pager", 0, NULL, T_NO_PAGER,
	 "Do not page the output (at a terminal it goes\nthrough a pager)"},
	{"output", 'o', "FILE", T_OUTPUT, "Write to FILE"},
	{"quiet", 'q', NULL, T_QUIET, "Print nothing"},
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
	{{"--forc"}, "error: unknown option '--forc'"}, /* no abbreviations */
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
		{"a-very-long-option", 'l', "SOMETHING", 0, "Help below the label\nand on"},
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_error_then_next),
		cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests_name("opts", tests, NULL, NULL);
}
