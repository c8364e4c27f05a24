/* Libraries that only some commands use, opened on first use (dynlib.c). */
#ifndef CRAF_DYNLIB_H
#define CRAF_DYNLIB_H

#include <stdbool.h>

struct dynlib {
	const char *soname; /* the version craf was built against: another's interface may differ */
	const char *need;   /* the message's start: "XLSX output needs libxlsxwriter" */
	const char *package; /* the Debian package that has it */
	void *handle;	     /* NULL until opened, and after a failure */
	char error[256];     /* why not, after a failure */
};

/* Opens d->soname; false with d->error set when it cannot be had. */
bool dynlib_open(struct dynlib *d);
/* The address of name in d, or NULL. */
void *dynlib_sym(struct dynlib *d, const char *name);
/*
 * Ends the lookups: found says every DYNLIB_SYM succeeded. When one did not,
 * d is closed, d->error names the missing function and false is returned.
 */
bool dynlib_finish(struct dynlib *d, bool found);

/*
 * Sets table.name to name's address in d and says whether it was found.
 * sizeof evaluates nothing, so nothing links against the library, but the
 * compiler still checks the pointer's type against the library's header.
 * POSIX lets a data pointer from dlsym stand for a function pointer.
 */
#define DYNLIB_SYM(d, table, name)                                                                 \
	((void)sizeof((table).name = name), *(void **)&(table).name = dynlib_sym((d), #name),      \
	 (table).name != NULL)

#endif
