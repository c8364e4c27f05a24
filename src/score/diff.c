/* The comparison rules between two assessment cycles (docs/diff.md). */
#include "diff.h"

#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "xalloc.h"

const char *diff_change_name(enum diff_change c)
{
	static const char *const names[] = {"same", "up", "down", "added", "removed"};

	return names[c];
}

const char *delivery_name(enum delivery d)
{
	static const char *const names[] = {"delivered", "late", "missed"};

	return names[d];
}

static void push(struct diff_items *list, const struct result_control *c, enum level l,
		 enum status os, enum status ns)
{
	list->items = xgrow(list->items, &list->alloc, list->nr + 1, sizeof(*list->items));
	list->items[list->nr].control = c;
	list->items[list->nr].level = l;
	list->items[list->nr].old_status = os;
	list->items[list->nr].new_status = ns;
	list->nr++;
}

static const struct result_level *find_level(const struct result_control *c, enum level l)
{
	for (size_t i = 0; i < c->nlevels; i++)
		if (c->levels[i].level == l)
			return &c->levels[i];
	return NULL;
}

static void compare_domains(struct diff *d)
{
	const struct result *o = d->old, *n = d->new;

	d->domains = xcalloc(o->ndomains + n->ndomains + 1, sizeof(*d->domains));
	for (size_t i = 0; i < n->ndomains; i++) {
		struct diff_domain *dd = &d->domains[d->ndomains++];
		size_t k;

		dd->id = n->domains[i].id;
		dd->name = n->domains[i].name;
		dd->new_level = n->domains[i].achieved;
		for (k = 0; k < o->ndomains; k++)
			if (!strcmp(o->domains[k].id, dd->id))
				break;
		if (k == o->ndomains) {
			dd->change = CHANGE_ADDED;
			dd->old_level = LEVEL_NONE;
			continue;
		}
		dd->old_level = o->domains[k].achieved;
		dd->change = dd->new_level > dd->old_level   ? CHANGE_UP
			     : dd->new_level < dd->old_level ? CHANGE_DOWN
							     : CHANGE_SAME;
		d->domains_up += dd->change == CHANGE_UP;
		d->domains_down += dd->change == CHANGE_DOWN;
	}
	for (size_t k = 0; k < o->ndomains; k++) {
		size_t i;

		for (i = 0; i < n->ndomains; i++)
			if (!strcmp(o->domains[k].id, n->domains[i].id))
				break;
		if (i < n->ndomains)
			continue;
		d->domains[d->ndomains].id = o->domains[k].id;
		d->domains[d->ndomains].name = o->domains[k].name;
		d->domains[d->ndomains].old_level = o->domains[k].achieved;
		d->domains[d->ndomains].new_level = LEVEL_NONE;
		d->domains[d->ndomains].change = CHANGE_REMOVED;
		d->ndomains++;
	}
}

static void classify(struct diff *d, const struct result_control *nc, const struct result_level *ol,
		     const struct result_level *nl)
{
	enum level l = nl->level;
	bool old_gap = !ol->achieved && l <= d->old->target;
	bool new_gap = !nl->achieved && l <= d->new->target;

	if (ol->achieved && !nl->achieved)
		push(&d->regressed, nc, l, ol->status, nl->status);
	else if (!ol->achieved && nl->achieved)
		push(&d->closed, nc, l, ol->status, nl->status);
	else if (old_gap && new_gap)
		push(&d->still_open, nc, l, ol->status, nl->status);
	else if (new_gap && !old_gap)
		push(&d->new_gaps, nc, l, ol->status, nl->status);
	if (ol->achieved == nl->achieved && ol->status != nl->status)
		push(&d->status_changes, nc, l, ol->status, nl->status);
}

