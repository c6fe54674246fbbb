"""Rules that cite national standards: the clause field, `gwlint rules --standard`, the
presets, the README table of standards, and the switches the gb-standards preset turns."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from checker.cli.main import main
from checker.config.schema import Config
from checker.engine.settings import build_settings
from checker.rules.errors import ConfigError
from checker.rules.loader import build_rule
from tests.helpers import every_rule, lint

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = ("gb-15834", "gb-15835", "gb-9704", "gb-3100")


def _gb(text: str, rule_id: str):
    """Violations of one rule under `extends: gb-standards`."""
    from checker.engine.runner import lint_source
    from checker.sources.read import adapt_text, format_for

    settings = build_settings(config=Config(extends="gb-standards"))
    settings.rules = [r for r in settings.rules if r.id == rule_id]
    assert settings.rules, rule_id
    result = lint_source(adapt_text(text, "<text>", format_for("<text>")), settings)
    return [v for v in result.violations if v.rule == rule_id]


def test_every_rule_of_the_standard_families_cites_a_clause():
    for rule in every_rule():
        if Path(rule.source).parent.name in FAMILIES:
            assert rule.standard, f"{rule.id} cites no clause"


def test_a_clause_must_look_like_one():
    entry = {"id": "x-rule", "kind": "gb-ellipsis", "category": "punctuation", "severity": "info",
             "message": "m", "why": "a reason long enough", "standard": "15834 4.11",
             "examples": {"bad": ["a"], "good": ["b"]}}
    with pytest.raises(ConfigError, match="standard"):
        build_rule("pack.yaml", entry)


def test_cites_matches_a_standard_or_a_clause_below_it():
    rule = next(r for r in every_rule() if r.id == "gb-approx-number")
    assert rule.cites("GB/T 15835") and rule.cites("gb/t 15834-2011") and rule.cites("GB/T 15835—2011 4.2")
    assert not rule.cites("GB/T 1583") and not rule.cites("GB/T 9704") and not rule.cites("GB/T 15835-2011 4.2.22")


def test_rules_standard_lists_the_rules_on_and_off(capsys):
    assert main(["rules", "--no-config", "--standard", "GB/T 9704"]) == 0
    out = capsys.readouterr().out
    assert "gb-doc-number" in out and "gb-heading-levels" in out and "numbering-mixed-style" in out
    assert re.search(r"gb-heading-levels\s+off", out) and re.search(r"gb-doc-number\s+on", out)
    assert "gb-ellipsis" not in out


def test_explain_shows_the_clause_even_for_a_rule_shipped_off(capsys):
    assert main(["explain", "--no-config", "gb-title-dunhao"]) == 0
    out = capsys.readouterr().out
    assert "Standard\n  GB/T 15834-2011 4.5.3.5" in out and "Switched off here" in out


def test_sarif_carries_the_clause(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("开展读书、演讲、征文。。。等活动。\n", encoding="utf-8")
    out = tmp_path / "r.sarif"
    main(["check", "--no-config", "--select", "gb-ellipsis", "--format", "sarif", "-o", str(out), str(doc)])
    capsys.readouterr()
    rules = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]["rules"]
    rule = next(r for r in rules if r["id"] == "gb-ellipsis")
    assert rule["properties"]["standard"] == ["GB/T 15834-2011 4.11.2"]
    assert "GB/T 15834-2011 4.11.2" in rule["help"]["markdown"]


def test_html_report_shows_the_clause(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("开展读书、演讲、征文。。。等活动。\n", encoding="utf-8")
    out = tmp_path / "r.html"
    main(["check", "--no-config", "--select", "gb-ellipsis", "--format", "html", "-o", str(out), str(doc)])
    capsys.readouterr()
    assert "依据 GB/T 15834-2011 4.11.2" in out.read_text(encoding="utf-8")


def test_presets_default_and_gb_standards(tmp_path):
    default = {r.id for r in build_settings(no_config=True).rules}
    gb = build_settings(config=Config(extends="gb-standards"))
    ids = {r.id for r in gb.rules}
    assert default < ids
    assert {"gb-title-dunhao", "gb-heading-levels", "gb-non-legal-unit"} <= ids - default
    assert next(r for r in gb.rules if r.id == "gb-non-legal-unit").params.allow == ["亩"]
    # the configuration comes after its preset: it may switch a rule off again or change params
    cfg = Config(extends="gb-standards", rules={"gb-title-dunhao": "disable",
                                                 "gb-non-legal-unit": {"params": {"allow": []}}})
    own = build_settings(config=cfg)
    assert "gb-title-dunhao" not in {r.id for r in own.rules}
    assert next(r for r in own.rules if r.id == "gb-non-legal-unit").params.allow == []
    assert {r.id for r in build_settings(config=Config(extends="none")).rules} == set()


def test_an_unknown_preset_names_the_valid_ones(tmp_path):
    config = tmp_path / ".gwlint.yaml"
    config.write_text("extends: gb-standardz\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown preset 'gb-standardz'.*gb-standards"):
        build_settings(config_file=str(config))


def test_readme_table_lists_every_cited_clause():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## National standards"):]
    rows = set(re.findall(r"^\| (GB[^|]*?) \| ([^|]*?) \| `([a-z0-9-]+)` \| (on|off) \|", section, re.M))
    expected = set()
    clauses: dict[str, set[str]] = defaultdict(set)
    for rule in every_rule():
        for clause in rule.standard:
            code, _, number = clause.partition(" ")[2].partition(" ")
            standard = clause.split(" ")[0] + " " + code
            expected.add((standard, number or "—", rule.id, "on" if rule.enabled else "off"))
            if number:
                clauses[standard].add(number)
    assert rows == expected
    for standard, numbers in clauses.items():
        assert f"{standard}: {len(numbers)} clauses" in section, standard


def test_hyphen_ranges_under_gb_standards_keep_codes_and_titles():
    text = ("执行GB/T 15834-2011，电话0791-86668888，见表2-8，3-2-11室，2023-02-28发布，"
            "《3-6岁儿童学习与发展指南》，〔2023〕5-1号。新建2-3所，1-11月完成，2021-2025年规划。")
    found = [(v.excerpt, v.fix.replacement) for v in _gb(text, "punct-range-mark")]
    assert found == [("-", "～"), ("-", "—"), ("-", "—")]


def test_required_numbering_shape_leaves_page_numbers_of_scraped_documents():
    headings = "一、主要工作\n1、抓党建。\n2、抓质量。\n3、抓安全。\n"
    assert [v.excerpt for v in _gb(headings, "numbering-mixed-style")] == ["1、", "2、", "3、"]
    pages = ("教育局2022年工作总结\n1、教育局2022年工作总结今年是关键之年，全市教育系统认真落实各项部署，各项工作有序推进，名生培\n"
             "2、养实现新突破，高考成绩再创新高，全市一本上线人数比去年增加，职业教育持续蓬勃发\n3、展，全年完成各项任务\n")
    assert _gb(pages, "numbering-mixed-style") == []


def test_preferred_unit_spelling_is_house_style():
    text = "收购粮食5公斤，其中小麦3公斤、玉米2千克。"
    assert [v.excerpt for v in lint(text, "unit-spelling-mixed")] == ["千克"]
    from tests.test_units import lint_with

    assert [v.excerpt for v in lint_with(text, "unit-spelling-mixed", params={"preferred": ["千克"]})] == ["公斤", "公斤"]


def test_attachment_items_are_not_headings():
    from checker.model.document import Document

    doc = Document.from_text("一、总体要求\n做好准备。\n\n附件：1.检查表\n      2.统计表\n\n二、工作安排\n1.排查隐患。\n")
    markers = [b.marker.text for b in doc.structure.iter_blocks()]
    assert markers == ["一、", "二、", "1."]
