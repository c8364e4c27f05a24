/* Runs a program with posix_spawn and collects its output through pipes, never a shell. */
#define _GNU_SOURCE /* pipe2 */
#include "subproc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void subproc_result_init(struct subproc_result *r)
{
	memset(r, 0, sizeof(*r));
	r->status = -1;
	strbuf_init(&r->out);
	strbuf_init(&r->err_text);
}

void subproc_result_release(struct subproc_result *r)
{
	strbuf_release(&r->out);
	strbuf_release(&r->err_text);
	subproc_result_init(r);
}

/* Reads both pipes until both close, so a chatty child never blocks on a full one. */
static void drain(int out_fd, int err_fd, struct subproc_result *r)
{
	struct pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
	struct strbuf *bufs[2] = {&r->out, &r->err_text};
	int open_fds = 2;
	char buf[4096];

	while (open_fds) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			ssize_t n;

			if (fds[i].fd < 0 || !fds[i].revents)
				continue;
			n = read(fds[i].fd, buf, sizeof(buf));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				fds[i].fd = -1;
				open_fds--;
				continue;
			}
			/* Messages only: a runaway child is cut, not buffered without end. */
			if (bufs[i]->len < (1 << 20))
				strbuf_add(bufs[i], buf, (size_t)n);
		}
	}
}

int subproc_run(const char *const *argv, char *const *envp, const char *stdin_path,
		struct subproc_result *r)
{
	posix_spawn_file_actions_t fa;
	int out[2] = {-1, -1}, err[2] = {-1, -1};
	int in = -1, wstatus, ret = -1;
	pid_t pid;

	/*
	 * Said before spawning: where posix_spawn cannot report a failed exec
	 * (a fork-based one, as under valgrind), the child would only exit 127.
	 */
	if (access(argv[0], X_OK)) {
		r->err = errno;
		return -1;
	}
	if (posix_spawn_file_actions_init(&fa)) {
		r->err = ENOMEM;
		return -1;
	}
	in = open(stdin_path ? stdin_path : "/dev/null", O_RDONLY | O_CLOEXEC);
	if (in < 0 || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) {
		r->err = errno;
		goto cleanup;
	}
	posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, err[1], STDERR_FILENO);
	r->err = posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, envp);
	if (r->err)
		goto cleanup;
	close(out[1]);
	close(err[1]);
	out[1] = err[1] = -1;
	drain(out[0], err[0], r);
	while (waitpid(pid, &wstatus, 0) < 0)
		if (errno != EINTR) {
			r->err = errno;
			goto cleanup;
		}
	if (WIFEXITED(wstatus)) {
		r->status = WEXITSTATUS(wstatus);
		ret = 0;
	} else if (WIFSIGNALED(wstatus)) {
		r->signal = WTERMSIG(wstatus);
	}
cleanup:
	for (int i = 0; i < 2; i++) {
		if (out[i] >= 0)
			close(out[i]);
		if (err[i] >= 0)
			close(err[i]);
	}
	if (in >= 0)
		close(in);
	posix_spawn_file_actions_destroy(&fa);
	return ret;
}
