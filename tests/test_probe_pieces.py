"""``NearIndex.add`` takes a unit's segments out of the slices ``candidates`` cut for its
look-up (``near_index._picker``): the same pieces ``_cutter`` cuts, for every length and
number of edits, and an index filed that way proposes what one filed by cutting does."""
from __future__ import annotations

import random

import pytest

from checker.model import near_index
from checker.model.near_index import NearIndex, _cutter, _picker, _prober


@pytest.mark.parametrize("k", [0, 1, 2, 3, 5])
def test_picked_pieces_are_the_cut_ones(k):
    rng = random.Random(k)
    for n in range(1, 90):
        text = "".join(rng.choice("推进建设完善机制ab12") for _ in range(n))
        cut, probe = _cutter(k, n), _prober(k, n)
        if cut is None:
            assert _picker(k, n) is None
            continue
        assert _picker(k, n)(probe(text)) == cut(text), (k, n)


class CuttingIndex(NearIndex):
    """The index as it filed before: every unit cut again in ``add``."""

    def add(self, norm, grams=None):
        self._probed = None
        return super().add(norm, grams)


@pytest.mark.parametrize("k", [1, 3])
def test_an_index_filed_from_probes_proposes_what_one_filed_by_cutting_does(k):
    rng = random.Random(10 + k)
    near_index._SEEN.clear()
    near_index._PROBES.clear()
    texts: list[str] = []
    for _ in range(1500):
        if texts and rng.random() < 0.5:
            text = list(rng.choice(texts))
            for _ in range(rng.randint(0, 4)):
                text.insert(rng.randint(0, len(text)), rng.choice("推进建设完善"))
            text = "".join(text)
        else:
            text = "".join(rng.choice("推进建设完善机制") for _ in range(rng.randint(1, 40)))
        texts.append(text)
    new, old = NearIndex(k), CuttingIndex(k)
    asked = 0
    for text in texts:
        found = new.candidates(text, 0.5)
        assert found == old.candidates(text, 0.5)
        asked += new._probed is text
        new.add(text)
        old.add(text)
    assert asked > 500              # the picked path was taken
    assert new._segments == old._segments


@pytest.mark.parametrize("k", [0, 1, 3, 5])
def test_units_found_from_the_pieces_places_are_those_found_in_the_windows(k):
    """``_found_at`` (each filed piece's windows, ``_slots``) against ``_found_in_windows``
    (each filed segment searched for in the windows of its size), on the same probes."""
    rng = random.Random(30 + k)
    index = NearIndex(k)
    texts: list[str] = []
    compared = 0
    for _ in range(1200):
        if texts and rng.random() < 0.6:
            text = _edited(rng, rng.choice(texts), rng.randint(0, k + 2), "推进建设完善")
        else:
            text = "".join(rng.choice("推进建设完善机制") for _ in range(rng.randint(1, 70)))
        texts.append(text)
        n = len(text)
        probe = _prober(k, n)
        if text and probe is not None:
            pieces = probe(text)
            at = [j for j, piece in enumerate(pieces) if piece in index._segment_texts]
            expected: set[int] = set()
            index._found_in_windows(text, k, n, set(pieces) & index._segment_texts, expected)
            assert index._found_at(pieces, k, n, at) == expected, (k, text)
            compared += bool(expected)
        index.add(text)
    assert compared > 100


@pytest.mark.parametrize("k", [1, 3])
def test_units_with_placeholders_passed_over_by_their_probe_are_those_the_bigrams_pass_over(k, monkeypatch):
    """``_wild_probe``'s bigrams (a search of the text each) pass over only units with
    placeholders that lack too many of its bigrams: the index proposes what it proposes
    without them (None: the bigram sets compared for every one)."""
    rng = random.Random(50 + k)
    texts: list[str] = []
    for _ in range(900):
        if texts and rng.random() < 0.6:
            text = _edited(rng, rng.choice(texts).replace("§", ""), rng.randint(0, 2 * k + 3), "推进建设完善§")
        else:
            text = "".join(rng.choice("推进建设完善机制§" if rng.random() < 0.2 else "推进建设完善机制")
                           for _ in range(rng.randint(1, 40)))
        texts.append(text)
    new = NearIndex(k)
    proposals = []
    for text in texts:
        proposals.append(new.candidates(text, 0.5))
        new.add(text)
    assert any(new._wild_probes) and sum(map(bool, proposals)) > 100
    monkeypatch.setattr(near_index, "_wild_probe", lambda grams, lacking: None)
    old = NearIndex(k)
    for text, proposed in zip(texts, proposals):
        assert old.candidates(text, 0.5) == proposed, text
        old.add(text)


def _edited(rng, text: str, edits: int, alphabet: str) -> str:
    """``text`` with ``edits`` random edits: each drops a character or inserts one of ``alphabet``."""
    chars = list(text)
    for _ in range(edits):
        at = rng.randint(0, len(chars))
        if rng.random() < 0.5 and at < len(chars):
            del chars[at]
        else:
            chars.insert(at, rng.choice(alphabet))
    return "".join(chars)
