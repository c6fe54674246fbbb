"""A later sentence of a settled text is reported without a look-up (issue 11).

``SettledCopies`` keeps, per text, the copy a looked-up sentence found when that copy
shares at least as many buckets as the sentence was put in and no earlier sentence of its
own document is in its buckets; a later sentence of that text is then reported as a copy
of it without being looked up.  These tests hold whole comparisons of corpora that repeat
a few sentences and their near copies (buckets fill, documents repeat a text or hold a
near copy before it) to the plain comparison of test_corpus_verdicts, and count that the
shortcut was taken; and they hold the store to its contract (a hash shared by two texts
gives nothing).
"""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from checker.checks.duplicates import settled_copies
from checker.checks.duplicates.corpus import Comparison, Fingerprints, Params
from checker.checks.duplicates.settled_copies import SettledCopies
from checker.model.similarity import band_keys
from tests.test_corpus_verdicts import plain_comparison, sentence, variant


def repeating_corpus(seed: int, documents: int, params: Params):
    """Documents drawing most sentences from a few families (a sentence and its near
    copies), so the same texts come back once their buckets are full, some twice in one
    document and some after a near copy of them in the same document."""
    rng = random.Random(seed)
    families = []
    for _ in range(8):
        base = sentence(rng)
        families.append([base] + [variant(rng, base) for _ in range(5)])
    docs = []
    for d in range(documents):
        texts = []
        for _ in range(rng.randrange(3, 16)):
            family = rng.choice(families)
            r = rng.random()
            if r < 0.1:
                texts.append(sentence(rng))
            elif r < 0.2:
                text = variant(rng, rng.choice(family))
                family.append(text)
                texts.append(text)
            else:
                texts.append(rng.choice(family[:3]) if r < 0.7 else rng.choice(family))
            if rng.random() < 0.15:                 # the same text again, or a near copy then it
                texts.append(texts[-1])
            elif rng.random() < 0.15:
                texts[-1:] = [rng.choice(family), texts[-1]]
        texts = [t for t in texts if t]
        entries = [(n + 1, 0, n + 1, len(t), t[:8], t) for n, t in enumerate(texts)]
        keys = band_keys(texts, params.bands, params.rows)
        docs.append((f"doc{d:03d}.txt", Fingerprints(entries, keys.tobytes(), params.bands)))
    return docs


def _compare(docs, params: Params, batch_rows: int, monkeypatch):
    hits = []
    get = SettledCopies.get

    def counted(self, text):
        found = get(self, text)
        hits.append(found is not None)
        return found

    monkeypatch.setattr(SettledCopies, "get", counted)
    comparison = Comparison(SimpleNamespace(params=params), batch_rows=batch_rows)
    found = []
    for path, data in docs:
        found += comparison.add(path, data)
    found += comparison.finish()
    monkeypatch.undo()
    return [(f.path, f.line - 1, f.args["other"], f.args["other_line"]) for f in found], sum(hits)


@pytest.mark.parametrize("seed,bucket_size,max_candidates,batch_rows", [
    (1, 8, 16, 200), (2, 4, 16, 40), (3, 3, 4, 25), (4, 2, 16, 60), (5, 6, 3, 10), (6, 8, 8, 120)])
def test_a_comparison_with_settled_texts_reports_what_a_plain_one_reports(seed, bucket_size, max_candidates,
                                                                          batch_rows, monkeypatch):
    params = Params(bucket_size=bucket_size, max_candidates=max_candidates, bands=8, rows=2)
    docs = repeating_corpus(seed, 120, params)
    got, hits = _compare(docs, params, batch_rows, monkeypatch)
    want = plain_comparison(docs, params)
    assert got == want
    assert len(want) > 300
    assert hits > 50                               # the shortcut was taken


@pytest.mark.parametrize("seed", range(7, 15))
def test_small_buckets_and_batches(seed, monkeypatch):
    """Buckets of 1-3 fill at once; batches of a document or two make most texts settled
    by the time they come back."""
    rng = random.Random(seed)
    params = Params(bucket_size=rng.choice([1, 2, 3]), max_candidates=rng.choice([1, 2, 16]), bands=6, rows=2)
    docs = repeating_corpus(seed, 60, params)
    got, hits = _compare(docs, params, rng.choice([1, 8, 30]), monkeypatch)
    assert got == plain_comparison(docs, params)
    assert hits > 10


def test_a_hash_shared_by_two_texts_gives_nothing():
    texts = {1 << 32 | 0: "甲乙丙丁戊己庚辛", 1 << 32 | 1: "甲乙丙丁戊己庚壬"}
    settled = SettledCopies(texts.__getitem__)
    settled.settle("甲乙丙丁戊己庚辛", 1 << 32 | 0, 7)
    assert settled.get("甲乙丙丁戊己庚辛") == 7
    # another text under the kept one's hash: its sentence is not the kept one's text
    settled.kept.put(hash("甲乙丙丁戊己庚壬"), settled.kept.get(hash("甲乙丙丁戊己庚辛")))
    assert settled.get("甲乙丙丁戊己庚壬") is None
    assert settled.get("子丑寅卯") is None


def test_the_store_is_bounded():
    texts = {n: f"第{n}句" for n in range(100)}
    settled = SettledCopies(texts.__getitem__, generation=8)
    for n in range(100):
        settled.settle(texts[n], n, 1000 + n)
    assert len(settled.kept.current) + len(settled.kept.older) <= 16
    assert settled.get(texts[99]) == 1099
    assert settled.get(texts[0]) is None           # forgotten: looked up again
    assert settled_copies.GENERATION >= 1 << 12
