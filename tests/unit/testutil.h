/* Helpers shared by the unit tests: temporary files and diagnostics checks. */
#ifndef CRAF_TESTUTIL_H
#define CRAF_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "answers_load.h"
#include "catalogue_load.h"
#include "diag.h"

/* Writes len bytes to a new temporary file; the caller unlinks and frees it. */
static inline char *tu_write_temp(const char *data, size_t len)
{
	char *path = strdup("/tmp/craf-test-XXXXXX.yaml");
	int fd;

	assert_non_null(path);
	fd = mkstemps(path, 5);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

static inline char *tu_write_temp_str(const char *s)
{
	return tu_write_temp(s, strlen(s));
}

/* Writes text to dir/name. */
static inline void tu_put_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static inline void tu_remove(char *path)
{
	unlink(path);
	free(path);
}

/* True when some error in dl is at line:col and its message contains needle. */
static inline int tu_has_error(const struct diag_list *dl, int line, int col, const char *needle)
{
	for (size_t i = 0; i < dl->nr; i++) {
		const struct diag *d = &dl->items[i];

		if (d->severity != DIAG_ERROR)
			continue;
		if ((line == 0 || d->line == line) && (col == 0 || d->col == col) &&
		    strstr(d->message, needle))
			return 1;
	}
	return 0;
}

/* Loads the built-in catalogue, or a catalogue directory when dir is given. */
static inline int tu_load_catalogue(struct catalogue *cat, const char *dir)
{
	struct diag_list dl = DIAG_LIST_INIT;
	int ret;

	catalogue_init(cat);
	ret = dir ? catalogue_load_dir(cat, dir, &dl) : catalogue_load_builtin(cat, &dl);
	diag_list_release(&dl);
	return ret;
}

/*
 * static struct catalogue NAME, with cmocka group setup() and teardown()
 * that load the built-in catalogue into it and release it.
 */
#define TU_BUILTIN_CATALOGUE_FIXTURE(name)                                                         \
	static struct catalogue name;                                                              \
	static int setup(void **state)                                                             \
	{                                                                                          \
		(void)state;                                                                       \
		return tu_load_catalogue(&name, NULL);                                             \
	}                                                                                          \
	static int teardown(void **state)                                                          \
	{                                                                                          \
		(void)state;                                                                       \
		catalogue_release(&name);                                                          \
		return 0;                                                                          \
	}

/* Prints every diagnostic, to explain a failing assertion. */
static inline void tu_dump(const struct diag_list *dl)
{
	for (size_t i = 0; i < dl->nr; i++)
		fprintf(stderr, "  %s:%d:%d: %s\n", dl->items[i].file, dl->items[i].line,
			dl->items[i].col, dl->items[i].message);
}

/* Loads text (written to a temporary file) as answers against cat; it must load. */
static inline void tu_load_answers(const struct catalogue *cat, const char *text, struct answers *a)
{
	struct diag_list dl = DIAG_LIST_INIT;
	char *path = tu_write_temp_str(text);

	answers_init(a);
	if (answers_load(a, path, cat, &dl))
		tu_dump(&dl);
	assert_false(diag_list_has_errors(&dl));
	tu_remove(path);
	diag_list_release(&dl);
}

#endif
