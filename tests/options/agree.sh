#!/bin/sh
# For craf and each command, the options 'craf help' lists (made from the
# option tables) must be the ones docs/man/craf.1 documents under OPTIONS
# (.SS COMMAND) and the ones the bash and zsh completion offer. Names the
# option and the place on any disagreement.
# usage: agree.sh CRAF SOURCE_DIR
set -u
craf=$1
src=$2
man=$src/docs/man/craf.1
bashcomp=$src/scripts/completion/craf.bash
zshcomp=$src/scripts/completion/_craf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

bad() {
	echo "options/agree: $*"
	fail=1
}

# Reads text, prints its option names one a line, sorted: -x and --long.
names() {
	tr -c 'a-zA-Z0-9-' '\n' | grep -E '^(-[a-zA-Z0-9]|--[a-z0-9][a-z0-9-]*)$' | sort -u
}

# The options 'craf help [COMMAND]' lists: the label of each line under "Options:".
help_options() {
	"$craf" help ${1:+"$1"} | awk '
		/^Options:/ { on = 1; next }
		on && /^$/ { exit }
		on && /^  -/ { sub(/^  /, ""); sub(/  .*/, ""); print }' | names
}

# The options docs/man/craf.1 gives under .SH OPTIONS, .SS NAME: the tags of .TP items.
man_options() {
	awk -v want="$1" '
		/^\.SH / { in_options = ($0 == ".SH OPTIONS"); next }
		!in_options { next }
		/^\.SS / { name = $2; gsub(/"/, "", name); next }
		name != want { next }
		/^\.T[PQ]/ { tag = 1; next }
		tag { gsub(/\\-/, "-"); gsub(/\\f[BIRP]/, " "); print; tag = 0 }' "$man" | names
}

# What the bash completion offers after "craf [COMMAND [ACTION]] -".
bash_options() {
	words=$*
	bash -c '
		. /usr/share/bash-completion/bash_completion
		. "$1"
		shift
		COMP_WORDS=("$@" -)
		COMP_CWORD=$#
		COMP_LINE="${COMP_WORDS[*]}"
		COMP_POINT=${#COMP_LINE}
		_craf
		printf "%s\n" "${COMPREPLY[@]}"' sh "$bashcomp" craf $words | names
}

# What the zsh completion hands _arguments after "craf [COMMAND [ACTION]]".
zsh_options() {
	words=$*
	zsh -f -c '
		_arguments() { print -rl -- "$@"; }
		_describe() { :; }
		_craf() { source "$1"; }
		comp=$1
		shift
		words=(craf "$@" "")
		CURRENT=${#words}
		_craf "$comp"' sh "$zshcomp" $words |
		sed -e 's/^([^)]*)//' | grep '^-' | sed -e 's/[+=:[].*//' | names
}

# compare WHAT EXPECTED GOT PLACE: each option in one list and not the other.
compare() {
	comm -23 "$2" "$3" | while read -r o; do
		echo "options/agree: $1: $o is in 'craf help${1#craf}' but not in $4"
	done
	comm -13 "$2" "$3" | while read -r o; do
		echo "options/agree: $1: $o is in $4 but not in 'craf help${1#craf}'"
	done
}

if [ ! -f /usr/share/bash-completion/bash_completion ] || ! command -v zsh >/dev/null; then
	echo "options/agree: needs bash-completion and zsh (scripts/install-deps.sh installs them)"
	exit 1
fi

commands=$("$craf" help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }' |
	grep -vx help)
[ -n "$commands" ] || bad "'craf help' lists no commands"

# Every command has its section in the man page and is offered by both completions.
for c in $commands; do
	grep -qx "\.SS $c" "$man" || bad "$c: no '.SS $c' under OPTIONS in docs/man/craf.1"
done
bash -c '. /usr/share/bash-completion/bash_completion; . "$1"
	COMP_WORDS=(craf ""); COMP_CWORD=1; COMP_LINE="craf "; COMP_POINT=5; _craf
	printf "%s\n" "${COMPREPLY[@]}"' sh "$bashcomp" | grep -v '^-' | sort >"$tmp/bash-commands"
zsh -f -c '_describe() { print -rl -- "${(@P)${@[-1]}}"; }; _arguments() { :; }
	_craf() { source "$1"; }; words=(craf ""); CURRENT=2; _craf "$1"' sh "$zshcomp" |
	sed 's/:.*//' | sort >"$tmp/zsh-commands"
{ echo "$commands"; echo help; } | sort >"$tmp/commands"
for place in bash zsh; do
	comm -23 "$tmp/commands" "$tmp/$place-commands" | while read -r c; do
		echo "options/agree: command $c is not offered by the $place completion"
	done
	comm -13 "$tmp/commands" "$tmp/$place-commands" | while read -r c; do
		echo "options/agree: the $place completion offers $c, which 'craf help' does not list"
	done
done >"$tmp/report"

# craf itself (options before the command), then each command.
for c in craf $commands; do
	arg=
	[ "$c" = craf ] || arg=$c
	help_options "$arg" >"$tmp/help"
	[ -s "$tmp/help" ] || bad "$c: 'craf help $arg' lists no options"
	# A command's table, and so its help, is sorted by long name.
	if [ "$c" != craf ]; then
		"$craf" help "$c" | awk '/^Options:/ { on = 1; next } on && /^$/ { exit }
			on && /^  -/ { sub(/^  (-., )?--/, ""); sub(/[ =].*/, ""); print }' >"$tmp/order"
		LC_ALL=C sort -c "$tmp/order" 2>/dev/null ||
			echo "options/agree: craf $c: the options are not sorted by long name:" $(cat "$tmp/order")
	fi
	man_options "$c" >"$tmp/man"
	compare "craf${arg:+ $arg}" "$tmp/help" "$tmp/man" "docs/man/craf.1 (OPTIONS, .SS $c)"
	# Bash completes long options; zsh both forms.
	[ "$c" = catalogue ] && arg="catalogue list"
	grep -- '^--' "$tmp/help" >"$tmp/help-long"
	bash_options $arg >"$tmp/bash"
	compare "craf${arg:+ $c}" "$tmp/help-long" "$tmp/bash" "scripts/completion/craf.bash"
	zsh_options $arg >"$tmp/zsh"
	compare "craf${arg:+ $c}" "$tmp/help" "$tmp/zsh" "scripts/completion/_craf"
done >>"$tmp/report"

if [ -s "$tmp/report" ]; then
	cat "$tmp/report"
	fail=1
fi
[ "$fail" = 0 ] && echo "options/agree: help, man page and completion agree for craf and" $commands
exit $fail
