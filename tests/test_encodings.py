"""Encodings a user's files come in: decoded right, or refused — never misread and
reported clean.  Each case goes through the command line, as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from checker.sources.decode import decode_bytes, improbable_share
from checker.sources.errors import InputError

GWLINT = [sys.executable, "-m", "checker"]
# Written for these tests: a plan whose rate is above 100%, in simplified and traditional Chinese.
SIMPLIFIED = "二〇二三年工作计划\r\n一、全区义务教育巩固率达到103%，学前教育毛入园率为92%。\r\n"
TRADITIONAL = "本年度工作計劃\n一、全區義務教育鞏固率達到103%，學前教育毛入園率為92%。\n"


def check_json(folder, *names):
    proc = subprocess.run([*GWLINT, "check", "--no-config", "--format", "json", *names], cwd=folder,
                          capture_output=True, text=True)
    return proc, json.loads(proc.stdout)


@pytest.mark.parametrize("encoding,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                          ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_and_utf32_with_a_bom_are_checked_where_the_text_is(tmp_path, encoding, bom):
    (tmp_path / "plan.txt").write_bytes(bom + SIMPLIFIED.encode(encoding))
    proc, data = check_json(tmp_path, "plan.txt")
    assert proc.returncode == 1, proc.stderr
    [v] = [v for v in data["violations"] if v["rule"] == "rate-above-100"]
    assert (v["line"], v["column"], v["excerpt"]) == (2, 14, "103%")


def test_fix_writes_a_notepad_unicode_file_back_in_utf16_with_its_bom_and_crlf(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_bytes(b"\xff\xfe" + "全年培训教师1200人次,覆盖全部学校。\r\n".encode("utf-16-le"))
    proc = subprocess.run([*GWLINT, "check", "--no-config", "--fix", "plan.txt"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert "fixed" in proc.stderr, proc.stderr
    data = plan.read_bytes()
    assert data.startswith(b"\xff\xfe")
    assert data[2:].decode("utf-16-le") == "全年培训教师1200人次，覆盖全部学校。\r\n"


def test_gb18030_of_simplified_chinese_is_still_read_as_gb18030(tmp_path):
    (tmp_path / "plan.txt").write_bytes(SIMPLIFIED.encode("gb18030"))
    assert decode_bytes(SIMPLIFIED.encode("gb18030"), "plan.txt").encoding == "gb18030"
    proc, data = check_json(tmp_path, "plan.txt")
    assert [v["excerpt"] for v in data["violations"] if v["rule"] == "rate-above-100"] == ["103%"]


def test_traditional_chinese_saved_as_gb18030_is_not_refused():
    decoded = decode_bytes(TRADITIONAL.encode("gb18030"), "plan.txt")
    assert decoded.encoding == "gb18030" and decoded.text == TRADITIONAL


def test_a_big5_file_is_decoded_as_big5_and_reported_as_its_utf8_twin(tmp_path):
    data = TRADITIONAL.encode("big5")
    # The trap: every Big5 byte pair is valid GB18030, and reads as improbable text.
    misread = data.decode("gb18030")
    assert improbable_share(misread) > 0.3
    assert decode_bytes(data, "plan.txt").text == TRADITIONAL
    (tmp_path / "big5.txt").write_bytes(data)
    (tmp_path / "utf8.txt").write_text(TRADITIONAL, encoding="utf-8")
    _, big5 = check_json(tmp_path, "big5.txt")
    _, utf8 = check_json(tmp_path, "utf8.txt")
    strip = lambda report: [{**v, "path": ""} for v in report["violations"]]  # noqa: E731
    assert strip(big5) == strip(utf8)


def test_improbable_gb18030_that_no_detector_explains_is_refused_not_reported_clean(tmp_path, monkeypatch):
    import charset_normalizer

    class Nothing:
        def best(self):
            return None

    monkeypatch.setattr(charset_normalizer, "from_bytes", lambda data: Nothing())
    data = TRADITIONAL.encode("big5")
    with pytest.raises(InputError, match="improbable text"):
        decode_bytes(data, "plan.txt")


def test_the_command_never_reports_a_misread_big5_file(tmp_path):
    """Whatever the detector decides for a short Big5 text, the run either reports what
    the text's UTF-8 twin gets (decoded right) or names the file (refused, exit 2)."""
    for i, text in enumerate(["鞏固率103%。", "覆蓋率為120%", "合格率為101%。\n", "學校覆蓋率達到百分之百。"]):
        (tmp_path / f"short{i}.txt").write_bytes(text.encode("big5"))
        (tmp_path / f"twin{i}.txt").write_text(text, encoding="utf-8")
        proc, report = check_json(tmp_path, f"short{i}.txt")
        _, twin = check_json(tmp_path, f"twin{i}.txt")
        if proc.returncode == 2:
            assert f"short{i}.txt" in proc.stderr and "improbable" in proc.stderr
        else:
            assert [v["rule"] for v in report["violations"]] == [v["rule"] for v in twin["violations"]], text


def test_a_bom_that_lies_is_refused_with_the_encoding_named():
    with pytest.raises(InputError, match="UTF-16 LE"):
        decode_bytes(b"\xff\xfe\x00\xd8", "x.txt")  # a lone high surrogate
