"""The phrase index: every string one edit away from a fixed phrase, kept as 64-bit hashes.

The fixed phrases are the idioms and long words of jieba's full dictionary and the
vocabulary's official phrases and statutory names.  An edit is one character replaced by a
homophone or a character of similar shape, dropped, doubled, or swapped with its
neighbour; for statutory names also two neighbouring pieces swapped (城市维护建设税 →
城市建设维护税).  A variant that is itself a word or a listed phrase is left out.

Building takes a few seconds and happens once: the arrays are written to the user's cache
folder (beside jieba's trimmed dictionary), under a key that hashes everything they were
built from, and later runs memory-map them (a few milliseconds).

Scanning a text computes the polynomial hash of every window of every indexed length with
numpy, asks a Bloom filter, and binary-searches the few windows that pass; the caller
verifies each candidate against the text (hashes can collide) and judges its context.
"""
from __future__ import annotations

import json
import os
import sys
import threading
import unicodedata
from bisect import bisect_left
from itertools import compress
from dataclasses import dataclass
from functools import cached_property, lru_cache
from collections.abc import Iterator
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.core import digests
from checker.core.paths import cache_folder_names, cache_folders
from checker.checks.typo import phrase_lists, stretch_hashes
from checker.checks.typo.sorted_lookup import SortedLookup
from checker.checks.typo.start_reaches import code_points, start_reaches
from checker.model.tokens import full_dictionary, full_dictionary_name
from checker.core.skipping_re import compile_skipping


class _Numpy:
    """numpy (``checker.core.numeric``), imported on first use: building the index and
    scanning a long text use it, a one-file run over a text of ordinary length does not
    (its import is 0.06-0.07 CPU s, more than the scan in Python, see ``PhraseIndex.scan``)."""

    def __getattr__(self, name: str):
        from checker.core.numeric import np as real

        globals()["np"] = real
        _NUMPY_CONSTANTS.update(base=real.uint64(_BASE_INT), mask=real.uint64(_BLOOM_MASK_INT),
                                mix=real.uint64(_MIX), mix_shift=real.uint64(_MIX_SHIFT))
        return getattr(real, name)


np = _Numpy()

FORMAT = 10         # 10: the Bloom filter's probes (``_MIX``); 9: the edge table (``edges``, ``edge_codes``)
# The start table: for a window's first three characters (their hash, as the scan grows it,
# in this many slots), the length of the longest indexed variant (three or more characters)
# beginning with three characters of that slot; 0 when none does.  The Python scan skips a
# start position whose slot holds 0 and hashes no window longer than its slot says: those
# windows can be no variant (a candidate is a window equal to a variant), so the candidates
# are the same.
_START_BITS = 22
_START_MASK = (1 << _START_BITS) - 1
_BASE_INT = stretch_hashes.BASE    # the windows' polynomial hash base (one home: stretch_hashes)
_BLOOM_BITS = 25                 # a Bloom filter of 4 MB with two probes
_BLOOM_MASK_INT = (1 << _BLOOM_BITS) - 1
# The probes: a hash's low 25 bits, then (for the windows that pass) the top 25 bits of the
# hash times an odd constant (modulo 2**64).  Format 9 probed bits 7-31 and 37-61 of the
# hash itself: a window that differs from a variant only in its last character, by less
# than 128 code points, fell on the variant's first bit, and a window of three characters
# (a hash below 2**56) barely varies in bits 37-61, so seven in a hundred windows that are
# no variant passed both probes and nine in ten searches of the 8 MB hash array found
# nothing (seed 003: 353 of 391).  The low bits differ for any one character changed (the
# base is odd), and the product's top bits depend on every bit of the hash: over the seeds
# and twenty pool documents (109,031 windows, 90,838 no variant) 6,342 false passes became
# 374.  The product is made only for the windows past the first probe.
_MIX = 0x9E3779B97F4A7C15
_MIX_SHIFT = 64 - _BLOOM_BITS
_MASK64 = 0xFFFFFFFFFFFFFFFF
_NUMPY_CONSTANTS: dict = {}
# A text up to this many characters is scanned in Python unless numpy is loaded already
# (2-3 ms per thousand characters, against numpy's import and 0.3 ms per thousand).
PYTHON_SCAN_MAX = 16_000
# ... and only the first few texts of a process: a run over many documents pays numpy's
# import once and scans faster after it.
PYTHON_SCANS = 4
_PYTHON_SCANS = [0]

# Where a phrase comes from: decides which edits are looked for.
OFFICIAL, NAME, IDIOM, WORD, SAYING = 0, 1, 2, 3, 4
SOURCES = ("official", "name", "idiom", "word", "saying")
# Edits.
SUB, DROP, DOUBLE, SWAP, REORDER = 0, 1, 2, 3, 4
EDITS = ("sub", "drop", "double", "swap", "reorder")

# Parts of speech of jieba's dictionary whose words are names of people, places, bodies or
# numbers: one edit away from them is usually another name, not a typo.
_NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "m", "t", "x", "eng"})


