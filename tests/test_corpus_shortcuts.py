"""Shortcuts of the cross-document comparison that must not change a finding (issue 11).

- A sentence the index found to be a copy of the first sentence of its text (the exact
  text's band, the texts compared) is flagged, and the comparison then reports it without
  reading and comparing the two texts again: the flag must be set only when the texts are
  equal, also when two different texts share every key.
- The ranking sorts its (sentence, candidate) numbers as 32-bit ones when they fit: the
  order must be the one of the plain ranking, on both paths.
- ``is_copy`` counts the character gap only when a text holds a placeholder (without one,
  difflib's count of changed characters is at least the gap): its verdicts must be the
  plain ones, for pairs whose gap is above the limit most of all.
"""
from __future__ import annotations

import random
from collections import Counter
from types import SimpleNamespace

import pytest

from checker.checks.duplicates import corpus
from checker.checks.duplicates.corpus import Comparison, Fingerprints, Params, _BucketIndex
from checker.model.similarity import PLACEHOLDER, band_keys
from tests.test_corpus_verdicts import HAN, corpus_of, edited, plain_comparison, plain_is_copy, sentence, variant


def _documents(texts_per_doc: list[list[str]], params: Params, keys_of=None):
    docs = []
    for d, texts in enumerate(texts_per_doc):
        entries = [(n + 1, 0, n + 1, len(t), t[:8], t) for n, t in enumerate(texts)]
        keys = band_keys(texts, params.bands, params.rows) if keys_of is None else keys_of(texts)
        docs.append((f"doc{d:03d}.txt", Fingerprints(entries, keys.tobytes(), params.bands)))
    return docs


def _run(docs, params: Params, batch_rows: int):
    comparison = Comparison(SimpleNamespace(params=params), batch_rows=batch_rows)
    found = []
    for path, data in docs:
        found += comparison.add(path, data)
    found += comparison.finish()
    return [(f.path, f.line - 1, f.args["other"], f.args["other_line"]) for f in found]


def test_the_same_text_flag_is_given_only_for_equal_texts():
    params = Params(bands=8, rows=2)
    rng = random.Random(11)
    first = "".join(rng.choice(HAN) for _ in range(30))
    other = first[:-1] + ("的" if first[-1] != "的" else "一")          # one character changed
    docs = _documents([[first], [first], [other]], params)
    # the third document's sentence takes the first one's keys in every band: an exact-key
    # collision of two different texts
    docs[2][1].keys = docs[0][1].keys
    index = _BucketIndex(params, lambda number, e: [d for _, d in docs][number].norm(e))
    index.add_batch([docs[0][1].key_array()], [True], [docs[0][1]])
    found = index.add_batch([d.key_array() for _, d in docs[1:]], [True, True], [d for _, d in docs[1:]])
    assert found[0] == [(0, [0 << 32 | 0], True, 0)]    # the same text: flagged
    assert found[1][0][2] is False                       # another text under the same keys: not flagged
    assert found[1][0][1][0] == 0                        # ... but still compared with the first one


def test_copies_of_several_first_sentences_in_one_batch_are_each_flagged():
    """The first sentences' texts are read once per batch (``_exact_copies``): each row
    must still be compared with its own first sentence's text."""
    params = Params(bands=8, rows=2)
    rng = random.Random(12)
    firsts = ["".join(rng.choice(HAN) for _ in range(30)) for _ in range(3)]
    other = firsts[1][:-1] + ("的" if firsts[1][-1] != "的" else "一")
    docs = _documents([firsts, [firsts[2], firsts[0]], [firsts[1], other], [firsts[0]]], params)
    # both sentences of the third document under firsts[1]'s keys: the near copy collides
    one = len(docs[0][1].keys) // 3
    docs[2][1].keys = docs[0][1].keys[one:2 * one] * 2
    index = _BucketIndex(params, lambda number, e: [d for _, d in docs][number].norm(e))
    index.add_batch([docs[0][1].key_array()], [True], [docs[0][1]])
    found = index.add_batch([d.key_array() for _, d in docs[1:]], [True] * 3, [d for _, d in docs[1:]])
    assert found[0] == [(0, [0 << 32 | 2], True, 0), (1, [0 << 32 | 0], True, 0)]
    assert found[1][0] == (0, [0 << 32 | 1], True, 0)
    assert found[1][1][2] is False and found[1][1][1][0] == 0 << 32 | 1       # ... compared, not flagged
    assert found[2] == [(0, [0 << 32 | 0], True, 0)]


