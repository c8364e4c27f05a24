#!/bin/sh
# Out-of-memory sweep: runs `craf assess` on the example with allocation N
# failing, for N = 1, 2, ... until a run completes. Every failing run must
# exit 2 saying "out of memory", print nothing on stdout and not crash.
# usage: run.sh CRAF SOURCE_DIR [STEP]
set -eu
craf=$1
src=$2
step=${3:-1}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

cc -shared -fPIC -O2 -o "$out/failmalloc.so" "$src/tests/oom/failmalloc.c" -ldl
answers=$src/examples/answers.yaml
"$craf" assess "$answers" >"$out/expected" 2>/dev/null || true

n=1
fail=0
runs=0
while :; do
	status=0
	CRAF_FAIL_ALLOC_AT=$n LD_PRELOAD="$out/failmalloc.so" "$craf" assess "$answers" \
		>"$out/stdout" 2>"$out/stderr" || status=$?
	runs=$((runs + 1))
	if [ "$status" = 1 ]; then
		# Past the last allocation: the run completed, and must match a normal one.
		if ! cmp -s "$out/expected" "$out/stdout"; then
			echo "allocation $n: completed with different output"
			fail=$((fail + 1))
		fi
		break
	fi
	if [ "$status" != 2 ] || ! grep -q 'out of memory' "$out/stderr" || [ -s "$out/stdout" ]; then
		echo "allocation $n: exit $status, stderr: $(head -c 300 "$out/stderr")"
		fail=$((fail + 1))
		[ "$fail" -gt 20 ] && break
	fi
	n=$((n + step))
	if [ "$n" -gt 1000000 ]; then
		echo "no completion after a million allocations"
		fail=$((fail + 1))
		break
	fi
done
echo "out-of-memory sweep: $runs runs up to allocation $n (every ${step}th)"
echo "oom: $((runs - fail)) passed, $fail failed"
[ "$fail" = 0 ]
