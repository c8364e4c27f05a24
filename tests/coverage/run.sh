#!/bin/sh
# The coverage phase of ./test.sh: builds craf with gcov counters, runs the
# ctest suite but for the slow sweeps that add no coverage of their own
# (packaging, the smoke benchmark), and checks the targets with gcovr
# (tests/coverage/check.py). usage: run.sh SOURCE_DIR [BUILD_DIR]
set -eu
src=$(cd "$1" && pwd)
build=${2:-$src/build-cov}
# ctest runs from inside the build directory: make the path absolute.
mkdir -p "$build"
build=$(cd "$build" && pwd)
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCRAF_COVERAGE=ON -DBUILD_TESTING=ON \
	-DCRAF_REQUIRE_TESTS=ON >/dev/null
cmake --build "$build" --parallel "$jobs" >/dev/null
find "$build" -name '*.gcda' ! -path '*gen_catalogue*' -delete
(cd "$build" && ctest --parallel "$jobs" -E '^(package|bench)/' >"$build/coverage-ctest.log" 2>&1) || {
	tail -n 30 "$build/coverage-ctest.log"
	echo "coverage: 0 passed, 1 failed (the suite failed in the coverage build)"
	exit 1
}
# gcov itself sometimes prints a negative branch count (GCC bug 68080; seen
# once on the chain of library lookups in out_xlsx.c): gcovr skips such a
# line, says so on stderr, and counts the rest.
gcovr --root "$src" --filter "$src/src/" --exclude-unreachable-branches \
	--gcov-ignore-parse-errors --json-summary -o "$build/coverage.json" "$build"
python3 "$src/tests/coverage/check.py" "$build/coverage.json"
