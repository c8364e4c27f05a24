/* Output at a terminal goes through a pager, as git's does; craf keeps its own exit status. */
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"
#include "xalloc.h"

#define DEFAULT_PAGER "less -FRX"

static int stdout_tty = -1; /* -1: not looked at yet */
static bool disabled;
static pid_t pager_pid = -1;

bool cmd_stdout_is_tty(void)
{
	if (stdout_tty < 0)
		stdout_tty = isatty(STDOUT_FILENO);
	return stdout_tty;
}

void cmd_pager_disable(void)
{
	disabled = true;
}

bool cmd_pager_active(void)
{
	return pager_pid > 0;
}

/* Closing our end tells the pager the output is complete; then it is the user's until they quit. */
static void wait_for_pager(void)
{
	int status;

	if (pager_pid <= 0)
		return;
	fclose(stdout);
	while (waitpid(pager_pid, &status, 0) < 0 && errno == EINTR)
		;
	pager_pid = -1;
}

/* Killed: let the pager finish with the terminal first, then die of the same signal. */
static void on_fatal_signal(int sig)
{
	int status;

	close(STDOUT_FILENO);
	while (pager_pid > 0 && waitpid(pager_pid, &status, 0) < 0 && errno == EINTR)
		;
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The pager in force: $CRAF_PAGER, else $PAGER, else less; NULL for none. */
static const char *pager_command(bool *chosen)
{
	const char *p = getenv("CRAF_PAGER");

	if (!p)
		p = getenv("PAGER");
	*chosen = p != NULL;
	if (!p)
		p = DEFAULT_PAGER;
	p += strspn(p, " \t");
	return *p && strcmp(p, "cat") ? p : NULL;
}

/*
 * Words and blanks only: run directly, so that a missing program is known
 * and the output shown without a pager. Anything else is for the shell.
 */
static char **split_words(const char *cmd, char **copy)
{
	char **argv, *s, *save;
	size_t n = 0;

	if (strpbrk(cmd, "|&;<>()$`\\\"'*?[]#~=%\n"))
		return NULL;
	*copy = s = xstrdup(cmd);
	argv = xcalloc(strlen(cmd) / 2 + 2, sizeof(*argv));
	for (s = strtok_r(s, " \t", &save); s; s = strtok_r(NULL, " \t", &save))
		argv[n++] = s;
	return argv;
}

/*
 * A pager quit early makes writes fail with EPIPE, which is not an error;
 * the keyboard's signals are the pager's while it runs; a kill waits for it.
 */
static const int signals[] = {SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP};
#define NSIGNALS (sizeof(signals) / sizeof(signals[0]))

static void set_signals(struct sigaction *old)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	for (size_t i = 0; i < NSIGNALS; i++) {
		sa.sa_handler =
			signals[i] == SIGTERM || signals[i] == SIGHUP ? on_fatal_signal : SIG_IGN;
		sigaction(signals[i], &sa, &old[i]);
	}
}

static int spawn(const char *cmd, int p[2], pid_t *pid)
{
	char *shell_argv[] = {"sh", "-c", (char *)cmd, NULL};
	char *copy = NULL, **words = split_words(cmd, &copy);
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t dfl;
	int err;

	posix_spawn_file_actions_init(&fa);
	if (p[0] != STDIN_FILENO) {
		posix_spawn_file_actions_adddup2(&fa, p[0], STDIN_FILENO);
		posix_spawn_file_actions_addclose(&fa, p[0]);
	}
	posix_spawn_file_actions_addclose(&fa, p[1]);
	/* The signals craf now ignores are the pager's to handle from its start. */
	posix_spawnattr_init(&attr);
	sigemptyset(&dfl);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&dfl, signals[i]);
	posix_spawnattr_setsigdefault(&attr, &dfl);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
	/* As git: less and lv told to quit at the end of a short text and keep colours. */
	setenv("LESS", "FRX", 0);
	setenv("LV", "-c", 0);
	if (words)
		err = posix_spawnp(pid, words[0], &fa, &attr, words, environ);
	else
		err = posix_spawn(pid, "/bin/sh", &fa, &attr, shell_argv, environ);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	free(words);
	free(copy);
	return err;
}

void cmd_pager_start(const char *output)
{
	struct sigaction old[NSIGNALS];
	const char *cmd;
	bool chosen;
	int p[2], err;

	if (disabled || pager_pid > 0 || (output && strcmp(output, "-")) || !cmd_stdout_is_tty())
		return;
	cmd = pager_command(&chosen);
	if (!cmd || pipe(p))
		return;
	/* Before the pager starts: it may be quit, or signal us, at once. */
	set_signals(old);
	err = spawn(cmd, p, &pager_pid);
	close(p[0]);
	if (err) {
		/* Without less, plain output; a pager asked for by name is worth a word. */
		if (chosen)
			cmd_eprintf("craf: cannot run the pager \"%s\": %s\n", cmd, strerror(err));
		close(p[1]);
		pager_pid = -1;
		for (size_t i = 0; i < NSIGNALS; i++)
			sigaction(signals[i], &old[i], NULL);
		return;
	}
	fflush(stdout);
	dup2(p[1], STDOUT_FILENO);
	close(p[1]);
	atexit(wait_for_pager);
}
