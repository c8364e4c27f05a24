#!/usr/bin/python3
"""Fills the workbook of `craf init --format xlsx` as a control owner would,
with openpyxl, and writes the same answers as YAML: the twins must assess
alike. Usage: fill.py TEMPLATE.xlsx OUT.xlsx OUT.yaml"""
import datetime
import sys

import openpyxl

template, out_xlsx, out_yaml = sys.argv[1:4]
wb = openpyxl.load_workbook(template)

# What each filled row says: (id, level or None, status, evidence, note, remediation, expires)
answers = [
    ("1.2.1", "baseline", "met", ["Board minutes 2026-03-14, item 5", "Cyber strategy v3"], None, None, None),
    ("1.2.1", "intermediate", "partial", ["Roadmap draft"], "Roadmap drafted, not yet approved",
     ("Board approval of roadmap", "CISO", datetime.date(2027, 3, 31)), None),
    ("1.2.1", "advanced", "not-met", [], None, ("Plan the advanced programme", "CISO", "2027-06-30"), None),
    ("3.1.4", None, "inherited", ["Tencent Cloud SOC 2 Type II report, 2026"], None, None, None),
    ("3.1.2", "baseline", "compensating", [], "Manual review of firewall rules weekly", None, None),
    ("3.1.2", "intermediate", "risk-accepted", [], "Accepted by the Board Risk Committee",
     None, datetime.date(2027, 1, 31)),
    ("3.1.2", "advanced", "not-applicable", [], "No such systems in scope  (see scope note)", None, None),
    ("4.2.1", "baseline", "unanswered", [], None, None, None),
    ("5.3.1", "intermediate", "met", ["Runbook RB-7 \u2014 \u6e2c\u8a66"], "\u5df2\u5b8c\u6210", None, None),
]
ws = wb["Answers"]
cols = {c.value: c.column for c in ws[1]}
rows = {}
for r in range(2, ws.max_row + 1):
    rows[(ws.cell(r, cols["ID"]).value, ws.cell(r, cols["Level"]).value)] = r
for rid, level, status, evidence, note, rem, expires in answers:
    r = rows[(rid, level or "all levels")]
    ws.cell(r, cols["Status"]).value = status
    ws.cell(r, cols["Evidence"]).value = "\n".join(evidence) or None
    ws.cell(r, cols["Note"]).value = note
    if rem:
        ws.cell(r, cols["Remediation action"]).value = rem[0]
        ws.cell(r, cols["Remediation owner"]).value = rem[1]
        ws.cell(r, cols["Remediation due"]).value = rem[2]  # a real date, or text
    ws.cell(r, cols["Expires"]).value = expires

hs = wb["Assessment"]
fields = {hs.cell(r, 1).value: r for r in range(1, hs.max_row + 1)}
hs.cell(fields["Institution"], 2).value = "Harbour Pearl Bank (Hong Kong) Limited"
hs.cell(fields["Assessment date"], 2).value = datetime.datetime(2026, 11, 1)
hs.cell(fields["Assessor"], 2).value = "Head of Cyber Risk"
hs.cell(fields["Inherent risk"], 2).value = None
hs.cell(fields["Inherent risk override"], 2).value = "high"
hs.cell(fields["Override justification"], 2).value = "Board Risk Committee, 2026-06-19"

rs = wb["Inherent risk"]
rcols = {c.value: c.column for c in rs[4]}
rated = []
for r in range(5, rs.max_row + 1):
    if rs.cell(r, rcols["Indicator"]).value and len(rated) < 5:
        rating = ["high", "medium", "medium", "low", "high"][len(rated)]
        rs.cell(r, rcols["Rating"]).value = rating
        note = "Since 2025" if not rated else None
        rs.cell(r, rcols["Note"]).value = note
        rated.append((rs.cell(r, rcols["Category"]).value, rs.cell(r, rcols["Indicator"]).value,
                      rating, note))
wb.save(out_xlsx)


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def d(v):
    return v if isinstance(v, str) else v.strftime("%Y-%m-%d")


y = ["version: 1", "institution: " + q("Harbour Pearl Bank (Hong Kong) Limited"),
     "assessment_date: 2026-11-01", "assessor: " + q("Head of Cyber Risk"),
     "inherent_risk:", "  indicators:"]
for cat, name, rating, note in rated:
    y += ["    - category: " + cat, "      name: " + q(name), "      rating: " + rating]
    if note:
        y.append("      note: " + q(note))
y += ["  override:", "    rating: high", "    justification: " + q("Board Risk Committee, 2026-06-19"),
      "answers:"]
for rid, level, status, evidence, note, rem, expires in answers:
    y.append("  %s:" % q(rid + ("/" + level if level else "")))
y = y[: y.index("answers:") + 1]
by_id = {}
for a in answers:
    by_id.setdefault(a[0], []).append(a)
for rid, items in by_id.items():
    y.append("  %s:" % q(rid))
    for _, level, status, evidence, note, rem, expires in items:
        ind = "    " if level is None else "      "
        if level:
            y.append("    %s:" % level)
        y.append(ind + "status: " + status)
        if evidence:
            y.append(ind + "evidence: [" + ", ".join(q(e) for e in evidence) + "]")
        if note:
            y.append(ind + "note: " + q(note))
        if rem:
            y.append(ind + "remediation: {action: %s, owner: %s, due: %s}" % (q(rem[0]), q(rem[1]), d(rem[2])))
        if expires:
            y.append(ind + "expires: " + d(expires))
with open(out_yaml, "w", encoding="utf-8") as f:
    f.write("\n".join(y) + "\n")
