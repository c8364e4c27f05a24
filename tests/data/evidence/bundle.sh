# Sourced after make.sh: a report, an SSH key and its allowed-signers file, a signed bundle
# audit.tar.gz (dated SOURCE_DATE_EPOCH), unpacked into x/ with tar.
"$craf" assess answers.yaml --format json -o report.json
ssh-keygen -q -t ed25519 -N '' -C assessor -f key </dev/null >/dev/null || exit 1
echo "assessor@testbank.example $(cat key.pub)" >allowed_signers
SOURCE_DATE_EPOCH=1793491200 "$craf" bundle report.json -o audit.tar.gz --sign key || exit 1
mkdir x && tar -xzf audit.tar.gz -C x || exit 1
