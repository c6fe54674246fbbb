"""Placeholder, artifact and terminology rules: the pattern and substitution kinds."""
from __future__ import annotations

from checker.engine.fixes import apply_fixes
from tests.helpers import assert_violations, lint


def _ungrouped(rule_id: str, text: str, **params) -> list[tuple[int, int]]:
    """Where ``rule_id`` finds each mark, with its per-paragraph grouping off (the
    patterns themselves under test) and ``params`` changed."""
    from checker.checks.leftovers import pattern
    from checker.engine.runner import lint_source
    from checker.engine.settings import Settings
    from checker.rules.loader import validate_params
    from checker.sources.read import adapt_text
    from tests.helpers import settings_for

    base = settings_for(rule_id)
    rule = base.rules[0]
    raw = {**rule.raw_params, "group_after": None, **params}
    changed = rule.with_changes(params=validate_params("test", rule.id, pattern, raw), raw_params=raw)
    settings = Settings(rules=[changed], lexicon=base.lexicon, config=base.config, root=base.root)
    result = lint_source(adapt_text(text, "<text>", "text"), settings)
    return [(v.line, v.column) for v in result.violations]


def test_unfilled_placeholders():
    assert _ungrouped("placeholder-unfilled", "招聘教师×名，X月X日前完成，XX学校，某某同志，***所，（待补充）") == [
        (1, 5), (1, 8), (1, 16), (1, 21), (1, 26), (1, 31)]
    # shipped: the paragraph's six blanks are one report, at the first, with the count
    [v] = [v for v in lint("招聘教师×名，X月X日前完成，XX学校，某某同志，***所，（待补充）", "placeholder-unfilled")]
    assert (v.column, v.message) == (5, "未填写的占位符“×”等6处")


def test_a_date_frame_is_one_blank():
    [v] = lint("活动时间xxxx年x月x日——x月xx日。", "placeholder-unfilled")
    assert v.excerpt == "xxxx年x月x日——x月xx日" and "等" not in v.message
    assert len(lint("由XX牵头。\n报名截止到X月X日。", "placeholder-unfilled")) == 2


def test_redaction_and_names_are_not_placeholders():
    text = "支持x学院，*市第二实验学校，*、*两县，1+X证书，1+x模式，X射线，3×4米，x人民医院，二○○八年"
    assert_violations(text, "placeholder-unfilled")
    assert_violations(text, "placeholder-name-mark")


def test_redaction_marks_are_configurable():
    # with allow: [] the single marks standing for names are reported
    from checker.engine.settings import Settings
    from tests.helpers import settings_for
    from checker.engine.runner import lint_source
    from checker.rules.loader import validate_params
    from checker.checks.leftovers import pattern
    from checker.sources.read import adapt_text

    base = settings_for("placeholder-name-mark")
    rule = base.rules[0]
    raw = {**rule.raw_params, "allow": [], "group_after": None}
    strict = rule.with_changes(params=validate_params("test", rule.id, pattern, raw), raw_params=raw)
    settings = Settings(rules=[strict], lexicon=base.lexicon, config=base.config, root=base.root)
    result = lint_source(adapt_text("支持x学院，*市第二实验学校。", "<text>", "text"), settings)
    assert [v.column for v in result.violations] == [3, 7]


def test_web_page_leftovers_one_report_per_line():
    text = "您当前所在的位置是:首页 > 政务公开\n发布日期:2022-05-18 18:32 浏览量: 【字体:\n正文。"
    assert_violations(text, "artifact-web-page", (1, 1), (2, 1))


def test_paywall_block_is_one_report():
    text = "正文。\n\n隐藏内容\n\n此处内容需要权限查看\n\n  • 普通用户特权:8.8积分\n会员免费查看\n\n49.深化改革。"
    found = lint(text, "artifact-paywall")
    assert [(v.line, v.column, v.end_line) for v in found] == [(3, 1, 8)]


def test_conversion_mark_is_deleted_by_fix():
    text = "[bookmark: _GoBack]坚定不移推进全面从严治党。"
    out, applied = apply_fixes(text, lint(text, "artifact-conversion"))
    assert (out, applied) == ("坚定不移推进全面从严治党。", 1)


def test_page_numbers_only_as_whole_lines():
    assert_violations("甲。\n- 3 -\n第 4 页 共 10 页\n完成第3页所列任务。\n3.深化改革。", "artifact-page-number",
                      (2, 1), (3, 1))


def test_terminology_fix_and_year_limit():
    text = "2023年工作计划\n推动全面从紧治党向基层延伸，巩固新冠肺炎防控成果。"
    found = lint(text, "term-preferred")
    assert [(v.line, v.column) for v in found] == [(2, 3), (2, 17)]
    out, _ = apply_fixes(text, found)
    assert out == "2023年工作计划\n推动全面从严治党向基层延伸，巩固新冠病毒感染防控成果。"
    assert_violations("2022年工作总结\n做好新冠肺炎疫情防控。", "term-preferred")
    assert_violations("做好新冠肺炎疫情防控。", "term-preferred")     # year unknown: not reported


def test_terminology_list_is_extended_from_data():
    data = {"terminology": {"terminology": [{"preferred": "课后服务", "variants": ["课后托管"]}]}}
    found = lint("开展课后托管。", "term-preferred", data=data)
    assert [v.column for v in found] == [3]
