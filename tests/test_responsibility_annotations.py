"""The annotation parser: every written shape of 牵头/责任 annotations, and what is not one."""
from __future__ import annotations

import pytest

from checker.model.annotations import annotations_of
from checker.model.document import Document
from checker.rules.loader import builtin_rules_dir, load_data

LEXICON = load_data([builtin_rules_dir()])


def parse(text: str):
    doc = Document.from_text(text, lexicon=LEXICON)
    return doc, annotations_of(doc)


def fields(text: str):
    doc, found = parse(text)
    return [[(f.role, [u.name for u in f.units]) for f in a.fields] for a in found]


def test_full_width_brackets_semicolon():
    assert fields("1.推进工作。（牵头单位：市教育局；责任单位：市财政局、各县区）") == [
        [("lead", ["市教育局"]), ("owner", ["市财政局", "各县区"])]]


def test_half_width_brackets_colon_and_full_stop_between_fields():
    assert fields("1.推进工作。(牵头处室:办公室。责任处室:财务处、审计室)") == [
        [("lead", ["办公室"]), ("owner", ["财务处", "审计室"])]]


def test_comma_between_fields_and_between_names():
    assert fields("1.推进工作。（牵头部门：市教育局，配合单位：市财政局，市人社局）") == [
        [("lead", ["市教育局"]), ("support", ["市财政局", "市人社局"])]]


def test_owner_only_and_other_labels():
    assert fields("1.推进工作。（责任部门：市教育局）") == [[("owner", ["市教育局"])]]
    assert fields("1.推进工作。（协办单位：团市委）") == [[("support", ["团市委"])]]


def test_unit_with_bracket_inside_is_not_split():
    assert fields("1.推进工作。（牵头单位：市教育局；责任单位：各县（市、区）教育局）") == [
        [("lead", ["市教育局"]), ("owner", ["各县（市、区）教育局"])]]


def test_trailing_deng_is_not_part_of_the_name():
    assert fields("1.推进工作。（牵头单位：市教育局；配合单位：市财政局等相关部门）") == [
        [("lead", ["市教育局"]), ("support", ["市财政局"])]]


def test_annotation_as_a_sentence_of_its_own():
    assert fields("推进工作，确保落实。牵头单位：市教育局；责任单位：各县区。") == [
        [("lead", ["市教育局"]), ("owner", ["各县区"])]]


def test_clause_form():
    assert fields("1.推进工作。（市教育局牵头，市财政局、市人社局配合）") == [
        [("lead", ["市教育局"]), ("support", ["市财政局", "市人社局"])]]
    assert fields("1.推进工作。（各县区按职责分工负责）") == [[("owner", ["各县区"])]]


def test_empty_field_is_kept_with_no_units():
    assert fields("1.推进工作。（牵头单位：；责任单位：市财政局）") == [
        [("lead", []), ("owner", ["市财政局"])]]


def test_person_fields_carry_no_units():
    assert fields("1.推进工作。（责任领导：张三；责任单位：办公室）") == [
        [("person", []), ("owner", ["办公室"])]]


def test_unit_spans_point_at_the_names():
    doc, found = parse("1.推进工作。（牵头处室：办公室；责任处室：财务处）")
    assert [u.span.of(doc.text) for u in found[0].units] == ["办公室", "财务处"]
    assert found[0].span.of(doc.text) == "（牵头处室：办公室；责任处室：财务处）"


@pytest.mark.parametrize("text", [
    "1.推进工作，由市教育局牵头负责落实。",                 # a unit named in the text
    "1.推进工作（含市财政局资金）。",                        # a bracket with no field
    "1.落实《加快教育强市建设实施方案》（2022年）。",
    "学校实行校长负责制（试行），确保落实。",
    "完成目标：新增学位2000个。",                           # a colon, but not a field
])
def test_not_annotations(text):
    assert fields(text) == []
