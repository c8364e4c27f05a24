/* Workbook parts are XML; expat is opened only when a workbook is read. */
#include "libexpat.h"

#include <pthread.h>

#include "dynlib.h"

static struct dynlib xp_lib = {"libexpat.so.1", "reading workbooks needs expat", "libexpat1", NULL,
			       ""};
static struct libexpat xp;
static pthread_once_t xp_once = PTHREAD_ONCE_INIT;

#define XP_SYM(name) DYNLIB_SYM(&xp_lib, xp, name)

static void xp_load(void)
{
	if (!dynlib_open(&xp_lib))
		return;
	dynlib_finish(
		&xp_lib,
		XP_SYM(XML_ParserCreateNS) && XP_SYM(XML_ParserFree) && XP_SYM(XML_SetUserData) &&
			XP_SYM(XML_SetElementHandler) && XP_SYM(XML_SetCharacterDataHandler) &&
			XP_SYM(XML_SetStartDoctypeDeclHandler) &&
			XP_SYM(XML_SetEntityDeclHandler) && XP_SYM(XML_SetParamEntityParsing) &&
			XP_SYM(XML_Parse) && XP_SYM(XML_StopParser) && XP_SYM(XML_GetErrorCode) &&
			XP_SYM(XML_GetCurrentLineNumber) && XP_SYM(XML_GetCurrentColumnNumber) &&
			XP_SYM(XML_ErrorString));
}

const struct libexpat *libexpat_load(const char **error)
{
	pthread_once(&xp_once, xp_load);
	if (xp_lib.handle)
		return &xp;
	*error = xp_lib.error;
	return NULL;
}
