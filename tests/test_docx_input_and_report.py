"""Word documents: read paragraph by paragraph, reported by paragraph, commented in a copy."""
from __future__ import annotations

import hashlib
import json
import re

import docx
import pytest

from checker.cli.main import main
from checker.sources.docx_source import read_docx

RULES = ["--no-config", "--rules", "tests/fixtures/rules", "--select", "fx-rate-above-100,fx-percent-sign-mixed",
         "-j", "1"]


def _planted(path):
    """A document with planted violations in a split run, a hyperlink-free table cell and a plain paragraph."""
    d = docx.Document()
    d.add_heading("2023年教育工作总结", level=1)
    d.add_paragraph("")                                            # empty: a blank line, not counted
    p = d.add_paragraph("全年工作稳步推进，")
    p.add_run("义务教育巩固率达到").bold = True
    p.add_run("103%，")                                            # violation 1: its own run
    p.add_run("成绩显著。")
    d.add_paragraph("学前教育毛入园率为92%，较上年提高。")              # near-miss: fine
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "数值"
    table.cell(1, 0).text = "高中阶段净入学率"
    table.cell(1, 1).text = "净入学率达到120%（含职高）"               # violation 2: inside one run
    d.add_paragraph("新增学位同比增长180%。")                         # near-miss: growth may exceed 100%
    d.save(path)
    return path


def _comments_with_anchors(path):
    document = docx.Document(path)
    texts = {c.comment_id: c.text for c in document.comments}
    xml = document.element.body.xml
    anchored = {}
    for m in re.finditer(r'<w:commentRangeStart w:id="(\d+)"/>(.*?)<w:commentRangeEnd w:id="\1"/>', xml, re.S):
        anchored[int(m.group(1))] = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", m.group(2)))
    return texts, anchored


def test_lines_and_labels_follow_paragraphs_and_cells(tmp_path):
    source = read_docx(_planted(tmp_path / "a.docx").read_bytes(), "a.docx")
    lines = source.text.split("\n")
    assert lines[0] == "2023年教育工作总结" and lines[1] == ""
    assert lines[2] == "全年工作稳步推进，义务教育巩固率达到103%，成绩显著。"
    assert source.format == "docx"
    assert source.line_labels[1] == "段落 1"
    assert 2 not in source.line_labels
    assert source.line_labels[3] == "段落 2"
    assert source.line_labels[lines.index("净入学率达到120%（含职高）") + 1] == "表格 1 第2行第2列"
    assert source.line_labels[len(lines)] == "段落 4"


def test_merged_cells_are_read_once_and_breaks_keep_lengths(tmp_path):
    d = docx.Document()
    t = d.add_table(rows=1, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "合并单元格"
    t.cell(0, 2).text = "甲"
    t.cell(0, 2).add_paragraph("乙")
    d.add_paragraph("第一行").add_run("\n第二行")
    d.save(tmp_path / "m.docx")
    source = read_docx((tmp_path / "m.docx").read_bytes(), "m.docx")
    assert source.text.split("\n") == ["合并单元格", "甲", "乙", "第一行 第二行"]
    assert source.line_labels == {1: "表格 1 第1行第1列", 2: "表格 1 第1行第3列 第1段",
                                  3: "表格 1 第1行第3列 第2段", 4: "段落 1"}


def test_violations_are_reported_at_their_paragraphs(tmp_path, capsys):
    path = _planted(tmp_path / "a.docx")
    assert main(["check", *RULES, "--format", "json", str(path)]) == 1
    found = [(v["line"], v["column"], v["end_column"], v["rule"]) for v in json.loads(capsys.readouterr().out)["violations"]]
    assert found == [(3, 19, 23, "fx-rate-above-100"), (8, 7, 11, "fx-rate-above-100")]
    main(["check", *RULES, "--format", "text", str(path)])
    text = capsys.readouterr().out
    assert "段落 2 | 全年工作稳步推进，义务教育巩固率达到103%，成绩显著。" in text
    assert "表格 1 第2行第2列 | 净入学率达到120%（含职高）" in text


def test_docx_report_comments_exactly_the_offending_text(tmp_path, capsys):
    path = _planted(tmp_path / "a.docx")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    out = tmp_path / "reviewed.docx"
    assert main(["check", *RULES, "--format", "docx", "--output", str(out), str(path)]) == 1
    assert "with 2 comment(s)" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before          # the original is untouched
    texts, anchored = _comments_with_anchors(out)
    assert len(texts) == 2
    assert sorted(anchored.values()) == ["103%", "120%"]
    assert all("fx-rate-above-100" in t and "不能超过100%" in t for t in texts.values())
    # splitting runs kept the text and its formatting
    reviewed = docx.Document(out)
    para = reviewed.paragraphs[2]
    assert para.text == "全年工作稳步推进，义务教育巩固率达到103%，成绩显著。"
    assert [r.bold for r in para.runs if r.text == "义务教育巩固率达到"] == [True]
    cell = reviewed.tables[0].cell(1, 1)
    assert cell.text == "净入学率达到120%（含职高）"
    assert [r.text for r in cell.paragraphs[0].runs if r.text] == ["净入学率达到", "120%", "（含职高）"]


def test_docx_report_with_a_clean_document_has_no_comments(tmp_path, capsys):
    d = docx.Document()
    d.add_paragraph("学前教育毛入园率为92%。")
    d.save(tmp_path / "ok.docx")
    out = tmp_path / "out.docx"
    assert main(["check", *RULES, "--format", "docx", "-o", str(out), str(tmp_path / "ok.docx")]) == 0
    assert len(docx.Document(out).comments) == 0


def test_docx_report_refuses_to_overwrite_its_input(tmp_path, capsys):
    path = _planted(tmp_path / "a.docx")
    before = path.read_bytes()
    with pytest.raises(SystemExit) as exc:
        main(["check", *RULES, "--format", "docx", "-o", str(path), str(path)])
    assert exc.value.code == 2
    assert "never modified" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_docx_report_skips_text_inputs_and_needs_a_word_file(tmp_path, capsys):
    txt = tmp_path / "a.txt"
    txt.write_text("义务教育巩固率达到103%。\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["check", *RULES, "--format", "docx", "-o", str(tmp_path / "o.docx"), str(txt)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "skipped" in err and "needs at least one .docx input" in err
    path = _planted(tmp_path / "a.docx")
    main(["check", *RULES, "--format", "docx", "-o", str(tmp_path / "o.docx"), str(txt), str(path)])
    assert "skipped" in capsys.readouterr().err
    assert len(docx.Document(tmp_path / "o.docx").comments) == 2


def test_several_word_inputs_go_to_a_folder(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a = _planted(tmp_path / "x" / "a.docx")
    b = _planted(tmp_path / "y" / "a.docx")
    out = tmp_path / "reviewed"
    main(["check", *RULES, "--format", "docx", "-o", str(out), str(a), str(b)])
    written = sorted(p.name for p in out.iterdir())
    assert written == ["a-2.docx", "a.docx"]
    assert all(len(docx.Document(out / n).comments) == 2 for n in written)


def test_not_a_word_file_is_an_input_error(tmp_path, capsys):
    bad = tmp_path / "fake.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["check", *RULES, str(bad)]) == 2
    assert "is not a Word .docx file" in capsys.readouterr().err
