#!/bin/sh
# What every writer does with what -o names and with standard output:
# devices and FIFOs are written through and never replaced, a link leads to
# the file it names, a file keeps its mode, every write error is reported
# with exit status 2 and leaves no file behind, and a workbook holds any
# text (cut to a cell with a warning, XML-safe). Device nodes are private
# ones made with mknod in a temporary directory, never the real /dev; they
# need root, and without it only the FIFO cases run.
# usage: run.sh CRAF SOURCE_DIR
set -u
craf=$1
src=$2
out=$(mktemp -d)
bg=
trap 'rm -rf "$out"; [ -z "$bg" ] || kill $bg 2>/dev/null' EXIT
export SOURCE_DATE_EPOCH=1793491200 NO_COLOR=1
pass=0
fail=0
python=/usr/bin/python3
root=false
[ "$(id -u)" = 0 ] && root=true

ok() { pass=$((pass + 1)); }
bad() {
	echo "FAILED: $*"
	[ -s "$out/err" ] && sed 's/^/  stderr: /' "$out/err"
	fail=$((fail + 1))
}
# run ARGS...: runs craf; $status is its exit status, $out/err its stderr.
run() {
	status=0
	"$craf" "$@" 2>"$out/err" || status=$?
}
# says TEXT: stderr has TEXT (a fixed string).
says() { grep -qF -- "$1" "$out/err"; }
# entries DIR: how many names DIR holds, hidden ones (temporary files) too.
entries() { ls -A "$1" | wc -l; }

cp "$src/examples/answers.yaml" "$out/answers.yaml"
cp "$src/examples/answers-2023.yaml" "$out/answers-2023.yaml"
"$craf" assess "$out/answers.yaml" --format json -o "$out/report.json" 2>/dev/null
# Every command that takes -o, and its arguments.
writers="assess $out/answers.yaml
report $out/report.json
diff $out/answers-2023.yaml $out/answers.yaml
trend $out/answers-2023.yaml $out/answers.yaml
init --force"
# What each writes, to compare what arrives elsewhere with.
mkdir "$out/want"
echo "$writers" | while read -r name args; do
	# shellcheck disable=SC2086 # the arguments are words
	"$craf" $name $args -o "$out/want/$name" 2>/dev/null
done

echo "== a FIFO with a reader receives the report, and stays a FIFO"
mkdir "$out/fifo"
fifo_case() { # NAME ARGS...: -o a FIFO; the reader must get what a file gets
	name=$1
	shift
	rm -f "$out/fifo/f" "$out/fifo/got"
	mkfifo "$out/fifo/f"
	timeout 30 cat "$out/fifo/f" >"$out/fifo/got" &
	bg=$!
	run "$@" -o "$out/fifo/f"
	wait $bg
	bg=
	if [ "$status" != 2 ] && [ -p "$out/fifo/f" ] && cmp -s "$out/fifo/got" "$out/want/$name" &&
		[ "$(entries "$out/fifo")" = 2 ]; then
		ok
	else
		bad "$name -o FIFO: exit $status, $(wc -c <"$out/fifo/got") bytes arrived"
	fi
}
echo "$writers" >"$out/writers"
while read -r name args; do
	# shellcheck disable=SC2086
	fifo_case "$name" $name $args
done <"$out/writers"
for fmt in json xlsx; do
	"$craf" assess "$out/answers.yaml" --format $fmt -o "$out/want/assess.$fmt" 2>/dev/null
	fifo_case assess.$fmt assess "$out/answers.yaml" --format $fmt
done
# Through a link to the FIFO: the link stays.
ln -s f "$out/fifo/link"
rm -f "$out/fifo/f"
mkfifo "$out/fifo/f"
timeout 30 cat "$out/fifo/f" >"$out/fifo/got" &
bg=$!
run assess "$out/answers.yaml" -o "$out/fifo/link"
wait $bg
bg=
if [ -L "$out/fifo/link" ] && [ -p "$out/fifo/f" ] && cmp -s "$out/fifo/got" "$out/want/assess"; then
	ok
else
	bad "-o a link to a FIFO: exit $status"
fi

# init without --force refuses to replace a file, but a FIFO holds nothing to lose.
rm -f "$out/fifo/f"
mkfifo "$out/fifo/f"
timeout 30 cat "$out/fifo/f" >"$out/fifo/got" &
bg=$!
run init -o "$out/fifo/f"
wait $bg
bg=
[ "$status" = 0 ] && cmp -s "$out/fifo/got" "$out/want/init" && ok || bad "init -o FIFO: exit $status"

