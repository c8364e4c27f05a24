#!/bin/sh
# The summary's HTML heat map in headless Chromium: it renders (PNG, PDF),
# the heat map's cells carry their colours, and hostile institution names
# stay text. usage: html-browser.sh CRAF SOURCE_DIR [KEEP_DIR]
set -eu
craf=$1
src=$2
keep=${3:-}
. "$src/tests/lib/chromium.sh"
export SOURCE_DATE_EPOCH=1793491200

cat >"$out/hostile.yaml" <<'YAML'
version: 1
institution: "Evil <img src=x onerror=alert(1)> \"Bank\" & Co \u202eevil"
assessment_date: 2026-11-01
target: baseline
answers:
  "1.2.1":
    baseline: { status: not-met, note: "<script>alert(1)</script>" }
YAML
"$craf" summary --as-of 2027-06-30 --format html -o "$out/examples.html" \
	"$src"/examples/answers*.yaml || true
"$craf" summary --as-of 2027-06-30 --format html -o "$out/hostile.html" \
	"$out/hostile.yaml" "$src/examples/answers.yaml" || true

if grep -qi '<script\|src=\|<link\|@import\|url(' "$out/examples.html"; then
	bad "examples.html refers to something outside itself or contains script"
else ok; fi
chrome --window-size=1280,1600 --screenshot="$out/summary.png" "file://$out/examples.html" ||
	bad "chromium could not screenshot examples.html"
chrome --print-to-pdf="$out/summary.pdf" --no-pdf-header-footer "file://$out/examples.html" ||
	bad "chromium could not print examples.html"
if /usr/bin/python3 - "$out/summary.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
assert struct.unpack(">II", data[16:24]) == (1280, 1600)
assert len(data) > 50000, "suspiciously small: a blank page?"
PY
then ok; else bad "summary.png is not a rendered 1280x1600 page"; fi
if head -c 5 "$out/summary.pdf" | grep -q '%PDF-'; then ok; else bad "summary.pdf is not a PDF"; fi

# The DOM the browser built: the heat map has a row per entity and a cell per
# domain, each coloured by its class; computed colours checked in the page.
chrome --dump-dom "file://$out/examples.html" >"$out/examples.dom" || bad "no DOM for examples.html"
rows=$(/usr/bin/python3 -c 'import sys; d = open(sys.argv[1]).read(); h = d[d.index("<table class=\"heat\">"):]; print(h[:h.index("</table>")].count("<tr>"))' "$out/examples.dom")
[ "$rows" = 5 ] && ok || bad "heat map: $rows rows, expected a header, 3 entities and the totals"
cells=$(grep -o 'class="h [a-z]*"' "$out/examples.dom" | wc -l)
[ "$cells" = 21 ] && ok || bad "heat map: $cells cells, expected 3 entities x 7 domains"
for class in ok near far; do
	grep -q "class=\"h $class\"" "$out/examples.dom" && ok || bad "no heat map cell of class $class"
done

chrome --dump-dom "file://$out/hostile.html" >"$out/hostile.dom" || bad "no DOM for hostile.html"
if grep -q '<img\|<script' "$out/hostile.dom"; then
	bad "user text became markup in the browser"
else ok; fi
grep -qF '&lt;img src=x onerror=alert(1)&gt;' "$out/hostile.dom" && ok || bad "the name is not shown as text"
if grep -q "$(printf '\342\200\256')" "$out/hostile.dom"; then
	bad "the DOM holds U+202E raw"
else ok; fi

if [ -n "$keep" ]; then
	mkdir -p "$keep"
	cp "$out/summary.png" "$out/summary.pdf" "$keep/"
fi
echo "summary html in chromium: $pass passed, $fail failed"
[ "$fail" = 0 ]
