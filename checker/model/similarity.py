"""Text similarity for the duplicate checks: normalisation, comparison units, MinHash bands.

Two statements are compared by their *normalised* form: only content characters
(CJK, Latin letters, digits) are kept; bracketed notes such as
``（牵头处室：…；责任处室：…）`` are dropped entirely; a quoted name or title
is compared without its marks, but an anonymised or unfilled one (``《*》``, ``“××”``)
becomes a placeholder that matches any name in its place; numbering markers (``一是``, ``（三）``,
``2.``) at the start of a clause are dropped; and the set phrases of the genre listed
in the data (``以习近平新时代中国特色社会主义思想为指导`` …) are removed before the
length of what is left is measured.

Every kept character remembers its offset in the document, so a unit found in the
normalised text maps back to a span of the original.
"""
from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Iterable, Sequence

from checker.model.fnv_lanes import fnv1a, fnv1a_many
from checker.model.matching_blocks import common_prefix, opcodes
from checker.model.span import Span

PLACEHOLDER = "§"

_QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’", "〈": "〉"}
_BRACKETS = {"（": "）", "(": ")", "【": "】", "〔": "〕", "[": "]", "［": "］"}
_CLAUSE_BREAKS = frozenset("，,；;：:")
_BLANKS = " \t\u3000\u00a0"
# A numbering marker at the start of a clause: 一是 · 二、 · 3. · 4、 · ① · 第一， · 首先，
_MARKER = re.compile(
    r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}[、.．]|\d{1,3}[、.．](?!\d)"
    r"|[①-⑳]|第[一二三四五六七八九十]{1,3}[，,、]|(?:首先|其次|再次|最后)[，,])")
_NUMERALS = frozenset("0123456789一二三四五六七八九十百千万亿两零〇.．%％年月日")


def is_content(ch: str) -> bool:
    return ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"
            or ch.isascii() and ch.isalnum())


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence or clause ready for comparison."""

    span: Span          # from its first to its last kept character in the document
    norm: str           # normalised text (set phrases removed)
    clause: bool        # a clause of a longer sentence, not a whole sentence

    @property
    def length(self) -> int:
        """How many content characters it has (placeholders do not count)."""
        return len(self.norm) - self.norm.count(PLACEHOLDER)


# ``Unit(Span(start, end), norm, clause)`` without the dataclass constructors, for the
# ~800 units a document is cut into: two frozen dataclasses' ``__init__`` (an
# ``object.__setattr__`` per field, a frozen class refusing plain assignment) and
# ``Span.__post_init__``'s check cost about three times making the objects directly.
# The slots are set through their own descriptors, which is what the generated
# ``__init__`` does past the frozen ``__setattr__``: the objects are equal to, hash and
# print like the constructors' (tests/test_make_unit.py).
_new = object.__new__
_set_start, _set_end = Span.start.__set__, Span.end.__set__
_set_span, _set_norm, _set_clause = Unit.span.__set__, Unit.norm.__set__, Unit.clause.__set__


def make_unit(start: int, end: int, norm: str, clause: bool) -> Unit:
    """``Unit(Span(start, end), norm, clause)``, for bounds the caller knows valid
    (0 <= start <= end): ``Span``'s check is skipped."""
    span = _new(Span)
    _set_start(span, start)
    _set_end(span, end)
    unit = _new(Unit)
    _set_span(unit, span)
    _set_norm(unit, norm)
    _set_clause(unit, clause)
    return unit


@lru_cache(maxsize=16)
def compile_phrases(patterns: tuple[str, ...]):
    """One regex of all set phrases (longest first); ``None`` when there are none.
    They are data users extend, so the expression runs within the rule's time budget."""
    from checker.core.patterns import compile_alternation

    return compile_alternation(patterns, longest_first=True)


_PAIRS = {**_BRACKETS, **_QUOTES}
_OPENER_OF = {c: o for o, c in _PAIRS.items()}
_PAIR_MARKS = re.compile("[" + re.escape("".join(sorted(set(_PAIRS) | set(_PAIRS.values())))) + "]")


