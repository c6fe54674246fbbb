"""`--format github`: GitHub Actions workflow commands, one annotation per violation.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``; info becomes
``notice``.  Property values escape ``%``, CR, LF, ``:`` and ``,``; the message escapes
``%``, CR and LF, as the runner expects.  Input errors become annotations without a file.
"""
from __future__ import annotations

from pathlib import Path

from checker.report.counts import input_counts

STREAMS = True     # render() reads the violations once, in order (a spooled run's too)
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(v) -> str:
    props = [
        ("file", Path(v.path).as_posix()),
        ("line", str(v.line)), ("col", str(v.column)),
        ("endLine", str(v.end_line)), ("endColumn", str(v.end_column)),
        ("title", f"gwlint {v.rule} ({v.category})"),
    ]
    joined = ",".join(f"{k}={escape_property(val)}" for k, val in props)
    return f"::{COMMANDS.get(v.severity, 'warning')} {joined}::{escape_data(v.message)}"


def render(run, stream, options) -> None:
    for v in run.violations:
        stream.write(annotation(v) + "\n")
    for err in run.errors:
        stream.write(f"::error title={escape_property('gwlint')}::{escape_data(err)}\n")
    n = len(run.violations)
    counted = input_counts(run)     # the text summary's counts (checker.report.counts)
    unread = f"; {counted.not_checked} input(s) could not be checked" if counted.not_checked else ""
    stream.write(f"gwlint: {n} problem(s) in {counted.checked} file(s){unread}\n")
