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
    """Read and validate a baseline; every problem is one ConfigError line (exit 2),
    raised before any document is checked."""
    try:
        with open(file, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise ConfigError(f"{file}: no such baseline file") from None
    except IsADirectoryError:
        raise ConfigError(f"{file}: is a directory, not a baseline file") from None
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read the baseline: {exc.strerror}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{file}: not a gwlint baseline: not UTF-8 text (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{file}: not a gwlint baseline: invalid JSON at line {exc.lineno}, "
                          f"column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError):
        raise ConfigError(f"{file}: not a gwlint baseline: invalid JSON") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("violations"), list):
        raise ConfigError(f"{file}: not a gwlint baseline (version {VERSION})")
    keys = []
    for n, e in enumerate(data["violations"], 1):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("path", "rule", "context")):
            raise ConfigError(f"{file}: baseline entry {n} lacks path, rule or context (text)")
        keys.append(_key(e["path"], e["rule"], e["context"]))
    return Counter(keys)


def filter_new(violations: list[Violation], baseline: Counter) -> list[Violation]:
    return NewOnly(baseline)(violations)


class NewOnly:
    """The violations not recorded in a baseline, taken batch by batch (file by file in a
    streamed report): each recorded entry excuses one violation in all."""

    def __init__(self, baseline: Counter) -> None:
        self.remaining = Counter(baseline)

    def __call__(self, violations: list[Violation]) -> list[Violation]:
        out = []
        for v in violations:
            key = _key(v.path, v.rule, v.context)
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
            else:
                out.append(v)
        return out
