#!/bin/sh
# Every input of the official YAML test suite (../shared/yaml-test-suite,
# beside the checkout) given to `craf validate`: none is an answers file, so
# each must exit 2 with a file:line:col message, never a signal or hang.
# usage: run.sh CRAF SOURCE_DIR
set -eu
craf=$1
# The fixtures live outside the repository: $CRAF_FIXTURES, else ../shared.
fixtures=${CRAF_FIXTURES:-$(cd "$2/.." && pwd)/shared}
suite=$fixtures/yaml-test-suite
if [ ! -d "$suite/valid" ]; then
	# A missing fixture may skip a developer's run, never CI's.
	if [ "${CI:-}" = true ]; then
		echo "FAILED: $suite not found (set CRAF_FIXTURES to the directory that holds yaml-test-suite/)"
		exit 1
	fi
	echo "SKIPPED: $suite not found (set CRAF_FIXTURES to the directory that holds yaml-test-suite/)"
	exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
pass=0
fail=0
for f in "$suite"/valid/*.yaml "$suite"/invalid/*.yaml; do
	status=0
	timeout 10 ${CRAF_RUNNER:-} "$craf" validate "$f" >/dev/null 2>"$out" || status=$?
	if [ "$status" = 2 ] && grep -Eq "^$f:[0-9]+:[0-9]+: " "$out" &&
		! grep -q 'Sanitizer\|runtime error' "$out"; then
		pass=$((pass + 1))
	else
		echo "$f: exit $status: $(head -c 400 "$out")"
		fail=$((fail + 1))
	fi
done
echo "yaml-test-suite: $pass passed, $fail failed"
[ "$fail" = 0 ]
