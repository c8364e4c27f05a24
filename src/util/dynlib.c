/*
 * Libraries most runs never use (the workbook writer and reader, the archive
 * library) are opened with dlopen when first needed: loading them with every
 * run would cost more than craf's own work on the shipped example.
 */
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>

bool dynlib_open(struct dynlib *d)
{
	d->handle = dlopen(d->soname, RTLD_NOW | RTLD_LOCAL);
	if (d->handle)
		return true;
	snprintf(d->error, sizeof(d->error), "%s (Debian package %s): %s", d->need, d->package,
		 dlerror());
	return false;
}

void *dynlib_sym(struct dynlib *d, const char *name)
{
	return dlsym(d->handle, name);
}

bool dynlib_finish(struct dynlib *d, bool found)
{
	if (found)
		return true;
	/* dlerror names the symbol dlsym could not find. */
	snprintf(d->error, sizeof(d->error), "the %s library lacks a function: %s", d->soname,
		 dlerror());
	dlclose(d->handle);
	d->handle = NULL;
	return false;
}
