#!/usr/bin/env python3
"""Prints line and branch coverage of src/ per file from gcovr's JSON summary
and fails when a target is missed: every reader of untrusted input (YAML,
JSON, workbooks, pinned evidence files) at least 95% of its branches, and
src/ as a whole at least 90% of its lines.
usage: check.py SUMMARY.json"""
import json
import sys

# The readers of untrusted input: node trees, schema tables, the loaders, the
# workbook reader and the workbooks read through it, and the evidence files a
# report pins.
LOADERS = {
    "src/load/yamldoc.c", "src/load/jsondoc.c", "src/load/schema.c",
    "src/load/answers_load.c", "src/load/catalogue_load.c", "src/load/report_load.c",
    "src/load/xlsx_read.c", "src/load/answers_xlsx.c", "src/load/catalogue_xlsx.c",
    "src/load/evidence_check.c",
}
LOADER_BRANCHES = 95.0
TOTAL_LINES = 90.0


def pct(covered, total):
    return 100.0 * covered / total if total else 100.0


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        data = json.load(f)
    missed = []
    print(f"{'file':<28} {'lines':>15} {'branches':>15}")
    for entry in sorted(data["files"], key=lambda e: e["filename"]):
        name = entry["filename"]
        lines = pct(entry["line_covered"], entry["line_total"])
        branches = pct(entry["branch_covered"], entry["branch_total"])
        mark = ""
        if name in LOADERS:
            mark = "  loader"
            if branches < LOADER_BRANCHES:
                mark += f": below {LOADER_BRANCHES:.0f}% of branches"
                missed.append(f"{name}: {branches:.1f}% of branches, target {LOADER_BRANCHES:.0f}%")
        print(f"{name:<28} {entry['line_covered']:>5}/{entry['line_total']:<5} {lines:5.1f}%"
              f" {entry['branch_covered']:>5}/{entry['branch_total']:<5} {branches:5.1f}%{mark}")
    total_lines = pct(data["line_covered"], data["line_total"])
    total_branches = pct(data["branch_covered"], data["branch_total"])
    print(f"{'total':<28} {data['line_covered']:>5}/{data['line_total']:<5} {total_lines:5.1f}%"
          f" {data['branch_covered']:>5}/{data['branch_total']:<5} {total_branches:5.1f}%")
    if total_lines < TOTAL_LINES:
        missed.append(f"src/: {total_lines:.1f}% of lines, target {TOTAL_LINES:.0f}%")
    missing = LOADERS - {e["filename"] for e in data["files"]}
    for name in sorted(missing):
        missed.append(f"{name}: no coverage data")
    for m in missed:
        print(f"coverage target missed: {m}")
    print(f"coverage: {0 if missed else 1} passed, {1 if missed else 0} failed")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
