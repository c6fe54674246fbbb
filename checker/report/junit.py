"""`--format junit`: one test suite per checked file, one test case per violation.

Jenkins keeps only the first ``<failure>`` of a test case and GitLab merges them, so each
violation is a test case of its own, failed with one ``<failure>``; a file with no
violation is one passing test case, so clean files still show.  A file that could not
be read is a test case with an ``<error>``.  Counts reconcile: a suite's ``tests`` is its
test cases, ``failures`` its violations, ``errors`` its unreadable inputs, and the
``<testsuites>`` totals are their sums.

The document conforms to the Jenkins xUnit plugin's junit-10 schema, which GitLab reads
too: no ``file`` attribute on test cases (the suite carries it); the case's ``classname``
is ``gwlint.<category>`` and its name ``path:line:column rule``, unique in the run.
Built with ElementTree, so every attribute and text is escaped; characters XML 1.0
forbids are dropped.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


def _where(v) -> str:
    """The violation's place: a Word paragraph label when the source has one."""
    label = getattr(v, "label", None)
    return f"{v.path}:{v.line}:{v.column}" + (f" ({label})" if label else "")


def build(run) -> ET.Element:
    by_path: dict[str, list] = defaultdict(list)
    for v in run.violations:
        by_path[v.path].append(v)
    errors_by_path: dict[str, list[str]] = defaultdict(list)
    for result in run.results:
        errors_by_path[result.path].extend(result.errors)
    paths = [r.path for r in run.results]
    for path in list(by_path) + list(errors_by_path):
        if path not in paths:
            paths.append(path)
    orphan_errors = [e for e in run.errors if not any(e in errs for errs in errors_by_path.values())]

    suites = ET.Element("testsuites", name="gwlint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    seen_names: dict[str, int] = defaultdict(int)

    def suite_for(name: str, file: str | None = None) -> ET.Element:
        attrs = {"name": _clean(name)}
        if file:
            attrs["file"] = _clean(file)
        return ET.SubElement(suites, "testsuite", attrs)

    def close(suite: ET.Element, failures: int, errors: int) -> None:
        tests = len(suite.findall("testcase"))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        suite.set("skipped", "0")
        totals["tests"] += tests
        totals["failures"] += failures
        totals["errors"] += errors

    for path in paths:
        suite = suite_for(path, path)
        violations = by_path.get(path, [])
        errors = errors_by_path.get(path, [])
        for v in violations:
            name = f"{v.path}:{v.line}:{v.column} {v.rule}"
            seen_names[name] += 1
            if seen_names[name] > 1:  # two findings of one rule at one place stay two cases
                name = f"{name} #{seen_names[name]}"
            case = ET.SubElement(suite, "testcase", classname=_clean(f"gwlint.{v.category}"), name=_clean(name))
            failure = ET.SubElement(case, "failure", type=_clean(v.rule),
                                    message=_clean(f"{v.severity} {v.rule}: {v.message}"))
            failure.text = _clean(
                f"{_where(v)}-{v.end_line}:{v.end_column}\n"
                f"rule: {v.rule} ({v.category}, {v.severity})\n{v.message}\n{v.excerpt}")
        for err in errors:
            case = ET.SubElement(suite, "testcase", classname="gwlint.input", name=_clean(path))
            ET.SubElement(case, "error", type="input-error", message=_clean(err)).text = _clean(err)
        if not violations and not errors:
            ET.SubElement(suite, "testcase", classname="gwlint.file", name=_clean(path))
        close(suite, len(violations), len(errors))
    if orphan_errors:
        suite = suite_for("gwlint")
        for err in orphan_errors:
            case = ET.SubElement(suite, "testcase", classname="gwlint.input", name=_clean(err.split(":", 1)[0]))
            ET.SubElement(case, "error", type="input-error", message=_clean(err)).text = _clean(err)
        close(suite, 0, len(orphan_errors))
    for key, value in totals.items():
        suites.set(key, str(value))
    return suites


def render(run, stream, options) -> None:
    root = build(run)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