@pytest.mark.parametrize("seed,batch_rows", [(21, 30), (22, 200), (23, 2048), (24, 3840)])
def test_a_comparison_with_colliding_keys_reports_what_the_plain_one_reports(seed, batch_rows):
    """Sentences changed after their keys were made (a near copy under the keys of the text
    it varies, in every band): the exact-copy path meets texts that are not equal, and
    must compare them as the plain comparison does."""
    params = Params(bands=8, rows=2)
    rng = random.Random(seed)
    docs, collided = [], 0
    for path, data in corpus_of(seed, 60, params):
        entries = list(data.entries)
        for e, (line, col, end_line, end_col, excerpt, norm) in enumerate(entries):
            if rng.random() < 0.3:
                twin = variant(rng, norm)
                collided += twin != norm
                entries[e] = (line, col, end_line, end_col, excerpt, twin)
        docs.append((path, Fingerprints(entries, data.keys, params.bands)))
    assert collided > 100
    assert _run(docs, params, batch_rows) == plain_comparison(docs, params)


def _plain_ranked(pairs_row, pairs_member, row_start, max_candidates):
    shared: dict[int, Counter] = {}
    for s, c in zip(pairs_row, pairs_member):
        if c < row_start[s]:
            shared.setdefault(s, Counter())[c] += 1
    out = []
    for s in sorted(shared):
        ranked = sorted(shared[s], key=lambda c: (-shared[s][c], c))[:max_candidates]
        out += [(s, c) for c in ranked]
    return out


@pytest.mark.parametrize("rows", [5_000, 1 << 26])      # 32-bit numbers, and numbers too large for them
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_ranking_is_the_plain_one_on_both_paths(rows, seed):
    from checker.core.numeric import np

    rng = random.Random(seed)
    params = Params(max_candidates=rng.choice([2, 5, 16]))
    index = _BucketIndex(params)
    index.rows = rows
    index._possible = lambda r, c: np.ones(len(r), dtype=bool)      # the ranking alone
    batch = 300
    row_start = np.array(sorted(rng.randrange(rows - batch, rows) for _ in range(batch)), dtype=np.int64)
    pool = [rng.randrange(0, rows) for _ in range(60)]               # candidates shared by many rows
    pairs_row, pairs_member = [], []
    for _ in range(rng.randrange(3, 17)):                            # one piece per band
        n = rng.randrange(100, 2000)
        pairs_row.append(np.array([rng.randrange(batch) for _ in range(n)], dtype=np.int64))
        pairs_member.append(np.array([rng.choice(pool) for _ in range(n)], dtype=np.int32 if rows < 2 ** 31 else np.int64))
    sentence, candidate, _, _ = index._ranked(pairs_row, pairs_member, row_start)
    want = _plain_ranked(np.concatenate(pairs_row).tolist(), np.concatenate(pairs_member).tolist(),
                         row_start.tolist(), params.max_candidates)
    assert list(zip(sentence.tolist(), candidate.tolist())) == want
    assert len(want) > 100


@pytest.mark.parametrize("seed", range(6))
def test_the_ranking_with_its_shared_counts_is_the_plain_one(seed):
    """Most pairs share one bucket and are not sorted again (``_first_ranked``): they must
    take the places after their sentence's pairs sharing more, by candidate, up to the
    cap; and each pair's count of buckets shared (what ``lasting`` reads) must be kept."""
    from checker.core.numeric import np

    rng = random.Random(100 + seed)
    params = Params(max_candidates=[6, 5, 8, 16, 40, 24][seed])
    index = _BucketIndex(params)
    index.rows = 200_000
    index._possible = lambda r, c: np.ones(len(r), dtype=bool)
    batch = 200
    row_start = np.full(batch, index.rows - batch, dtype=np.int64)
    popular = [rng.randrange(0, 50_000) for _ in range(rng.choice([3, 10, 30]))]
    pairs_row, pairs_member = [], []
    for _ in range(17):
        rows, members = [], []
        for s in range(batch):
            # a few candidates met in many bands, and many met in one (a large pool)
            picked = set(rng.sample(popular, rng.randrange(0, 3)))
            picked |= {rng.randrange(0, 190_000) for _ in range(rng.randrange(0, 12))}
            rows += [s] * len(picked)
            members += sorted(picked)
        pairs_row.append(np.array(rows, dtype=np.int64))
        pairs_member.append(np.array(members, dtype=np.int32))
    sentence, candidate, shared, _ = index._ranked(pairs_row, pairs_member, row_start)
    rows, members = np.concatenate(pairs_row).tolist(), np.concatenate(pairs_member).tolist()
    want = _plain_ranked(rows, members, row_start.tolist(), params.max_candidates)
    counts = Counter(zip(rows, members))
    assert list(zip(sentence.tolist(), candidate.tolist())) == want
    assert shared.tolist() == [counts[p] for p in want]
    assert sum(counts[p] == 1 for p in want) > 20 and sum(counts[p] > 1 for p in want) > 20


