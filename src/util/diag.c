/* Collects diagnostics so a run can report every error it found, then prints them. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "term.h"
#include "textsafe.h"
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
		free(dl->items[i].note);
	}
	free(dl->items);
	diag_list_init(dl);
}

static bool same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool already_reported(const struct diag_list *dl, enum diag_severity sev, const char *file,
			     int line, int col, const char *message, const char *note)
{
	for (size_t i = 0; i < dl->nr; i++) {
		const struct diag *d = &dl->items[i];

		if (d->severity == sev && d->line == line && d->col == col &&
		    !strcmp(d->file, file) && !strcmp(d->message, message) &&
		    same_text(d->note, note))
			return true;
	}
	return false;
}

bool diag_list_full(const struct diag_list *dl)
{
	return dl->errors >= DIAG_MAX_ERRORS;
}

int diag_report(struct diag_list *dl, enum diag_severity sev, const char *file, int line, int col,
		int span, const char *excerpt, int excerpt_col, const char *note,
		const char *message)
{
	struct diag *d;

	file = file ? file : "craf";
	if (sev == DIAG_ERROR && diag_list_full(dl)) {
		dl->errors++;
		dl->dropped++;
		return -1;
	}
	if (already_reported(dl, sev, file, line, col, message, note))
		return -1;
	if (sev == DIAG_ERROR)
		dl->errors++;
	dl->items = xgrow(dl->items, &dl->alloc, dl->nr + 1, sizeof(*d));
	d = &dl->items[dl->nr++];
	d->severity = sev;
	d->file = xstrdup(file);
	d->line = line;
	d->col = col;
	d->span = span > 0 ? span : 1;
	d->message = xstrdup(message);
	d->excerpt = excerpt ? xstrdup(excerpt) : NULL;
	d->excerpt_col = excerpt_col;
	d->note = note ? xstrdup(note) : NULL;
	return -1;
}

__attribute__((format(printf, 8, 0))) static void
diag_add(struct diag_list *dl, enum diag_severity sev, const char *file, int line, int col,
	 int span, const char *excerpt, const char *fmt, va_list ap)
{
	struct strbuf msg = STRBUF_INIT;

	if (sev == DIAG_ERROR && diag_list_full(dl)) {
		diag_report(dl, sev, file, line, col, span, NULL, 0, NULL, "");
		return;
	}
	strbuf_vaddf(&msg, fmt, ap);
	diag_report(dl, sev, file, line, col, span, excerpt, 0, NULL, strbuf_str(&msg));
	strbuf_release(&msg);
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

		diag_report(dl, s->severity, s->file, s->line, s->col, s->span, s->excerpt,
			    s->excerpt_col, s->note, s->message);
	}
	dl->errors += src->dropped;
	dl->dropped += src->dropped;
}

bool diag_list_has_errors(const struct diag_list *dl)
{
	return dl->errors > 0;
}

bool diag_invisible(unsigned cp)
{
	enum textsafe_kind k = textsafe_kind(cp);

	return k != TEXTSAFE_PLAIN && k != TEXTSAFE_CONTROL;
}

/*
 * Appends one character of s as diagnostics show it; returns its length in
 * bytes. in_excerpt: a tab is one space there, so the caret lines up.
 */
static size_t add_visible_char(struct strbuf *sb, const char *s, size_t len, bool in_excerpt)
{
	unsigned cp;
	size_t k = term_utf8_decode(s, len, &cp);

	if (!in_excerpt && (cp == '\n' || cp == '\t' || cp == '\r'))
		strbuf_adds(sb, cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : "\\r");
	else if (k > 1 && diag_invisible(cp))
		strbuf_addf(sb, "<U+%04X>", cp);
	else
		term_sanitize(sb, s, k);
	return k;
}

void diag_visible(struct strbuf *sb, const char *s, size_t len)
{
	strbuf_add(sb, "", 0);
	while (len) {
		size_t k = add_visible_char(sb, s, len, false);

		s += k;
		len -= k;
	}
}

int diag_excerpt_width(const char *s, size_t len)
{
	int w = 0;

	while (len) {
		unsigned cp;
		size_t k = term_utf8_decode(s, len, &cp);

		if (cp == '\t')
			w += 1;
		else if (cp < 0x20 || cp == 0x7f)
			w += 2;
		else if (cp == 0xfffd && k == 1 && (unsigned char)*s >= 0x80)
			w += 6;
		else if ((cp >= 0x80 && cp <= 0x9f) || (k > 1 && diag_invisible(cp)))
			w += cp > 0xffff ? 9 : 8;
		else
			w += term_cp_width(cp);
		s += k;
		len -= k;
	}
	return w;
}

/* The excerpt as shown, with the caret's column and the underline's width, in columns. */
static void render_excerpt(struct strbuf *out, const struct diag *d, int *caret, int *underline)
{
	const char *s = d->excerpt;
	size_t len = strlen(s);
	int at = (d->excerpt_col > 0 ? d->excerpt_col : d->col) - 1, idx = 0, w = 0;

	*caret = -1;
	*underline = 0;
	while (len) {
		size_t before = out->len;
		size_t k;

		if (idx == at)
			*caret = w;
		k = add_visible_char(out, s, len, true);
		w += term_width(strbuf_str(out) + before);
		if (idx >= at && idx < at + d->span)
			*underline = w - *caret;
		s += k;
		len -= k;
		idx++;
	}
	if (*caret < 0)
		*caret = w; /* just past the end of the line */
	if (*underline < 1)
		*underline = 1;
	if (*underline > 200)
		*underline = 200;
}

void diag_print(FILE *out, const struct diag *d, bool color)
{
	struct strbuf line = STRBUF_INIT;
	const char *bold = color ? "\033[1m" : "";
	const char *red = color ? "\033[1;31m" : "";
	const char *mag = color ? "\033[1;35m" : "";
	const char *cyan = color ? "\033[1;36m" : "";
	const char *off = color ? "\033[0m" : "";

	diag_visible(&line, d->file, strlen(d->file));
	/* Line 0: the file part names the place itself ("answers.xlsx: Answers!E14"). */
	if (d->line > 0)
		fprintf(out, "%s%s:%d:%d:%s ", bold, strbuf_str(&line), d->line, d->col, off);
	else
		fprintf(out, "%s%s:%s ", bold, strbuf_str(&line), off);
	strbuf_reset(&line);
	if (d->severity == DIAG_WARNING)
		fprintf(out, "%swarning:%s ", mag, off);
	diag_visible(&line, d->message, strlen(d->message));
	fprintf(out, "%s\n", strbuf_str(&line));
	if (d->excerpt && *d->excerpt) {
		int caret, underline;

		strbuf_reset(&line);
		render_excerpt(&line, d, &caret, &underline);
		fprintf(out, "%5d | %s\n", d->line, strbuf_str(&line));
		fprintf(out, "      | %*s%s^", caret, "", red);
		for (int pad = 1; pad < underline; pad++)
			fputc('~', out);
		fprintf(out, "%s\n", off);
	}
	if (d->note) {
		strbuf_reset(&line);
		diag_visible(&line, d->note, strlen(d->note));
		fprintf(out, "      = %snote:%s %s\n", cyan, off, strbuf_str(&line));
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
