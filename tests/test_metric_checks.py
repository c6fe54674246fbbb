"""Unit tests of the metric-conflict rule."""
from tests.helpers import assert_violations


def test_second_statement_is_reported():
    text = "义务教育标准化学校覆盖率达到20%。\n标准化学校覆盖率达到25%。\n"
    assert_violations(text, "metric-restated", (2, 11))


def test_ambiguous_short_indicator_is_left_alone():
    text = "普惠性幼儿园覆盖率达到87%。\n标准化学校覆盖率达到20%。\n覆盖率达到25%。\n"
    assert_violations(text, "metric-restated")


def test_different_deadlines_are_different_contexts():
    text = "到2023年，学前三年毛入园率达到90%。\n到2025年，学前三年毛入园率达到95%。\n"
    assert_violations(text, "metric-restated")


def test_same_value_restated_is_fine():
    text = "省级示范性高中达到30所。\n新创建2所，省级示范性高中达到30所。\n"
    assert_violations(text, "metric-restated")
