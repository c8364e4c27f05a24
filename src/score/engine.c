/* The scoring rules: cumulative levels, weakest link upwards, gaps in reading order. */
#include "engine.h"

#include <stdlib.h>
#include <string.h>

#include "version.h"
#include "xalloc.h"

static const char *dup(struct result *r, const char *s)
{
	return s ? arena_strdup(&r->arena, s) : NULL;
}

static struct text dup_text(struct result *r, const struct text *t)
{
	struct text out = {dup(r, t->en), dup(r, t->zh)};

	return out;
}

enum level engine_principle_level(const bool *achieved, size_t nlevels, bool single)
{
	/*
	 * A principle reaches L when everything it requires at L and below is
	 * achieved; levels it has no requirement at add nothing, so a single
	 * all-levels requirement, once achieved, carries it to advanced.
	 */
	int reached = LEVEL_NONE;

	if (single)
		nlevels = 1;
	for (int l = 0; l < LEVEL_COUNT; l++) {
		if ((size_t)l < nlevels && !achieved[l])
			break;
		reached = l;
	}
	return (enum level)reached;
}

static int cmp_gaps(const void *a, const void *b, const struct result *r)
{
	const struct result_gap *x = a, *y = b;
	const struct result_control *cx = &r->controls[x->control];
	const struct result_control *cy = &r->controls[y->control];
	enum level lx = cx->levels[x->level].level, ly = cy->levels[y->level].level;
	int c;

	if (lx != ly)
		return lx < ly ? -1 : 1;
	c = catalogue_id_cmp(cx->id, cy->id);
	return c;
}

/* qsort has no context argument in C11; results are scored on several threads at once. */
static _Thread_local const struct result *sort_result;

static int cmp_gaps_qsort(const void *a, const void *b)
{
	return cmp_gaps(a, b, sort_result);
}

static void copy_products(struct result *r, const struct catalogue *cat, size_t *map)
{
	/* Only products some principle refers to, in directory order. */
	bool *used = xcalloc(cat->nproducts ? cat->nproducts : 1, sizeof(bool));

	for (size_t i = 0; i < cat->nprinciples; i++)
		for (size_t k = 0; k < cat->principles[i].nproducts; k++)
			used[cat->principles[i].products[k]] = true;
	r->products = arena_array(&r->arena, cat->nproducts, sizeof(*r->products));
	for (size_t i = 0; i < cat->nproducts; i++) {
		struct result_product *p;

		if (!used[i])
			continue;
		map[i] = r->nproducts;
		p = &r->products[r->nproducts++];
		p->id = dup(r, cat->products[i].id);
		p->abbr = dup(r, cat->products[i].abbr);
		p->name = dup_text(r, &cat->products[i].name);
	}
	free(used);
}

/* Copies one principle and its answers into the result; scoring comes later. */
static void copy_control(struct result *r, const struct catalogue *cat, const struct answers *ans,
			 size_t i, const size_t *pmap)
{
	const struct cat_principle *p = &cat->principles[i];
	struct result_control *c = &r->controls[i];
	const struct cat_domain *d = &cat->domains[p->domain];

	c->id = dup(r, p->id);
	c->domain = p->domain;
	c->component = p->component - d->first_component;
	c->name = dup_text(r, &p->name);
	c->responsibility = p->responsibility;
	c->single = p->single;
	c->nlevels = (size_t)p->nlevels;
	c->products = arena_array(&r->arena, p->nproducts, sizeof(size_t));
	c->nproducts = p->nproducts;
	for (size_t k = 0; k < p->nproducts; k++)
		c->products[k] = pmap[p->products[k]];
	for (size_t l = 0; l < c->nlevels; l++) {
		const struct answer *a = &ans->levels[i][l];
		struct result_level *rl = &c->levels[l];

		rl->level = (enum level)l;
		rl->requirement = dup_text(r, &p->requirement[l]);
		rl->status = a->status;
		rl->evidence.nr = a->evidence.nr;
		rl->evidence.items = arena_array(&r->arena, a->evidence.nr, sizeof(char *));
		for (size_t e = 0; e < a->evidence.nr; e++)
			rl->evidence.items[e] = dup(r, a->evidence.items[e]);
		rl->files.nr = a->files.nr;
		rl->files.items = arena_array(&r->arena, a->files.nr, sizeof(*rl->files.items));
		for (size_t e = 0; e < a->files.nr; e++) {
			rl->files.items[e] = a->files.items[e];
			rl->files.items[e].path = dup(r, a->files.items[e].path);
			rl->files.items[e].title = dup(r, a->files.items[e].title);
		}
		rl->note = dup(r, a->note);
		if (a->remediation) {
			rl->has_remediation = true;
			rl->remediation.action = dup(r, a->remediation->action);
			rl->remediation.owner = dup(r, a->remediation->owner);
			rl->remediation.due = a->remediation->due;
		}
		rl->expires = a->expires;
	}
}

