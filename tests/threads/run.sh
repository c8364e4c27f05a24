#!/bin/sh
# Parallel loading must not show: with one thread or several, every command
# prints the same bytes, the same diagnostics in the same order, and exits
# with the same status, on a catalogue large enough to be loaded in parallel.
# usage: run.sh CRAF SOURCE_DIR   (CRAF may be a ThreadSanitizer build)
set -eu
craf=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -std=c11 -O2 -o "$tmp/gen" "$src/bench/gen.c"
"$tmp/gen" 1000 "$tmp/a" >/dev/null
"$tmp/gen" 1000 "$tmp/b" 7 >/dev/null
cat=$tmp/a/catalogue
export SOURCE_DATE_EPOCH=1790000000
pass=0
fail=0

# check NAME STATUS ARGS...: same output with 1 and 4 threads, and the expected status.
check() {
	name=$1
	want=$2
	shift 2
	for n in 1 4; do
		set +e
		CRAF_THREADS=$n "$craf" "$@" >"$tmp/out.$n" 2>"$tmp/err.$n"
		echo $? >"$tmp/status.$n"
		set -e
	done
	if [ "$(cat "$tmp/status.1")" != "$want" ] || [ "$(cat "$tmp/status.4")" != "$want" ]; then
		echo "FAIL $name: exit $(cat "$tmp/status.1") with one thread," \
			"$(cat "$tmp/status.4") with four, expected $want"
		cat "$tmp/err.4"
		fail=$((fail + 1))
	elif ! cmp -s "$tmp/out.1" "$tmp/out.4" || ! cmp -s "$tmp/err.1" "$tmp/err.4"; then
		echo "FAIL $name: output differs between one thread and four"
		diff "$tmp/err.1" "$tmp/err.4" | head -20 || true
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
}

# expect NAME TEXT: the last run's stderr holds TEXT.
expect() {
	if grep -qF -- "$2" "$tmp/err.4"; then
		pass=$((pass + 1))
	else
		echo "FAIL $1: stderr lacks: $2"
		cat "$tmp/err.4"
		fail=$((fail + 1))
	fi
}

check assess-json 1 assess --catalogue "$cat" "$tmp/a/answers.yaml" --format json
cp "$tmp/out.1" "$tmp/a.json"
check assess-json-file 1 assess --catalogue "$cat" "$tmp/a/answers.yaml" --format json \
	-o "$tmp/a2.json"
if cmp -s "$tmp/a.json" "$tmp/a2.json"; then pass=$((pass + 1)); else
	echo "FAIL assess-json-file: -o wrote other bytes than standard output"
	fail=$((fail + 1))
fi
check assess-text 1 assess --catalogue "$cat" "$tmp/a/answers.yaml"
check validate 0 validate --catalogue "$cat" "$tmp/a/answers.yaml"
"$craf" assess --catalogue "$tmp/b/catalogue" "$tmp/b/answers.yaml" --format json \
	-o "$tmp/b.json" || true
check diff-answers 1 diff --catalogue "$cat" "$tmp/a/answers.yaml" "$tmp/b/answers.yaml"
check diff-reports 1 diff "$tmp/a.json" "$tmp/b.json" --format json
check trend 0 trend --catalogue "$cat" "$tmp/a/answers.yaml" "$tmp/b.json" \
	"$tmp/b/answers.yaml" --format json
check report 0 report "$tmp/a.json" --format markdown

# Problems in several files at once are reported in file order.
sed -i 's/^principles:/principles:\n  - bogus: 1/' "$cat/d2.yaml"
sed -i '5s/^/  - [unclosed\n/' "$cat/d5.yaml"
check broken-catalogue 2 assess --catalogue "$cat" "$tmp/a/answers.yaml"
expect broken-catalogue "d2.yaml:3:5: unknown key \"bogus\""
expect broken-catalogue "d5.yaml:"
if [ "$(grep -n 'd2.yaml' "$tmp/err.4" | head -n 1 | cut -d: -f1)" -lt \
	"$(grep -n 'd5.yaml' "$tmp/err.4" | head -n 1 | cut -d: -f1)" ]; then
	pass=$((pass + 1))
else
	echo "FAIL broken-catalogue: d5.yaml reported before d2.yaml"
	fail=$((fail + 1))
fi
check broken-diff 2 diff --catalogue "$cat" "$tmp/a/answers.yaml" "$tmp/a.json"
rm "$cat/d3.yaml"
check missing-domain-file 2 validate --catalogue "$cat" "$tmp/a/answers.yaml"
expect missing-domain-file "d3.yaml:1:1: cannot open file"

# A broken answers file and a broken report, both reported.
sed "0,/status: met/s//status: done/" "$tmp/b/answers.yaml" >"$tmp/bad.yaml"
sed 's/"overall": "[a-z]*"/"overall": "nowhere"/' "$tmp/a.json" >"$tmp/bad.json"
check broken-inputs 2 diff --catalogue "$tmp/b/catalogue" "$tmp/bad.yaml" "$tmp/bad.json"
expect broken-inputs "bad.yaml:"
expect broken-inputs "bad.json:"

echo "threads: $pass passed, $fail failed"
[ "$fail" = 0 ]
