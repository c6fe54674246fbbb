"""``--fix`` keeps a file's line ends, also where a fix spans lines.

Checks read the text with every line end made ``\\n``; a fix covering several lines (the
half-width marks of a hard-wrapped paragraph, or of a whole document, are fixed as one
stretch) carried those ``\\n`` into a CRLF or CR file, which came out of ``--fix`` with mixed
line ends: every byte but the fixed marks must stay as it was.
"""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from checker.engine.fixes import with_line_ends_of

# hard-wrapped paragraphs typed with half-width commas throughout: one fix spans them all
TEXT = ("今年以来,全区各部门围绕年度目标,扎实推进各项重点工作,\n"
        "主要指标保持平稳,民生保障持续加强,各项任务进展顺利。\n"
        "一是抓好项目建设,全年新开工项目较多,\n"
        "投资规模稳步扩大,带动作用明显增强。\n"
        "二是抓好民生实事,城乡环境不断改善,\n"
        "群众满意度进一步提高。\n")


def _fix(folder, *names: str) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "xdg")}
    subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--fix", *names],
                   cwd=folder, capture_output=True, env=env, timeout=300, check=False)


def test_fix_keeps_crlf_and_cr_line_ends(tmp_path):
    for name, end in (("lf.txt", "\n"), ("crlf.txt", "\r\n"), ("cr.txt", "\r")):
        (tmp_path / name).write_bytes(TEXT.replace("\n", end).encode("utf-8"))
    (tmp_path / "gb.txt").write_bytes(TEXT.replace("\n", "\r\n").encode("gb18030"))
    _fix(tmp_path, "lf.txt", "crlf.txt", "cr.txt", "gb.txt")
    fixed = (tmp_path / "lf.txt").read_bytes()
    assert fixed != TEXT.encode("utf-8") and fixed.count(",".encode()) == 0
    assert (tmp_path / "crlf.txt").read_bytes() == fixed.replace(b"\n", b"\r\n")
    assert (tmp_path / "cr.txt").read_bytes() == fixed.replace(b"\n", b"\r")
    assert (tmp_path / "gb.txt").read_bytes() == fixed.decode("utf-8").replace("\n", "\r\n").encode("gb18030")


@pytest.mark.parametrize(("replaced", "replacement", "newline", "expected"), [
    ("a,\r\nb,\r\n", "a，\nb，\n", "\r\n", "a，\r\nb，\r\n"),       # one for one, in order
    ("a,\rb,\r\nc", "a，\nb，\nc", "\r\n", "a，\rb，\r\nc"),         # mixed ends stay mixed
    ("a,\nb,", "a，\nb，", "\r\n", "a，\nb，"),                      # no CR: unchanged
    ("a,\r\nb,\r\nc", "a，b，\nc", "\r", "a，b，\rc"),                    # counts differ: the dominant end
    ("a,b", "a，b", "\r\n", "a，b"),
])
def test_with_line_ends_of(replaced, replacement, newline, expected):
    assert with_line_ends_of(replaced, replacement, newline) == expected
