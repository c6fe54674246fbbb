"""`--format junit`: one test case per checked file, one ``<failure>`` per violation.

CI systems (GitLab, Jenkins, Azure) show each file as a test that passed or failed;
a file that could not be read is a test case with an ``<error>``.  Built with
ElementTree, so every attribute and text is escaped; characters XML 1.0 forbids are
dropped.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _XML_INVALID.sub("", text)


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
    suite = ET.SubElement(suites, "testsuite", name="gwlint")
    failures = errors = 0
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="gwlint", name=_clean(path), file=_clean(path))
        for v in by_path.get(path, []):
            failures += 1
            failure = ET.SubElement(case, "failure", type=v.rule,
                                    message=_clean(f"{v.line}:{v.column} {v.severity} {v.rule}: {v.message}"))
            failure.text = _clean(
                f"{v.path}:{v.line}:{v.column}-{v.end_line}:{v.end_column}\n"
                f"rule: {v.rule} ({v.category}, {v.severity})\n{v.message}\n{v.excerpt}")
        for err in errors_by_path.get(path, []):
            errors += 1
            ET.SubElement(case, "error", type="input-error", message=_clean(err)).text = _clean(err)
    for err in orphan_errors:
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="gwlint", name=_clean(err.split(":", 1)[0]))
        ET.SubElement(case, "error", type="input-error", message=_clean(err)).text = _clean(err)
    tests = len(suite)
    for element in (suites, suite):
        element.set("tests", str(tests))
        element.set("failures", str(failures))
        element.set("errors", str(errors))
    suite.set("skipped", "0")
    return suites


def render(run, stream, options) -> None:
    root = build(run)
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