def _closers(text: str, start: int, end: int) -> dict[int, int]:
    """For each opening bracket or quote in ``text[start:end]``, the index of the mark that
    closes it (nesting of the same pair respected); openers never closed are absent.
    One pass: looking for each closer from its opener made a span with many unclosed
    brackets quadratic."""
    closer_of = _PAIRS
    opener_of = _OPENER_OF
    stacks: dict[str, list[int]] = {}
    out: dict[int, int] = {}
    for m in _PAIR_MARKS.finditer(text, start, end):
        ch, j = m.group(), m.start()
        if ch in closer_of:
            stacks.setdefault(ch, []).append(j)
        else:
            stack = stacks.get(opener_of[ch])
            if stack:
                out[stack.pop()] = j
    return out


# Runs of plain content characters (CJK and ASCII letters/digits) are taken whole: the
# character-by-character path below is only needed for marks, brackets and quotes, and
# taking runs at once makes normalising several times faster on Chinese prose.
_CONTENT_RUN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbfA-Za-z0-9]+")


def normalise(text: str, span: Span) -> tuple[str, list[int], list[int]]:
    """Normalise ``text[span]``: the kept characters, their offsets and the clause breaks
    (indexes into the normalised string where a new clause starts)."""
    return normalise_from(text, span.start, span.end)[:3]


def normalise_from(text: str, start: int, end: int, at_clause_start: bool = True
                   ) -> tuple[str, list[int], list[int], bool]:
    """``normalise`` of ``text[start:end]``, and whether a numbering marker was dropped at
    its start.  ``at_clause_start`` False: the text goes on with a clause begun before it
    (a sentence read as part of its paragraph after a full stop), so no marker is dropped
    at its start.

    A step per run of content characters and per other character, with less work per step
    than a plain reading (tests/test_normalise_steps.py compares the two): a run is
    followed by a mark (runs are as long as they go), so the mark is read at once; a clause
    opening with a Han character that opens no marker is not matched against ``_MARKER``;
    what a mark becomes (``_mark_kept``) is worked out once per character."""
    pieces: list[str] = []
    offsets: list[int] = []
    breaks: list[int] = []
    count = 0                       # characters kept so far (pieces may hold runs)
    wild = False                    # whether the last character kept is a placeholder
    i = start
    lead = False
    match_run = _CONTENT_RUN.match
    closers: dict[int, int] | None = None
    kept_of = _MARKS_KEPT
    while i < end:
        if at_clause_start:
            at_clause_start = False
            first = text[i]
            # no marker opens with a Han character other than these (``_MARKER_HAN``)
            if not ("\u4e00" <= first <= "\u9fff") or first in _MARKER_HAN:
                m = _MARKER.match(text, i, end)
                if m and m.end() < end:
                    lead = lead or i == start
                    i = m.end()
                if i >= end:
                    break
        run = match_run(text, i, end)
        if run:
            j = run.end()
            pieces.append(text[i:j])
            offsets.extend(range(i, j))
            count += j - i
            wild = False
            i = j
            if i >= end:
                break
            # text[i] is no content character: it is read below, without a match
        ch = text[i]
        if ch in _BRACKETS:
            if closers is None:
                closers = _closers(text, i, end)
            j = closers.get(i, -1)
            i = j + 1 if j >= 0 else i + 1
            continue
        if ch in _QUOTES:
            if closers is None:
                closers = _closers(text, i, end)
            j = closers.get(i, -1)
            # a content run inside holds a character NFKC leaves content: not anonymised
            if j >= 0 and (j == i + 1 or _CONTENT_RUN.search(text, i + 1, j) is None) and not any(
                    is_content(unicodedata.normalize("NFKC", c)[:1] or " ") for c in text[i + 1:j]):
                # 《*》, “××”: an anonymised or unfilled name stands for any name.
                if not wild:
                    pieces.append(PLACEHOLDER)
                    offsets.append(i)
                    count += 1
                    wild = True
                i = j + 1
                continue
            i += 1          # a quoted name is compared as written, without its marks
            continue
        if ch in _CLAUSE_BREAKS:
            if count and (not breaks or breaks[-1] != count):
                breaks.append(count)
            at_clause_start = True
            i += 1
            continue
        if ch == "\n":
            at_clause_start = True
        c = kept_of.get(ch)
        if c is None:
            c = _mark_kept(ch)
        if c:
            pieces.append(c)
            offsets.append(i)
            count += 1
            wild = False
        i += 1
    if breaks and breaks[-1] == count:
        breaks.pop()
    return "".join(pieces), offsets, breaks, lead


