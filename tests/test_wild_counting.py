"""``NearIndex._wild_near`` counts the bigrams a unit with placeholders lacks of a text by
searching the text for each, stopping past the unit's allowance, instead of making the
text's bigrams: it must pass exactly the units the bigram sets pass, for short and long
texts (paragraphs), texts of one character and units of one character."""
from __future__ import annotations

import random

import pytest

from checker.model.near_index import NearIndex, frozen_bigrams


def _by_bigram_sets(index: NearIndex, norm: str) -> set[int]:
    """The units with placeholders the former code passed: the bigram sets compared."""
    most = len(norm) - 1 if len(norm) > 1 else len(norm)
    grams = frozen_bigrams(norm)
    return {p for p, lacking, probe in zip(index._wild_units, index._wild_lacking, index._wild_probes)
            if len(index.grams_of(p)) - most <= lacking and (probe is None or any(g in norm for g in probe))
            and len(index.grams_of(p) - grams) <= lacking}


def _texts(rng: random.Random, count: int, longest: int) -> list[str]:
    out: list[str] = []
    for _ in range(count):
        if out and rng.random() < 0.5:
            base = rng.choice(out)
            chars = list(base)
            for _ in range(rng.randint(0, 6)):
                at = rng.randint(0, len(chars))
                if rng.random() < 0.5 and at < len(chars):
                    del chars[at]
                else:
                    chars.insert(at, rng.choice("推进建设完善§"))
            out.append("".join(chars))
        else:
            alphabet = "推进建设完善机制§" if rng.random() < 0.3 else "推进建设完善机制"
            out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))))
    return out


@pytest.mark.parametrize("k,longest", [(1, 12), (3, 40), (3, 300), (6, 900)])
def test_units_passed_by_counting_are_those_the_bigram_sets_pass(k, longest):
    rng = random.Random(k * 1000 + longest)
    index = NearIndex(k)
    checked = passed = 0
    for text in _texts(rng, 400, longest):
        if "§" not in text and index._wild_units:
            found: set[int] = set()
            index._wild_near(text, found)
            expected = _by_bigram_sets(index, text)
            assert found == expected, text
            checked += 1
            passed += bool(expected)
        index.add(text)
    assert checked > 50 and passed > 5


def test_one_character_units_and_texts():
    index = NearIndex(1)
    for text in ["§", "推§", "推", "推进§建", "§进"]:
        index.add(text)
    for text in ["", "推", "进", "推进", "进推", "建设推进"]:
        found: set[int] = set()
        index._wild_near(text, found)
        assert found == _by_bigram_sets(index, text), text


@pytest.mark.parametrize("k", [1, 3])
def test_figures_only_updates_left_out_in_the_loop_as_before_it(k):
    """With ``figures_only_skeletons`` the units differing from a text in figures only are
    left out (tested in the examining loop when every unit found is examined): the answer
    is the plain index's less those units, while no cap is reached."""
    from checker.model.near_index import figures_skeleton

    rng = random.Random(7 + k)
    texts: list[str] = []
    for _ in range(600):
        if texts and rng.random() < 0.6:
            base = list(rng.choice(texts))
            for _ in range(rng.randint(0, k + 1)):
                at = rng.randrange(len(base)) if base else 0
                if base and rng.random() < 0.5:
                    base[at] = rng.choice("0123456789推进")
                else:
                    base.insert(at, rng.choice("0123456789推进"))
            texts.append("".join(base))
        else:
            texts.append("".join(rng.choice("推进建设完善机制12") for _ in range(rng.randint(8, 40))))
    caps = {"examine_cap": 10_000, "candidates_cap": 10_000, "postings_cap": 10_000}
    updates, plain = NearIndex(k, figures_only_skeletons=True, **caps), NearIndex(k, **caps)
    left_out = 0
    for text in texts:
        expected = [p for p in plain.candidates(text, 0.5)
                    if plain.norms[p] == text or figures_skeleton(plain.norms[p]) != figures_skeleton(text)]
        got = updates.candidates(text, 0.5)
        assert got == expected, text
        left_out += len(plain.candidates(text, 0.5)) - len(got)
        updates.add(text)
        plain.add(text)
    assert left_out > 20


def test_the_units_with_placeholders_keep_their_bigram_counts():
    # ``_wild_near``'s length test reads each unit's count of bigrams kept at ``add``
    index = NearIndex(3)
    for text in ("关于§的通知", "§", "各单位§认真学习§贯彻落实", "推进建设完善机制", "§§工作"):
        index.add(text)
    assert index._wild_sizes == [len(index.grams_of(p)) for p in index._wild_units]
