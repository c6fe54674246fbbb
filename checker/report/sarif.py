"""`--format sarif`: SARIF 2.1.0 as GitHub code scanning reads it.

One run; the driver lists every active rule (with its help text, default level and
category tag) and any rule id a result names that is not an active rule (an internal
error, say), so ``ruleIndex`` always points into the list.  Locations are
relative URIs under ``%SRCROOT%`` (the working directory) when the file is inside it.
Columns count code points (``columnKind: unicodeCodePoints``); ``endColumn`` is
exclusive, as in SARIF.  A fingerprint of path, rule and the text around the violation
on its own line lets code scanning follow a violation when lines move.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from checker.core import digests
from checker.core.version import tool_version
from checker.rules.categories import CATEGORIES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/gwlint/gwlint"
NEEDS_SOURCES = True   # fingerprints read the violation's own line
_FINGERPRINT_CONTEXT = 12
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule) -> dict:
    examples = getattr(rule, "examples", None)
    bad = list(getattr(examples, "bad", []) or [])[:3]
    good = list(getattr(examples, "good", []) or [])[:3]
    text = rule.why or rule.description
    md = [f"**{rule.description}**", "", rule.why or ""]
    clauses = list(getattr(rule, "standard", ()) or ())
    if clauses:
        text = "Standard: " + "; ".join(clauses) + "\n\n" + text
        md[1:1] = ["", "Standard: " + "; ".join(clauses)]
    if bad:
        text += "\n\nBad: " + " / ".join(bad)
        md += ["", "Bad:", *[f"- `{b}`" for b in bad]]
    if good:
        text += "\n\nGood: " + " / ".join(good)
        md += ["", "Good:", *[f"- `{g}`" for g in good]]
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.description},
        "fullDescription": {"text": rule.why or rule.description},
        "help": {"text": text, "markdown": "\n".join(md).strip()},
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "warning")},
        "properties": {"tags": [rule.category, *clauses], "category": rule.category,
                       **({"standard": clauses} if clauses else {})},
    }


def _extra_descriptor(rule_id: str, category: str, severity: str) -> dict:
    return {
        "id": rule_id,
        "name": _pascal(rule_id),
        "shortDescription": {"text": rule_id},
        "fullDescription": {"text": rule_id},
        "help": {"text": rule_id, "markdown": rule_id},
        "defaultConfiguration": {"level": LEVELS.get(severity, "warning")},
        "properties": {"tags": [category] if category in CATEGORIES else [], "category": category},
    }


def _pascal(rule_id: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in rule_id.replace("_", "-").split("-") if part)


def artifact_location(path: str, root: Path | None = None) -> dict:
    """A relative URI under %SRCROOT% for files inside ``root``, else an absolute file URI."""
    root = (root or Path.cwd()).resolve()
    if path.startswith("<"):
        return {"uri": quote(path.strip("<>"))}
    full = Path(path).resolve()
    try:
        rel = full.relative_to(root).as_posix()
        return {"uri": quote(rel), "uriBaseId": "%SRCROOT%"}
    except ValueError:
        return {"uri": full.as_uri()}


def _line_context(v, source) -> str:
    """The violation's text with a little of its own line around it (never the next line),
    so the fingerprint stays when other lines are edited or the line moves."""
    if source is None or not 0 < v.line <= len(source.line_starts):
        return v.context or v.excerpt
    line = source.line_text(v.line)
    end = v.end_column - 1 if v.end_line == v.line else len(line)
    return line[max(0, v.column - 1 - _FINGERPRINT_CONTEXT):end + _FINGERPRINT_CONTEXT]


def build(run, options) -> dict:
    root = Path.cwd().resolve()
    version = tool_version()
    descriptors: list[dict] = []
    index: dict[str, int] = {}
    for rule in options.rules:
        index[rule.id] = len(descriptors)
        descriptors.append(_rule_descriptor(rule))
    for v in run.violations:
        if v.rule not in index:
            index[v.rule] = len(descriptors)
            descriptors.append(_extra_descriptor(v.rule, v.category, v.severity))

    sources = {r.path: r.source for r in run.results if r.source is not None}
    seen: Counter = Counter()
    results = []
    for v in run.violations:
        key = f"{Path(v.path).as_posix()}\0{v.rule}\0{_line_context(v, sources.get(v.path))}"
        seen[key] += 1
        fingerprint = digests.sha256(f"{key}\0{seen[key]}".encode("utf-8")).hexdigest()[:32]
        region = {"startLine": v.line, "startColumn": v.column, "endLine": v.end_line, "endColumn": v.end_column}
        if v.excerpt:
            region["snippet"] = {"text": v.excerpt}
        results.append({
            "ruleId": v.rule,
            "ruleIndex": index[v.rule],
            "level": LEVELS.get(v.severity, "warning"),
            "message": {"text": v.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact_location(v.path, root),
                                                "region": region}}],
            "partialFingerprints": {"gwlintContextHash/v1": fingerprint},
            "properties": {"category": v.category, "severity": v.severity},
        })
    notifications = [{"level": "error", "message": {"text": err}} for err in run.errors]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "gwlint", "informationUri": INFORMATION_URI, "version": version,
                                "semanticVersion": version, "rules": descriptors}},
            # No originalUriBaseIds: %SRCROOT% is left for the consumer to resolve (GitHub
            # uses the checkout), so the same run gives the same report in any folder.
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": not run.errors, "toolExecutionNotifications": notifications}],
            "results": results,
        }],
    }


def render(run, stream, options) -> None:
    json.dump(build(run, options), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