static void copy_domains(struct result *r, const struct catalogue *cat)
{
	r->domains = arena_array(&r->arena, cat->ndomains, sizeof(*r->domains));
	r->ndomains = cat->ndomains;
	for (size_t di = 0; di < cat->ndomains; di++) {
		const struct cat_domain *d = &cat->domains[di];
		struct result_domain *rd = &r->domains[di];

		rd->id = dup(r, d->id);
		rd->name = dup_text(r, &d->name);
		rd->ncomponents = d->ncomponents;
		rd->components = arena_array(&r->arena, d->ncomponents, sizeof(*rd->components));
		for (size_t ci = 0; ci < d->ncomponents; ci++) {
			const struct cat_component *cc = &cat->components[d->first_component + ci];

			rd->components[ci].id = dup(r, cc->id);
			rd->components[ci].name = dup_text(r, &cc->name);
		}
	}
}

static void score_controls(struct result *r)
{
	for (size_t i = 0; i < r->ncontrols; i++) {
		struct result_control *c = &r->controls[i];
		bool achieved[LEVEL_COUNT] = {false, false, false};

		for (size_t l = 0; l < c->nlevels; l++) {
			struct result_level *rl = &c->levels[l];

			rl->achieved = status_achieves(rl->status);
			rl->overdue = rl->has_remediation && !rl->achieved &&
				      date_cmp(&rl->remediation.due, &r->as_of) < 0;
			rl->expired = rl->status == STATUS_RISK_ACCEPTED &&
				      date_cmp(&rl->expires, &r->as_of) < 0;
			achieved[l] = rl->achieved;
		}
		c->achieved = engine_principle_level(achieved, c->nlevels, c->single);
	}
}

/* One pass over the controls: each lowers its domain's and component's level. */
static void score_domains(struct result *r)
{
	for (size_t d = 0; d < r->ndomains; d++) {
		struct result_domain *rd = &r->domains[d];

		rd->achieved = LEVEL_ADVANCED;
		memset(rd->required, 0, sizeof(rd->required));
		memset(rd->achieved_count, 0, sizeof(rd->achieved_count));
		for (size_t c = 0; c < rd->ncomponents; c++)
			rd->components[c].achieved = LEVEL_ADVANCED;
	}
	for (size_t i = 0; i < r->ncontrols; i++) {
		const struct result_control *c = &r->controls[i];
		struct result_domain *rd = &r->domains[c->domain];
		struct result_component *rc = &rd->components[c->component];

		if (c->achieved < rd->achieved)
			rd->achieved = c->achieved;
		if (c->achieved < rc->achieved)
			rc->achieved = c->achieved;
		for (size_t l = 0; l < c->nlevels; l++) {
			rd->required[c->levels[l].level]++;
			if (c->levels[l].achieved)
				rd->achieved_count[c->levels[l].level]++;
		}
	}
	r->overall = r->ndomains ? LEVEL_ADVANCED : LEVEL_NONE;
	for (size_t d = 0; d < r->ndomains; d++) {
		struct result_domain *rd = &r->domains[d];

		rd->meets_target = rd->achieved >= r->target;
		if (rd->achieved < r->overall)
			r->overall = rd->achieved;
	}
}

bool engine_evidence_stale(const struct date *d, const struct date *on, int max_age)
{
	/* d plus max_age months, compared field by field: no day is clamped to a month's end. */
	long months = (long)d->year * 12 + (d->month - 1) + max_age;
	struct date limit = {(int)(months / 12), (int)(months % 12) + 1, d->day};

	return date_cmp(&limit, on) < 0;
}

/* Marks stale evidence files and lists them, in control order. */
static void collect_stale(struct result *r)
{
	size_t n = 0;

	for (int pass = 0; pass < 2; pass++) {
		n = 0;
		for (size_t i = 0; i < r->ncontrols; i++)
			for (size_t l = 0; l < r->controls[i].nlevels; l++) {
				struct result_level *rl = &r->controls[i].levels[l];

				for (size_t f = 0; f < rl->files.nr; f++) {
					struct evidence_file *ef = &rl->files.items[f];

					ef->stale = engine_evidence_stale(&ef->date,
									  &r->assessment_date,
									  r->evidence_max_age);
					if (!ef->stale)
						continue;
					if (pass)
						r->stale[n] = (struct result_stale){i, l, f};
					n++;
				}
				if (!pass)
					r->summary.evidence_files += rl->files.nr;
			}
		if (!pass)
			r->stale = arena_array(&r->arena, n, sizeof(*r->stale));
	}
	r->nstale = n;
	r->summary.stale_evidence = n;
}

