"""Punctuation and number-form rules: positions, grouping, fixes and the tricky cases."""
from __future__ import annotations

from checker.api import check_text
from checker.checks.punctuation.halfwidth import flagged_marks
from checker.config.schema import Config
from checker.engine.fixes import apply_fixes
from tests.helpers import assert_violations, lint

MARKS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def test_unopened_closing_quote_is_reported_at_the_quote():
    assert_violations("做好加法”和“乘法”，提升作业质量。", "punct-unbalanced", (1, 5))


def test_unclosed_quote_is_reported_at_the_opener_not_at_balanced_inner_quotes():
    text = "持续深化“新时代教育评价改革、义务教育‘双减’改革等八项改革。"
    assert_violations(text, "punct-unbalanced", (1, 5))


def test_balance_is_per_paragraph():
    # a quote opened in a paragraph that ends its sentence and closed in the next is two
    # problems, one per line (issue 9: a line that stops mid-sentence is a wrapped line)
    assert_violations("开展“强基行动。\n推进”工作。", "punct-unbalanced", (1, 3), (2, 3))


def test_a_mark_straddling_a_hard_line_wrap_pairs_across_the_line_end():
    assert_violations("开展“强基\n行动”工作。", "punct-unbalanced")
    # a title broken over several short lines and a blank line (PDF copies)
    assert_violations("制定《全县海岛农业\n2023—2025\n\n年实施方案（试行）》。", "punct-unbalanced")


def test_a_wrapped_mark_never_closed_is_reported_where_it_opened():
    assert_violations("开展“强基\n行动工作。\n推进各项改革。", "punct-unbalanced", (1, 3))


def test_a_mark_carried_too_many_lines_is_reported():
    text = "推进“" + "\n".join(["甲乙丙"] * 8) + "。"
    assert_violations(text, "punct-unbalanced", (1, 3))


def test_an_opener_at_the_end_of_a_cut_text_is_not_reported():
    assert_violations("一、工作情况\n全面推进各项工作，印发《全县", "punct-unbalanced")
    assert_violations("全面推进各项工作，印发《全县……\n二、下步打算。", "punct-unbalanced")
    # but a finished last sentence still closes its marks
    assert_violations("一、工作情况\n全面推进各项工作，印发《全县方案。", "punct-unbalanced", (2, 12))


def test_a_leftover_line_cuts_the_text_on_both_sides():
    text = "全面推进“放管\n此处内容需要付费查看\n服”改革。今年以来，成绩显著。"
    assert_violations(text, "punct-unbalanced")


def test_a_half_width_pair_in_markup_is_not_a_list_marker():
    assert_violations("[color=rgb(51, 51, 51)]全面推进各项工作。", "punct-unbalanced")
    assert_violations("1)开展教师培训；2)开展学生资助。", "punct-unbalanced")
    # a time closing a parenthesis is not a list marker either
    assert_violations("窗口服务时间（工作日9:00-18:30)，节假日轮休。", "punct-unbalanced")


def test_a_lookalike_closing_quote_pairs_and_is_reported_once_per_paragraph():
    found = lint("实施“强基〞工程，开展“清廉〞行动。\n推进“双减”工作。", "punct-unbalanced")
    assert [(v.line, v.column) for v in found] == [(1, 6)]
    assert "2处" in found[0].message and "”" in found[0].message


def test_half_and_full_width_parentheses_pair_for_balance():
    assert_violations("出台《意见（试行)》并贯彻落实。", "punct-unbalanced")


def test_crossed_marks_report_the_inner_unclosed_one():
    # 《…“…》: the quote opened inside the title is never closed
    assert_violations("学习《关于“双减的意见》。", "punct-unbalanced", (1, 6))


def test_halfwidth_is_one_report_per_paragraph_with_count():
    text = "2022年以来,在市委领导下,各项工作有力推进。\n一年来,成绩显著。"
    found = lint(text, "punct-halfwidth")
    assert [(v.line, v.column) for v in found] == [(1, 8), (2, 4)]
    assert "2处" in found[0].message


def test_halfwidth_leaves_times_numbers_latin_and_urls():
    body = "时间23:28，共1,000条，APP(iOS)，见http://a.gov.cn/x?a=1，“Hello, World!”"
    assert flagged_marks(body, MARKS) == []


def test_halfwidth_parentheses_holding_chinese_count_as_a_pair():
    body = "完善县(市、区)布局"
    assert flagged_marks(body, MARKS) == [3, 7]


def test_halfwidth_fix_is_stable_after_one_run():
    text = "获评优秀学校(全省8所),140个空间获奖, 数量居全省第一。"
    out, applied = apply_fixes(text, lint(text, "punct-halfwidth"))
    assert applied == 1
    assert out == "获评优秀学校（全省8所），140个空间获奖，数量居全省第一。"
    assert lint(out, "punct-halfwidth") == []


