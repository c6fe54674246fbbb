"""The command line under awkward inputs: encodings and line ends kept by --fix, errors as
one line on stderr with exit 2 (never a traceback), baselines that survive edits."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.report.text import _snippet
from checker.report.width import text_width

ROOT = Path(__file__).resolve().parents[1]
GWLINT = [sys.executable, "-m", "checker"]

# 组织l次 (letter for digit), ％ beside % (mixed percent signs), "," between Chinese words.
BODY = ["2025年工作总结", "", "一、主要工作", "全年组织l次培训，完成率达95％，比上年提高3%。",
        "我们加强了队伍建设,提升了服务水平。", ""]


def run(*args, cwd, input=None):
    return subprocess.run([*GWLINT, *args], capture_output=True, cwd=cwd, input=input)


def one_error_line(proc) -> str:
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("gwlint: "), err
    return lines[0]


@pytest.mark.parametrize("encoding, bom, newline", [("gb18030", b"", "\r\n"), ("utf-8", b"\xef\xbb\xbf", "\r")])
def test_fix_keeps_encoding_bom_and_line_ends(tmp_path, encoding, bom, newline):
    doc = tmp_path / "doc.txt"
    original = bom + newline.join(BODY).encode(encoding)
    doc.write_bytes(original)

    proc = run("check", "--no-config", "--format", "json", "doc.txt", cwd=tmp_path)
    found = {(v["rule"], v["line"], v["column"]) for v in json.loads(proc.stdout)["violations"]}
    assert ("number-letter-for-digit", 4, 5) in found
    assert ("punct-halfwidth", 5, 10) in found

    diff = run("check", "--no-config", "--diff", "doc.txt", cwd=tmp_path)
    assert doc.read_bytes() == original
    assert b"\r" not in diff.stdout.replace(b"\r\n", b"")  # a lone CR would overprint lines
    assert "-全年组织l次" in diff.stdout.decode("utf-8")

    run("check", "--no-config", "--fix", "doc.txt", cwd=tmp_path)
    fixed = doc.read_bytes()
    expected = original.decode(encoding.replace("utf-8", "utf-8-sig"))
    expected = expected.replace("组织l次", "组织1次").replace("95％", "95%").replace("建设,提升", "建设，提升")
    assert fixed == bom + expected.encode(encoding)
    run("check", "--no-config", "--fix", "doc.txt", cwd=tmp_path)
    assert doc.read_bytes() == fixed


def test_binary_file_is_one_error_even_when_it_decodes_as_utf8(tmp_path):
    (tmp_path / "blob.txt").write_bytes(b"ELF\x00\x01\x02 text\x00\x00")
    proc = run("check", "--no-config", "blob.txt", cwd=tmp_path)
    assert one_error_line(proc) == "gwlint: blob.txt: is a binary file, not text"
    assert b"error:" not in proc.stdout  # reported once, on stderr


def test_no_command_is_one_line(tmp_path):
    assert "no command" in one_error_line(run(cwd=tmp_path))


@pytest.mark.parametrize("jobs", ["0", "-3", "many"])
def test_bad_jobs_is_a_usage_error(tmp_path, jobs):
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    assert "--jobs" in one_error_line(run("check", "--no-config", "--jobs", jobs, "a.txt", cwd=tmp_path))


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_output_into_a_missing_folder_or_a_directory(tmp_path, option):
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    assert "does not exist" in one_error_line(run("check", "--no-config", option, "nodir/r.json", "a.txt", cwd=tmp_path))
    (tmp_path / "out").mkdir()
    assert "is a directory" in one_error_line(run("check", "--no-config", option, "out", "a.txt", cwd=tmp_path))


def test_config_that_is_not_utf8(tmp_path):
    (tmp_path / ".gwlint.yaml").write_bytes("disable: [标点]\n".encode("gb18030"))
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    assert "UTF-8" in one_error_line(run("check", "a.txt", cwd=tmp_path))


def test_closed_pipe_is_not_a_traceback(tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(BODY * 50), encoding="utf-8")
    proc = subprocess.Popen([*GWLINT, "check", "--no-config", "--format", "json", "a.txt"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # like `| head` exiting before gwlint writes
    err = proc.stderr.read().decode("utf-8")
    proc.wait()
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_directory_without_documents_warns(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text("x = 1\n", encoding="utf-8")
    proc = run("check", "--no-config", "src", cwd=tmp_path)
    assert proc.returncode == 0
    assert "no files to check in src" in proc.stderr.decode("utf-8")


def test_baseline_survives_edits_of_neighbouring_lines(tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("\n".join(BODY), encoding="utf-8")
    assert run("check", "--no-config", "--write-baseline", "b.json", "doc.txt", cwd=tmp_path).returncode == 0
    edited = list(BODY)
    edited[2] = "一、主要工作（修改）"          # the line right above an old violation
    edited.insert(3, "新增一行说明。")
    edited[-1] = "另外开展检查,效果良好。"     # the only new violation
    doc.write_text("\n".join(edited) + "\n", encoding="utf-8")
    proc = run("check", "--no-config", "--format", "json", "--baseline", "b.json", "doc.txt", cwd=tmp_path)
    found = [(v["rule"], v["line"]) for v in json.loads(proc.stdout)["violations"]]
    assert found == [("punct-halfwidth", 7)]


def test_directive_lines_are_not_checked_as_prose(tmp_path):
    text = ("2025年工作总结\n\n<!-- gwlint-disable number-format -->\n全年组织l次培训。\n"
            "<!-- gwlint-enable number-format -->\n gwlint-disable-next-line percent-sign-mixed\n我们加强了队伍建设。\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    proc = run("check", "--no-config", "--format", "json", "a.txt", cwd=tmp_path)
    found = [(v["rule"], v["line"], v["excerpt"]) for v in json.loads(proc.stdout)["violations"]]
    assert found == [("unused-suppression", 6, "gwlint-disable-next-line percent-sign-mixed")]


def test_text_report_underlines_only_what_it_shows():
    line = "啊" * 30 + "x" * 300 + "结束"
    shown, marker = _snippet(line, 40, 300)
    assert text_width(marker) <= text_width(shown)
    shown, marker = _snippet("a\t我们加强,", 7, 8)  # a tab is shown as one cell
    assert "\t" not in shown and marker.index("^") == text_width(shown[:shown.index(",")])


def test_fix_never_writes_standard_input_over_the_named_file(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("原有内容。\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("\n".join(BODY), encoding="utf-8")
    stdin = "\n".join(BODY).encode("utf-8")
    proc = run("check", "--no-config", "--format", "json", "--fix", "--stdin-filename", "victim.txt", "-", "other.txt",
               cwd=tmp_path, input=stdin)
    assert victim.read_text(encoding="utf-8") == "原有内容。\n"
    assert "组织1次" in other.read_text(encoding="utf-8")
    # the report after fixing still covers the piped text (read once, not re-read empty)
    paths = {v["path"] for v in json.loads(proc.stdout)["violations"]}
    assert "victim.txt" in paths and "other.txt" not in paths


def test_file_format_without_output_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("正文。\n", encoding="utf-8")
    assert "--output" in one_error_line(run("check", "--no-config", "--format", "docx", "a.txt", cwd=tmp_path))


def test_one_fix_run_also_applies_fixes_that_overlapped(tmp_path):
    # the half-width-comma fix spans the paragraph and so overlaps the l→1 fix inside it
    doc = tmp_path / "doc.txt"
    doc.write_text("2025年工作总结\n\n我们加强了队伍建设,组织l次培训,提升了服务水平。\n", encoding="utf-8")
    run("check", "--no-config", "--fix", "doc.txt", cwd=tmp_path)
    once = doc.read_bytes()
    assert "建设，组织1次培训，提升" in once.decode("utf-8")
    run("check", "--no-config", "--fix", "doc.txt", cwd=tmp_path)
    assert doc.read_bytes() == once
