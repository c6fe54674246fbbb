"""Numbering rules through the engine: where they fire and what they leave alone."""
from tests.helpers import assert_violations, lint


def test_gap_reported_at_the_marker_after_it():
    assert_violations("某局工作要点\n一、甲\n二、乙\n四、丙\n五、丁\n", "numbering-sequence", (4, 1))


def test_gap_message_names_the_missing_numbers():
    [v] = lint("某局工作要点\n一、甲\n1.子。\n27.子。\n", "numbering-sequence")
    assert "“2.”至“26.”" in v.message and "第3行" in v.message


def test_running_numbers_across_parents_pass():
    text = "某局工作要点\n一、甲\n1.子。\n2.子。\n二、乙\n（一）丙\n3.子。\n（二）丁\n4.子。\n"
    assert_violations(text, "numbering-sequence")


def test_restart_under_each_parent_passes_but_a_mix_of_both_is_reported():
    assert_violations("某局工作要点\n一、甲\n1.子。\n2.子。\n二、乙\n1.子。\n2.子。\n", "numbering-sequence")
    # restarts under 二、 then continues the old count under 三、: fits neither reading
    text = "某局工作要点\n一、甲\n1.子。\n2.子。\n二、乙\n1.子。\n三、丙\n3.子。\n"
    assert len(lint(text, "numbering-sequence")) == 1


def test_list_not_starting_at_one():
    assert_violations("某局工作总结\n二、乙\n三、丙\n", "numbering-sequence", (2, 1))


def test_repeat_and_backwards():
    assert_violations("某局工作要点\n一、甲\n二、乙\n二、丙\n三、丁\n", "numbering-sequence", (4, 1))
    assert_violations("某局工作要点\n（一）甲\n（三）乙\n（二）丙\n", "numbering-sequence", (3, 1), (4, 1))


def test_decimals_and_dates_are_not_items():
    text = "某局工作总结\n1.新增学位。\n1.5万名教师参加培训。\n2022年，全市完成任务。\n2.完成投资。\n"
    assert_violations(text, "numbering-sequence")


def test_mixed_width_brackets_reported_with_fix():
    [v] = lint("某局工作要点\n一、甲\n（一）子\n(二)子\n（三）子\n", "numbering-mixed-style")
    assert (v.line, v.column) == (4, 1)
    assert "（二）" in v.message


def test_nested_arabic_styles_are_two_levels_not_a_mix():
    text = "某局工作要点\n一、甲\n1.子。\n1、孙。\n2、孙。\n2.子。\n"
    assert_violations(text, "numbering-mixed-style")
    assert_violations(text, "numbering-sequence")


def test_inline_enumeration():
    rule = "inline-enumeration-sequence"
    assert_violations("某局工作总结\n做好工作。一是甲；二是乙；四是丙。\n", rule, (2, 14))
    assert_violations("某局工作总结\n做好工作。一是甲；二是乙；三是丙。\n", rule)
    # carried over to the next paragraph, then skipping
    assert_violations("某局工作总结\n做好工作。一是甲；二是乙。\n四是丙。\n", rule, (3, 1))
    # a numbered item in between starts afresh
    assert_violations("某局工作总结\n1.做好工作。一是甲；二是乙。\n2.抓好落实。三是丙。\n", rule)
