"""A finding may pick one of its rule's extra message templates and a note template."""
from __future__ import annotations

from checker.checks.finding import Finding
from checker.engine.stamp import full_message
from checker.model.span import Span
from tests.helpers import every_rule


def _rule():
    rule = next(r for r in every_rule() if r.id == "rate-above-100")
    return rule.with_changes(message="{value} is high", messages={"low": "{value} is low", "seen": "first at {line}"})


def test_the_rule_message_is_the_default():
    assert full_message(_rule(), Finding(Span(0, 1), args={"value": 3})) == "3 is high"


def test_a_finding_names_another_template_and_a_note():
    finding = Finding(Span(0, 1), args={"value": 3, "line": 7}, message="low", note="seen")
    assert full_message(_rule(), finding) == "3 is low（first at 7）"


def test_a_related_text_is_appended_as_before():
    finding = Finding(Span(0, 1), args={"value": 3}, related="elsewhere")
    assert full_message(_rule(), finding) == "3 is high（elsewhere）"


def test_a_rule_lacking_a_template_its_kind_needs_is_a_config_error():
    import pytest

    from checker.checks.registry import bind
    from checker.rules.errors import ConfigError

    rule = next(r for r in every_rule() if r.id == "rate-above-100")
    with pytest.raises(ConfigError, match="rate-above-100.*messages.*below"):
        bind(rule.with_changes(messages={}))
    with pytest.raises(ConfigError, match="unknown placeholder"):
        bind(rule.with_changes(messages={"below": "{direction}"}))


def test_a_rate_below_zero_reads_the_below_template():
    from tests.helpers import lint

    [v] = lint("学前教育普及率为-2%。", "rate-above-100")
    assert v.message.endswith("不能低于0%")


def test_the_templates_a_kind_needs_may_depend_on_the_rule_params():
    import pytest

    from checker.checks.registry import bind
    from checker.rules.errors import ConfigError

    rules = {r.id: r for r in every_rule()}
    bind(rules["responsibility-empty-field"].with_changes(messages={}))
    with pytest.raises(ConfigError, match="first_listed"):
        bind(rules["responsibility-duplicate-unit"].with_changes(messages={}))