# The Han characters of the basic block a numbering marker may open with (``_MARKER``):
# a clause opening with another one has none.
_MARKER_HAN = frozenset("一二三四五六七八九十第首其再最")
# What a character outside content runs, brackets, quotes and clause breaks is kept as:
# its NFKC form when that is one content character (a full-width digit, ①), else "".
_MARKS_KEPT: dict[str, str] = {}


def _mark_kept(ch: str) -> str:
    c = unicodedata.normalize("NFKC", ch)
    kept = c if len(c) == 1 and is_content(c) else ""
    if len(_MARKS_KEPT) >= 4096:
        _MARKS_KEPT.clear()         # a text of many distinct rare characters: stay small
    _MARKS_KEPT[ch] = kept
    return kept


def _kept(piece: str, phrases: re.Pattern | None) -> list[tuple[int, int]]:
    """The stretches of ``piece`` outside the set phrases found in it, empty ones left out."""
    out = []
    at = 0
    if phrases is not None:
        for m in phrases.finditer(piece):
            if m.start() > at:
                out.append((at, m.start()))
            at = max(at, m.end())
    if at < len(piece):
        out.append((at, len(piece)))
    return out


def _unit(norm: str, offsets: list[int], a: int, b: int, clause: bool, phrases: re.Pattern | None,
          text: str, kept: list[tuple[int, int]] | None = None) -> Unit | None:
    """The unit of ``norm[a:b]`` (offsets: of each character of ``norm`` in ``text``), its
    set phrases taken out; its span runs from its first to its last character before that.
    ``kept``: ``_kept`` of the piece, when the caller has it already."""
    if a >= b:
        return None
    piece = norm[a:b] if b - a < len(norm) else norm
    tail = b - 1                # the last character kept
    if phrases is not None or kept is not None:
        if kept is None:
            kept = _kept(piece, phrases)
        if not kept:
            return None
        if len(kept) > 1 or kept[0] != (0, len(piece)):
            piece = "".join([piece[x:y] for x, y in kept])
        tail = a + kept[-1][1] - 1
    first, last = offsets[a], offsets[b - 1]
    end = last + 1
    if piece[-1] == PLACEHOLDER:
        end = placeholder_end(text, offsets[tail], end)
    # offsets are places in the text (>= 0), and the end is past the first
    return make_unit(first, max(end, first + 1), piece, clause)


def placeholder_end(text: str, at: int, end: int) -> int:
    """The end of a unit whose last kept character is a placeholder standing for the
    quoted stretch opened at ``text[at]``: just past its closing mark when the text has
    one, else ``end``.  A unit ending in a placeholder ends at the closing quote, not at
    its opener."""
    closer = _QUOTES.get(text[at])
    j = text.find(closer, at + 1) if closer else -1
    return j + 1 if j >= 0 else end


def units_of(text: str, span: Span, phrases: re.Pattern | None = None, *,
             clauses: bool = True, pairs: bool = False) -> list[Unit]:
    """The sentence at ``span`` and, when it has several, its clauses (and, with
    ``pairs``, each two neighbouring clauses, for short clauses repeated together)."""
    norm, offsets, breaks, _ = normalise_from(text, span.start, span.end)
    if phrases is not None and norm:
        # the clauses are parts of ``norm``: a sentence holding none of the texts a set
        # phrase needs has none in any clause either (one look instead of one per unit)
        lacks = getattr(phrases, "lacks_literals", None)
        if lacks is not None and lacks(norm):
            phrases = None
    return units_from(text, norm, offsets, breaks, phrases, clauses=clauses, pairs=pairs)


