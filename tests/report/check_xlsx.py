#!/usr/bin/python3
"""Reads a craf XLSX workbook back and checks its sheets and formatting.

usage: check_xlsx.py FILE.xlsx GAP_COUNT FIRST_GAP_ID
"""
import re
import sys
import zipfile


def main():
    path, gaps, first = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    z = zipfile.ZipFile(path)
    workbook = z.read("xl/workbook.xml").decode()
    sheets = re.findall(r'<sheet name="([^"]+)"', workbook)
    assert sheets == ["Summary", "Gap register", "Answers"], sheets
    strings = z.read("xl/sharedStrings.xml").decode()
    gap_sheet = z.read("xl/worksheets/sheet2.xml").decode()
    answers = z.read("xl/worksheets/sheet3.xml").decode()
    # Header row plus one row per gap.
    rows = re.findall(r'<row r="(\d+)"', gap_sheet)
    assert len(rows) == gaps + 1, (len(rows), gaps)
    assert "<autoFilter" in gap_sheet, "no autofilter on the gap register"
    assert 'state="frozen"' in gap_sheet, "no frozen panes on the gap register"
    assert "<cols>" in gap_sheet, "no column widths"
    assert "<autoFilter" in answers, "no autofilter on the answers sheet"
    assert f"<t>{first}</t>" in strings, f"{first} not in the shared strings"
    assert "<t>Control</t>" in strings
    # Formulas never appear: user text is stored as strings.
    assert "<f>" not in gap_sheet and "<f>" not in answers
    print(f"{path}: sheets {sheets}, {gaps} gap rows, filters and frozen panes present")
    print("1 passed, 0 failed")


if __name__ == "__main__":
    main()
