"""``WordScan`` (checker/checks/typo/word_scan.py) finds what ``re`` finds with the alternation
of the words longest first: the same starts, ends and words, in the same order."""
from __future__ import annotations

import random

from checker.checks.typo.literal import alternation
from checker.checks.typo.word_scan import WordScan


def _found_by_re(words, text):
    return [(m.start(), m.end(), m.group()) for m in alternation(words).finditer(text)]


def test_random_word_sets_and_texts_match_re():
    rng = random.Random(12)
    alphabet = "甲乙丙丁戊己庚辛壬癸。，-]^\\[a."     # few letters: words overlap, nest and share starts
    differing_orders = 0
    for _ in range(400):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(1, 12))}
        scan = WordScan.of(words)
        assert scan is not None
        for _ in range(5):
            pieces = [rng.choice(sorted(words)) if rng.random() < 0.5 else rng.choice(alphabet)
                      for _ in range(rng.randint(0, 40))]
            text = "".join(pieces)
            expected = _found_by_re(words, text)
            assert list(scan.finditer(text)) == expected, (sorted(words), text)
            # the test sees the difference leftmost-longest makes: a shorter word at the same start
            differing_orders += any(text.startswith(w, s) and len(w) < e - s for s, e, _ in expected for w in words)
    assert differing_orders > 20


def test_a_shorter_word_inside_a_match_is_not_found_again():
    scan = WordScan.of(["甲乙丙", "乙丙", "丙丁"])
    assert list(scan.finditer("甲乙丙丁乙丙")) == [(0, 3, "甲乙丙"), (4, 6, "乙丙")]
    assert list(scan.finditer("甲乙丙丁乙丙")) == _found_by_re(["甲乙丙", "乙丙", "丙丁"], "甲乙丙丁乙丙")


def test_words_of_one_character_or_none_keep_re():
    assert WordScan.of(["甲", "乙丙"]) is None
    assert WordScan.of([]) is None


def test_the_misspelling_table_matches_re_on_seeds():
    import pathlib

    from checker.checks.typo.literal import table_for
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.id == "typo-misspelling")
    table = table_for(rule)
    assert table.scan is not None
    words = sorted(table.entries)
    rng = random.Random(4)
    seeds = sorted(pathlib.Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))[:12]
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        cut = list(text)
        for _ in range(30):     # the table's words put in at random places, some cut short
            at = rng.randrange(len(cut) + 1)
            word = rng.choice(words)
            cut[at:at] = word[:rng.randint(1, len(word))]
        mixed = "".join(cut)
        assert list(table.finditer(mixed)) == _found_by_re(words, mixed)
        assert list(table.finditer(mixed))


def test_the_alternation_is_made_only_without_a_scan(monkeypatch):
    """literal.Table.regex is made when asked (branch one14): a table whose forms all have
    two characters finds its matches by its WordScan and never compiles the alternation."""
    from checker.checks.typo import literal

    made = []
    real = literal.alternation
    monkeypatch.setattr(literal, "alternation", lambda words: made.append(1) or real(words))
    table = literal.Table({"布署": "部署", "台帐": "台账"}, frozenset())
    assert list(table.finditer("请布署台帐")) == [(1, 3, "布署"), (3, 5, "台帐")]
    assert made == []
    one = literal.Table({"帐": "账", "布署": "部署"}, frozenset())     # a form of one character: re
    assert list(one.finditer("布署帐")) == [(0, 2, "布署"), (2, 3, "帐")]
    assert made == [1]
    assert literal.Table({}, frozenset()).regex is None


def test_typo_phrase_takes_the_misspellings_spans_from_the_shared_scan(monkeypatch):
    """typo-phrase's misspelling spans (branch one14) come from typo-misspelling's word scan
    of the same words: the same spans as its alternation on the seeds with the table's words
    planted, without making the alternation; one scan serves both rules."""
    import pathlib

    from checker.checks.typo import literal, phrase
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.id == "typo-phrase")
    misspelling = next(r for r in settings.rules if r.id == "typo-misspelling")
    regex = phrase.misspelling_regex(rule)
    words = sorted(regex.pattern.replace("\\", "").split("|"))
    monkeypatch.setattr(phrase, "misspelling_regex", lambda rule: (_ for _ in ()).throw(AssertionError("made")))
    rng = random.Random(7)
    for path in sorted(pathlib.Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt")):
        cut = list(path.read_text(encoding="utf-8"))
        for _ in range(40):
            at = rng.randrange(len(cut) + 1)
            word = rng.choice(words)
            cut[at:at] = word[:rng.randint(1, len(word))]
        text = "".join(cut)
        spans = phrase.misspelling_spans_in(rule, text)
        assert spans == [m.span() for m in regex.finditer(text)] and spans
    assert literal.table_for(misspelling).scan is literal.table_scan(rule.vocabulary, "misspellings")


def test_without_a_scan_the_misspellings_spans_come_from_the_alternation(monkeypatch):
    from checker.checks.typo import literal, phrase
    from checker.engine.settings import build_settings

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.id == "typo-phrase")
    monkeypatch.setattr(literal, "table_scan", lambda lexicon, table: None)
    regex = phrase.misspelling_regex(rule)
    text = "请" + regex.pattern.split("|")[0].replace("\\", "") + "。"
    assert phrase.misspelling_spans_in(rule, text) == [m.span() for m in regex.finditer(text)] == [(1, len(text) - 1)]
