#!/bin/sh
# Installs the JSON Schema validator the OSCAL test uses (ajv-cli 5 with
# ajv-formats 2, from npm) into DIR/node_modules, unless it is there already.
# usage: install-ajv.sh DIR
set -eu
tools=$1
if [ -x "$tools/node_modules/.bin/ajv" ] && [ -d "$tools/node_modules/ajv-formats" ]; then
	exit 0
fi
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
	echo "install-ajv: npm and node are missing (scripts/install-deps.sh test installs them)" >&2
	exit 1
fi
mkdir -p "$tools"
if ! timeout 600 npm install --prefix "$tools" --no-audit --no-fund --loglevel=error \
	ajv-cli@5 ajv-formats@2 >"$tools/npm-install.log" 2>&1; then
	tail -5 "$tools/npm-install.log" >&2
	echo "install-ajv: npm could not install ajv-cli@5 and ajv-formats@2 into $tools" >&2
	exit 1
fi
