#!/bin/sh
# A catalogue workbook saved again by LibreOffice Calc converts back to the
# same catalogue files as the workbook craf wrote; and texts that need YAML
# quoting (": ", " #", a leading "- ", quotes, line breaks, tabs), typed into
# a cell and saved by LibreOffice, come back exactly.
# usage: libreoffice.sh CRAF SOURCE_DIR
set -u
craf=$1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() {
	echo "FAIL $*"
	failed=1
}
resave() { # IN OUTDIR: its own profile, so parallel runs never share one
	mkdir -p "$2"
	soffice -env:UserInstallation="file://$tmp/profile" --headless --convert-to xlsx \
		--outdir "$2" "$1" >"$tmp/soffice.log" 2>&1 || fail "soffice: $(cat "$tmp/soffice.log")"
}

"$craf" catalogue convert -o "$tmp/matrix.xlsx" || fail "craf catalogue convert -o"
resave "$tmp/matrix.xlsx" "$tmp/lo"
"$craf" catalogue convert "$tmp/matrix.xlsx" -o "$tmp/craf" || fail "convert craf's workbook"
"$craf" catalogue convert "$tmp/lo/matrix.xlsx" -o "$tmp/calc" || fail "convert Calc's workbook"
diff -r "$tmp/craf" "$tmp/calc" >/dev/null || fail "Calc's workbook gives other files"

# Awkward texts typed in, then the workbook saved by Calc.
/usr/bin/python3 - "$tmp/matrix.xlsx" "$tmp/edited.xlsx" <<'PY' || fail "openpyxl"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Requirements"]
for r in range(2, ws.max_row + 1):
    if ws.cell(r, 3).value == "3.1.2":
        ws.cell(r, 4).value = '- Privileged: "root" # accounts'
        ws.cell(r, 5).value = "特权：账号 #1\n第二行\n"
        ws.cell(r, 13).value = "line one\n  indented: two\n\nafter a blank"
        ws.cell(r, 14).value = "tab\there, 'quoted' and \\ backslash"
wb.save(sys.argv[2])
PY
resave "$tmp/edited.xlsx" "$tmp/lo2"
"$craf" catalogue convert "$tmp/lo2/edited.xlsx" -o "$tmp/edited" || fail "convert the edited workbook"
"$craf" catalogue show 3.1.2 --catalogue "$tmp/edited" --format json >"$tmp/show.json" ||
	fail "load the edited catalogue"
/usr/bin/python3 - "$tmp/show.json" <<'PY' || fail "texts changed on the way"
import json, sys
p = json.load(open(sys.argv[1]))
def find(o, key):
    if isinstance(o, dict):
        if key in o:
            return o[key]
        for v in o.values():
            r = find(v, key)
            if r is not None:
                return r
    return None
name = find(p, "name")
assert name == {"en": '- Privileged: "root" # accounts', "zh": "特权：账号 #1\n第二行\n"}, name
prov = find(p, "provider")
assert prov == {"en": "line one\n  indented: two\n\nafter a blank",
                "zh": "tab\there, 'quoted' and \\ backslash"}, prov
PY
[ "$failed" = 0 ] && echo "catalogue/libreoffice: ok"
exit "$failed"
