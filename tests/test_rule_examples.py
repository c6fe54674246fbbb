"""Every rule's own examples are its tests: each bad one is flagged by that rule, each
good one is not, and `fixed` (when given) is what --fix makes of the bad ones."""
from __future__ import annotations

import pytest

from checker.engine.fixes import apply_fixes
from tests.helpers import every_rule, lint

RULES = every_rule()
CASES_BAD = [(r.id, i, text) for r in RULES for i, text in enumerate(r.examples.bad)]
CASES_GOOD = [(r.id, i, text) for r in RULES for i, text in enumerate(r.examples.good)]
DATA = {r.id: r.examples.data for r in RULES}
CASES_FIXED = [(r.id, i, bad, fixed) for r in RULES if r.examples.fixed
               for i, (bad, fixed) in enumerate(zip(r.examples.bad, r.examples.fixed))]


def test_there_are_rules():
    assert len(RULES) > 0


PINS = {r.id: r.examples.at for r in RULES}


def spanned(text: str, v) -> str:
    """The text a violation underlines (lines and columns are 1-based, end exclusive)."""
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[:v.line - 1]) + v.column - 1
    end = sum(len(line) + 1 for line in lines[:v.end_line - 1]) + v.end_column - 1
    return text[start:end]


@pytest.mark.parametrize("rule_id,index,text", CASES_BAD, ids=[f"{c[0]}-bad{c[1]}" for c in CASES_BAD])
def test_bad_example_is_flagged(rule_id, index, text):
    hits = [v for v in lint(text, rule_id, data=DATA[rule_id]) if v.rule == rule_id]
    assert hits, f"{rule_id} did not flag its bad example: {text!r}"
    pin = PINS[rule_id].get(index)
    if pin is not None:
        assert pin in [spanned(text, v) for v in hits], \
            f"{rule_id} flagged {[spanned(text, v) for v in hits]}, not {pin!r}"


def test_pinned_examples_are_many():
    """Most rules pin at least one bad example's span."""
    pinned = [r.id for r in RULES if r.examples.at]
    assert len(pinned) >= len(RULES) // 2, sorted(set(r.id for r in RULES) - set(pinned))


@pytest.mark.parametrize("rule_id,index,text", CASES_GOOD, ids=[f"{c[0]}-good{c[1]}" for c in CASES_GOOD])
def test_good_example_passes(rule_id, index, text):
    hits = [v for v in lint(text, rule_id, data=DATA[rule_id]) if v.rule == rule_id]
    assert not hits, f"{rule_id} flagged its good example {text!r}: {[v.message for v in hits]}"


@pytest.mark.parametrize("rule_id,index,bad,fixed", CASES_FIXED, ids=[f"{c[0]}-fix{c[1]}" for c in CASES_FIXED])
def test_fix_gives_fixed_example(rule_id, index, bad, fixed):
    violations = lint(bad, rule_id)
    out, _ = apply_fixes(bad, violations)
    assert out == fixed
    again, applied = apply_fixes(out, lint(out, rule_id))
    assert applied == 0 and again == out, "a second --fix must change nothing"


def test_a_pin_must_lie_in_its_example():
    from pydantic import ValidationError

    from checker.rules.schema import Examples

    ok = Examples.model_validate({"bad": [{"text": "巩固率达到103%。", "at": "103%"}, "下降120%。"], "good": ["x"]})
    assert ok.bad == ["巩固率达到103%。", "下降120%。"] and ok.at == {0: "103%"}
    with pytest.raises(ValidationError, match="is not in its text"):
        Examples.model_validate({"bad": [{"text": "巩固率达到103%。", "at": "104%"}], "good": ["x"]})


def test_spanned_reads_the_underlined_text():
    class V:
        line, column, end_line, end_column = 2, 3, 2, 7
    assert spanned("第一行\n巩固率达到103%", V) == "率达到1"
