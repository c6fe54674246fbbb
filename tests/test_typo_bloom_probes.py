"""The phrase index's Bloom filter (format 10): its probes are a hash's low bits and the top
bits of the hash times an odd constant.  Every indexed hash must pass it (or a scan would
miss a variant), and windows that are no variant must seldom pass it: format 9's probes
(two shifts of the hash) let some seven in a hundred through, and nine in ten searches of
the hash array were for nothing."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from checker.checks.typo import phrase_index as pi

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def index():
    from checker.checks.typo.phrase import index_for
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    return index_for(rule)


def _passes(bloom: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    ok = np.ones(len(hashes), dtype=bool)
    for x in pi._probe_positions(hashes):
        ok &= ((bloom[(x >> np.uint64(3)).astype(np.int64)] >> (x & np.uint64(7)).astype(np.uint8)) & 1).astype(bool)
    return ok


def _python_passes(bloom, h: int) -> bool:
    """The Python scan's probes, written out as the scan writes them."""
    x = h & pi._BLOOM_MASK_INT
    if not (bloom[x >> 3] >> (x & 7)) & 1:
        return False
    x = ((h * pi._MIX) & pi._MASK64) >> pi._MIX_SHIFT
    return bool((bloom[x >> 3] >> (x & 7)) & 1)


def test_the_kept_filter_is_the_filter_of_the_kept_hashes(index):
    hashes, bloom = index._numpy_arrays()[0], index._numpy_arrays()[5]
    assert np.array_equal(bloom, pi._bloom(np.asarray(hashes)))
    assert _passes(bloom, np.asarray(hashes)).all()
    py_bloom = index._python_arrays()[5]
    rng = np.random.default_rng(2)
    for h in np.asarray(hashes)[rng.integers(0, len(hashes), 20_000)].tolist():
        assert _python_passes(py_bloom, h)


def _windows(text: str, longest: int) -> np.ndarray:
    """The hash of every window of 3..longest Han characters of ``text``."""
    out = []
    for run in pi._HAN_RUN.finditer(text):
        a, b = run.span()
        for i in range(a, b - 2):
            h = 0
            for n, c in enumerate(text[i:min(b, i + longest)], 1):
                h = (h * pi._BASE_INT + ord(c)) & pi._MASK64
                if n >= 3:
                    out.append(h)
    return np.array(out, dtype=np.uint64)


def test_windows_that_are_no_variant_seldom_pass(index):
    hashes, bloom = np.asarray(index._numpy_arrays()[0]), index._numpy_arrays()[5]
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    windows = np.concatenate([_windows(t, 8) for t in texts])
    k = np.minimum(np.searchsorted(hashes, windows), len(hashes) - 1)
    foreign = windows[hashes[k] != windows]
    assert len(foreign) > 20_000
    passed = _passes(bloom, foreign).mean()
    # the filter is some 6 % full: two independent probes pass ~0.4 %; format 9's ~7 %
    assert passed < 0.01, passed
    py_bloom = index._python_arrays()[5]
    assert sum(_python_passes(py_bloom, h) for h in foreign[:5_000].tolist()) < 60
