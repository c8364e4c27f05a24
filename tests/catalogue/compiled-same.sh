#!/bin/sh
# The compiled-in catalogue is the one controls/ loads to: same framework,
# version and SHA-256, and byte-identical output from every command that
# shows it, but for the field naming where the catalogue came from.
# usage: compiled-same.sh CRAF SOURCE_DIR
set -u
if [ $# -ne 2 ]; then
	echo "usage: compiled-same.sh CRAF SOURCE_DIR" >&2
	exit 2
fi
craf=$1
src=$2
unset CRAF_CATALOGUE
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0
n=0

# Runs one command on the built-in catalogue and on --catalogue controls;
# the outputs must match once the origin fields are masked (text reports word
# the origin differently, so only JSON and texts that do not show it).
same() {
	n=$((n + 1))
	"$craf" "$@" >"$tmp/$n.builtin" 2>"$tmp/$n.builtin.err"
	s1=$?
	"$craf" "$@" --catalogue "$src/controls" >"$tmp/$n.dir" 2>"$tmp/$n.dir.err"
	s2=$?
	if [ "$s1" != "$s2" ] || [ "$s1" -gt 1 ]; then
		echo "FAIL craf $*: exit status $s1 built in, $s2 from controls/"
		cat "$tmp/$n.builtin.err" "$tmp/$n.dir.err"
		failed=1
		return
	fi
	if [ ! -s "$tmp/$n.builtin" ]; then
		echo "FAIL craf $*: no output"
		failed=1
		return
	fi
	for f in "$tmp/$n.builtin" "$tmp/$n.dir"; do
		sed -e 's/"builtin": *\(true\|false\)/"builtin": MASKED/' \
			-e "s#\"origin\": *\"\\(built-in\\|$src/controls\\)\"#\"origin\": MASKED#" \
			"$f" >"$f.masked"
	done
	if ! cmp -s "$tmp/$n.builtin.masked" "$tmp/$n.dir.masked"; then
		echo "FAIL craf $*: built-in and controls/ differ"
		diff "$tmp/$n.builtin.masked" "$tmp/$n.dir.masked" | head -20
		failed=1
	fi
}

# Identity first: it is what reports record.
"$craf" catalogue list --format json >"$tmp/id.builtin" || failed=1
"$craf" catalogue list --format json --catalogue "$src/controls" >"$tmp/id.dir" || failed=1
for key in framework version sha256; do
	a=$(grep -m1 "\"$key\":" "$tmp/id.builtin")
	b=$(grep -m1 "\"$key\":" "$tmp/id.dir")
	if [ -z "$a" ] || [ "$a" != "$b" ]; then
		echo "FAIL $key: built in '$a', from controls/ '$b'"
		failed=1
	fi
done
grep -q '"builtin": true' "$tmp/id.builtin" || {
	echo "FAIL the built-in catalogue does not say it is built in"
	failed=1
}

same assess "$src/examples/answers.yaml" --format json
same assess "$src/examples/answers.yaml" --format json --lang zh
same assess "$src/examples/answers.yaml" --format json --lang zh-Hant
same assess "$src/examples/answers-2023.yaml" --format json
same risk "$src/examples/answers.yaml" --format json
for lang in en zh; do
	same catalogue list --format json --lang "$lang"
	same catalogue products --format json --lang "$lang"
	same catalogue responsibility --format json --lang "$lang"
	for id in 1.2.1 3.1.2 5.4.3 7.3.1; do
		same catalogue show "$id" --format json --lang "$lang"
		same catalogue show "$id" --lang "$lang"
	done
done
same catalogue list --format oscal

[ "$failed" = 0 ] || exit 1
echo "compiled-same: $n commands, built-in catalogue and controls/ agree"
