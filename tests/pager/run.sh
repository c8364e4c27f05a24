#!/bin/sh
# The pager at a real terminal: script(1) runs craf at a pseudo-terminal. The
# pager runs when it should and gets the report (in colour), craf's exit
# status survives it, a pager quit early costs nothing, and no pager runs
# with --no-pager, a pipe, -o FILE, an empty $CRAF_PAGER or cat.
# usage: run.sh CRAF SOURCE_DIR
set -u
craf=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex=$src/examples
answers=$ex/answers.yaml
fail=0

# A pager that records what it read and the LESS and LV it was given.
cat >"$tmp/rec" <<EOF
#!/bin/sh
printf 'LESS=%s LV=%s\n' "\${LESS-unset}" "\${LV-unset}" >"$tmp/rec.env"
cat >"$tmp/rec.out"
EOF
mkdir "$tmp/bin"
# "cat" means no pager: this one would show that it ran.
cat >"$tmp/bin/cat" <<EOF
#!/bin/sh
echo ran >"$tmp/cat.ran"
exec /bin/cat
EOF
chmod +x "$tmp/rec" "$tmp/bin/cat"
SOURCE_DATE_EPOCH=1793491200 "$craf" assess "$answers" --format json -o "$tmp/report.json"

# at_tty CMD [INPUT]: runs the shell command CMD at a 24x80 pseudo-terminal
# with no pager settings of the user's, stdin of script from INPUT. Sets
# status; the terminal's bytes are in $tmp/tty, craf's stderr in $tmp/err.
at_tty() {
	rm -f "$tmp/rec.out" "$tmp/rec.env" "$tmp/err" "$tmp/cat.ran"
	SHELL=/bin/sh timeout 60 script -qfec "stty rows 24 cols 80
		unset CRAF_PAGER PAGER LESS LV NO_COLOR; export TERM=xterm LC_ALL=C.UTF-8
		$1 2>'$tmp/err'" /dev/null <"${2:-/dev/null}" >"$tmp/tty"
	status=$?
}

bad() {
	echo "FAIL: $*"
	echo "--- terminal (head)"; head -c 1500 "$tmp/tty"; echo
	echo "--- stderr"; cat "$tmp/err" 2>/dev/null
	fail=1
}

want_status() { [ "$status" = "$1" ] || bad "$2: exit status $status, expected $1"; }
no_stderr() { [ ! -s "$tmp/err" ] || bad "$1: something on stderr"; }
paged() {
	[ -f "$tmp/rec.out" ] && grep -q -- "$2" "$tmp/rec.out" || bad "$1: the pager did not get '$2'"
	! grep -q -- "$2" "$tmp/tty" || bad "$1: '$2' reached the terminal past the pager"
}
not_paged() {
	[ ! -f "$tmp/rec.out" ] || bad "$1: the pager ran"
	[ -n "${2:-}" ] || return 0
	grep -q -- "$2" "$tmp/tty" || bad "$1: '$2' did not reach the terminal"
}

# The pager gets the report, coloured as for the terminal; LESS and LV as git sets them; status 1 kept.
at_tty "CRAF_PAGER='$tmp/rec' PAGER=/nonexistent '$craf' assess '$answers'"
want_status 1 "assess through the pager"
no_stderr "assess through the pager"
paged "assess" "C-RAF 2.0 maturity-gap report"
grep -q "$(printf '\033')\[" "$tmp/rec.out" 2>/dev/null || bad "assess: no colour though stdout was a terminal"
[ "$(cat "$tmp/rec.env" 2>/dev/null)" = "LESS=FRX LV=-c" ] || bad "pager environment: $(cat "$tmp/rec.env" 2>/dev/null)"

# The user's LESS is kept; $PAGER serves when $CRAF_PAGER is unset.
at_tty "LESS=SR PAGER='$tmp/rec' '$craf' risk '$answers'"
want_status 0 "risk"
paged "risk with \$PAGER" "Inherent risk"
[ "$(cat "$tmp/rec.env" 2>/dev/null)" = "LESS=SR LV=-c" ] || bad "LESS overridden: $(cat "$tmp/rec.env" 2>/dev/null)"

at_tty "CRAF_PAGER='$tmp/rec' '$craf' diff '$ex/answers-2023.yaml' '$answers'"
want_status 1 "diff through the pager"
paged "diff" "C-RAF 2.0 assessment comparison"
at_tty "CRAF_PAGER='$tmp/rec' '$craf' trend '$ex/answers-2020.yaml' '$ex/answers-2023.yaml' '$answers'"
want_status 0 "trend"
paged "trend" "Harbour Pearl Bank"
at_tty "CRAF_PAGER='$tmp/rec' '$craf' catalogue show 3.1.2"
want_status 0 "catalogue"
paged "catalogue" "3.1.2"
at_tty "CRAF_PAGER='$tmp/rec' '$craf' report '$tmp/report.json' --format markdown"
want_status 0 "report"
paged "report" "# C-RAF 2.0 maturity-gap report"
# Standard input for the answers while the pager reads the terminal.
at_tty "CRAF_PAGER='$tmp/rec' '$craf' assess - <'$answers'"
want_status 1 "assess - through the pager"
paged "assess -" "C-RAF 2.0 maturity-gap report"
# A pager command for the shell.
at_tty "CRAF_PAGER='cat >\"$tmp/shell.out\"' '$craf' assess '$answers'"
want_status 1 "shell pager"
grep -q "C-RAF 2.0 maturity-gap report" "$tmp/shell.out" 2>/dev/null || bad "the shell pager did not get the report"

