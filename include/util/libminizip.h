/* minizip's reading functions, opened on first use (libminizip.c). */
#ifndef CRAF_LIBMINIZIP_H
#define CRAF_LIBMINIZIP_H

#include <unzip.h>

/* The functions craf calls, with the library's own names. */
struct libminizip {
	unzFile (*unzOpen64)(const void *path);
	unzFile (*unzOpen2_64)(const void *path, zlib_filefunc64_def *io);
	int (*unzClose)(unzFile file);
	int (*unzGetGlobalInfo64)(unzFile file, unz_global_info64 *info);
	int (*unzGoToFirstFile)(unzFile file);
	int (*unzGoToNextFile)(unzFile file);
	int (*unzLocateFile)(unzFile file, const char *name, int case_sensitivity);
	int (*unzGetCurrentFileInfo64)(unzFile file, unz_file_info64 *info, char *name,
				       uLong name_size, void *extra, uLong extra_size,
				       char *comment, uLong comment_size);
	int (*unzOpenCurrentFile)(unzFile file);
	int (*unzReadCurrentFile)(unzFile file, voidp buf, unsigned len);
	int (*unzCloseCurrentFile)(unzFile file);
};

/* The functions, or NULL with why not in *error; safe from any thread. */
const struct libminizip *libminizip_load(const char **error);

#endif
