"""``WordPlaces`` (typo-spinner's spun words found in one pass) against the ``find``
loop it replaces, and typo-spinner's findings with it against the loop's."""
from __future__ import annotations

import random

from checker.checks.typo.spinner import _places_by_find
from checker.checks.typo.word_places import WordPlaces


def _find_loop(text: str, word: str) -> list[int]:
    out, start = [], text.find(word)
    while start >= 0:
        out.append(start)
        start = text.find(word, start + len(word))
    return out


def test_places_are_the_find_loops():
    rng = random.Random(23)
    alphabet = "进展开大平安那么效劳根底abc"
    checked = 0
    for _ in range(400):
        # words sharing first pairs, prefixes of each other, repeating themselves (进进进)
        words = {"".join(rng.choice(alphabet[:4]) for _ in range(rng.randrange(2, 5))) for _ in range(rng.randrange(1, 8))}
        text = "".join(rng.choice(alphabet[:4] if rng.random() < 0.8 else alphabet) for _ in range(rng.randrange(0, 300)))
        scan = WordPlaces.of(words)
        found = scan.places(text)
        for word in words:
            assert found.get(word, []) == _find_loop(text, word) == _places_by_find(text, word), (word, text)
            checked += len(found.get(word, []))
        assert set(found) <= words and all(found.values())
    assert checked > 2_000


def test_single_characters_or_no_words_keep_find():
    assert WordPlaces.of(["进展", "大"]) is None
    assert WordPlaces.of([]) is None
    assert WordPlaces.of(["进展"]) is not None


def test_spinner_findings_with_and_without_the_one_pass(monkeypatch):
    from pathlib import Path

    from checker.checks.typo import spinner
    from checker.checks.typo.vocabulary import vocabulary
    from checker.engine.settings import build_settings
    from checker.model.document import Document

    settings = build_settings(no_config=True)
    rule = next(r for r in settings.rules if r.id == "typo-spinner")
    pairs = vocabulary(rule.vocabulary).spinner
    seeds = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))]
    rng = random.Random(4)
    texts = []
    for _ in range(60):
        parts = []
        for _ in range(30):
            seed = rng.choice(seeds)
            at = rng.randrange(len(seed))
            parts.append(seed[at:at + rng.randrange(0, 80)])
            pair = rng.choice(pairs)
            colloc = rng.choice(pair.collocations) if pair.collocations else pair.original
            parts.append(rng.choice([colloc.replace(pair.original, pair.spun, 1), pair.spun, pair.spun * 2,
                                     colloc, rng.choice(pair.allow) if pair.allow else pair.spun]))
        texts.append("".join(parts))

    def findings(text):
        doc = Document.from_text(text, path="t", lexicon=settings.lexicon)
        return [(f.span, f.args, f.fix) for f in spinner.check(doc, rule)]

    with_scan = [findings(t) for t in texts]
    monkeypatch.setattr(spinner, "_word_places", lambda rule: None)
    without = [findings(t) for t in texts]
    assert with_scan == without
    assert sum(map(len, with_scan)) > 100