@dataclass(frozen=True)
class Settings:
    """What goes into the index besides the vocabulary (the phrase kind's parameters)."""

    idiom_min_frequency: int = 5      # idioms and sayings (jieba tags i, l) at least this frequent
    word_min_length: int = 5          # other dictionary words: this long ...
    word_min_frequency: int = 5       # ... and this frequent, or
    word4_min_frequency: int = 50     # four characters and this frequent
    pair_min_frequency: int = 20      # two-character words that a window may not cut through
    # jieba's dictionary also holds misspelt idioms (迫不急待, 再接再励, 责无旁货), all at
    # the lowest frequencies: idioms this rare do not count as words
    rare_idiom_max_frequency: int = 3


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place where the text may misspell a known phrase, and how."""

    start: int
    end: int
    phrase: str
    source: int
    edit: int
    pos: int


_HAN_FIRST, _HAN_LAST = 0x4E00, 0x9FFF     # the CJK Unified Ideographs block
_HAN_RUN = compile_skipping(r"[\u4e00-\u9fff]+")
# a reach byte as ``compress`` reads it: a slot below three characters long is none
_SOME_REACH = bytes(k if k >= 3 else 0 for k in range(256))


def _han(s: str) -> bool:
    """Whether ``s`` is one or more characters of the CJK block (an expression's full
    match: the building reads some 700,000 words, ~1.5 s as a loop over characters)."""
    return _HAN_RUN.fullmatch(s) is not None


def variant(phrase: str, edit: int, pos: int, char: int, extra: int) -> str:
    if edit == SUB:
        return phrase[:pos] + chr(char) + phrase[pos + 1:]
    if edit == DROP:
        return phrase[:pos] + phrase[pos + 1:]
    if edit == DOUBLE:
        return phrase[:pos + 1] + phrase[pos:]
    if edit == SWAP:
        return phrase[:pos] + phrase[pos + 1] + phrase[pos] + phrase[pos + 2:]
    a, b = extra >> 2, extra & 3
    return phrase[:pos] + phrase[pos + a:pos + a + b] + phrase[pos:pos + a] + phrase[pos + a + b:]


# A window that is only a piece of a phrase standing whole beside it (an edge dropped: 教育强
# inside 教育强市) or that overlaps one (a doubled first character: 习习近平 in 学习习近平) is
# no variant: code -> (offset from the window's start, length) of the stretch of text that
# is then an indexed phrase, the length relative to the window's.
_ANCHORS = {1: (-1, 1), 2: (0, 1), 3: (1, -1), 4: (0, -1)}


@lru_cache(maxsize=1)
def _anchor_tables() -> tuple:
    """``_ANCHORS`` as three numpy tables indexed by the anchor code read as a byte
    (0-255): whether the code is one, its offset, its length change."""
    known = np.zeros(256, dtype=bool)
    offset = np.zeros(256, dtype=np.int64)
    grow = np.zeros(256, dtype=np.int64)
    for code, (off, more) in _ANCHORS.items():
        known[code], offset[code], grow[code] = True, off, more
    return known, offset, grow


def _anchor(edit: int, pos: int, n: int) -> int:
    if edit == DROP:
        return 1 if pos == 0 else 2 if pos == n - 1 else 0
    if edit == DOUBLE:
        return 3 if pos == 0 else 4 if pos == n - 1 else 0
    return 0


def _pack(pid, edit, pos, char, extra):
    return ((np.asarray(pid, np.uint64) << np.uint64(34)) | (np.asarray(extra, np.uint64) << np.uint64(30))
            | (np.asarray(edit, np.uint64) << np.uint64(27)) | (np.asarray(pos, np.uint64) << np.uint64(21))
            | np.asarray(char, np.uint64))


def _unpack(meta: int) -> tuple[int, int, int, int, int]:
    return meta >> 34, (meta >> 27) & 7, (meta >> 21) & 63, meta & 0x1FFFFF, (meta >> 30) & 15


def _codes(words: list[str], n: int) -> np.ndarray:
    return np.frombuffer("".join(words).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64).reshape(-1, n)


def _hash_rows(a: np.ndarray) -> np.ndarray:
    h = np.zeros(a.shape[0], dtype=np.uint64)
    for k in range(a.shape[1]):
        h = h * _NUMPY_CONSTANTS["base"] + a[:, k]
    return h


def _hash_str(s: str) -> int:
    h = 0
    for c in s:
        h = (h * 1_000_003 + ord(c)) & 0xFFFFFFFFFFFFFFFF
    return h


def _readings(homophones: list[str]) -> list[tuple[str, str]]:
    """The homophone groups, written ``reading:characters`` (yì:意义议…)."""
    out = []
    for item in homophones:
        reading, sep, chars = item.partition(":")
        if sep and chars:
            out.append((reading, "".join(c for c in chars if _han(c))))
    return out


def _confusables(homophones: list[str], shapes: list[str]) -> dict[str, set[str]]:
    """character -> characters of the same reading (tone included) or a similar shape."""
    out: dict[str, set[str]] = {}
    groups = [chars for _, chars in _readings(homophones)] + [g for g in shapes if g]
    for group in groups:
        chars = [c for c in group if _han(c)]
        for c in chars:
            out.setdefault(c, set()).update(x for x in chars if x != c)
    return out


def _near_homophones(homophones: list[str]) -> dict[str, set[str]]:
    """character -> characters of the same syllable in another tone (居 jū for 举 jǔ)."""
    def bare(reading: str) -> str:
        return "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))

    groups = _readings(homophones)
    by_syllable: dict[str, set[str]] = {}
    for reading, chars in groups:
        by_syllable.setdefault(bare(reading), set()).update(chars)
    out: dict[str, set[str]] = {}
    for reading, chars in groups:
        for c in chars:
            out.setdefault(c, set()).update(x for x in by_syllable[bare(reading)] if x not in chars)
    return out


def _table(conf: dict[str, set[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A confusion map as arrays: code -> slot, slot -> run of alternatives."""
    lookup = np.full(0x10000, -1, dtype=np.int64)
    ptr = [0]
    flat: list[int] = []
    for i, c in enumerate(sorted(conf)):
        if ord(c) < 0x10000:
            lookup[ord(c)] = len(ptr) - 1
            flat += sorted(ord(x) for x in conf[c])
            ptr.append(len(flat))
    return lookup, np.array(ptr, dtype=np.int64), np.array(flat, dtype=np.uint64)


def _select_rows(phrases: dict[str, int], rows, settings: Settings) -> None:
    """Add to ``phrases`` the dictionary's rows that are fixed phrases, in the rows' order
    (a later row of the same word overrides an earlier one)."""
    for word, freq, tag in rows:
        if len(word) < 4 or not _han(word):
            continue
        if tag in ("i", "l"):
            # 成语 (i) are frozen: a character dropped inside one is a slip; 习用语 (l) such
            # as 基建工程 are looser and are repaired like other words
            if freq >= settings.idiom_min_frequency:
                phrases[word] = IDIOM if tag == "i" else SAYING
        elif tag not in _NAME_TAGS and (
                (len(word) >= settings.word_min_length and freq >= settings.word_min_frequency)
                or (len(word) == 4 and freq >= settings.word4_min_frequency)):
            phrases[word] = WORD


def _select_listed(phrases: dict[str, int], official, names) -> None:
    """Add the vocabulary's official phrases and statutory names (after the dictionary's)."""
    for word in official:
        if len(word) >= 4 and _han(word) and phrases.get(word) != IDIOM:
            phrases[word] = OFFICIAL     # an idiom also listed stays an idiom (frozen)
    for word in names:
        if len(word) >= 4 and _han(word):
            phrases[word] = NAME


