#!/bin/sh
# Text output fits the width it is given: every line of every text view, at
# several widths and in every language, is no wider than the width (in
# display columns; one unbreakable token such as a URL may be wider);
# colour changes no layout; --width, $COLUMNS and the terminal's own width
# are honoured in that order; a bad --width is refused.
# usage: run.sh CRAF SOURCE_DIR
set -eu
craf=$1
src=$2
ex=$src/examples
check_py=$src/tests/width/maxwidth.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Nothing from the caller's terminal: each case says what width it wants.
unset COLUMNS
export NO_COLOR= TERM=dumb LC_ALL=C.UTF-8 PAGER=cat CRAF_PAGER=cat
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
	echo "FAIL $*"
	fail=$((fail + 1))
}

# run OUT ARGS...: craf ARGS to OUT; exit 0 (no gap) and 1 (gaps) are both fine.
run() {
	out=$1
	shift
	set +e
	env ${assign:+"$assign"} "$craf" "$@" >"$out" 2>"$tmp/err"
	status=$?
	set -e
	if [ "$status" -gt 1 ]; then
		bad "$assign craf $*: exit $status"
		cat "$tmp/err"
	fi
}

# runenv NAME=VALUE OUT ARGS...: the same with NAME set.
runenv() {
	assign=$1
	shift
	run "$@"
	assign=
}
assign=

# Every view, every language, a spread of widths (40 is the minimum; 47, 59
# and 79 sit just below where the tables change shape).
views() {
	w=$1
	lang=$2
	set -- --width "$w" --lang "$lang"
	run "$tmp/assess" assess "$@" "$ex/answers.yaml"
	run "$tmp/assess-old" assess "$@" --target advanced --as-of 2030-01-01 "$ex/answers-2020.yaml"
	run "$tmp/report" report "$@" "$tmp/report.json"
	run "$tmp/diff" diff "$@" "$ex/answers-2023.yaml" "$ex/answers.yaml"
	run "$tmp/trend" trend "$@" "$ex/answers-2020.yaml" "$ex/answers-2023.yaml" "$ex/answers.yaml"
	run "$tmp/risk" risk "$@" "$ex/answers.yaml"
	run "$tmp/list" catalogue list "$@"
	run "$tmp/show" catalogue show 3.1.2 "$@"
	run "$tmp/show-single" catalogue show 3.1.4 "$@"
	run "$tmp/products" catalogue products "$@"
	run "$tmp/product" catalogue products cam "$@"
	run "$tmp/resp" catalogue responsibility "$@"
	run "$tmp/long" assess "$@" --target advanced "$tmp/long.yaml"
}

# Answers with a long URL, an unbroken name, CJK, combining marks and brackets.
/usr/bin/python3 - "$ex/answers.yaml" "$tmp/long.yaml" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("institution: Harbour Pearl Bank (Hong Kong) Limited",
              "institution: 港灣明珠銀行（香港）有限公司 Harbour Pearl Bank, a name long enough to wrap")
s = s.replace("assessor: Head of Cyber Risk, Harbour Pearl Bank",
              "assessor: Chief-Information-Security-Officer-and-Head-of-Cyber-Risk")
s = s.replace("note: Short-term plan refreshed annually; no long-term (post-2028) development plan drafted yet",
              'note: "Plan at https://intranet.example.com/strategy/cyber/2028/long-term-plan.pdf?rev=3;'
              ' caf\u00e9 na\u0131\u0308ve re\u0301sume\u0301; 长期发展计划尚未起草（预计二零二七年完成），'
              '中文English混合text「引号」"')
open(sys.argv[2], "w", encoding="utf-8").write(s)
EOF
run "$tmp/report.json" assess --format json "$ex/answers.yaml"

echo "== every line fits"
for w in 40 47 59 60 79 80 100 132; do
	for lang in en zh zh-Hant; do
		views "$w" "$lang"
		if /usr/bin/python3 "$check_py" "$w" "$tmp"/assess "$tmp"/assess-old "$tmp"/report \
			"$tmp"/diff "$tmp"/trend "$tmp"/risk "$tmp"/list "$tmp"/show "$tmp"/show-single \
			"$tmp"/products "$tmp"/product "$tmp"/resp "$tmp"/long >"$tmp/wide"; then
			ok
		else
			bad "--width $w --lang $lang: lines wider than $w"
			head -20 "$tmp/wide"
		fi
	done
done

echo "== the golden outputs at a given width fit it"
for dir in "$src"/tests/cli/*; do
	[ -f "$dir/args" ] || continue
	w=$(sed -n 's/.*--width \([0-9]*\).*/\1/p' "$dir/args")
	[ -n "$w" ] && [ -f "$dir/stdout" ] || continue
	if /usr/bin/python3 "$check_py" "$w" "$dir/stdout"; then
		ok
	else
		bad "$(basename "$dir"): lines wider than $w"
	fi
done

echo "== prose stops at 100 columns on a wide terminal"
run "$tmp/wide-assess" assess --width 200 "$ex/answers.yaml"
# Requirement text, notes and remediation are indented 9 columns.
if awk 'substr($0, 1, 9) == "         " && length($0) > 100 { exit 1 }' "$tmp/wide-assess"; then
	ok
else
	bad "assess --width 200: a prose line is wider than 100 columns"
fi

