"""Stale references: events, planning periods and future tense against the section's year."""
from __future__ import annotations

from tests.helpers import assert_violations, lint

COMBINED = (
    "市教育体育局2022年工作总结及2023年工作计划\n"
    "一、2022年工作总结\n"
    "以优异成绩迎接党的二十大胜利召开，预计2022年9月份增设学位。\n"
    "二、2023年工作计划\n"
    "以优异成绩迎接党的二十大胜利召开，新建校舍将于2022年底前完工。\n"
)


def test_event_is_checked_against_the_sections_year():
    # the summary half (2022) may look forward to the congress; the plan half (2023) may not
    assert_violations(COMBINED, "stale-event-anticipation", (5, 1))


def test_event_after_word_and_other_events():
    assert_violations("2024年工作要点\n党的二十大即将召开，喜迎杭州亚运会。", "stale-event-anticipation", (2, 1), (2, 11))
    assert_violations("2023年工作要点\n喜迎杭州亚运会，学习党的二十大精神。", "stale-event-anticipation")


def test_event_needs_a_known_year():
    assert_violations("以优异成绩迎接党的二十大胜利召开。", "stale-event-anticipation")


def test_events_table_is_extended_from_data():
    data = {"events": [{"name": "全市教育大会", "aliases": ["全市教育大会"], "start": "2023-03-01",
                        "end": "2023-03-01"}]}
    found = lint("2024年工作计划\n迎接全市教育大会召开。", "stale-event-anticipation", data=data)
    assert [(v.line, v.column) for v in found] == [(2, 1)]


def test_period_targets_in_a_later_plan_only():
    assert_violations("2022年工作要点\n全面完成“十三五”规划目标任务。", "stale-period-target", (2, 3))
    assert_violations("2022年工作总结\n全面完成“十三五”规划目标任务。", "stale-period-target")
    assert_violations("2020年工作计划\n全面完成“十三五”规划目标任务。", "stale-period-target")
    assert_violations("2022年工作要点\n巩固“十三五”成果，“十三五”期间取得的成绩。", "stale-period-target")


def test_future_tense_about_a_past_year():
    assert_violations(COMBINED, "stale-future-year", (5, 22))
    assert_violations("2023年工作计划\n力争2025年实现，将于2023年底完成，力争2022年度目标。", "stale-future-year")