def _hashes(words) -> np.ndarray:
    """The polynomial hashes of ``words`` (each of Han characters), grouped by length."""
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(w)
    if not by_len:
        return np.zeros(0, np.uint64)
    return np.concatenate([_hash_rows(_codes(group, n)) for n, group in by_len.items()])


def _dictionary_facts(settings: Settings) -> tuple[dict[str, int], list[np.ndarray], list[np.ndarray]]:
    """What the index takes from jieba's dictionary, read a piece at a time
    (``dictionary_rows``): its fixed phrases, the hashes of its words that count as words
    (every Han word but the rare idioms, its misspelt entries), the hashes of its common
    two-character words.  The hashes only end up as sets (``np.unique``), so the pieces'
    arrays are kept as they come; the phrases are selected in the file's order, as from
    the whole."""
    from checker.checks.typo.dictionary_rows import pieces

    phrases: dict[str, int] = {}
    words: list[np.ndarray] = []
    pairs: list[np.ndarray] = []
    rare = settings.rare_idiom_max_frequency
    for rows in pieces(full_dictionary()):
        _select_rows(phrases, rows, settings)
        words.append(np.unique(_hashes([w for w, f, tag in rows if not (tag in ("i", "l") and f <= rare) and _han(w)])))
        pairs.append(_hashes([w for w, f, _ in rows if len(w) == 2 and _han(w) and f >= settings.pair_min_frequency]))
    return phrases, words, pairs


def build(official: list[str], names: list[str], known: list[str], homophones: list[str],
          shapes: list[str], settings: Settings, optional: tuple[str, ...] = ()) -> dict[str, np.ndarray | list]:
    """The index's arrays and lists.  Built in bounded pieces: the dictionary is read a
    piece at a time (``_dictionary_facts``), and each batch of variants loses the ones that
    are words as it is made, so at no time are the whole dictionary's rows or the ~2 million
    variants before that filter held (that took ~330 MB; tests/test_first_run_pieces.py holds
    the arrays to those of the whole build, byte for byte)."""
    _numpy_constants()
    phrases, word_hashes, pair_hashes = _dictionary_facts(settings)
    _select_listed(phrases, official, names)
    plist = sorted(phrases)
    pid = {p: i for i, p in enumerate(plist)}
    # variants that are words or listed phrases themselves are left out: the words of the
    # dictionary, the known words, the phrases
    word_hashes += [_hashes([w for w in known if _han(w)]), _hashes(plist)]
    known_all = np.unique(np.concatenate(word_hashes))
    del word_hashes
    pairs = np.unique(np.concatenate(pair_hashes))
    del pair_hashes
    # same reading or shape: every phrase; same syllable in another tone: only the phrases
    # that are frozen (official phrases, names, idioms), where a near miss is still a miss
    tables = [(_table(_confusables(homophones, shapes)), None),
              (_table(_near_homophones(homophones)), (OFFICIAL, NAME, IDIOM))]

    hashes: list[np.ndarray] = []
    metas: list[np.ndarray] = []
    anchors: list[np.ndarray] = []
    phrase_hash: dict[int, np.ndarray] = {}

    def emit(h, ids, edit, pos, char=0, extra=0, n=0):
        # the batch's words are dropped now; the survivors keep their order, so the whole
        # is what filtering all variants at the end gave
        h = np.asarray(h, np.uint64)
        new = ~_member(known_all, h)
        if not new.all():
            h, ids = h[new], np.asarray(ids)[new]
            if np.ndim(char):
                char = np.asarray(char)[new]
        hashes.append(h)
        metas.append(_pack(ids, edit, pos, char, extra))
        anchors.append(np.full(len(h), _anchor(edit, pos, n), dtype=np.int8))

    by_len: dict[int, list[str]] = {}
    for p in plist:
        if len(p) <= 63:
            by_len.setdefault(len(p), []).append(p)
    for n, group in by_len.items():
        phrase_hash[n] = _hash_rows(_codes(group, n))
    for n, group in by_len.items():
        a = _codes(group, n)
        ids = np.array([pid[p] for p in group], dtype=np.int64)
        src = np.array([phrases[p] for p in group])
        h = phrase_hash[n]
        powers = [_NUMPY_CONSTANTS["base"] ** np.uint64(n - 1 - i) for i in range(n)]
        for i in range(n):
            col = a[:, i]
            # replaced by a homophone or a similar shape
            for (lookup, ptr_a, flat_a), only in tables:
                slot = lookup[col.astype(np.int64)]
                has = slot >= 0
                if only is not None:
                    has &= np.isin(src, only)
                rows_i = np.nonzero(has)[0]
                if rows_i.size:
                    start = ptr_a[slot[rows_i]]
                    count = ptr_a[slot[rows_i] + 1] - start
                    rep = np.repeat(rows_i, count)
                    offs = np.repeat(start - np.concatenate(([0], np.cumsum(count)[:-1])), count) + np.arange(count.sum())
                    new = flat_a[offs]
                    emit(h[rep] + new * powers[i] - col[rep] * powers[i], ids[rep], SUB, i, new, n=n)
            # dropped: official phrases anywhere, idioms inside, names but for the
            # characters their short forms leave out (住房城乡建设局), other words never
            optional_codes = np.array([ord(c) for c in optional if len(c) == 1], dtype=np.uint64)
            keep = ((src == OFFICIAL) | ((src == IDIOM) & (0 < i < n - 1))
                    | ((src == NAME) & ~np.isin(col, optional_codes)))
            if n - 1 >= 3 and keep.any():
                emit(_hash_rows(np.delete(a[keep], i, axis=1)), ids[keep], DROP, i, n=n)
            # doubled
            emit(_hash_rows(np.insert(a, i, col, axis=1)), ids, DOUBLE, i, n=n)
            # swapped with the next character
            if i < n - 1:
                differ = a[:, i] != a[:, i + 1]
                if differ.any():
                    b = a[differ].copy()
                    b[:, [i, i + 1]] = b[:, [i + 1, i]]
                    emit(_hash_rows(b), ids[differ], SWAP, i, n=n)
    # statutory names: two neighbouring pieces of one to three characters swapped
    for p in names:
        if p not in pid or not _han(p):
            continue
        seen = set()
        for i in range(len(p)):
            for x in (1, 2, 3):
                for y in (1, 2, 3):
                    if i + x + y > len(p):
                        continue
                    v = variant(p, REORDER, i, 0, (x << 2) | y)
                    if v != p and v not in seen:
                        seen.add(v)
                        emit(np.array([_hash_str(v)], np.uint64), np.array([pid[p]], np.int64), REORDER, i, 0, (x << 2) | y, n=len(p))

    del known_all
    all_h = _joined(hashes)
    # the variants by hash (equal hashes in the order made: the sort is stable)
    order = np.argsort(all_h, kind="stable")
    all_h = all_h[order]
    all_m = _joined(metas)[order]
    all_a = _joined(anchors)[order]
    del order
    whole = np.unique(np.concatenate(list(phrase_hash.values())))
    bloom = _bloom(all_h)
    lengths = sorted({len(p) - 1 for p in plist} | {len(p) for p in plist} | {len(p) + 1 for p in plist})
    starts = _start_table(all_m, plist)
    edges, edge_codes = edge_table(all_h, all_a)
    return {"hashes": all_h, "meta": all_m, "whole": whole, "pairs": pairs, "anchor": all_a, "bloom": bloom,
            "starts": starts, "edges": edges, "edge_codes": edge_codes,
            "phrases": plist, "sources": [phrases[p] for p in plist], "lengths": lengths}


