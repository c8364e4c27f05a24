/* Writes a result as the versioned JSON report that auditors' scripts rely on. */
#include "report_json.h"

#include "json.h"

static const char *text_or_null(const char *s)
{
	return s;
}

static void add_date(cJSON *obj, const char *key, const struct date *d)
{
	char buf[11];

	json_add_str(obj, key, date_is_set(d) ? date_format(d, buf) : NULL);
}

static cJSON *remediation(const struct result_level *rl)
{
	cJSON *o;

	if (!rl->has_remediation)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	json_add_str(o, "action", rl->remediation.action);
	json_add_str(o, "owner", rl->remediation.owner);
	add_date(o, "due", &rl->remediation.due);
	json_add_bool(o, "overdue", rl->overdue);
	return o;
}

static void add_products(cJSON *obj, const struct result *r, const struct result_control *c)
{
	cJSON *arr = json_add_array(obj, "products");

	for (size_t k = 0; k < c->nproducts; k++)
		json_push_str(arr, r->products[c->products[k]].id);
}

static void add_domains(cJSON *doc, const struct result *r)
{
	cJSON *arr = json_add_array(doc, "domains");

	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];
		cJSON *o = cJSON_CreateObject(), *levels, *comps;

		json_add_str(o, "id", rd->id);
		json_add_text(o, "name", &rd->name);
		json_add_str(o, "achieved", level_name(rd->achieved));
		json_add_bool(o, "meets_target", rd->meets_target);
		levels = json_add_object(o, "levels");
		for (int l = 0; l < LEVEL_COUNT; l++) {
			cJSON *lv = json_add_object(levels, level_name((enum level)l));

			json_add_num(lv, "required", rd->required[l]);
			json_add_num(lv, "achieved", rd->achieved_count[l]);
		}
		comps = json_add_array(o, "components");
		for (size_t c = 0; c < rd->ncomponents; c++) {
			cJSON *co = cJSON_CreateObject();

			json_add_str(co, "id", rd->components[c].id);
			json_add_text(co, "name", &rd->components[c].name);
			json_add_str(co, "achieved", level_name(rd->components[c].achieved));
			cJSON_AddItemToArray(comps, co);
		}
		cJSON_AddItemToArray(arr, o);
	}
}

static void add_controls(cJSON *doc, const struct result *r)
{
	cJSON *arr = json_add_array(doc, "controls");

	for (size_t i = 0; i < r->ncontrols; i++) {
		const struct result_control *c = &r->controls[i];
		const struct result_domain *rd = &r->domains[c->domain];
		cJSON *o = cJSON_CreateObject(), *levels;

		json_add_str(o, "id", c->id);
		json_add_str(o, "domain", rd->id);
		json_add_str(o, "component", rd->components[c->component].id);
		json_add_text(o, "name", &c->name);
		json_add_str(o, "responsibility",
			     c->responsibility == RESP_NONE
				     ? NULL
				     : responsibility_name(c->responsibility));
		json_add_bool(o, "all_levels", c->single);
		json_add_str(o, "achieved", level_name(c->achieved));
		add_products(o, r, c);
		levels = json_add_array(o, "levels");
		for (size_t l = 0; l < c->nlevels; l++) {
			const struct result_level *rl = &c->levels[l];
			cJSON *lo = cJSON_CreateObject(), *ev;

			json_add_str(lo, "level", level_name(rl->level));
			json_add_text(lo, "requirement", &rl->requirement);
			json_add_str(lo, "status", status_name(rl->status));
			json_add_bool(lo, "achieved", rl->achieved);
			ev = json_add_array(lo, "evidence");
			for (size_t e = 0; e < rl->evidence.nr; e++)
				json_push_str(ev, rl->evidence.items[e]);
			json_add_str(lo, "note", text_or_null(rl->note));
			cJSON_AddItemToObject(lo, "remediation", remediation(rl));
			add_date(lo, "expires", &rl->expires);
			json_add_bool(lo, "expired", rl->expired);
			cJSON_AddItemToArray(levels, lo);
		}
		cJSON_AddItemToArray(arr, o);
	}
}

static void add_gaps(cJSON *doc, const struct result *r)
{
	cJSON *arr = json_add_array(doc, "gaps");

	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];
		cJSON *o = cJSON_CreateObject();

		json_add_str(o, "control", c->id);
		json_add_str(o, "level", level_name(rl->level));
		json_add_str(o, "status", status_name(rl->status));
		json_add_text(o, "requirement", &rl->requirement);
		json_add_str(o, "note", rl->note);
		cJSON_AddItemToObject(o, "remediation", remediation(rl));
		add_products(o, r, c);
		cJSON_AddItemToArray(arr, o);
	}
}

