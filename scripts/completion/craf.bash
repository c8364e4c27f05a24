# bash completion for craf
_craf()
{
	local cur prev words cword
	_init_completion || return
	local commands="assess catalogue diff help init report risk trend validate"
	if [[ $cword -eq 1 ]]; then
		COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
		return
	fi
	case $prev in
	--format)
		case ${words[1]} in
		assess | report) COMPREPLY=($(compgen -W "text json html markdown csv xlsx oscal" -- "$cur")) ;;
		diff) COMPREPLY=($(compgen -W "text json markdown html" -- "$cur")) ;;
		trend) COMPREPLY=($(compgen -W "text json html" -- "$cur")) ;;
		catalogue) COMPREPLY=($(compgen -W "text json oscal" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
		esac
		return
		;;
	--lang) COMPREPLY=($(compgen -W "en zh zh-Hant" -- "$cur")); return ;;
	--target | --level) COMPREPLY=($(compgen -W "baseline intermediate advanced" -- "$cur")); return ;;
	--color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	--catalogue) _filedir -d; return ;;
	-o | --output) _filedir; return ;;
	--as-of | --domain | --width) return ;;
	esac
	local opts="--help"
	case ${words[1]} in
	assess) opts="--format --output --target --as-of --lang --catalogue --color --csv-bom --width --help" ;;
	report) opts="--format --output --lang --color --csv-bom --width --help" ;;
	diff) opts="--format --output --lang --catalogue --color --width --help" ;;
	trend) opts="--format --output --lang --catalogue --width --help" ;;
	risk) opts="--format --lang --catalogue --width --help" ;;
	validate) opts="--quiet --catalogue --help" ;;
	init) opts="--output --force --target --lang --catalogue --help" ;;
	catalogue)
		if [[ $cword -eq 2 ]]; then
			COMPREPLY=($(compgen -W "list show products responsibility" -- "$cur"))
			return
		fi
		opts="--domain --level --format --lang --catalogue --width --help"
		;;
	help)
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	else
		case ${words[1]} in
		report) _filedir json ;;
		diff | trend) _filedir '@(yaml|yml|json)' ;;
		*) _filedir '@(yaml|yml)' ;;
		esac
	fi
} && complete -F _craf craf
