/* expat's parsing functions, opened on first use (libexpat.c). */
#ifndef CRAF_LIBEXPAT_H
#define CRAF_LIBEXPAT_H

#include <expat.h>

/* The functions craf calls, with the library's own names. */
struct libexpat {
	XML_Parser(XMLCALL *XML_ParserCreateNS)(const XML_Char *encoding, XML_Char sep);
	void(XMLCALL *XML_ParserFree)(XML_Parser p);
	void(XMLCALL *XML_SetUserData)(XML_Parser p, void *data);
	void(XMLCALL *XML_SetElementHandler)(XML_Parser p, XML_StartElementHandler start,
					     XML_EndElementHandler end);
	void(XMLCALL *XML_SetCharacterDataHandler)(XML_Parser p, XML_CharacterDataHandler h);
	void(XMLCALL *XML_SetStartDoctypeDeclHandler)(XML_Parser p, XML_StartDoctypeDeclHandler h);
	void(XMLCALL *XML_SetEntityDeclHandler)(XML_Parser p, XML_EntityDeclHandler h);
	int(XMLCALL *XML_SetParamEntityParsing)(XML_Parser p, enum XML_ParamEntityParsing how);
	enum XML_Status(XMLCALL *XML_Parse)(XML_Parser p, const char *s, int len, int final);
	enum XML_Status(XMLCALL *XML_StopParser)(XML_Parser p, XML_Bool resumable);
	enum XML_Error(XMLCALL *XML_GetErrorCode)(XML_Parser p);
	XML_Size(XMLCALL *XML_GetCurrentLineNumber)(XML_Parser p);
	XML_Size(XMLCALL *XML_GetCurrentColumnNumber)(XML_Parser p);
	const XML_LChar *(XMLCALL *XML_ErrorString)(enum XML_Error code);
};

/* The functions, or NULL with why not in *error; safe from any thread. */
const struct libexpat *libexpat_load(const char **error);

#endif
