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


def test_figure_only_change_is_one_report_not_two():
    # Two sentences that differ only in a figure: a restated metric, not a repeated clause.
    text = ("围绕阅读推广工作，开展书香校园创建活动，全区中小学图书借阅率达到64%。\n"
            "围绕阅读推广工作，开展书香校园创建活动，全区中小学图书借阅率达到61%。\n")
    assert_violations(text, "metric-restated", (2, 33))
    assert_violations(text, "duplicate-sentence")


def test_clause_repeated_with_other_words_changed_is_still_a_duplicate():
    text = ("围绕全民阅读推广工作，以书香校园创建活动为抓手，联合各级公共图书馆和乡镇综合文化站农家书屋，全区中小学图书借阅率达到64%。\n"
            "围绕全民阅读推广工作，以书香校园创建活动为抓手，联合各级公共图书馆和乡镇综合文化站农家书屋，全区图书馆藏书增加3万册。\n")
    assert_violations(text, "duplicate-sentence", (2, 12))


def test_point_changes_of_one_indicator_from_one_base_are_compared():
    text = "高中阶段毛入学率较上年提高1.5个百分点。\n扩大优质学位供给，高中阶段毛入学率较上年提高2个百分点。\n"
    assert_violations(text, "metric-restated", (2, 23))


def test_point_changes_from_other_bases_or_directions_are_not_compared():
    text = ("高中阶段毛入学率较上年提高1.5个百分点。\n高中阶段毛入学率比全省平均高2个百分点。\n"
            "高中阶段毛入学率较上年下降2个百分点。\n")
    assert_violations(text, "metric-restated")
