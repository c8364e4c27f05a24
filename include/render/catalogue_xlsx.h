/* The catalogue as a workbook (craf catalogue convert): one row per requirement, and every other
 * part. */
#ifndef CRAF_CATALOGUE_XLSX_H
#define CRAF_CATALOGUE_XLSX_H

#include "catalogue.h"
#include "strbuf.h"

/* The sheets and their column headers, shared with the reader (load/catalogue_xlsx.c). */
#define CATX_FRAMEWORK	  "Framework"
#define CATX_DOMAINS	  "Domains"
#define CATX_COMPONENTS	  "Components"
#define CATX_REQUIREMENTS "Requirements"
#define CATX_PRODUCTS	  "Products"
#define CATX_MODELS	  "Service models"
#define CATX_AREAS	  "Responsibility areas"
#define CATX_RISK	  "Inherent risk"

/*
 * Writes cat to path as a workbook: every field of the model, so that the
 * reader gives the same catalogue back. 0, or -1 with the reason in err.
 */
int catalogue_xlsx_write(const char *path, const struct catalogue *cat, struct strbuf *warnings,
			 struct strbuf *err);

#endif
