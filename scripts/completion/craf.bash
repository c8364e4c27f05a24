# bash completion for craf
_craf()
{
	local cur prev words cword
	_init_completion || return
	local commands="assess bundle catalogue convert diff help init report risk summary trend validate verify"
	# craf --no-pager COMMAND: the command is the next word.
	local at=1
	[[ ${words[1]} == --no-pager ]] && at=2
	local cmd=${words[at]}
	if [[ $cword -eq $at ]]; then
		if [[ $at -eq 1 ]]; then
			COMPREPLY=($(compgen -W "$commands --help --version --no-pager" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		fi
		return
	fi
	case $prev in
	--format)
		case $cmd in
		assess | report) COMPREPLY=($(compgen -W "text json html markdown csv xlsx oscal" -- "$cur")) ;;
		diff) COMPREPLY=($(compgen -W "text json markdown html" -- "$cur")) ;;
		trend) COMPREPLY=($(compgen -W "text json html" -- "$cur")) ;;
		summary) COMPREPLY=($(compgen -W "text json html markdown csv xlsx" -- "$cur")) ;;
		catalogue) COMPREPLY=($(compgen -W "text json oscal" -- "$cur")) ;;
		init | convert) COMPREPLY=($(compgen -W "yaml xlsx" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "text json" -- "$cur")) ;;
		esac
		return
		;;
	--lang) COMPREPLY=($(compgen -W "en zh zh-Hant" -- "$cur")); return ;;
	--target | --level) COMPREPLY=($(compgen -W "baseline intermediate advanced" -- "$cur")); return ;;
	--color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	--catalogue | --root) _filedir -d; return ;;
	-o | --output | --schema | --sign | --signers) _filedir; return ;;
	--key) COMPREPLY=($(compgen -W "institution institution+scope" -- "$cur")); return ;;
	--as-of | --domain | --width | --top | --evidence-max-age) return ;;
	esac
	local opts="--help"
	case $cmd in
	assess) opts="--format --output --target --as-of --evidence-max-age --lang --catalogue --color --csv-bom --no-pager --width --help" ;;
	bundle) opts="--output --root --sign --help" ;;
	verify) opts="--root --signers --help" ;;
	report) opts="--format --output --lang --color --csv-bom --no-pager --width --help" ;;
	diff) opts="--format --output --lang --catalogue --color --no-pager --width --help" ;;
	trend) opts="--format --output --lang --catalogue --no-pager --width --help" ;;
	summary) opts="--format --output --as-of --key --top --catalogue --csv-bom --no-pager --width --help" ;;
	risk) opts="--format --lang --catalogue --no-pager --width --help" ;;
	validate) opts="--quiet --catalogue --help" ;;
	init) opts="--output --force --format --schema --target --lang --catalogue --help" ;;
	convert) opts="--output --force --format --lang --catalogue --help" ;;
	catalogue)
		if [[ $cword -eq $((at + 1)) ]]; then
			COMPREPLY=($(compgen -W "list show products responsibility schema convert" -- "$cur"))
			return
		fi
		opts="--domain --force --level --format --output --lang --catalogue --no-pager --width --help"
		;;
	help)
		COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	else
		# "-" (standard input) is typed, not completed.
		case $cmd in
		report | bundle) _filedir json ;;
		verify) _filedir '@(json|gz|tgz|zip)' ;;
		diff | trend | summary) _filedir '@(yaml|yml|xlsx|json)' ;;
		*) _filedir '@(yaml|yml|xlsx)' ;;
		esac
	fi
} && complete -F _craf craf