def edge_table(hashes: np.ndarray, anchors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The hashes whose first entry (in the sorted ``hashes``) is a phrase with its first or
    last character dropped (anchor code 1 or 2), ascending, and that code (uint8).  The
    scan tests a window against its hash's first entry's anchor only, so these are the
    windows the anchor test can drop as a phrase's edge piece; kept small (some 3,500
    entries, 30 KB) so that the scan finds them without the 8 MB hash array."""
    hashes = np.asarray(hashes)
    code = np.asarray(anchors).view(np.uint8)
    first = np.ones(len(hashes), dtype=bool)
    first[1:] = hashes[1:] != hashes[:-1]
    keep = first & ((code == 1) | (code == 2))
    return np.ascontiguousarray(hashes[keep], dtype=np.uint64), np.ascontiguousarray(code[keep], dtype=np.uint8)


def _joined(pieces: list[np.ndarray]) -> np.ndarray:
    """The pieces one after another, each let go once copied (``pieces`` is emptied): the
    whole and one piece are held at a time, not the whole twice."""
    out = np.empty(sum(len(a) for a in pieces), dtype=pieces[0].dtype if pieces else np.uint64)
    at = 0
    pieces.reverse()
    while pieces:
        a = pieces.pop()
        out[at:at + len(a)] = a
        at += len(a)
    return out


# The Bloom filter and the start table are filled this many variants at a time (a bit set
# or a slot's largest size does not depend on the order the variants come in).
_PIECE = 1 << 17


def _probe_positions(hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Bloom filter's bit for each hash, by probe (see ``_MIX``)."""
    return hashes & _NUMPY_CONSTANTS["mask"], (hashes * _NUMPY_CONSTANTS["mix"]) >> _NUMPY_CONSTANTS["mix_shift"]


def _bloom(hashes: np.ndarray) -> np.ndarray:
    """The Bloom filter of ``hashes``: for each probe, the bit it names (``_probe_positions``)."""
    bloom = np.zeros(1 << (_BLOOM_BITS - 3), dtype=np.uint8)
    for lo in range(0, len(hashes), _PIECE):
        piece = hashes[lo:lo + _PIECE]
        for x in _probe_positions(piece):
            np.bitwise_or.at(bloom, (x >> np.uint64(3)).astype(np.int64), (np.uint8(1) << (x & np.uint64(7)).astype(np.uint8)))
    return bloom


def _start_table(meta: np.ndarray, plist: list[str]) -> np.ndarray:
    """The start table (see ``_START_BITS``) of the variants ``meta`` describes."""
    table = np.zeros(1 << _START_BITS, dtype=np.uint8)
    if not len(meta):
        return table
    lens = np.array([len(p) for p in plist], dtype=np.int64)
    # each phrase's first four characters: a variant's first three are among them, or
    # the replacing character (a phrase shorter than four is padded; no edit that keeps
    # three characters reads the pad)
    head = np.array([[ord(c) for c in p[:4].ljust(4, "\0")] for p in plist], dtype=np.int64)
    for lo in range(0, len(meta), _PIECE):
        _fill_starts(table, meta[lo:lo + _PIECE], lens, head, plist)
    return table


def _fill_starts(table: np.ndarray, meta: np.ndarray, lens: np.ndarray, head: np.ndarray, plist: list[str]) -> None:
    """Raise the start table's slots for one piece of the variants.  A variant's ``j``-th
    character (``j`` < 3) is its phrase's character at ``j`` moved by the edit: a dropped
    character at or before ``j`` shifts it one on, a doubled one before ``j`` one back, a
    swap at ``j`` (``j - 1``) takes the next (previous) one; a replacement at ``j`` is the
    new character.  (``variant`` spells the same edits; the reordered names, a few
    hundred, are spelt by it.)"""
    pid = (meta >> np.uint64(34)).astype(np.int64)
    edit = ((meta >> np.uint64(27)) & np.uint64(7)).astype(np.int64)
    pos = ((meta >> np.uint64(21)) & np.uint64(63)).astype(np.int64)
    char = (meta & np.uint64(0x1FFFFF)).astype(np.int64)
    size = lens[pid] + (edit == DOUBLE) - (edit == DROP)
    drop, double, swap, sub = edit == DROP, edit == DOUBLE, edit == SWAP, edit == SUB
    cols = []
    for j in range(3):
        at = j + (drop & (pos <= j)) - (double & (pos < j)) + (swap & (pos == j)) - (swap & (pos == j - 1))
        cols.append(np.where(sub & (pos == j), char, head[pid, at]))
    c0, c1, c2 = cols
    for k in np.nonzero((edit == REORDER) & (pos < 3) & (size >= 3))[0].tolist():
        p, e, at, ch, extra = _unpack(int(meta[k]))
        v = variant(plist[p], e, at, ch, extra)
        c0[k], c1[k], c2[k] = ord(v[0]), ord(v[1]), ord(v[2])
    keep = size >= 3
    slot = ((c0[keep] * _BASE_INT + c1[keep]) * _BASE_INT + c2[keep]) & _START_MASK
    np.maximum.at(table, slot, np.minimum(size[keep], 255).astype(np.uint8))


