#!/bin/sh
# The installed layout, the man pages, shell completion and the .deb: each
# checked the way a user would meet it. usage: run.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0
check() {
	if "$@" >"$out/log" 2>&1; then
		pass=$((pass + 1))
	else
		echo "FAILED: $*"
		head -20 "$out/log"
		fail=$((fail + 1))
	fi
}
version=$(sed -n 's/^project(craf VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")

echo "== cmake --install"
cmake --install "$build" --prefix "$out/prefix" >/dev/null
for f in bin/craf share/craf/controls/framework.yaml share/craf/controls/3-protection.yaml \
	share/man/man1/craf.1 share/man/man5/craf-answers.5 \
	share/bash-completion/completions/craf share/zsh/site-functions/_craf; do
	check test -f "$out/prefix/$f"
done
# The installed catalogue is a catalogue craf can load.
check "$out/prefix/bin/craf" catalogue list --catalogue "$out/prefix/share/craf/controls"

echo "== man pages render without warnings"
for page in man1/craf.1 man5/craf-answers.5; do
	check sh -c "groff -Tutf8 -ww -man '$out/prefix/share/man/$page' 2>&1 >/dev/null | (! grep .)"
	check sh -c "MANWIDTH=80 man -l '$out/prefix/share/man/$page' | grep -q 'craf'"
done
check grep -q "craf $version" "$out/prefix/share/man/man1/craf.1"

echo "== shell completion"
check bash -c ". /usr/share/bash-completion/bash_completion
. '$out/prefix/share/bash-completion/completions/craf'
COMP_WORDS=(craf as); COMP_CWORD=1; COMP_LINE='craf as'; COMP_POINT=7; _craf
[ \"\${COMPREPLY[*]}\" = assess ]"
check bash -c ". /usr/share/bash-completion/bash_completion
. '$out/prefix/share/bash-completion/completions/craf'
COMP_WORDS=(craf assess --format x); COMP_CWORD=3; COMP_LINE='craf assess --format x'; COMP_POINT=22; _craf
[ \"\${COMPREPLY[*]}\" = xlsx ]"
check bash -c ". /usr/share/bash-completion/bash_completion
. '$out/prefix/share/bash-completion/completions/craf'
COMP_WORDS=(craf catalogue show --wi); COMP_CWORD=3; COMP_LINE='craf catalogue show --wi'; COMP_POINT=24; _craf
[ \"\${COMPREPLY[*]}\" = --width ]"
check zsh -n "$out/prefix/share/zsh/site-functions/_craf"

echo "== .deb"
(cd "$out" && cpack --config "$build/CPackConfig.cmake" -G DEB -B "$out/deb" >/dev/null)
deb=$(ls "$out"/deb/craf_"$version"_*.deb)
check test -f "$deb"
check sh -c "dpkg-deb -f '$deb' Depends | grep -qx 'libyaml-0-2, libxlsxwriter4, libminizip1, libexpat1, libnettle8, libuuid1, libopencc1.1, libarchive13'"
check sh -c "dpkg-deb -f '$deb' Description | grep -q 'C-RAF 2.0'"
dpkg-deb -x "$deb" "$out/root"
check sh -c "'$out/root/usr/bin/craf' --version | grep -qx 'craf $version'"
status=0
"$out/root/usr/bin/craf" assess "$src/examples/answers.yaml" >"$out/report.txt" || status=$?
check test "$status" = 1
check grep -q "C-RAF 2.0 maturity-gap report" "$out/report.txt"
check test -f "$out/root/usr/share/man/man1/craf.1"

echo "package: $pass passed, $fail failed"
[ "$fail" = 0 ]
