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

run() {
	start=$(date +%s%N)
	"$craf" assess --catalogue "$1/catalogue" "$1/answers.yaml" --format json -o "$out/r.json" || true
	"$craf" diff "$out/r.json" "$out/r.json" --format json >/dev/null || true
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
