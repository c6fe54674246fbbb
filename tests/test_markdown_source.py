"""Markdown input: only prose reaches the checks, and every position is the original's."""
from __future__ import annotations

import json

from hypothesis import given, settings, strategies as st

from checker.cli.main import main
from checker.sources.markdown_source import mask_markdown
from checker.sources.read import adapt_text

RULES = ["--no-config", "--rules", "tests/fixtures/rules", "--select", "fx-rate-above-100,fx-percent-sign-mixed",
         "-j", "1"]


def _lines(text: str) -> list[str]:
    return mask_markdown(text).split("\n")


def test_length_and_line_ends_are_kept():
    src = "---\ntitle: 计划\n---\n# 一、总体要求\n\n正文**加粗**。\n\n```\ncode\n```\n"
    masked = mask_markdown(src)
    assert len(masked) == len(src)
    assert [i for i, c in enumerate(masked) if c == "\n"] == [i for i, c in enumerate(src) if c == "\n"]


def test_front_matter_code_and_html_are_blank():
    src = ("---\ntitle: 巩固率103%\n---\n正文。\n\n```text\n巩固率103%\n```\n\n    缩进代码103%\n\n"
           "<!-- 注释103% -->\n<div>块103%</div>\n")
    masked = mask_markdown(src)
    assert "103%" not in masked
    assert "正文。" in masked


def test_toml_front_matter_is_blank():
    assert mask_markdown("+++\ntitle = '计划'\n+++\n正文").split("\n") == ["   ", " " * len("title = '计划'"), "   ", "正文"]


def test_heading_marks_bullets_quotes_and_emphasis_are_blanked_in_place():
    src = "## 一、总体要求 ##\n- 一是加强\n> 引用**重点**内容\n~~删除~~文字"
    assert _lines(src) == ["   一、总体要求   ", "  一是加强", "  引用  重点  内容", "  删除  文字"]


def test_ordered_list_numbers_stay_as_the_authors_numbering():
    assert _lines("1. 第一项\n2. 第二项\n\n3) 第三项") == ["1. 第一项", "2. 第二项", "", "3) 第三项"]


def test_links_keep_their_text_and_lose_their_destination():
    src = "见[通知](https://x.gov.cn/a?p=100%25 \"标题\")和[文件][f]、<https://y.cn>。\n\n[f]: https://z.cn/103%"
    lines = _lines(src)
    assert lines[0].split() == ["见", "通知", "和", "文件", "、", "。"]
    assert lines[0].index("通知") == src.index("通知")
    assert lines[2].strip() == ""


def test_images_inline_code_and_inline_html_are_blank():
    line = _lines("图![巩固率103%](a.png)码`103%`和<span>文</span>字")[0]
    assert line.split() == ["图", "码", "和", "文", "字"]


def test_table_cells_are_prose_and_pipes_are_not():
    lines = _lines("| 指标 | 数值 |\n|---|---:|\n| 巩固率 | 103% |")
    assert lines[0].split() == ["指标", "数值"]
    assert lines[1].strip() == ""
    assert lines[2].split() == ["巩固率", "103%"]
    assert "|" not in "".join(lines)


def test_escapes_show_the_escaped_character_and_plain_asterisks_stay():
    # a lone * (the seeds use it for anonymised names) is text, not emphasis
    assert _lines(r"\*号 与 *市第二实验学校")[0] == r" *号 与 *市第二实验学校"


def test_plain_chinese_document_is_unchanged():
    src = "市教育局2022年工作要点\n\n一、总体要求\n1.推进区域教育中心建设。（牵头处室：办公室）\n　　二是深化改革。"
    assert mask_markdown(src) == src


def test_source_adapter_masks_only_markdown():
    src = "`代码`正文"
    assert adapt_text(src, "a.md", "markdown").text == "    正文"
    assert adapt_text(src, "a.txt", "text").text == src


def test_violations_point_into_the_original_file(tmp_path, capsys):
    doc = tmp_path / "plan.md"
    doc.write_text(
        "---\ntitle: 巩固率达到110%\n---\n# 2023年工作计划\n\n```\n巩固率达到105%\n```\n\n"
        "| 指标 | 目标 |\n|---|---|\n| 巩固率 | 巩固率达到**103%** |\n\n见[说明](http://a.cn/巩固率达到104%)。\n",
        encoding="utf-8")
    code = main(["check", *RULES, "--format", "json", str(doc)])
    out = json.loads(capsys.readouterr().out)
    assert code == 1
    found = [(v["line"], v["column"], v["rule"]) for v in out["violations"]]
    line12 = doc.read_text(encoding="utf-8").split("\n")[11]
    assert found == [(12, line12.index("103%") + 1, "fx-rate-above-100")]


_MD_PIECES = st.sampled_from([
    "# ", "## ", "- ", "1. ", "> ", "**", "*", "_", "`", "```", "    ", "|", "---", "[", "](", ")", "<", ">",
    "<!-- ", " -->", "\\", "&amp;", "![", "巩固率", "103%", "。", "，", "一、", "\n", "\n\n", " ", "～", "“", "”",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_MD_PIECES, max_size=40).map("".join))
def test_mask_keeps_every_position(src):
    masked = mask_markdown(src)
    assert len(masked) == len(src)
    for a, b in zip(src, masked):
        assert b == a or b == " ", (a, b)
        assert (a == "\n") == (b == "\n")
