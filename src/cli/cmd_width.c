/* How wide text output may be: decided here, once, and handed to the renderers. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cmd.h"
#include "term.h"

/* A whole number of columns, or -1. */
static long parse_columns(const char *s)
{
	long n = 0;

	if (!s || !*s || strlen(s) > 6)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n;
}

int cmd_term_width(void)
{
	/* Measured once: a pager started later takes stdout's place. */
	static int width;
	struct winsize ws;
	long n = -1;

	if (width)
		return width;
	if (isatty(STDOUT_FILENO) && !ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) && ws.ws_col > 0)
		n = ws.ws_col;
	if (n <= 0)
		n = parse_columns(getenv("COLUMNS"));
	if (n <= 0)
		n = TERM_WIDTH_DEFAULT;
	/* Narrower than craf can lay out: use the minimum and let the terminal fold. */
	width = n < TERM_WIDTH_MIN ? TERM_WIDTH_MIN : n > TERM_WIDTH_MAX ? TERM_WIDTH_MAX : (int)n;
	return width;
}

int cmd_output_width(int given, const char *output)
{
	if (given)
		return given;
	/* A file is read later, anywhere: it gets the usual width, not this terminal's. */
	if (output && strcmp(output, "-"))
		return TERM_WIDTH_DEFAULT;
	return cmd_term_width();
}
