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


@pytest.mark.parametrize("rule_id,index,text", CASES_BAD, ids=[f"{c[0]}-bad{c[1]}" for c in CASES_BAD])
def test_bad_example_is_flagged(rule_id, index, text):
    hits = [v for v in lint(text, rule_id, data=DATA[rule_id]) if v.rule == rule_id]
    assert hits, f"{rule_id} did not flag its bad example: {text!r}"


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
