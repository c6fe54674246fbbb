"""The cross-document comparison decides every pair as the plain difflib computation does.

The comparison rejects pairs in arrays by exact bounds, asks difflib once per distinct
pair of texts and reuses one matcher for both of ``near_duplicate``'s questions (issue 11);
these tests hold each of those to a plain computation written out here: difflib asked
afresh for every pair, and a bucket index of Python dicts and lists ranked candidate by
candidate."""
from __future__ import annotations

import difflib
import random
import re
from collections import Counter
from types import SimpleNamespace

import pytest

from checker.checks.duplicates import corpus
from checker.checks.duplicates.copy_verdicts import CopyVerdicts
from checker.checks.duplicates.corpus import Comparison, Fingerprints, Params, _BucketIndex
from checker.model import similarity
from checker.model.similarity import PLACEHOLDER, band_keys, near_duplicate

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理世车"
DIGITS = "0123456789"


# -- the plain computation: what is_copy and near_duplicate were before issue 11's work ----
def plain_compare(a: str, b: str):
    if a == b:
        return 1.0, 0
    changed = 0
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and (similarity._is_wildcard(a[i1:i2]) or similarity._is_wildcard(b[j1:j2])):
            continue
        changed += max(i2 - i1, j2 - j1)
    longest = max(len(a), len(b))
    return (1.0 - changed / longest if longest else 1.0), changed


def plain_numerals_only(a: str, b: str) -> bool:
    if a == b:
        return False
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal" and not all(c in similarity._NUMERALS for c in similarity._APPROX.sub("", a[i1:i2] + b[j1:j2])):
            return False
    return True


def plain_near(a: str, b: str, min_ratio: float, max_changed: int, numerals: bool = True):
    if a == b:
        return 1.0, 0
    if abs(len(a) - len(b)) > max_changed and PLACEHOLDER not in a + b:
        return None
    if min(len(a), len(b)) >= similarity._LONG and PLACEHOLDER not in a + b:
        m = similarity._near_long(a, b, min_ratio, max_changed, numerals)
        return None if m is None else (m.ratio, m.changed)
    ratio, changed = plain_compare(a, b)
    if ratio < min_ratio or changed > max_changed:
        return None
    if numerals and plain_numerals_only(a, b):
        return None
    return ratio, changed


def plain_is_copy(norm: str, other: str, params: Params) -> bool:
    if other != norm:
        limit = params.max_changed
        if len(other) - len(norm) > limit:
            return False
        left, gap = Counter(norm), 0
        for ch in other:
            if left[ch]:
                left[ch] -= 1
            else:
                gap += 1
        if gap > limit:
            return False
    return plain_near(norm, other, params.min_ratio, params.max_changed, params.ignore_numeral_changes) is not None


# -- texts that put the bounds to the test ------------------------------------------------
def edited(rng: random.Random, text: str, edits: int, alphabet: str = HAN) -> str:
    chars = list(text)
    for _ in range(edits):
        what = rng.randrange(4)
        at = rng.randrange(len(chars) + 1)
        if what == 0 and chars:
            chars[min(at, len(chars) - 1)] = rng.choice(alphabet)
        elif what == 1 and chars:
            del chars[min(at, len(chars) - 1)]
        elif what == 2:
            chars.insert(at, rng.choice(alphabet))
        else:                                           # move a stretch: same characters, new order
            a, b = sorted(rng.sample(range(len(chars) + 1), 2)) if len(chars) > 1 else (0, 0)
            piece = chars[a:b]
            del chars[a:b]
            at = rng.randrange(len(chars) + 1)
            chars[at:at] = piece
    return "".join(chars)


def variant(rng: random.Random, base: str) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return base
    if kind == 1:                                       # a figure updated
        return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randrange(1, 50)), base, count=1)
    if kind == 2:                                       # an anonymised name in place of some words
        at = rng.randrange(len(base))
        return base[:at] + PLACEHOLDER + base[at + rng.randrange(0, 7):]
    if kind == 3:                                       # longer or shorter by more than the limit
        return base + "".join(rng.choice(HAN) for _ in range(rng.randrange(3, 9))) if rng.random() < 0.5 \
            else base[rng.randrange(3, 9):]
    if kind == 4:                                       # the same characters, reordered
        return edited(rng, base, 1)[::-1] if rng.random() < 0.3 else "".join(rng.sample(base, len(base)))
    if kind == 5:                                       # few distinct characters repeated
        return "".join(rng.choice(base[:3]) for _ in range(len(base)))
    return edited(rng, base, rng.randrange(1, 8), HAN[:40] + DIGITS)


def sentence(rng: random.Random, length: int | None = None) -> str:
    length = length or rng.randrange(20, 70)
    text = "".join(rng.choice(HAN[:120]) for _ in range(length))
    if rng.random() < 0.5:
        at = rng.randrange(length)
        text = text[:at] + str(rng.randrange(1, 3000)) + text[at:]
    return text