class PhraseIndex:
    """The index's arrays (numpy arrays, or read from its folder on first use: as numpy
    arrays for the numpy scan, as memory views of the same files for the scan in Python)
    and its phrases."""

    def __init__(self, hashes=None, meta=None, whole=None, pairs=None, anchor=None, bloom=None, starts=None,
                 edges=None, edge_codes=None,
                 phrases: list[str] = (), sources: list[int] = (), lengths: list[int] = (),
                 folder: Path | str | None = None) -> None:
        if hashes is not None and edges is None:
            edges, edge_codes = edge_table(hashes, anchor)      # arrays given without it
        self._given = None if hashes is None else (hashes, meta, whole, pairs, anchor, bloom, starts, edges,
                                                   edge_codes)
        self._folder = folder
        self._np: tuple | None = None
        self._py: tuple | None = None
        self._lookups: SortedLookup | None = None
        self._edge_lists_made: tuple | None = None
        self.phrases = phrases
        self.sources = sources
        self.lengths = frozenset(l for l in lengths if l >= 3)
        self.max_length = max(self.lengths) if self.lengths else 0
        self._lengths_array = None          # numpy's copy of the sorted lengths, made on first use

    @cached_property
    def phrase_set(self) -> frozenset[str]:
        # made when asked (no check asks): hashing the ~11,000 phrases was ~5 M
        # instructions of every fresh process's first look-up
        return frozenset(self.phrases)

    def _numpy_arrays(self) -> tuple:
        if self._np is None:
            if self._given is not None:
                self._np = self._given
            elif self._py is not None:
                # the maps the index was read with (np.asarray keeps a view's format): the
                # folder is not opened again, which the cache sweep may have removed since
                # in a long-lived process (the language server)
                self._np = tuple(np.asarray(view) for view in self._py)
            else:
                # memory-mapped (nothing is read until used), seen as plain arrays (a
                # memmap's indexing is several times slower)
                self._np = tuple(np.asarray(np.load(os.path.join(self._folder, f"{name}.npy"), mmap_mode="r"))
                                 for name in _ARRAYS)
        return self._np

    def _numpy_lookup(self) -> SortedLookup:
        """Searches into the hashes (``SortedLookup``: what ``searchsorted`` finds, with
        fewer cache misses; the whole-phrase hashes and the common pairs, 0.1 and 0.4 MB,
        stay cached and are searched directly)."""
        if self._lookups is None:
            self._lookups = SortedLookup(self._numpy_arrays()[0])
        return self._lookups

    def _python_arrays(self) -> tuple:
        if self._py is None:
            if self._given is not None or sys.byteorder != "little":
                self._py = self._numpy_arrays()
            else:
                self._py = tuple(_npy_view(os.path.join(self._folder, f"{name}.npy")) for name in _ARRAYS)
        return self._py

    def __len__(self) -> int:
        return len(self._python_arrays()[0])

    def _edge_lists(self) -> tuple[list[int], list[int]]:
        """The edge table (``edge_table``: hashes and codes) as lists, for the Python scan:
        made once (~3,500 entries, ~0.8 M instructions), a binary search of them compares
        numbers already made, where one of the mapped table made a number from its bytes
        at each step (~2,000 instructions a window past the filter; a dict cost 2 M to
        make)."""
        if self._edge_lists_made is None:
            edges, codes = self._python_arrays()[7:9]
            self._edge_lists_made = (edges.tolist(), codes.tolist())
        return self._edge_lists_made

    def scan(self, text: str) -> Iterator[Candidate]:
        """Every window of ``text`` that is a variant of an indexed phrase and not simply
        a piece of that phrase standing whole beside it.  In Python for a text of ordinary
        length (unless numpy is loaded already), with numpy for a long one: the same
        candidates in the same order (tests/test_typo.py compares them)."""
        if not self.lengths or len(text) < 3:
            return iter(())
        if len(text) <= PYTHON_SCAN_MAX and "numpy" not in sys.modules and _PYTHON_SCANS[0] < PYTHON_SCANS:
            _PYTHON_SCANS[0] += 1
            return self._scan_python(text)
        return self._scan_numpy(text)

    def _scan_python(self, text: str) -> Iterator[Candidate]:
        """The numpy scan's steps, a window at a time: the polynomial hash of every window
        of Han characters of an indexed length (mod 2**64, as numpy's uint64 wraps), both
        Bloom probes, then for the survivors the edge-table, search, whole-phrase and
        common-pair tests of ``_scan_numpy``."""
        hashes, meta, whole_hashes, pairs, anchors, bloom, starts, edges, edge_codes = self._python_arrays()
        codes = code_points(text)
        total = len(codes)
        lengths = self.lengths
        longest = self.max_length
        base, bmask, m64 = _BASE_INT, _BLOOM_MASK_INT, _MASK64
        mix, mix_shift = _MIX, _MIX_SHIFT
        passed: dict[int, list[tuple[int, int]]] = {}
        wanted = [n in lengths for n in range(max(longest, 3) + 1)]
        want3 = wanted[3]
        # the windows lie inside runs of Han characters.  Every start's three characters
        # and the start table's slot for them are read for the whole text at once
        # (``start_reaches``: 0 where they are not all Han); a start whose slot holds 0 is
        # skipped (``compress`` visits the others), and its windows grow a character at a
        # time from the three characters' hash, up to the slot's length or the run's end
        # (the same windows, in the same order)
        reach, heads = start_reaches(text, starts, base, _START_MASK)
        for i in compress(range(total), reach.translate(_SOME_REACH)):
            h = heads[i]
            if want3:
                x = h & bmask
                if (bloom[x >> 3] >> (x & 7)) & 1:
                    x = ((h * mix) & m64) >> mix_shift
                    if (bloom[x >> 3] >> (x & 7)) & 1:
                        passed.setdefault(3, []).append((i, h))
            n = 3
            for c in codes[i + 3:i + reach[i]]:
                if c < _HAN_FIRST or c > _HAN_LAST:
                    break           # the Han run ends
                h = (h * base + c) & m64
                n += 1
                if wanted[n]:
                    x = h & bmask
                    if (bloom[x >> 3] >> (x & 7)) & 1:
                        x = ((h * mix) & m64) >> mix_shift
                        if (bloom[x >> 3] >> (x & 7)) & 1:
                            passed.setdefault(n, []).append((i, h))
        if not passed:
            return
        size = len(hashes)
        edges, edge_codes = self._edge_lists()
        edge_count = len(edges)
        window_lengths = min(longest + 1, total)     # the numpy scan hashes windows 1..this long
        whole_count = len(whole_hashes)
        powers, inverse = stretch_hashes.powers(longest + 2), stretch_hashes.INVERSE

        def member(sorted_hashes, value: int) -> bool:
            n = len(sorted_hashes)
            if not n:
                return False
            return sorted_hashes[min(bisect_left(sorted_hashes, value), n - 1)] == value

        for length in sorted(passed):
            for start, h in passed[length]:
                # a hash in the edge table (30 KB) has that code as its first entry's anchor
                # (``edge_table``): the anchor test runs before the search of the 8 MB hash
                # array, which most of these windows (a phrase's edge pieces) then skip
                j = bisect_left(edges, h)
                if j < edge_count and edges[j] == h:
                    code, k = edge_codes[j], -1
                else:
                    k = bisect_left(hashes, h)
                    if k >= size or hashes[k] != h:
                        continue
                    code = anchors[k]
                if code in _ANCHORS:
                    offset, grow = _ANCHORS[code]
                    n = length + grow
                    at = start + offset
                    if 1 <= n <= window_lengths and at >= 0 and at + n <= total:
                        # the stretch's hash from the window's in one step (``stretch_hashes``'
                        # four formulas, written out: two calls a window were ~3 % of the scan)
                        if code == 1:
                            x = (codes[start - 1] * powers[length] + h) & m64
                        elif code == 2:
                            x = (h * base + codes[start + length]) & m64
                        elif code == 3:
                            x = (h - codes[start] * powers[length - 1]) & m64
                        else:
                            x = ((h - codes[start + length - 1]) * inverse) & m64
                        if whole_count and whole_hashes[min(bisect_left(whole_hashes, x), whole_count - 1)] == x:
                            continue
                if k < 0:
                    k = bisect_left(hashes, h)
                    if k >= size or hashes[k] != h:    # an edge table out of step with the hashes
                        continue
                if ((int(meta[k]) >> 27) & 7) == DROP:
                    # the common pairs across either edge (a pair's hash is below 2**64)
                    if start - 1 >= 0 and member(pairs, codes[start - 1] * base + codes[start]):
                        continue
                    right = start + length - 1
                    if right + 1 < total and member(pairs, codes[right] * base + codes[right + 1]):
                        continue
                window = text[start:start + length]
                while k < size and hashes[k] == h:
                    pid, edit, pos, char, extra = _unpack(int(meta[k]))
                    phrase = self.phrases[pid]
                    if variant(phrase, edit, pos, char, extra) == window:
                        yield Candidate(start, start + length, phrase, self.sources[pid], edit, pos)
                    k += 1

    def _scan_numpy(self, text: str) -> Iterator[Candidate]:
        """The windows the start table allows (as ``_scan_python``: a window longer than its
        first three characters' slot says is no variant), every indexed length at each
        start whose slot is not 0, all hashed at once from the text's prefix sums
        (``window_hashes``), probed, searched and tested as a whole: the same candidates
        in the same order (by length, then start, as the Python scan finds them)."""
        from checker.checks.typo.window_hashes import WindowHashes

        hashes, meta, whole_hashes, pairs, anchors, bloom, start_table, edges, edge_codes = self._numpy_arrays()
        base = _numpy_constants()
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        total = len(codes)
        shortest = min(self.lengths)
        if total < shortest:
            return
        # windows holding anything but Han characters are never looked up: a start's
        # windows end before the first such character after it (``han_end``)
        position = np.arange(total)
        other = (codes < _HAN_FIRST) | (codes > _HAN_LAST)
        han_end = np.minimum.accumulate(np.where(other, position, total)[::-1])[::-1]
        head = (codes[:-2] * base + codes[1:-1]) * base + codes[2:]      # every 3-character window's hash
        reach = start_table[(head & np.uint64(_START_MASK)).astype(np.int64)].astype(np.int64)
        # a window of ``n`` characters at ``i`` is hashed when n <= reach[i] and it ends
        # before the text's or its Han run's end
        limit = np.minimum(reach, han_end[:-2] - position[:-2])
        at = np.nonzero(limit >= shortest)[0]
        if not at.size:
            return
        # every window: at each start, the indexed lengths up to its limit (lengths are
        # sorted, so they are the first ``count`` of them)
        lengths_sorted = self._sorted_lengths()
        if len(lengths_sorted) == self.max_length - shortest + 1:
            # every length from the shortest to the longest is indexed (3 to 20): the count
            # of lengths up to a limit (at least the shortest) and the k-th length are sums
            count = np.minimum(limit[at], self.max_length) - (shortest - 1)
            every_at = np.repeat(at, count)
            first_of_start = np.cumsum(count) - count
            every_length = np.arange(shortest, shortest + len(every_at)) - np.repeat(first_of_start, count)
        else:
            count = np.searchsorted(lengths_sorted, limit[at], side="right")
            every_at = np.repeat(at, count)
            first_of_start = np.cumsum(count) - count
            every_length = lengths_sorted[np.arange(len(every_at)) - np.repeat(first_of_start, count)]
        windows = WindowHashes(codes)
        every_h = windows.of(every_at, every_length)
        where = np.arange(len(every_h))
        mask, mix, mix_shift = _NUMPY_CONSTANTS["mask"], _NUMPY_CONSTANTS["mix"], _NUMPY_CONSTANTS["mix_shift"]
        for second in (False, True):  # the second probe only for the first's survivors (``_MIX``)
            if not where.size:
                return
            x = (every_h[where] * mix) >> mix_shift if second else every_h[where] & mask
            probe = (bloom[(x >> np.uint64(3)).astype(np.int64)] >> (x & np.uint64(7)).astype(np.uint8)) & 1
            where = where[probe.astype(bool)]
        if not where.size:
            return
        # a phrase written whole passes the filter with its first and last character left
        # off (seven in ten windows past it in a generated document), and the anchor test
        # below drops them after the search of the 8 MB hash array: those whose hash's
        # first entry is such a piece (the edge table, 30 KB) are dropped by the same test
        # first, and only the others are searched
        edge_piece = _edge_pieces(edges, edge_codes, whole_hashes, every_h[where], every_at[where],
                                  every_length[where], windows, min(self.max_length + 1, total), total)
        if edge_piece is not None:
            where = where[~edge_piece]
            if not where.size:
                return
        wanted = every_h[where]
        size = len(hashes)
        # each distinct hash searched once, in ascending order: four in ten of the windows
        # past the filter repeat another's hash (a phrase written several times), and
        # neighbouring searches then read neighbouring entries (the same answers, ~15 %
        # less time in the search, which waits on memory)
        distinct, back = np.unique(wanted, return_inverse=True)
        lo = self._numpy_lookup().left(distinct)[back]
        found = lo < size
        found[found] = hashes[lo[found]] == wanted[found]
        where, first = where[found], lo[found]
        if not where.size:
            return
        starts, lengths = every_at[where], every_length[where]
        keys = every_h[where]
        # drop the windows that are pieces of their phrase standing whole beside them: the
        # stretch the anchor code names (``_ANCHORS``) is an indexed phrase
        code = anchors[first].view(np.uint8)
        is_anchor, offset, grow = _anchor_tables()
        n = lengths + grow[code]
        around = starts + offset[code]
        longest = min(self.max_length + 1, total)      # the lengths a whole-phrase test may hash
        tested = np.nonzero(is_anchor[code] & (n >= 1) & (n <= longest) & (around >= 0)
                            & (around + n <= total))[0]
        whole = np.zeros(len(starts), dtype=bool)
        if tested.size:
            whole[tested] = _member(whole_hashes, windows.of(around[tested], n[tested]))
        # drop the windows of a dropped character that cut through a common word at
        # either end (质教育 in 优质教育)
        drop = ((meta[first] >> np.uint64(27)) & np.uint64(7)) == DROP
        if drop.any():
            left = np.nonzero(drop & (starts >= 1))[0]
            right = np.nonzero(drop & (starts + lengths < total))[0]
            cut = _member(pairs, windows.of(np.concatenate((starts[left] - 1, starts[right] + lengths[right] - 1)),
                                            2))
            whole[left] |= cut[:len(left)]
            whole[right] |= cut[len(left):]
        keep = ~whole
        found_here = []
        for start, length, k, key in zip(starts[keep].tolist(), lengths[keep].tolist(), first[keep].tolist(),
                                         keys[keep]):
            window = text[start:start + length]
            while k < size and hashes[k] == key:
                pid, edit, pos, char, extra = _unpack(int(meta[k]))
                phrase = self.phrases[pid]
                if variant(phrase, edit, pos, char, extra) == window:
                    found_here.append(Candidate(start, start + length, phrase, self.sources[pid], edit, pos))
                k += 1
        # found start by start; given by length, then start (a window's own candidates
        # keep their order: the sort is stable)
        found_here.sort(key=lambda c: (c.end - c.start, c.start))
        yield from found_here

    def _sorted_lengths(self) -> np.ndarray:
        """The indexed lengths (three or more), ascending, as a numpy array."""
        if self._lengths_array is None:
            self._lengths_array = np.array(sorted(self.lengths), dtype=np.int64)
        return self._lengths_array


