/* The catalogue compiled into craf: gen_catalogue's checked model, used in place, parsed never. */
#include "catalogue_load.h"

/* Generated at build time from controls/ (src/gen/gen_catalogue.c). */
extern const struct catalogue craf_builtin_catalogue;
extern const struct catalogue_file craf_embedded_catalogue[];
extern const size_t craf_embedded_catalogue_count;

int catalogue_load_builtin(struct catalogue *cat, struct diag_list *dl)
{
	(void)dl; /* checked when craf was built */
	/* Pointers to static data: catalogue_release leaves them alone (cat->builtin). */
	*cat = craf_builtin_catalogue;
	return 0;
}

void catalogue_builtin_files(const struct catalogue_file **files, size_t *n)
{
	*files = craf_embedded_catalogue;
	*n = craf_embedded_catalogue_count;
}
