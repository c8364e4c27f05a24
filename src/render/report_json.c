/* Writes a result as the versioned JSON report that auditors' scripts rely on. */
#include "report_json.h"

#include "jsonw.h"

static void date(struct jsonw *w, const char *key, const struct date *d)
{
	char buf[11];

	jsonw_str(w, key, date_is_set(d) ? date_format(d, buf) : NULL);
}

static void remediation(struct jsonw *w, const struct result_level *rl)
{
	if (!rl->has_remediation) {
		jsonw_null(w, "remediation");
		return;
	}
	jsonw_object(w, "remediation");
	jsonw_str(w, "action", rl->remediation.action);
	jsonw_str(w, "owner", rl->remediation.owner);
	date(w, "due", &rl->remediation.due);
	jsonw_bool(w, "overdue", rl->overdue);
	jsonw_end(w);
}

static void products(struct jsonw *w, const struct result *r, const struct result_control *c)
{
	jsonw_array(w, "products", true);
	for (size_t k = 0; k < c->nproducts; k++)
		jsonw_str(w, NULL, r->products[c->products[k]].id);
	jsonw_end(w);
}

static void domains(struct jsonw *w, const struct result *r)
{
	jsonw_array(w, "domains", false);
	for (size_t d = 0; d < r->ndomains; d++) {
		const struct result_domain *rd = &r->domains[d];

		jsonw_object(w, NULL);
		jsonw_str(w, "id", rd->id);
		jsonw_text(w, "name", &rd->name);
		jsonw_str(w, "achieved", level_name(rd->achieved));
		jsonw_bool(w, "meets_target", rd->meets_target);
		jsonw_object(w, "levels");
		for (int l = 0; l < LEVEL_COUNT; l++) {
			jsonw_object(w, level_name((enum level)l));
			jsonw_int(w, "required", rd->required[l]);
			jsonw_int(w, "achieved", rd->achieved_count[l]);
			jsonw_end(w);
		}
		jsonw_end(w);
		jsonw_array(w, "components", false);
		for (size_t c = 0; c < rd->ncomponents; c++) {
			jsonw_object(w, NULL);
			jsonw_str(w, "id", rd->components[c].id);
			jsonw_text(w, "name", &rd->components[c].name);
			jsonw_str(w, "achieved", level_name(rd->components[c].achieved));
			jsonw_end(w);
		}
		jsonw_end(w);
		jsonw_end(w);
	}
	jsonw_end(w);
}

static void controls(struct jsonw *w, const struct result *r)
{
	jsonw_array(w, "controls", false);
	for (size_t i = 0; i < r->ncontrols; i++) {
		const struct result_control *c = &r->controls[i];
		const struct result_domain *rd = &r->domains[c->domain];

		jsonw_object(w, NULL);
		jsonw_str(w, "id", c->id);
		jsonw_str(w, "domain", rd->id);
		jsonw_str(w, "component", rd->components[c->component].id);
		jsonw_text(w, "name", &c->name);
		jsonw_str(w, "responsibility",
			  c->responsibility == RESP_NONE ? NULL
							 : responsibility_name(c->responsibility));
		jsonw_bool(w, "all_levels", c->single);
		jsonw_str(w, "achieved", level_name(c->achieved));
		products(w, r, c);
		jsonw_array(w, "levels", false);
		for (size_t l = 0; l < c->nlevels; l++) {
			const struct result_level *rl = &c->levels[l];

			jsonw_object(w, NULL);
			jsonw_str(w, "level", level_name(rl->level));
			jsonw_text(w, "requirement", &rl->requirement);
			jsonw_str(w, "status", status_name(rl->status));
			jsonw_bool(w, "achieved", rl->achieved);
			jsonw_array(w, "evidence", false);
			for (size_t e = 0; e < rl->evidence.nr; e++)
				jsonw_str(w, NULL, rl->evidence.items[e]);
			jsonw_end(w);
			jsonw_str(w, "note", rl->note);
			remediation(w, rl);
			date(w, "expires", &rl->expires);
			jsonw_bool(w, "expired", rl->expired);
			jsonw_end(w);
		}
		jsonw_end(w);
		jsonw_end(w);
	}
	jsonw_end(w);
}

static void gaps(struct jsonw *w, const struct result *r)
{
	jsonw_array(w, "gaps", false);
	for (size_t g = 0; g < r->ngaps; g++) {
		const struct result_control *c = &r->controls[r->gaps[g].control];
		const struct result_level *rl = &c->levels[r->gaps[g].level];

		jsonw_object(w, NULL);
		jsonw_str(w, "control", c->id);
		jsonw_str(w, "level", level_name(rl->level));
		jsonw_str(w, "status", status_name(rl->status));
		jsonw_text(w, "requirement", &rl->requirement);
		jsonw_str(w, "note", rl->note);
		remediation(w, rl);
		products(w, r, c);
		jsonw_end(w);
	}
	jsonw_end(w);
}

