#!/bin/sh
# Answers workbooks in the clients people use: the workbook of 'craf init
# --format xlsx' filled in with openpyxl assesses exactly like its YAML twin,
# and so does each once LibreOffice Calc has opened and saved it again.
set -u
craf=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1790000000
# LibreOffice keeps a profile in HOME: a fresh one, not the user's.
export HOME="$tmp/home"
fail=0

report() { # FILE OUT: the JSON report without what names the input
	"$craf" assess --format json "$1" 2>"$tmp/err" | grep -v '"path":\|"sha256":\|"size":' >"$2"
	if [ ! -s "$2" ] || [ -s "$tmp/err" ]; then
		echo "FAIL: craf assess $1:"
		cat "$tmp/err"
		fail=1
	fi
}
same() { # WHAT A B
	if ! cmp -s "$2" "$3"; then
		echo "FAIL: $1"
		diff "$2" "$3" | head -20
		fail=1
	fi
}
resave() { # IN OUTDIR: the workbook opened and saved again by LibreOffice Calc
	mkdir -p "$2"
	# A profile of its own: another LibreOffice running (a parallel test) does not take the job.
	soffice -env:UserInstallation="file://$tmp/profile" --headless --norestore --convert-to xlsx \
		--outdir "$2" "$1" >"$tmp/lo.log" 2>&1
	if [ ! -s "$2/$(basename "$1")" ]; then
		echo "FAIL: LibreOffice did not save $1:"
		cat "$tmp/lo.log"
		fail=1
	fi
}

"$craf" init -o "$tmp/template.xlsx" || { echo "FAIL: craf init --format xlsx"; exit 1; }
/usr/bin/python3 "$src/tests/answers/fill.py" "$tmp/template.xlsx" "$tmp/filled.xlsx" \
	"$tmp/twin.yaml" || { echo "FAIL: fill.py"; exit 1; }
report "$tmp/twin.yaml" "$tmp/twin.json"
report "$tmp/filled.xlsx" "$tmp/filled.json"
same "the workbook filled with openpyxl assesses unlike its YAML twin" "$tmp/twin.json" \
	"$tmp/filled.json"

# Saved again by LibreOffice: dates become serial numbers, strings shared ones.
resave "$tmp/filled.xlsx" "$tmp/lo"
report "$tmp/lo/filled.xlsx" "$tmp/lo-filled.json"
same "the filled workbook saved by LibreOffice assesses unlike its YAML twin" "$tmp/twin.json" \
	"$tmp/lo-filled.json"

# A converted example, saved by LibreOffice, converted back: the same report.
for f in "$src/examples/answers.yaml" "$src/examples/answers-2023.yaml"; do
	b=$(basename "$f" .yaml)
	"$craf" convert "$f" -o "$tmp/$b.xlsx" || { echo "FAIL: convert $f"; fail=1; continue; }
	resave "$tmp/$b.xlsx" "$tmp/lo"
	"$craf" convert "$tmp/lo/$b.xlsx" -o "$tmp/$b.yaml" || { echo "FAIL: convert back"; fail=1; }
	report "$f" "$tmp/$b.0.json"
	report "$tmp/lo/$b.xlsx" "$tmp/$b.1.json"
	report "$tmp/$b.yaml" "$tmp/$b.2.json"
	same "$b: saved by LibreOffice, it assesses differently" "$tmp/$b.0.json" "$tmp/$b.1.json"
	same "$b: converted back from LibreOffice's save, it assesses differently" \
		"$tmp/$b.0.json" "$tmp/$b.2.json"
done

# The untouched template assesses like the YAML template, there and after LibreOffice.
"$craf" init -o "$tmp/template.yaml"
report "$tmp/template.yaml" "$tmp/t0.json"
report "$tmp/template.xlsx" "$tmp/t1.json"
same "the untouched workbook template assesses unlike the YAML one" "$tmp/t0.json" "$tmp/t1.json"
resave "$tmp/template.xlsx" "$tmp/lo"
report "$tmp/lo/template.xlsx" "$tmp/t2.json"
same "the template saved by LibreOffice assesses unlike the YAML one" "$tmp/t0.json" "$tmp/t2.json"

[ "$fail" = 0 ] && echo "ok: workbooks filled by openpyxl and saved by LibreOffice assess like YAML"
exit "$fail"
