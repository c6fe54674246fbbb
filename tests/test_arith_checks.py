"""Unit tests of the arithmetic rules."""
from tests.helpers import assert_violations


def test_partial_list_only_reported_when_it_exceeds_the_total():
    assert_violations("资助学生91502人，其中脱贫户学生28840人。", "parts-not-total")
    assert_violations("资助学生9150人，其中脱贫户学生28840人。", "parts-not-total", (1, 5))


def test_bracket_breakdown_must_add_up():
    assert_violations("共同体23个(中小学15个,幼儿园8个)。", "parts-not-total")
    assert_violations("共同体23个(中小学15个,幼儿园9个)。", "parts-not-total", (1, 4))


def test_approximate_parts_are_not_exact():
    assert_violations("在校生约1.2万人(城区0.7万人、农村0.6万人)。", "parts-not-total")


def test_growth_from_a_to_b():
    assert_violations("经费由30亿元增加到35亿元，增长16.7%。", "growth-not-figures")
    assert_violations("经费由30亿元增加到35亿元，增长25%。", "growth-not-figures", (1, 18))


def test_share_needs_part_and_whole():
    assert_violations("学校达1152所，占比72.23%。", "share-not-figures")
    assert_violations("学生总数11.2万人，参加10.5万人，占比93.75%。", "share-not-figures")


def test_share_takes_the_whole_in_the_parts_unit_not_the_nearest_figure():
    text = "全校开设兴趣小组24个，学生150人中有45人参加，占25%。\n"
    assert_violations(text, "share-not-figures", (1, 28))
    assert_violations(text.replace("占25%", "占30%"), "share-not-figures")


def test_share_with_several_possible_wholes_is_reported_only_when_none_gives_it():
    text = "全县教师6000人，今年新招聘300人，其中研究生60人，占1%。\n"
    assert_violations(text, "share-not-figures")


def test_rate_is_checked_only_when_its_stem_names_the_part():
    assert_violations("考生1200人，本科上线900人，本科上线率70%。", "share-not-figures", (1, 23))
    assert_violations("考生1200人，本科上线900人，体育达标率70%。", "share-not-figures")


def test_growth_from_an_old_level_given_after_the_new_one():
    assert_violations("图书借阅量6.6万册，较上年的6.0万册增长20%。", "growth-not-figures", (1, 23))
    assert_violations("图书借阅量6.6万册，较上年的6.0万册增长10%。", "growth-not-figures")
