"""Work done once instead of at every call gives what the call gave (issue 11, checks15):
``UserPattern.search``/``match`` with their gates written out against the composed
steps they replace, and the leftover rules' pattern lists read once per lexicon data."""
from __future__ import annotations

import random

import pytest

from checker.core import patterns
from tests.test_speed_shortcuts_exact import _random_expression


def _composed(user, method: str, string: str, pos: int = 0, endpos: int | None = None):
    """The call as it was defined: the literal gate, the edge gate, then ``_run``."""
    gate = user._cannot_end if method == "search" else user._cannot_begin
    if user._cannot_match(string, pos, endpos) or gate(string, pos, endpos):
        return None
    return patterns._run(getattr(user._regex(), method), string, pos, user._end(string, endpos))


def _outcome(call):
    try:
        found = call()
    except patterns.RegexBudgetExceeded:
        return "spent"
    return found and (found.span(), found.groups())


def _with_budget(left: float | None, call):
    """``call()`` under an exact budget with ``left`` seconds (None: no budget)."""
    if left is None:
        return _outcome(call)
    token = patterns._BUDGET.set(patterns._Budget(left))
    try:
        return _outcome(call)
    finally:
        patterns._BUDGET.reset(token)
        patterns._TIMER.owner = None
        import signal

        signal.setitimer(signal.ITIMER_VIRTUAL, 0)


def test_written_out_search_and_match_are_the_composed_steps():
    import regex

    rng = random.Random(2026_12_04)
    alphabet = "ab年比1\nc "
    compared = 0
    for _ in range(1_200):
        pattern = _random_expression(rng)
        try:
            regex.compile(pattern)
        except regex.error:
            continue
        for _ in range(25):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
            if rng.random() < 0.1:          # a long text: the shared literal facts answer
                text = text + "".join(rng.choice(alphabet) for _ in range(2_100))
            pos = rng.randint(0, len(text) + 1)
            endpos = rng.choice([None, rng.randint(0, len(text) + 2)])
            for method in ("search", "match"):
                for left in (None, 5.0, 0.0):
                    # a fresh object for each side: the lazily read facts are read by each
                    mine, theirs = patterns.UserPattern(pattern), patterns.UserPattern(pattern)
                    got = _with_budget(left, lambda: getattr(mine, method)(text, pos, endpos))
                    want = _with_budget(left, lambda: _composed(theirs, method, text, pos, endpos))
                    assert got == want, (pattern, method, text, pos, endpos, left)
                    compared += 1
    assert compared > 50_000


def test_a_gated_call_still_stops_a_spent_budget():
    # no literal held, no first character there: no call is made, but the spent budget
    # raises as the call would have
    user = patterns.UserPattern("年[0-9]")
    for method in ("search", "match"):
        assert _with_budget(5.0, lambda: getattr(user, method)("abc")) is None
        assert _with_budget(0.0, lambda: getattr(user, method)("abc")) == "spent"
    edge = patterns.UserPattern("[0-9]+$")
    assert _with_budget(0.0, lambda: edge.search("12a")) == "spent"
    assert _with_budget(0.0, lambda: edge.match("a12")) == "spent"


def _lexicon(data: dict):
    from checker.model.lexicon import Lexicon

    return Lexicon(data)


def _plain_patterns(vocabulary, params) -> tuple[str, ...]:
    """``_patterns`` as defined: the rule's own, then the data's not among them."""
    from checker.checks.leftovers import pattern as kind

    found = list(params.patterns)
    if params.data:
        found += [p for p in kind._validated(vocabulary, params.data) if p not in found]
    return tuple(found)


def test_leftover_pattern_lists_read_once_per_lexicon_are_the_lists_read_each_time():
    from checker.checks.leftovers import pattern as kind

    one = _lexicon({"a": ["x+", "y", "z"], "b": ["y", "w"]})
    two = _lexicon({"a": ["q"], "b": []})
    cases = [kind.Params(patterns=["y"], data="a"), kind.Params(patterns=["y"], data="b"),
             kind.Params(patterns=["v"], data="a"), kind.Params(patterns=["y"]), kind.Params(data="b")]
    for lexicon in (one, two, one, two):
        for params in cases:
            assert kind._patterns(lexicon, params) == _plain_patterns(lexicon, params), params
        for key in ("a", "b"):
            assert kind.data_patterns(lexicon, key) == kind._validated(lexicon, key)
    # a plain mapping (no fingerprint) is read each time
    assert kind._patterns({"a": ["k"]}, kind.Params(patterns=["y"], data="a")) == ("y", "k")


def test_a_bad_data_list_fails_at_every_check():
    from checker.checks.leftovers import pattern as kind

    bad = _lexicon({"a": ["ok", "(unclosed"]})
    for _ in range(2):
        with pytest.raises(ValueError, match="data 'a'"):
            kind._patterns(bad, kind.Params(data="a"))
        with pytest.raises(ValueError, match="must be a list"):
            kind.data_patterns(_lexicon({"a": "text"}), "a")


