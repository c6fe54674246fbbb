"""gb-fixed-expression's wrong forms: kept with the pattern facts, the same as worked out."""
from __future__ import annotations

from checker.checks.gb_15835 import fixed_expressions as fx
from checker.core import pattern_facts

_LISTS = [("十四五", "一带一路", "两不愁三保障", "五四运动", "三个代表"), ("一带一路",), ()]


def _worked_out(expressions):
    right: dict[str, str] = {}
    for expression in expressions:
        for form in fx.wrong_forms(expression):
            right.setdefault(form, expression)
    return right


def test_forms_in_the_same_order():
    for expressions in _LISTS:
        assert list(dict(fx._right_forms(expressions)).items()) == list(_worked_out(expressions).items())


def test_kept_answer_is_used(monkeypatch):
    expressions = ("十四五", "九二共识")
    kept = (("14五", "十四五"),)
    facts = pattern_facts._FACTS
    monkeypatch.setattr(facts, "loaded", True)
    monkeypatch.setattr(facts, "known", {("fixed-forms", expressions, 0): kept})
    monkeypatch.setattr(facts, "fresh", {})
    fx._compiled.cache_clear()
    try:
        scan, right = fx._compiled(expressions)
        assert right == {"14五": "十四五"}
        assert [m.group() for m in scan.finditer("“14五”规划与92共识")] == ["14五"]
    finally:
        fx._compiled.cache_clear()


def test_worked_out_when_not_kept(monkeypatch):
    expressions = _LISTS[0]
    facts = pattern_facts._FACTS
    monkeypatch.setattr(facts, "loaded", True)
    monkeypatch.setattr(facts, "known", {})
    monkeypatch.setattr(facts, "fresh", {"other": 1})       # no exit hook registered by the test
    fx._compiled.cache_clear()
    try:
        _, right = fx._compiled(expressions)
        assert list(right.items()) == list(_worked_out(expressions).items())
        assert facts.known[("fixed-forms", expressions, 0)] == fx._right_forms(expressions)
    finally:
        fx._compiled.cache_clear()
