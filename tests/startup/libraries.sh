#!/bin/sh
# Start-up loads only what every command needs: the libraries for workbooks
# (libxlsxwriter and its libcrypto, minizip and zlib, expat), for bundles
# (libarchive) and for traditional Chinese (OpenCC) are opened when a command
# first uses them (src/util/dynlib.c). Reads the dynamic loader's own record.
# usage: libraries.sh CRAF SOURCE_DIR
set -eu
craf=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
	echo "FAIL: $*"
	fail=$((fail + 1))
}

# The libraries the loader brought in for one run of craf, one per line.
loaded() {
	LD_DEBUG=files "$craf" "$@" 2>&1 >/dev/null |
		sed -n 's/^ *[0-9]*:[[:space:]]*file=\([^ ]*\) .*\(needed\|dynamically loaded\) by.*/\1/p' |
		sort -u
}

late='libxlsxwriter|libcrypto|libssl|libminizip|libz\.|libexpat|libarchive|libxml2|libicu|libopencc'

for cmd in "catalogue show 3.1.2" "assess $src/examples/answers.yaml" \
	"validate $src/examples/answers.yaml" "risk --help"; do
	# shellcheck disable=SC2086 # the command's words
	loaded $cmd >"$tmp/libs"
	# The record is there (libyaml is linked), else the check below proves nothing.
	if ! grep -q '^libyaml' "$tmp/libs"; then
		bad "craf $cmd: no loader record (LD_DEBUG)"
	elif grep -E "^($late)" "$tmp/libs" >"$tmp/extra"; then
		bad "craf $cmd loads at start-up: $(tr '\n' ' ' <"$tmp/extra")"
	else
		ok
	fi
done

# And they are loaded when needed: writing and reading a workbook.
loaded init --format xlsx -o "$tmp/a.xlsx" >"$tmp/libs"
if [ -s "$tmp/a.xlsx" ] && grep -q '^libxlsxwriter' "$tmp/libs"; then ok; else
	bad "craf init --format xlsx did not load libxlsxwriter or write the workbook"
fi
loaded validate "$tmp/a.xlsx" >"$tmp/libs"
if grep -q '^libminizip' "$tmp/libs" && grep -q '^libexpat' "$tmp/libs"; then ok; else
	bad "craf validate a.xlsx did not load minizip and expat: $(tr '\n' ' ' <"$tmp/libs")"
fi
"$craf" validate "$tmp/a.xlsx" >"$tmp/out" 2>&1 || true
if grep -q 'valid' "$tmp/out"; then ok; else bad "craf validate a.xlsx: $(cat "$tmp/out")"; fi

echo "startup: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