echo "== colour changes no layout"
strip() { sed 's/\x1b\[[0-9;]*m//g' "$1"; }
for w in 40 60 80 132; do
	for lang in en zh; do
		run "$tmp/plain" assess --width "$w" --lang "$lang" --color never "$ex/answers.yaml"
		run "$tmp/color" assess --width "$w" --lang "$lang" --color always "$ex/answers.yaml"
		if grep -q "$(printf '\033')" "$tmp/color" && strip "$tmp/color" | cmp -s - "$tmp/plain"; then
			ok
		else
			bad "assess --width $w --lang $lang: colour changes the text"
		fi
		run "$tmp/plain" diff --width "$w" --lang "$lang" --color never \
			"$ex/answers-2023.yaml" "$ex/answers.yaml"
		run "$tmp/color" diff --width "$w" --lang "$lang" --color always \
			"$ex/answers-2023.yaml" "$ex/answers.yaml"
		if strip "$tmp/color" | cmp -s - "$tmp/plain"; then
			ok
		else
			bad "diff --width $w --lang $lang: colour changes the text"
		fi
	done
done

echo "== narrower than 80: no bar graphs, the counts kept"
run "$tmp/w79" assess --width 79 "$ex/answers.yaml"
run "$tmp/w80" assess --width 80 "$ex/answers.yaml"
if grep -q '█' "$tmp/w80" && ! grep -q '█' "$tmp/w79" && grep -q '13/14' "$tmp/w79"; then
	ok
else
	bad "the domain table keeps its bars below 80 columns, or loses its counts"
fi

# same NAME A B: files A and B hold the same bytes.
same() {
	if cmp -s "$2" "$3"; then ok; else bad "$1"; diff "$2" "$3" | head -10; fi
}

echo "== COLUMNS when --width is not given"
for args in "assess $ex/answers.yaml" "diff $ex/answers-2023.yaml $ex/answers.yaml" \
	"catalogue show 3.1.2" "trend $ex/answers-2023.yaml $ex/answers.yaml" "risk $ex/answers.yaml"; do
	# shellcheck disable=SC2086 # args are split on purpose
	run "$tmp/given" $args --width 60
	# shellcheck disable=SC2086
	runenv COLUMNS=60 "$tmp/env" $args
	same "COLUMNS=60 craf $args differs from --width 60" "$tmp/given" "$tmp/env"
done
run "$tmp/w40" assess --width 40 "$ex/answers.yaml"
runenv COLUMNS=30 "$tmp/env" assess "$ex/answers.yaml"
same "COLUMNS=30 is not taken as the minimum, 40" "$tmp/w40" "$tmp/env"
for junk in "" abc 60x -5 0; do
	runenv "COLUMNS=$junk" "$tmp/env" assess "$ex/answers.yaml"
	same "COLUMNS='$junk' is not ignored (80 columns)" "$tmp/w80" "$tmp/env"
done
run "$tmp/default" assess "$ex/answers.yaml"
same "with no COLUMNS and no terminal the width is not 80" "$tmp/w80" "$tmp/default"
run "$tmp/w100" assess --width 100 "$ex/answers.yaml"
runenv COLUMNS=60 "$tmp/env" assess --width 100 "$ex/answers.yaml"
same "--width does not win over COLUMNS" "$tmp/w100" "$tmp/env"
# A file written with -o is read anywhere later: the usual 80 columns.
runenv COLUMNS=60 "$tmp/ignored" assess -o "$tmp/file.txt" "$ex/answers.yaml"
same "-o FILE does not get 80 columns whatever COLUMNS says" "$tmp/w80" "$tmp/file.txt"
runenv COLUMNS=100 "$tmp/ignored" assess --width 60 -o "$tmp/file.txt" "$ex/answers.yaml"
run "$tmp/w60" assess --width 60 "$ex/answers.yaml"
same "-o FILE does not honour --width" "$tmp/w60" "$tmp/file.txt"

echo "== --width values"
run "$tmp/eq" assess --width=60 "$ex/answers.yaml"
same "--width=60 differs from --width 60" "$tmp/w60" "$tmp/eq"
for v in 39 0 -1 abc 60x "" 1001 99999999999; do
	set +e
	"$craf" assess --width "$v" "$ex/answers.yaml" >"$tmp/out" 2>"$tmp/err"
	status=$?
	set -e
	if [ "$status" = 2 ] && [ ! -s "$tmp/out" ] &&
		grep -q "invalid width \"$v\" for --width (expected 40 to 1000 columns)" "$tmp/err"; then
		ok
	else
		bad "--width '$v': exit $status, stderr: $(cat "$tmp/err")"
	fi
done
for cmd in "report $tmp/report.json" "diff $ex/answers.yaml $ex/answers.yaml" \
	"trend $ex/answers.yaml $ex/answers.yaml" "risk $ex/answers.yaml" "catalogue list"; do
	set +e
	# shellcheck disable=SC2086
	"$craf" $cmd --width 10 >"$tmp/out" 2>"$tmp/err"
	status=$?
	set -e
	if [ "$status" = 2 ] && grep -q "invalid width" "$tmp/err"; then ok; else bad "craf $cmd --width 10: exit $status"; fi
done

echo "== the terminal's own width"
# In a pseudo-terminal 60 columns wide, the terminal wins over COLUMNS.
if command -v script >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then
	timeout 60 script -qec "stty cols 60 rows 50; COLUMNS=100 '$craf' assess --color never '$ex/answers.yaml'" \
		/dev/null </dev/null | tr -d '\r' >"$tmp/pty" || true
	same "in a 60-column terminal the output is not 60 columns wide" "$tmp/w60" "$tmp/pty"
	timeout 60 script -qec "stty cols 30 rows 50; '$craf' catalogue show 3.1.2" \
		/dev/null </dev/null | tr -d '\r' >"$tmp/pty" || true
	run "$tmp/show40" catalogue show 3.1.2 --width 40
	same "a 30-column terminal does not get the 40-column minimum" "$tmp/show40" "$tmp/pty"
else
	echo "(script or timeout missing: the pseudo-terminal check is skipped)"
fi

echo "width: $pass passed, $fail failed"
[ "$fail" = 0 ]
