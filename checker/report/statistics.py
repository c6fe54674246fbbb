"""`--statistics`: how many violations each rule found, most first (as ruff prints them).

Text: ``count  rule  category  severity`` in aligned columns, then the total; with
``--format json`` a JSON list of ``{rule, category, severity, count}``.  Input errors are
not counted here: the command prints each on standard error.
"""
from __future__ import annotations

import json
from collections import Counter

from checker.report.counts import input_counts


def rows(run) -> list[dict]:
    counts = Counter((v.rule, v.category, v.severity) for v in run.violations)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [{"rule": r, "category": c, "severity": s, "count": n} for (r, c, s), n in ordered]


def render(run, stream, fmt: str = "text") -> None:
    table = rows(run)
    if fmt == "json":
        json.dump(table, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    width = max((len(str(r["count"])) for r in table), default=1)
    rule_width = max((len(r["rule"]) for r in table), default=0)
    cat_width = max((len(r["category"]) for r in table), default=0)
    for r in table:
        stream.write(f"{r['count']:>{width}}  {r['rule']:<{rule_width}}  {r['category']:<{cat_width}}  {r['severity']}\n")
    total = sum(r["count"] for r in table)
    counted = input_counts(run)     # the text summary's counts (checker.report.counts)
    files = counted.checked
    unread = counted.not_checked
    stream.write(f"{total} problem{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''}"
                 + (f"; {unread} input{'s' if unread != 1 else ''} could not be checked" if unread else "") + "\n")
