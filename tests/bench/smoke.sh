#!/bin/sh
# The benchmark's smoke form: one run at 1,000 and at 8,000 principles. Cost
# must grow about linearly; a quadratic step would make the ratio ~64, so a
# generous bound of 20 (linear is 8) still fails it. usage: smoke.sh CRAF SOURCE_DIR
set -eu
craf=$1
src=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cc -std=c11 -O2 -o "$out/gen" "$src/bench/gen.c"
"$out/gen" 1000 "$out/small" >/dev/null
"$out/gen" 8000 "$out/large" >/dev/null

# run DIR: the time of one assess and one diff in ns; each must also do its job
# (assess: exit 1, gaps remain in the generated answers; diff of a report with
# itself: exit 0, nothing changed), or the smoke test fails.
run() {
	start=$(date +%s%N)
	status=0
	"$craf" assess --catalogue "$1/catalogue" "$1/answers.yaml" --format json -o "$out/r.json" || status=$?
	if [ "$status" != 1 ] || ! grep -q '"schema": "craf-report/' "$out/r.json"; then
		echo "bench smoke: assess on $1 exited $status without a report" >&2
		return 1
	fi
	status=0
	"$craf" diff "$out/r.json" "$out/r.json" --format json >"$out/d.json" || status=$?
	if [ "$status" != 0 ] || ! grep -q '"schema": "craf-diff/' "$out/d.json"; then
		echo "bench smoke: diff on $1 exited $status without a diff" >&2
		return 1
	fi
	end=$(date +%s%N)
	echo $((end - start))
}
run "$out/small" >/dev/null # warm the caches
small=$(run "$out/small")
large=$(run "$out/large")
ratio=$(awk -v a="$large" -v b="$small" 'BEGIN {printf "%.1f", a / b}')
echo "8,000 vs 1,000 principles: ${ratio}x the time (linear: 8x, bound: 20x)"
if awk -v r="$ratio" 'BEGIN {exit !(r <= 20)}'; then
	echo "bench smoke: 1 passed, 0 failed"
else
	echo "bench smoke: 0 passed, 1 failed"
	exit 1
fi
