#!/usr/bin/env python3
"""Renderers only reach their output through their format's writer (docs/security.md).

Checks every renderer source for the ways around a writer:
- reaching into a writer's private buffer (priv_bytes);
- an escaping or sanitising function called directly, instead of the writer;
- a *_rawf format (the renderer's own markup) with a string conversion, which
  could carry user text in unescaped;
- a public renderer handed a struct strbuf for its output (JSON renderers
  excepted: cJSON escapes every string it writes).
usage: writers.py SOURCE_DIR
"""
import re
import sys

RENDERERS = [
    "src/render/report_text.c", "src/render/report_html.c", "src/render/report_markdown.c",
    "src/render/report_csv.c", "src/render/diff_render.c", "src/render/trend_render.c",
    "src/render/catalogue_text.c", "src/render/risk_render.c", "src/render/answers_template.c",
    "src/render/summary_render.c", "src/render/yaml_emit.c",
]
# Called only by the writers themselves (src/render/out_*.c, src/util/term.c).
DIRECT = ["term_sanitize", "textsafe_add", "term_add_nobreak", "term_wrap_styled",
          "term_pad_cut", "term_pad", "term_wrap_hanging", "term_wrap", "escape_html",
          "escape_markdown"]
LITERAL = r'"(?:[^"\\]|\\.)*"'
RAWF = re.compile(r'\b(?:txt|html|md)_rawf\s*\(\s*[^,]+,\s*((?:' + LITERAL + r'\s*)+)')
PUBLIC = re.compile(r'^void\s+(\w+_render|catalogue_text_\w+)\s*\(\s*struct\s+strbuf\s*\*', re.M)


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def main():
    src = sys.argv[1]
    problems = []
    for name in RENDERERS:
        text = strip_comments(open(f"{src}/{name}", encoding="utf-8").read())
        for m in re.finditer(r'\bpriv_bytes\b', text):
            problems.append(f"{name}:{line_of(text, m.start())}: reaches into a writer's buffer")
        for fn in DIRECT:
            for m in re.finditer(r'\b' + fn + r'\s*\(', text):
                problems.append(f"{name}:{line_of(text, m.start())}: calls {fn} instead of "
                                "its writer")
        for m in re.finditer(r'#include\s+"escape\.h"', text):
            problems.append(f"{name}:{line_of(text, m.start())}: includes escape.h")
        for m in RAWF.finditer(text):
            fmt = "".join(re.findall(LITERAL, m.group(1)))
            if re.search(r'%[-+ #0-9.*]*(?:l|ll|z|h)?s', fmt):
                problems.append(f"{name}:{line_of(text, m.start())}: a _rawf format with %s "
                                "(user text must go through the writer's text call)")
        for m in PUBLIC.finditer(text):
            if "_json_" in m.group(1):
                continue  # JSON goes through cJSON, which escapes every string
            problems.append(f"{name}:{line_of(text, m.start())}: {m.group(1)} writes to a bare "
                            "struct strbuf, not a writer")
    # The lint must see the calls it checks, or it checks nothing.
    seen = sum(len(RAWF.findall(strip_comments(open(f"{src}/{n}", encoding="utf-8").read())))
               for n in RENDERERS)
    if seen < 20:
        problems.append(f"only {seen} _rawf calls found: is the pattern still right?")
    for p in problems:
        print(p)
    print(f"writers: {len(RENDERERS)} renderers, {seen} _rawf calls, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
