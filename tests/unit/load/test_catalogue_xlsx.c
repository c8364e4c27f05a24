/* Unit tests for reading a catalogue workbook back: the built-in catalogue round-trips, bad cells
 * are named. */
#include "testutil.h"

#include "catalogue.h"
#include "catalogue_xlsx.h"
#include "catalogue_xlsx_read.h"
#include "out_text.h"
#include "out_xlsx.h"
#include "tu_zip.h"
#include "yaml_emit.h"

static unsigned char *slurp(const char *name, size_t *len)
{
	FILE *f = fopen(name, "rb");
	unsigned char *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/* Writes each file the workbook made as YAML and loads them as a catalogue: 0 or -1. */
static int emit_and_check(struct catalogue_book *book, struct catalogue *cat, struct diag_list *dl)
{
	for (size_t i = 0; i < book->nfiles; i++) {
		struct txt_out t = TXT_OUT_INIT;

		yaml_emit(&t, book->files[i].root, &book->files[i].lines);
		txt_finish(&t, &book->files[i].yaml);
	}
	return catalogue_xlsx_check(book, cat, dl) || diag_list_has_errors(dl) ? -1 : 0;
}

/* Reads the workbook at path, writes its YAML and loads it: 0 or -1, problems in dl. */
static int convert(const char *path, struct catalogue_book *book, struct catalogue *cat,
		   struct diag_list *dl)
{
	size_t len;
	unsigned char *buf = slurp(path, &len);
	int ret = catalogue_xlsx_read_buffer(book, "t.xlsx", buf, len, dl);

	free(buf);
	if (ret)
		return -1;
	return emit_and_check(book, cat, dl);
}

/* The same for a workbook in memory. */
static int convert_buffer(const struct strbuf *zip, struct catalogue_book *book,
			  struct catalogue *cat, struct diag_list *dl)
{
	if (catalogue_xlsx_read_buffer(book, "t.xlsx", (const unsigned char *)zip->buf, zip->len,
				       dl))
		return -1;
	return emit_and_check(book, cat, dl);
}

static void same_str(const char *a, const char *b)
{
	if ((a == NULL) != (b == NULL) || (a && strcmp(a, b))) {
		fprintf(stderr, "\"%s\" != \"%s\"\n", a ? a : "(null)", b ? b : "(null)");
		fail();
	}
}

static void same_text(const struct text *a, const struct text *b)
{
	same_str(a->en, b->en);
	same_str(a->zh, b->zh);
}

/* Every field of the model but where it was read from (file, line, digest, origin). */
static void same_catalogue(const struct catalogue *a, const struct catalogue *b)
{
	same_str(a->framework, b->framework);
	same_str(a->version, b->version);
	same_text(&a->source, &b->source);
	for (int l = 0; l < LEVEL_COUNT; l++)
		same_text(&a->level_names[l], &b->level_names[l]);
	assert_int_equal(a->ndomains, b->ndomains);
	for (size_t i = 0; i < a->ndomains; i++) {
		const struct cat_domain *x = &a->domains[i], *y = &b->domains[i];

		same_str(x->id, y->id);
		same_text(&x->name, &y->name);
		same_str(x->file, y->file);
		assert_int_equal(x->first_component, y->first_component);
		assert_int_equal(x->ncomponents, y->ncomponents);
		assert_int_equal(x->first, y->first);
		assert_int_equal(x->count, y->count);
	}
	assert_int_equal(a->ncomponents, b->ncomponents);
	for (size_t i = 0; i < a->ncomponents; i++) {
		same_str(a->components[i].id, b->components[i].id);
		same_text(&a->components[i].name, &b->components[i].name);
		assert_int_equal(a->components[i].domain, b->components[i].domain);
		assert_int_equal(a->components[i].first, b->components[i].first);
		assert_int_equal(a->components[i].count, b->components[i].count);
	}
	assert_int_equal(a->nprinciples, b->nprinciples);
	for (size_t i = 0; i < a->nprinciples; i++) {
		const struct cat_principle *x = &a->principles[i], *y = &b->principles[i];

		same_str(x->id, y->id);
		assert_memory_equal(x->num, y->num, sizeof(x->num));
		assert_int_equal(x->domain, y->domain);
		assert_int_equal(x->component, y->component);
		same_text(&x->name, &y->name);
		assert_int_equal(x->single, y->single);
		assert_int_equal(x->nlevels, y->nlevels);
		for (int l = 0; l < LEVEL_COUNT; l++)
			same_text(&x->requirement[l], &y->requirement[l]);
		assert_int_equal(x->responsibility, y->responsibility);
		assert_int_equal(x->nproducts, y->nproducts);
		for (size_t k = 0; k < x->nproducts; k++)
			assert_int_equal(x->products[k], y->products[k]);
		same_text(&x->customer, &y->customer);
		same_text(&x->provider, &y->provider);
		assert_int_equal(x->ncertifications, y->ncertifications);
		for (size_t k = 0; k < x->ncertifications; k++)
			same_str(x->certifications[k], y->certifications[k]);
	}
	assert_int_equal(a->nproducts, b->nproducts);
	for (size_t i = 0; i < a->nproducts; i++) {
		same_str(a->products[i].id, b->products[i].id);
		same_str(a->products[i].abbr, b->products[i].abbr);
		same_text(&a->products[i].name, &b->products[i].name);
		same_str(a->products[i].category, b->products[i].category);
		same_text(&a->products[i].summary, &b->products[i].summary);
	}
	assert_int_equal(a->nmodels, b->nmodels);
	for (size_t i = 0; i < a->nmodels; i++) {
		same_str(a->models[i].id, b->models[i].id);
		same_text(&a->models[i].name, &b->models[i].name);
	}
	assert_int_equal(a->nareas, b->nareas);
	for (size_t i = 0; i < a->nareas; i++) {
		same_str(a->areas[i].id, b->areas[i].id);
		same_text(&a->areas[i].name, &b->areas[i].name);
		same_text(&a->areas[i].description, &b->areas[i].description);
		for (size_t m = 0; m < a->nmodels; m++)
			assert_int_equal(a->areas[i].owner[m], b->areas[i].owner[m]);
	}
	same_text(&a->resp_note, &b->resp_note);
	same_text(&a->risk_note, &b->risk_note);
	assert_int_equal(a->nrisk_categories, b->nrisk_categories);
	for (size_t i = 0; i < a->nrisk_categories; i++) {
		const struct cat_risk_category *x = &a->risk_categories[i];
		const struct cat_risk_category *y = &b->risk_categories[i];

		same_str(x->id, y->id);
		same_text(&x->name, &y->name);
		assert_int_equal(x->nindicators, y->nindicators);
		for (size_t k = 0; k < x->nindicators; k++) {
			same_str(x->indicators[k].id, y->indicators[k].id);
			same_text(&x->indicators[k].name, &y->indicators[k].name);
			for (int r = 0; r < 3; r++)
				same_text(&x->indicators[k].rating[r], &y->indicators[k].rating[r]);
		}
	}
}

static char *temp_xlsx(void)
{
	char *path = strdup("/tmp/craf-test-XXXXXX.xlsx");
	int fd = mkstemps(path, 5);

	assert_true(fd >= 0);
	close(fd);
	return path;
}

/* Built in -> workbook -> files -> model: the same model; and the same files every time. */
static void test_builtin_round_trip(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct strbuf warn = STRBUF_INIT, err = STRBUF_INIT;
	struct catalogue builtin, loaded, again;
	struct catalogue_book book, book2;
	char *path = temp_xlsx();
	size_t lines;

	(void)state;
	catalogue_init(&builtin);
	catalogue_init(&loaded);
	catalogue_init(&again);
	catalogue_book_init(&book);
	catalogue_book_init(&book2);
	assert_int_equal(catalogue_load_builtin(&builtin, &dl), 0);
	assert_int_equal(catalogue_xlsx_write(path, &builtin, &warn, &err), 0);
	assert_int_equal(convert(path, &book, &loaded, &dl), 0);
	assert_int_equal(dl.nr, 0);
	same_catalogue(&builtin, &loaded);
	assert_int_equal(book.nfiles, 11);
	assert_string_equal(book.files[0].name, "framework.yaml");
	/* The loaded directory, written and read again, gives the same bytes. */
	assert_int_equal(catalogue_xlsx_write(path, &loaded, &warn, &err), 0);
	assert_int_equal(convert(path, &book2, &again, &dl), 0);
	assert_int_equal(book2.nfiles, book.nfiles);
	for (size_t i = 0; i < book.nfiles; i++) {
		assert_string_equal(book.files[i].name, book2.files[i].name);
		assert_string_equal(book.files[i].yaml.buf, book2.files[i].yaml.buf);
		/* One source entry a line. */
		lines = 0;
		for (const char *p = book.files[i].yaml.buf; *p; p++)
			lines += *p == '\n';
		assert_int_equal(book.files[i].lines.nr, lines);
	}
	assert_string_equal(loaded.sha256, again.sha256);
	unlink(path);
	free(path);
	catalogue_book_release(&book);
	catalogue_book_release(&book2);
	catalogue_release(&builtin);
	catalogue_release(&loaded);
	catalogue_release(&again);
	strbuf_release(&warn);
	strbuf_release(&err);
	diag_list_release(&dl);
}

/* A small workbook: each sheet's rows, cells separated by '|'. */
struct sheet_rows {
	const char *name;
	const char *rows[6];
};

static const struct sheet_rows base[] = {
	{"Framework",
	 {"Field|English|Chinese", "framework|Test", "version|1", "baseline|Baseline|基线",
	  "intermediate|Intermediate", "advanced|Advanced"}},
	{"Domains", {"Domain|Name (en)|Name (zh)|File", "1|Governance|治理|1-gov.yaml"}},
	{"Components", {"Component|Name (en)|Name (zh)", "1.1|Strategy"}},
	{"Requirements",
	 {"Domain|Component|Principle|Name (en)|Name (zh)|Level|Requirement (en)|Requirement (zh)",
	  "1|1.1|1.1.1|Plans||baseline|Have plans|", "",
	  "1|1.1|1.1.1|Plans||intermediate|Review them|"}},
};

/* One change to the base: cell (row, col; 0-based) of sheet set to value; row -1 drops the sheet.
 */
struct bad_case {
	const char *sheet;
	int row, col;
	const char *value;
	const char *where, *message; /* of one of the errors */
	size_t errors;
};

static const struct bad_case bad_cases[] = {
	{"Requirements", 3, 5, "expert", "t.xlsx: Requirements!F4",
	 "unknown requirement level \"expert\"", 1},
	{"Requirements", 3, 5, "baseline", "t.xlsx: Requirements!F4",
	 "two rows for requirement 1.1.1 baseline: Requirements!F2 and this one", 1},
	{"Requirements", 3, 3, "Plan", "t.xlsx: Requirements!D4",
	 "principle 1.1.1's Name (en) differs from its first row's (Requirements!D2)", 1},
	{"Requirements", 0, 5, "Lvl", "t.xlsx: Requirements",
	 "no column \"Level\" in the header row (row 1)", 1},
	{"Requirements", 1, 0, "9", "t.xlsx: Requirements!A2",
	 "domain \"9\" is not in sheet Domains", 3},
	{"Requirements", 1, 6, "", "t.xlsx: Requirements!G2", "expected text, got an empty value",
	 1},
	{"Requirements", 1, 2, "1.2.1", "t.xlsx: Requirements!B2",
	 "principle 1.2.1 is in component 1.2, not 1.1", 3},
	{"Components", -1, 0, NULL, "t.xlsx", "no sheet \"Components\"", 1},
	{"Components", 1, 0, "2.1", "t.xlsx: Components!A2",
	 "component \"2.1\" is in no domain of sheet Domains", 2},
	{"Domains", 1, 3, "products.yaml", "t.xlsx: Domains!D2",
	 "is the name of another catalogue file", 1},
	{"Framework", 2, 0, "versions", "t.xlsx: Framework!A3", "unknown field \"versions\"", 2},
	{"Framework", 1, 2, "框架", "t.xlsx: Framework!C2", "the framework has no Chinese version",
	 1},
	{"Domains", 1, 0, "x", "t.xlsx: Domains!A2", "invalid domain id \"x\"", 3},
};

/* Writes base with c applied (NULL: none) to path. */
static void write_book(const char *path, const struct bad_case *c)
{
	struct strbuf warn = STRBUF_INIT, err = STRBUF_INIT;
	struct wb_props props = {"t", NULL, 0};
	struct wb_out *w = wb_open(path, &props, LANG_EN, &warn, &err);

	assert_non_null(w);
	for (size_t s = 0; s < sizeof(base) / sizeof(*base); s++) {
		bool here = c && !strcmp(c->sheet, base[s].name);

		if (here && c->row < 0)
			continue;
		wb_sheet(w, base[s].name, NULL, 0);
		for (int r = 0; r < 6; r++) {
			const char *p = base[s].rows[r] ? base[s].rows[r] : "";

			for (int col = 0; *p || (here && c->row == r && col <= c->col); col++) {
				size_t n = strcspn(p, "|");
				char *v = strndup(p, n);

				if (here && c->row == r && c->col == col) {
					free(v);
					v = strdup(c->value);
				}
				if (*v)
					wb_text(w, (size_t)r, (size_t)col, v, WB_PLAIN);
				free(v);
				p += n;
				if (*p)
					p++;
			}
		}
	}
	assert_int_equal(wb_close(w), 0);
	strbuf_release(&warn);
	strbuf_release(&err);
}

static void test_small_book_loads(void **state)
{
	struct diag_list dl = DIAG_LIST_INIT;
	struct catalogue_book book;
	struct catalogue cat;
	char *path = temp_xlsx();

	(void)state;
	catalogue_book_init(&book);
	catalogue_init(&cat);
	write_book(path, NULL);
	assert_int_equal(convert(path, &book, &cat, &dl), 0);
	assert_int_equal(cat.nprinciples, 1);
	assert_int_equal(cat.principles[0].nlevels, 2);
	assert_string_equal(cat.principles[0].requirement[1].en, "Review them");
	assert_null(cat.principles[0].requirement[0].zh);
	assert_string_equal(cat.level_names[0].zh, "基线");
	assert_int_equal(cat.nproducts, 0);
	assert_int_equal(book.nfiles, 2);
	unlink(path);
	free(path);
	catalogue_book_release(&book);
	catalogue_release(&cat);
	diag_list_release(&dl);
}

static void test_bad_cells_named(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bad_cases) / sizeof(*bad_cases); i++) {
		const struct bad_case *c = &bad_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct catalogue_book book;
		struct catalogue cat;
		char *path = temp_xlsx();
		size_t k;

		catalogue_book_init(&book);
		catalogue_init(&cat);
		write_book(path, c);
		assert_int_equal(convert(path, &book, &cat, &dl), -1);
		assert_true(dl.nr > 0);

		for (k = 0; k < dl.nr; k++)
			if (!strcmp(dl.items[k].file, c->where) &&
			    strstr(dl.items[k].message, c->message))
				break;
		if (dl.errors != c->errors || k == dl.nr) {
			for (size_t j = 0; j < dl.nr; j++)
				fprintf(stderr, "case %zu: %s: %s\n", i, dl.items[j].file,
					dl.items[j].message);
			fail();
		}
		assert_int_equal(dl.items[0].line, 0);
		unlink(path);
		free(path);
		catalogue_book_release(&book);
		catalogue_release(&cat);
		diag_list_release(&dl);
	}
}

