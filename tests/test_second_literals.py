"""A second set of required texts (``_other_literals``): every match holds one of them, and
``LiteralScan`` finds what ``re`` finds when it passes over strings lacking them."""
import random
import re

from checker.core import patterns
from checker.core.patterns import LiteralScan, _other_literals

_PATTERNS = [
    r"[\u4e00-\u9fff]{1,12}[〔\[［【(（][ \t]*(?:19|20)[0-9]{2}[ \t]*[〕\]］】)）][ \t]*[0-9]{1,4}[ \t]*号",
    r"(?:19|20)\d\d年(?:第(\d)季度)?",
    r"党的\d{2}大",
    r"(?P<a>12|34)(?:ab)+x?号",
    r"(?:甲|乙)(?:[0-9]+)丙丁",
    r"(?<![0-9])(?:19|20)[0-9]{2}(?:年|号)",
]
_PIECES = ["19", "20", "2024", "号", "年", "〔", "〕", "（", "）", "政办发", "第", "3", "季度", "党的",
           "大", "ab", "12", "34", "x", "甲", "乙", "丙丁", "\n", " ", "，", "7"]


def test_every_match_holds_one_of_the_other_literals():
    rng = random.Random(1)
    for pattern in _PATTERNS:
        others = _other_literals(pattern)
        compiled = re.compile(pattern)
        for _ in range(400):
            text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
            for m in compiled.finditer(text):
                assert not others or any(o in m.group() for o in others), (pattern, m.group())
    assert _other_literals(_PATTERNS[0]) == ("号",)
    assert _other_literals(r"abc|def") == ()


def test_scans_passing_over_strings_without_them_find_what_re_finds():
    rng = random.Random(2)
    for pattern in _PATTERNS:
        compiled = re.compile(pattern)
        scan = LiteralScan(compiled)
        for _ in range(600):
            size = rng.choice([5, 30, 3000])
            text = "".join(rng.choice(_PIECES) for _ in range(size))
            pos = rng.randint(0, len(text))
            end = rng.choice([None, rng.randint(pos, len(text))])
            want = [m.span() for m in compiled.finditer(text, pos, len(text) if end is None else end)]
            got = [m.span() for m in (scan.finditer(text, pos) if end is None else scan.finditer(text, pos, end))]
            assert got == want, pattern


def test_the_store_keeps_the_other_literals(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    known = patterns._Known()
    key = (_PATTERNS[0], 0)
    assert known.others_of(key) == ("号",)
    known.save()
    again = patterns._Known()
    again.load()
    assert again.others[key] == ("号",)
