"""`--format json`: exactly the schema of reports/json-contract.md."""
from __future__ import annotations

import json
from collections import Counter

from checker.engine.problems import RunError

try:
    from json.encoder import c_encode_basestring as _encode_text   # what json.dumps uses (ensure_ascii=False)
except ImportError:  # pragma: no cover - CPython always has it
    from json.encoder import py_encode_basestring as _encode_text


def build(run, violations: bool = True) -> dict:
    counts = Counter(v.severity for v in run.violations)
    return {
        "version": 1,
        "files": run.files,
        "violations": [v.to_json() for v in run.violations] if violations else [],
        "summary": {"error": counts.get("error", 0), "warning": counts.get("warning", 0), "info": counts.get("info", 0)},
        # every input that could not be checked (fully), present and empty when none
        "errors": [RunError.of(e).to_json() for e in run.errors],
    }


def render(run, stream, options) -> None:
    # one write: json.dump writes each token on its own (130,000 writes for 3,000 violations)
    report = build(run, violations=False)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if run.violations:
        # json.dumps indents in pure Python; the violations, nine tenths of a large report,
        # are written from a template instead, as json.dumps writes them (tests compare)
        empty = '\n  "violations": [],\n'
        at = text.index(empty)
        text = (text[:at] + '\n  "violations": [\n' + ",\n".join(map(_violation_text, run.violations))
                + "\n  ],\n" + text[at + len(empty):])
    stream.write(text + "\n")


_TEMPLATE = ('    {{\n      "path": {},\n      "line": {},\n      "column": {},\n      "end_line": {},\n'
             '      "end_column": {},\n      "rule": {},\n      "category": {},\n      "severity": {},\n'
             '      "message": {},\n      "excerpt": {}\n    }}')


def _violation_text(v) -> str:
    """One violation as ``json.dumps(v.to_json(), ensure_ascii=False, indent=2)`` writes
    it inside the report's list: texts through json's own (C) string encoder, whole
    numbers as json writes them."""
    e = _encode_text
    return _TEMPLATE.format(e(v.path), int(v.line), int(v.column), int(v.end_line), int(v.end_column), e(v.rule),
                            e(v.category), e(v.severity), e(v.message), e(v.excerpt))