def units_from(text: str, norm: str, offsets: list[int], breaks: list[int], phrases: re.Pattern | None, *,
               clauses: bool = True, pairs: bool = False) -> list[Unit]:
    """``units_of`` of a text already normalised (``normalise_from``), with the set
    phrases to take out (None: it holds none)."""
    if phrases is None:
        return _plain_units(text, norm, offsets, breaks, clauses, pairs)
    out: list[Unit] = []
    whole = _unit(norm, offsets, 0, len(norm), False, phrases, text)
    if whole:
        out.append(whole)
    if clauses and breaks:
        bounds = [0, *breaks, len(norm)]
        for a, b in zip(bounds, bounds[1:]):
            piece = _unit(norm, offsets, a, b, True, phrases, text)
            if piece:
                out.append(piece)
        if pairs and len(bounds) > 3:
            for a, c in zip(bounds, bounds[2:]):
                piece = _unit(norm, offsets, a, c, True, phrases, text)
                if piece:
                    out.append(piece)
    return out


def _plain_units(text: str, norm: str, offsets: list[int], breaks: list[int], clauses: bool,
                 pairs: bool) -> list[Unit]:
    """``units_from`` without set phrases (most sentences): each unit is a slice of
    ``norm``, made in one loop, as ``_unit`` makes it with no phrases (no call per
    stretch; tests/test_make_unit.py compares the two).  ``make_unit``'s steps are
    written out in the loop (a call per unit saved), and a text without placeholders
    skips the look at each unit's last character; the breaks are increasing places
    inside ``norm`` (``normalise_from``), so no stretch is empty."""
    n = len(norm)
    if not n:
        return []
    stretches = [(0, n, False)]
    if clauses and breaks:
        bounds = [0, *breaks, n]
        stretches += [(a, b, True) for a, b in zip(bounds, bounds[1:])]
        if pairs and len(bounds) > 3:
            stretches += [(a, c, True) for a, c in zip(bounds, bounds[2:])]
    out = []
    append = out.append
    new, set_start, set_end, set_span, set_norm, set_clause = _new, _set_start, _set_end, _set_span, _set_norm, _set_clause
    wild = PLACEHOLDER in norm
    for a, b, clause in stretches:
        if a >= b:
            continue
        piece = norm[a:b] if b - a < n else norm
        first = offsets[a]
        end = offsets[b - 1] + 1
        if wild and piece[-1] == PLACEHOLDER:
            end = placeholder_end(text, end - 1, end)
        # make_unit(first, max(end, first + 1), piece, clause), written out
        span = new(Span)
        set_start(span, first)
        set_end(span, end if end > first else first + 1)
        unit = new(Unit)
        set_span(unit, span)
        set_norm(unit, piece)
        set_clause(unit, clause)
        append(unit)
    return out


# -- comparison -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Match:
    ratio: float
    changed: int        # characters inserted, deleted or replaced (the larger side of each change)


def _is_wildcard(piece: str) -> bool:
    return bool(piece) and all(c == PLACEHOLDER for c in piece)


def _opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes of two texts (``SequenceMatcher(None, a, b, autojunk=False)``),
    the same list found by substring searches: 5-6 times faster on the near copies the
    duplicate checks compare (checker/model/matching_blocks.py says why it is the same)."""
    return opcodes(a, b)


def _match(a: str, b: str, opcodes) -> Match:
    changed = 0
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        if tag == "replace" and (_is_wildcard(a[i1:i2]) or _is_wildcard(b[j1:j2])):
            continue
        changed += max(i2 - i1, j2 - j1)
    longest = max(len(a), len(b))
    return Match(1.0 - changed / longest if longest else 1.0, changed)


def compare(a: str, b: str) -> Match:
    """How alike two normalised texts are.  A placeholder (an anonymised name) on one side
    matches whatever stands in its place on the other.  ``ratio`` is the share of the
    longer text left unchanged."""
    if a == b:
        return Match(1.0, 0)
    return _match(a, b, _opcodes(a, b))


# Approximation words belong to the figure they qualify: 95%以上 updated to 96% is an
# update of the figure, not a different statement.
_APPROX = re.compile("以上|以下|以内|左右|不少于|不低于|超过|约|近|余|多|超")


def numerals_only_change(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ only in figures (numbers and the approximation
    words around them): figures updated, not a copy."""
    if a == b:
        return False
    return _only_figures(a, b, _opcodes(a, b))


