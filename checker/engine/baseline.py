"""Baselines: record today's violations, later report only new ones.

A violation is matched by path, rule and the text around it (not by line number), so
editing other parts of a document does not resurrect old findings.  Matching counts:
if the baseline holds two identical entries, a third identical violation is new.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from checker.engine.violation import Violation
from checker.core.errors import ConfigError

VERSION = 1


def _key(path: str, rule: str, context: str) -> tuple[str, str, str]:
    return (Path(path).as_posix(), rule, context)


def write_baseline(violations: list[Violation], file: str) -> int:
    entries = [{"path": Path(v.path).as_posix(), "rule": v.rule, "context": v.context, "line": v.line}
               for v in violations]
    data = {"version": VERSION, "violations": entries}
    tmp = f"{file}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    os.replace(tmp, file)
    return len(entries)


def load_baseline(file: str) -> Counter:
    try:
        with open(file, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{file}: no such baseline file") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{file}: not a gwlint baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("violations"), list):
        raise ConfigError(f"{file}: not a gwlint baseline (version {VERSION})")
    try:
        return Counter(_key(e["path"], e["rule"], e["context"]) for e in data["violations"])
    except (KeyError, TypeError):
        raise ConfigError(f"{file}: a baseline entry lacks path, rule or context") from None


def filter_new(violations: list[Violation], baseline: Counter) -> list[Violation]:
    remaining = Counter(baseline)
    out = []
    for v in violations:
        key = _key(v.path, v.rule, v.context)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            out.append(v)
    return out
