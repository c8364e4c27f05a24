#!/bin/sh
# OSCAL export against NIST's official 1.2.1 JSON schemas ($CRAF_FIXTURES/oscal,
# else ../shared/oscal beside the checkout): the catalog and the
# assessment-results of the example, its previous cycle and an untouched
# template validate, and the same inputs give the same bytes. The schemas'
# \p{L} patterns need a JavaScript validator: ajv-cli and ajv-formats from
# npm, which ./test.sh installs into $OSCAL_TOOLS (else the build tree).
# A missing tool fails the test; missing schemas skip it, except under CI.
# usage: run.sh CRAF SOURCE_DIR
set -eu
craf=$1
src=$2
fixtures=${CRAF_FIXTURES:-$(cd "$src/.." && pwd)/shared}
schemas=$fixtures/oscal
if [ ! -f "$schemas/oscal_catalog_schema.json" ] ||
	[ ! -f "$schemas/oscal_assessment-results_schema.json" ]; then
	why="the OSCAL schemas are not in $schemas (set CRAF_FIXTURES to the directory that holds oscal/)"
	if [ "${CI:-}" = true ]; then
		echo "FAILED: $why"
		exit 1
	fi
	echo "SKIPPED: $why"
	exit 77
fi
tools=${OSCAL_TOOLS:-$(cd "$(dirname "$craf")" && pwd)/oscal-tools}
ajv=$tools/node_modules/.bin/ajv
if [ ! -x "$ajv" ] || [ ! -d "$tools/node_modules/ajv-formats" ]; then
	if ! sh "$src/tests/oscal/install-ajv.sh" "$tools"; then
		echo "FAILED: ajv-cli and ajv-formats could not be installed into $tools"
		exit 1
	fi
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1793491200 NO_COLOR=1
run() { ${CRAF_RUNNER:-} "$craf" "$@"; }
pass=0
fail=0
ok() { pass=$((pass + 1)); }
ko() {
	echo "FAILED: $*"
	fail=$((fail + 1))
}
# validate MODEL FILE: one schema, one document; ajv's errors shown on failure.
validate() {
	if "$ajv" validate --spec=draft7 -c ajv-formats -s "$schemas/oscal_$1_schema.json" \
		-d "$2" --errors=text >"$out/ajv.log" 2>&1; then
		ok
	else
		ko "$2 does not validate as OSCAL $1"
		head -c 2000 "$out/ajv.log"
		echo
	fi
}
# same A B: two runs of one command gave the same bytes.
same() {
	if cmp -s "$1" "$2"; then ok; else ko "$1 and $2 differ: output is not reproducible"; fi
}

echo "== catalog"
run catalogue list --format oscal >"$out/catalog.json"
run catalogue list --format oscal >"$out/catalog.again.json"
validate catalog "$out/catalog.json"
same "$out/catalog.json" "$out/catalog.again.json"
controls=$(grep -c '"class": "principle"' "$out/catalog.json" || true)
if [ "$controls" = 45 ]; then ok; else ko "catalog has $controls controls, expected 45"; fi
# The validator must be able to say no: a control id that is not a token.
sed 's/"id": "craf-3\.1\.2"/"id": "3.1.2"/' "$out/catalog.json" >"$out/broken.json"
if "$ajv" validate --spec=draft7 -c ajv-formats -s "$schemas/oscal_catalog_schema.json" \
	-d "$out/broken.json" >/dev/null 2>&1; then
	ko "the validator accepted a catalog with an invalid control id"
else
	ok
fi
status=0
run catalogue show 3.1.2 --format oscal >"$out/show.out" 2>&1 || status=$?
if [ "$status" = 2 ]; then ok; else ko "catalogue show --format oscal exited $status, expected 2"; fi

echo "== assessment-results"
run init -o "$out/template.yaml"
for item in example:"$src/examples/answers.yaml" previous:"$src/examples/answers-2023.yaml" \
	template:"$out/template.yaml"; do
	name=${item%%:*}
	file=${item#*:}
	status=0
	run assess "$file" --format oscal -o "$out/$name.json" || status=$?
	if [ "$status" = 1 ]; then ok; else ko "assess $name --format oscal exited $status, expected 1"; fi
	validate assessment-results "$out/$name.json"
	run assess "$file" --format oscal >"$out/$name.again.json" || true
	same "$out/$name.json" "$out/$name.again.json"
	# From the saved JSON report, the same document.
	run assess "$file" --format json -o "$out/$name.report.json" || true
	run report "$out/$name.report.json" --format oscal >"$out/$name.re.json"
	same "$out/$name.json" "$out/$name.re.json"
done
gaps=$(grep -c '"state": "not-satisfied"' "$out/example.json" || true)
if [ "$gaps" = 11 ]; then ok; else ko "the example has $gaps findings, expected 11"; fi

echo "oscal: $pass passed, $fail failed"
[ "$fail" = 0 ]