echo "== a descriptor by name is written as the shell opened it"
# /dev/fd/N and /proc/self/fd/N only: a mistake with /dev/stdout would touch the real /dev.
printf 'first line\n' >"$out/appended"
run assess "$out/answers.yaml" -o /dev/fd/1 >>"$out/appended"
{ printf 'first line\n'; cat "$out/want/assess"; } >"$out/want/appended"
[ "$status" = 1 ] && cmp -s "$out/appended" "$out/want/appended" && ok || bad "-o /dev/fd/1 >>: exit $status"
run assess "$out/answers.yaml" --format xlsx -o /proc/self/fd/1 >"$out/fd.xlsx"
[ "$status" = 1 ] && cmp -s "$out/fd.xlsx" "$out/want/assess.xlsx" && ok || bad "xlsx -o /proc/self/fd/1: exit $status"
run assess "$out/answers.yaml" -o /dev/fd/9
[ "$status" = 2 ] && says "craf: cannot write '/dev/fd/9': Bad file descriptor" && ok || bad "-o a closed descriptor: exit $status"

echo "== private device nodes are written through, never replaced"
if $root; then
	dev=$out/dev
	mkdir "$dev"
	mknod "$dev/null" c 1 3
	mknod "$dev/full" c 1 7
	ln -s null "$dev/link-null"
	while read -r name args; do
		for target in null link-null; do
			# shellcheck disable=SC2086
			run $name $args -o "$dev/$target"
			if [ "$status" != 2 ] && [ -c "$dev/null" ] && [ -L "$dev/link-null" ] &&
				[ "$(entries "$dev")" = 3 ]; then
				ok
			else
				bad "$name -o $target: exit $status; $(ls -l "$dev")"
			fi
		done
		# shellcheck disable=SC2086
		run $name $args -o "$dev/full"
		if [ "$status" = 2 ] && says "craf: cannot write '$dev/full': No space left on device" &&
			[ -c "$dev/full" ] && [ "$(entries "$dev")" = 3 ]; then
			ok
		else
			bad "$name -o full: exit $status"
		fi
	done <"$out/writers"
	run assess "$out/answers.yaml" --format xlsx -o "$dev/null"
	[ "$status" = 1 ] && [ -c "$dev/null" ] && ok || bad "xlsx -o null: exit $status"
	run assess "$out/answers.yaml" --format xlsx -o "$dev/full"
	if [ "$status" = 2 ] && says "cannot write '$dev/full': No space left on device" && [ -c "$dev/full" ]; then
		ok
	else
		bad "xlsx -o full: exit $status"
	fi
	full=$dev/full
else
	echo "note: not root, so no private device nodes: the device cases are skipped (FIFOs cover writing through)"
	full=
	[ -c /dev/full ] && full=/dev/full
fi

echo "== standard output: a full device and a closed descriptor are reported"
for fmt in text json csv xlsx; do
	if [ -n "$full" ]; then
		run assess "$out/answers.yaml" --format $fmt >"$full"
		if [ "$status" = 2 ] && says "craf: cannot write to standard output: No space left on device"; then
			ok
		else
			bad "$fmt > full: exit $status"
		fi
	fi
	if [ -n "$full" ]; then
		run assess "$out/answers.yaml" --format $fmt -o /proc/self/fd/1 >"$full"
		if [ "$status" = 2 ] && says "craf: cannot write '/proc/self/fd/1': No space left on device"; then
			ok
		else
			bad "$fmt -o /proc/self/fd/1 > full: exit $status"
		fi
	fi
	run assess "$out/answers.yaml" --format $fmt >&-
	if [ "$status" = 2 ] && says "craf: cannot write to standard output: Bad file descriptor"; then
		ok
	else
		bad "$fmt >&-: exit $status"
	fi
done
# A workbook through a pipe arrives whole.
"$craf" assess "$out/answers.yaml" --format xlsx 2>/dev/null | cat >"$out/piped.xlsx"
cmp -s "$out/piped.xlsx" "$out/want/assess.xlsx" && ok || bad "xlsx through a pipe differs"

echo "== links, modes and owners"
mkdir "$out/files"
printf 'old\n' >"$out/files/real.txt"
ln -s real.txt "$out/files/link.txt"
run assess "$out/answers.yaml" -o "$out/files/link.txt"
if [ -L "$out/files/link.txt" ] && [ "$(readlink "$out/files/link.txt")" = real.txt ] &&
	cmp -s "$out/files/real.txt" "$out/want/assess" && [ "$(entries "$out/files")" = 2 ]; then
	ok
else
	bad "-o a link to a file: exit $status; $(ls -l "$out/files")"
