/* Writes a comparison as the "craf-diff/1" JSON document (docs/diff.schema.json). */
#include "diff_render.h"
#include "jsonw.h"

static void side(struct jsonw *w, const char *key, const struct result *r)
{
	char date[11];

	jsonw_object(w, key);

	jsonw_str(w, "institution", r->institution);
	jsonw_str(w, "assessment_date", date_format(&r->assessment_date, date));
	jsonw_str(w, "target", level_name(r->target));
	jsonw_str(w, "overall", level_name(r->overall));
	jsonw_str(w, "source", r->answers_path);
	jsonw_int(w, "gaps", (long long)r->summary.gaps);
	jsonw_object(w, "catalogue");
	jsonw_str(w, "framework", r->framework);
	jsonw_str(w, "version", r->catalogue_version);
	jsonw_str(w, "sha256", r->catalogue_sha256);
	jsonw_end(w);
	jsonw_end(w);
}

static void items(struct jsonw *w, const char *key, const struct diff_items *list, int statuses)
{
	jsonw_array(w, key, false);
	for (size_t i = 0; i < list->nr; i++) {
		const struct diff_item *it = &list->items[i];

		jsonw_object(w, NULL);
		jsonw_str(w, "control", it->control->id);
		jsonw_str(w, "level", level_name(it->level));
		if (statuses) {
			jsonw_str(w, "old_status", status_name(it->old_status));
			jsonw_str(w, "new_status", status_name(it->new_status));
		}
		jsonw_end(w);
	}
	jsonw_end(w);
}

void diff_json_render(struct strbuf *out, const struct diff *d)
{
	struct jsonw w;
	char date[11];

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_str(&w, "schema", DIFF_SCHEMA);
	jsonw_object(&w, "tool");
	jsonw_str(&w, "name", "craf");
	jsonw_str(&w, "version", d->new->tool_version);
	jsonw_end(&w);
	side(&w, "old", d->old);
	side(&w, "new", d->new);
	jsonw_array(&w, "domains", false);
	for (size_t i = 0; i < d->ndomains; i++) {
		const struct diff_domain *dd = &d->domains[i];

		jsonw_object(&w, NULL);
		jsonw_str(&w, "id", dd->id);
		jsonw_text(&w, "name", &dd->name);
		jsonw_str(&w, "old", dd->change == CHANGE_ADDED ? NULL : level_name(dd->old_level));
		jsonw_str(&w, "new",
			  dd->change == CHANGE_REMOVED ? NULL : level_name(dd->new_level));
		jsonw_str(&w, "change", diff_change_name(dd->change));
		jsonw_end(&w);
	}
	jsonw_end(&w);
	items(&w, "closed", &d->closed, 1);
	items(&w, "regressed", &d->regressed, 1);
	items(&w, "still_open", &d->still_open, 1);
	items(&w, "new_gaps", &d->new_gaps, 1);
	items(&w, "status_changes", &d->status_changes, 1);
	jsonw_array(&w, "remediation", false);
	for (size_t i = 0; i < d->nremediation; i++) {
		const struct diff_remediation *r = &d->remediation[i];

		jsonw_object(&w, NULL);
		jsonw_str(&w, "control", r->control->id);
		jsonw_str(&w, "level", level_name(r->old->level));
		jsonw_str(&w, "action", r->old->remediation.action);
		jsonw_str(&w, "owner", r->old->remediation.owner);
		jsonw_str(&w, "due", date_format(&r->old->remediation.due, date));
		jsonw_str(&w, "new_status", r->new ? status_name(r->new->status) : NULL);
		jsonw_str(&w, "new_due",
			  r->new && r->new->has_remediation
				  ? date_format(&r->new->remediation.due, date)
				  : NULL);
		jsonw_str(&w, "delivery", delivery_name(r->delivery));
		jsonw_end(&w);
	}
	jsonw_end(&w);
	jsonw_object(&w, "catalogue_drift");
	jsonw_bool(&w, "changed", d->catalogue_changed);
	items(&w, "added", &d->drift_added, 0);
	items(&w, "removed", &d->drift_removed, 0);
	jsonw_end(&w);
	jsonw_object(&w, "summary");
	jsonw_int(&w, "closed", (long long)d->closed.nr);
	jsonw_int(&w, "regressed", (long long)d->regressed.nr);
	jsonw_int(&w, "still_open", (long long)d->still_open.nr);
	jsonw_int(&w, "new_gaps", (long long)d->new_gaps.nr);
	jsonw_int(&w, "status_changes", (long long)d->status_changes.nr);
	jsonw_int(&w, "domains_up", (long long)d->domains_up);
	jsonw_int(&w, "domains_down", (long long)d->domains_down);
	jsonw_int(&w, "delivered", (long long)d->delivered);
	jsonw_int(&w, "late", (long long)d->late);
	jsonw_int(&w, "missed", (long long)d->missed);
	jsonw_bool(&w, "regressed_any", diff_regressed(d));
	jsonw_end(&w);
	jsonw_end(&w);
	jsonw_finish(&w);
}
