/* Workbooks are zip files; minizip (and zlib under it) is opened only when one is read. */
#include "libminizip.h"

#include <pthread.h>

#include "dynlib.h"

static struct dynlib mz_lib = {"libminizip.so.1", "reading workbooks needs libminizip",
			       "libminizip1", NULL, ""};
static struct libminizip mz;
static pthread_once_t mz_once = PTHREAD_ONCE_INIT;

#define MZ_SYM(name) DYNLIB_SYM(&mz_lib, mz, name)

static void mz_load(void)
{
	if (!dynlib_open(&mz_lib))
		return;
	dynlib_finish(&mz_lib, MZ_SYM(unzOpen64) && MZ_SYM(unzOpen2_64) && MZ_SYM(unzClose) &&
				       MZ_SYM(unzGetGlobalInfo64) && MZ_SYM(unzGoToFirstFile) &&
				       MZ_SYM(unzGoToNextFile) && MZ_SYM(unzLocateFile) &&
				       MZ_SYM(unzGetCurrentFileInfo64) &&
				       MZ_SYM(unzOpenCurrentFile) && MZ_SYM(unzReadCurrentFile) &&
				       MZ_SYM(unzCloseCurrentFile));
}

const struct libminizip *libminizip_load(const char **error)
{
	pthread_once(&mz_once, mz_load);
	if (mz_lib.handle)
		return &mz;
	*error = mz_lib.error;
	return NULL;
}
