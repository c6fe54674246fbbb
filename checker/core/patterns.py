"""Pydantic types for regular expressions (one, or a list) that must compile.

Rule parameters and data tables declare ``RegexList`` fields, so a bad pattern in a user's
YAML is an error at load time naming the field, not a crash in the middle of a run.
"""
from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator


def _all_compile(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    return patterns


RegexList = Annotated[list[str], AfterValidator(_all_compile)]


def _compiles(pattern: str) -> str:
    _all_compile([pattern])
    return pattern


# One regular expression that must compile.
Regex = Annotated[str, AfterValidator(_compiles)]
