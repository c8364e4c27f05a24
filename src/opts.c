/* A small option parser: GNU-style long options, short letters, "--". */
#include "opts.h"

#include <stdio.h>
#include <string.h>

void opt_iter_init(struct opt_iter *it, int argc, char **argv, const struct opt *table, int ntable)
{
	memset(it, 0, sizeof(*it));
	it->argc = argc;
	it->argv = argv;
	it->index = 1;
	it->table = table;
	it->ntable = ntable;
	it->args = argv + 1;
}

int opt_next(struct opt_iter *it, const char **value)
{
	while (it->index < it->argc) {
		char *a = it->argv[it->index++];
		const struct opt *o = NULL;
		const char *inline_value = NULL;

		if (it->no_more_options || a[0] != '-' || !a[1]) {
			/* Collect positionals at the front, keeping their order. */
			it->args[it->nargs++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			it->no_more_options = true;
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');
			size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);

			for (int i = 0; i < it->ntable; i++)
				if (strlen(it->table[i].name) == n &&
				    !strncmp(it->table[i].name, a + 2, n))
					o = &it->table[i];
			if (!o) {
				snprintf(it->error, sizeof(it->error), "unknown option '%.*s'",
					 (int)n + 2, a);
				return OPT_ERROR;
			}
			if (eq)
				inline_value = eq + 1;
		} else {
			for (int i = 0; i < it->ntable; i++)
				if (it->table[i].letter && it->table[i].letter == a[1])
					o = &it->table[i];
			if (!o) {
				snprintf(it->error, sizeof(it->error), "unknown option '-%c'",
					 a[1]);
				return OPT_ERROR;
			}
			if (a[2]) {
				if (!o->has_value) {
					snprintf(it->error, sizeof(it->error),
						 "option '-%c' takes no value", a[1]);
					return OPT_ERROR;
				}
				inline_value = a + 2;
			}
		}
		if (!o->has_value) {
			if (inline_value) {
				snprintf(it->error, sizeof(it->error),
					 "option '--%s' takes no value", o->name);
				return OPT_ERROR;
			}
			*value = NULL;
			return o->id;
		}
		if (inline_value) {
			*value = inline_value;
			return o->id;
		}
		if (it->index >= it->argc) {
			snprintf(it->error, sizeof(it->error), "option '--%s' needs a value",
				 o->name);
			return OPT_ERROR;
		}
		*value = it->argv[it->index++];
		return o->id;
	}
	return OPT_END;
}