def _edge_pieces(edges, edge_codes, whole_hashes, wanted, starts, lengths, windows, longest: int,
                 total: int):
    """Which windows (hashes ``wanted`` at ``starts``, ``lengths``) the scan's anchor test
    drops because their hash's first entry is an edge piece (``edge_table``) and the
    stretch its code names is a phrase's hash: the test of ``_scan_numpy`` (same bounds,
    same stretch), asked before the search instead of after it.  None when none is."""
    if not len(edges):
        return None
    k = np.minimum(np.searchsorted(edges, wanted), len(edges) - 1)
    hit = np.nonzero(edges[k] == wanted)[0]
    if not hit.size:
        return None
    code = edge_codes[k[hit]]
    _, offset, grow = _anchor_tables()
    n = lengths[hit] + grow[code]
    around = starts[hit] + offset[code]
    inside = np.nonzero((n >= 1) & (n <= longest) & (around >= 0) & (around + n <= total))[0]
    if not inside.size:
        return None
    piece = np.zeros(len(wanted), dtype=bool)
    piece[hit[inside]] = _member(whole_hashes, windows.of(around[inside], n[inside]))
    return piece


def _member(sorted_hashes: np.ndarray, values: np.ndarray) -> np.ndarray:
    if not len(sorted_hashes) or not len(values):
        return np.zeros(len(values), dtype=bool)
    k = np.minimum(np.searchsorted(sorted_hashes, values), len(sorted_hashes) - 1)
    return sorted_hashes[k] == values


