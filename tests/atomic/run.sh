#!/bin/sh
# Atomic output: craf killed with SIGKILL at any moment while it writes a
# large report leaves the previous file or the complete new one, never a
# truncated one; stopped by SIGTERM or SIGHUP it also removes its temporary
# file; and -o never overwrites the input.
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
# SIGTERM or SIGHUP once the temporary file exists (so while craf writes):
# the same, and the temporary file is gone as well.
interrupted=0
for sig in TERM HUP; do
	for delay in 0 0.1 0.3; do
		printf 'previous report\n' >"$out/report.json"
		"$craf" "$@" -o "$out/report.json" &
		pid=$!
		tries=0
		while [ "$tries" -lt 1200 ] && kill -0 "$pid" 2>/dev/null &&
			! ls -A "$out" | grep -q '^\.report\.json\.'; do
			sleep 0.05
			tries=$((tries + 1))
		done
		sleep "$delay"
		kill -"$sig" "$pid" 2>/dev/null || true
		status=0
		wait "$pid" 2>/dev/null || status=$?
		[ "$status" -gt 128 ] && interrupted=$((interrupted + 1))
		left=$(ls -A "$out" | grep -c '^\.report\.json\.' || true)
		if [ "$left" != 0 ]; then
			echo "SIG$sig after ${delay}s: $left temporary file(s) left"
			fail=$((fail + 1))
		elif cmp -s "$out/report.json" "$out/reference.json" ||
			[ "$(cat "$out/report.json")" = "previous report" ]; then
			pass=$((pass + 1))
		else
			echo "SIG$sig after ${delay}s: report.json has $(wc -c <"$out/report.json") bytes of $size"
			fail=$((fail + 1))
		fi
		rm -f "$out"/.report.json.*
	done
done
# Some signal must have landed while craf was at work, or this proved nothing.
if [ "$interrupted" -gt 0 ]; then
	pass=$((pass + 1))
else
	echo "no SIGTERM or SIGHUP landed before craf finished"
	fail=$((fail + 1))
fi
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
