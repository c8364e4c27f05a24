/* Runs another program (ssh-keygen) directly, with no shell, and keeps what it printed. */
#ifndef CRAF_SUBPROC_H
#define CRAF_SUBPROC_H

#include "strbuf.h"

struct subproc_result {
	int status; /* its exit status; -1 when it could not be run or was killed */
	int err;    /* errno when it could not be started (ENOENT: not there), else 0 */
	int signal; /* the signal that ended it, else 0 */
	struct strbuf out, err_text; /* what it wrote on standard output and standard error */
};

void subproc_result_init(struct subproc_result *r);
void subproc_result_release(struct subproc_result *r);

/*
 * Runs argv[0] (a path: nothing is looked up in PATH) with argv and the
 * environment envp (the command layer's to give), its standard input from
 * stdin_path (NULL: /dev/null), and waits for it.
 * Returns 0 when it ran and exited (see r->status), -1 when it could not
 * be started or did not exit normally.
 */
int subproc_run(const char *const *argv, char *const *envp, const char *stdin_path,
		struct subproc_result *r);

#endif
