"""The duplicate family's faster paths against the computations they replace, kept
here as references: the near-duplicate index's look-ups (``NearIndex.candidates``),
where a numbered heading starts in a sentence (``places.heading_start``) and the units
the sentence kind compares (``sentence._long_enough``)."""
from __future__ import annotations

import random
import re

import pytest

from checker.checks.duplicates import places
from checker.checks.duplicates.sentence import _FIGURE_BLANK, _long_enough
from checker.model import near_index
from checker.model.document import Document
from checker.model.near_index import NearIndex, _anchored, _anchors, _aligned, _plan, figures_skeleton
from checker.model.similarity import PLACEHOLDER, bigrams, wording_length


class ReferenceIndex(NearIndex):
    """``NearIndex`` as it looked its candidates up before: each slice of each window
    looked up in the segment lists, one at a time; every unit's text and figure skeleton
    kept in sets, the skeleton group taken out of what was found."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.exact_sets: dict[str, set[int]] = {}
        self.skeleton_sets: dict[str, set[int]] | None = {} if self._figures_only else None

    def add(self, norm, grams=None):
        position = super().add(norm, grams)
        self.exact_sets.setdefault(norm, set()).add(position)
        if self.skeleton_sets is not None:
            self.skeleton_sets.setdefault(figures_skeleton(norm), set()).add(position)
        return position

    def near_plain(self, norm: str) -> set[int]:
        k, n = self.max_changed, len(norm)
        found: set[int] = set()
        for length, parts in _plan(k, n):
            lists = self._segments.get(length)
            if lists is None:
                continue
            for (first, last, size), by_text in zip(parts, lists):
                for at in range(first, last + 1):
                    held = by_text.get(norm[at:at + size], ())
                    found.update([held] if isinstance(held, int) else held)   # one unit: filed alone
        if self._short:
            for length in range(max(1, n - k), n + k + 1):
                found.update(self._short.get(length, ()))
        return found

    def candidates(self, norm, share, scale=1.0):
        k = self.max_changed
        mine = norm.count(PLACEHOLDER)
        if mine:
            return super().candidates(norm, share, scale)     # unchanged path
        found = self.near_plain(norm) | set(self._wild_units)
        if not found:
            return []
        if self.skeleton_sets is not None:
            same = self.skeleton_sets.get(figures_skeleton(norm))
            if same:
                found = (found - same) | (found & self.exact_sets.get(norm, set()))
                if not found:
                    return []
        grams = frozenset(bigrams(norm))
        need = len(grams) * share * scale
        out, examined, anchors = [], 0, _anchors(norm, k)
        for p in sorted(found):
            examined += 1
            if examined > self.examine_cap:
                break
            other_norm = self.norms[p]
            theirs = other_norm.count(PLACEHOLDER)
            plain = not theirs
            if plain and (abs(len(norm) - len(other_norm)) > k or not _anchored(anchors, other_norm, k)):
                continue
            other = self.grams_of(p)
            if not theirs and len(grams - other) > 2 * k:
                continue
            if len(other - grams) > 2 * (k + theirs):
                continue
            if len(grams & other) < need:
                continue
            if plain and not _aligned(norm, other_norm, k):
                continue
            out.append(p)
            if len(out) >= self.candidates_cap:
                break
        return out


def _texts(rng: random.Random, count: int, alphabet: str, wild: float = 0.03):
    texts: list[str] = []
    for _ in range(count):
        if texts and rng.random() < 0.6:
            text = list(rng.choice(texts))
            for _ in range(rng.randint(0, 4)):
                at = rng.randint(0, len(text))
                if rng.random() < 0.5 or not text[at:]:
                    text.insert(at, rng.choice(alphabet))
                else:
                    text[at] = rng.choice(alphabet)
            text = "".join(text)
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        if rng.random() < wild:
            text += PLACEHOLDER
        texts.append(text)
    return texts


@pytest.mark.parametrize("k,cap,figures,examine,wild", [
    (1, 128, False, 256, 0.03), (1, 3, True, 256, 0.03), (3, 128, True, 256, 0.03), (3, 2, True, 256, 0.03),
    (6, 4, False, 256, 0.03), (3, 128, True, 256, 0.2), (1, 128, False, 5, 0.2), (3, 4, True, 12, 0.1)])
def test_index_candidates_are_the_reference_look_ups(k, cap, figures, examine, wild):
    """Small alphabets and small caps: segments shared by many units, capped lists,
    figure-only changes (digits in the alphabet), short texts and placeholders (units
    with one tested before the others when all found are examined, small examine caps
    on either side of that)."""
    rng = random.Random(k * 100 + cap + examine)
    for alphabet in ("ab1", "推进建设2023", "abcdefghij"):
        new = NearIndex(k, figures_only_skeletons=figures, postings_cap=cap, examine_cap=examine)
        old = ReferenceIndex(k, figures_only_skeletons=figures, postings_cap=cap, examine_cap=examine)
        near_index._SEEN.clear()
        near_index._PROBES.clear()
        for text in _texts(rng, 600, alphabet, wild):
            assert new.candidates(text, 0.5) == old.candidates(text, 0.5), text
            assert new.add(text) == old.add(text)
        assert [new.exact(t) for t in new.norms[:50]] == [sorted(old.exact_sets[t]) for t in new.norms[:50]]


def _heading_start_reference(doc, sentence, max_length):
    text = doc.text
    start, end = sentence.span.start, sentence.span.end
    at = start
    while at < end and text[at] in places._BLANKS:
        at += 1
    candidates = [at]
    for i in range(at, end):
        if text[i] in places._LEAD_IN_ENDS:
            j = i + 1
            while j < end and text[j] in places._BLANKS:
                j += 1
            candidates.append(j)
    for pos in candidates:
        marker = places.marker_at(text, pos, end)
        if marker is None:
            continue
        body = text[marker.span.end:end].rstrip("".join(places._STATEMENT_MARKS) + places._BLANKS)
        if (body and len(body) <= max_length and not any(ch in "；;" for ch in body)
                and not any(ch in places._DIGITS for ch in body)):
            return pos
        return None
    return None


_PIECES = ("一、", "（一）", "1.", "2、", "第一，", "现将", "总结如下：", "：", ":", "\u3000", " ", "加强队伍建设",
           "推进", "，", "；", "。", "3", "《方案》", "xx.xx%", "××", "**", "XXXX", "Excel", "20xx年")


def _documents(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "\n".join("".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 16))).strip()
                        for _ in range(rng.randint(1, 5)))


def test_the_marker_gate_lets_every_marker_opening_through():
    """``places.MARKER_OPENING_HAN``: a Han character of the block outside it opens no
    marker, so heading starts, sentence kinds and anaphoric openings skip the match."""
    from checker.model.markers import CANDIDATE

    tails = ("、", "一、", "十二、", "）", "1.", "、一", "是")
    opening = {ch for ch in map(chr, range(0x4E00, 0xA000)) if any(CANDIDATE.match(ch + t) for t in tails)}
    assert opening and opening <= places.MARKER_OPENING_HAN


def _sentence_kind_reference(doc, sentence, kinds):
    kind = kinds.get(sentence.paragraph)
    if kind is not None:
        return kind
    body = sentence.span.of(doc.text).strip(places._BLANKS)
    if places.marker_at(body, 0) and not any(ch in places._STATEMENT_MARKS
                                            for ch in body.rstrip("".join(places._STATEMENT_MARKS))):
        return places.HEADING
    return places.PLAIN


def _anaphoric_reference(doc, opening):
    out = set()
    for sentence in doc.sentences:
        start, end = sentence.span.start, sentence.span.end
        marker = places.marker_at(doc.text, start, end)
        at = marker.span.end if marker is not None else start
        if opening.match(doc.text[at:end].lstrip(places._BLANKS + "，,、")):
            out.add(sentence.index)
    return frozenset(out)


def test_sentence_kinds_and_anaphoric_openings_are_the_reference_ones():
    opening = re.compile("^(?:该|加强|推进)")
    headings = anaphoric = 0
    for text in _documents(7, 2000):
        doc = Document.from_text(text)
        kinds = places.line_kinds(doc, 4)
        for sentence in doc.sentences:
            expected = _sentence_kind_reference(doc, sentence, kinds)
            assert places.sentence_kind(doc, sentence, kinds) == expected, text
            headings += expected == places.HEADING and sentence.paragraph not in kinds
        expected = _anaphoric_reference(doc, opening)
        assert places._anaphoric(doc, opening) == expected, text
        anaphoric += len(expected)
    assert headings > 100 and anaphoric > 100


def test_heading_starts_are_the_reference_ones():
    found = 0
    for text in _documents(3, 2000):
        doc = Document.from_text(text)
        for sentence in doc.sentences:
            for max_length in (4, 60):
                expected = _heading_start_reference(doc, sentence, max_length)
                assert places.heading_start(doc, sentence, max_length) == expected, text
                found += expected is not None
    assert found > 200


def _long_enough_reference(text, units, min_length, clauses):
    return [u for u in units
            if (clauses or not u.clause) and u.length >= min_length
            and wording_length(u.norm) >= min_length
            and len(re.sub("[^\u4e00-\u9fff]+", "", re.sub(r"《[^《》\n]{0,80}(?:》|$)", "", text[u.span.start:u.span.end])))
            >= min_length
            and not _FIGURE_BLANK.search(text, u.span.start, u.span.end)]


def test_units_compared_are_the_reference_ones():
    kept = dropped = 0
    for text in _documents(4, 1500):
        doc = Document.from_text(text)
        for units in doc.sentence_units():
            for min_length, clauses in ((4, True), (6, False), (12, True)):
                expected = _long_enough_reference(doc.text, units, min_length, clauses)
                assert _long_enough(doc.text, units, min_length, clauses) == expected, text
                kept += len(expected)
                dropped += len(units) - len(expected)
    assert kept > 1000 and dropped > 1000


def test_a_text_too_short_to_cut_is_still_a_candidate_when_no_segment_is_shared():
    """The index's quick answer (no slice is a segment filed: nothing) does not hold
    while texts too short to cut into k + 1 segments are filed: they are proposed by
    length alone."""
    near_index._SEEN.clear()
    near_index._PROBES.clear()
    index = NearIndex(3)
    index.candidates("wxyz", 0.5)
    index.candidates("wxzy", 0.5)             # a length met twice: the quick answer is ready
    index.add("abc")                          # 3 characters: no 4 segments
    assert index.candidates("abcd", 0.5) == [0]


def _aligned_reference(a, b, k):
    """``near_index._aligned`` as it was: a table of every place of each bigram of ``b``."""
    if len(a) < 2:
        return True
    where = {}
    for j in range(len(b) - 1):
        where.setdefault(b[j:j + 2], []).append(j)
    allowed = 2 * k
    for i in range(len(a) - 1):
        if not any(abs(j - i) <= k for j in where.get(a[i:i + 2], ())):
            allowed -= 1
            if allowed < 0:
                return False
    return True


def test_aligned_is_the_reference_one():
    from checker.model.near_index import _aligned

    rng = random.Random(5)
    seen = {True: 0, False: 0}
    for _ in range(20000):
        alphabet = "甲乙丙丁"[:rng.randint(1, 4)]
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        b = list(a)
        for _ in range(rng.randint(0, 6)):      # a few edits, or another order
            if b and rng.random() < 0.5:
                del b[rng.randrange(len(b))]
            else:
                b.insert(rng.randint(0, len(b)), rng.choice(alphabet))
        if rng.random() < 0.2:
            rng.shuffle(b)
        b = "".join(b)
        for k in (0, 1, 2, 3, 6):
            expected = _aligned_reference(a, b, k)
            assert _aligned(a, b, k) == expected, (a, b, k)
            seen[expected] += 1
    assert min(seen.values()) > 5000


@pytest.mark.parametrize("k,cap", [(0, 128), (1, 1), (1, 2), (3, 3), (3, 128), (6, 2)])
def test_segments_are_filed_as_before(k, cap):
    """The segment dicts (a unit alone filed as its position) hold what the former lists
    of positions held: per length and segment, the first ``cap`` units cut there."""
    rng = random.Random(k * 7 + cap)
    index = NearIndex(k, postings_cap=cap)
    expected: dict[int, list[dict[str, list[int]]]] = {}
    for text in _texts(rng, 800, "ab1", 0.0):
        position = index.add(text)
        parts = near_index._parts(k, len(text))
        if parts is None:
            continue
        lists = expected.setdefault(len(text), [{} for _ in parts])
        for (start, size), by_text in zip(parts, lists):
            posting = by_text.setdefault(text[start:start + size], [])
            if len(posting) < max(cap, 1):
                posting.append(position)
    got = {length: [{piece: [held] if isinstance(held, int) else held for piece, held in by_text.items()}
                    for by_text in lists] for length, lists in index._segments.items()}
    assert got == expected
    assert cap < 2 or any(len(p) > 1 for lists in expected.values() for by_text in lists for p in by_text.values())


def _long_texts(rng: random.Random, count: int, alphabet: str, low: int, high: int):
    """Texts from ``low`` to ``high`` characters, most of them copies of an earlier one
    with a few edits, a few with a placeholder."""
    texts: list[str] = []
    for _ in range(count):
        if texts and rng.random() < 0.6:
            text = list(rng.choice(texts))
            for _ in range(rng.randint(0, 7)):
                at = rng.randrange(len(text))
                if rng.random() < 0.3:
                    text.insert(at, rng.choice(alphabet))
                elif rng.random() < 0.5:
                    del text[at]
                else:
                    text[at] = rng.choice(alphabet)
            text = "".join(text)
        else:
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(low, high)))
        if rng.random() < 0.02:
            text += PLACEHOLDER
        texts.append(text)
    return texts


@pytest.mark.parametrize("k,cap,low,high,packed", [(3, 128, 60, 200, False), (6, 128, 60, 400, False),
                                                   (6, 3, 62, 72, True), (3, 128, 64, 70, True), (1, 2, 60, 90, False)])
def test_long_texts_candidates_are_the_reference_look_ups(k, cap, low, high, packed, monkeypatch):
    """Texts of ``_LONG_TEXT`` characters or more (paragraphs) start from the segments
    filed within k in length (``_near_long``): a ``find`` per segment text while there are
    fewer than the text's characters, the slices' look-up (``_held_segments``) with more;
    lengths spread wide (most look-ups find no length within k) and packed close (many
    segment texts: the slices' way), both ways seen taken."""
    ways = {"slices": 0, "filed": 0}
    held = NearIndex._held_segments

    def counted(self, norm, k_, n):
        ways["slices"] += n >= near_index._LONG_TEXT
        return held(self, norm, k_, n)

    monkeypatch.setattr(NearIndex, "_held_segments", counted)
    rng = random.Random(k * 1000 + low + high)
    for alphabet in ("ab1", "推进建设2023", "abcdefghijklmnop"):
        new = NearIndex(k, figures_only_skeletons=True, postings_cap=cap)
        old = ReferenceIndex(k, figures_only_skeletons=True, postings_cap=cap)
        for text in _long_texts(rng, 300, alphabet, low, high):
            got = new.candidates(text, 0.5)
            assert got == old.candidates(text, 0.5), text
            ways["filed"] += len(text) >= near_index._LONG_TEXT and PLACEHOLDER not in text
            assert new.add(text) == old.add(text)
    assert ways["filed"] > ways["slices"]
    assert (ways["slices"] > 0) == packed


def test_units_lacking_few_bigrams_are_every_unit_compared():
    """``_lacking_at_most`` (the first texts with placeholders against every earlier unit)
    passes over units too short to hold enough of the bigrams without comparing them: the
    units found are those a set difference with each finds."""
    rng = random.Random(21)
    checked = 0
    for alphabet in ("ab1", "推进建设2023", "abcdefghij"):
        index = NearIndex(3)
        texts = _long_texts(rng, 150, alphabet, 1, 120)
        for text in texts:
            index.add(text)
        for text in texts[:60] + [t + PLACEHOLDER for t in texts[60:90]]:
            grams = frozenset(bigrams(text))
            for allowed in (0, 2, 8, 30):
                expected = {p for p, other in enumerate(index.norms) if PLACEHOLDER not in other
                            and len(grams - frozenset(bigrams(other))) <= allowed}
                assert index._lacking_at_most(grams, allowed) == expected
                checked += len(expected)
    assert checked > 1000


def test_a_repeated_near_copy_is_found_through_a_segment_filed_at_two_places():
    """A must-flag case for the segment look-up: the earlier text's segments are one text at
    two segments (甲乙丙 twice), and the later one changes a character of the first: the
    second segment, at its place, still proposes it.  A near miss: the same three characters
    far from both places (no segment where it may stand unedited) propose nothing."""
    index = NearIndex(3)
    first = index.add("甲乙丙甲乙丙丁戊己庚辛壬")
    index.add("天地玄黄宇宙洪荒日月盈昃")
    assert index.candidates("甲乙丁甲乙丙丁戊己庚辛壬", 0.5) == [first]
    assert index.candidates("子丑寅卯辰巳午未申甲乙丙", 0.5) == []


def _former_plan(k: int, n: int):
    """``near_index._plan`` as it was computed before its windows were made per length."""
    plan = []
    for length in range(max(1, n - k), n + k + 1):
        size, longer = divmod(length, k + 1)
        if size == 0:
            continue
        sizes = [size] * (k + 1 - longer) + [size + 1] * longer
        starts = [sum(sizes[:i]) for i in range(k + 1)]
        delta = n - length
        windows = []
        for i, (start, size) in enumerate(zip(starts, sizes)):
            first = start + max(-i, delta - k + i)
            last = start + min(i, delta + k - i)
            windows.append((max(first, 0), min(last, n - size), size))
        plan.append((length, tuple(windows)))
    return tuple(plan)


def test_plan_per_length_windows_are_the_former_plan():
    for k in range(7):
        for n in range(1, 170):
            assert near_index._plan(k, n) == _former_plan(k, n), (k, n)
            for length, windows in _former_plan(k, n):
                assert near_index._length_windows(k, n, length) == windows


def test_line_kinds_are_read_once_per_document_and_length():
    text = "一、总体要求\n关于做好工作的通知\n各单位：\n现将有关事项通知如下。\n（一）加强领导。"
    doc = Document.from_text(text)
    first = places.line_kinds(doc, 60)
    assert places.line_kinds(doc, 60) is first
    assert first == places._line_kinds(Document.from_text(text), 60)
    assert places.line_kinds(doc, 4) == places._line_kinds(doc, 4)
