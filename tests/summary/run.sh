#!/bin/sh
# craf summary's exports: JSON valid against docs/summary.schema.json and
# saying what the five-entity scenario says; every format the same whatever
# the order of the files; the XLSX reads back with its heat map; a bad file
# leaves no output. usage: run.sh CRAF SOURCE_DIR
set -eu
craf=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1793491200 NO_COLOR=1
pass=0
fail=0
check() {
	if "$@"; then pass=$((pass + 1)); else echo "FAILED: $*"; fail=$((fail + 1)); fi
}
d=$src/tests/data/summary
set -- "$d/alpha.yaml" "$d/beta-2025.yaml" "$d/beta-2026.yaml" "$d/gamma.yaml" "$d/delta.yaml" "$d/epsilon.json"
common="--catalogue $src/tests/data/mini --as-of 2027-06-30"

echo "== formats, exit status, order of the files"
for fmt in text json html markdown csv; do
	status=0
	# shellcheck disable=SC2086
	"$craf" summary $common --format "$fmt" "$@" >"$out/a.$fmt" || status=$?
	check test "$status" = 1
	# The same files in reverse order: the same bytes.
	# shellcheck disable=SC2086
	"$craf" summary $common --format "$fmt" "$6" "$5" "$4" "$3" "$2" "$1" >"$out/b.$fmt" || true
	check cmp -s "$out/a.$fmt" "$out/b.$fmt"
done
status=0
# shellcheck disable=SC2086
"$craf" summary $common --format xlsx -o "$out/a.xlsx" "$@" || status=$?
check test "$status" = 1
# shellcheck disable=SC2086
"$craf" summary $common --format xlsx -o "$out/b.xlsx" "$6" "$5" "$4" "$3" "$2" "$1" || true
check cmp -s "$out/a.xlsx" "$out/b.xlsx"

echo "== JSON Schema and content"
check /usr/bin/python3 "$src/tests/report/check_json_schema.py" "$src/docs/summary.schema.json" "$out/a.json"
# shellcheck disable=SC2086
"$craf" summary --as-of 2027-06-30 --format json "$src"/examples/answers*.yaml >"$out/examples.json" || true
check /usr/bin/python3 "$src/tests/report/check_json_schema.py" "$src/docs/summary.schema.json" "$out/examples.json"
check /usr/bin/python3 - "$out/a.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
names = [e["institution"] for e in s["entities"]]
assert names == ["Alpha Bank", "Beta Bank", "Delta Bank", "Epsilon Bank", "Gamma Finance Limited"], names
by = {e["institution"]: e for e in s["entities"]}
assert by["Beta Bank"]["assessment_date"] == "2026-06-01" and by["Beta Bank"]["assessments"] == 2
assert by["Beta Bank"]["previous"]["assessment_date"] == "2025-06-01"
assert [d["direction"] for d in by["Beta Bank"]["domains"]] == ["down", "up"]
assert by["Gamma Finance Limited"]["reassessment_due"] is True
assert [e["reassessment_due"] for e in s["entities"]].count(True) == 1
assert by["Epsilon Bank"]["source"].endswith("epsilon.json")
g = s["common_gaps"][0]
assert (g["control"], g["level"], g["count"]) == ("1.1.1", "baseline", 3), g
assert g["entities"] == ["Alpha Bank", "Beta Bank", "Gamma Finance Limited"], g
assert s["totals"]["entities"] == 5 and s["totals"]["below_target"] == 4, s["totals"]
assert s["totals"]["files"] == 6 and s["totals"]["assessments"] == 6
print("scenario: five rows, Gamma due, 1.1.1 shared by three ranked first")
PY

echo "== XLSX read-back"
check /usr/bin/python3 - "$out/a.xlsx" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheets = re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode())
assert sheets == ["Entities", "Heat map", "Common gaps", "Totals"], sheets
strings = re.findall(r"<t[^>]*>([^<]*)</t>", z.read("xl/sharedStrings.xml").decode())
entities = z.read("xl/worksheets/sheet1.xml").decode()
assert len(re.findall(r'<row r="', entities)) == 6, "a header and five entity rows"
assert "<autoFilter" in entities and 'state="frozen"' in entities
gaps = z.read("xl/worksheets/sheet3.xml").decode()
first = re.search(r'<row r="2".*?</row>', gaps, re.S).group(0)
cells = [strings[int(v)] for v in re.findall(r't="s"[^>]*><v>(\d+)</v>', first)]
assert cells[0] == "1.1.1", cells
styles = z.read("xl/styles.xml").decode()
for colour in ("CDEEDD", "FDE7B0"):  # at target, one level short
    assert colour in styles, f"heat map fill {colour} missing"
for sheet in ("sheet1", "sheet2", "sheet3", "sheet4"):
    assert "<f>" not in z.read(f"xl/worksheets/{sheet}.xml").decode()
print("xlsx: four sheets, five entities, 1.1.1 first among the common gaps, heat fills")
PY

echo "== a bad file: exit 2, position, nothing written"
printf 'version: 1\ninstitution: Broken\nassessment_date: 2026-02-30\ntarget: baseline\nanswers: {}\n' >"$out/bad.yaml"
for fmt in text json xlsx; do
	status=0
	# shellcheck disable=SC2086
	"$craf" summary $common --format "$fmt" -o "$out/bad.$fmt" "$1" "$out/bad.yaml" 2>"$out/bad.err" || status=$?
	check test "$status" = 2
	check test ! -e "$out/bad.$fmt"
	check grep -q "bad.yaml:3:18: invalid date" "$out/bad.err"
done

echo "summary exports: $pass passed, $fail failed"
[ "$fail" = 0 ]
