"""Units, formulas and rates of other sectors (生态环境, 交通, 卫生健康, 农业农村)."""
from __future__ import annotations

import pytest

from checker.model.document import Document
from tests.helpers import assert_violations, default_settings, lint


def _quantities(text: str):
    return Document.from_text(text, lexicon=default_settings().lexicon).quantities


@pytest.mark.parametrize("text, unit, kind, magnitude", [
    ("浓度为31.2微克/立方米。", "微克/立方米", "concentration", None),
    ("化学需氧量为15毫克/升。", "毫克/升", "concentration", None),
    ("供水3.5万立方米。", "立方米", "volume", "万"),
    ("装机12兆瓦，另有5千瓦。", "兆瓦", "power", None),
    ("发电1.2万千瓦时。", "千瓦时", "energy", "万"),
    ("在5个工作日内办结。", "个工作日", "time", None),
    ("开行1200余车次。", "车次", "count", None),
    ("新增床位500床。", "床", "count", None),
])
def test_sector_units_are_read_with_their_kind(text, unit, kind, magnitude):
    q = _quantities(text)[0]
    assert (q.unit, q.unit_kind, q.magnitude) == (unit, kind, magnitude)


def test_kilowatt_is_a_unit_not_the_magnitude_thousand():
    q = _quantities("新增5千瓦。")[0]
    assert (q.value, q.unit, q.magnitude) == (5.0, "千瓦", None)


def test_formulas_are_not_misread_digits():
    assert_violations("臭氧（O3）、二氧化氮（NO2）、SO2、CO2、NOx、PM2.5、PM10、H2O、O2含量均达标。",
                      "number-letter-for-digit")


def test_zero_letter_needs_a_digit_before_and_a_digit_or_measure_word_after():
    text = "新辟线路1O条，2O25年，抽检2O6批次，编号7O，O3。"
    found = [(v.column, v.message) for v in lint(text, "number-letter-for-digit")]
    assert [c for c, _ in found] == [5, 9, 17]


def test_allow_list_is_data():
    text = "开展3O项检测。"
    assert lint(text, "number-letter-for-digit")
    assert not lint(text, "number-letter-for-digit", data={"numbers": {"number_letter_allow": ["3O"]}})


@pytest.mark.parametrize("text, flagged", [
    ("优良天数比率较上年提高2.5%。", True),
    ("病床使用率同比下降3%。", True),
    ("比例较上年提高3%。", True),
    ("占比同比下降2%。", True),
    ("优良天数比率提升至87.5%。", False),
    ("增长率提高1%。", False),
])
def test_rate_change_of_ratio_indicators(text, flagged):
    assert bool(lint(text, "rate-change-in-percent")) is flagged


def test_ratio_indicators_may_still_pass_one_hundred_percent():
    assert not [v for v in lint("病床使用率达到105%，流动比率为130%。") if v.rule.startswith("rate-")]


def test_exact_count_of_vehicles_with_approximation():
    assert_violations("更新公交车1287余辆，新增班次1200余班次。", "number-exact-with-approx", (1, 6))