def pairs(seed: int, n: int):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        base = sentence(rng)
        other = variant(rng, base)
        if rng.random() < 0.2:
            other = variant(rng, other)
        out.append((base, other) if rng.random() < 0.5 else (other, base))
    # adversarial ones written out
    out += [("", ""), ("一", ""), ("", "一二三四五六"), (PLACEHOLDER, "一二三四五六七"),
            ("一二三四五六七八九十" * 3, "十九八七六五四三二一" * 3),
            ("工作" * 20, "作工" * 20), ("工作" * 20, "工作" * 19 + "作工"),
            ("新增学位2700个覆盖率85以上", "新增学位3000个覆盖率90左右"),
            ("全年完成投资" + PLACEHOLDER + "亿元增长百分之十", "全年完成投资一百二十亿元增长百分之十"),
            (PLACEHOLDER * 3 + "推进改革发展稳定各项工作", "推进改革发展稳定各项工作")]
    return out


# -- the tests ---------------------------------------------------------------------------
@pytest.mark.parametrize("seed", range(4))
def test_near_duplicate_with_one_matcher_decides_as_two_matchers_do(seed):
    for a, b in pairs(seed, 1500):
        for min_ratio, limit in ((0.85, 4), (0.5, 12), (0.95, 1)):
            m = near_duplicate(a, b, min_ratio=min_ratio, max_changed=limit)
            got = None if m is None else (m.ratio, m.changed)
            assert got == plain_near(a, b, min_ratio, limit), (a, b)


def test_long_texts_are_decided_as_before():
    rng = random.Random(7)
    for _ in range(30):
        base = sentence(rng, 1100)
        for other in (base, edited(rng, base, rng.randrange(0, 7)), variant(rng, base)):
            assert corpus.is_copy(base, other, Params()) == plain_is_copy(base, other, Params())


def _index_of(texts: list[str], params: Params) -> _BucketIndex:
    index = _BucketIndex(params)
    data = Fingerprints([(1, 0, 1, 1, t[:5], t) for t in texts], band_keys(texts, params.bands, params.rows).tobytes(),
                        params.bands)
    index.add_batch([data.key_array()], [True], [data])
    return index


@pytest.mark.parametrize("limit", [0, 1, 4, 9])
def test_pairs_rejected_in_arrays_are_pairs_is_copy_rejects(limit):
    params = Params(max_changed=limit)
    found = pairs(100 + limit, 2500)
    texts = [t for pair in found for t in pair]
    index = _index_of(texts, params)
    np = index.np
    rows = np.arange(0, len(texts), 2)
    keep = index._possible(rows, rows + 1)
    rejected = 0
    for (a, b), kept in zip(found, keep.tolist()):
        verdict = plain_is_copy(a, b, params)
        assert kept or not verdict, (a, b)
        rejected += not kept
    # and the other way round: the row as candidate
    keep = index._possible(rows + 1, rows)
    for (a, b), kept in zip(found, keep.tolist()):
        assert kept or not plain_is_copy(b, a, params), (b, a)
    assert rejected > len(found) // 10         # the bounds do reject


@pytest.mark.parametrize("min_ratio", [0.85, 0.8, 0.9, 0.7, 0.95, 1.0, 0.333])
@pytest.mark.parametrize("limit", [0, 1, 4, 9])
def test_the_changes_allowed_by_length_are_those_near_duplicate_accepts(min_ratio, limit):
    index = _BucketIndex(Params(max_changed=limit, min_ratio=min_ratio))
    np = index.np
    # asked as batches ask: short lengths first, the table grown as longer ones come
    for top in (5, 40, 1200, 30, 200_000):
        got = index._changes_allowed(np.arange(0, top)).tolist()
        for length in list(range(1, min(top, 1200))) + [top - 1]:
            # the last c that near_duplicate's own test, 1.0 - c / longest, lets through
            assert got[length] == max(c for c in range(limit + 1) if 1.0 - c / length >= min_ratio), length
    if min_ratio < 1.0:
        # the table ends where the limit is reached: a very long sentence makes it no longer
        assert len(index._allowed) <= limit / (1.0 - min_ratio) + 2


@pytest.mark.parametrize("min_ratio", [0.85, 0.8, 0.9])
def test_pairs_at_the_ratio_edge_are_kept_when_is_copy_accepts_them(min_ratio):
    # c characters of a text of distinct characters replaced by others it lacks: c changed
    # characters, its gap c, so the ratio decides at lengths where c / length is on its edge
    rng = random.Random(int(min_ratio * 100))
    params = Params(max_changed=6, min_ratio=min_ratio)
    found = []
    for length in range(8, 48):
        for c in range(0, 8):
            chars = rng.sample(HAN[:300], length + c)
            a = "".join(chars[:length])
            b = list(a)
            for at, new in zip(rng.sample(range(length), min(c, length)), chars[length:]):
                b[at] = new
            found.append((a, "".join(b)))
    texts = [t for pair in found for t in pair]
    index = _index_of(texts, params)
    rows = index.np.arange(0, len(texts), 2)
    rejected_by_ratio = 0
    for (a, b), kept in zip(found, index._possible(rows, rows + 1).tolist()):
        verdict = plain_is_copy(a, b, params)
        assert kept or not verdict, (a, b)
        rejected_by_ratio += not kept and len(set(b) - set(a)) <= params.max_changed
    assert rejected_by_ratio > 30           # the ratio's bound does reject


