#!/bin/sh
# Builds craf and runs the whole test suite: unit, CLI, export, bad-input,
# out-of-memory, atomic-output and YAML-test-suite tests; then the same under
# AddressSanitizer + UndefinedBehaviorSanitizer; then the unit, CLI and
# bad-input tests under valgrind; then each libFuzzer target for a minute.
# Installs what it needs first. usage: ./test.sh
set -eu
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
jobs=$(nproc 2>/dev/null || echo 2)

scripts/install-deps.sh test

step() { printf '\n==== %s\n' "$*"; }

step "build and test (build/)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$jobs"
(cd build && ctest --output-on-failure --parallel "$jobs")

step "AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCRAF_SANITIZE=ON >/dev/null
cmake --build build-asan --parallel "$jobs"
(cd build-asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --output-on-failure --parallel "$jobs")

step "ThreadSanitizer on parallel loading and output (build-tsan/)"
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DCRAF_TSAN=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-tsan --parallel "$jobs" --target craf
TSAN_OPTIONS=halt_on_error=1:exitcode=66 sh tests/threads/run.sh build-tsan/craf .

step "valgrind memcheck on the unit tests: no errors, no leaks"
vg="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for t in build/tests/test_*; do
	if ! $vg "$t" >"$log" 2>&1; then
		cat "$log"
		echo "valgrind: $t failed"
		exit 1
	fi
	echo "valgrind: $t clean"
done
step "libFuzzer smoke run: ${CRAF_FUZZ_SECONDS:=60} seconds per target (build-fuzz/)"
sh tests/fuzz/run.sh . "$CRAF_FUZZ_SECONDS"

step "valgrind memcheck on the CLI and bad-input tests"
(cd build && CRAF_RUNNER="$vg" ctest --output-on-failure --parallel "$jobs" -R '^(cli|bad)/')
