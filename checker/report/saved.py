"""Read a saved result back into a run, so that any formatter can render it.

Two shapes are read:

* ``json-lines``: the output folder of `gwlint spark` (``summary.json`` plus the folder of
  JSON-lines parts it names, one violation object of the JSON contract a line);
* ``json``: a `gwlint check --format json` report.

Formats that show document text (html, text, sarif) get each document re-read from its
path, resolved against ``root`` when relative; a document that is not there is shown
without its text, as the formatters already do for an unreadable input.
"""
from __future__ import annotations

import json
from pathlib import Path

from checker.engine.lint import FileResult
from checker.engine.runner import RunResult
from checker.engine.violation import SEVERITIES, Violation
from checker.core.errors import ConfigError
from checker.sources.errors import InputError
from checker.sources.read import read_path

FIELDS = ("path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
          "message", "excerpt")


def load_run(location: str, shape: str = "json-lines", *, root: str | None = None,
             with_sources: bool = False) -> RunResult:
    if shape == "json-lines":
        files, objects, errors = _json_lines(Path(location))
    elif shape == "json":
        files, objects, errors = _json_report(Path(location))
    else:
        raise ConfigError(f"--from {shape}: unknown; valid: json-lines, json")
    run = RunResult(files=files, violations=[v for v, _ in objects], errors=errors)
    run.sort()
    base = Path(root) if root else Path.cwd()
    paths = list(dict.fromkeys(v.path for v in run.violations))
    for path in paths:
        source = None
        if with_sources:
            candidate = Path(path) if Path(path).is_absolute() else base / path
            try:
                source = read_path(str(candidate))
                source.path = path
            except InputError:
                source = None
        run.results.append(FileResult(path, source=source))
    return run


def violation_from(obj, where: str) -> Violation:
    if not isinstance(obj, dict) or set(obj) != set(FIELDS):
        raise ConfigError(f"{where}: not a violation of the JSON contract (fields {', '.join(FIELDS)})")
    if obj["severity"] not in SEVERITIES:
        raise ConfigError(f"{where}: unknown severity {obj['severity']!r}")
    try:
        values = [int(obj[f]) if f in ("line", "column", "end_line", "end_column") else str(obj[f])
                  for f in FIELDS]
    except (TypeError, ValueError):
        raise ConfigError(f"{where}: a position is not a number") from None
    return Violation(*values)


def _load_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read as JSON: {exc}") from None


def _errors(data, where: Path) -> list[str]:
    out = []
    for e in data.get("errors", []) or []:
        if not isinstance(e, dict) or "message" not in e:
            raise ConfigError(f"{where}: an entry of 'errors' lacks its message")
        out.append(f"{e['path']}: {e['message']}" if e.get("path") else str(e["message"]))
    return out


def _json_lines(folder: Path):
    summary_file = folder / "summary.json" if folder.is_dir() else folder
    summary = _load_json(summary_file)
    if not isinstance(summary, dict) or summary.get("version") != 1 or "parts" not in summary:
        raise ConfigError(f"{summary_file}: not the summary of a gwlint spark output (version 1)")
    parts_dir = summary_file.parent / summary["parts"]
    if not parts_dir.is_dir():
        raise ConfigError(f"{parts_dir}: the JSON-lines parts named by {summary_file} are missing")
    objects = []
    for part in sorted(p for p in parts_dir.iterdir() if p.name.startswith("part-")):
        with part.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if line.strip():
                    where = f"{part}:{number}"
                    try:
                        obj = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ConfigError(f"{where}: not JSON: {exc}") from None
                    objects.append((violation_from(obj, where), where))
    expected = sum(summary.get("summary", {}).values())
    if expected != len(objects):
        raise ConfigError(f"{parts_dir}: {len(objects)} violations, but {summary_file} counts {expected}")
    return int(summary.get("files", 0)), objects, _errors(summary, summary_file)


def _json_report(path: Path):
    data = _load_json(path)
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("violations"), list):
        raise ConfigError(f"{path}: not a gwlint JSON report (version 1)")
    objects = [(violation_from(obj, f"{path}: violation {i}"), "") for i, obj in enumerate(data["violations"], 1)]
    return int(data.get("files", 0)), objects, _errors(data, path)
