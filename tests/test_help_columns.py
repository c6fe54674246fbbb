"""The help's width (``checker.cli.main._columns``, asked at each ``add_argument``): the
answer of its earlier form (COLUMNS, else the terminal's width, else 80), found without an
exception in the usual case (no COLUMNS, standard output not a terminal)."""
from __future__ import annotations

import os
import sys

import pytest

from checker.cli import main


def _as_before() -> int:
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


@pytest.mark.parametrize("value", [None, "", "120", " 90", "+70", "0", "-5", "abc", "8_0", "٨٠"])
def test_the_width_is_the_one_before(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", value)
    assert main._columns() == _as_before()


def test_the_usual_answer_raises_nothing(monkeypatch, tmp_path):
    monkeypatch.delenv("COLUMNS", raising=False)
    with open(tmp_path / "out", "w") as fh:             # standard output not a terminal
        monkeypatch.setattr(sys, "__stdout__", fh)
        raised = []

        def trace(frame, event, arg):
            if event == "exception" and frame.f_code is main._columns.__code__:
                raised.append(arg[0])
            return trace

        sys.settrace(trace)
        try:
            width = main._columns()
        finally:
            sys.settrace(None)
    assert width == 80 and raised == []
