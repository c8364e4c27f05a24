#!/bin/sh
# Runs craf from this checkout, installing what it needs and building it first.
# usage: ./craf.sh assess examples/answers.yaml
set -eu
root=$(cd "$(dirname "$0")" && pwd)
build=$root/build

"$root/scripts/install-deps.sh" build
if [ ! -f "$build/CMakeCache.txt" ]; then
	if ! log=$(cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF 2>&1); then
		printf '%s\n' "$log" >&2
		exit 2
	fi
fi
if ! log=$(cmake --build "$build" --target craf --parallel 2 2>&1); then
	printf '%s\n' "$log" >&2
	exit 2
fi
exec "$build/craf" "$@"