def _only_figures(a: str, b: str, opcodes) -> bool:
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "equal" and not all(c in _NUMERALS for c in _APPROX.sub("", a[i1:i2] + b[j1:j2])):
            return False
    return True


def near_duplicate(a: str, b: str, *, min_ratio: float, max_changed: int,
                   ignore_numeral_changes: bool = True) -> Match | None:
    """A match when ``a`` and ``b`` are the same statement, exactly or nearly."""
    if a == b:
        return Match(1.0, 0)
    if abs(len(a) - len(b)) > max_changed and PLACEHOLDER not in a + b:
        return None
    if min(len(a), len(b)) >= _LONG and PLACEHOLDER not in a + b:
        return _near_long(a, b, min_ratio, max_changed, ignore_numeral_changes)
    # one matcher for both questions (how much changed, and whether only figures did):
    # difflib's opcodes of a pair are the same each time they are asked for
    opcodes = _opcodes(a, b)
    m = _match(a, b, opcodes)
    if m.ratio < min_ratio or m.changed > max_changed:
        return None
    if ignore_numeral_changes and _only_figures(a, b, opcodes):
        return None
    return m


def bigrams(norm: str) -> set[str]:
    if len(norm) < 2:
        return {norm} if norm else set()
    # each character joined to the next, at C speed (a slice per position cost 3x more)
    return set(map(operator.add, norm, norm[1:]))


# -- MinHash bands (stable across processes and runs: no Python hash()) ------------------
# numpy is imported inside these functions: only the cross-document phase needs it, and
# importing it costs a one-file run ~45 ms.


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int = 20261124):
    from checker.core.numeric import np

    rng = np.random.Generator(np.random.PCG64(seed))
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def _shingle_codes(norm: str):
    """Character bigrams as exact integers (two code points side by side)."""
    from checker.core.numeric import np

    codes = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < 2:
        return codes
    return np.unique(codes[:-1] * np.uint64(0x110000) + codes[1:])


def exact_key(norm: str) -> int:
    """A stable 32-bit key of a normalised text (FNV-1a of its UTF-8 bytes); ``band_keys``
    makes those of many texts at once (``fnv_lanes.fnv1a_many``)."""
    return fnv1a(norm.encode("utf-8"))


def band_keys(norms: Sequence[str], bands: int, rows: int):
    """For each text, ``bands`` 32-bit MinHash band keys plus its exact key (last column).

    All texts at once: the shingles of every text in one array (a text's minimum does not
    depend on a shingle occurring twice, so none are removed), hashed together and each
    text's minimum taken by segment (``minimum.reduceat``): the keys of ``_shingle_codes``
    text by text, without numpy calls per text."""
    from checker.core.numeric import np

    num_perm = bands * rows
    a, b = _permutations(num_perm)
    out = np.zeros((len(norms), bands + 1), dtype=np.uint32)
    if not len(norms):
        return out
    band_mix = (np.arange(1, rows + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))
    band_salt = np.arange(bands, dtype=np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)
    chars = np.frombuffer("".join(norms).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    pairs = chars[:-1] * np.uint64(0x110000) + chars[1:]
    pieces, filled, at = [], [], 0
    for n, norm in enumerate(norms):
        length = len(norm)
        if length >= 2:
            pieces.append(pairs[at:at + length - 1])        # its character bigrams
        elif length == 1:
            pieces.append(chars[at:at + 1])                  # a single character stands alone
        if length:
            filled.append(n)
        at += length
    if filled:
        sizes = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        codes = np.concatenate(pieces)
        with np.errstate(over="ignore"):
            # codes x a + b, wrapping mod 2**64, then its high half: in one array, in place
            # (each step making a new array of texts x permutations cost twice the time).
            # The high half of each text's minimum is the minimum of the high halves (a
            # shift is monotone): shifted after the minimum, on texts x permutations only.
            # Laid out a permutation to a row (permutations x shingles), so that each
            # text's minimum is taken along a contiguous run of a row: reduced across rows
            # (shingles x permutations, axis 0) numpy stepped a row of 64 at a time, some
            # three times the work; the minima and so the keys are the same numbers.
            hashed = np.multiply.outer(a, codes)
            hashed += b[:, None]
            sig = np.minimum.reduceat(hashed, starts, axis=1).T            # (texts, num_perm)
            sig >>= np.uint64(32)
            keys = (sig.reshape(len(filled), bands, rows) * band_mix).sum(axis=2) + band_salt
        out[filled, :bands] = (keys >> np.uint64(32)).astype(np.uint32)
    out[:, bands] = fnv1a_many(norms)        # exact_key of each, side by side
    return out


def iter_candidates(buckets: dict, keys: Iterable[int]) -> Iterable:
    for band, key in enumerate(keys):
        yield from buckets.get((band, int(key)), ())


_NOT_WORDING = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbfA-WYZa-wyz]+")


