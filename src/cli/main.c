/* craf's entry point: finds the subcommand in a table and runs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue_load.h"
#include "cmd.h"
#include "exitcode.h"
#include "suggest.h"
#include "version.h"
#include "workers.h"

static const struct cmd *const commands[] = {
	&cmd_assess, &cmd_bundle, &cmd_catalogue, &cmd_convert, &cmd_diff,     &cmd_init,
	&cmd_report, &cmd_risk,	  &cmd_summary,	  &cmd_trend,	&cmd_validate, &cmd_verify,
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct cmd *find_command(const char *name)
{
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i]->name, name))
			return commands[i];
	return NULL;
}

/* " (did you mean 'assess'?)" for a misspelt command or craf's own option, else "". */
static void did_you_mean(const char *name, bool option, char *buf, size_t size)
{
	static const char *const options[] = {"--help", "--no-pager", "--version"};
	const char *names[NCOMMANDS + 1];
	const char *near;

	for (size_t i = 0; i < NCOMMANDS; i++)
		names[i] = commands[i]->name;
	names[NCOMMANDS] = "help";
	if (option)
		near = suggest_nearest(name, options, sizeof(options) / sizeof(*options));
	else
		near = suggest_nearest(name, names, NCOMMANDS + 1);
	if (near)
		snprintf(buf, size, " (did you mean '%s'?)", near);
	else
		buf[0] = '\0';
}

static int usage(FILE *out)
{
	fputs("usage: craf [--no-pager] COMMAND [ARGS...]\n"
	      "\n"
	      "HKMA C-RAF 2.0 cyber-resilience self-assessment.\n"
	      "\n"
	      "Commands:\n",
	      out);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-11s %s\n", commands[i]->name, commands[i]->summary);
	fputs("  help        Show help for craf or one command\n"
	      "\n"
	      "Options:\n"
	      "  -h, --help  Show this help\n"
	      "  --version   Show craf's version and its built-in catalogue's\n"
	      "  --no-pager  Never page output (at a terminal, reports go through\n"
	      "              $CRAF_PAGER, else $PAGER, else less -FRX)\n"
	      "\n"
	      "Exit status: 0 success (assess: no gap), 1 gaps remain, 2 usage or input error.\n"
	      "Run 'craf help COMMAND' for a command's options.\n",
	      out);
	return 0;
}

static int version(void)
{
	struct catalogue cat;
	struct diag_list dl = DIAG_LIST_INIT;
	int ret;

	catalogue_init(&cat);
	printf("craf %s\n", CRAF_VERSION);
	if (catalogue_load_builtin(&cat, &dl))
		ret = cmd_report_diags(&dl);
	else
		ret = printf("built-in catalogue: %s %s (%zu principles)\n", cat.framework,
			     cat.version, cat.nprinciples) < 0;
	catalogue_release(&cat);
	diag_list_release(&dl);
	return cmd_finish(ret);
}

static int help(int argc, char **argv)
{
	const struct cmd *c;

	if (argc < 2) {
		usage(stdout);
		return cmd_finish(CRAF_EXIT_OK);
	}
	c = find_command(argv[1]);
	if (!c) {
		char near[64];

		did_you_mean(argv[1], false, near, sizeof(near));
		cmd_eprintf("craf help: unknown command '%s'%s\n", argv[1], near);
		return CRAF_EXIT_ERROR;
	}
	return cmd_help(c);
}

/* CRAF_THREADS: a number from 1 (no threads) up; anything else means one per CPU. */
static void threads_from_env(void)
{
	const char *env = getenv("CRAF_THREADS");
	char *end;
	long n;

	if (!env || !*env)
		return;
	n = strtol(env, &end, 10);
	if (!*end && n >= 1)
		workers_set_count(n > WORKERS_MAX ? WORKERS_MAX : (unsigned)n);
}

int main(int argc, char **argv)
{
	const struct cmd *c;

	/* Before anything could replace standard output with a pager. */
	cmd_stdout_is_tty();
	threads_from_env();
	/* As git: craf --no-pager COMMAND. */
	while (argc >= 2 && !strcmp(argv[1], "--no-pager")) {
		cmd_pager_disable();
		argc--;
		argv++;
	}
	if (argc < 2) {
		usage(stderr);
		return CRAF_EXIT_ERROR;
	}
	if (!strcmp(argv[1], "--version") || !strcmp(argv[1], "version"))
		return version();
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))
		return usage(stdout) ? CRAF_EXIT_ERROR : cmd_finish(CRAF_EXIT_OK);
	if (!strcmp(argv[1], "help"))
		return help(argc - 1, argv + 1);
	c = find_command(argv[1]);
	if (!c) {
		bool option = argv[1][0] == '-' && argv[1][1];
		char near[64];

		did_you_mean(argv[1], option, near, sizeof(near));
		fprintf(stderr,
			"craf: unknown %s '%s'%s\n"
			"Try 'craf help' for the list of commands.\n",
			option ? "option" : "command", argv[1], near);
		return CRAF_EXIT_ERROR;
	}
	/* Before the command runs: it may start a pager in stdout's place. */
	cmd_term_width();
	return c->run(argc - 1, argv + 1);
}
