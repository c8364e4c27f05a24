#!/usr/bin/env python3
"""Makes a bad catalogue workbook from a good one, as a hand edit in Excel would.

usage: edit-workbook.py IN OUT EDIT
EDIT: unknown-level, unknown-product, missing-column, duplicate-row, missing-sheet,
principle-name, unknown-field
"""
import sys

import openpyxl


def rows_of(ws, principle):
    return [r for r in range(2, ws.max_row + 1) if ws.cell(r, 3).value == principle]


def main():
    src, dst, edit = sys.argv[1:4]
    wb = openpyxl.load_workbook(src)
    req = wb["Requirements"]
    if edit == "unknown-level":
        req.cell(rows_of(req, "1.2.1")[1], 6).value = "expert"
    elif edit == "unknown-product":
        for r in rows_of(req, "3.1.1"):
            req.cell(r, 9).value = "cam\ncloud-audit"
    elif edit == "missing-column":
        req.cell(1, 6).value = "Lvl"
    elif edit == "duplicate-row":
        row = rows_of(req, "2.1.1")[0]
        req.append([c.value for c in req[row]])
    elif edit == "missing-sheet":
        del wb["Components"]
    elif edit == "principle-name":
        req.cell(rows_of(req, "1.2.1")[2], 4).value = "Strategy and plan"
    elif edit == "unknown-field":
        wb["Framework"].cell(2, 1).value = "frame work"
    else:
        sys.exit(f"unknown edit {edit}")
    wb.save(dst)


if __name__ == "__main__":
    main()
