/* Libraries that only some commands use, opened on first use (dynlib.c). */
#ifndef CRAF_DYNLIB_H
#define CRAF_DYNLIB_H

#include <pthread.h>
#include <stdbool.h>

struct dynlib {
	const char *soname; /* the version craf was built against: another's interface may differ */
	const char *need;   /* the message's start: "XLSX output needs libxlsxwriter" */
	const char *package; /* the Debian package that has it */
	/* Looks up every function the caller uses, with DYNLIB_SYM: false if one is missing. */
	bool (*resolve)(struct dynlib *d);
	pthread_mutex_t lock;
	bool tried;
	const char *missing; /* the first function dynlib_sym did not find */
	void *handle;	     /* NULL until opened, and after a failure */
	char error[256];     /* why not, after a failure */
};

#define DYNLIB_INIT(soname_, need_, package_, resolve_)                                            \
	{                                                                                          \
		.soname = (soname_), .need = (need_), .package = (package_),                       \
		.resolve = (resolve_), .lock = PTHREAD_MUTEX_INITIALIZER                           \
	}

/*
 * Opens d and resolves its functions on the first call; then says whether
 * they can be used, else d->error says why not. Safe from any thread.
 */
bool dynlib_ready(struct dynlib *d);
/* The address of name in d, or NULL. */
void *dynlib_sym(struct dynlib *d, const char *name);

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
