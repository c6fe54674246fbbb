"""Words live in the vocabularies and message words in the packs, not in Python.

The families listed here are clean: no string literal under their checker/checks folder
holds a Han character (docstrings and comments may; the finder is test_architecture's).
A family joins the list once its words have moved, until the whole-tree test there passes.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import lint
from tests.test_architecture import _han_literals

CHECKS = Path(__file__).resolve().parents[1] / "checker" / "checks"
CLEAN_FAMILIES = ["arithmetic", "duplicates", "enumeration", "leftovers", "metric", "numbering", "terminology", "typo"]


@pytest.mark.parametrize("family", CLEAN_FAMILIES)
def test_no_han_string_literal_in_the_family_code(family):
    found = [f"{path.name}:{line}: {text!r}" for path in sorted((CHECKS / family).rglob("*.py"))
             for line, text in _han_literals(path)]
    assert not found, "words belong in rules/<family>/vocabulary.yaml, message words in the pack:\n" + "\n".join(found)


def test_the_respectively_word_comes_from_the_vocabulary():
    text = "小学、初中、高中巩固率各自达到98%、96%。"
    assert not lint(text, "respectively-mismatch")
    found = lint(text, "respectively-mismatch", data={"enumeration": {"respectively_word": "各自"}})
    assert [(v.line, v.column, v.message) for v in found] == [(1, 12, "“各自”前列出3项，后面却有2个数值")]
