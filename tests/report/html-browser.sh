#!/bin/sh
# The HTML report in a real browser: headless Chromium renders it to PNG and
# PDF, and its DOM shows hostile user text as text, never as markup.
# usage: html-browser.sh CRAF SOURCE_DIR [KEEP_DIR]
set -eu
craf=$1
src=$2
keep=${3:-}
. "$src/tests/lib/chromium.sh"
export SOURCE_DATE_EPOCH=1793491200

cat >"$out/hostile.yaml" <<'YAML'
version: 1
institution: "Evil <img src=x onerror=alert(1)> \"Bank\" & Co"
assessment_date: 2026-11-01
assessor: "\u05e9\u05dc\u05d5\u05dd 2026"
scope: "\u202eHong Kong \u2066x\u2069 \u200bonly"
target: baseline
answers:
  "1.2.1":
    baseline:
      status: not-met
      note: "<script>alert(1)</script>"
      evidence: ["<a href='javascript:alert(2)'>click</a>"]
      remediation: { action: "</td></tr></table><h1>owned</h1>", owner: CISO, due: 2026-01-01 }
YAML

"$craf" assess "$src/examples/answers.yaml" --format html -o "$out/example.html" || true
"$craf" assess "$src/examples/answers.yaml" --format html --lang zh -o "$out/example-zh.html" || true
"$craf" assess "$out/hostile.yaml" --format html -o "$out/hostile.html" || true

for page in example example-zh; do
	# Self-contained: no script, and nothing fetched from anywhere.
	if grep -qi '<script\|src=\|<link\|@import\|url(' "$out/$page.html"; then
		bad "$page.html refers to something outside itself or contains script"
	else ok; fi
	chrome --window-size=1280,2000 --screenshot="$out/$page.png" "file://$out/$page.html" ||
		bad "chromium could not screenshot $page.html"
	chrome --print-to-pdf="$out/$page.pdf" --no-pdf-header-footer "file://$out/$page.html" ||
		bad "chromium could not print $page.html"
	if /usr/bin/python3 - "$out/$page.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 2000), (width, height)
assert len(data) > 50000, "suspiciously small: a blank page?"
PY
	then ok; else bad "$page.png is not a rendered 1280x2000 page"; fi
	if head -c 5 "$out/$page.pdf" | grep -q '%PDF-' && [ "$(wc -c <"$out/$page.pdf")" -gt 20000 ]; then
		ok
	else bad "$page.pdf is not a PDF of the report"; fi
done

# What the browser built from the hostile report: text only.
chrome --dump-dom "file://$out/hostile.html" >"$out/hostile.dom" || bad "chromium could not load hostile.html"
if grep -q '<script\|<img\|<h1>owned\|<a href' "$out/hostile.dom"; then
	bad "user text became markup in the browser"
	grep -o '<script[^>]*>\|<img[^>]*>\|<h1>owned\|<a href[^>]*>' "$out/hostile.dom" | head
else ok; fi
for text in '&lt;script&gt;alert(1)&lt;/script&gt;' '&lt;img src=x onerror=alert(1)&gt;' \
	'&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;h1&gt;owned&lt;/h1&gt;'; do
	if grep -qF "$text" "$out/hostile.dom"; then ok; else bad "the DOM lacks the text $text"; fi
done

# Bidirectional controls and zero-width characters arrive shown by code, never
# as themselves; right-to-left text is isolated from what surrounds it.
for char in '\342\200\256' '\342\201\246' '\342\201\251' '\342\200\213'; do
	if grep -q "$(printf "$char")" "$out/hostile.dom"; then
		bad "the DOM holds the invisible character $char raw"
	else ok; fi
done
for text in '&lt;U+202E&gt;Hong Kong &lt;U+2066&gt;x&lt;U+2069&gt; &lt;U+200B&gt;only' \
	"<bdi>$(printf '\327\251\327\234\327\225\327\235') 2026</bdi>"; do
	if grep -qF "$text" "$out/hostile.dom"; then ok; else bad "the DOM lacks $text"; fi
done

if [ -n "$keep" ]; then
	mkdir -p "$keep"
	cp "$out"/*.png "$out"/*.pdf "$keep/"
fi
echo "html in chromium: $pass passed, $fail failed"
[ "$fail" = 0 ]