def wording_length(norm: str) -> int:
    """Characters of a normalised text that are words, not figures or blanks: Han
    characters and Latin letters other than the x/X of an unfilled figure (xx.xx)."""
    return len(_NOT_WORDING.sub("", norm))


def figures_differ(a: str, b: str) -> bool:
    """True when a change between ``a`` and ``b`` touches an Arabic figure: with other
    words changed too, two items that differ in their subject and their figure."""
    return any(tag != "equal" and any(c.isdigit() for c in a[i1:i2] + b[j1:j2])
               for tag, i1, i2, j1, j2 in _opcodes(a, b))


# -- long texts ----------------------------------------------------------------------------
# difflib's matcher costs about (length x how often each character recurs) on two long,
# nearly equal texts: seconds for a 100,000-character sentence.  Texts this long are
# compared by their few edits instead: common prefix and suffix are skipped at C speed
# and at most max_changed edits are tried in between.  The count is the edit distance,
# which never exceeds difflib's count of changed characters (so nothing within the
# limit by difflib's count is missed) and equals it for scattered edits.
_LONG = 1000


def _common_suffix(a: str, b: str) -> int:
    ra, rb = a[::-1], b[::-1]
    return common_prefix(ra, 0, rb, 0, min(len(a), len(b)))


def edit_script(a: str, b: str, limit: int) -> list[tuple[str, str]] | None:
    """The changed pieces ``(from a, from b)`` of a cheapest way to turn ``a`` into ``b``
    when it takes at most ``limit`` character edits; None when it takes more.  Costs
    about the length of the texts plus 3**limit short comparisons."""
    s = _common_suffix(a, b)
    end_a, end_b = len(a) - s, len(b) - s

    def search(i: int, j: int, budget: int) -> tuple[int, list[tuple[str, str]]] | None:
        k = common_prefix(a, i, b, j, min(end_a - i, end_b - j))
        i, j = i + k, j + k
        if i == end_a or j == end_b:
            cost = max(end_a - i, end_b - j)
            return (cost, [(a[i:end_a], b[j:end_b])] if cost else []) if cost <= budget else None
        if budget <= 0:
            return None
        best = None
        for da, db in ((1, 1), (1, 0), (0, 1)):   # replace, delete or insert a character
            found = search(i + da, j + db, (best[0] if best else budget + 1) - 2)
            if found is not None and (best is None or found[0] + 1 < best[0]):
                best = (found[0] + 1, [(a[i:i + da], b[j:j + db]), *found[1]])
        return best

    found = search(0, 0, limit)
    return None if found is None else found[1]


def _near_long(a: str, b: str, min_ratio: float, max_changed: int,
               ignore_numeral_changes: bool) -> Match | None:
    script = edit_script(a, b, max_changed)
    if script is None:
        return None
    changed = sum(max(len(x), len(y)) for x, y in script)
    m = Match(1.0 - changed / max(len(a), len(b)), changed)
    if m.ratio < min_ratio:
        return None
    if ignore_numeral_changes and script and all(
            all(c in _NUMERALS for c in _APPROX.sub("", x + y)) for x, y in script):
        return None
    return m
