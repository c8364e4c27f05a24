/* dynlib, libexpat, libminizip: libraries opened on first use, and what is said when one is
 * missing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dynlib.h"
#include "libexpat.h"
#include "libminizip.h"

static int resolved;

static bool resolve_nothing(struct dynlib *d)
{
	(void)d;
	resolved++;
	return true;
}

static void test_missing_library(void **state)
{
	struct dynlib d = DYNLIB_INIT("libcraf-no-such-library.so.9", "testing needs libnosuch",
				      "libnosuch9", resolve_nothing);

	(void)state;
	resolved = 0;
	assert_false(dynlib_ready(&d));
	assert_null(d.handle);
	assert_int_equal(resolved, 0);
	/* What is missing, the Debian package that has it, and the loader's reason. */
	assert_non_null(strstr(d.error, "testing needs libnosuch (Debian package libnosuch9): "));
	assert_non_null(strstr(d.error, "libcraf-no-such-library.so.9"));
	/* Tried once: the answer stands. */
	assert_false(dynlib_ready(&d));
	pthread_mutex_destroy(&d.lock);
}

static struct {
	XML_Size(XMLCALL *XML_GetCurrentLineNumber)(XML_Parser p);
	int (*craf_no_such_function)(void);
} probe;

static bool resolve_missing(struct dynlib *d)
{
	resolved++;
	/* The name is not expat's, so it is not checked against a declaration. */
	*(void **)&probe.craf_no_such_function = dynlib_sym(d, "craf_no_such_function");
	return DYNLIB_SYM(d, probe, XML_GetCurrentLineNumber) && probe.craf_no_such_function;
}

static void test_missing_function(void **state)
{
	struct dynlib d =
		DYNLIB_INIT("libexpat.so.1", "testing needs expat", "libexpat1", resolve_missing);

	(void)state;
	resolved = 0;
	assert_false(dynlib_ready(&d));
	assert_int_equal(resolved, 1);
	assert_non_null(probe.XML_GetCurrentLineNumber);
	/* The library is closed, and the message names the function it lacks. */
	assert_null(d.handle);
	assert_non_null(strstr(d.error, "the libexpat.so.1 library lacks a function: "));
	assert_non_null(strstr(d.error, "craf_no_such_function"));
	pthread_mutex_destroy(&d.lock);
}

static void test_all_found(void **state)
{
	struct dynlib d =
		DYNLIB_INIT("libexpat.so.1", "testing needs expat", "libexpat1", resolve_nothing);

	(void)state;
	resolved = 0;
	assert_true(dynlib_ready(&d));
	assert_true(dynlib_ready(&d));
	/* Opened and resolved once however often it is asked for. */
	assert_int_equal(resolved, 1);
	assert_non_null(d.handle);
	assert_string_equal(d.error, "");
	pthread_mutex_destroy(&d.lock);
}

static int on_start_count;

static void XMLCALL on_start(void *data, const XML_Char *name, const XML_Char **attrs)
{
	(void)attrs;
	assert_ptr_equal(data, &on_start_count);
	if (!strcmp(name, "urn:x|b"))
		on_start_count++;
}

/* The table's functions are expat's: a namespaced document parses through them. */
static void test_expat_table(void **state)
{
	static const char doc[] = "<a xmlns='urn:x'><b/><b/></a>";
	const char *why = NULL;
	const struct libexpat *xp = libexpat_load(&why);
	XML_Parser p;

	(void)state;
	assert_non_null(xp);
	assert_null(why);
	/* Loaded once: the same table every time. */
	assert_ptr_equal(libexpat_load(&why), xp);
	p = xp->XML_ParserCreateNS(NULL, '|');
	assert_non_null(p);
	xp->XML_SetUserData(p, &on_start_count);
	xp->XML_SetElementHandler(p, on_start, NULL);
	assert_int_equal(xp->XML_Parse(p, doc, (int)strlen(doc), XML_TRUE), XML_STATUS_OK);
	assert_int_equal(on_start_count, 2);
	xp->XML_ParserFree(p);

	p = xp->XML_ParserCreateNS(NULL, '|');
	assert_int_equal(xp->XML_Parse(p, "<a>\n  <b></a>", 13, XML_TRUE), XML_STATUS_ERROR);
	assert_int_equal(xp->XML_GetCurrentLineNumber(p), 2);
	assert_string_equal(xp->XML_ErrorString(xp->XML_GetErrorCode(p)), "mismatched tag");
	xp->XML_ParserFree(p);
}

/* The table's functions are minizip's: a zip written here reads back through them. */
static void test_minizip_table(void **state)
{
	/* A stored zip holding "x.txt" = "hi", as `zip -0 -X` writes it. */
	static const unsigned char zip[] = {
		0x50, 0x4b, 0x03, 0x04, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x13, 0x6e, 0x7e, 0x5d,
		0xac, 0x2a, 0x93, 0xd8, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x05, 0x00,
		0x00, 0x00, 0x78, 0x2e, 0x74, 0x78, 0x74, 0x68, 0x69, 0x50, 0x4b, 0x01, 0x02, 0x1e,
		0x03, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x13, 0x6e, 0x7e, 0x5d, 0xac, 0x2a, 0x93,
		0xd8, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00,
		0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xa4, 0x81, 0x00, 0x00, 0x00, 0x00, 0x78,
		0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00,
		0x01, 0x00, 0x33, 0x00, 0x00, 0x00, 0x25, 0x00, 0x00, 0x00, 0x00, 0x00};
	char path[] = "/tmp/craf-test-dynlib-XXXXXX", buf[8];
	const char *why = NULL;
	const struct libminizip *mz = libminizip_load(&why);
	unz_global_info64 gi;
	unzFile z;
	FILE *f;
	int fd;

	(void)state;
	assert_non_null(mz);
	assert_ptr_equal(libminizip_load(&why), mz);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "wb");
	assert_int_equal(fwrite(zip, 1, sizeof(zip), f), sizeof(zip));
	fclose(f);
	z = mz->unzOpen64(path);
	assert_non_null(z);
	assert_int_equal(mz->unzGetGlobalInfo64(z, &gi), UNZ_OK);
	assert_int_equal(gi.number_entry, 1);
	assert_int_equal(mz->unzLocateFile(z, "X.TXT", 2), UNZ_OK);
	assert_int_equal(mz->unzOpenCurrentFile(z), UNZ_OK);
	assert_int_equal(mz->unzReadCurrentFile(z, buf, sizeof(buf)), 2);
	assert_memory_equal(buf, "hi", 2);
	assert_int_equal(mz->unzCloseCurrentFile(z), UNZ_OK);
	assert_int_equal(mz->unzClose(z), UNZ_OK);
	unlink(path);
	assert_null(mz->unzOpen64(path));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_missing_library), cmocka_unit_test(test_missing_function),
		cmocka_unit_test(test_all_found),	cmocka_unit_test(test_expat_table),
		cmocka_unit_test(test_minizip_table),
	};

	return cmocka_run_group_tests_name("dynlib", tests, NULL, NULL);
}
