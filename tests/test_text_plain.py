"""The text report writes plain lines itself when it prints without colour: the bytes are
those rich writes for the same line (rich expands tabs, drops some control characters and
trims past its width; such lines still go through rich).  No timing."""
from __future__ import annotations

import io

import pytest
from rich.text import Text

from checker.report.options import ReportOptions
from checker.report.text import _console, _Writer

LINES = [
    "plain ascii line", "全角，中文。“引号”与（括号）", "", "   leading and trailing   ",
    "a\ttab inside", "bell\x07 and backspace\x08", "carriage\r return", "form\x0cfeed and vt\x0b",
    "x" * 12_000, "中" * 6_000, "emoji :smile: and [bold]markup[/bold]", "zero\u200bwidth\u3000space",
]


@pytest.mark.parametrize("text", LINES)
def test_a_plain_line_is_written_as_rich_writes_it(text):
    options = ReportOptions(color=False, output_path=None, rules=())
    direct, through_rich = io.StringIO(), io.StringIO()
    _Writer(direct, options).line(text, lambda: Text(text))
    _console(through_rich, options).print(Text(text))
    assert direct.getvalue() == through_rich.getvalue()


@pytest.mark.parametrize("style", ["bold", "dim", "yellow", "green"])
def test_a_styled_summary_line_without_colour_is_written_as_rich_writes_it(style):
    """The summary's styled lines (and the blank line before them) go the same way, so a
    run printed without colour imports no rich."""
    from checker.report.text import _summary_line

    options = ReportOptions(color=False, output_path=None, rules=())
    text = "12 problems in 1 file (2 errors, 7 warnings, 3 info)"
    direct, through_rich = io.StringIO(), io.StringIO()
    writer = _Writer(direct, options)
    writer.blank()
    _summary_line(writer, text, style)
    console = _console(through_rich, options)
    console.print()
    console.print(Text(text, style=style))
    assert direct.getvalue() == through_rich.getvalue()
    assert writer._console is None
