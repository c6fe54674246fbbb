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


def test_one_scan_of_a_document_for_the_misspelling_and_phrase_rules(setup, monkeypatch):
    """typo-misspelling's matches and the phrase kind's misspelling spans come from one
    scan of the document (``literal.table_matches``); the findings are those of each rule
    scanning on its own."""
    from checker.checks.registry import link_deferrals
    from checker.checks.typo import literal
    from checker.checks.typo.word_scan import WordScan
    from checker.engine.lint import lint_document

    settings, _ = setup
    ids = ("typo-phrase", "typo-official-name", "typo-misspelling")
    # linked as a run links them: the phrase rules leave the misspellings to typo-misspelling
    rules = link_deferrals([r for r in settings.rules if r.id in ids])
    assert len(rules) == 3
    texts = _texts(rules[0])[:5] + _texts(rules[0])[-60:]

    def findings():
        out = []
        for i, text in enumerate(texts):
            doc = Document.from_text(text, path=f"s{i}", lexicon=settings.lexicon)
            out.append([(v.rule, v.line, v.column, v.excerpt, v.message) for v in lint_document(doc, rules, True).violations])
        return out

    scans = [0]
    real = WordScan.finditer

    def counted(self, text):
        scans[0] += 1
        return real(self, text)

    monkeypatch.setattr(WordScan, "finditer", counted)
    shared = findings()
    assert scans[0] <= len(texts)                   # at most one scan a document
    alone_min = scans[0]
    assert sum(map(len, shared)) > 100 and any(f[0] == "typo-misspelling" for fs in shared for f in fs)
    # each rule scanning on its own, as before the matches were shared
    monkeypatch.setattr(literal, "table_matches", lambda doc, lexicon, table: list(
        literal.table_scan(lexicon, table).finditer(doc.text)))
    scans[0] = 0
    assert findings() == shared
    assert scans[0] > alone_min, (scans[0], alone_min)
