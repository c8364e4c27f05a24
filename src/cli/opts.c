/* A small option parser, getopt_long's rules, over tables that also make the help. */
#include "opts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"
#include "xalloc.h"

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

/* The value of option o: attached (inline), else the next argument. */
static int take_value(struct opt_iter *it, const struct opt *o, const char *inline_value,
		      const char **value)
{
	it->last = o;
	if (inline_value) {
		*value = inline_value;
		return o->id;
	}
	if (it->index >= it->argc) {
		snprintf(it->error, sizeof(it->error), "option '--%s' needs a value", o->name);
		return OPT_ERROR;
	}
	*value = it->argv[it->index++];
	return o->id;
}

/* "unknown option '--colour' (did you mean '--color'?)": the table's nearest name, if near. */
static void unknown_long(struct opt_iter *it, const char *name, size_t n)
{
	const char **names = xcalloc((size_t)it->ntable + 1, sizeof(*names));
	char *word = xstrndup(name, n);
	const char *near;

	for (int i = 0; i < it->ntable; i++)
		names[i] = it->table[i].name;
	near = suggest_nearest(word, names, (size_t)it->ntable);
	if (near)
		snprintf(it->error, sizeof(it->error),
			 "unknown option '--%.*s' (did you mean '--%s'?)", (int)n, name, near);
	else
		snprintf(it->error, sizeof(it->error), "unknown option '--%.*s'", (int)n, name);
	free(word);
	free(names);
}

/* "--name" or "--name=value", name given without the dashes. */
static int long_option(struct opt_iter *it, const char *name, const char **value)
{
	const char *eq = strchr(name, '=');
	size_t n = eq ? (size_t)(eq - name) : strlen(name);

	for (int i = 0; i < it->ntable; i++) {
		const struct opt *o = &it->table[i];

		if (strlen(o->name) != n || strncmp(o->name, name, n))
			continue;
		if (o->arg)
			return take_value(it, o, eq ? eq + 1 : NULL, value);
		if (eq) {
			snprintf(it->error, sizeof(it->error), "option '--%s' takes no value",
				 o->name);
			return OPT_ERROR;
		}
		it->last = o;
		return o->id;
	}
	unknown_long(it, name, n);
	return OPT_ERROR;
}

/* The next letter of a bundle: a flag, or an option taking the rest (or the next argument). */
static int short_option(struct opt_iter *it, const char **value)
{
	char c = *it->bundle++;

	if (!*it->bundle)
		it->bundle = NULL;
	for (int i = 0; i < it->ntable; i++) {
		const struct opt *o = &it->table[i];
		const char *rest = it->bundle;

		if (o->letter != c)
			continue;
		if (!o->arg) {
			it->last = o;
			return o->id;
		}
		it->bundle = NULL;
		return take_value(it, o, rest, value);
	}
	it->bundle = NULL;
	snprintf(it->error, sizeof(it->error), "unknown option '-%c'", c);
	return OPT_ERROR;
}

int opt_next(struct opt_iter *it, const char **value)
{
	*value = NULL;
	if (it->bundle)
		return short_option(it, value);
	while (it->index < it->argc) {
		char *a = it->argv[it->index++];

		if (it->no_more_options || a[0] != '-' || !a[1]) {
			/* Collect positionals at the front, keeping their order. */
			it->args[it->nargs++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			it->no_more_options = true;
			continue;
		}
		if (a[1] == '-')
			return long_option(it, a + 2, value);
		it->bundle = a + 1;
		return short_option(it, value);
	}
	return OPT_END;
}

/* A whole number of digits from o->min to o->max, else -1 with the usage error. */
static int store_int(const struct opt *o, const char *value, int *dest, struct strbuf *err)
{
	long long n = 0; /* wide enough for 10 * INT_MAX + 9 wherever long is 32 bits */
	const char *p = value;

	/* Digits only: no sign, no space, and no overflow however many are given. */
	for (; *p >= '0' && *p <= '9' && n <= o->max; p++)
		n = n * 10 + (*p - '0');
	if (!*value || *p || n < o->min || n > o->max) {
		strbuf_addf(err, "invalid %s \"%s\" for --%s (expected %ld to %ld%s%s)", o->what,
			    value, o->name, o->min, o->max, o->unit ? " " : "",
			    o->unit ? o->unit : "");
		return -1;
	}
	*dest = (int)n;
	return 0;
}

int opt_parse(struct opt_iter *it, void *const dest[], const void *ctx, const char **value,
	      struct strbuf *err)
{
	int id;

	while ((id = opt_next(it, value)) != OPT_END) {
		const struct opt *o = it->last;
		char *at;

		if (id == OPT_ERROR) {
			strbuf_adds(err, it->error);
			return OPT_ERROR;
		}
		if (o->kind == OPT_ID)
			return id;
		at = (char *)dest[o->in] + o->offset;
		switch (o->kind) {
		case OPT_FLAG:
			*(bool *)at = true;
			break;
		case OPT_STRING:
			*(const char **)at = *value;
			break;
		case OPT_INT:
			if (store_int(o, *value, (int *)at, err))
				return OPT_ERROR;
			break;
		case OPT_CALLBACK:
			if (o->callback(o, *value, at, ctx, err))
				return OPT_ERROR;
			break;
		case OPT_ID:
			break;
		}
	}
	return OPT_END;
}

void opt_format_help(struct strbuf *out, const struct opt *table, int ntable)
{
	for (int i = 0; i < ntable; i++) {
		const struct opt *o = &table[i];
		size_t start = out->len, used;
		const char *line = o->help ? o->help : "";

		strbuf_adds(out, "  ");
		if (o->letter)
			strbuf_addf(out, "-%c, ", o->letter);
		strbuf_addf(out, "--%s", o->name);
		if (o->arg)
			strbuf_addf(out, " %s", o->arg);
		used = out->len - start;
		/* At least two spaces before the help; a label too long for that has it below. */
		if (used + 2 > OPT_HELP_COLUMN) {
			strbuf_addc(out, '\n');
			used = 0;
		}
		for (;;) {
			const char *nl = strchr(line, '\n');
			size_t n = nl ? (size_t)(nl - line) : strlen(line);

			for (; used < OPT_HELP_COLUMN; used++)
				strbuf_addc(out, ' ');
			strbuf_add(out, line, n);
			strbuf_addc(out, '\n');
			if (!nl)
				break;
			line = nl + 1;
			used = 0;
		}
	}
}