fi
for fmt in text xlsx; do
	printf 'old\n' >"$out/files/private"
	chmod 600 "$out/files/private"
	run assess "$out/answers.yaml" --format $fmt -o "$out/files/private"
	mode=$(stat -c %a "$out/files/private")
	[ "$mode" = 600 ] && [ "$status" = 1 ] && ok || bad "$fmt -o a 0600 file: now $mode, exit $status"
done
if $root; then
	printf 'old\n' >"$out/files/theirs"
	chown 65534:65534 "$out/files/theirs"
	chmod 640 "$out/files/theirs"
	run assess "$out/answers.yaml" -o "$out/files/theirs"
	owner=$(stat -c '%u:%g %a' "$out/files/theirs")
	[ "$owner" = "65534:65534 640" ] && ok || bad "root -o someone's file: now $owner"
fi
(
	umask 027
	run assess "$out/answers.yaml" -o "$out/files/new"
)
mode=$(stat -c %a "$out/files/new")
[ "$mode" = 640 ] && ok || bad "a new file under umask 027 is $mode"

echo "== what -o must not be"
run assess "$out/answers.yaml" -o "$out/files"
[ "$status" = 2 ] && says "craf: cannot write '$out/files': Is a directory" && ok || bad "-o a directory: exit $status"
ln -s nowhere "$out/files/dangling"
run assess "$out/answers.yaml" -o "$out/files/dangling"
if [ "$status" = 2 ] && says "cannot follow the symbolic link '$out/files/dangling'" &&
	[ -L "$out/files/dangling" ] && [ ! -e "$out/files/nowhere" ]; then
	ok
else
	bad "-o a dangling link: exit $status"
fi
# The input under another name: a hard link or a symbolic link to it.
ln "$out/answers.yaml" "$out/files/hard.yaml"
ln -s ../answers.yaml "$out/files/sym.yaml"
for name in hard.yaml sym.yaml; do
	for fmt in text xlsx; do
		run assess "$out/answers.yaml" --format $fmt -o "$out/files/$name"
		if [ "$status" = 2 ] && says "refusing to overwrite the input file" &&
			cmp -s "$out/answers.yaml" "$src/examples/answers.yaml"; then
			ok
		else
			bad "$fmt -o the input through $name: exit $status"
		fi
	done
	run diff "$out/answers-2023.yaml" "$out/answers.yaml" -o "$out/files/$name"
	[ "$status" = 2 ] && says "refusing to overwrite the input file" && ok || bad "diff -o $name: exit $status"
done

echo "== a directory craf may not write in"
ro=$(mktemp -d /tmp/craf-ro-XXXXXX)
chmod 755 "$ro"
cp "$craf" "$ro/craf"
chmod 755 "$ro/craf"
cp "$out/answers.yaml" "$ro/answers.yaml"
chmod 644 "$ro/answers.yaml"
mkdir "$ro/locked"
printf 'old\n' >"$ro/locked/existing"
if $root; then
	# Root writes anywhere: run as nobody, who may write the file but not the directory.
	chown 65534 "$ro/locked/existing"
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	chmod 555 "$ro/locked"
	as=
fi
for target in new existing; do
	for fmt in text xlsx; do
		status=0
		$as "$ro/craf" assess "$ro/answers.yaml" --format $fmt -o "$ro/locked/$target" 2>"$out/err" || status=$?
		if [ "$status" = 2 ] && says "craf: cannot create '$ro/locked/$target': Permission denied" &&
			[ "$(entries "$ro/locked")" = 1 ] && [ "$(cat "$ro/locked/existing")" = old ]; then
			ok
		else
			bad "$fmt -o $target in a read-only directory: exit $status"
		fi
	done
done
chmod 755 "$ro/locked"
rm -rf "$ro"

echo "== a file-size limit"
mkdir "$out/limit"
for fmt in text json xlsx; do
	# Ignored, SIGXFSZ turns into EFBIG, reported.
	status=0
	(
		ulimit -c 0
		ulimit -f 8
		trap '' XFSZ
		exec "$craf" assess "$out/answers.yaml" --format $fmt -o "$out/limit/report"
	) 2>"$out/err" || status=$?
	# A workbook is first made in a temporary file, which may be what meets the limit.
	if [ "$status" = 2 ] && [ "$(entries "$out/limit")" = 0 ] &&
		{ says "craf: cannot write '$out/limit/report': File too large" ||
			says "craf: cannot make the workbook for '$out/limit/report': "; }; then
		ok
	else
		bad "$fmt over the file-size limit: exit $status; $(ls -A "$out/limit")"
	fi
	# Not ignored, it ends craf, and the temporary file goes with it (the
	# outer redirection hides the shell's "File size limit exceeded").
	status=0
	{ (
		ulimit -c 0
		ulimit -f 8
		exec "$craf" assess "$out/answers.yaml" --format $fmt -o "$out/limit/report"
	) 2>"$out/err" || status=$?; } 2>/dev/null
	if [ "$status" -gt 128 ] && [ "$(entries "$out/limit")" = 0 ]; then
		ok
	else
		bad "$fmt killed by SIGXFSZ: exit $status; $(ls -A "$out/limit")"
	fi