static void risk(struct jsonw *w, const struct result *r)
{
	const struct result_risk *rr = &r->risk;

	if (r->inherent_risk == RISK_NONE) {
		jsonw_null(w, "inherent_risk");
		return;
	}
	jsonw_object(w, "inherent_risk");
	jsonw_str(w, "rating", risk_name(r->inherent_risk));
	jsonw_str(w, "method", rr->from_indicators ? "indicators" : "stated");
	jsonw_str(w, "rule", rr->from_indicators ? "majority" : NULL);
	jsonw_str(w, "computed", rr->from_indicators ? risk_name(rr->computed) : NULL);
	if (rr->from_indicators) {
		jsonw_object(w, "counts");
		for (int k = 0; k < RISK_COUNT; k++)
			jsonw_int(w, risk_name((enum risk)k), rr->counts[k]);
		jsonw_end(w);
	} else {
		jsonw_null(w, "counts");
	}
	if (rr->override != RISK_NONE) {
		jsonw_object(w, "override");
		jsonw_str(w, "rating", risk_name(rr->override));
		jsonw_str(w, "justification", rr->justification);
		jsonw_end(w);
	} else {
		jsonw_null(w, "override");
	}
	jsonw_array(w, "indicators", false);
	for (size_t i = 0; i < rr->nindicators; i++) {
		const struct result_risk_indicator *ind = &rr->indicators[i];

		jsonw_object(w, NULL);
		jsonw_str(w, "category", ind->category);
		if (ind->category_name.en)
			jsonw_text(w, "category_name", &ind->category_name);
		else
			jsonw_null(w, "category_name");
		jsonw_str(w, "name", ind->name);
		jsonw_str(w, "rating", risk_name(ind->rating));
		jsonw_str(w, "note", ind->note);
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_bool(w, "icast_required", r->icast_required);
	jsonw_end(w);
}

static const char *target_source(const struct result *r)
{
	return r->target_source == TARGET_INHERENT_RISK ? "inherent_risk" : "explicit";
}

static int write_report(struct jsonw *w, const struct result *r)
{
	jsonw_object(w, NULL);
	jsonw_str(w, "schema", REPORT_SCHEMA);
	jsonw_object(w, "tool");
	jsonw_str(w, "name", "craf");
	jsonw_str(w, "version", r->tool_version);
	jsonw_end(w);
	jsonw_object(w, "catalogue");
	jsonw_str(w, "framework", r->framework);
	jsonw_str(w, "version", r->catalogue_version);
	jsonw_str(w, "sha256", r->catalogue_sha256);
	jsonw_bool(w, "builtin", r->catalogue_builtin);
	jsonw_str(w, "origin", r->catalogue_origin);
	jsonw_end(w);
	jsonw_object(w, "answers");
	jsonw_str(w, "path", r->answers_path);
	jsonw_str(w, "sha256", r->answers_sha256);
	/* Only for a directory of part files: reports of one file stay as they were. */
	if (r->nanswers_parts) {
		jsonw_array(w, "parts", false);
		for (size_t i = 0; i < r->nanswers_parts; i++) {
			jsonw_object(w, NULL);
			jsonw_str(w, "path", r->answers_parts[i].path);
			jsonw_str(w, "sha256", r->answers_parts[i].sha256);
			jsonw_end(w);
		}
		jsonw_end(w);
	}
	jsonw_end(w);
	jsonw_str(w, "institution", r->institution);
	date(w, "assessment_date", &r->assessment_date);
	jsonw_str(w, "assessor", r->assessor);
	jsonw_str(w, "scope", r->scope);
	date(w, "as_of", &r->as_of);
	risk(w, r);
	jsonw_str(w, "target", level_name(r->target));
	jsonw_str(w, "target_source", target_source(r));
	jsonw_bool(w, "target_from_command_line", r->target_source == TARGET_COMMAND_LINE);
	jsonw_str(w, "overall", level_name(r->overall));
	domains(w, r);
	controls(w, r);
	jsonw_array(w, "products", false);
	for (size_t k = 0; k < r->nproducts; k++) {
		jsonw_object(w, NULL);
		jsonw_str(w, "id", r->products[k].id);
		jsonw_str(w, "abbr", r->products[k].abbr);
		jsonw_text(w, "name", &r->products[k].name);
		jsonw_end(w);
	}
	jsonw_end(w);
	gaps(w, r);
	jsonw_object(w, "summary");
	jsonw_int(w, "gaps", (long long)r->summary.gaps);
	jsonw_object(w, "gaps_by_level");
	for (int l = 0; l < LEVEL_COUNT; l++)
		jsonw_int(w, level_name((enum level)l), (long long)r->summary.gaps_by_level[l]);
	jsonw_end(w);
	jsonw_int(w, "unanswered", (long long)r->summary.unanswered);
	jsonw_int(w, "overdue_remediations", (long long)r->summary.overdue);
	jsonw_int(w, "expired_risk_acceptances", (long long)r->summary.expired);
	jsonw_end(w);
	jsonw_str(w, "generated_at", r->generated_at);
	jsonw_end(w);
	return jsonw_finish(w);
}

void report_json_render(struct strbuf *out, const struct result *r)
{
	struct jsonw w;

	jsonw_init(&w, out);
	write_report(&w, r);
}

int report_json_write(const struct result *r, jsonw_drain_fn *drain, void *ctx)
{
	struct strbuf buf = STRBUF_INIT;
	struct jsonw w;
	int ret;

	jsonw_init_drain(&w, &buf, drain, ctx);
	ret = write_report(&w, r);
	strbuf_release(&buf);
	return ret;
}

void report_json_risk_render(struct strbuf *out, const struct result *r)
{
	struct jsonw w;
	char buf[11];

	jsonw_init(&w, out);
	jsonw_object(&w, NULL);
	jsonw_str(&w, "schema", "craf-risk/1");
	jsonw_str(&w, "institution", r->institution);
	jsonw_str(&w, "assessment_date", date_format(&r->assessment_date, buf));
	risk(&w, r);
	jsonw_str(&w, "target", level_name(r->target));
	jsonw_str(&w, "target_source", target_source(r));
	jsonw_end(&w);
	jsonw_finish(&w);
}
