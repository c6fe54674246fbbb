"""typo-phrase's misspelling spans (checker/checks/typo/phrase.py, ``misspelling_spans``): found
by ``WordScan`` instead of ``re``'s alternation, once per document for the rules of the kind,
they are the spans the alternation matches."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker.checks.typo import phrase
from checker.engine.settings import build_settings
from checker.model.document import Document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def setup():
    settings = build_settings(no_config=True)
    rules = [r for r in settings.rules if r.kind == "typo-phrase"]
    return settings, rules


def _by_re(rule, text):
    regex = phrase.misspelling_regex(rule)
    return [m.span() for m in regex.finditer(text)] if regex is not None else []


def _texts(rule):
    words = sorted(phrase.vocabulary(rule.vocabulary).misspellings)
    rng = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    filler = "的发展和建设工作推进落实不以人会。，"
    for _ in range(300):
        # misspellings next to, inside and overlapping one another, with their prefixes
        pieces = []
        for _ in range(rng.randint(1, 30)):
            word = rng.choice(words)
            pieces.append(rng.choice([word, word[:-1], word[1:], rng.choice(filler), word + word[:1]]))
        texts.append("".join(pieces))
    return texts


def test_spans_are_the_alternations(setup):
    settings, rules = setup
    rule = rules[0]
    assert phrase.misspelling_scan(rule) is not None       # the scan really stands in
    found = 0
    for i, text in enumerate(_texts(rule)):
        doc = Document.from_text(text, path=f"t{i}", lexicon=settings.lexicon)
        expected = _by_re(rule, text)
        assert phrase.misspelling_spans(doc, rule) == expected
        found += len(expected)
    assert found > 500


def test_spans_kept_per_document_and_renewed_for_the_next(setup):
    settings, rules = setup
    words = sorted(phrase.vocabulary(rules[0].vocabulary).misspellings)
    a = Document.from_text("前文" + words[0] + "后文", path="a", lexicon=settings.lexicon)
    b = Document.from_text("没有错词的一段话。", path="b", lexicon=settings.lexicon)
    first = phrase.misspelling_spans(a, rules[0])
    assert first == [(2, 2 + len(words[0]))]
    assert all(phrase.misspelling_spans(a, r) is first for r in rules)    # shared by the kind's rules
    assert phrase.misspelling_spans(b, rules[0]) == []


def test_one_character_words_fall_back_to_re(setup, monkeypatch):
    settings, rules = setup
    monkeypatch.setattr(phrase, "misspelling_scan", lambda rule: None)
    text = next(SEEDS.glob("003*.txt")).read_text(encoding="utf-8")
    doc = Document.from_text(text + "布署", path="fallback", lexicon=settings.lexicon)
    assert phrase.misspelling_spans(doc, rules[0]) == _by_re(rules[0], doc.text)
