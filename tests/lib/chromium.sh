# Sourced by the tests that look at craf's HTML in a real browser: finds
# Debian's Chromium (a missing one fails the test: ./test.sh installs it),
# makes $out (removed on exit), and defines chrome, which runs it headless,
# off the network and away from any user profile, its messages kept in
# $out/chromium.log; and ok / bad, which count checks into $pass and $fail.
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "FAILED: chromium is not installed (Debian package chromium; ./test.sh installs it)"
	exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAILED: $*"; fail=$((fail + 1)); }
chrome() {
	"$browser" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--disable-default-apps --hide-scrollbars --user-data-dir="$out/profile" "$@" \
		2>>"$out/chromium.log"
}
