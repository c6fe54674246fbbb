"""Word files at the command line (issue 12, item 10): --format docx into a folder twice,
--diff on a .docx, and the .doc/.wps formats gwlint does not read."""
from __future__ import annotations

import shutil
import subprocess
import sys

import docx
import pytest

GWLINT = [sys.executable, "-m", "checker"]
OLE2 = bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00" * 504   # the header of a Word 97-2003 / WPS file


def _word(path, text="义务教育巩固率达到103%。"):
    d = docx.Document()
    d.add_paragraph(text)
    d.save(path)
    return path


def run(cwd, *args):
    return subprocess.run([*GWLINT, "check", "--no-config", *args], cwd=cwd, capture_output=True, text=True)


def test_format_docx_into_a_folder_works_again_on_the_second_run(tmp_path):
    _word(tmp_path / "a.docx")
    _word(tmp_path / "b.docx")
    for _ in range(2):
        proc = run(tmp_path, "--format", "docx", "-o", "reviewed", "a.docx", "b.docx")
        assert proc.returncode == 1, proc.stderr
        assert sorted(p.name for p in (tmp_path / "reviewed").iterdir()) == ["a.docx", "b.docx"]
    # one input into an existing folder goes into it too
    proc = run(tmp_path, "--format", "docx", "-o", "reviewed", "a.docx")
    assert proc.returncode == 1 and "reviewed/a.docx" in proc.stderr, proc.stderr
    # other formats still refuse a folder
    assert run(tmp_path, "--format", "json", "-o", "reviewed", "a.docx").returncode == 2


def test_diff_on_a_word_file_says_it_is_not_diffed_and_exits_2(tmp_path):
    _word(tmp_path / "a.docx", "全年培训教师1200人次,覆盖全部学校。")
    (tmp_path / "b.txt").write_text("全年培训教师1200人次,覆盖全部学校。\n", encoding="utf-8")
    proc = run(tmp_path, "--diff", "a.docx", "b.txt")
    assert proc.returncode == 2
    assert "a.docx: Word files are not diffed" in proc.stderr
    assert "+++ b/b.txt" in proc.stdout and "a.docx" not in proc.stdout      # the text file is still diffed


@pytest.mark.parametrize("name,words", [("old.doc", "Word 97-2003 .doc"), ("draft.wps", "WPS Writer .wps")])
def test_doc_and_wps_are_named_unsupported_with_how_to_convert(tmp_path, name, words):
    (tmp_path / name).write_bytes(OLE2)
    proc = run(tmp_path, name)
    assert proc.returncode == 2
    assert words in proc.stderr and "does not read" in proc.stderr and "binary" not in proc.stderr
    assert f"soffice --headless --convert-to docx {name}" in proc.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_suggested_conversion_of_a_real_doc_file_works(tmp_path):
    _word(tmp_path / "plan.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path / "old"),
                    str(tmp_path / "plan.docx")], capture_output=True, timeout=180, check=True)
    doc = tmp_path / "old" / "plan.doc"
    refused = run(tmp_path / "old", "plan.doc")
    assert refused.returncode == 2 and "Word 97-2003" in refused.stderr
    hint = refused.stderr.split("LibreOffice: ", 1)[1].strip().split()
    subprocess.run([*hint[:-1], "--outdir", str(tmp_path / "new"), str(doc)], capture_output=True, timeout=180,
                   check=True)
    checked = run(tmp_path / "new", "plan.docx")
    assert checked.returncode == 1 and "rate-above-100" in checked.stdout
