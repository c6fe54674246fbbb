"""The responsibility rules: the item policy, its configuration, and the real seeds."""
from __future__ import annotations

from pathlib import Path

import yaml

from checker.api import check_text
from checker.config.schema import Config
from tests.helpers import assert_violations, lint

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def responsibility(text: str, config: dict | None = None) -> list[tuple[int, int, str]]:
    cfg = Config.model_validate({"disable": [], **(config or {})})
    return [(v.line, v.column, v.rule) for v in check_text(text, config=cfg) if v.category == "responsibility"]


PLAN = """2023年教育工作要点
一、推进教育优质均衡
1.扩大普惠性学前教育资源。新建公办幼儿园5所。
2.推进义务教育优质均衡发展。
3.加强特殊教育。
"""


def test_every_item_of_a_work_points_document_needs_an_owner():
    # issue 9: a plan annotating no item at all is one document-level note, not a warning
    # per item; the per-item reports are one parameter away
    assert_violations(PLAN, "responsibility-missing")
    assert_violations(PLAN, "responsibility-none-annotated", (3, 1))
    assert "3项" in lint(PLAN, "responsibility-none-annotated")[0].message
    config = {"rules": {"responsibility-missing": {"params": {"per_item_when_none_annotated": True}}}}
    assert [r for r in responsibility(PLAN, config) if r[2] == "responsibility-missing"] == [
        (3, 1, "responsibility-missing"), (4, 1, "responsibility-missing"), (5, 1, "responsibility-missing")]


def test_one_line_of_configuration_turns_the_title_policy_off():
    config = yaml.safe_load("rules: {responsibility-missing: {params: {only_when_some_annotated: true}}, "
                            "responsibility-none-annotated: {params: {only_when_some_annotated: true}}}")
    assert responsibility(PLAN, config) == []
    assert responsibility(PLAN, {"rules": {"responsibility-missing": "disable",
                                           "responsibility-none-annotated": "disable"}}) == []


def test_the_policy_can_also_come_from_data():
    config = {"data": {"model": {"responsibility": {"policy": {"only_when_some_annotated": True}}}}}
    assert responsibility(PLAN, config) == []


def test_partly_annotated_list_is_checked_even_when_the_policy_is_off():
    text = PLAN.replace("发展。\n", "发展。（牵头单位：基础教育科）\n")
    config = {"rules": {"responsibility-missing": {"params": {"only_when_some_annotated": True}}}}
    assert responsibility(text, config) == [(3, 1, "responsibility-missing"), (5, 1, "responsibility-missing")]


def test_work_plan_needs_owners_only_when_asked():
    text = PLAN.replace("工作要点", "工作计划")
    assert_violations(text, "responsibility-missing")
    config = {"rules": {"responsibility-missing": {"params": {"require_in_work_plans": True,
                                                              "per_item_when_none_annotated": True}}}}
    assert [r for r in responsibility(text, config) if r[2] == "responsibility-missing"] == [
        (3, 1, "responsibility-missing"), (4, 1, "responsibility-missing"), (5, 1, "responsibility-missing")]


def test_a_unit_named_in_the_text_is_not_an_annotation():
    text = "2023年工作要点\n1.加强校园安全，由法规安全处牵头负责。\n2.推进信息化。（牵头单位：电教馆）\n"
    assert_violations(text, "responsibility-missing", (2, 1))


def test_annotation_on_the_items_last_line():
    text = ("2023年工作要点\n1.加强校园安全。完善制度，\n落实责任。\n(牵头单位:法规安全处、各学校)\n"
            "2.推进信息化。（牵头单位：电教馆）\n")
    assert_violations(text, "responsibility-missing")


def test_summary_sections_are_never_checked():
    text = ("2022年工作总结和2023年工作要点\n一、2022年工作总结\n1.学前教育普惠发展。新建公办幼儿园5所。\n"
            "2.义务教育均衡发展。（牵头单位：基础教育科）\n二、2023年工作要点\n1.扩大学前资源。（牵头单位：学前科）\n")
    assert_violations(text, "responsibility-missing")


