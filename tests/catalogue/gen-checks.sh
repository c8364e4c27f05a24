#!/bin/sh
# gen_catalogue, the build step that compiles controls/ into craf, checks the
# catalogue as --catalogue does: an error stops the build with file:line:col,
# and leaves no generated file behind for make to take as up to date.
# usage: gen-checks.sh GEN_CATALOGUE SOURCE_DIR
set -u
if [ $# -ne 2 ]; then
	echo "usage: gen-checks.sh GEN_CATALOGUE SOURCE_DIR" >&2
	exit 2
fi
gen=$1
src=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0

# The shipped catalogue compiles, and the result names its SHA-256.
if ! "$gen" "$tmp/ok.c" "$src/controls" 2>"$tmp/ok.err" || [ -s "$tmp/ok.err" ]; then
	echo "FAIL controls/: gen_catalogue failed or warned"
	cat "$tmp/ok.err"
	failed=1
elif ! grep -q '^	\.sha256 = "[0-9a-f]\{64\}",$' "$tmp/ok.c"; then
	echo "FAIL controls/: no SHA-256 in the generated model"
	failed=1
fi

# One broken principle id in a domain file.
cp -r "$src/controls" "$tmp/bad"
line=$(grep -n -m1 'id: "3\.1\.2"' "$tmp/bad/3-protection.yaml" | cut -d: -f1)
sed -i "${line}s/3\\.1\\.2/3.1.x/" "$tmp/bad/3-protection.yaml"
col=$(sed -n "${line}p" "$tmp/bad/3-protection.yaml" | awk '{print index($0, "\"")}')
"$gen" "$tmp/bad.c" "$tmp/bad" 2>"$tmp/bad.err"
status=$?
if [ "$status" = 0 ]; then
	echo "FAIL a broken catalogue compiled"
	failed=1
fi
if ! grep -q "^$tmp/bad/3-protection.yaml:$line:$col: .*invalid principle id \"3.1.x\"" "$tmp/bad.err"; then
	echo "FAIL no file:line:col diagnostic ($tmp/bad/3-protection.yaml:$line:$col expected):"
	cat "$tmp/bad.err"
	failed=1
fi
if [ -e "$tmp/bad.c" ]; then
	echo "FAIL a generated file was left behind after an error"
	failed=1
fi

[ "$failed" = 0 ] || exit 1
echo "gen-checks: the shipped catalogue compiles, a broken one stops the build at its error"
