"""Word input reads everything a reader sees (issue 12, item 1) and every report names
places in Word's terms (item 2).  The documents are made with python-docx plus raw XML."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from checker.sources.docx_source import read_docx
from tests.docx_parts import HIDDEN, PLANTED, build

GWLINT = [sys.executable, "-m", "checker"]


@pytest.fixture()
def parts(tmp_path) -> Path:
    path = tmp_path / "parts.docx"
    build(path)
    return path


def test_every_part_is_read_with_its_word_label_and_hidden_text_is_not(parts):
    source = read_docx(parts.read_bytes(), "parts.docx")
    lines = source.text.split("\n")
    for label, sentence in PLANTED.items():
        [number] = [i for i, line in enumerate(lines, 1) if sentence in line]
        assert source.line_labels[number] == label, (sentence, source.line_labels.get(number))
    for hidden in HIDDEN:
        assert hidden not in source.text
    assert source.text.count(PLANTED["文本框 1"]) == 1          # the VML fallback copy is not read again
    # body paragraphs are counted as Word shows them: the content controls' paragraphs count
    body = [source.line_labels[i] for i in sorted(source.line_labels) if source.line_labels[i].startswith("段落")]
    assert body == [f"段落 {n}" for n in range(1, len(body) + 1)]


def test_an_error_planted_in_each_part_is_found_there(parts, tmp_path):
    proc = subprocess.run([*GWLINT, "check", "--no-config", "--select", "rate-above-100", "--format", "json",
                           str(parts)], capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    found = {v["excerpt"] for v in json.loads(proc.stdout)["violations"]}
    assert found == {re.search(r"\d+%", s).group() for s in PLANTED.values()}
    text = subprocess.run([*GWLINT, "check", "--no-config", "--select", "rate-above-100", str(parts)],
                          capture_output=True, text=True).stdout
    for label, sentence in PLANTED.items():
        value = re.search(r"\d+%", sentence).group()
        column = sentence.index(value) + 1 + (1 if label.startswith(("脚注", "尾注")) else 0)
        assert f"[{label} 第{column}字]" in text, (label, text)
        assert f"{label} | " in text


def test_the_word_report_comments_every_part(parts, tmp_path):
    out = tmp_path / "reviewed.docx"
    proc = subprocess.run([*GWLINT, "check", "--no-config", "--select", "rate-above-100", "--format", "docx",
                           "-o", str(out), str(parts)], capture_output=True, text=True)
    assert proc.returncode == 1 and f"with {len(PLANTED)} comment(s)" in proc.stderr, proc.stderr
    reviewed = docx.Document(out)
    texts = [c.text for c in reviewed.comments]
    assert len(texts) == len(PLANTED)
    for label in ("页眉", "页脚", "脚注 1", "尾注 1", "段落 3"):  # elsewhere: Word (body only), LibreOffice (not in block controls)
        assert any(f"【{label} " in t for t in texts), label
    body_xml = reviewed.element.body.xml
    anchored_text = []
    for cid in re.findall(r'<w:commentRangeStart w:id="(\d+)"/>', body_xml):   # ranges may nest: one by one
        inner = re.search(rf'<w:commentRangeStart w:id="{cid}"/>(.*?)<w:commentRangeEnd w:id="{cid}"/>', body_xml, re.S)
        anchored_text.append("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", inner.group(1))))
    for value in ("101%", "102%", "103%", "105%", "106%", "107%"):
        assert value in anchored_text, (value, anchored_text)
    # the tracked change and the text box survive the run splits
    assert "<w:del " in body_xml and HIDDEN[0] in body_xml
    assert read_docx(out.read_bytes(), "r.docx").text == read_docx(parts.read_bytes(), "p.docx").text
    if shutil.which("soffice"):  # LibreOffice, a real reader of the file, opens it
        conv = subprocess.run(["soffice", "--headless", "--convert-to", "txt:Text", "--outdir", str(tmp_path), str(out)],
                              capture_output=True, text=True, timeout=180)
        shown = (tmp_path / "reviewed.txt").read_text(encoding="utf-8-sig")
        assert conv.returncode == 0, conv.stderr
        # LibreOffice's text export shows tracked deletions too, so compare without them
        for label in ("段落 1", "段落 3", "段落 4", "段落 6" if "段落 6" in PLANTED else "段落 1"):
            assert PLANTED[label] in shown, (label, shown)


def _docx(path: Path, paragraphs: list[str], table: str | None = None) -> Path:
    d = docx.Document()
    for text in paragraphs:
        d.add_paragraph(text)
    if table:
        d.add_table(rows=1, cols=1).cell(0, 0).text = table
    d.save(path)
    return path


def test_messages_and_reports_cite_paragraphs_not_lines(tmp_path):
    doc = _docx(tmp_path / "plan.docx", ["", "一、学前教育毛入园率为92%，普惠率为85%。", "",
                                         "三、义务教育巩固率为96.5％。"],
                table="高中阶段毛入学率为93%。")
    proc = subprocess.run([*GWLINT, "check", "--no-config", "--format", "json", str(doc)], capture_output=True, text=True)
    messages = {v["rule"]: v["message"] for v in json.loads(proc.stdout)["violations"]}
    assert "首见于段落 1" in messages["percent-sign-mixed"], messages
    assert "在段落 1" in messages["numbering-sequence"], messages
    assert not any(re.search(r"第\d+行", m) for m in messages.values()), messages
    html = subprocess.run([*GWLINT, "check", "--no-config", "--format", "html", str(doc)],
                          capture_output=True, text=True).stdout
    assert "段落 2 第11字" in html and not re.search(r"· \d+:\d+</span>", html)
    junit = subprocess.run([*GWLINT, "check", "--no-config", "--format", "junit", str(doc)],
                           capture_output=True, text=True).stdout
    assert "(段落 2 第11字)" in junit


def test_cross_file_notes_cite_the_other_documents_paragraph(tmp_path):
    sentence = "深入推进课后服务提质扩面，引导社会力量参与校内托管，切实减轻家长的接送负担。"
    _docx(tmp_path / "a.docx", ["第一段说明本学区概况，共有学校十二所。", sentence])
    (tmp_path / "b.txt").write_text(f"本学区今年的工作重点如下。\n{sentence}\n", encoding="utf-8")
    proc = subprocess.run([*GWLINT, "check", "--no-config", "--select", "duplicate-across-files", "--format", "json",
                           "-j", "2", "a.docx", "b.txt"], cwd=tmp_path, capture_output=True, text=True)
    [v] = json.loads(proc.stdout)["violations"]
    assert v["path"] == "b.txt" and "见a.docx段落 2" in v["message"], v