def test_guidance_and_safeguard_headings_are_not_tasks():
    text = ("2023年教育工作实施方案\n一、工作目标\n（一）学前三年毛入园率达到90%。\n二、重点任务\n"
            "（一）扩大学前教育资源。（牵头单位：学前教育科）\n（二）推进集团化办学。\n三、保障措施\n"
            "（一）加强组织领导。\n")
    assert_violations(text, "responsibility-missing", (6, 1))


def test_lead_missing_only_beside_annotations_with_a_lead():
    text = ("2023年工作要点\n1.培训。（牵头处室：教师处；责任处室：教科所）\n2.推普。（责任处室：语言文字工作处）\n"
            "3.专班。（责任单位：教育中心建设专班）\n")
    assert_violations(text, "responsibility-lead-missing", (3, 6))
    assert_violations(text.replace("（牵头处室：教师处；", "（"), "responsibility-lead-missing")


def test_variant_reports_the_minority_at_its_span():
    text = ("2023年工作要点\n1.甲。（牵头处室：高等教育和职业教育处）\n2.乙。（牵头处室：高等教育和职业教育处）\n"
            "3.丙。（牵头处室：教科所；责任处室：发展规划处、高等教育与职业教育处）\n")
    [v] = lint(text, "responsibility-unit-variant")
    assert (v.line, v.column) == (4, 26) and "“高等教育和职业教育处”" in v.message


def test_different_offices_are_not_variants():
    text = ("2023年工作要点\n1.甲。（牵头处室：学前教育处；责任处室：义务教育处、高中教育处、教育处）\n"
            "2.乙。（牵头处室：办公室；责任处室：勤工俭学办公室、教研室、职成教研室）\n")
    assert_violations(text, "responsibility-unit-variant")


def test_registry_is_off_by_default_and_names_the_registered_form():
    text = "2023年工作要点\n1.甲。（牵头处室：高等教育与职业教育处；责任单位：各县区教育局）\n"
    assert_violations(text, "responsibility-unit-unknown")
    config = {"data": {"model": {"responsibility": {"registry": ["高等教育和职业教育处"]}}}}
    got = [v for v in check_text(text, config=Config.model_validate(config)) if v.category == "responsibility"]
    assert [(v.line, v.column, v.rule) for v in got] == [(2, 11, "responsibility-unit-unknown")]
    assert "高等教育和职业教育处" in got[0].message


def test_empty_and_duplicate_fields():
    text = "2023年工作要点\n1.甲。（牵头单位：；责任单位：教科所、财务处、教科所）\n"
    assert_violations(text, "responsibility-empty-field", (2, 6))
    assert_violations(text, "responsibility-duplicate-unit", (2, 25))


# -- the real seeds ----------------------------------------------------------------------
def test_seed_003_lead_missing_and_variants():
    got = responsibility(seed("003"))
    assert got == [(45, 134, "responsibility-lead-missing"), (47, 126, "responsibility-lead-missing"),
                   (55, 342, "responsibility-unit-variant"), (84, 171, "responsibility-lead-missing"),
                   (88, 603, "responsibility-unit-variant")]


def test_seed_004_every_item_is_missing_its_owner():
    # issue 9: the 37 unannotated items are one document-level note at the first of them
    got = responsibility(seed("004"))
    assert got == [(9, 3, "responsibility-none-annotated")]
    note = [v for v in check_text(seed("004"), config=Config.model_validate({"disable": []}))
            if v.rule == "responsibility-none-annotated"]
    assert "37项" in note[0].message and note[0].severity == "info"
    config = {"rules": {"responsibility-missing": {"params": {"per_item_when_none_annotated": True}}}}
    per_item = [r for r in responsibility(seed("004"), config) if r[2] == "responsibility-missing"]
    assert len(per_item) == 37 and all(col == 3 for (_, col, _) in per_item)
    assert per_item[0][0] == 9 and per_item[-1][0] == 51


def test_seeds_000_to_002_report_nothing():
    for prefix in ("000", "001", "002"):
        assert responsibility(seed(prefix)) == [], prefix


def test_an_annotated_item_covers_its_sub_items():
    text = ("2023年工作要点\n1.推进学前教育。（牵头单位：学前教育科）\n（1）新建公办园5所。\n（2）扩大普惠学位。\n"
            "2.推进义务教育。（牵头单位：基础教育科）\n3.推进高中教育。\n（1）实施扩容工程。\n")
    assert_violations(text, "responsibility-missing", (6, 1))
