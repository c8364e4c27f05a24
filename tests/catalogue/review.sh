#!/bin/sh
# Pins the catalogue statements corrected against the source guide: each row of
# review.tsv says that a field of a principle's (or product's) JSON has, or
# lacks, a piece of text. Runs on the built-in catalogue.
# usage: review.sh CRAF SOURCE_DIR
# CRAF_RUNNER in the environment, if set, prefixes the craf command (valgrind).
set -u
if [ $# -ne 2 ]; then
	echo "usage: review.sh CRAF SOURCE_DIR" >&2
	exit 2
fi
craf=$1
table=$2/tests/catalogue/review.tsv
unset CRAF_CATALOGUE

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0

# One JSON document per principle or product the table names.
grep -v -e '^#' -e '^$' "$table" | cut -f1 | sort -u >"$tmp/ids"
while IFS= read -r id; do
	case $id in
	product:*) set -- catalogue products "${id#product:}" --format json ;;
	*) set -- catalogue show "$id" --format json ;;
	esac
	# shellcheck disable=SC2086 # CRAF_RUNNER is a command line
	${CRAF_RUNNER:-} "$craf" "$@" >"$tmp/$id.json" 2>"$tmp/stderr" </dev/null
	status=$?
	if [ "$status" != 0 ]; then
		echo "FAIL craf $*: exit status $status"
		cat "$tmp/stderr"
		failed=1
	elif [ -s "$tmp/stderr" ]; then
		echo "FAIL craf $*: wrote to stderr"
		cat "$tmp/stderr"
		failed=1
	fi
done <"$tmp/ids"
[ "$failed" = 0 ] || exit 1

/usr/bin/python3 - "$table" "$tmp" <<'PY'
import json, sys

table, docs = sys.argv[1], sys.argv[2]
checked = failed = 0
with open(table, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        ident, path, check, text = line.split("\t")
        where = f"review.tsv:{n}: {ident} {path}"
        with open(f"{docs}/{ident}.json", encoding="utf-8") as doc:
            value = json.load(doc)
        for key in path.split("."):
            if not isinstance(value, dict) or key not in value:
                print(f"FAIL {where}: no such field")
                failed += 1
                break
            value = value[key]
        else:
            if not isinstance(value, str):
                value = json.dumps(value, ensure_ascii=False)
            if check not in ("has", "lacks"):
                sys.exit(f"{where}: check must be has or lacks, not {check!r}")
            if (text in value) != (check == "has"):
                print(f"FAIL {where} {check} {text!r}:\n  {value}")
                failed += 1
        checked += 1
print(f"catalogue/review: {checked - failed} of {checked} checks passed")
sys.exit(1 if failed or not checked else 0)
PY