static void add_risk(cJSON *doc, const struct result *r)
{
	const struct result_risk *rr = &r->risk;
	cJSON *o, *counts, *arr;

	if (r->inherent_risk == RISK_NONE) {
		cJSON_AddNullToObject(doc, "inherent_risk");
		return;
	}
	o = json_add_object(doc, "inherent_risk");
	json_add_str(o, "rating", risk_name(r->inherent_risk));
	json_add_str(o, "method", rr->from_indicators ? "indicators" : "stated");
	json_add_str(o, "rule", rr->from_indicators ? "majority" : NULL);
	json_add_str(o, "computed", rr->from_indicators ? risk_name(rr->computed) : NULL);
	if (rr->from_indicators) {
		counts = json_add_object(o, "counts");
		for (int k = 0; k < RISK_COUNT; k++)
			json_add_num(counts, risk_name((enum risk)k), rr->counts[k]);
	} else {
		cJSON_AddNullToObject(o, "counts");
	}
	if (rr->override != RISK_NONE) {
		cJSON *ov = json_add_object(o, "override");

		json_add_str(ov, "rating", risk_name(rr->override));
		json_add_str(ov, "justification", rr->justification);
	} else {
		cJSON_AddNullToObject(o, "override");
	}
	arr = json_add_array(o, "indicators");
	for (size_t i = 0; i < rr->nindicators; i++) {
		const struct result_risk_indicator *ind = &rr->indicators[i];
		cJSON *io = cJSON_CreateObject();

		json_add_str(io, "category", ind->category);
		if (ind->category_name.en)
			json_add_text(io, "category_name", &ind->category_name);
		else
			cJSON_AddNullToObject(io, "category_name");
		json_add_str(io, "name", ind->name);
		json_add_str(io, "rating", risk_name(ind->rating));
		json_add_str(io, "note", ind->note);
		cJSON_AddItemToArray(arr, io);
	}
	json_add_bool(o, "icast_required", r->icast_required);
}

void report_json_render(struct strbuf *out, const struct result *r)
{
	cJSON *doc, *o, *arr;

	json_init();
	doc = cJSON_CreateObject();
	json_add_str(doc, "schema", REPORT_SCHEMA);
	o = json_add_object(doc, "tool");
	json_add_str(o, "name", "craf");
	json_add_str(o, "version", r->tool_version);
	o = json_add_object(doc, "catalogue");
	json_add_str(o, "framework", r->framework);
	json_add_str(o, "version", r->catalogue_version);
	json_add_str(o, "sha256", r->catalogue_sha256);
	json_add_bool(o, "builtin", r->catalogue_builtin);
	json_add_str(o, "origin", r->catalogue_origin);
	o = json_add_object(doc, "answers");
	json_add_str(o, "path", r->answers_path);
	json_add_str(o, "sha256", r->answers_sha256);
	json_add_str(doc, "institution", r->institution);
	add_date(doc, "assessment_date", &r->assessment_date);
	json_add_str(doc, "assessor", r->assessor);
	json_add_str(doc, "scope", r->scope);
	add_date(doc, "as_of", &r->as_of);
	add_risk(doc, r);

	json_add_str(doc, "target", level_name(r->target));
	json_add_str(doc, "target_source",
		     r->target_source == TARGET_INHERENT_RISK ? "inherent_risk" : "explicit");
	json_add_bool(doc, "target_from_command_line", r->target_source == TARGET_COMMAND_LINE);
	json_add_str(doc, "overall", level_name(r->overall));
	add_domains(doc, r);
	add_controls(doc, r);
	arr = json_add_array(doc, "products");
	for (size_t k = 0; k < r->nproducts; k++) {
		cJSON *p = cJSON_CreateObject();

		json_add_str(p, "id", r->products[k].id);
		json_add_str(p, "abbr", r->products[k].abbr);
		json_add_text(p, "name", &r->products[k].name);
		cJSON_AddItemToArray(arr, p);
	}
	add_gaps(doc, r);
	o = json_add_object(doc, "summary");
	json_add_num(o, "gaps", (double)r->summary.gaps);
	{
		cJSON *by = json_add_object(o, "gaps_by_level");

		for (int l = 0; l < LEVEL_COUNT; l++)
			json_add_num(by, level_name((enum level)l),
				     (double)r->summary.gaps_by_level[l]);
	}
	json_add_num(o, "unanswered", (double)r->summary.unanswered);
	json_add_num(o, "overdue_remediations", (double)r->summary.overdue);
	json_add_num(o, "expired_risk_acceptances", (double)r->summary.expired);
	json_add_str(doc, "generated_at", r->generated_at);
	json_render(out, doc);
	cJSON_Delete(doc);
}

void report_json_risk_render(struct strbuf *out, const struct result *r)
{
	cJSON *doc;
	char date[11];

	json_init();
	doc = cJSON_CreateObject();
	json_add_str(doc, "schema", "craf-risk/1");
	json_add_str(doc, "institution", r->institution);
	json_add_str(doc, "assessment_date", date_format(&r->assessment_date, date));
	add_risk(doc, r);
	json_add_str(doc, "target", level_name(r->target));
	json_add_str(doc, "target_source",
		     r->target_source == TARGET_INHERENT_RISK ? "inherent_risk" : "explicit");
	json_render(out, doc);
	cJSON_Delete(doc);
}
