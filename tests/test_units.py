"""Unit-consistency rules (rules/units.yaml): the seeds, parameters, user data and helpers."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.checks.registry import load_kind
from checker.checks.units.forms import MeasureTable, majority
from checker.engine.fixes import apply_fixes
from checker.engine.runner import lint_source
from checker.engine.settings import Settings
from checker.model.lexicon import Lexicon
from checker.model.measure_words import measure_words
from checker.sources.read import adapt_text, format_for
from tests.helpers import assert_violations, default_settings, lint

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
UNIT_RULES = [r.id for r in default_settings().rules if r.category == "unit-consistency"]


def lint_with(text: str, rule_id: str, params: dict | None = None, data: dict | None = None):
    """Violations of one rule run with changed params and/or extra data."""
    base = default_settings()
    rule = next(r for r in base.rules if r.id == rule_id)
    if params:
        raw = {**rule.raw_params, **params}
        rule = rule.with_changes(params=load_kind(rule.kind).Params.model_validate(raw), raw_params=raw)
    vocabularies = base.vocabularies.extended(data, "<test data>") if data else base.vocabularies
    rule = rule.with_changes(vocabularies=vocabularies)
    settings = Settings(rules=[rule], lexicon=vocabularies.model, vocabularies=vocabularies, config=base.config,
                        root=base.root)
    result = lint_source(adapt_text(text, "<text>", format_for("<text>")), settings)
    assert not result.errors, result.errors
    return [v for v in result.violations if v.rule == rule_id]


# -- the seeds: the real cases, and nothing else ------------------------------------------

def _seed_findings() -> list[tuple[str, int, str]]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for v in lint(text, path=path.name):
            if v.category == "unit-consistency":
                out.append((path.name[:3], v.line, v.rule))
    return out


def test_seeds_report_exactly_the_real_unit_errors():
    assert sorted(_seed_findings()) == [
        ("000", 8, "money-magnitude-mixed"),      # 20439.1万元 beside 近2亿元, 2.9亿元
        ("001", 26, "percent-sign-mixed"),        # 100％ (four uses of %, two of ％)
        ("001", 39, "percent-sign-mixed"),        # 40％以上
        ("004", 30, "money-without-unit"),        # 投入达5000万以上
    ]


def test_seed_004_reports_the_amount_not_the_clause():
    text = (SEEDS / next(p.name for p in SEEDS.glob("004*.txt"))).read_text(encoding="utf-8")
    [v] = lint(text, "money-without-unit")
    assert text.splitlines()[v.line - 1][v.column - 1:v.end_column - 1] == "5000万"
    assert "5000万元" in v.message


# -- percent signs ------------------------------------------------------------------------

def test_percent_minority_is_reported_at_each_use_with_majority_fix():
    text = "入学率达到95％，巩固率达到98%，毕业率为99%，升学率为60％。"
    violations = lint(text, "percent-sign-mixed")
    assert [(v.line, v.column) for v in violations] == [(1, 6), (1, 31)]
    fixed, applied = apply_fixes(text, violations)
    assert applied == 2 and "％" not in fixed


def test_percent_tie_can_keep_the_full_width_form():
    text = "入学率达到95％，巩固率达到98%。"
    [v] = lint_with(text, "percent-sign-mixed", {"on_tie": "％"})
    assert v.column == 15 and "“%”" in v.message


def test_percent_encoding_in_urls_is_not_a_percent_sign():
    assert not lint("覆盖率达100％，见http://x.cn/12%E4%B8%AD和http://x.cn/a%20b。", "percent-sign-mixed")


# -- magnitudes of money ------------------------------------------------------------------

def test_magnitude_mix_compares_within_a_paragraph_by_default():
    text = "市级统筹资金2亿元用于新建学校。\n县级配套资金15000万元用于校舍维修。"
    assert not lint(text, "money-magnitude-mixed")
    [v] = lint_with(text, "money-magnitude-mixed", {"scope": "document"})
    assert (v.line, v.column) == (2, 7) and "1.5亿元" in v.message and "全文" in v.message


def test_house_style_reports_large_amounts_in_wan_when_configured():
    text = "规划建设资金20439.1万元，购置设施设备6837.9万元。"
    assert not lint(text, "money-magnitude-mixed")
    violations = lint_with(text, "money-magnitude-mixed", {"prefer_yi_from": 1e8})
    assert [(v.line, v.column) for v in violations] == [(1, 7)]
    fixed, _ = apply_fixes(text, violations)
    assert fixed == "规划建设资金2.04391亿元，购置设施设备6837.9万元。"


def test_magnitude_mix_keeps_yu_figures_unfixed_and_ignores_other_units():
    text = "省级资金1.5亿元，市级资金2.2亿元，县级资金12000万余元，新增学位1.2万个。"
    [v] = lint(text, "money-magnitude-mixed")
    assert v.fix is None and "12000万余元" in v.message


def test_magnitude_mix_reports_each_band_separately():
    text = "资金1.5亿元、2.2亿元、12000万元，另有3000万元、800万元、0.5亿元。"
    assert [v.column for v in lint(text, "money-magnitude-mixed")] == [15, 38]


# -- money without 元 ----------------------------------------------------------------------

@pytest.mark.parametrize("text,column", [
    ("引导企业自主研发投入达5000万以上。", 12),
    ("项目总投资2.5亿，已完成。", 6),
    ("投入3000-5000万用于改造。", 3),
])
def test_money_word_wants_yuan(text, column):
    [v] = lint(text, "money-without-unit")
    assert v.column == column


def test_money_without_unit_fix_covers_a_range():
    text = "投入3000-5000万用于改造。"
    fixed, _ = apply_fixes(text, lint(text, "money-without-unit"))
    assert fixed == "投入3000-5000万元用于改造。"


@pytest.mark.parametrize("text", [
    "阅读量达到24.26万，点赞1.1万。",
    "资金缺口主要在校舍，惠及学生3万。",
    "投入资金保障学生3万余。",
    "技术市场成交额6000万元以上。",
])
def test_counts_and_figures_with_units_pass(text):
    assert not lint(text, "money-without-unit")


def test_money_words_come_from_data():
    text = "全年彩票筹集公益金800万。"
    assert not lint(text, "money-without-unit")
    assert [v.column for v in lint(text, "money-without-unit", data={"units": {"unit_money_words": ["公益金"]}})] == [10]


# -- fractional counts ---------------------------------------------------------------------

def test_fractional_counts():
    assert_violations("新建学校3.5所，招聘教师12.5名，举办讲座1-2.5场。", "fractional-count", (1, 5), (1, 14), (1, 24))


@pytest.mark.parametrize("text", [
    "新增学位1.2万个。",
    "人均住房面积35.5平方米。",
    "平均每班45.5人。",
    "生师比为17.5人比1。",
    "课后服务时长为1.5个小时。",
    "入学率提高0.5个百分点。",
    "工期3.5个月。",
])
def test_divisible_or_averaged_counts_pass(text):
    assert not lint(text, "fractional-count")


# -- measure words ------------------------------------------------------------------------

@pytest.mark.parametrize("text,found", [
    ("新建5名学校。", "5名学校"),
    ("选派20所教师参加培训。", "20所教师"),
    ("开展三所活动和两次讲座。", "三所活动"),
])
def test_measure_word_mismatch(text, found):
    [v] = lint(text, "measure-word-mismatch")
    assert found in v.message


@pytest.mark.parametrize("text", [
    "组织5名学校领导参加观摩。",          # 领导 is the head noun
    "召集10所学校校长参加座谈。",          # 所 counts the schools
    "招聘3名学校心理教师。",              # 学校 modifies an unknown noun: no guess
    "建成123个家长学校。",                # a programme, listed on its own
    "培育10所省级高水平职业院校。",        # modifiers between: not checked
    "组织180人参加培训，6所学校参加比赛。",
    "新建幼儿园2所，学前教育学位1.2万个。",
])
def test_measure_word_near_misses(text):
    assert not lint(text, "measure-word-mismatch")


def test_measure_word_mix_reports_the_generic_minority():
    text = "新建5所学校，改扩建12所学校。\n提升改造3个学校。"
    violations = lint(text, "measure-word-mixed")
    assert [(v.line, v.column) for v in violations] == [(2, 5)]
    assert "5所学校" in violations[0].message     # points at the first use of 所


def test_measure_word_mix_counts_the_head_noun():
    assert not lint("新建5所学校，改扩建12所学校，建成3个学校党支部。", "measure-word-mixed")


def test_measure_word_mix_reports_specific_minority_too():
    text = "建成20个学校、15个学校和3所学校。"
    assert [v.column for v in lint(text, "measure-word-mixed")] == [15]


def test_measure_table_reads_the_noun_phrase():
    words = measure_words(Lexicon({"measure_words": {"所": {"counts": "things", "nouns": ["学校"]},
                                                     "个": {"counts": "things", "nouns": ["党支部"]}}}))
    table = MeasureTable(words, ["参加"])
    assert table.nouns_after("学校党支部。", 0) == [("学校", 2), ("党支部", 5)]
    assert table.nouns_after("学校参加", 0) == [("学校", 2)]
    assert table.nouns_after("学校领导", 0) is None
    assert table.nouns_after("领导学校", 0) is None
    with pytest.raises(ValueError):
        measure_words(Lexicon({"measure_words": ["学校"]}))
    with pytest.raises(ValueError, match="model.measure_words.所.roles"):
        measure_words(Lexicon({"measure_words": {"所": {"counts": "things", "roles": ["entire"]}}}))


# -- unit spellings ------------------------------------------------------------------------

def test_unit_spellings_minority_with_fix():
    text = "新建校舍10.97万平方米，改造运动场8000㎡，维修宿舍3200平方米；步道15公里。"
    violations = lint(text, "unit-spelling-mixed")
    assert [(v.column, v.fix.replacement) for v in violations] == [(24, "平方米")]


def test_different_units_of_one_kind_are_not_spellings():
    assert not lint("新建步道15公里，每500米设标识牌，用地1028亩，校舍8000平方米。", "unit-spelling-mixed")


# -- helpers -------------------------------------------------------------------------------

def test_majority_breaks_ties_by_preference_then_by_first_use():
    assert majority(["a", "b", "b"]) == "b"
    assert majority(["a", "b"]) == "a"
    assert majority(["a", "b"], prefer=lambda f: 0 if f == "b" else 1) == "b"
    assert majority([]) is None


def test_every_unit_rule_is_in_the_default_set():
    assert set(UNIT_RULES) == {"percent-sign-mixed", "money-magnitude-mixed", "money-without-unit",
                               "fractional-count", "measure-word-mismatch", "measure-word-mixed",
                               "unit-spelling-mixed", "head-count-in-money"}


def test_minority_form_is_one_kind_for_signs_spellings_and_measure_words():
    """Three rules, one kind: each `of` only says what is compared (issue 8)."""
    from checker.checks.registry import kind_table

    table = kind_table()
    assert table["percent-sign-mix"] == table["unit-spelling-mix"] == table["measure-word-mix"] \
        == table["minority-form"]
    assert lint_with("覆盖率达100％，达标率90%，优良率85%。", "percent-sign-mixed")
    # `of` chosen by params: the percent-sign rule can be pointed at unit spellings.
    text = "新建校舍10.97万平方米，改造运动场8000㎡，维修宿舍3200平方米。"
    found = lint_with(text, "percent-sign-mixed", {"of": "unit-spelling"})
    assert [v.column for v in found] == [text.index("㎡") + 1]
