/* Workbook parts are XML; expat is opened only when a workbook is read. */
#include "libexpat.h"

#include "dynlib.h"

static struct libexpat xp;

#define XP_SYM(name) DYNLIB_SYM(d, xp, name)

static bool xp_resolve(struct dynlib *d)
{
	return XP_SYM(XML_ParserCreateNS) && XP_SYM(XML_ParserFree) && XP_SYM(XML_SetUserData) &&
	       XP_SYM(XML_SetElementHandler) && XP_SYM(XML_SetCharacterDataHandler) &&
	       XP_SYM(XML_SetStartDoctypeDeclHandler) && XP_SYM(XML_SetEntityDeclHandler) &&
	       XP_SYM(XML_SetParamEntityParsing) && XP_SYM(XML_Parse) && XP_SYM(XML_StopParser) &&
	       XP_SYM(XML_GetErrorCode) && XP_SYM(XML_GetCurrentLineNumber) &&
	       XP_SYM(XML_GetCurrentColumnNumber) && XP_SYM(XML_ErrorString);
}

static struct dynlib xp_lib =
	DYNLIB_INIT("libexpat.so.1", "reading workbooks needs expat", "libexpat1", xp_resolve);

const struct libexpat *libexpat_load(const char **error)
{
	if (dynlib_ready(&xp_lib))
		return &xp;
	*error = xp_lib.error;
	return NULL;
}
