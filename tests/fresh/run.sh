#!/bin/sh
# First contact: README's first command, read from README itself, run in a
# clean clone of HEAD inside a bare Debian 12 root (mmdebstrap minbase), as a
# new user's machine has it. Passes when the command prints the example's gap
# report and exits 1 (gaps remain). Needs root and mmdebstrap (./test.sh
# installs it); without them it is skipped, except under CI=true.
# usage: run.sh SOURCE_DIR
set -u
src=$(cd "$1" && pwd) || exit 2
started=$(date +%s)

skip() {
	if [ "${CI:-}" = true ]; then
		echo "fresh: FAILED: $*"
		exit 1
	fi
	echo "SKIPPED: $*"
	exit 0
}
fail() {
	echo "fresh: FAILED: $*"
	exit 1
}

[ "$(id -u)" = 0 ] || skip "needs root (to make and enter a Debian root)"
command -v mmdebstrap >/dev/null 2>&1 || skip "needs mmdebstrap (apt-get install mmdebstrap)"
command -v unshare >/dev/null 2>&1 || skip "needs unshare (util-linux)"

# README's first command: the first line of its first sh block, comment dropped.
cmd=$(awk '/^```sh$/ { inside = 1; next } inside { print; exit }' "$src/README.md" |
	sed 's/[[:space:]]*#.*$//')
case $cmd in
./craf.sh\ *) ;;
*) fail "README's first command is not a ./craf.sh command: '$cmd'" ;;
esac
echo "fresh: README's first command: $cmd"

# The host's own apt sources (a root made by mmdebstrap has 0000debian.sources).
sources=
for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources \
	/etc/apt/sources.list; do
	if [ -s "$f" ]; then
		sources=$f
		break
	fi
done
[ -n "$sources" ] || skip "no apt sources on this machine to build the root from"
include=
grep -q 'https://' "$sources" && include=--include=ca-certificates

root=$(mktemp -d "${TMPDIR:-/tmp}/craf-fresh.XXXXXX") || exit 2
# The root is removed only when nothing is mounted under it any more.
cleanup() {
	if grep -qF -e " $root/" -e " $root " /proc/self/mountinfo 2>/dev/null; then
		echo "fresh: $root still has mounts; left in place"
		return
	fi
	rm -rf --one-file-system "$root"
}
trap cleanup EXIT
# dash runs no EXIT trap when a signal kills it: exit, so that it does.
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

echo "fresh: making a bare Debian 12 root in $root"
# shellcheck disable=SC2086 # $include is empty or one option
if ! mmdebstrap --quiet --variant=minbase $include bookworm "$root" "$sources" >"$root.log" 2>&1; then
	tail -n 20 "$root.log"
	rm -f "$root.log"
	fail "mmdebstrap could not make the root"
fi
rm -f "$root.log"
# --remove-destination: never write through a link the new root might have there.
cp --remove-destination /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true

# A clean clone of HEAD: what has been committed, nothing the build left.
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
	git clone -q "$src" "$root/root/craf" || fail "git clone of $src failed"
	echo "fresh: cloned $(git -C "$src" rev-parse --short HEAD)"
else
	mkdir -p "$root/root/craf" &&
		(cd "$src" && tar --exclude='./build*' -cf - .) | (cd "$root/root/craf" && tar -xf -) ||
		fail "copying $src failed"
fi

# unshare makes the new mount namespace private, which fails inside a chroot
# (there "/" is no mount point); there it may keep the propagation, but only
# where no mount is shared, so that nothing mounted here shows outside.
prop=
if ! unshare -m true 2>/dev/null; then
	if grep -q ' shared:' /proc/self/mountinfo; then
		fail "unshare cannot make a private mount namespace here"
	fi
	prop="--propagation unchanged"
fi

# in_root COMMAND: runs COMMAND in /root/craf inside the root, in a private
# mount namespace, with an empty environment as a new login would have.
in_root() {
	# shellcheck disable=SC2086 # $prop is empty or two words
	unshare -m $prop sh -c '
		r=$1 c=$2
		mount --rbind /dev "$r/dev" && mount -t proc proc "$r/proc" && mount --rbind /sys "$r/sys" &&
			exec chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 \
				PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
				sh -c "cd /root/craf && $c"' sh "$root" "$1"
}

echo "fresh: running in /root/craf: $cmd"
in_root "$cmd" >"$root/stdout" 2>"$root/stderr" </dev/null
status=$?
echo "fresh: exit status $status after $(($(date +%s) - started)) s"

ok=1
if [ "$status" != 1 ]; then
	echo "fresh: expected exit status 1 (gaps remain), got $status"
	ok=0
fi
for want in "C-RAF 2.0 maturity-gap report" "Harbour Pearl Bank" "Gaps against the target"; do
	if ! grep -qF "$want" "$root/stdout"; then
		echo "fresh: the report lacks: $want"
		ok=0
	fi
done
if [ "$ok" != 1 ]; then
	echo "--- stdout"
	head -c 3000 "$root/stdout"
	echo "--- stderr"
	tail -c 3000 "$root/stderr"
	fail "README's first command does not work on a bare Debian 12 root"
fi
head -n 12 "$root/stdout"

# Without cmocka and cJSON (test tools), a plain CMake build still builds craf and says
# once that the tests are off.
echo "fresh: a plain cmake build without the test libraries"
in_root 'cmake -S . -B build-plain && cmake --build build-plain' >"$root/plain.log" 2>&1 </dev/null
status=$?
notes=$(grep -c 'tests are off because cmocka or cJSON is missing' "$root/plain.log")
if [ "$status" != 0 ] || [ ! -x "$root/root/craf/build-plain/craf" ] || [ "$notes" != 1 ]; then
	tail -n 30 "$root/plain.log"
	fail "plain cmake build: exit $status, craf built: $([ -x "$root/root/craf/build-plain/craf" ] && echo yes || echo no), notices: $notes (expected 0, yes, 1)"
fi
echo "fresh: passed in $(($(date +%s) - started)) s"
