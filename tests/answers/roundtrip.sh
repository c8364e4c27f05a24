#!/bin/sh
# YAML -> XLSX -> YAML loses nothing: every valid answers file of examples/ and
# tests/ assesses the same (JSON report, input paths, sizes and hashes aside) as it
# is, as a workbook, and back in YAML; and the YAML writer is stable.
set -u
craf=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1790000000
fail=0
n=0

find "$src/examples" "$src/tests" -path "$src/tests/yaml-suite" -prune -o \
	\( -name '*.yaml' -o -name '*.yml' \) -type f -print | LC_ALL=C sort >"$tmp/list"
report() { # FILE OUT: the JSON report without what names the input
	"$craf" assess $cat --format json "$1" 2>"$tmp/err" | grep -v '"path":\|"sha256":\|"size":' >"$2"
}
# Hostile text (escape sequences, C0 controls) has no place in a workbook: refused, not changed;
# so is text the workbook would read back as something else (a "file:" line, a padded title).
refused="tests/cli/assess-escapes-neutralised/answers.yaml tests/data/hostile-answers.yaml \
tests/cli/convert-refuses-file-text/answers.yaml tests/cli/convert-refuses-padded-title/answers.yaml"
while IFS= read -r f; do
	# The built-in catalogue, else the small one of tests/data/mini.
	cat=
	if ! "$craf" validate -q "$f" >/dev/null 2>&1; then
		cat="--catalogue $src/tests/data/mini"
		"$craf" validate $cat -q "$f" >/dev/null 2>&1 || continue
	fi
	case " $refused " in
	*" ${f#"$src/"} "*)
		if "$craf" convert $cat "$f" -o "$tmp/h.xlsx" 2>"$tmp/err" || [ -e "$tmp/h.xlsx" ] ||
			! grep -q "cannot go into a workbook without change" "$tmp/err"; then
			echo "FAIL: $f: expected a refusal, and no workbook"
			cat "$tmp/err"
			fail=1
		fi
		continue
		;;
	esac
	n=$((n + 1))
	# The conversions sit beside a copy of the file's directory: file evidence
	# is found relative to the answers file.
	w=$tmp/w
	rm -rf "$w" && mkdir "$w" && cp -R "$(dirname "$f")/." "$w/"
	if ! "$craf" convert $cat "$f" -o "$w/a.xlsx" 2>"$tmp/err" ||
		! "$craf" convert $cat "$w/a.xlsx" -o "$w/b.yaml" 2>>"$tmp/err" ||
		! "$craf" convert $cat "$w/b.yaml" -o "$w/c.yaml" 2>>"$tmp/err"; then
		echo "FAIL: $f: conversion failed:"
		cat "$tmp/err"
		fail=1
		continue
	fi
	report "$f" "$tmp/r0.json"
	report "$w/a.xlsx" "$tmp/r1.json"
	report "$w/b.yaml" "$tmp/r2.json"
	if ! cmp -s "$tmp/r0.json" "$tmp/r1.json" || ! cmp -s "$tmp/r0.json" "$tmp/r2.json"; then
		echo "FAIL: $f: the reports differ after the round trip:"
		diff "$tmp/r0.json" "$tmp/r1.json" | head -20
		diff "$tmp/r0.json" "$tmp/r2.json" | head -20
		fail=1
	fi
	if ! cmp -s "$w/b.yaml" "$w/c.yaml"; then
		echo "FAIL: $f: YAML written from YAML is not what was read"
		diff "$w/b.yaml" "$w/c.yaml" | head -20
		fail=1
	fi
done <"$tmp/list"
# examples/ alone has three; fewer means the search found nothing to prove.
if [ "$n" -lt 10 ]; then
	echo "FAIL: only $n valid answers files found"
	fail=1
fi
[ "$fail" = 0 ] && echo "ok: $n answers files round-trip through a workbook"
exit "$fail"
