/*
 * Reads an answers workbook (docs/answers.md, "The workbook") into the
 * same node tree an answers file in YAML gives, each node placed at its
 * cell, so one set of checks (answers_load.c) serves both.
 */
#ifndef CRAF_ANSWERS_XLSX_LOAD_H
#define CRAF_ANSWERS_XLSX_LOAD_H

#include "diag.h"
#include "yamldoc.h"

/*
 * Builds doc->root from the workbook whose bytes doc holds (read with
 * doc->workbook_ok): the Assessment sheet's fields, the Inherent risk
 * sheet's indicators and the Answers sheet's rows, columns found by their
 * headers, other sheets ignored. What the tree cannot say (a column it does
 * not know, two rows for one requirement) is refused here, naming cells.
 * Returns 0, or -1 with every problem found in dl.
 */
int answers_xlsx_parse(struct ydoc *doc, struct diag_list *dl);

#endif