_LOCK = threading.Lock()


def index_key(official, names, known, homophones, shapes, settings: Settings, optional=()) -> str:
    dictionary = full_dictionary_name()
    blob = json.dumps([FORMAT, str(os.stat(dictionary).st_size), sorted(official), sorted(names), sorted(known),
                       homophones, shapes, settings.__dict__, sorted(optional)], ensure_ascii=False)
    return digests.sha1(blob.encode()).hexdigest()[:16]


@lru_cache(maxsize=4)
def load(key: str, official: tuple[str, ...], names: tuple[str, ...], known: tuple[str, ...],
         homophones: tuple[str, ...], shapes: tuple[str, ...], settings: Settings,
         optional: tuple[str, ...] = ()) -> PhraseIndex:
    """The index for these inputs, from the cache folder or built (and cached) now: once
    for all processes starting together (``store_lock``), in a forked child where this
    process can fork (``built_apart``: the build's ~60 MB go with the child)."""
    from checker.core import built_apart
    from checker.core.paths import cache_dir
    from checker.core.store_lock import store_lock

    args = (list(official), list(names), list(known), list(homophones), list(shapes), settings, optional)

    def kept_or_built() -> tuple[PhraseIndex, bool]:
        """(the index, whether it is kept in a cache folder), built under the lock unless
        another process kept it meanwhile."""
        with store_lock(cache_dir() / f"typo-index-{key}"):
            index = _kept(key)
            if index is not None:
                return index, True
            data = build(*args)
            for base in cache_folders():
                try:
                    _write(base / f"typo-index-{key}", data)
                    index = _read(base / f"typo-index-{key}")
                    if index is not None:
                        return index, True
                except OSError:
                    continue
            return PhraseIndex(**data), False

    with _LOCK:
        index = _kept(key)
        if index is not None:
            return index
        if built_apart.in_child(lambda: kept_or_built()[1]):
            index = _kept(key)
            if index is not None:
                return index
        return kept_or_built()[0]


