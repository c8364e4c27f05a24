#!/bin/sh
# Runs one golden CLI case: tests/cli/README.md describes the layout.
# usage: run-cli-case.sh CRAF CASE_DIR
set -u
craf=$1
dir=$(cd "$2" && pwd) || exit 1
name=$(basename "$dir")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The case's files are read by absolute path: setup may change directory.
cd "$dir" || exit 1
args=$(cat "$dir/args")
env_file=
[ -f "$dir/env" ] && env_file=$(cat "$dir/env")
[ -f "$dir/setup" ] && . "$dir/setup"
# The runner (valgrind, say) by its full path: a case's env may set PATH.
runner=${CRAF_RUNNER:-}
if [ -n "$runner" ]; then
	# shellcheck disable=SC2086 # the runner's words, split on purpose
	set -- $runner
	first=$(command -v "$1") || first=$1
	shift
	runner="$first $*"
fi
# shellcheck disable=SC2086 # args are split on purpose, as a shell would
env -u COLUMNS NO_COLOR= TERM=dumb LC_ALL=C.UTF-8 $env_file $runner "$craf" $args \
	>"$out/stdout" 2>"$out/stderr" <"${STDIN:-/dev/null}"
status=$?
[ -f "$dir/teardown" ] && . "$dir/teardown"

fail=0
expected=$(cat "$dir/status")
if [ "$status" != "$expected" ]; then
	echo "$name: exit status $status, expected $expected"
	fail=1
fi
for stream in stdout stderr; do
	if [ -f "$dir/$stream" ]; then
		if ! diff -u "$dir/$stream" "$out/$stream" >"$out/diff"; then
			echo "$name: $stream differs from the golden file:"
			cat "$out/diff"
			fail=1
		fi
	fi
	if [ -f "$dir/$stream.contains" ]; then
		while IFS= read -r line; do
			if ! grep -qF -- "$line" "$out/$stream"; then
				echo "$name: $stream lacks the line: $line"
				fail=1
			fi
		done <"$dir/$stream.contains"
	fi
	if [ -f "$dir/$stream.lacks" ]; then
		while IFS= read -r line; do
			if grep -qF -- "$line" "$out/$stream"; then
				echo "$name: $stream has what it must not: $line"
				fail=1
			fi
		done <"$dir/$stream.lacks"
	fi
done
# A case that says nothing of stderr expects it empty.
if [ ! -f "$dir/stderr" ] && [ ! -f "$dir/stderr.contains" ] && [ -s "$out/stderr" ]; then
	echo "$name: stderr should be empty"
	fail=1
fi
if [ "$fail" != 0 ]; then
	echo "--- stdout"; head -c 4000 "$out/stdout"
	echo "--- stderr"; head -c 4000 "$out/stderr"
	if [ -n "${CRAF_UPDATE_GOLDEN:-}" ]; then
		[ -f "$dir/stdout" ] && cp "$out/stdout" "$dir/stdout"
		[ -f "$dir/stderr" ] && cp "$out/stderr" "$dir/stderr"
		echo "$name: golden files updated"
	fi
fi
exit $fail