done
status=0
(
	ulimit -f 8
	trap '' XFSZ
	exec "$craf" assess "$out/answers.yaml" --format json >"$out/limit/stdout"
) 2>"$out/err" || status=$?
[ "$status" = 2 ] && says "craf: cannot write to standard output: File too large" && ok ||
	bad "stdout over the file-size limit: exit $status"

echo "== workbooks hold any text"
"$python" - "$out/hostile.yaml" <<'EOF'
import sys
long = "x" * 39990 + "END-OF-NOTE"
open(sys.argv[1], "w").write(f'''version: 1
institution: "Evil \\e[2J \\uFFFF Bank"
assessment_date: 2026-11-01
target: baseline
answers:
  "2.1.1":
    baseline:
      status: not-met
      note: "\\e[31mred\\e[0m \\uFFFF {long}"
      evidence: ["=1+1", "a\\x01b"]
  "1.1.1":
    baseline:
      status: not-met
      note: "@SUM(A1:A9)"
      evidence: ["-2+3", "+cmd"]
''')
EOF
run assess --catalogue "$src/tests/data/mini" "$out/hostile.yaml" --format xlsx -o "$out/hostile.xlsx"
if [ "$status" = 1 ] &&
	says 'craf: warning: sheet "Gap register", cell F' &&
	says '(Note, 2.1.1): the text is longer than an Excel cell holds (32767 characters), so its last' &&
	says 'craf: warning: sheet "Answers", cell I'; then
	ok
else
	bad "a 40,000-character note: exit $status"
fi
if "$python" - "$out/hostile.xlsx" <<'EOF'; then ok; else bad "the hostile workbook"; fi
import re, sys, zipfile
import xml.etree.ElementTree as ET
import openpyxl

path = sys.argv[1]
z = zipfile.ZipFile(path)
for name in z.namelist():
    if name.endswith(".xml") or name.endswith(".rels"):
        ET.fromstring(z.read(name))  # raises if not well-formed
    assert b"<f>" not in z.read(name), f"a formula in {name}"
app = z.read("docProps/app.xml").decode()
assert "Evil &lt;U+001B&gt;[2J &lt;U+FFFF&gt; Bank" in app, app
wb = openpyxl.load_workbook(path)
assert wb["Summary"]["B3"].value == "Evil <U+001B>[2J <U+FFFF> Bank", wb["Summary"]["B3"].value
for sheet, level_col, note_col, ev_col in (("Gap register", "C", "F", "G"),
                                           ("Answers", "E", "I", "H")):
    ws = wb[sheet]
    rows = {(ws[f"A{r}"].value, ws[f"{level_col}{r}"].value): r for r in range(2, ws.max_row + 1)}
    note = ws[f"{note_col}{rows['2.1.1', 'baseline']}"].value
    assert len(note) <= 32767, len(note)
    assert note.startswith("<U+001B>[31mred<U+001B>[0m <U+FFFF> xxx"), note[:40]
    m = re.search(r"x… \[truncated: (\d+) more characters\]$", note)
    assert m, note[-60:]
    # Kept, in characters of the note: each of the three made visible was one.
    kept = len(note) - (len(m.group(0)) - 1) - 3 * 7
    assert kept + int(m.group(1)) == 15 + 39990 + 11, (kept, m.group(1))
    ev = ws[f"{ev_col}{rows['2.1.1', 'baseline']}"]
    assert ev.value == "=1+1\na<U+0001>b" and ev.data_type == "s", (ev.value, ev.data_type)
    at = ws[f"{note_col}{rows['1.1.1', 'baseline']}"]
    assert at.value == "@SUM(A1:A9)" and at.data_type == "s", (at.value, at.data_type)
print(f"{path}: every part well-formed, long note cut with its marker, no formula")
EOF
# CSV: a cell that a spreadsheet would take for a formula starts with an apostrophe.
run assess --catalogue "$src/tests/data/mini" "$out/hostile.yaml" --format csv -o "$out/hostile.csv"
if grep -qF '"'"'"'=1+1; a' "$out/hostile.csv" && grep -qF '"'"'"'@SUM(A1:A9)"' "$out/hostile.csv" &&
	grep -qF '"'"'"'-2+3; +cmd"' "$out/hostile.csv"; then
	ok
else
	bad "CSV formula cells not defused"
fi

echo "output: $pass passed, $fail failed"
[ "$fail" = 0 ]
