/* The rules of a group summary: who is an entity, which assessment counts, which gaps are shared.
 */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "idmap.h"
#include "names.h"
#include "xalloc.h"

static const char *const summary_key_names[] = {
	[SUMMARY_KEY_INSTITUTION] = "institution",
	[SUMMARY_KEY_INSTITUTION_SCOPE] = "institution+scope",
};

NAMES_ENUM_FUNCTIONS(summary_key, enum summary_key, summary_key_names,
		     ARRAY_SIZE(summary_key_names), "institution")

/* SUMMARY_DIR_NONE has no name. */
static const char *const summary_direction_names[] = {
	[SUMMARY_DIR_SAME] = "same",
	[SUMMARY_DIR_UP] = "up",
	[SUMMARY_DIR_DOWN] = "down",
};

const char *summary_direction_name(enum summary_direction d)
{
	return names_get(summary_direction_names, ARRAY_SIZE(summary_direction_names), (int)d,
			 NULL);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long summary_days_between(const struct date *a, const struct date *b)
{
	return days_from_civil(b->year, b->month, b->day) -
	       days_from_civil(a->year, a->month, a->day);
}

struct date summary_add_years(const struct date *d, int years)
{
	struct date r = *d;
	int y;

	r.year += years;
	y = r.year;
	if (r.month == 2 && r.day == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		r.day = 28;
	return r;
}

void summary_entity_label(struct strbuf *out, const struct summary *s,
			  const struct summary_entity *e)
{
	strbuf_adds(out, e->institution ? e->institution : "");
	if (s->key == SUMMARY_KEY_INSTITUTION_SCOPE && e->scope)
		strbuf_addf(out, " (%s)", e->scope);
}

void summary_init(struct summary *s)
{
	memset(s, 0, sizeof(*s));
}

void summary_release(struct summary *s)
{
	for (size_t i = 0; i < s->nentities; i++)
		free(s->entities[i].cells);
	for (size_t i = 0; i < s->ngaps; i++) {
		free(s->gaps[i].entities);
		free(s->gaps[i].key);
	}
	free(s->entities);
	free(s->domains);
	free(s->gaps);
	summary_init(s);
}

/* ASCII letters compared without case first, so "abc Bank" sorts beside "ABC Bank". */
static int name_cmp(const char *a, const char *b)
{
	const char *p = a ? a : "", *q = b ? b : "";

	for (; *p && *q; p++, q++) {
		int x = (*p >= 'A' && *p <= 'Z') ? *p + 32 : (unsigned char)*p;
		int y = (*q >= 'A' && *q <= 'Z') ? *q + 32 : (unsigned char)*q;

		if (x != y)
			return x - y;
	}
	if (*p || *q)
		return *p ? 1 : -1;
	return strcmp(a ? a : "", b ? b : "");
}

/* The key and the sort of the inputs, for qsort's comparator. */
static const struct summary_input *sort_in;
static enum summary_key sort_key;

static int entity_cmp(const struct result *a, const struct result *b, enum summary_key key)
{
	int c = name_cmp(a->institution, b->institution);

	if (c || key != SUMMARY_KEY_INSTITUTION_SCOPE)
		return c;
	/* No scope sorts first, and counts as one scope. */
	if (!a->scope || !b->scope)
		return (a->scope != NULL) - (b->scope != NULL);
	return name_cmp(a->scope, b->scope);
}

/* Entity, then newest first, then argument order: deterministic whatever qsort does. */
static int input_cmp(const void *pa, const void *pb)
{
	size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
	const struct result *a = sort_in[ia].r, *b = sort_in[ib].r;
	int c = entity_cmp(a, b, sort_key);

	if (c)
		return c;
	c = date_cmp(&b->assessment_date, &a->assessment_date);
	if (c)
		return c;
	return ia < ib ? -1 : ia > ib;
}

/* Numeric ids in numeric order: 3.1.5 before 3.1.10. */
static int id_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char *ea, *eb;
			unsigned long x = strtoul(a, &ea, 10), y = strtoul(b, &eb, 10);

			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

static int gap_cmp(const void *pa, const void *pb)
{
	const struct summary_gap *a = pa, *b = pb;
	int c;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	if (a->level != b->level)
		return a->level < b->level ? -1 : 1;
	c = id_cmp(a->control, b->control);
	return c ? c : strcmp(a->control, b->control);
}

static bool same_assessment(const struct result *a, const struct result *b)
{
	return !date_cmp(&a->assessment_date, &b->assessment_date) && a->answers_sha256 &&
	       b->answers_sha256 && !strcmp(a->answers_sha256, b->answers_sha256);
}

/* The summary's domain columns: every domain of every entity, each id once. */
static void collect_domains(struct summary *s)
{
	struct idmap ids = IDMAP_INIT;
	size_t alloc = 0;

	for (size_t i = 0; i < s->nentities; i++) {
		const struct result *r = s->entities[i].latest;

		for (size_t d = 0; d < r->ndomains; d++) {
			size_t k;

			if (!idmap_get(&ids, r->domains[d].id, &k))
				continue;
			s->domains =
				xgrow(s->domains, &alloc, s->ndomains + 1, sizeof(*s->domains));
			s->domains[s->ndomains] =
				(struct summary_domain){r->domains[d].id, r->domains[d].name, 0, 0};
			idmap_put(&ids, r->domains[d].id, s->ndomains);
			s->ndomains++;
		}
	}
	for (size_t i = 0; i < s->nentities; i++) {
		struct summary_entity *e = &s->entities[i];
		const struct result *r = e->latest, *p = e->previous;

		e->cells = xcalloc(s->ndomains + 1, sizeof(*e->cells));
		for (size_t d = 0; d < s->ndomains; d++)
			e->cells[d].level = SUMMARY_ABSENT;
		for (size_t d = 0; d < r->ndomains; d++) {
			size_t k;
			struct summary_cell *c;

			idmap_get(&ids, r->domains[d].id, &k);
			c = &e->cells[k];
			c->level = r->domains[d].achieved;
			c->meets_target = r->domains[d].meets_target;
			s->domains[k].assessed++;
			s->domains[k].meeting += c->meets_target;
			for (size_t q = 0; p && q < p->ndomains; q++) {
				if (strcmp(p->domains[q].id, r->domains[d].id))
					continue;
				c->dir = p->domains[q].achieved < c->level   ? SUMMARY_DIR_UP
					 : p->domains[q].achieved > c->level ? SUMMARY_DIR_DOWN
									     : SUMMARY_DIR_SAME;
				break;
			}
		}
	}
	idmap_release(&ids);
}

/* Every gap of every entity's latest assessment, counted by requirement, then ranked. */
static void collect_gaps(struct summary *s)
{
	struct idmap keys = IDMAP_INIT;
	struct strbuf key = STRBUF_INIT;
	size_t alloc = 0, *ealloc = NULL, ealloc_n = 0;

	for (size_t i = 0; i < s->nentities; i++) {
		const struct result *r = s->entities[i].latest;

		for (size_t g = 0; g < r->ngaps; g++) {
			const struct result_control *c = &r->controls[r->gaps[g].control];
			const struct result_level *rl = &c->levels[r->gaps[g].level];
			struct summary_gap *sg;
			size_t k;

			strbuf_reset(&key);
			strbuf_addf(&key, "%s %d", c->id, c->single ? -1 : (int)rl->level);
			if (idmap_get(&keys, key.buf, &k)) {
				k = s->ngaps++;
				s->gaps = xgrow(s->gaps, &alloc, s->ngaps, sizeof(*s->gaps));
				ealloc = xgrow(ealloc, &ealloc_n, s->ngaps, sizeof(*ealloc));
				ealloc[k] = 0;
				s->gaps[k] = (struct summary_gap){
					c->id, c->name, rl->level,	    c->single,
					NULL,  0,	strbuf_detach(&key)};
				idmap_put(&keys, s->gaps[k].key, k);
			}
			sg = &s->gaps[k];
			sg->entities = xgrow(sg->entities, &ealloc[k], sg->count + 1,
					     sizeof(*sg->entities));
			sg->entities[sg->count++] = i;
		}
	}
	/* The map points into the gaps' keys: done with it before they move. */
	idmap_release(&keys);
	strbuf_release(&key);
	free(ealloc);
	if (s->ngaps)
		qsort(s->gaps, s->ngaps, sizeof(*s->gaps), gap_cmp);
}

static void add_totals(struct summary *s, const struct summary_entity *e)
{
	const struct result_summary *rs = &e->latest->summary;

	s->totals.entities++;
	if (e->meets_target)
		s->totals.meeting_target++;
	else
		s->totals.below_target++;
	s->totals.due += e->due;
	s->totals.gaps += rs->gaps;
	for (int l = 0; l < LEVEL_COUNT; l++)
		s->totals.gaps_by_level[l] += rs->gaps_by_level[l];
	s->totals.overdue += rs->overdue;
	s->totals.expired += rs->expired;
	s->totals.unanswered += rs->unanswered;
}

int summary_build(struct summary *s, const struct summary_input *in, size_t n,
		  const struct summary_options *o, struct diag_list *dl)
{
	size_t *order = xcalloc(n + 1, sizeof(*order));
	int ret = 0;
	char d1[11];

	summary_init(s);
	s->as_of = o->as_of;
	s->key = o->key;
	s->totals.files = n;
	for (size_t i = 0; i < n; i++) {
		struct result *r = in[i].r;

		order[i] = i;
		if (date_cmp(&r->as_of, &o->as_of)) {
			r->as_of = o->as_of;
			engine_score(r);
		}
	}
	sort_in = in;
	sort_key = o->key;
	if (n)
		qsort(order, n, sizeof(*order), input_cmp);
	s->entities = xcalloc(n + 1, sizeof(*s->entities));
	for (size_t i = 0; i < n;) {
		const struct summary_input *latest = &in[order[i]];
		struct summary_entity *e = &s->entities[s->nentities++];
		size_t j = i + 1;

		e->institution = latest->r->institution;
		e->scope = latest->r->scope;
		e->latest = latest->r;
		e->path = latest->path;
		e->nassessments = 1;
		for (; j < n && !entity_cmp(in[order[j]].r, latest->r, o->key); j++) {
			const struct summary_input *x = &in[order[j]], *prev = &in[order[j - 1]];

			if (!date_cmp(&x->r->assessment_date, &prev->r->assessment_date)) {
				if (same_assessment(x->r, prev->r)) {
					diag_warning(
						dl, x->path, 1, 1, 1, NULL,
						"the same assessment as %s (same answers, same "
						"date): counted once",
						prev->path);
					continue;
				}
				ret = diag_error(
					dl, x->path, 1, 1, 1, NULL,
					"a second, different assessment of \"%s\" dated %s "
					"(the other is %s): which is the latest is unclear",
					x->r->institution, date_format(&x->r->assessment_date, d1),
					prev->path);
				continue;
			}
			e->nassessments++;
			if (!e->previous) {
				e->previous = x->r;
				e->previous_path = x->path;
			}
		}
		s->totals.assessments += e->nassessments;
		e->age_days = summary_days_between(&e->latest->assessment_date, &o->as_of);
		e->reassess_by =
			summary_add_years(&e->latest->assessment_date, SUMMARY_REASSESS_YEARS);
		e->due = date_cmp(&o->as_of, &e->reassess_by) > 0;
		e->meets_target = e->latest->ngaps == 0;
		add_totals(s, e);
		i = j;
	}
	free(order);
	if (ret) {
		summary_release(s);
		return -1;
	}
	collect_domains(s);
	collect_gaps(s);
	return 0;
}
