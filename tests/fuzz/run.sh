#!/bin/sh
# Builds the libFuzzer targets with clang and runs each for a bounded time,
# seeded from the test inputs. usage: run.sh SOURCE_DIR [SECONDS]
# CRAF_FUZZ_SEED fixes libFuzzer's random seed (default 1, so a run explores
# the same inputs in the same order every time; 0 for a random seed).
set -eu
src=$(cd "$1" && pwd)
seconds=${2:-60}
build=$src/build-fuzz
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

CC=clang cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCRAF_FUZZ=ON \
	-DCRAF_SANITIZE=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --parallel 2 --target craf fuzz_answers fuzz_catalogue fuzz_report \
	fuzz_xlsx >/dev/null

# Seed corpora from the repository's own inputs.
mkdir -p "$out/answers" "$out/catalogue" "$out/report" "$out/xlsx"
find "$src/examples" "$src/tests" -name '*.yaml' -size -200k -exec cp {} "$out/answers/" \; 2>/dev/null || true
i=0
for f in "$src"/controls/*.yaml "$src"/tests/data/mini/*.yaml; do
	# First byte chooses which catalogue file the rest replaces.
	{ printf "\\$(printf '%03o' $((i % 11)))"; cat "$f"; } >"$out/catalogue/seed$i"
	i=$((i + 1))
done
"$build/craf" assess "$src/examples/answers.yaml" --format json -o "$out/report/example.json" || true
"$build/craf" assess --catalogue "$src/tests/data/mini" "$src/tests/data/hostile-answers.yaml" \
	--format json -o "$out/report/mini.json" || true
# Hostile text in every free-text field, in reports that load (seeds.py): each
# payload alone in the small report, all together in the example (a large
# report is slow to render under the sanitizers).
/usr/bin/python3 "$src/tests/fuzz/seeds.py" "$out/report" --each "$out/report/mini.json" \
	--together "$out/report/example.json" >/dev/null
find "$src/tests" -name '*.json' -size -200k -exec cp {} "$out/report/" \; 2>/dev/null || true

# Workbooks (tests/data/xlsx), and each again with its parts stored, not
# deflated: mutations then reach the XML.
cp "$src"/tests/data/xlsx/*.xlsx "$out/xlsx/"
/usr/bin/python3 - "$out/xlsx" "$src"/tests/data/xlsx/*.xlsx <<'EOF'
import os, sys, zipfile
for path in sys.argv[2:]:
    try:
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(
                os.path.join(sys.argv[1], "stored-" + os.path.basename(path)), "w") as dst:
            for item in src.infolist():
                if item.file_size < (1 << 20):
                    dst.writestr(item.filename, src.read(item.filename))
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        pass  # the hostile ones (bombs, encrypted entries) stay as they are
EOF

status=0
for target in answers catalogue report xlsx; do
	echo "== fuzz_$target for ${seconds}s"
	# Long enough for the largest seed: a whole saved report must fit.
	max_len=262144
	[ "$target" = report ] && max_len=1048576
	if ! "$build/tests/fuzz/fuzz_$target" -seed="${CRAF_FUZZ_SEED:-1}" -max_total_time="$seconds" \
		-max_len="$max_len" -timeout=10 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/$target-" \
		"$out/$target" >"$out/$target.log" 2>&1; then
		tail -n 60 "$out/$target.log"
		echo "fuzz_$target: FAILED (the input is in $build/$target-crash-*)"
		status=1
	else
		grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$out/$target.log" || true
		echo "fuzz_$target: no crash, leak or sanitizer report"
	fi
done
exit $status