def _kept(key: str) -> PhraseIndex | None:
    """The index kept under ``key`` in a cache folder, if a whole one is."""
    for base in cache_folder_names():      # as text: the one-file run imports no pathlib
        index = _read(os.path.join(base, f"typo-index-{key}"))
        if index is not None:
            return index
    return None


_ARRAYS = ("hashes", "meta", "whole", "pairs", "anchor", "bloom", "starts", "edges", "edge_codes")


def _read(folder: Path | str) -> PhraseIndex | None:
    try:
        info = phrase_lists.read(folder)      # phrases.json, or the lists kept beside it
        views = None
        if sys.byteorder == "little":
            # each array mapped now, as the Python scan reads it: a view holds exactly its
            # header's count (``_npy_view``), so an array emptied or cut short is a miss
            # here as ``_npy_whole`` finds it, without opening and reading each file twice
            views = tuple(_npy_view(os.path.join(folder, f"{name}.npy")) for name in _ARRAYS)
        else:
            for name in _ARRAYS:
                if not _npy_whole(os.path.join(folder, f"{name}.npy")):
                    return None
        index = PhraseIndex(phrases=info["phrases"], sources=info["sources"], lengths=info["lengths"], folder=folder)
        index._py = views
        return index
    except (OSError, ValueError, KeyError, SyntaxError, TypeError):
        return None


def _npy_whole(path: Path) -> bool:
    """Whether the ``.npy`` file holds as many bytes as its header says: an array file
    emptied or cut short (a power cut after the folder's rename, a full disk) is a miss,
    found before a scan maps it.  (The arrays, 26 MB, are not checksummed: a run reads a
    few pages of them, and a CRC would read them all.  The other files of the cache folder,
    read whole anyway, are: checker.core.sealed_file.)"""
    import struct

    with open(path, "rb") as fh:
        head = fh.read(12)
        if len(head) < 12 or head[:6] != b"\x93NUMPY":
            return False
        size, at = (int.from_bytes(head[8:10], "little"), 10) if head[6] == 1 else (int.from_bytes(head[8:12], "little"), 12)
        fh.seek(at)
        text = fh.read(size)
        try:
            header = _npy_header(text.decode("latin1"))
            (count,) = header["shape"]
            item = struct.calcsize(_NPY_FORMATS[header["descr"]])
        except (ValueError, SyntaxError, KeyError, TypeError, struct.error):
            return False            # a header damaged or of another layout
        return len(text) == size and os.fstat(fh.fileno()).st_size == at + size + count * item


_NPY_FORMATS = {"<u8": "Q", "<i8": "q", "<u4": "I", "<i4": "i", "|u1": "B", "|i1": "b"}


def _npy_view(path: Path) -> memoryview:
    """A one-dimensional little-endian ``.npy`` file as a memory view of its numbers,
    memory-mapped (numpy's own format: a magic string, a version, a header dict)."""
    import mmap

    with open(path, "rb") as fh:
        mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if len(mm) < 12 or mm[:6] != b"\x93NUMPY":     # cut short, or another file
        raise ValueError(f"{path}: not an .npy file")
    if mm[6] == 1:
        size, at = int.from_bytes(mm[8:10], "little"), 10
    else:
        size, at = int.from_bytes(mm[8:12], "little"), 12
    header = _npy_header(mm[at:at + size].decode("latin1"))
    fmt = _NPY_FORMATS[header["descr"]]
    (count,) = header["shape"]
    view = memoryview(mm)[at + size:].cast(fmt)
    if header["fortran_order"] or len(view) != count:
        raise ValueError(f"{path}: unexpected layout")
    return view


_NPY_HEADER = compile_skipping(r"\{'descr': '([<>|][a-z][0-9]+)', 'fortran_order': (True|False), 'shape': \(([0-9]+),\), \}\s*")


def _npy_header(text: str) -> dict:
    """An .npy header as numpy writes a one-dimensional array's, read without importing
    ast (3 ms of a one-file run); any other header goes to ast.literal_eval."""
    m = _NPY_HEADER.fullmatch(text)
    if m is None:
        import ast

        return ast.literal_eval(text)
    return {"descr": m.group(1), "fortran_order": m.group(2) == "True", "shape": (int(m.group(3)),)}


def _numpy_constants():
    """The hash's base as numpy's uint64 (numpy imported, and _NUMPY_CONSTANTS filled, on first use)."""
    np.uint64          # noqa: B018
    return _NUMPY_CONSTANTS["base"]


def _write(folder: Path, data: dict) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    import shutil
    import tempfile
    from pathlib import Path     # only to build the index

    tmp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".typo-index-"))
    try:
        for name in _ARRAYS:
            np.save(tmp / f"{name}.npy", data[name])
        with open(tmp / "phrases.json", "w", encoding="utf-8") as fh:
            json.dump({k: data[k] for k in ("phrases", "sources", "lengths")}, fh, ensure_ascii=False)
        try:
            os.replace(tmp, folder)
        except OSError:
            if not folder.exists():
                raise
            if _read(folder) is None:
                # a damaged index is in the way (a rename does not replace a folder that
                # holds files): moved aside, then ours put in its place
                aside = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".typo-index-old-"))
                os.replace(folder, aside / "index")
                shutil.rmtree(aside, ignore_errors=True)
                os.replace(tmp, folder)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