def test_claim_numerals_read_once_are_the_numerals_parsed():
    from itertools import product

    from checker.checks.enumeration import lists
    from checker.model.numerals import parse_cn_int

    alphabet = "一二两三四五六七八九十0123456789"
    for size in (1, 2, 3):
        for chars in product(alphabet, repeat=size):
            numeral = "".join(chars)
            want = int(numeral) if numeral.isdigit() else parse_cn_int(numeral)
            assert lists.count_value(numeral) == want == lists.count_value(numeral), numeral


def _unbalanced(text: str) -> list:
    from tests.helpers import lint

    return [(v.line, v.column, v.message) for v in lint(text, "punct-unbalanced")]


def test_paragraphs_closing_in_order_are_read_as_the_full_reading_reads_them(monkeypatch):
    from checker.checks.punctuation import balance

    rng = random.Random(41)
    pieces = ["“", "”", "‘", "’", "《", "》", "（", "）", "(", ")", "【", "】", "〞", "〝", "文字", "工作", "ab",
              "s", "。", "，", "…", "1)", "2）", "；", "\n", "\n\n", " "]
    texts = []
    for _ in range(700):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))))
    for _ in range(300):       # mostly balanced paragraphs: the quick reading's own case
        parts = []
        for _ in range(rng.randint(1, 6)):
            opener, closer = rng.choice([("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"), ("(", "）"), ("【", "】")])
            inner = rng.choice(["文字", "a’s", "“工作”", "（一）", ""])
            parts.append(rng.choice(["", "文字，"]) + opener + inner + closer + rng.choice(["", "。", "\n", "…"]))
        texts.append("".join(parts))
    quick = [_unbalanced(t) for t in texts]
    taken = sum(1 for t in texts for p in t.split("\n") if p and balance._closes_in_order(
        list(p), {"“": "”", "《": "》", "（": "）", "【": "】", "‘": "’"},
        {"”": "“", "》": "《", "）": "（", "】": "【", "’": "‘"}, {"(": "（", ")": "）"}, frozenset("〞〝’")))
    monkeypatch.setattr(balance, "_closes_in_order", lambda *args: False)
    full = [_unbalanced(t) for t in texts]
    assert quick == full
    assert taken > 300 and sum(map(bool, full)) > 300      # both readings were exercised


def _behind_expression(rng: random.Random) -> str:
    """An expression opening with a look-behind of fixed text (or a choice of them), or a
    near miss (a negative one, one holding a class or an anchor, one not first)."""
    texts = ["共有", "共计", "a", "ab", "[率比]", "[xy]", "年", "\\n", "(?:ab|c)", "a[bc]"]
    behinds = ["(?<=" + rng.choice(texts) + ")" for _ in range(rng.randint(1, 3))]
    lead = behinds[0] if len(behinds) == 1 else "(?:" + "|".join(behinds) + ")"
    lead = rng.choice([lead, lead, lead, "(?<!a)", "(?<=\\d)", "(?<=^a)", "x?" + lead])
    body = rng.choice(["家", "[家所]", "a+", "b", "(?:家|所(?!属))", "c*d", "年?比", "[^a]", "\\d+", "x??"])
    tail = rng.choice(["", "(?=[，。])", "b", "$", "|年"])
    return lead + body + tail


def test_starts_after_an_opening_lookbehinds_texts_find_regexs_matches():
    import regex

    rng = random.Random(77)
    filler = ["家", "所", "所属", "b", "c", "d", "1", "，", "。", "\n", "工作"]
    planted = ["共有", "共计", "a", "ab", "x", "y", "率", "比", "年", "\n"]
    taken = 0
    for _ in range(400):
        pattern = _behind_expression(rng)
        if rng.random() < 0.3:
            pattern = "(?m)" + pattern
        try:
            plain = regex.compile(pattern)
        except regex.error:
            continue
        share = rng.choice([0.002, 0.01, 0.05])       # the look-behind's texts rare, or not
        for _ in range(3):
            text = "".join(rng.choice(planted) if rng.random() < share else rng.choice(filler)
                           for _ in range(rng.randint(1_000, 2_600)))
            user = patterns.UserPattern(pattern)
            got = [(m.span(), m.groups()) for m in user.finditer(text)]
            want = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert got == want, pattern
            behind = patterns.behind_texts(pattern)
            taken += bool(behind) and patterns._behind_starts(text, behind, len(text)) is not None
    assert taken > 150
    assert patterns.behind_texts("(?:(?<=共有)|(?<=累计))家") == ("共有", "累计")
    assert patterns.behind_texts("(?<=[率比重])为") == ("率", "比", "重")
    for near_miss in ("(?<!共有)家", "(?<=[\\u4e00-\\u9fff])家", "x(?<=x)家", "(?<=a)b?", "(?<=a)|b"):
        assert patterns.behind_texts(near_miss) == (), near_miss
