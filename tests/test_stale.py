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
    data = {"stale": {"events": [{"name": "全市教育大会", "aliases": ["全市教育大会"], "start": "2023-03-01",
                                  "end": "2023-03-01"}]}}
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


def test_forward_words_of_their_own_and_plan_only_celebrations():
    assert_violations("2023年工作计划\n决战决胜脱贫攻坚，巩固拓展脱贫攻坚成果。", "stale-event-anticipation", (2, 1))
    assert_violations("2022年工作计划\n巩固拓展脱贫攻坚成果，全面建成小康社会后乡村振兴全面推进。",
                      "stale-event-anticipation")
    assert_violations("2022年工作计划\n隆重纪念改革开放四十周年。", "stale-event-anticipation", (2, 3))
    assert_violations("2022年工作总结\n年初纪念改革开放四十周年展览闭幕。", "stale-event-anticipation")


def test_event_cited_before_it_happened():
    assert_violations("2021年工作计划\n学习贯彻党的二十大精神。", "stale-event-anticipation", (2, 5))
    assert_violations("2021年工作计划\n精心筹备党的二十大宣传工作。", "stale-event-anticipation")
    assert_violations("2024年工作计划\n学习贯彻党的二十届三中全会精神。", "stale-event-anticipation")


def test_period_milestone_year():
    assert_violations("2022年工作要点\n2022年是“十四五”开局之年。", "stale-period-milestone", (2, 1))
    assert_violations("2020年工作计划\n2020年是“十三五”规划收官之年，是决胜全面小康的关键之年。", "stale-period-milestone")
    assert_violations("2022年工作要点\n2022年是实施“十四五”规划的关键之年，是强校工程的开局之年。",
                      "stale-period-milestone")


def test_period_targets_named_as_set():
    assert_violations("2022年工作计划\n“十三五”规划提出的目标要逐项落实。", "stale-period-target", (2, 1))
    assert_violations("2022年工作计划\n“十三五”规划提出的目标已经实现。", "stale-period-target")


def test_deadlines_in_plans():
    assert_violations("2025年工作计划\n在2024年9月底前完成验收。", "stale-future-year", (2, 1))
    assert_violations("2025年工作计划\n2024年底前全面完成改造。", "stale-future-year", (2, 1))
    assert_violations("2025年工作总结\n在2024年9月底前完成验收，2024年底前全面完成改造。", "stale-future-year")
    assert_violations("2025年工作计划\n2016年到2020年，全县新建学校9所，自2021年到2024年底已投入2亿元。",
                      "stale-future-year")


def test_horizon_in_a_plans_background_is_history():
    assert_violations("2023年工作计划\n到2020年底，全县共有中小学120所，实现了义务教育基本均衡。", "stale-future-year")
    assert_violations("2023年工作计划\n到2021年，全县中小学全部实现义务教育优质均衡。", "stale-future-year", (2, 1))


def test_event_messages_tell_an_event_over_from_one_not_yet_held():
    [over] = lint("2023年工作计划\n以优异成绩迎接党的二十大胜利召开。", "stale-event-anticipation")
    assert "党的二十大已于2022-10-16至2022-10-22举行" in over.message
    [early] = lint("2023年工作计划\n全面贯彻落实党的二十届三中全会精神。", "stale-event-anticipation")
    assert "党的二十届三中全会要到2024-07-15至2024-07-18举行" in early.message


# The family's expressions are built only for the texts that hold one of their names
# (stale.words.finditer_built, branch one14)

def test_finditer_built_builds_only_when_a_needle_is_there():
    import re

    from checker.checks.stale.words import finditer_built, finditer_lines

    made = []

    def build(pattern=r"(?:迎接)(?P<e>二十大)"):
        made.append(pattern)
        return re.compile(pattern)

    assert list(finditer_built(build, "全年工作稳步推进。\n迎接新任务。", ("二十大", "十四五"))) == []
    assert made == []
    text = "全年工作稳步推进。\n迎接二十大胜利召开，迎接二十大。"
    found = [m.span() for m in finditer_built(build, text, ("二十大",))]
    assert found == [m.span() for m in finditer_lines(build(), text, ("二十大",))] == [(10, 15), (20, 25)]
    for needles in (("",), ("二十\n大",), ()):       # gates nothing: built as before
        made.clear()
        list(finditer_built(build, "全年工作", needles))
        assert made


def test_no_stale_expression_is_built_for_a_text_naming_no_period_or_anniversary(monkeypatch):
    from checker.checks.stale import anniversary, milestone, period

    def broken(*args):
        raise RuntimeError("expression built")

    for owner, names in ((milestone, ("_compile", "_compile_goal", "_compile_news", "_compile_title")),
                         (period, ("_compile",)), (anniversary, ("_compile",))):
        for name in names:
            monkeypatch.setattr(owner, name, broken)
    for rule in ("stale-period-milestone", "stale-period-target", "stale-anniversary"):
        assert_violations("2022年工作要点\n全年工作稳步推进，各项任务全面完成。", rule)
    import pytest

    with pytest.raises(AssertionError, match="expression built"):      # a named period: built
        lint("2022年工作要点\n2022年是“十四五”开局之年。", "stale-period-milestone")
