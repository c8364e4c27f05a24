#!/bin/sh
# Replays the fuzz targets' seeds and the kept bad inputs through their entry
# points (replay.c), so every build checks the output invariants the fuzzers
# check (fuzz_check.c) on hostile reports, answers files and catalogues.
# usage: replay.sh TESTS_BINARY_DIR CRAF SOURCE_DIR
set -eu
bin=$1
craf=$2
src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1793491200
# Every input makes a workbook too, however large.
export CRAF_FUZZ_ALL_XLSX=1

# Reports with hostile text in every free-text field (seeds.py), and the bad ones.
"$craf" assess "$src/examples/answers.yaml" --format json -o "$tmp/example.json" || true
"$craf" assess --catalogue "$src/tests/data/mini" "$src/tests/data/hostile-answers.yaml" \
	--format json -o "$tmp/mini.json" || true
/usr/bin/python3 "$src/tests/fuzz/seeds.py" "$tmp/seeds" "$tmp/example.json" "$tmp/mini.json"
"$bin/replay_report" "$tmp"/seeds/*.json "$src"/tests/bad/report/*.json

# Answers files: the examples, the hostile one, the bad corpus, the golden cases.
"$bin/replay_answers" "$src"/examples/*.yaml "$src"/tests/data/*.yaml \
	"$src"/tests/bad/answers/*.yaml "$src"/tests/cli/*/*.yaml

# Answers workbooks (fuzz_answers reads a zip as a workbook): the template,
# the examples converted, and the reader's hostile workbooks as answers.
"$craf" init --format xlsx -o "$tmp/template.xlsx"
for f in "$src"/examples/*.yaml; do
	"$craf" convert "$f" -o "$tmp/$(basename "$f" .yaml).xlsx"
done
"$bin/replay_answers" "$tmp"/*.xlsx "$src"/tests/data/xlsx/*.xlsx "$src"/tests/data/xlsx/*.xls

# Workbooks: from real clients, crafted and hostile (tests/data/xlsx/make.py).
"$bin/replay_xlsx" "$src"/tests/data/xlsx/*.xlsx "$src"/tests/data/xlsx/*.xls \
	"$src"/tests/data/xlsx/*.csv

# Catalogues: each built-in file as itself (the first byte picks the file), then
# the mini catalogue's files in their place.
mkdir "$tmp/catalogue"
i=0
for f in "$src"/controls/*.yaml "$src"/tests/data/mini/*.yaml; do
	[ -f "$f" ] || continue
	{ printf "\\$(printf '%03o' $((i % 11)))"; cat "$f"; } >"$tmp/catalogue/seed$i"
	i=$((i + 1))
done
"$bin/replay_catalogue" "$tmp"/catalogue/*
