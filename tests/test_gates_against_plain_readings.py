"""Fast paths of the seventh pass over the checks outside duplicates (checks13), each
against the plain reading it replaces, on random inputs built to hit both sides."""
from __future__ import annotations

import random

from checker.checks.punctuation import halfwidth
from checker.model import sentences
from checker.model.span import Span


# -- sentences: the plain split (unbalanced opener) cuts after each sentence end ------------

def _plain_split_reference(text: str, start: int, end: int):
    """The character loop ``_split_plain`` was."""
    i = start
    while i < end:
        if text[i] in sentences._ENDERS:
            yield sentences._trim(text, start, i + 1)
            start = i + 1
        i += 1
    if start < end:
        trimmed = sentences._trim(text, start, end)
        if len(trimmed):
            yield trimmed


_SENTENCE_ALPHABET = "甲乙丙丁 \t\u3000。！？；!?;“”（(）)《》ab1"


def test_plain_split_equals_character_loop():
    rng = random.Random(1307)
    cut_somewhere = 0
    for _ in range(3000):
        text = "".join(rng.choice(_SENTENCE_ALPHABET) for _ in range(rng.randint(0, 60)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        got = [(s.start, s.end) for s in sentences._split_plain(text, start, end)]
        want = [(s.start, s.end) for s in _plain_split_reference(text, start, end)]
        assert got == want, (text, start, end)
        cut_somewhere += len(want) > 1
    assert cut_somewhere > 500


def test_long_unbalanced_paragraph_falls_back_to_plain_split():
    # an opener never closed, in a paragraph longer than 200 characters: cut at every end
    body = "（" + "甲乙丙。" * 60 + "丁"
    got = list(sentences._split_one(body, Span(0, len(body))))
    assert len(got) == 61
    assert got == list(_plain_split_reference(body, 0, len(body)))


# -- punct-halfwidth: a body holding no @, :// or www. has nothing to skip ------------------

def _skipped_reference(body: str) -> set[int]:
    skip: set[int] = set()
    for m in halfwidth._SKIP.finditer(body):
        skip.update(range(m.start(), m.end()))
    return skip


def test_skipped_equals_full_search():
    rng = random.Random(11)
    pieces = ["http", "https", "ftp", "://", "www", ".", "@", "a", "Z", "9", "_", "%", "-", "/", "com",
              "cn", " ", "中", "，", "：", ":", "w"]
    some = 0
    for _ in range(4000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        want = _skipped_reference(body)
        assert halfwidth._skipped(body) == want, body
        some += bool(want)
    assert some > 100


def test_every_skip_match_holds_a_needed_text():
    # the gate's premise, on the expression itself: each branch's match holds its literal
    # (the literals the shared scan derives from the expression)
    needs = halfwidth._skip_scan().literals
    assert sorted(needs) == sorted(("@", "://", "www."))
    for sample in ("http://a.b/c", "ftp://x", "www.example.org", "name@host.cn", "a.b@c.de"):
        for m in halfwidth._SKIP.finditer(sample):
            assert any(needed in m.group() for needed in needs)


# -- punct-range-mark: the expression tried only before runs of range marks ---------------

def test_decimal_is_re_digit():
    import re
    import sys

    digit = re.compile(r"\d")
    assert all((digit.match(chr(c)) is not None) == chr(c).isdecimal() for c in range(sys.maxunicode + 1))


def _range_pieces():
    return ["1", "2", "0", "9", "12", "2025", "３", "٣", ".", "．", "%", "％", "年", "月", "岁", "项",
            " ", "\u3000", "-", "－", "～", "~", "—", "–", "―", "‐", "‑", "〜", "--", "———", "a", "B",
            "《", "，", "\n"]


def _written_range(rng) -> str:
    def number() -> str:
        digits = "".join(rng.choice("0123456789３") for _ in range(rng.randint(1, 4)))
        return digits + (rng.choice(".．") + rng.choice("05") if rng.random() < 0.3 else "")

    unit = rng.choice(["", "", "%", "％", "年", "年级", "月", "a"])
    blank = lambda: rng.choice(["", "", " ", "\u3000", "  "])       # noqa: E731
    mark = "".join(rng.choice("-－～~—–―‐‑〜") for _ in range(rng.choice([1, 1, 2, 4, 5])))
    return number() + unit + blank() + mark + blank() + number()


def test_range_finditer_equals_finditer():
    from checker.checks.punctuation import range_mark
    from checker.checks.punctuation.range_scan import range_finditer

    rng = random.Random(2025)
    pieces = _range_pieces()
    found = 0
    for n in range(30000):
        if n % 2:
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        else:   # ranges as written, every optional part in or out, between random pieces
            text = "".join(_written_range(rng) if rng.random() < 0.5 else rng.choice(pieces)
                           for _ in range(rng.randint(1, 5)))
        pos = rng.randint(0, len(text)) if rng.random() < 0.3 else 0
        endpos = rng.randint(pos, len(text)) if rng.random() < 0.3 else None
        want = [(m.span(), m.groupdict()) for m in (range_mark._RANGE.finditer(text, pos) if endpos is None
                                                     else range_mark._RANGE.finditer(text, pos, endpos))]
        got = [(m.span(), m.groupdict())
               for m in range_finditer(range_mark._RANGE, range_mark._DASH_RUN, text, pos, endpos)]
        assert got == want, (text, pos, endpos)
        found += len(want)
    assert found > 1500


def test_range_finditer_on_the_seeds():
    from pathlib import Path

    from checker.checks.punctuation import range_mark
    from checker.checks.punctuation.range_scan import range_finditer

    seeds = sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))
    assert seeds
    total = 0
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        want = [m.span() for m in range_mark._RANGE.finditer(text)]
        assert [m.span() for m in range_finditer(range_mark._RANGE, range_mark._DASH_RUN, text)] == want, path.name
        total += len(want)
    assert total > 0


def test_unbalanced_marks_last_sentence_end_is_the_character_loops():
    """punct-unbalanced finds a paragraph's last sentence end by one match (``last_mark``)
    where it read the paragraph a character at a time: the same index on random bodies."""
    from checker.checks.punctuation.words import words
    from checker.engine.settings import build_settings
    from checker.model.last_mark import last_mark

    rule = next(r for r in build_settings(no_config=True).rules if r.id == "punct-unbalanced")
    ends = words(rule).sentence_ends
    last = last_mark(ends)
    rng = random.Random(11)
    alphabet = ends + "（）“”字词a \n。"
    for _ in range(3000):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert last(body) == max((i for i, ch in enumerate(body) if ch in ends), default=-1)