static void remediation(struct diff *d, const struct result_control *oc,
			const struct result_level *ol, const struct result_level *nl)
{
	struct diff_remediation *r;

	if (!ol->has_remediation || date_cmp(&ol->remediation.due, &d->new->assessment_date) > 0)
		return;
	d->remediation = xgrow(d->remediation, &d->remediation_alloc, d->nremediation + 1,
			       sizeof(*d->remediation));
	r = &d->remediation[d->nremediation++];
	r->control = oc;
	r->old = ol;
	r->new = nl;
	if (nl && nl->achieved)
		r->delivery = DELIVERY_DELIVERED;
	else if (nl && nl->has_remediation &&
		 date_cmp(&nl->remediation.due, &ol->remediation.due) > 0)
		r->delivery = DELIVERY_LATE;
	else
		r->delivery = DELIVERY_MISSED;
	d->delivered += r->delivery == DELIVERY_DELIVERED;
	d->late += r->delivery == DELIVERY_LATE;
	d->missed += r->delivery == DELIVERY_MISSED;
}

void diff_compute(struct diff *d, const struct result *old, const struct result *new)
{
	struct idmap old_ids = IDMAP_INIT, new_ids = IDMAP_INIT;

	memset(d, 0, sizeof(*d));
	d->old = old;
	d->new = new;
	d->catalogue_changed = strcmp(old->framework, new->framework) ||
			       strcmp(old->catalogue_version, new->catalogue_version) ||
			       strcmp(old->catalogue_sha256, new->catalogue_sha256);
	compare_domains(d);
	for (size_t i = 0; i < old->ncontrols; i++)
		idmap_put(&old_ids, old->controls[i].id, i);
	for (size_t i = 0; i < new->ncontrols; i++)
		idmap_put(&new_ids, new->controls[i].id, i);
	/* New order drives the lists, so they read like the new report. */
	for (size_t i = 0; i < new->ncontrols; i++) {
		const struct result_control *nc = &new->controls[i];
		const struct result_control *oc;
		size_t k;

		if (idmap_get(&old_ids, nc->id, &k)) {
			for (size_t l = 0; l < nc->nlevels; l++)
				push(&d->drift_added, nc, nc->levels[l].level, STATUS_UNANSWERED,
				     nc->levels[l].status);
			continue;
		}
		oc = &old->controls[k];
		for (size_t l = 0; l < nc->nlevels; l++) {
			const struct result_level *ol = find_level(oc, nc->levels[l].level);

			if (!ol)
				push(&d->drift_added, nc, nc->levels[l].level, STATUS_UNANSWERED,
				     nc->levels[l].status);
			else
				classify(d, nc, ol, &nc->levels[l]);
		}
	}
	for (size_t k = 0; k < old->ncontrols; k++) {
		const struct result_control *oc = &old->controls[k];
		const struct result_control *nc = NULL;
		size_t i;

		if (!idmap_get(&new_ids, oc->id, &i))
			nc = &new->controls[i];
		for (size_t l = 0; l < oc->nlevels; l++) {
			const struct result_level *ol = &oc->levels[l];
			const struct result_level *nl = nc ? find_level(nc, ol->level) : NULL;

			if (!nl)
				push(&d->drift_removed, oc, ol->level, ol->status,
				     STATUS_UNANSWERED);
			remediation(d, oc, ol, nl);
		}
	}
	idmap_release(&old_ids);
	idmap_release(&new_ids);
}

bool diff_regressed(const struct diff *d)
{
	return d->regressed.nr > 0 || d->domains_down > 0;
}

static void items_release(struct diff_items *l)
{
	free(l->items);
	memset(l, 0, sizeof(*l));
}

void diff_release(struct diff *d)
{
	free(d->domains);
	items_release(&d->closed);
	items_release(&d->regressed);
	items_release(&d->still_open);
	items_release(&d->new_gaps);
	items_release(&d->status_changes);
	items_release(&d->drift_added);
	items_release(&d->drift_removed);
	free(d->remediation);
	memset(d, 0, sizeof(*d));
}
