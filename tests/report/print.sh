#!/bin/sh
# The XLSX report prints: LibreOffice Calc renders it to PDF, and every page
# is landscape A4 with the sheet's first and last column headers on it (no
# table split across pages sideways), every gap on a page, and rows of
# wrapped text given their height. usage: print.sh CRAF SOURCE_DIR
set -u
craf=$1
src=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1793491200 NO_COLOR=1
failed=0
fail() {
	echo "FAIL $*"
	failed=1
}

"$craf" assess "$src/examples/answers.yaml" --format xlsx -o "$tmp/r.xlsx"
[ $? = 1 ] || fail "craf assess --format xlsx"
# Its own profile: runs in parallel never share one.
soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to pdf \
	--outdir "$tmp" "$tmp/r.xlsx" >"$tmp/soffice.log" 2>&1 || fail "soffice: $(cat "$tmp/soffice.log")"
[ -s "$tmp/r.pdf" ] || {
	echo "FAIL no PDF"
	exit 1
}
pages=$(pdfinfo "$tmp/r.pdf" | sed -n 's/^Pages: *//p')
# Summary 1 page, gap register 1, answers about 7: a table split sideways doubles that.
[ "$pages" -ge 3 ] && [ "$pages" -le 12 ] || fail "$pages pages"
pdfinfo -f 1 -l "$pages" "$tmp/r.pdf" | grep '^Page.*size:' >"$tmp/sizes"
if grep -qv 'size: *841\.[0-9]* x 595\.[0-9]* pts' "$tmp/sizes"; then
	fail "a page is not landscape A4:"
	grep -v 'size: *841' "$tmp/sizes" | head -3
fi
i=1
while [ "$i" -le "$pages" ]; do
	pdftotext -layout -f "$i" -l "$i" "$tmp/r.pdf" "$tmp/p$i.txt"
	if grep -q 'Meets target' "$tmp/p$i.txt"; then
		first=Domain last=Advanced
	elif grep -q 'Overdue' "$tmp/p$i.txt"; then
		first=Control last=products
	else
		first=Control last=Expires
	fi
	grep -q "$first" "$tmp/p$i.txt" && grep -q "$last" "$tmp/p$i.txt" ||
		fail "page $i lacks the header row from $first to $last"
	# The page number in the footer.
	grep -q "^ *$i */ *$pages *\$" "$tmp/p$i.txt" || fail "page $i has no \"$i / $pages\" footer"
	i=$((i + 1))
done
# Every gap on the gap register's page, with its due date on the same line.
gaps=$(grep -l 'Responsibility' "$tmp"/p*.txt | head -1)
for row in '^3\.1\.5 .*2026-12-31 *no' '^7\.1\.1 .*2026-09-30 *yes' '^7\.2\.1 .*2027-01-31 *no'; do
	grep -q "$row" "$gaps" || fail "gap register: no line matching $row"
done
# Wrapped rows are given their height: no spreadsheet fits them on opening.
mkdir "$tmp/x" && (cd "$tmp/x" && unzip -q ../r.xlsx) || fail unzip
n=$(grep -o '<row [^>]*customHeight="1"' "$tmp/x/xl/worksheets/sheet2.xml" | wc -l)
[ "$n" -ge 10 ] || fail "gap register: $n rows with a height"
[ "$failed" = 0 ] || exit 1
echo "print: $pages landscape pages, every table whole across the page"