/* Catalogue workbooks typed as grids (tu_zip.h): a sheet left NULL is the small book's. */
#define G_FRAMEWORK                                                                                \
	"Field|English|Chinese\nframework|Test\nversion|1\nbaseline|Baseline\n"                    \
	"intermediate|Intermediate\nadvanced|Advanced\n"
#define G_DOMAINS  "Domain|Name (en)|Name (zh)|File\n1|Governance||1-gov.yaml\n"
#define G_COMPS	   "Component|Name (en)|Name (zh)\n1.1|Strategy\n"
#define G_REQ_HEAD "Domain|Component|Principle|Name (en)|Name (zh)|Level|Requirement (en)"
#define G_REQS	   G_REQ_HEAD "\n1|1.1|1.1.1|Plans||baseline|Have plans\n"
#define G_PRODUCTS                                                                                 \
	"Product|Abbreviation|Name (en)|Name (zh)|Category|Summary (en)|Summary (zh)\n"            \
	"cvm|CVM|Cloud VM||workload|Machines\n"
#define G_MODELS "Model|Name (en)|Name (zh)\niaas|IaaS\npaas|PaaS\n"
#define G_AREAS                                                                                    \
	"Area|Name (en)|Name (zh)|Description (en)|Description (zh)|iaas|paas\n"                   \
	"data|Data||Their data||customer|customer\n"
