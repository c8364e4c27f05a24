#!/bin/sh
# Installs the Debian packages craf needs, only those missing.
# usage: scripts/install-deps.sh build|test
set -eu

build_pkgs="cmake gcc make pkg-config libc6-dev libyaml-dev libxlsxwriter-dev libminizip-dev libexpat1-dev libarchive-dev zlib1g-dev nettle-dev uuid-dev libopencc1.1"
# Every tool a test uses is here: a missing tool never skips a test. npm brings
# ajv (tests/oscal); mmdebstrap and git build the bare root of tests/fresh;
# less is the pager of tests/pager; openpyxl reads workbooks back and fills
# them in; LibreOffice Calc re-saves them (tests/answers) and, with poppler,
# renders them to PDF and reads the pages back (tests/report/print.sh); gcovr
# measures coverage; ssh-keygen, zip and unzip check and tamper with bundles
# with the standard tools (tests/cli/bundle-*).
test_pkgs="libcmocka-dev libcjson-dev valgrind util-linux less python3 python3-jsonschema python3-openpyxl libreoffice-calc-nogui poppler-utils chromium fonts-wqy-microhei clang libclang-rt-14-dev groff-base man-db bash-completion zsh dpkg-dev npm mmdebstrap git ca-certificates gcovr openssh-client unzip zip python3-yaml"

case "${1:-build}" in
build) want=$build_pkgs ;;
test) want="$build_pkgs $test_pkgs" ;;
*)
	echo "usage: $0 build|test" >&2
	exit 2
	;;
esac

missing=
for p in $want; do
	# A Node.js from elsewhere may bring its own npm, which Debian's would fight.
	if [ "$p" = npm ] && command -v npm >/dev/null 2>&1; then
		continue
	fi
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1; then
	sudo=sudo
else
	echo "craf: these Debian packages are missing:$missing" >&2
	echo "craf: install them as root: apt-get install$missing" >&2
	exit 2
fi
echo "craf: installing Debian packages:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2
# shellcheck disable=SC2086 # one word per package
$sudo apt-get install -y -qq --no-install-recommends $missing >&2
