#!/bin/sh
# Atomic output: craf killed with SIGKILL at any moment while it writes a
# large report leaves the previous file or the complete new one, never a
# truncated one; and -o never overwrites the input.
# usage: run.sh CRAF SOURCE_DIR
set -eu
craf=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export SOURCE_DATE_EPOCH=1793491200

cc -std=c11 -O2 -o "$out/gen" "$src/bench/gen.c"
"$out/gen" 20000 "$out/big" >/dev/null
set -- assess --catalogue "$out/big/catalogue" "$out/big/answers.yaml" --format json
"$craf" "$@" -o "$out/reference.json" || true
size=$(wc -c <"$out/reference.json")
pass=0
fail=0
# Kill at delays spread over the whole run, up to and past the rename.
for delay in 0.05 0.2 0.4 0.6 0.8 1.0 1.2 1.4 1.6 1.8 2.0 2.3 2.6 3.0; do
	printf 'previous report\n' >"$out/report.json"
	"$craf" "$@" -o "$out/report.json" &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	if cmp -s "$out/report.json" "$out/reference.json"; then
		pass=$((pass + 1)) # finished before the kill
	elif [ "$(cat "$out/report.json")" = "previous report" ]; then
		pass=$((pass + 1)) # killed before the rename: the old file is intact
	else
		echo "killed after ${delay}s: report.json has $(wc -c <"$out/report.json") bytes of $size"
		fail=$((fail + 1))
	fi
	# A killed run may leave its temporary file: never the report's name.
	rm -f "$out"/.report.json.*
done
# -o naming the input is refused and the input is untouched.
cp "$src/examples/answers.yaml" "$out/answers.yaml"
status=0
"$craf" assess "$out/answers.yaml" -o "$out/answers.yaml" 2>"$out/err" || status=$?
if [ "$status" = 2 ] && grep -q "refusing to overwrite the input file" "$out/err" &&
	cmp -s "$out/answers.yaml" "$src/examples/answers.yaml"; then
	pass=$((pass + 1))
else
	echo "-o onto the input: exit $status, $(cat "$out/err")"
	fail=$((fail + 1))
fi
echo "atomic output: $pass passed, $fail failed"
[ "$fail" = 0 ]