#define G_RISK                                                                                     \
	"Category|Category name (en)|Category name (zh)|Indicator|Name (en)|Name (zh)|Low (en)|"   \
	"Low (zh)|Medium (en)|Medium (zh)|High (en)|High (zh)\n"                                   \
	"tech|Technologies||cloud|Cloud||few||some||many\n"                                        \
	"tech|Technologies||links|Links||few||some||many\n"

struct grid_case {
	const char *what;
	/* Framework, Domains, Components, Requirements ("" leaves one out), then the optional
	 * Products, Service models, Responsibility areas and Inherent risk. */
	const char *sheets[8];
	const char *errors[3]; /* each "WHERE: message" part of an error; none: it loads */
	const char *files;     /* when it loads: the files it makes, in order */
};

static const char *const grid_names[8] = {
	"Framework", "Domains",	       "Components",	       "Requirements",
	"Products",  "Service models", "Responsibility areas", "Inherent risk"};

static const struct grid_case grid_cases[] = {
	{"every sheet, ids with white space around, lists with empty items",
	 {G_FRAMEWORK "responsibility note|Shared\ninherent risk note|Illustrative\n", NULL,
	  "Component|Name (en)|Name (zh)\n \t1.1_x000D_\\n|Strategy\n",
	  G_REQ_HEAD
	  "|Products|Responsibility|Customer (en)|Provider (en)|Certifications\n"
	  "1|1.1|1.1.1|Plans||baseline|Have plans|cvm,, \\n |shared|Us|Them|ISO\\n\\nSOC\n",
	  G_PRODUCTS, G_MODELS, G_AREAS, G_RISK},
	 {NULL},
	 "framework.yaml products.yaml responsibility.yaml inherent-risk.yaml 1-gov.yaml"},
	{"blank rows and cells before and inside the header",
	 {"\n  |\nField|  |English\n \nframework||Test\nversion||1\nbaseline||Baseline\n"
	  "intermediate||Intermediate\nadvanced||Advanced\n",
	  NULL, NULL, NULL},
	 {NULL},
	 "framework.yaml 1-gov.yaml"},
	{"a formula with no saved result in a row",
	 {NULL, NULL, "Component|Name (en)\n1.1|!f:A1\n", NULL},
	 {"t.xlsx: Components!B2: the cell holds a formula whose result the file does not keep: "
	  "type the value in, or save the workbook from Excel or LibreOffice"},
	 NULL},
	{"merged cells below the header",
	 {NULL, NULL,
	  TU_DECL "<worksheet xmlns=\"" TU_MAIN "\"><sheetData>"
		  "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Component</t></is></c>"
		  "<c r=\"B1\" t=\"inlineStr\"><is><t>Name (en)</t></is></c></row>"
		  "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>1.1</t></is></c>"
		  "<c r=\"B2\" t=\"inlineStr\"><is><t>Strategy</t></is></c></row>"
		  "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>1.2</t></is></c></row>"
		  "</sheetData><mergeCells><mergeCell ref=\"B2:B3\"/></mergeCells></worksheet>",
	  NULL},
	 {"t.xlsx: Components!B2: cells B2:B3 are merged: only the first holds a value; unmerge "
	  "them and fill in each cell"},
	 NULL},
	{"an error value in a row",
	 {NULL, NULL, "Component|Name (en)\n1.1|!e:#N/A\n", NULL},
	 {"t.xlsx: Components!B2: the cell holds the error value #N/A: give it a value"},
	 NULL},
	{"a sheet that cannot be read",
	 {NULL, "<worksheet>", NULL, NULL},
	 {"t.xlsx: xl/worksheets/sheet2.xml: no element found"},
	 NULL},
	{"an empty sheet: no header row",
	 {NULL, NULL, "\n", NULL},
	 {"t.xlsx: Components: no column \"Component\" in the header row (row 1)"},
	 NULL},
	{"a column twice",
	 {NULL, "Domain|Name (en)|File|domain\n1|G|1-gov.yaml|1\n", NULL, NULL},
	 {"t.xlsx: Domains!D1: a second column \"Domain\" (the first is Domains!A1)"},
	 NULL},
	{"no Framework sheet",
	 {"", NULL, NULL, NULL},
	 {"t.xlsx: no sheet \"Framework\" (a catalogue workbook has Framework, Domains, "
	  "Components and Requirements"},
	 NULL},
	{"a framework field twice, a blank row",
	 {G_FRAMEWORK "\n  \nversion|2\n", NULL, NULL, NULL},
	 {"t.xlsx: Framework!A9: a second row for \"version\" (the first is Framework!A3)"},
	 NULL},
	{"no row for a level",
	 {"Field|English\nframework|Test\nversion|1\nbaseline|B\n", NULL, NULL, NULL},
	 {"t.xlsx: Framework: no row for the field \"intermediate\""},
	 NULL},
	{"no Domains sheet", {NULL, "", NULL, NULL}, {"t.xlsx: no sheet \"Domains\""}, NULL},
	{"two domains of one id and one file, a blank row",
	 {NULL,
	  G_DOMAINS " \n1|Again||2-x.yaml\n2|Other||1-gov.yaml\n|No id||3.yaml\n3|No file||\n",
	  NULL, NULL},
	 {"t.xlsx: Domains!A4: a second row for domain 1 (the first is Domains!A2)",
	  "t.xlsx: Domains!D5: file \"1-gov.yaml\" is domain 1's already"},
	 NULL},
	{"a domain file in a directory",
	 {NULL, "Domain|Name (en)|File\n1|G|sub/1.yaml\n", NULL, NULL},
	 {"t.xlsx: Domains!C2: invalid catalogue file name \"sub/1.yaml\""},
	 NULL},
	{"a domain file hidden",
	 {NULL, "Domain|Name (en)|File\n1|G|.1.yaml\n", NULL, NULL},
	 {"t.xlsx: Domains!C2: invalid catalogue file name \".1.yaml\""},
	 NULL},
	{"a domain with no file",
	 {NULL, "Domain|Name (en)|File\n1|G|\n", NULL, NULL},
	 {"t.xlsx: Domains!C2: expected text, got an empty value"},
	 NULL},
	{"components: a blank row, no dot, a domain of another length, twice",
	 {NULL, NULL, G_COMPS "\n11\n10.1|X\n1.1|Again\n", NULL},
	 {"t.xlsx: Components!A4: component \"11\" is in no domain of sheet Domains",
	  "t.xlsx: Components!A5: component \"10.1\" is in no domain of sheet Domains",
	  "t.xlsx: Components!A6: a second row for component 1.1 (the first is Components!A2)"},
	 NULL},
	{"requirements: a blank row, no principle id, ids with too few dots",
	 {NULL, NULL, NULL,
	  G_REQS " \n1|1.1||X||baseline|Y\n1|1.1|1.2|Two||baseline|Y\n1||7|Seven||baseline|Y\n"},
	 {"t.xlsx: Requirements!C4: no principle id in this row",
	  "t.xlsx: Requirements!C5: invalid principle id \"1.2\"",
	  "t.xlsx: Requirements!C6: invalid principle id \"7\""},
	 NULL},
	{"a principle in a component of another length",
	 {NULL, NULL, NULL, G_REQ_HEAD "\n1|1.10|1.1.1|Plans||baseline|Have plans\n"},
	 {"t.xlsx: Requirements!B2: principle 1.1.1 is in component 1.1, not 1.10"},
	 NULL},
	{"rows of a principle whose domain is unknown are skipped",
	 {NULL, NULL, NULL,
	  G_REQ_HEAD
	  "\n9|1.1|1.1.1|Plans||baseline|Have plans\n9|1.1|1.1.1|Plans||advanced|More\n"},
	 {"t.xlsx: Requirements!A2: domain \"9\" is not in sheet Domains"},
	 NULL},
	{"products: a blank row",
	 {NULL, NULL, NULL, NULL, G_PRODUCTS " \n"},
	 {NULL},
	 "framework.yaml products.yaml 1-gov.yaml"},
	{"a Products sheet that cannot be read",
	 {NULL, NULL, NULL, NULL, "<worksheet>"},
	 {"t.xlsx: xl/worksheets/sheet5.xml: no element found"},
	 NULL},
	{"service models with no areas",
	 {NULL, NULL, NULL, NULL, NULL, G_MODELS},
	 {"t.xlsx: no sheet \"Responsibility areas\" (the workbook has \"Service models\": the "
	  "responsibility model needs both)"},
	 NULL},
	{"areas with no service models",
	 {NULL, NULL, NULL, NULL, NULL, NULL, G_AREAS},
	 {"t.xlsx: no sheet \"Service models\" (the workbook has \"Responsibility areas\""},
	 NULL},
	{"a responsibility note with neither sheet",
	 {G_FRAMEWORK "responsibility note|Shared\n", NULL, NULL, NULL},
	 {"t.xlsx: Framework!A7: a responsibility note, but no sheets \"Service models\" and "
	  "\"Responsibility areas\""},
	 NULL},
	{"a Service models sheet that cannot be read",
	 {NULL, NULL, NULL, NULL, NULL, "<worksheet>", G_AREAS},
	 {"t.xlsx: xl/worksheets/sheet5.xml: no element found"},
	 NULL},
	{"an Areas sheet that cannot be read",
	 {NULL, NULL, NULL, NULL, NULL, G_MODELS, "<worksheet>"},
	 {"t.xlsx: xl/worksheets/sheet6.xml: no element found"},
	 NULL},
	{"models and areas: blank rows, an owner left empty, no note",
	 {NULL, NULL, NULL, NULL, NULL, G_MODELS " \n", G_AREAS " \nnet|Network||Nets||customer\n"},
	 {"t.xlsx: 'Responsibility areas'!G4: expected text, got an empty value"},
	 NULL},
	{"inherent risk: no note, a blank row, a category's name differing",
	 {NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	  G_RISK " \ntech|Tech||more|More||few||some||many\n"},
	 {"t.xlsx: Framework: no row for the field \"inherent risk note\" (the workbook has a "
	  "sheet \"Inherent risk\")",
	  "t.xlsx: 'Inherent risk'!B5: category tech's Category name (en) differs from its first "
	  "row's ('Inherent risk'!B2)"},
	 NULL},
	{"an Inherent risk sheet that cannot be read",
	 {NULL, NULL, NULL, NULL, NULL, NULL, NULL, "<worksheet>"},
	 {"t.xlsx: xl/worksheets/sheet5.xml: no element found"},
	 NULL},
};

