"""The structure parser: title, kind, year, sections, numbered blocks and inline enums."""
from checker.model.document import Document
from checker.model.markers import marker_at


def structure(text: str):
    doc = Document.from_text(text)
    return doc, doc.structure


def test_combined_title_split_over_two_lines_and_sections():
    doc, st = structure(
        "\n2023年教体局上半年工作总结与\n下半年工作计划\n\n上半年，我局做了很多工作。\n"
        "一、上半年工作开展情况\n（一）抓党建\n正文。\n（二）抓教学\n正文。\n"
        "二、下半年工作计划\n（一）加强领导\n正文。\n")
    assert st.title == "2023年教体局上半年工作总结与下半年工作计划"
    assert st.title_span.of(doc.text) == "2023年教体局上半年工作总结与\n下半年工作计划"
    assert (st.kind, st.year) == ("summary", 2023)
    assert [(s.kind, s.year) for s in st.sections] == [("summary", 2023), ("plan", 2023)]
    # sections cover every offset, the preamble belongs to the first one
    assert st.sections[0].span.start == 0 and st.sections[-1].span.end == len(doc.text)
    assert st.sections[0].span.end == st.sections[1].span.start
    assert doc.kind_at(doc.text.index("上半年，我局")) == "summary"
    assert doc.kind_at(doc.text.index("加强领导")) == "plan"


def test_combined_title_with_two_years():
    doc, st = structure("市局2022年工作总结及2023年工作计划\n\n一、2022年工作总结\n1.甲。\n二、明年工作计划\n1.乙。\n")
    assert (st.kind, st.year) == ("summary", 2022)
    assert [(s.kind, s.year) for s in st.sections] == [("summary", 2022), ("plan", 2023)]


def test_plan_title_after_web_leftovers():
    doc, st = structure("您当前所在的位置是:首页 > 政务公开\n\n2022年教育工作要点\n\n"
                        "发布日期:2022-05-18 18:32 浏览量:\n  2022年,全区教育系统稳步推进。\n一、抓党建\n1.学习。\n")
    assert st.title == "2022年教育工作要点"
    assert (st.kind, st.year) == ("plan", 2022)
    assert len(st.sections) == 1 and st.sections[0].kind == "plan"


def test_body_first_line_is_no_title_and_year_comes_from_body():
    doc, st = structure("在市委领导下，2021年我局工作取得新进展。\n一、成绩\n")
    assert (st.title, st.title_span, st.kind, st.year) == ("", None, "none", 2021)


def test_last_kind_word_decides_without_joiner():
    _, st = structure("关于2023年工作计划执行情况的报告\n正文。\n")
    assert st.kind == "summary"


def test_levels_follow_nesting_order_not_first_appearance():
    doc, st = structure("某局2022年工作要点\n一、总体\n1.甲。\n二、重点\n（一）质量\n2.乙。\n3.丙。\n（二）公平\n4.丁。\n")
    levels = {b.marker.text: b.level for b in st.iter_blocks()}
    assert levels["一、"] == 1 and levels["（一）"] == 2 and levels["1."] == 3
    two = st.blocks[1]
    assert [c.marker.text for c in two.children] == ["（一）", "（二）"]
    assert [c.marker.ordinal for c in two.children[0].children] == [2, 3]
    assert two.children[0].children[0].parent is two.children[0]
    assert st.blocks[0].children[0].marker.ordinal == 1


def test_block_span_head_title_and_paragraphs():
    doc, st = structure("某局工作总结\n一、抓党建。强化学习\n正文一。\n（一）细项\n正文二。\n二、抓教学\n正文三。\n")
    first = st.blocks[0]
    assert first.title == "抓党建"
    assert first.head.of(doc.text) == "一、抓党建。强化学习"
    assert first.span.of(doc.text) == "一、抓党建。强化学习\n正文一。\n（一）细项\n正文二。"
    assert first.paragraphs == [1, 2, 3, 4]
    assert first.children[0].span.of(doc.text) == "（一）细项\n正文二。"
    assert st.blocks[1].span.of(doc.text) == "二、抓教学\n正文三。"


def test_marker_styles_and_widths():
    cases = {"一、": ("cn-dun", 1, "full"), "（十二）": ("cn-paren", 12, "full"), "(三)": ("cn-paren", 3, "half"),
             "1.": ("ar-dot", 1, "half"), "２．": ("ar-dot", 2, "full"), "12、": ("ar-dun", 12, "full"),
             "(4)": ("ar-paren", 4, "half"), "（5）": ("ar-paren", 5, "full"), "③": ("circled", 3, "full")}
    for text, expected in cases.items():
        m = marker_at(text + "加强管理", 0)
        assert (m.style, m.ordinal, m.width, m.text) == (*expected, text)


def test_false_markers():
    for text in ["2022年，全市", "1.2万名教师", "2.0版本", "3·23活动", "5G+教育", "12月份前完成",
                 "4次召开会议", "3、4月份开展", "一、二年级不布置作业", "2022.5.1启用", "十四五期间"]:
        assert marker_at(text, 0) is None, text
    doc, st = structure("某局工作总结\n1.2万名教师参加培训。\n2022年，全市完成任务。\n")
    assert st.blocks == []


def test_mixed_arabic_styles_share_a_level_unless_nested():
    _, st = structure("某局工作要点\n一、甲\n1.子\n2、子\n3.子\n")
    assert {b.level for b in st.blocks[0].children} == {2}
    _, st = structure("某局工作要点\n一、甲\n1.子\n1、孙\n2、孙\n2.子\n")
    one = st.blocks[0].children[0]
    assert [c.marker.text for c in one.children] == ["1、", "2、"]


def test_inline_enums_at_clause_starts_only():
    doc, st = structure("某局工作总结\n1.抓党建。一是强化学习；二是唯一是标准，三是加强监督。\n坚持一是一、二是二。\n")
    assert len(st.inline_enums) == 1
    enum = st.inline_enums[0]
    assert [m.text for m in enum.markers] == ["一是", "二是", "三是"]
    assert [m.ordinal for m in enum.markers] == [1, 2, 3]
    assert all(m.style == "cn-shi" for m in enum.markers)
    assert enum.markers[1].span.of(doc.text) == "二是"


def test_di_enumerators_need_two():
    _, st = structure("某局工作总结\n我们坚持：第一，抓学习；第二，抓落实。\n这是第一，不是唯一。\n")
    assert [[m.text for m in e.markers] for e in st.inline_enums] == [["第一，", "第二，"]]


def test_unnumbered_section_lines_and_a_leading_section_of_the_title_kind():
    doc, st = structure("某局2022年工作总结\n一、主要成绩\n1.甲。\n二、存在问题\n正文。\n2023年工作打算\n一、加强党建\n1.乙。\n")
    assert [(s.kind, s.year) for s in st.sections] == [("summary", 2022), ("plan", 2023)]
    assert doc.kind_at(doc.text.index("乙")) == "plan"
    assert doc.kind_at(doc.text.index("甲")) == "summary"
    # the restart of 一、 in the plan section is not a numbering break
    from tests.helpers import assert_violations
    assert_violations(doc.text, "numbering-sequence")


def test_plan_heading_in_a_summary_document():
    doc, st = structure("某局2022年工作总结\n一、主要做法\n二、存在问题\n三、下一步工作打算\n（一）乙\n")
    assert [(s.kind, s.span.start) for s in st.sections] == [("summary", 0), ("plan", doc.text.index("三、"))]
    assert st.sections[1].year == 2022