# No pager: --no-pager, craf --no-pager, empty CRAF_PAGER, cat, a pipe, -o FILE, an error.
at_tty "CRAF_PAGER='$tmp/rec' '$craf' assess --no-pager '$answers'"
want_status 1 "assess --no-pager"
not_paged "assess --no-pager" "C-RAF 2.0 maturity-gap report"
for cmd in "report --no-pager '$tmp/report.json'" "diff --no-pager '$answers' '$answers'" \
	"trend --no-pager '$answers' '$answers'" "risk --no-pager '$answers'" \
	"catalogue list --no-pager"; do
	at_tty "CRAF_PAGER='$tmp/rec' '$craf' $cmd"
	want_status 0 "$cmd"
	not_paged "$cmd" "Harbour\|3.1.2"
done
at_tty "CRAF_PAGER='$tmp/rec' '$craf' --no-pager assess '$answers'"
want_status 1 "craf --no-pager assess"
not_paged "craf --no-pager" "C-RAF 2.0 maturity-gap report"
at_tty "CRAF_PAGER= PAGER='$tmp/rec' '$craf' assess '$answers'"
want_status 1 "empty CRAF_PAGER"
not_paged "empty CRAF_PAGER" "C-RAF 2.0 maturity-gap report"
at_tty "PATH='$tmp/bin':\$PATH CRAF_PAGER=cat '$craf' assess '$answers'"
want_status 1 "CRAF_PAGER=cat"
[ ! -f "$tmp/cat.ran" ] || bad "CRAF_PAGER=cat ran cat"
grep -q "C-RAF 2.0 maturity-gap report" "$tmp/tty" || bad "CRAF_PAGER=cat: no report on the terminal"
at_tty "CRAF_PAGER='$tmp/rec' '$craf' assess '$answers' | /bin/cat >'$tmp/piped'; exit \$((\$(wc -c <'$tmp/piped') > 1000))"
want_status 1 "assess into a pipe"
not_paged "assess into a pipe"
at_tty "CRAF_PAGER='$tmp/rec' '$craf' assess '$answers' -o '$tmp/out.txt'"
want_status 1 "assess -o FILE"
not_paged "assess -o FILE"
grep -q "C-RAF 2.0 maturity-gap report" "$tmp/out.txt" || bad "-o FILE: no report in the file"
at_tty "CRAF_PAGER='$tmp/rec' '$craf' assess /nonexistent.yaml"
want_status 2 "assess of a missing file"
not_paged "assess of a missing file"
# A workbook is still refused at the terminal, though a pager could have taken stdout.
at_tty "CRAF_PAGER='$tmp/rec' '$craf' assess '$answers' --format xlsx"
want_status 2 "xlsx at a terminal"
not_paged "xlsx at a terminal"
grep -q "refusing to write a workbook to a terminal" "$tmp/err" || bad "xlsx at a terminal: not refused"

# A pager that quits early: nothing on stderr, the status stays craf's. The
# JSON report is larger than a pipe's buffer, so craf's writes fail.
for pager in 'head -n 1' true; do
	for fmt in text json; do
		at_tty "CRAF_PAGER='$pager' '$craf' assess '$answers' --format $fmt"
		want_status 1 "pager '$pager' quitting early ($fmt)"
		no_stderr "pager '$pager' quitting early ($fmt)"
	done
done
# Real less, quit with q on its first screen (q typed until it has quit).
mkfifo "$tmp/keys"
(for i in 1 2 3 4 5 6 7 8 9 10; do sleep 1; printf q; done) >"$tmp/keys" 2>/dev/null &
keys=$!
at_tty "'$craf' assess '$answers' --format json" "$tmp/keys"
kill "$keys" 2>/dev/null
wait "$keys" 2>/dev/null
want_status 1 "less quit with q"
no_stderr "less quit with q"
grep -q '"schema": "craf-report/2"' "$tmp/tty" || bad "less: the report's first screen is not on the terminal"
[ "$(wc -c <"$tmp/tty")" -lt 20000 ] || bad "less: the whole report reached the terminal"

# No pager program: plain output; a pager named by the user is worth a warning.
at_tty "CRAF_PAGER=/nonexistent/pager '$craf' assess '$answers'"
want_status 1 "missing CRAF_PAGER"
grep -q "C-RAF 2.0 maturity-gap report" "$tmp/tty" || bad "missing CRAF_PAGER: no plain output"
grep -q 'cannot run the pager "/nonexistent/pager"' "$tmp/err" || bad "missing CRAF_PAGER: no warning"
at_tty "PATH=/nonexistent '$craf' assess '$answers'"
want_status 1 "no less"
no_stderr "no less"
grep -q "C-RAF 2.0 maturity-gap report" "$tmp/tty" || bad "no less: no plain output"

# Ctrl-C is the pager's: craf ignores it while paging and still exits 1.
at_tty "exec env CRAF_PAGER='trap \"\" INT; kill -INT 0; cat >\"$tmp/int.out\"' '$craf' assess '$answers' --format json"
want_status 1 "SIGINT while paging"
tail -n 1 "$tmp/int.out" 2>/dev/null | grep -q '^}$' || bad "SIGINT while paging: the pager did not get the whole report"
# Killed: craf lets the pager finish first, then dies of the signal.
at_tty "exec env CRAF_PAGER='exec >/dev/null 2>&1; trap \"\" TERM; kill -TERM \$PPID; sleep 1; echo done >\"$tmp/term.out\"' '$craf' assess '$answers' --format json"
want_status 143 "SIGTERM while paging"
[ -f "$tmp/term.out" ] || bad "SIGTERM while paging: craf did not wait for the pager"

[ "$fail" = 0 ] && echo "pager: all cases passed"
exit "$fail"
