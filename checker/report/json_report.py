"""`--format json`: exactly the schema of shared/categories.md."""
from __future__ import annotations

import json
from collections import Counter


def build(run) -> dict:
    counts = Counter(v.severity for v in run.violations)
    return {
        "version": 1,
        "files": run.files,
        "violations": [v.to_json() for v in run.violations],
        "summary": {"error": counts.get("error", 0), "warning": counts.get("warning", 0), "info": counts.get("info", 0)},
    }


def render(run, stream, options) -> None:
    json.dump(build(run), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
