/* Writes a comparison as the "craf-diff/1" JSON document (docs/diff.schema.json). */
#include "diff.h"
#include "json.h"

static void side(cJSON *doc, const char *key, const struct result *r)
{
	cJSON *o = json_add_object(doc, key), *cat;
	char date[11];

	json_add_str(o, "institution", r->institution);
	json_add_str(o, "assessment_date", date_format(&r->assessment_date, date));
	json_add_str(o, "target", level_name(r->target));
	json_add_str(o, "overall", level_name(r->overall));
	json_add_str(o, "source", r->answers_path);
	json_add_num(o, "gaps", (double)r->summary.gaps);
	cat = json_add_object(o, "catalogue");
	json_add_str(cat, "framework", r->framework);
	json_add_str(cat, "version", r->catalogue_version);
	json_add_str(cat, "sha256", r->catalogue_sha256);
}

static void items(cJSON *obj, const char *key, const struct diff_items *list, int statuses)
{
	cJSON *arr = json_add_array(obj, key);

	for (size_t i = 0; i < list->nr; i++) {
		const struct diff_item *it = &list->items[i];
		cJSON *o = cJSON_CreateObject();

		json_add_str(o, "control", it->control->id);
		json_add_str(o, "level", level_name(it->level));
		if (statuses) {
			json_add_str(o, "old_status", status_name(it->old_status));
			json_add_str(o, "new_status", status_name(it->new_status));
		}
		cJSON_AddItemToArray(arr, o);
	}
}

void diff_json_render(struct strbuf *out, const struct diff *d)
{
	cJSON *doc, *arr, *o;
	char date[11];

	json_init();
	doc = cJSON_CreateObject();
	json_add_str(doc, "schema", DIFF_SCHEMA);
	o = json_add_object(doc, "tool");
	json_add_str(o, "name", "craf");
	json_add_str(o, "version", d->new->tool_version);
	side(doc, "old", d->old);
	side(doc, "new", d->new);
	arr = json_add_array(doc, "domains");
	for (size_t i = 0; i < d->ndomains; i++) {
		const struct diff_domain *dd = &d->domains[i];

		o = cJSON_CreateObject();
		json_add_str(o, "id", dd->id);
		json_add_text(o, "name", &dd->name);
		json_add_str(o, "old",
			     dd->change == CHANGE_ADDED ? NULL : level_name(dd->old_level));
		json_add_str(o, "new",
			     dd->change == CHANGE_REMOVED ? NULL : level_name(dd->new_level));
		json_add_str(o, "change", diff_change_name(dd->change));
		cJSON_AddItemToArray(arr, o);
	}
	items(doc, "closed", &d->closed, 1);
	items(doc, "regressed", &d->regressed, 1);
	items(doc, "still_open", &d->still_open, 1);
	items(doc, "new_gaps", &d->new_gaps, 1);
	items(doc, "status_changes", &d->status_changes, 1);
	arr = json_add_array(doc, "remediation");
	for (size_t i = 0; i < d->nremediation; i++) {
		const struct diff_remediation *r = &d->remediation[i];

		o = cJSON_CreateObject();
		json_add_str(o, "control", r->control->id);
		json_add_str(o, "level", level_name(r->old->level));
		json_add_str(o, "action", r->old->remediation.action);
		json_add_str(o, "owner", r->old->remediation.owner);
		json_add_str(o, "due", date_format(&r->old->remediation.due, date));
		json_add_str(o, "new_status", r->new ? status_name(r->new->status) : NULL);
		json_add_str(o, "new_due",
			     r->new && r->new->has_remediation
				     ? date_format(&r->new->remediation.due, date)
				     : NULL);
		json_add_str(o, "delivery", delivery_name(r->delivery));
		cJSON_AddItemToArray(arr, o);
	}
	o = json_add_object(doc, "catalogue_drift");
	json_add_bool(o, "changed", d->catalogue_changed);
	items(o, "added", &d->drift_added, 0);
	items(o, "removed", &d->drift_removed, 0);
	o = json_add_object(doc, "summary");
	json_add_num(o, "closed", (double)d->closed.nr);
	json_add_num(o, "regressed", (double)d->regressed.nr);
	json_add_num(o, "still_open", (double)d->still_open.nr);
	json_add_num(o, "new_gaps", (double)d->new_gaps.nr);
	json_add_num(o, "status_changes", (double)d->status_changes.nr);
	json_add_num(o, "domains_up", (double)d->domains_up);
	json_add_num(o, "domains_down", (double)d->domains_down);
	json_add_num(o, "delivered", (double)d->delivered);
	json_add_num(o, "late", (double)d->late);
	json_add_num(o, "missed", (double)d->missed);
	json_add_bool(o, "regressed_any", diff_regressed(d));
	json_render(out, doc);
	cJSON_Delete(doc);
}