def _gap(a: str, b: str) -> int:
    """Characters of ``b`` with no counterpart in ``a``."""
    return sum((Counter(b) - Counter(a)).values())


@pytest.mark.parametrize("limit", [0, 1, 4, 9])
def test_is_copy_without_the_gap_gives_the_plain_verdicts(limit):
    params = Params(max_changed=limit)
    rng = random.Random(limit)
    over = 0
    for n in range(3000):
        a = sentence(rng, rng.randrange(1000, 1040) if n % 50 == 0 else rng.randrange(6, 60))
        kind = n % 4
        if kind == 0:                                 # the same characters, a few reordered or replaced
            b = edited(rng, a, rng.randrange(1, limit + 3))
        elif kind == 1:                               # characters the other text lacks, length kept
            b = "".join(c if rng.random() > 0.15 else rng.choice(HAN[200:]) for c in a)
        elif kind == 2:
            b = variant(rng, a)
        else:                                         # a placeholder on one side or the other
            at = rng.randrange(len(a))
            b = a[:at] + PLACEHOLDER + a[at + rng.randrange(0, limit + 6):]
            if rng.random() < 0.5:
                a, b = b, a
        over += _gap(a, b) > limit
        assert corpus.is_copy(a, b, params) == plain_is_copy(a, b, params), (a, b)
    assert over > 150


def test_a_placeholder_pair_is_still_rejected_by_its_gap():
    """A name put back in place of the placeholder: difflib does not count the wildcard's
    replacement, so only the gap rejects the pair."""
    params = Params()
    a = "推进建设工作取得明显成效各项任务全面完成" + PLACEHOLDER
    b = a[:-1] + "张三李四王五赵六"
    assert _gap(a, b) > params.max_changed
    assert corpus.near_duplicate(a, b, min_ratio=0.0, max_changed=params.max_changed) is not None
    assert corpus.is_copy(a, b, params) is False


@pytest.mark.parametrize("batch_rows", [30, 2048])
def test_a_document_copied_over_and_over(batch_rows):
    """Once every bucket of a document's sentences is full, a batch of its copies adds
    nobody to them: the index's run for that batch is empty in every band, and later
    batches search it and merge it (an IndexError before)."""
    params = Params(bands=8, rows=2)
    rng = random.Random(5)
    texts = [sentence(rng) for _ in range(25)]
    docs = _documents([texts] * 200 + [texts[:3] + [sentence(rng) for _ in range(20)]], params)
    found = _run(docs, params, batch_rows)
    assert found == plain_comparison(docs, params)
    assert [f for f in found if f[0] == "doc200.txt"] == [("doc200.txt", n, "doc000.txt", n + 1) for n in range(3)]


def _counting_index(params: Params, gathered: list) -> _BucketIndex:
    index = _BucketIndex(params)
    ranked = index._ranked

    def counting(pairs_row, pairs_member, row_start):
        gathered.append(sum(len(p) for p in pairs_row))
        return ranked(pairs_row, pairs_member, row_start)

    index._ranked = counting
    return index


def test_a_row_alone_with_its_keys_gathers_nothing():
    """A sentence whose keys no other sentence of its batch has is put in its buckets but
    not given itself as a member: the ranking would drop it (not an earlier document's)."""
    params = Params(bands=8, rows=2)
    rng = random.Random(9)
    docs = _documents([[sentence(rng) for _ in range(10)] for _ in range(3)], params)
    gathered = []
    index = _counting_index(params, gathered)
    index.add_batch([d.key_array() for _, d in docs], [True] * 3, [d for _, d in docs])
    assert gathered == [0]
    # two documents of one sentence: both rows of each key are given to both, and the
    # later document's sentence has the earlier one as its candidate
    twice = _documents([[docs[0][1].norm(0)]] * 2, params)
    index = _counting_index(params, gathered)
    found = index.add_batch([d.key_array() for _, d in twice], [True, True], [d for _, d in twice])
    assert gathered[-1] == 2 * 2 * (params.bands + 1)
    assert found == [[], [(0, [0], False, 1)]]
