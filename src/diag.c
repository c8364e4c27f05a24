/* Collects diagnostics so a run can report every error it found, then prints them. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "term.h"
#include "xalloc.h"

void diag_list_init(struct diag_list *dl)
{
	memset(dl, 0, sizeof(*dl));
}

void diag_list_release(struct diag_list *dl)
{
	for (size_t i = 0; i < dl->nr; i++) {
		free(dl->items[i].file);
		free(dl->items[i].message);
		free(dl->items[i].excerpt);
	}
	free(dl->items);
	diag_list_init(dl);
}

__attribute__((format(printf, 8, 0))) static void
diag_add(struct diag_list *dl, enum diag_severity sev, const char *file, int line, int col,
	 int span, const char *excerpt, const char *fmt, va_list ap)
{
	struct strbuf msg = STRBUF_INIT;
	struct diag *d;

	if (sev == DIAG_ERROR) {
		dl->errors++;
		if (dl->errors > DIAG_MAX_ERRORS) {
			dl->dropped++;
			return;
		}
	}
	strbuf_vaddf(&msg, fmt, ap);
	dl->items = xgrow(dl->items, &dl->alloc, dl->nr + 1, sizeof(*d));
	d = &dl->items[dl->nr++];
	d->severity = sev;
	d->file = xstrdup(file ? file : "craf");
	d->line = line;
	d->col = col;
	d->span = span > 0 ? span : 1;
	d->message = strbuf_detach(&msg);
	d->excerpt = excerpt ? xstrdup(excerpt) : NULL;
}

int diag_error(struct diag_list *dl, const char *file, int line, int col, int span,
	       const char *excerpt, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(dl, DIAG_ERROR, file, line, col, span, excerpt, fmt, ap);
	va_end(ap);
	return -1;
}

void diag_warning(struct diag_list *dl, const char *file, int line, int col, int span,
		  const char *excerpt, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_add(dl, DIAG_WARNING, file, line, col, span, excerpt, fmt, ap);
	va_end(ap);
}

void diag_list_append(struct diag_list *dl, const struct diag_list *src)
{
	for (size_t i = 0; i < src->nr; i++) {
		const struct diag *s = &src->items[i];

		if (s->severity == DIAG_ERROR)
			diag_error(dl, s->file, s->line, s->col, s->span, s->excerpt, "%s",
				   s->message);
		else
			diag_warning(dl, s->file, s->line, s->col, s->span, s->excerpt, "%s",
				     s->message);
	}
	dl->errors += src->dropped;
	dl->dropped += src->dropped;
}

bool diag_list_has_errors(const struct diag_list *dl)
{
	return dl->errors > 0;
}

void diag_print(FILE *out, const struct diag *d, bool color)
{
	struct strbuf line = STRBUF_INIT;
	const char *bold = color ? "\033[1m" : "";
	const char *red = color ? "\033[1;31m" : "";
	const char *mag = color ? "\033[1;35m" : "";
	const char *off = color ? "\033[0m" : "";

	term_sanitize(&line, d->file, strlen(d->file));
	fprintf(out, "%s%s:%d:%d:%s ", bold, strbuf_str(&line), d->line, d->col, off);
	strbuf_reset(&line);
	if (d->severity == DIAG_WARNING)
		fprintf(out, "%swarning:%s ", mag, off);
	term_sanitize(&line, d->message, strlen(d->message));
	fprintf(out, "%s\n", strbuf_str(&line));
	if (d->excerpt && *d->excerpt) {
		int width = 0, pad;

		strbuf_reset(&line);
		/* Tabs would misplace the caret: show them as one space. */
		for (const char *p = d->excerpt; *p; p++)
			strbuf_addc(&line, *p == '\t' ? ' ' : *p);
		{
			struct strbuf clean = STRBUF_INIT;

			term_sanitize(&clean, line.buf, line.len);
			fprintf(out, "%5d | %s\n", d->line, strbuf_str(&clean));
			/* Column counts characters; the caret needs display width. */
			width = term_width_prefix(strbuf_str(&clean), d->col - 1);
			strbuf_release(&clean);
		}
		fputs("      | ", out);
		for (pad = 0; pad < width; pad++)
			fputc(' ', out);
		fprintf(out, "%s^", red);
		for (pad = 1; pad < d->span && pad < 200; pad++)
			fputc('~', out);
		fprintf(out, "%s\n", off);
	}
	strbuf_release(&line);
}

/* Files in the order first met, then line and column; equal ones keep their order. */
static int diag_before(const struct diag_list *dl, size_t a, size_t b)
{
	const struct diag *x = &dl->items[a], *y = &dl->items[b];
	size_t fx = a, fy = b;

	if (strcmp(x->file, y->file)) {
		for (size_t i = 0; i < dl->nr; i++) {
			if (fx == a && !strcmp(dl->items[i].file, x->file))
				fx = i;
			if (fy == b && !strcmp(dl->items[i].file, y->file))
				fy = i;
		}
		return fx < fy;
	}
	if (x->line != y->line)
		return x->line < y->line;
	if (x->col != y->col)
		return x->col < y->col;
	return a < b;
}

void diag_list_print(FILE *out, const struct diag_list *dl, bool color)
{
	size_t *order = xmalloc((dl->nr ? dl->nr : 1) * sizeof(*order));

	/* Insertion sort: at most DIAG_MAX_ERRORS errors plus warnings. */
	for (size_t i = 0; i < dl->nr; i++) {
		size_t j = i;

		while (j > 0 && diag_before(dl, i, order[j - 1])) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	for (size_t i = 0; i < dl->nr; i++)
		diag_print(out, &dl->items[order[i]], color);
	free(order);
	if (dl->dropped)
		fprintf(out, "craf: %zu more error%s not shown\n", dl->dropped,
			dl->dropped == 1 ? "" : "s");
}