static void test_grids(void **state)
{
	static const char *const defaults[4] = {G_FRAMEWORK, G_DOMAINS, G_COMPS, G_REQS};

	(void)state;
	for (size_t i = 0; i < sizeof(grid_cases) / sizeof(*grid_cases); i++) {
		const struct grid_case *t = &grid_cases[i];
		struct diag_list dl = DIAG_LIST_INIT;
		struct catalogue_book book;
		struct catalogue cat;
		struct tu_grid sheets[8];
		struct strbuf zip = STRBUF_INIT, files = STRBUF_INIT;
		size_t n = 0;
		int ret;

		for (size_t k = 0; k < 8; k++) {
			const char *rows = t->sheets[k] ? t->sheets[k] : k < 4 ? defaults[k] : NULL;

			if (rows && (*rows || k >= 4))
				sheets[n++] = (struct tu_grid){grid_names[k], rows};
		}
		tu_grid_book(&zip, sheets, n);
		catalogue_book_init(&book);
		catalogue_init(&cat);
		ret = convert_buffer(&zip, &book, &cat, &dl);
		for (size_t k = 0; k < book.nfiles; k++)
			strbuf_addf(&files, "%s%s", k ? " " : "", book.files[k].name);
		if (!t->errors[0]) {
			if (ret || dl.nr) {
				tu_dump(&dl);
				fail_msg("%s: does not load", t->what);
			}
			if (strcmp(files.buf, t->files))
				fail_msg("%s: made %s", t->what, files.buf);
		} else {
			assert_int_equal(ret, -1);
			for (size_t e = 0; e < 3 && t->errors[e]; e++) {
				size_t k;

				for (k = 0; k < dl.nr; k++) {
					char full[1024];

					snprintf(full, sizeof(full), "%s: %s", dl.items[k].file,
						 dl.items[k].message);
					if (strstr(full, t->errors[e]))
						break;
				}
				if (k == dl.nr) {
					tu_dump(&dl);
					fail_msg("%s: no error \"%s\"", t->what, t->errors[e]);
				}
			}
		}
		catalogue_book_release(&book);
		catalogue_release(&cat);
		strbuf_release(&zip);
		strbuf_release(&files);
		diag_list_release(&dl);
	}
}

