"""The table of output formats: name -> module under checker.report.

A format module defines ``render(run, stream, options)`` and may set
``NEEDS_SOURCES = True`` (it shows document text) or ``BINARY = True`` (writes bytes).
"""
from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType

FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "github": "github",
    "html": "html",
    "docx": "docx_report",
}


def resolve_format(name: str, stream=None) -> str:
    """``auto``: GitHub annotations under GitHub Actions, else text."""
    if name != "auto":
        return name
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMATS:
        return "github"
    return "text"


def load_format(name: str) -> ModuleType:
    if name not in FORMATS:
        raise KeyError(f"unknown format {name!r}; valid: auto, {', '.join(sorted(FORMATS))}")
    return importlib.import_module(f"checker.report.{FORMATS[name]}")
