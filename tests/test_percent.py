"""The percentage rules (rules/percent.yaml) on single lines, beyond their YAML examples."""
from __future__ import annotations

import glob

import pytest

from tests.helpers import assert_violations, lint


@pytest.mark.parametrize("text, col", [
    ("义务教育巩固率达到103%。", 10),
    ("全市学校标准化建设达标率100%以上。", 13),
    ("普惠性幼儿园覆盖率超过100%。", 10),
    ("课后服务参与率达到95%～105%。", 10),
    ("学前教育三年入园率101.5%,公办率58.78%。", 10),
])
def test_rate_above_100(text, col):
    assert_violations(text, "rate-above-100", (1, col))


@pytest.mark.parametrize("text", [
    "智慧学校覆盖率达100％。", "年度目标完成率达到120%。", "新增学位同比增长180%。",
    "教育经费增幅105%。", "中小学生体质健康优良率达到40％以上。", "群众满意度100%。",
    "入学率比上年提高120%。",   # a change, not a level: the rate-change rule's business
])
def test_rate_above_100_near_misses(text):
    assert_violations(text, "rate-above-100")


def test_decrease_above_100():
    assert_violations("学生安全事件同比下降120%。", "decrease-above-100", (1, 11))
    assert_violations("校外培训机构减少了100%以上。", "decrease-above-100", (1, 10))
    assert_violations("学生安全事件同比下降12%，新增学位同比增长180%，压减100%。", "decrease-above-100")
    assert_violations("在校生规模压减到5%以内。", "decrease-above-100")


def test_range_order():
    assert_violations("优秀率提高到50%～30%。", "percent-range-order", (1, 7))
    assert_violations("合格率提升30%～50个百分点。", "percent-range-order", (1, 6))
    assert_violations("优秀率提高到30～50%，新建2-3所学校，掌握1－2项特长。", "percent-range-order")


def test_rate_change():
    assert_violations("义务教育入学率比上年提高2%。", "rate-change-in-percent", (1, 13))
    assert_violations("普惠性幼儿园覆盖率同比下降3%。", "rate-change-in-percent", (1, 14))
    for text in ("入学率比上年提高2个百分点。", "优质资源覆盖率提升至47.30%。", "经费增长5.7%。",
                 "同期增加3.5亿元，增幅11%。", "学生安全事件同比下降12%。"):
        assert_violations(text, "rate-change-in-percent")


def test_message_names_indicator_and_value():
    (v,) = lint("义务教育入学率比上年提高2%。", "rate-change-in-percent")
    assert "义务教育入学率" in v.message and "2个百分点" in v.message


@pytest.mark.parametrize("path", sorted(glob.glob("seeds/*.txt")))
def test_seeds_have_no_percentage_errors(path):
    # The five seeds hold many correct percentages (同比增长33.33%、80%, 达100%, 压减60%,
    # 提升至47.30%, 40％以上) and, as far as we know, no wrong one.
    text = open(path, encoding="utf-8-sig").read()
    for rule in ("rate-above-100", "decrease-above-100", "percent-range-order", "rate-change-in-percent"):
        assert lint(text, rule, path=path) == [], rule
