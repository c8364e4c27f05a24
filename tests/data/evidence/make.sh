# Sourced by the evidence cases' setup: an answers file citing two evidence files, one two years
# old, in a fresh directory ($case_tmp) that the case's teardown removes.
case_tmp=$(mktemp -d)
mkdir -p "$case_tmp/docs"
printf 'Information security policy v5.2\n' >"$case_tmp/docs/policy.txt"
printf 'Penetration test report 2024\n' >"$case_tmp/docs/pentest.txt"
cat >"$case_tmp/answers.yaml" <<'YAML'
version: 1
institution: Test Bank
assessment_date: 2026-11-01
target: baseline
answers:
  "1.2.1":
    baseline:
      status: met
      evidence:
        - "Board minute 2025/01-07"
        - { file: docs/policy.txt, date: 2026-03-14, title: Information security policy }
        - { file: docs/pentest.txt, date: 2024-10-01 }
YAML
cd "$case_tmp" || exit 1
