#!/usr/bin/env python3
"""craf catalogue schema against real answers files, with python3-jsonschema.

Every answers file in examples/ and tests/ that craf validate accepts (on the
built-in catalogue) must pass the schema; the mistakes a schema can state must
fail it, each for the reason expected.
usage: check.py CRAF SOURCE_DIR
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """YAML as craf and the YAML language server read it: a date stays text."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

BASE = """version: 1
institution: Example Bank
assessment_date: 2026-11-01
inherent_risk: medium
answers:
"""

# name, answers (after BASE), what the first error must mention
BAD = [
    ("unknown id", '  "9.9.9": { baseline: met }\n', "9.9.9"),
    ("unknown level key", '  "1.2.1": { basline: met }\n', "basline"),
    ("level the principle lacks", '  "4.2.1": { advanced: met }\n', "advanced"),
    ("levels on a single requirement", '  "3.1.4": { baseline: met }\n', ""),
    ("unknown status", '  "1.2.1": { baseline: complete }\n', ""),
    ("compensating without note", '  "1.2.1": { baseline: { status: compensating } }\n', "note"),
    ("not-applicable without note",
     '  "1.2.1": { baseline: { status: not-applicable } }\n', "note"),
    ("bare compensating", '  "1.2.1": { baseline: compensating }\n', ""),
    ("inherited without evidence", '  "3.1.4": { status: inherited, evidence: [] }\n', ""),
    ("risk-accepted without expires",
     '  "1.2.1": { baseline: { status: risk-accepted, note: Board decision } }\n', "expires"),
    ("expires on met", '  "1.2.1": { baseline: { status: met, expires: 2027-01-01 } }\n', ""),
    ("bad date", '  "1.2.1": { baseline: { status: partial, remediation: '
     '{ action: Fix, owner: CISO, due: 2026/12/31 } } }\n', "2026/12/31"),
    ("remediation without owner", '  "1.2.1": { baseline: { status: partial, remediation: '
     '{ action: Fix, due: 2026-12-31 } } }\n', "owner"),
    ("unknown answer key", '  "1.2.1": { baseline: { status: met, notes: x } }\n', "notes"),
    ("empty principle", '  "1.2.1": {}\n', ""),
    ("number for text", '  "1.2.1": { baseline: { status: met, note: 1822 } }\n', "1822"),
    ("file evidence without a date",
     '  "1.2.1": { baseline: { status: met, evidence: [{ file: a.yaml }] } }\n', ""),
    ("file evidence with an unknown key", '  "1.2.1": { baseline: { status: met, evidence: '
     '[{ file: a.yaml, date: 2026-01-01, sha: x }] } }\n', "sha"),
]
BAD_HEADER = [
    ("no target or inherent risk", BASE.replace("inherent_risk: medium\n", "")
     + '  "1.2.1": { baseline: met }\n'),
    ("bad assessment date", BASE.replace("2026-11-01", "2026-13-01")
     + '  "1.2.1": { baseline: met }\n'),
    ("unknown top key", BASE + '  "1.2.1": { baseline: met }\nauditor: X\n'),
    ("unknown rating", BASE.replace("inherent_risk: medium", "inherent_risk: severe")
     + '  "1.2.1": { baseline: met }\n'),
    ("unknown category", BASE.replace(
        "inherent_risk: medium", "inherent_risk: { indicators: "
        "[ { category: weather, name: Typhoons, rating: low } ] }")
     + '  "1.2.1": { baseline: met }\n'),
    ("override without justification", BASE.replace(
        "inherent_risk: medium", "inherent_risk: { indicators: "
        "[ { category: technologies, name: Cloud, rating: low } ], override: { rating: high } }")
     + '  "1.2.1": { baseline: met }\n'),
    ("version 2", BASE.replace("version: 1", "version: 2") + '  "1.2.1": { baseline: met }\n'),
]
# Files of the bad corpus whose mistake a schema states.
BAD_CORPUS = ["compensating-no-note.yaml", "date-month13.yaml", "date-slashes.yaml",
              "inherited-no-evidence.yaml", "missing-institution.yaml", "no-target.yaml",
              "unknown-status.yaml", "unknown-control.yaml", "expires-on-met.yaml",
              "override-no-justification.yaml", "principle-empty-mapping.yaml",
              "int-for-text.yaml", "rating-unknown.yaml", "risk-accepted-no-expires.yaml",
              "risk-unknown-category.yaml", "target-unknown.yaml", "unknown-answer-key.yaml",
              "unknown-top-key.yaml"]


def main():
    craf, src = sys.argv[1], sys.argv[2]
    env = dict(os.environ, NO_COLOR="1")
    env.pop("CRAF_CATALOGUE", None)
    schema = json.loads(subprocess.run([craf, "catalogue", "schema"], check=True,
                                       capture_output=True, env=env).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = 0
    valid = 0

    files = sorted(set(glob.glob(f"{src}/examples/*.yaml") + glob.glob(f"{src}/tests/cli/*/*.yaml")
                       + glob.glob(f"{src}/tests/data/*.yaml")
                       + glob.glob(f"{src}/tests/bad/answers/*.yaml")))
    for path in files:
        run = subprocess.run([craf, "validate", path], capture_output=True, env=env)
        if run.returncode != 0:
            continue
        with open(path, encoding="utf-8-sig") as f:
            doc = yaml.load(f, Loader=Loader)
        errors = list(validator.iter_errors(doc))
        valid += 1
        if errors:
            failed += 1
            print(f"FAIL {path}: craf validate accepts it, the schema does not: "
                  f"{errors[0].message} at {list(errors[0].absolute_path)}")
    if valid < 5:
        failed += 1
        print(f"FAIL only {valid} valid answers files found")

    cases = [(name, BASE + body, want) for name, body, want in BAD]
    cases += [(name, text, "") for name, text in BAD_HEADER]
    with tempfile.TemporaryDirectory() as tmp:
        for name, text, want in cases:
            path = os.path.join(tmp, "a.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            # craf refuses each of them too: the schema says no more than craf.
            run = subprocess.run([craf, "validate", path], capture_output=True, env=env)
            if run.returncode != 2:
                failed += 1
                print(f"FAIL {name}: craf validate exits {run.returncode}, not 2")
            errors = list(validator.iter_errors(yaml.load(text, Loader=Loader)))
            if not errors:
                failed += 1
                print(f"FAIL {name}: the schema accepts it")
            elif want and not any(want in json.dumps(e.instance) or want in e.message
                                  or want in str(list(e.absolute_path))
                                  for e in errors + [c for e in errors for c in e.context]):
                failed += 1
                print(f"FAIL {name}: no error mentions {want!r}: {errors[0].message}")
    for name in BAD_CORPUS:
        path = f"{src}/tests/bad/answers/{name}"
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
        if validator.is_valid(doc):
            failed += 1
            print(f"FAIL {path}: the schema accepts it")
    if failed:
        sys.exit(1)
    print(f"answers-schema: {valid} valid files pass, {len(cases) + len(BAD_CORPUS)} bad ones fail")


main()
