#!/usr/bin/env python3
"""Seeds for fuzz_report: saved reports with hostile text in every free-text field.

usage: seeds.py OUT_DIR [--each | --together] REPORT.json...

Each REPORT.json (from `craf assess ... --format json`) gives, for every kind
of free-text field, a report with the payloads put in front of every value
of that field: one report per payload after --each (the default), one with
all the payloads together after --together; and one with every payload in
every field. The same field is changed the same way wherever it is repeated (a
gap's note and its control's note), so the reports still load: the fuzzer
starts from hostile reports craf accepts and renders, not ones it refuses.
"""
import json
import os
import sys

PAYLOADS = {
    "markup": "<b>X</b><script>alert(1)</script><img src=x onerror=alert(1)> &amp; \"'",
    "escape": "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\x9b6n\x7f",
    "rlo": "\u202e",
    "isolates": "\u2066\u2067\u2068x\u2069\u200e\u200f\u061c\u202a\u202b\u202c\u202d",
    "zero-width": "\u200b\u200c\u200d\u2060\ufeff\u2028\u2029",
    "formula": "=cmd|' /C calc'!A0",
    "formula-plus": "+1+cmd|' /C calc'!A0",
    "formula-at": "@SUM(1+1)*cmd|' /C calc'!A0",
    "pipe": "| a | b |",
    "markdown": "**bold** _em_ `code` [link](javascript:alert(1)) ![i](x) # h ~~s~~ $x$ \\",
    "lines": "line\nbreak\r\n\ttab\n| x | y |\n---\n<h1>",
}

# Where free text sits in a saved report (docs/report.schema.json), as paths of
# keys; "*" is every item of a list. Ids, enumerations, dates and counts are
# checked by the loader, so they are left alone.
FIELDS = {
    "institution": [["institution"]],
    "assessor": [["assessor"]],
    "scope": [["scope"]],
    "answers-path": [["answers", "path"]],
    "framework": [["catalogue", "framework"]],
    "catalogue-version": [["catalogue", "version"]],
    "origin": [["catalogue", "origin"]],
    "domain-name": [["domains", "*", "name", "en"], ["domains", "*", "name", "zh"]],
    "component-name": [["domains", "*", "components", "*", "name", "en"],
                       ["domains", "*", "components", "*", "name", "zh"]],
    "control-name": [["controls", "*", "name", "en"], ["controls", "*", "name", "zh"]],
    "requirement": [["controls", "*", "levels", "*", "requirement", "en"],
                    ["controls", "*", "levels", "*", "requirement", "zh"],
                    ["gaps", "*", "requirement", "en"], ["gaps", "*", "requirement", "zh"]],
    "note": [["controls", "*", "levels", "*", "note"], ["gaps", "*", "note"]],
    "evidence": [["controls", "*", "levels", "*", "evidence", "*"]],
    "action": [["controls", "*", "levels", "*", "remediation", "action"],
               ["gaps", "*", "remediation", "action"]],
    "owner": [["controls", "*", "levels", "*", "remediation", "owner"],
              ["gaps", "*", "remediation", "owner"]],
    "product-abbr": [["products", "*", "abbr"]],
    "product-name": [["products", "*", "name", "en"], ["products", "*", "name", "zh"]],
    "indicator-name": [["inherent_risk", "indicators", "*", "name"]],
    "indicator-note": [["inherent_risk", "indicators", "*", "note"]],
    "indicator-category": [["inherent_risk", "indicators", "*", "category_name", "en"],
                           ["inherent_risk", "indicators", "*", "category_name", "zh"]],
    "justification": [["inherent_risk", "justification"]],
}


def inject(node, path, payload):
    """Puts payload in front of every string at path under node; returns how many."""
    if not path:
        return 0
    key, rest = path[0], path[1:]
    if key == "*":
        items = node if isinstance(node, list) else []
        return sum(inject_at(items, i, rest, payload) for i in range(len(items)))
    if isinstance(node, dict) and key in node:
        return inject_at(node, key, rest, payload)
    return 0


def inject_at(container, key, rest, payload):
    if rest:
        return inject(container[key], rest, payload)
    if isinstance(container[key], str):
        container[key] = payload + " " + container[key]
        return 1
    return 0


def write(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: seeds.py OUT_DIR [--each | --together] REPORT.json...")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    written = 0
    each = True
    n = 0
    for report in sys.argv[2:]:
        if report in ("--each", "--together"):
            each = report == "--each"
            continue
        n += 1
        with open(report, encoding="utf-8") as f:
            base = json.load(f)
        everything = json.loads(json.dumps(base))
        payloads = PAYLOADS if each else {"all": "".join(PAYLOADS.values())}
        for field, paths in FIELDS.items():
            for name, payload in payloads.items():
                doc = json.loads(json.dumps(base))
                if sum(inject(doc, p, payload) for p in paths):
                    write(os.path.join(out, f"r{n}-{field}-{name}.json"), doc)
                    written += 1
            for p in paths:
                inject(everything, p, "".join(PAYLOADS.values()))
        write(os.path.join(out, f"r{n}-everything.json"), everything)
        written += 1
    print(f"{written} hostile reports in {out}")


if __name__ == "__main__":
    main()