def test_halfwidth_skips_scraped_header_lines():
    text = "发布日期:2022-05-18 18:32 浏览量: 【字体:\n工作要点,全面推进。"
    assert [(v.line, v.rule) for v in lint(text, "punct-halfwidth")] == [(2, "punct-halfwidth")]
    assert lint(text, "punct-unbalanced") == []


def test_range_mark_only_flags_doubled_or_lookalike_marks():
    assert_violations("掌握1—-2项，2-3所，3～6岁，1－2项，2021—2025年，2023-02-28。", "punct-range-mark", (1, 4))


def test_letter_for_digit_positions_and_fixes():
    text = "每月至少组织l次，新建1O所，2O22年，l0个。"
    found = lint(text, "number-letter-for-digit")
    assert [v.column for v in found] == [7, 12, 16, 22]
    out, _ = apply_fixes(text, found)
    assert out == "每月至少组织1次，新建10所，2022年，10个。"


def test_letter_for_digit_leaves_names():
    assert_violations("5G、G20、1+X、2.0、3D、O2O、A类、APP、I期、Windows10系统", "number-letter-for-digit")


def test_redundant_approximation_pairs():
    assert_violations("至少建设4个以上", "number-approx-redundant", (1, 1))
    assert_violations("约4000人左右", "number-approx-redundant", (1, 1))
    assert_violations("超过96%以上", "number-approx-redundant", (1, 1))
    assert_violations("近50余所", "number-approx-redundant", (1, 1))


def test_redundant_approximation_near_misses():
    for text in ("至少建设4个，达到87%以上", "近3年多所学校获奖", "节约300万元左右", "最近5年多次获奖",
                 "约100万名师生，其中10所左右"):
        assert_violations(text, "number-approx-redundant")


def test_exact_figure_with_approximation():
    assert_violations("纠纷536余条，刀具2690余次，征文100余篇，学生7.8万余人，15多个", "number-exact-with-approx",
                      (1, 3), (1, 35))


def test_number_split_by_space():
    assert_violations("新增学位1 000个，20 22年", "number-split-by-space", (1, 5), (1, 12))
    assert_violations("时间:2023-02-28 23:28，表1 2022年数据", "number-split-by-space")


def test_straight_quotes_pair_up_and_fix_to_curly_quotes():
    text = '各乡镇按附件"殡葬服务情况表"报送，开展"Hello"活动。'
    out, applied = apply_fixes(text, lint(text, "punct-halfwidth"))
    assert applied == 1
    assert out == "各乡镇按附件“殡葬服务情况表”报送，开展“Hello”活动。"
    assert lint(out, "punct-halfwidth") == []


def test_straight_quotes_around_code_or_after_a_digit_are_left_alone():
    assert flagged_marks('参数 mode="auto", level="2"，选用15"屏。', MARKS, {'"': ("“", "”")}) == []


def test_halfwidth_tilde_range_is_flagged_unless_the_house_allows_it():
    text = "配备30~40台设备，补助3万~5万元，服务半径3至5公里。"
    assert_violations(text, "punct-range-mark", (1, 5), (1, 16))
    config = Config.model_validate(
        {"rules": {"punct-range-mark": {"params": {"allowed": ["-", "－", "～", "~", "—"]}}}})
    assert [v for v in check_text(text, config=config) if v.rule == "punct-range-mark"] == []


def test_halfwidth_report_underlines_the_first_mark_and_fixes_the_paragraph():
    text = "一年来,执法队扎实开展整治,取得明显成效。\n全年开展执法行动120次。\n下一步，继续巩固成果。"
    [v] = lint(text, "punct-halfwidth")
    assert (v.line, v.column, v.end_line, v.end_column) == (1, 4, 1, 5)
    out, applied = apply_fixes(text, [v])
    assert applied == 1 and out.splitlines()[0] == "一年来，执法队扎实开展整治，取得明显成效。"


def test_a_document_typed_in_halfwidth_is_one_report_with_one_fix():
    text = ("一年来,执法队扎实开展整治。\n一是加强巡查;二是规范经营。\n三是强化宣传(发放告知书)。\n"
            "下一步,继续巩固成果。")
    [v] = lint(text, "punct-halfwidth")
    assert (v.line, v.column) == (1, 4) and "全文4段" in v.message and "5处" in v.message
    out, applied = apply_fixes(text, [v])
    assert applied == 1 and lint(out, "punct-halfwidth") == []
    assert out.splitlines()[2] == "三是强化宣传（发放告知书）。"
