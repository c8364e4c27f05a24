/*
 * Libraries most runs never use (the workbook writer and reader, the archive
 * library) are opened with dlopen when first needed: loading them with every
 * run would cost more than craf's own work on the shipped example.
 */
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>

static void open_lib(struct dynlib *d)
{
	d->handle = dlopen(d->soname, RTLD_NOW | RTLD_LOCAL);
	if (!d->handle) {
		snprintf(d->error, sizeof(d->error), "%s (Debian package %s): %s", d->need,
			 d->package, dlerror());
		return;
	}
	if (d->resolve(d))
		return;
	snprintf(d->error, sizeof(d->error), "the %s library lacks a function: %s", d->soname,
		 d->missing ? d->missing : "?");
	dlclose(d->handle);
	d->handle = NULL;
}

bool dynlib_ready(struct dynlib *d)
{
	bool ready;

	pthread_mutex_lock(&d->lock);
	if (!d->tried) {
		open_lib(d);
		d->tried = true;
	}
	ready = d->handle != NULL;
	pthread_mutex_unlock(&d->lock);
	return ready;
}

void *dynlib_sym(struct dynlib *d, const char *name)
{
	void *p = dlsym(d->handle, name);

	if (!p && !d->missing)
		d->missing = name;
	return p;
}
