#!/bin/sh
# Runs one golden CLI case: tests/cli/README.md describes the layout.
# usage: run-cli-case.sh CRAF CASE_DIR
set -u
craf=$1
dir=$2
name=$(basename "$dir")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cd "$dir" || exit 1
[ -f setup ] && . ./setup
args=$(cat args)
env_file=
[ -f env ] && env_file=$(cat env)
# shellcheck disable=SC2086 # args are split on purpose, as a shell would
env -u COLUMNS NO_COLOR= TERM=dumb LC_ALL=C.UTF-8 $env_file ${CRAF_RUNNER:-} "$craf" $args \
	>"$out/stdout" 2>"$out/stderr" <"${STDIN:-/dev/null}"
status=$?
[ -f teardown ] && . ./teardown

fail=0
expected=$(cat status)
if [ "$status" != "$expected" ]; then
	echo "$name: exit status $status, expected $expected"
	fail=1
fi
for stream in stdout stderr; do
	if [ -f "$stream" ]; then
		if ! diff -u "$stream" "$out/$stream" >"$out/diff"; then
			echo "$name: $stream differs from the golden file:"
			cat "$out/diff"
			fail=1
		fi
	fi
	if [ -f "$stream.contains" ]; then
		while IFS= read -r line; do
			if ! grep -qF -- "$line" "$out/$stream"; then
				echo "$name: $stream lacks the line: $line"
				fail=1
			fi
		done <"$stream.contains"
	fi
done
if [ "$fail" != 0 ]; then
	echo "--- stdout"; head -c 4000 "$out/stdout"
	echo "--- stderr"; head -c 4000 "$out/stderr"
	if [ -n "${CRAF_UPDATE_GOLDEN:-}" ]; then
		[ -f stdout ] && cp "$out/stdout" stdout
		[ -f stderr ] && cp "$out/stderr" stderr
		echo "$name: golden files updated"
	fi
fi
exit $fail
