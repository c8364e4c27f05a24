/*
 * Median wall time of one command, or of two run alternately so that both
 * see the same load. Each run is timed from spawn to exit in-process: a
 * shell timing with $(date) adds a process start to every sample, which
 * hides the ratio of two commands that take a few milliseconds.
 * usage: timeit RUNS CMD [ARG...] [-- CMD2 [ARG...]]
 * Prints the median seconds of CMD (and of CMD2), standard output and error
 * of the commands discarded, exit statuses ignored.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double run(char **argv, posix_spawn_file_actions_t *fa)
{
	struct timespec a, b;
	pid_t pid;
	int st;

	clock_gettime(CLOCK_MONOTONIC, &a);
	if (posix_spawn(&pid, argv[0], fa, NULL, argv, environ)) {
		perror(argv[0]);
		exit(2);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			perror("waitpid");
			exit(2);
		}
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

static int cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

int main(int argc, char **argv)
{
	posix_spawn_file_actions_t fa;
	char **cmd[2] = {NULL, NULL};
	double *t[2];
	int runs, ncmd = 1;

	if (argc < 3 || (runs = atoi(argv[1])) < 1 || !strcmp(argv[2], "--")) {
		fprintf(stderr, "usage: timeit RUNS CMD [ARG...] [-- CMD2 [ARG...]]\n");
		return 2;
	}
	cmd[0] = argv + 2;
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--") && i + 1 < argc) {
			argv[i] = NULL;
			cmd[1] = argv + i + 1;
			ncmd = 2;
			break;
		}
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	for (int c = 0; c < ncmd; c++)
		t[c] = calloc((size_t)runs, sizeof(double));
	for (int r = 0; r < runs; r++)
		for (int c = 0; c < ncmd; c++)
			t[c][r] = run(cmd[c], &fa);
	for (int c = 0; c < ncmd; c++) {
		qsort(t[c], (size_t)runs, sizeof(double), cmp);
		printf("%s%.4f", c ? " " : "", t[c][(runs - 1) / 2]);
		free(t[c]);
	}
	printf("\n");
	posix_spawn_file_actions_destroy(&fa);
	return 0;
}
