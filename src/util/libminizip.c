/* Workbooks are zip files; minizip (and zlib under it) is opened only when one is read. */
#include "libminizip.h"

#include "dynlib.h"

static struct libminizip mz;

#define MZ_SYM(name) DYNLIB_SYM(d, mz, name)

static bool mz_resolve(struct dynlib *d)
{
	return MZ_SYM(unzOpen64) && MZ_SYM(unzOpen2_64) && MZ_SYM(unzClose) &&
	       MZ_SYM(unzGetGlobalInfo64) && MZ_SYM(unzGoToFirstFile) && MZ_SYM(unzGoToNextFile) &&
	       MZ_SYM(unzLocateFile) && MZ_SYM(unzGetCurrentFileInfo64) &&
	       MZ_SYM(unzOpenCurrentFile) && MZ_SYM(unzReadCurrentFile) &&
	       MZ_SYM(unzCloseCurrentFile);
}

static struct dynlib mz_lib = DYNLIB_INIT("libminizip.so.1", "reading workbooks needs libminizip",
					  "libminizip1", mz_resolve);

const struct libminizip *libminizip_load(const char **error)
{
	if (dynlib_ready(&mz_lib))
		return &mz;
	*error = mz_lib.error;
	return NULL;
}
