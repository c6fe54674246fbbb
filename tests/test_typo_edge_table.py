"""The phrase index's edge table (format 9) and the scan's test of edge pieces before its
search: the same candidates as the anchor test after the search alone."""
from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest

from checker.checks.typo import phrase_index as pi

ROOT = Path(__file__).resolve().parents[1]


def _edge_table_by_loop(hashes, anchors):
    """The definition: each run of equal hashes whose first entry has anchor code 1 or 2."""
    out_h, out_c = [], []
    for k, h in enumerate(hashes.tolist()):
        if (k == 0 or hashes[k - 1] != h) and int(anchors[k]) in (1, 2):
            out_h.append(h)
            out_c.append(int(anchors[k]))
    return out_h, out_c


def test_the_edge_table_is_its_definition():
    rng = np.random.default_rng(3)
    for size in (0, 1, 2, 50, 3_000):
        hashes = np.sort(rng.integers(0, 40 if size > 60 else 6, size, dtype=np.uint64) * np.uint64(977))
        anchors = rng.integers(0, 5, size).astype(np.int8)
        edges, codes = pi.edge_table(hashes, anchors)
        want_h, want_c = _edge_table_by_loop(hashes, anchors)
        assert edges.dtype == np.uint64 and codes.dtype == np.uint8
        assert edges.tolist() == want_h and codes.tolist() == want_c
        assert list(edges) == sorted(set(edges.tolist()))      # ascending, distinct: searchsorted finds each


@pytest.fixture(scope="module")
def index():
    from checker.checks.typo.phrase import index_for
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    return index_for(rule)


def test_the_kept_index_holds_the_edge_table_of_its_arrays(index):
    hashes, _, _, _, anchors, _, _, edges, codes = index._numpy_arrays()
    made_h, made_c = pi.edge_table(hashes, anchors)
    assert np.array_equal(edges, made_h) and np.array_equal(codes, made_c)
    assert len(edges) > 1_000 and set(codes.tolist()) == {1, 2}


def _texts(index) -> list[str]:
    """The seeds, and texts full of phrases written whole, cut at either edge, at a text's
    start and end, beside non-Han characters, and planted variants beside them."""
    hashes, meta = index._python_arrays()[:2]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    edge_rows = np.nonzero(np.isin(index._numpy_arrays()[4].view(np.uint8), (1, 2)))[0]
    rng = random.Random(17)
    texts = list(seeds)
    for _ in range(16):
        base, parts, at = rng.choice(seeds), [], 0
        for _ in range(40):
            nxt = min(len(base), at + rng.randrange(0, 120))
            parts.append(base[at:nxt])
            at = nxt
            k = int(rng.choice(edge_rows)) if rng.random() < 0.7 else rng.randrange(len(hashes))
            pid, edit, pos, char, extra = pi._unpack(int(meta[k]))
            phrase = index.phrases[pid]
            planted = pi.variant(phrase, edit, pos, char, extra)
            parts.append(rng.choice([phrase, phrase, planted, phrase + planted, planted + phrase, phrase[1:],
                                     phrase[:-1], "，" + phrase, phrase + "。", phrase[0] + planted]))
        texts.append("".join(parts))
    # a phrase at the very start and end of a text (the stretch's bounds)
    for phrase in rng.sample(index.phrases, 40):
        texts += [phrase, phrase + "的", "在" + phrase, phrase[1:], phrase[:-1] + "，" + phrase]
    return texts


def test_the_scan_testing_edge_pieces_first_finds_what_the_anchor_test_alone_finds(index, monkeypatch):
    texts = _texts(index)
    dropped = {1: 0, 2: 0}          # windows dropped before the search, by their first entry's code
    real = pi._edge_pieces

    def counted(edges, codes, whole, wanted, *rest):
        out = real(edges, codes, whole, wanted, *rest)
        if out is not None:
            for code in codes[np.searchsorted(edges, wanted[out])].tolist():
                dropped[code] += 1
        return out

    monkeypatch.setattr(pi, "_edge_pieces", counted)
    first = [list(index._scan_numpy(t)) for t in texts]
    monkeypatch.setattr(pi, "_edge_pieces", lambda *args: None)
    after = [list(index._scan_numpy(t)) for t in texts]
    python = [list(index._scan_python(t)) for t in texts]
    assert first == after == python
    assert sum(map(len, first)) > 200
    # the edge test did drop windows of either edge before the search
    assert dropped[1] > 500 and dropped[2] > 500, dropped


def test_an_index_folder_without_the_edge_table_is_not_read(index, tmp_path):
    """A folder of format 8 (no edges.npy) is a miss, never an index without its table
    (format 9's key differs anyway: this guards a folder cut short)."""
    import shutil

    folder = tmp_path / "typo-index-x"
    shutil.copytree(index._folder, folder)
    assert pi._read(folder) is not None
    (folder / "edges.npy").unlink()
    assert pi._read(folder) is None


def test_the_windows_lengths_with_and_without_a_gap(index):
    """The numpy scan counts a start's windows by arithmetic when every length from the
    shortest to the longest is indexed, by a search of the lengths otherwise: both give
    the Python scan's candidates (lengths 3-20, and the same index with some left out)."""
    import copy

    texts = _texts(index)[:40]
    gapped = copy.copy(index)
    gapped.lengths = frozenset(index.lengths) - {4, 7}
    gapped._lengths_array = None
    assert len(index._sorted_lengths()) == index.max_length - min(index.lengths) + 1
    for scanned in (index, gapped):
        found = [list(scanned._scan_numpy(t)) for t in texts]
        assert found == [list(scanned._scan_python(t)) for t in texts]
        assert sum(map(len, found)) > 50
