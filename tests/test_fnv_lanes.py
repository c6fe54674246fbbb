"""The exact-text keys of duplicate-across-files made side by side (``fnv_lanes``) against
FNV-1a a byte at a time, and ``band_keys`` against its former steps (every hash shifted
before the minimum): the same keys, for texts of every length around the lanes' bounds."""
import random

import pytest

from checker.model import fnv_lanes
from checker.model.fnv_lanes import fnv1a_many
from checker.model.similarity import _permutations, band_keys, exact_key


def _fnv_reference(text: str) -> int:
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def _texts(rng: random.Random, count: int) -> list[str]:
    # one-, two-, three- and four-byte characters; lengths around the 8-byte blocks
    alphabet = "a9Zé§的了和政府工作报告\U00020021"
    sizes = [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 64, 65, 200, 700]
    return ["".join(rng.choice(alphabet) for _ in range(rng.choice(sizes))) for _ in range(count)]


def test_known_values():
    assert exact_key("") == 0x811C9DC5
    assert exact_key("a") == 0xE40C292C        # FNV-1a 32 of b"a", the published value
    assert exact_key("foobar") == 0xBF9CF968


@pytest.mark.parametrize("count", [0, 1, 5, 6, 7, 8, 40, 64, 65, 129, 300])
def test_many_texts_side_by_side_equal_the_byte_loop(count):
    rng = random.Random(count)
    for _ in range(30):
        texts = _texts(rng, count)
        assert fnv1a_many(texts) == [_fnv_reference(t) for t in texts]


def test_lanes_left_to_the_loop_and_texts_ending_together(monkeypatch):
    # few lanes left early, equal lengths ending in one block, one long text among short ones
    rng = random.Random(3)
    cases = [["政" * 16] * 20, ["a" * 8] * 9 + [""] * 3, ["治" * 500] + ["x"] * 30,
             [f"{i}的" * (i % 13) for i in range(90)]]
    for few in (0, 1, 6, 50):
        monkeypatch.setattr(fnv_lanes, "_FEW", few)
        for texts in cases + [_texts(rng, 70) for _ in range(5)]:
            assert fnv1a_many(texts) == [_fnv_reference(t) for t in texts]


def _band_keys_reference(norms, bands, rows):
    """band_keys as written before the shift moved after the minimum, text by text."""
    import numpy as np

    a, b = _permutations(bands * rows)
    band_mix = np.arange(1, rows + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    band_salt = np.arange(bands, dtype=np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
    out = np.zeros((len(norms), bands + 1), dtype=np.uint32)
    for n, norm in enumerate(norms):
        if norm:
            chars = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
            codes = chars[:-1] * np.uint64(0x110000) + chars[1:] if len(chars) > 1 else chars
            with np.errstate(over="ignore"):
                hashed = (np.multiply.outer(codes, a) + b) >> np.uint64(32)
                sig = hashed.min(axis=0)
                keys = (sig.reshape(bands, rows) * band_mix).sum(axis=1) + band_salt
            out[n, :bands] = (keys >> np.uint64(32)).astype(np.uint32)
        out[n, bands] = _fnv_reference(norm)
    return out


def test_band_keys_unchanged():
    import numpy as np

    rng = random.Random(8)
    for bands, rows in ((16, 4), (3, 2), (1, 1)):
        for count in (0, 1, 4, 70):
            norms = _texts(rng, count)
            assert np.array_equal(band_keys(norms, bands, rows), _band_keys_reference(norms, bands, rows))


def test_texts_too_long_for_the_lanes_are_hashed_alone(monkeypatch):
    """A very long text is not laid out in the lanes' table (lanes x its length): hashed by
    the loop, the others side by side, the same keys."""
    laid_out = []
    original = fnv_lanes._hash_lanes

    def hash_lanes(blobs, where, out):
        laid_out.append(max(map(len, blobs), default=0))
        return original(blobs, where, out)

    monkeypatch.setattr(fnv_lanes, "_hash_lanes", hash_lanes)
    texts = ["政府" * 3000, "报告" * 2100] + [f"第{i}条的规定" * 3 for i in range(30)]
    assert fnv1a_many(texts) == [_fnv_reference(t) for t in texts]
    assert laid_out and max(laid_out) <= fnv_lanes._LONGEST_IN_LANES