/* A workbook read from a path: what is not a workbook file is refused before it is opened. */
static void test_read_paths(void **state)
{
	static const struct tu_grid small[] = {
		{"Framework", G_FRAMEWORK},
		{"Domains", G_DOMAINS},
		{"Components", G_COMPS},
		{"Requirements", G_REQS},
	};
	struct strbuf zip = STRBUF_INIT;
	char *big = temp_xlsx(), *good = temp_xlsx(), *text = temp_xlsx();
	const struct {
		const char *path, *message; /* NULL: it reads */
	} cases[] = {
		{"/nonexistent-craf/c.xlsx", "cannot open the workbook: No such file or directory"},
		{"/tmp", "not a file (expected a workbook saved as .xlsx)"},
		{big, "the workbook is larger than 64 MiB"},
		{text, "this is text (CSV?), not a workbook"},
		{good, NULL},
	};
	FILE *f;

	(void)state;
	assert_int_equal(truncate(big, (off_t)65 << 20), 0);
	tu_grid_book(&zip, small, 4);
	f = fopen(good, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(zip.buf, 1, zip.len, f), zip.len);
	fclose(f);
	f = fopen(text, "w");
	assert_non_null(f);
	fputs("Field,English\n", f);
	fclose(f);
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct diag_list dl = DIAG_LIST_INIT;
		struct catalogue_book book;
		int ret;

		catalogue_book_init(&book);
		ret = catalogue_xlsx_read(&book, cases[i].path, &dl);
		if (!cases[i].message) {
			assert_int_equal(ret, 0);
			assert_int_equal(dl.nr, 0);
			assert_int_equal(book.nfiles, 2);
		} else {
			assert_int_equal(ret, -1);
			assert_int_equal(dl.nr, 1);
			assert_string_equal(dl.items[0].file, cases[i].path);
			if (!strstr(dl.items[0].message, cases[i].message))
				fail_msg("%s: %s", cases[i].path, dl.items[0].message);
		}
		catalogue_book_release(&book);
		diag_list_release(&dl);
	}
	unlink(big);
	unlink(good);
	unlink(text);
	free(big);
	free(good);
	free(text);
	strbuf_release(&zip);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_round_trip), cmocka_unit_test(test_small_book_loads),
		cmocka_unit_test(test_bad_cells_named),	   cmocka_unit_test(test_grids),
		cmocka_unit_test(test_read_paths),
	};

	return cmocka_run_group_tests_name("catalogue_xlsx", tests, NULL, NULL);
}
