"""Unit tests of the enumeration-count rules: where they fire and the near-misses they leave."""
from tests.helpers import assert_violations, lint


def test_quoted_list_shorter_than_count():
    assert_violations("深入推进“安心托幼”“快乐健身”两项暖民心行动，“老有所学”三项。", "count-mismatch")
    assert_violations("深入推进“安心托幼”“快乐健身”“老有所学”两项暖民心行动。", "count-mismatch", (1, 23))


def test_deng_sample_is_not_a_count_of_the_list():
    # two names 等 ten: a sample; five names 等6所: one short, reported
    assert_violations("实施立德树人工程、教师队伍素养优化工程等十项工程。", "count-mismatch")
    assert_violations("组织一中、二中、三中、四中、五中等6所学校参赛。", "count-mismatch", (1, 18))


def test_unclosed_quote_does_not_hide_the_claim():
    text = "持续深化“评价改革、督导改革、集团化改革等四项改革，办好民生实事。"
    assert_violations(text, "count-mismatch", (1, 22))


def test_heading_with_gap_after_it_is_not_counted():
    text = "三、强力推进八项工程\n（一）实施党建创优工程\n（二）实施立德树人工程\n五、着力办好一批民生实事\n"
    assert_violations(text, "count-mismatch")


def test_respectively_from_to_pairs():
    assert_violations("初中、小学入学率分别由95%、96%提高到98%、99%。", "respectively-mismatch")
    assert_violations("初中、小学入学率分别达到95%、96%、99%。", "respectively-mismatch", (1, 9))


def test_quoted_count_spelt_out_after_a_colon():
    assert_violations("推进“三项行动”：读书行动、健身行动。", "count-mismatch", (1, 4))
    assert_violations("推进“两项行动”：读书行动、健身行动。", "count-mismatch")


def test_joined_names_of_one_kind_count_as_two_in_the_message():
    found = lint("表彰市实验小学、市第二小学、市第三中学和市第五中学等5所学校。", "count-mismatch")
    assert [v.message for v in found] == ["称“5所学校”，但前面的列举有4项"]


def test_one_percentage_for_several_subjects_with_fenbie():
    assert_violations("城区、农村入园率分别达到90%。", "respectively-mismatch", (1, 9))
    assert_violations("城区、农村学校分别组织3次演练。", "respectively-mismatch")


def test_respectively_in_a_run_on_text_is_judged_only_within_a_clause_window():
    # the same mismatch is found after a long comma-separated preamble (each clause is short) …
    preamble = "，".join(["稳步推进各项工作"] * 200) + "，"
    assert_violations(preamble + "初中、小学入学率分别达到95%、96%、99%。", "respectively-mismatch", (1, len(preamble) + 9))
    # … but a subject "clause" of thousands of characters with no comma or stop is no list:
    # it is left alone, and each 分别 looks at a bounded window (a run-on text stays linear)
    run_on = "分别" * 3000 + "初中、小学入学率分别达到95%、96%、99%"
    assert_violations(run_on, "respectively-mismatch")
