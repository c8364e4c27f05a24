#!/bin/sh
# Report exports: JSON validates against docs/report.schema.json; every format
# re-rendered from the saved JSON equals the direct one; output is
# deterministic; the XLSX reads back. usage: run.sh CRAF SOURCE_DIR
set -eu
craf=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1793491200 NO_COLOR=1
fail=0
pass=0
check() {
	if "$@"; then pass=$((pass + 1)); else echo "FAILED: $*"; fail=$((fail + 1)); fi
}

# Inputs: the example, its earlier cycle, an untouched template, a custom catalogue.
"$craf" init -o "$out/template.yaml"
set -- example:"$src/examples/answers.yaml" \
	previous:"$src/examples/answers-2023.yaml" \
	template:"$out/template.yaml"
for item in "$@"; do
	name=${item%%:*}
	file=${item#*:}
	status=0
	"$craf" assess "$file" --format json -o "$out/$name.json" || status=$?
	check test "$status" = 1
	for target in baseline advanced; do
		"$craf" assess "$file" --target "$target" --format json -o "$out/$name-$target.json" || true
	done
	# Same inputs, same bytes.
	"$craf" assess "$file" --format json >"$out/$name.again.json" || true
	check cmp -s "$out/$name.json" "$out/$name.again.json"
	for fmt in text markdown html csv; do
		for lang in en zh; do
			"$craf" assess "$file" --format "$fmt" --lang "$lang" >"$out/$name.direct.$fmt.$lang" || true
			"$craf" report "$out/$name.json" --format "$fmt" --lang "$lang" >"$out/$name.re.$fmt.$lang"
			if cmp -s "$out/$name.direct.$fmt.$lang" "$out/$name.re.$fmt.$lang"; then
				pass=$((pass + 1))
			else
				echo "FAILED: $name $fmt $lang differs after the JSON round trip"
				diff "$out/$name.direct.$fmt.$lang" "$out/$name.re.$fmt.$lang" | head -20
				fail=$((fail + 1))
			fi
		done
	done
	# The JSON re-rendered as JSON is the same document.
	"$craf" report "$out/$name.json" --format json >"$out/$name.re.json"
	check cmp -s "$out/$name.json" "$out/$name.re.json"
done
status=0
"$craf" assess --catalogue "$src/tests/data/mini" "$src/tests/cli/assess-no-gaps/answers.yaml" \
	--format json -o "$out/mini.json" || status=$?
check test "$status" = 0

echo "== craf diff: JSON and answers mixed, exit codes, schema"
mkdir -p "$out/diff"
status=0
"$craf" diff "$src/examples/answers-2023.yaml" "$src/examples/answers.yaml" --format json \
	-o "$out/diff/example.json" || status=$?
check test "$status" = 1
"$craf" diff "$src/examples/answers-2023.yaml" "$src/examples/answers.yaml" >"$out/diff/yaml.txt" || true
"$craf" diff "$out/previous.json" "$out/example.json" >"$out/diff/json.txt" || true
# A saved report gives the same comparison as its answers file.
check cmp -s "$out/diff/yaml.txt" "$out/diff/json.txt"
status=0
"$craf" diff "$src/examples/answers.yaml" "$out/example.json" --format json -o "$out/diff/same.json" ||
	status=$?
check test "$status" = 0
"$craf" assess --catalogue "$src/tests/data/mini" "$src/tests/cli/assess-no-gaps/answers.yaml" \
	--format json -o "$out/mini1.json" || true
"$craf" assess --catalogue "$src/tests/data/mini2" "$src/tests/cli/diff-drift/answers-v2.yaml" \
	--format json -o "$out/mini2.json" || true
"$craf" diff "$out/mini1.json" "$out/mini2.json" --format json -o "$out/diff/drift.json" || true
check grep -q '"changed": true' "$out/diff/drift.json"
check /usr/bin/python3 "$src/tests/report/check_json_schema.py" "$src/docs/diff.schema.json" \
	"$out"/diff/*.json

echo "== JSON Schema validation"
check /usr/bin/python3 "$src/tests/report/check_json_schema.py" "$src/docs/report.schema.json" \
	"$out"/*.json

echo "== XLSX read-back"
"$craf" assess "$src/examples/answers.yaml" --format xlsx -o "$out/example.xlsx" || true
gaps=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["gaps"])' "$out/example.json")
check /usr/bin/python3 "$src/tests/report/check_xlsx.py" "$out/example.xlsx" "$gaps" 3.1.5
"$craf" report "$out/example.json" --format xlsx -o "$out/re.xlsx"
check /usr/bin/python3 "$src/tests/report/check_xlsx.py" "$out/re.xlsx" "$gaps" 3.1.5
# Deterministic workbook too.
check cmp -s "$out/example.xlsx" "$out/re.xlsx"

echo "report exports: $pass passed, $fail failed"
[ "$fail" = 0 ]
