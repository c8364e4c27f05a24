/* What every fuzz target checks of craf's output, beyond not crashing (tests/fuzz/README.md). */
#ifndef CRAF_FUZZ_CHECK_H
#define CRAF_FUZZ_CHECK_H

#include <stddef.h>

#include "catalogue.h"
#include "result.h"

/* How much fuzz_check_result renders. */
enum fuzz_depth {
	FUZZ_ALL,     /* every format, an XLSX workbook included */
	FUZZ_NO_XLSX, /* every format but XLSX, which takes the most time */
	FUZZ_MAIN,    /* text once, HTML, Markdown, CSV: what a catalogue's text reaches */
};

/*
 * Renders r in every format (text at three widths and in two languages,
 * JSON, HTML, Markdown, CSV, OSCAL, XLSX to a temporary file), as a
 * comparison with itself (text, Markdown, HTML, JSON) and as a one-cycle
 * trend (text, HTML, JSON), as far as depth says, and checks each output's
 * invariants; any violation is printed and abort()s, so libFuzzer keeps
 * the input.
 */
void fuzz_check_result(const struct result *r, enum fuzz_depth depth);
/* The depth for an input of size bytes: XLSX only for small ones, or all with CRAF_FUZZ_ALL_XLSX.
 */
enum fuzz_depth fuzz_depth_for(size_t size);
/* Renders cat's text views (list, some principles and products, responsibility) and checks them. */
void fuzz_check_catalogue(const struct catalogue *cat);

/* The single checks. */
void fuzz_check_text(const char *what, const char *s, size_t len);
void fuzz_check_html(const char *what, const char *s, size_t len);
void fuzz_check_markdown(const char *what, const char *s, size_t len);
void fuzz_check_csv(const char *what, const char *s, size_t len);
void fuzz_check_json(const char *what, const char *s, size_t len);
/* Every part of the workbook at path: XML 1.0 characters only, none shown by code left raw. */
void fuzz_check_xlsx(const char *what, const char *path);

#endif
