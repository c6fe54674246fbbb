"""Reading inputs: encodings, BOM, line ends, Markdown blanking, discovery."""
from __future__ import annotations

import pytest

from checker.sources.decode import decode_bytes
from checker.sources.discover import discover, glob_match
from checker.sources.errors import InputError
from checker.sources.read import adapt_text, read_bytes
from checker.sources.source import SourceText

TEXT = "市教育局2022年工作要点\n义务教育巩固率达到103%。\n"


def test_utf8_with_and_without_bom():
    assert decode_bytes(TEXT.encode("utf-8"), "a").encoding == "utf-8"
    d = decode_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "a")
    assert d.bom and d.text == TEXT


def test_gb18030_and_gbk():
    for codec in ("gb18030", "gbk", "gb2312"):
        d = decode_bytes(TEXT.encode(codec), "a")
        assert d.encoding == "gb18030" and d.text == TEXT


def test_undecodable_names_the_file():
    with pytest.raises(InputError) as err:
        # A UTF-16 BOM is now honoured (issue 12): an odd byte count is what makes this undecodable.
        decode_bytes(b"\xff\xfe\xfa\x00abc", "bad.txt")
    assert "bad.txt" in str(err.value)
    with pytest.raises(InputError):
        decode_bytes(b"ok \x80\xff\xff\xfe text", "x.txt")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_positions_are_those_of_the_original_file(newline):
    original = newline.join(["第一行", "第二行有问题", "", "第四行"])
    src = SourceText.from_decoded("f.txt", original)
    assert src.newline == newline
    offset = src.text.index("问题")
    assert src.position(offset) == (2, 5)
    assert src.position(src.text.index("第四")) == (4, 1)
    # an offset maps back to the same character of the original text
    assert original[src.original_offset(offset)] == "问"


def test_markdown_code_and_front_matter_are_blanked_keeping_positions():
    md = "---\ntitle: x\n---\n# 标题\n\n```\n代码×名\n```\n\n正文×名。\n\n    缩进代码×名\n"
    src = adapt_text(md, "a.md", "markdown")
    assert len(src.text) == len(md)
    assert src.text.count("×名") == 1
    assert src.position(src.text.index("×名")) == (10, 3)
    assert "title" not in src.text


def test_read_bytes_picks_format_by_suffix():
    assert read_bytes("# 标题\n".encode(), "x.md").format == "markdown"
    assert read_bytes("标题\n".encode(), "x.txt").format == "text"


def test_discover_walks_and_filters(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "two.md").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "skip.py").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "three.docx").write_bytes(b"")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "old.txt").write_text("x", encoding="utf-8")
    found = discover([str(tmp_path)], exclude=["drafts/**"], root=tmp_path)
    names = sorted(p.rsplit("/", 1)[-1] for p in found)
    assert names == ["one.txt", "three.docx", "two.md"]


def test_glob_double_star_matches_top_level():
    assert glob_match("a.txt", "**/*.txt")
    assert glob_match("x/y/a.txt", "**/*.txt")
    assert not glob_match("x/a.py", "**/*.txt")
