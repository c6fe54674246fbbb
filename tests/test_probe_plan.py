"""``near_index._probe_plan``: a length's prober, picker and slots made in one walk of its
windows, a short length's plain data kept with the facts about expressions, and a short
text's probe made at its length's first look-up."""
from __future__ import annotations

import marshal
import random

import pytest

from checker.model import near_index
from checker.model.near_index import NearIndex, _plan, _probe_plan, _probe_walk


def _bounds(prober) -> list[tuple[int, int]]:
    """The (start, stop) of every slice a prober cuts, in its order (one slice is asked
    twice: counted once)."""
    slices = prober.__reduce__()[1]
    if len(slices) == 2 and slices[0] == slices[1]:
        slices = slices[:1]
    return [(s.start, s.stop) for s in slices]


def _windows_by_place(k: int, n: int) -> dict[tuple[int, int], set[tuple[int, int]]]:
    """From ``_plan``: every place of every window, as (start, stop), with the (length,
    segment) of the windows holding it."""
    out: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for length, windows in _plan(k, n):
        for i, (first, last, size) in enumerate(windows):
            for p in range(first, last + 1):
                out.setdefault((p, p + size), set()).add((length, i))
    return out


@pytest.fixture
def walked(monkeypatch):
    """Plans walked in this process, not read from the user's facts store."""
    monkeypatch.setattr(near_index.pattern_facts, "answer", lambda kind, pattern, flags, compute: compute())
    _probe_plan.cache_clear()
    yield
    _probe_plan.cache_clear()


@pytest.mark.parametrize("k", [0, 1, 2, 3, 5, 8])
def test_the_pieces_are_every_place_of_every_window_once_with_its_windows(k, walked):
    for n in range(0, 140):
        _probe_plan.cache_clear()
        prober, picker, slots, cutter = _probe_plan(k, n)
        expected = _windows_by_place(k, n)
        if not expected:
            assert prober is None and picker is None
            continue
        bounds = _bounds(prober)
        text = "".join(random.Random(n).choice("推进建设完善机制") for _ in range(n))
        cut = near_index._cutter(k, n)
        assert (cutter is None) == (cut is None), (k, n)
        if cut is not None:
            assert cutter(text) == cut(text), (k, n)
        assert len(bounds) == len(set(bounds)) == len(expected), (k, n)
        assert set(bounds) == set(expected), (k, n)
        assert len(slots) == (len(bounds) if len(bounds) > 1 else 2)
        for place, held in zip(bounds, slots):
            assert set(held) == expected[place] and len(held) == len(expected[place]), (k, n, place)


@pytest.mark.parametrize("kept", [b"", b"not marshal", marshal.dumps((1, 2)), marshal.dumps(None),
                                  "a text", "shape", "picks", "bounds", "no picks"])
def test_a_kept_plan_of_another_shape_is_not_used(kept, monkeypatch):
    """What the facts store gives back is used only when it has the walk's shape."""
    k, n = 3, 30
    walked = _probe_walk(k, n)
    starts, stops, slots, picks = walked
    if kept == "shape":     # the picks point past the pieces
        kept = marshal.dumps((starts, stops, slots, (len(starts),) * len(picks)))
    elif kept == "picks":   # one segment too few
        kept = marshal.dumps((starts, stops, slots, picks[:-1]))
    elif kept == "bounds":  # a slice past the text's end
        kept = marshal.dumps((starts, stops[:-1] + (n + 1,), slots, picks))
    elif kept == "no picks":
        kept = marshal.dumps((starts, stops, slots, None))
    monkeypatch.setattr(near_index.pattern_facts, "answer", lambda kind, pattern, flags, compute: kept)
    _probe_plan.cache_clear()
    try:
        prober, picker, slots, cutter = _probe_plan(k, n)
        assert list(zip(*walked[:2])) == _bounds(prober) and slots == walked[2]
        text = "".join(random.Random(n).choice("推进建设完善机制") for _ in range(n))
        assert picker(prober(text)) == near_index._cutter(k, n)(text)
    finally:
        _probe_plan.cache_clear()


def test_a_kept_plan_is_read_and_a_walked_one_kept(monkeypatch):
    """A short length's plan comes from the facts store (as marshal bytes), and what is
    kept there is the walk's plan; a long text's plan is walked, not kept."""
    asked = []

    def answer(kind, pattern, flags, compute):
        asked.append((kind, pattern, flags))
        value = compute()
        assert marshal.loads(value) == _probe_walk(int(pattern), flags)
        return value

    monkeypatch.setattr(near_index.pattern_facts, "answer", answer)
    _probe_plan.cache_clear()
    try:
        _probe_plan(3, 40)
        _probe_plan(3, near_index._LONG_TEXT + 5)
        assert asked == [(near_index._PLAN_FACT, "3", 40)]
    finally:
        _probe_plan.cache_clear()


def test_a_short_length_is_probed_from_its_first_look_up():
    near_index._PROBES.clear()
    index = NearIndex(3)
    index.add("推进高质量发展建设现代化产业体系")
    index.candidates("推进高质量发展建设现代化产业体系统", 0.5)
    assert (3, 17) in near_index._PROBES
    assert index._probed == "推进高质量发展建设现代化产业体系统"


@pytest.mark.parametrize("k", [0, 1, 3, 6])
def test_a_probed_length_is_filed_with_its_probe_plans_cutter(k, walked):
    """``_filing_plan`` of a length looked up already takes the probe plan's cutter and
    works the sizes out: the same count, sizes and cuts as from ``_parts`` and ``_cutter``."""
    saved = dict(near_index._PROBES)
    try:
        for n in range(0, near_index._LONG_TEXT):
            near_index._PROBES.pop((k, n), None)
            plain = near_index._filing_plan.__wrapped__(k, n)
            prober = near_index._prober(k, n)
            if prober is not None:
                near_index._PROBES[(k, n)] = prober
            asked = []
            parts = near_index._parts
            near_index._parts = lambda *a: asked.append(a) or parts(*a)
            try:
                probed = near_index._filing_plan.__wrapped__(k, n)
            finally:
                near_index._parts = parts
            assert probed[1:] == plain[1:], (k, n)
            if plain[0] is None:
                assert probed[0] is None
                continue
            assert not asked, (k, n)       # made from the probe plan
            text = "".join(random.Random(n).choice("推进建设完善机制") for _ in range(n))
            assert probed[0](text) == plain[0](text), (k, n)
    finally:
        near_index._PROBES.clear()
        near_index._PROBES.update(saved)
