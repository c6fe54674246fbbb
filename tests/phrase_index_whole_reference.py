"""The phrase index as it was built before it was built in pieces (commit 16a357a): the
whole dictionary read into memory, every variant made, then the words among them dropped
and the rest sorted.  Kept as the oracle tests/test_first_run_pieces.py holds the bounded
build (``checker.checks.typo.phrase_index.build``) to: same arrays, byte for byte."""
from __future__ import annotations

import numpy as np

from checker.checks.typo.phrase_index import (
    _MIX, _NAME_TAGS, _NUMPY_CONSTANTS, _BLOOM_BITS, _BASE_INT, _START_BITS, _START_MASK, DOUBLE, DROP, IDIOM,
    NAME, OFFICIAL, REORDER, SAYING, SUB, SWAP, WORD, Settings, _anchor, _codes, _confusables, _hash_rows,
    _hash_str, _near_homophones, _numpy_constants, _pack, _table, _unpack, variant)
from checker.model.tokens import full_dictionary


def _han(s: str) -> bool:
    return bool(s) and all(0x4E00 <= ord(c) <= 0x9FFF for c in s)


def _read_dictionary() -> list[tuple[str, int, str]]:
    rows = []
    with open(full_dictionary(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                rows.append((parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""))
    return rows


def _select(rows, official, names, settings: Settings) -> dict[str, int]:
    phrases: dict[str, int] = {}
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
    for word in official:
        if len(word) >= 4 and _han(word) and phrases.get(word) != IDIOM:
            phrases[word] = OFFICIAL     # an idiom also listed stays an idiom (frozen)
    for word in names:
        if len(word) >= 4 and _han(word):
            phrases[word] = NAME
    return phrases


def build_whole(official: list[str], names: list[str], known: list[str], homophones: list[str],
          shapes: list[str], settings: Settings, optional: tuple[str, ...] = ()) -> dict[str, np.ndarray | list]:
    _numpy_constants()
    rows = _read_dictionary()
    phrases = _select(rows, official, names, settings)
    plist = sorted(phrases)
    pid = {p: i for i, p in enumerate(plist)}
    # same reading or shape: every phrase; same syllable in another tone: only the phrases
    # that are frozen (official phrases, names, idioms), where a near miss is still a miss
    tables = [(_table(_confusables(homophones, shapes)), None),
              (_table(_near_homophones(homophones)), (OFFICIAL, NAME, IDIOM))]

    hashes: list[np.ndarray] = []
    metas: list[np.ndarray] = []
    anchors: list[np.ndarray] = []
    phrase_hash: dict[int, np.ndarray] = {}

    def emit(h, ids, edit, pos, char=0, extra=0, n=0):
        h = np.asarray(h, np.uint64)
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

    all_h = np.concatenate(hashes)
    all_m = np.concatenate(metas)
    all_a = np.concatenate(anchors)
    # leave out variants that are words or listed phrases themselves
    known_h = []
    words_by_len: dict[int, list[str]] = {}
    real = [w for w, f, tag in rows if not (tag in ("i", "l") and f <= settings.rare_idiom_max_frequency)]
    for w in real + list(known) + plist:
        if _han(w):
            words_by_len.setdefault(len(w), []).append(w)
    for n, group in words_by_len.items():
        known_h.append(_hash_rows(_codes(group, n)))
    known_all = np.unique(np.concatenate(known_h))
    keep = ~np.isin(all_h, known_all)
    all_h, all_m, all_a = all_h[keep], all_m[keep], all_a[keep]
    order = np.argsort(all_h, kind="stable")
    all_h, all_m, all_a = all_h[order], all_m[order], all_a[order]
    whole = np.unique(np.concatenate(list(phrase_hash.values())))
    pair_words = [r[0] for r in rows if len(r[0]) == 2 and _han(r[0]) and r[1] >= settings.pair_min_frequency]
    pairs = np.unique(_hash_rows(_codes(pair_words, 2))) if pair_words else np.zeros(0, np.uint64)
    bloom = np.zeros(1 << (_BLOOM_BITS - 3), dtype=np.uint8)
    # format 10's probes: the low bits, the top bits of the hash times the odd constant
    for x in (all_h & _NUMPY_CONSTANTS["mask"], (all_h * np.uint64(_MIX)) >> np.uint64(64 - _BLOOM_BITS)):
        np.bitwise_or.at(bloom, (x >> np.uint64(3)).astype(np.int64), (np.uint8(1) << (x & np.uint64(7)).astype(np.uint8)))
    lengths = sorted({len(p) - 1 for p in plist} | {len(p) for p in plist} | {len(p) + 1 for p in plist})
    starts = _start_table(all_m, plist)
    return {"hashes": all_h, "meta": all_m, "whole": whole, "pairs": pairs, "anchor": all_a, "bloom": bloom,
            "starts": starts,
            "phrases": plist, "sources": [phrases[p] for p in plist], "lengths": lengths}


def _start_table(meta: np.ndarray, plist: list[str]) -> np.ndarray:
    """The start table (see ``_START_BITS``) of the variants ``meta`` describes."""
    table = np.zeros(1 << _START_BITS, dtype=np.uint8)
    if not len(meta):
        return table
    lens = np.array([len(p) for p in plist], dtype=np.int64)
    first = np.array([ord(p[0]) for p in plist], dtype=np.int64)
    second = np.array([ord(p[1]) for p in plist], dtype=np.int64)
    third = np.array([ord(p[2]) for p in plist], dtype=np.int64)
    pid = (meta >> np.uint64(34)).astype(np.int64)
    edit = ((meta >> np.uint64(27)) & np.uint64(7)).astype(np.int64)
    pos = ((meta >> np.uint64(21)) & np.uint64(63)).astype(np.int64)
    size = lens[pid] + (edit == DOUBLE) - (edit == DROP)
    c0, c1, c2 = first[pid], second[pid], third[pid]    # a variant edited from its fourth character on
    early = np.nonzero((pos < 3) & (size >= 3))[0]
    for k, m in zip(early.tolist(), meta[early].tolist()):
        p, e, at, char, extra = _unpack(m)
        v = variant(plist[p], e, at, char, extra)
        c0[k], c1[k], c2[k] = ord(v[0]), ord(v[1]), ord(v[2])
    keep = size >= 3
    slot = ((c0[keep] * _BASE_INT + c1[keep]) * _BASE_INT + c2[keep]) & _START_MASK
    np.maximum.at(table, slot, np.minimum(size[keep], 255).astype(np.uint8))
    return table