def test_a_kept_verdict_is_given_only_for_the_texts_it_was_computed_for():
    asked = []
    texts = {1: "甲乙丙", 2: "甲乙丁", 3: "戊己庚", 4: "戊己辛"}

    def decide(a, b):
        asked.append((a, b))
        return a[0] == b[0]

    verdicts = CopyVerdicts(decide, texts.__getitem__)
    verdicts.known.clear()
    assert verdicts("甲乙丙", 1, "甲乙丁", 2) is True
    assert verdicts("甲乙丙", 5, "甲乙丁", 6) is True      # the same texts elsewhere: kept
    assert len(asked) == 1
    # a pair whose hash is that of the kept one but whose texts differ is decided afresh
    key = hash(("甲乙丙", "甲乙丁"))
    verdicts.known[hash(("戊己庚", "甲乙丁"))] = verdicts.known[key]
    assert verdicts("戊己庚", 3, "甲乙丁", 2) is False
    assert asked[-1] == ("戊己庚", "甲乙丁")
    small = CopyVerdicts(decide, texts.__getitem__, limit=2)
    for n, (a, b) in enumerate([("甲乙丙", "甲乙丁"), ("戊己庚", "戊己辛"), ("甲乙丙", "戊己辛")]):
        small(a, 10 + n, b, 20 + n)
    assert len(small.known) <= 2


# -- the whole comparison against a plain one ----------------------------------------------
def plain_comparison(docs, params: Params):
    """(path, sentence, other path, other line) for each copy: buckets as dicts of lists,
    candidates ranked one by one, every pair put to difflib."""
    width = params.bands + 1
    buckets = [dict() for _ in range(width)]
    rows: list[tuple[int, int]] = []
    out = []
    for number, (path, data) in enumerate(docs):
        keys = data.key_array()
        copies = []
        for e in range(len(data)):
            shared = Counter()
            for band in range(width):
                for member in buckets[band].get(int(keys[e, band]), []):
                    shared[member] += 1
            ranked = sorted(shared, key=lambda m: (-shared[m], m))[:params.max_candidates]
            for member in ranked:
                other_number, other_e = rows[member]
                other_path, other = docs[other_number]
                if plain_is_copy(data.norm(e), other.norm(other_e), params):
                    copies.append((e, (other_path, other.line(other_e))))
                    break
        first = len(rows)
        for e in range(len(data)):
            rows.append((number, e))
            for band in range(width):
                members = buckets[band].setdefault(int(keys[e, band]), [])
                if len(members) < params.bucket_size:
                    members.append(first + e)
        if not corpus._versions_of_one_document(copies, len(data), params):
            out += [(path, e, other, line) for e, (other, line) in copies]
    return out


def corpus_of(seed: int, documents: int, params: Params):
    rng = random.Random(seed)
    families = [[sentence(rng)] for _ in range(60)]
    docs = []
    for d in range(documents):
        texts = []
        for _ in range(rng.randrange(5, 25)):
            r = rng.random()
            if r < 0.25:
                texts.append(sentence(rng))
            else:
                family = rng.choice(families[:10 + 2 * d])
                text = rng.choice(family)
                if r < 0.5:
                    text = variant(rng, text)
                    family.append(text)
                texts.append(text)
        texts = [t for t in texts if t]
        entries = [(n + 1, 0, n + 1, len(t), t[:8], t) for n, t in enumerate(texts)]
        keys = band_keys(texts, params.bands, params.rows)
        docs.append((f"doc{d:03d}.txt", Fingerprints(entries, keys.tobytes(), params.bands)))
    return docs


@pytest.mark.parametrize("seed,bucket_size,max_candidates,batch_rows", [
    (1, 8, 16, 2048), (2, 8, 16, 40), (3, 3, 4, 25), (4, 2, 16, 60), (5, 16, 2, 10)])
def test_the_comparison_reports_what_a_plain_one_reports(seed, bucket_size, max_candidates, batch_rows):
    params = Params(bucket_size=bucket_size, max_candidates=max_candidates, bands=8, rows=2)
    docs = corpus_of(seed, 70, params)
    comparison = Comparison(SimpleNamespace(params=params), batch_rows=batch_rows)
    found = []
    for path, data in docs:
        found += comparison.add(path, data)
    found += comparison.finish()
    got = [(f.path, f.line - 1, f.args["other"], f.args["other_line"]) for f in found]
    want = plain_comparison(docs, params)
    assert got == want
    assert len(want) > 200