static void collect_gaps(struct result *r)
{
	size_t n = 0;

	memset(&r->summary, 0, sizeof(r->summary));
	r->ngaps = 0;

	for (size_t i = 0; i < r->ncontrols; i++)
		for (size_t l = 0; l < r->controls[i].nlevels; l++) {
			const struct result_level *rl = &r->controls[i].levels[l];

			if (rl->level > r->target)
				continue;
			if (rl->status == STATUS_UNANSWERED)
				r->summary.unanswered++;
			if (rl->expired)
				r->summary.expired++;
			if (!rl->achieved)
				n++;
			if (rl->overdue)
				r->summary.overdue++;
		}
	r->gaps = arena_array(&r->arena, n, sizeof(*r->gaps));
	for (size_t i = 0; i < r->ncontrols; i++)
		for (size_t l = 0; l < r->controls[i].nlevels; l++) {
			const struct result_level *rl = &r->controls[i].levels[l];

			if (rl->level > r->target || rl->achieved)
				continue;
			r->gaps[r->ngaps].control = i;
			r->gaps[r->ngaps].level = l;
			r->ngaps++;
			r->summary.gaps_by_level[rl->level]++;
		}
	r->summary.gaps = r->ngaps;
	sort_result = r;
	qsort(r->gaps, r->ngaps, sizeof(*r->gaps), cmp_gaps_qsort);
	sort_result = NULL;
}

static void copy_risk(struct result *r, const struct catalogue *cat, const struct inherent_risk *ir)
{
	struct result_risk *rr = &r->risk;

	rr->from_indicators = ir->from_indicators;
	rr->stated = ir->stated;
	rr->computed = ir->computed;
	memcpy(rr->counts, ir->counts, sizeof(rr->counts));
	rr->override = ir->override;
	rr->justification = dup(r, ir->justification);
	rr->indicators = arena_array(&r->arena, ir->nindicators, sizeof(*rr->indicators));
	rr->nindicators = ir->nindicators;
	for (size_t i = 0; i < ir->nindicators; i++) {
		const struct cat_risk_category *c =
			catalogue_find_risk_category(cat, ir->indicators[i].category);

		rr->indicators[i].category = dup(r, ir->indicators[i].category);
		if (c)
			rr->indicators[i].category_name = dup_text(r, &c->name);
		rr->indicators[i].name = dup(r, ir->indicators[i].name);
		rr->indicators[i].rating = ir->indicators[i].rating;
		rr->indicators[i].note = dup(r, ir->indicators[i].note);
	}
}

int engine_assess(struct result *r, const struct catalogue *cat, const struct answers *ans,
		  const struct engine_options *opts)
{
	size_t *pmap;

	r->tool_version = CRAF_VERSION;
	date_timestamp(opts->now, r->generated_at);
	r->framework = dup(r, cat->framework);
	r->catalogue_version = dup(r, cat->version);
	r->catalogue_origin = dup(r, cat->origin);
	r->catalogue_builtin = cat->builtin;
	r->catalogue_sha256 = dup(r, cat->sha256);
	r->answers_path = dup(r, ans->path);
	r->answers_sha256 = dup(r, ans->sha256);
	if (ans->nparts) {
		/* A directory of part files: each one, in name order. */
		r->answers_files = arena_array(&r->arena, ans->nparts, sizeof(*r->answers_files));
		for (size_t i = 0; i < ans->nparts; i++)
			r->answers_files[i] =
				(struct result_file){dup(r, ans->parts[i].path), ans->parts[i].size,
						     dup(r, ans->parts[i].sha256)};
		r->nanswers_files = ans->nparts;
	} else {
		r->answers_files = arena_array(&r->arena, 1, sizeof(*r->answers_files));
		r->answers_files[0] =
			(struct result_file){r->answers_path, ans->size, r->answers_sha256};
		r->nanswers_files = 1;
	}
	r->evidence_max_age = opts->evidence_max_age;
	r->institution = dup(r, ans->institution);
	r->assessor = dup(r, ans->assessor);
	r->scope = dup(r, ans->scope);
	r->assessment_date = ans->assessment_date;
	r->as_of = date_is_set(&opts->as_of) ? opts->as_of : ans->assessment_date;
	r->inherent_risk = ans->inherent_risk;
	copy_risk(r, cat, &ans->risk);
	r->icast_required = risk_icast_required(r->inherent_risk);
	if (opts->target != LEVEL_NONE) {
		r->target = opts->target;
		r->target_source = TARGET_COMMAND_LINE;
	} else if (ans->target != LEVEL_NONE) {
		r->target = ans->target;
		r->target_source = TARGET_EXPLICIT;
	} else if (ans->inherent_risk != RISK_NONE) {
		r->target = risk_target(ans->inherent_risk);
		r->target_source = TARGET_INHERENT_RISK;
	} else {
		return -1;
	}
	pmap = xcalloc(cat->nproducts ? cat->nproducts : 1, sizeof(size_t));
	copy_products(r, cat, pmap);
	r->controls = arena_array(&r->arena, cat->nprinciples, sizeof(*r->controls));
	r->ncontrols = cat->nprinciples;
	for (size_t i = 0; i < cat->nprinciples; i++)
		copy_control(r, cat, ans, i, pmap);
	free(pmap);
	copy_domains(r, cat);
	engine_score(r);
	return 0;
}

void engine_score(struct result *r)
{
	score_controls(r);
	score_domains(r);
	collect_gaps(r);
	collect_stale(r);
}
