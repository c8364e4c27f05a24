/* Loads a catalogue from YAML files, with every check, into the model of catalogue.h. */
#ifndef CRAF_CATALOGUE_LOAD_H
#define CRAF_CATALOGUE_LOAD_H

#include <stddef.h>

#include "catalogue.h"
#include "diag.h"

/* A catalogue file held in memory: the built-in ones, or a test's. */
struct catalogue_file {
	const char *name; /* framework.yaml, 1-governance.yaml, ... */
	const unsigned char *data;
	size_t len;
};

/* The catalogue compiled into craf: no parsing, no allocation, never fails. */
int catalogue_load_builtin(struct catalogue *cat, struct diag_list *dl);
/* Loads a catalogue from files in memory (for tests and fuzzing). */
int catalogue_load_files(struct catalogue *cat, const struct catalogue_file *files, size_t n,
			 struct diag_list *dl);
/* The files compiled into craf. */
void catalogue_builtin_files(const struct catalogue_file **files, size_t *n);
/* Loads DIR/framework.yaml and the files it names. */
int catalogue_load_dir(struct catalogue *cat, const char *dir, struct diag_list *dl);

#endif
