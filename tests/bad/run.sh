#!/bin/sh
# Runs the bad-input corpus: every case of expected.tsv, then the cases that are
# generated at run time because they must not be committed (a 100 MB file, a
# directory, /dev/null, a FIFO, an unreadable file, a 1 MB scalar).
# usage: run.sh CRAF SOURCE_DIR
# CRAF_RUNNER in the environment, if set, prefixes the craf command (valgrind).
set -u
if [ $# -ne 2 ]; then
	echo "usage: run.sh CRAF SOURCE_DIR" >&2
	exit 2
fi
craf=$1
case $craf in /*) ;; *) craf=$(pwd)/$craf ;; esac
cd "$2/tests/bad" || exit 1

tmp=$(mktemp -d) || exit 1
trap 'chmod -R u+rwX "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
# The unreadable case runs craf as nobody, which must be able to reach $tmp.
chmod 755 "$tmp"
out=$tmp/stdout
err=$tmp/stderr
tab=$(printf '\t')
passed=0
failed=0

# A hang is caught by a time limit; valgrind runs some 50 times slower.
hang_s=10
[ -n "${CRAF_RUNNER:-}" ] && hang_s=120

pass() { passed=$((passed + 1)); }
fail() {
	echo "FAIL $*"
	failed=$((failed + 1))
}

# now_ms: milliseconds since the epoch (GNU date), or seconds * 1000.
now_ms() {
	t=$(date +%s%N 2>/dev/null)
	case $t in
	*N* | '') echo $(($(date +%s) * 1000)) ;;
	*) echo $((t / 1000000)) ;;
	esac
}

# run_craf [PREFIX...] -- ARGS...: runs craf with a time limit (10 s, or 120 s under CRAF_RUNNER), stdout and
# stderr to $out and $err; sets $status (124 on timeout).
run_craf() {
	prefix=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		prefix="$prefix $1"
		shift
	done
	shift
	# shellcheck disable=SC2086 # prefix and CRAF_RUNNER are split on purpose
	env NO_COLOR= TERM=dumb LC_ALL=C.UTF-8 timeout "$hang_s" $prefix ${CRAF_RUNNER:-} "$craf" "$@" \
		>"$out" 2>"$err" </dev/null
	status=$?
}

# check NAME STATUS EXPECTED: compares the last run with the expectation.
# EXPECTED "-" means accepted: stderr must be empty.
check() {
	name=$1
	want_status=$2
	want=$3
	ok=1
	if [ "$status" = 124 ]; then
		fail "$name: timed out after $hang_s s (hang?)"
		return
	fi
	if [ "$status" -ge 128 ]; then
		fail "$name: killed by signal $((status - 128)) (crash?)"
		return
	fi
	if [ "$status" != "$want_status" ]; then
		fail "$name: exit status $status, expected $want_status; stderr: $(head -c 300 "$err" | head -n 1)"
		ok=0
	fi
	if [ "$want" = - ]; then
		if [ -s "$err" ]; then
			fail "$name: expected no error, stderr: $(head -c 300 "$err" | head -n 1)"
			ok=0
		fi
	elif ! grep -qF -- "$want" "$err"; then
		fail "$name: stderr lacks: $want; got: $(head -c 300 "$err" | head -n 1)"
		ok=0
	fi
	if [ "$want_status" = 2 ] && [ -s "$out" ]; then
		fail "$name: stdout is not empty: $(head -c 200 "$out" | head -n 1)"
		ok=0
	fi
	[ "$ok" = 1 ] && pass
}

# --- The manifest
while IFS="$tab" read -r path cmd want_status want; do
	case $path in '#'* | '') continue ;; esac
	case $cmd in
	validate | assess) run_craf -- "$cmd" "$path" ;;
	catalogue) run_craf -- catalogue list --catalogue "$path" ;;
	report) run_craf -- report "$path" ;;
	# A saved report beside a good one: each command must refuse it the same way.
	diff) run_craf -- diff report/ok-mini.json "$path" ;;
	trend) run_craf -- trend report/ok-mini.json "$path" ;;
	*)
		fail "$path: unknown command \"$cmd\" in expected.tsv"
		continue
		;;
	esac
	check "$path ($cmd)" "$want_status" "$want"
done <expected.tsv

# --- Generated at run time
head_yaml='version: 1
institution: Test Bank
assessment_date: 2026-11-01
inherent_risk: medium
answers:'

# A 100 MB answers file, and a 2 GB report (reports may be up to 1 GiB): each
# refused on its size, without being read, in under 2 s (10 s under
# CRAF_RUNNER, which is slow to start). Both are sparse files.
truncate -s 100M "$tmp/big.yaml" 2>/dev/null || head -c 104857600 /dev/zero >"$tmp/big.yaml"
truncate -s 2G "$tmp/big.json"
limit=2000
[ -n "${CRAF_RUNNER:-}" ] && limit=10000
for cmd in validate report; do
	start=$(now_ms)
	if [ "$cmd" = report ]; then
		run_craf -- report "$tmp/big.json"
		elapsed=$(($(now_ms) - start))
		check "2 GB report" 2 "$tmp/big.json:1:1: file is larger than the 1024 MiB limit"
	else
		run_craf -- validate "$tmp/big.yaml"
		elapsed=$(($(now_ms) - start))
		check "100 MB file" 2 "$tmp/big.yaml:1:1: file is larger than the 64 MiB limit"
	fi
	if [ "$elapsed" -ge "$limit" ]; then
		fail "huge file ($cmd): took ${elapsed} ms, limit ${limit} ms"
	fi
done
rm -f "$tmp/big.yaml" "$tmp/big.json"

# A directory: read as part files (docs/answers.md), here none; a report is one file.
mkdir "$tmp/dir.yaml"
run_craf -- validate "$tmp/dir.yaml"
check "directory (validate)" 2 "$tmp/dir.yaml:1:1: no answers files in this directory (*.yaml, *.yml, *.xlsx)"
run_craf -- report "$tmp/dir.yaml"
check "directory (report)" 2 "$tmp/dir.yaml:1:1: is a directory"

# /dev/null: a character device, not an empty regular file.
run_craf -- validate /dev/null
check "/dev/null (validate)" 2 "/dev/null:1:1: not a regular file (device, FIFO or socket)"

# A FIFO nobody writes to: craf must refuse it, not block opening or reading it.
if mkfifo "$tmp/fifo.yaml" 2>/dev/null; then
	run_craf -- validate "$tmp/fifo.yaml"
	check "FIFO (validate)" 2 "$tmp/fifo.yaml:1:1: not a regular file (device, FIFO or socket)"
	run_craf -- report "$tmp/fifo.yaml"
	check "FIFO (report)" 2 "$tmp/fifo.yaml:1:1: not a regular file (device, FIFO or socket)"
else
	fail "FIFO: mkfifo failed"
fi

# A file without read permission. root reads anything, so craf then runs as
# nobody, who can reach $tmp (755) but not read the file. nobody may not reach
# the checkout (under /root, say), so it runs a copy of the binary in $tmp.
printf '%s {}\n' "$head_yaml" >"$tmp/unreadable.yaml"
chmod 000 "$tmp/unreadable.yaml"
if [ "$(id -u)" = 0 ]; then
	cp "$craf" "$tmp/craf-nobody"
	chmod 755 "$tmp/craf-nobody"
	saved_craf=$craf
	craf=$tmp/craf-nobody
	# A coverage build writes its counts where nobody can: send them aside.
	mkdir -m 1777 "$tmp/gcov"
	run_craf env GCOV_PREFIX=$tmp/gcov setpriv --reuid=65534 --regid=65534 --clear-groups -- \
		validate "$tmp/unreadable.yaml"
	craf=$saved_craf
else
	run_craf -- validate "$tmp/unreadable.yaml"
fi
check "unreadable file (validate)" 2 "$tmp/unreadable.yaml:1:1: cannot open file: Permission denied"

# A 1 MB scalar: accepted as a note, and an error after it is still found at
# the right place, quickly.
big=$(head -c 1048576 /dev/zero | tr '\0' x)
{
	printf '%s\n' "$head_yaml"
	printf '  "1.2.1":\n    baseline:\n      status: partial\n      note: %s\n' "$big"
} >"$tmp/long-note.yaml"
run_craf -- validate "$tmp/long-note.yaml"
check "1 MB note (validate)" 0 -
printf '    intermediate: complete\n' >>"$tmp/long-note.yaml"
run_craf -- assess "$tmp/long-note.yaml"
check "1 MB note then an unknown status (assess)" 2 "$tmp/long-note.yaml:10:19: unknown status \"complete\""
# The same scalar as a key is longer than YAML allows a simple key (1024).
{
	printf '%s\n' "$head_yaml"
	printf '  "%s": met\n' "$big"
} >"$tmp/long-key.yaml"
run_craf -- validate "$tmp/long-key.yaml"
check "1 MB key (validate)" 2 "$tmp/long-key.yaml:6:"
unset big

echo "bad inputs: $passed passed, $failed failed"
[ "$failed" = 0 ]
