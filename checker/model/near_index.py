"""Finding the near-duplicates of a statement among the earlier ones of a document,
without comparing it with all of them.

The duplicate kinds call a unit a repeat of an earlier one when their normalised texts
differ by at most ``max_changed`` characters (``similarity.near_duplicate``).  Compared
pairwise, a document of n units costs n²/2 comparisons: a paragraph of 1,000 template
clauses took 45 s, a 1 MB line 44 s.  ``NearIndex`` proposes, for a new unit, only the
earlier ones that can pass:

* two texts within k edits of each other (no placeholder in either) differ in length by
  k at most, and cutting the earlier one into k + 1 segments, one segment stands
  unedited in the new one, near its own place (``_near_plain``; the filter of Pass-Join,
  Li et al., VLDB 2011): a unit is filed under its k + 1 segments, and a new one looks up
  a few slices of itself per length.  Most units repeat nothing, and one set lookup of
  all those slices says so;
* a unit with a placeholder (an anonymised name, ``§``) matches whatever stands in its
  place.  Those are rare: an earlier one is proposed to every later text (the necessary
  conditions below sort them out), and a later one is compared with every earlier unit
  by bigram sets (an earlier unit lacks at most 2k of its bigrams plus two per
  placeholder: an edit touches at most two), the first few times; after that every unit
  is filed by its bigrams and such an earlier unit, holding one of any that many + 1 of
  the new one's bigrams, is found in the posting lists of the rarest (prefix
  filtering); placeholders on both sides leave the caller's weaker condition (a share of
  bigrams in common), read from a separate, small index;
* with ``figures_only_skeletons``, earlier units equal to the new one once figures and
  approximation words are taken out, but not equal to it, are dropped at once: a change
  in figures only is not a repeat (``similarity.numerals_only_change``).

Candidates pass cheap necessary conditions first (length, bigrams each side lacks, the
share the caller asks for, bigrams found near the same place: ``_aligned``), so the
costly alignment runs only for likely repeats.

Bounds, so that a hostile document stays linear: a segment or posting list keeps its
first ``postings_cap`` units (a segment or bigram found in more is too common to select
by), and ``candidates`` looks at most at ``examine_cap`` units and returns at most
``candidates_cap``, earliest first.  Normal documents never reach either bound; memory
is k + 1 segments per unit (and, once a placeholder is met, one entry per distinct
bigram of a unit, at most ``postings_cap`` per bigram).
"""

from __future__ import annotations

import marshal
import math
import operator
import re
from collections import Counter, _count_elements
from functools import lru_cache
from itertools import accumulate, chain, compress, count, repeat
from operator import itemgetter

from checker.core import pattern_facts
from checker.model.similarity import PLACEHOLDER

_setdefault = dict.setdefault

_FIGURE_CHARS = frozenset("0123456789一二三四五六七八九十百千万亿两零〇.．%％年月日")
_APPROX = re.compile("以上|以下|以内|左右|不少于|不低于|超过|约|近|余|多|超")


# Units with placeholders are compared with each other by a share of bigrams only; their
# secondary lists are kept shorter.
_WILD_CAP = 32
# Texts with placeholders compared with every earlier unit before the bigram lists are
# built: a document has a few (an anonymised name or two); a hostile one stays linear.
_WILD_ASKS = 16
# From this length on (paragraphs), a text's segment look-up starts from the units filed
# within k in length, not from its slices (``NearIndex._near_long``).
_LONG_TEXT = 64
# Lists read beyond the prefix to count hits (sharper, not needed for correctness).
_EXTRA_LISTS = 3
# The approximation words, then runs of figure characters, taken out in one pass: no
# approximation word starts with a figure character, so this removes what taking out the
# words first and the characters after does.
_FIGURES_AND_APPROX = re.compile(
    _APPROX.pattern + "|[" + re.escape("".join(sorted(_FIGURE_CHARS))) + "]+")


def frozen_bigrams(norm: str) -> frozenset[str]:
    """``frozenset(bigrams(norm))`` made at once: the bigrams go straight into the frozen
    set (``bigrams`` makes a set, which ``frozenset`` then copies)."""
    if len(norm) < 2:
        return frozenset((norm,)) if norm else frozenset()
    return frozenset(map(operator.add, norm, norm[1:]))


def figures_skeleton(norm: str) -> str:
    """``norm`` without its figures and approximation words (the part a figure update
    leaves unchanged)."""
    return _FIGURES_AND_APPROX.sub("", norm)


def _anchors(a: str, k: int) -> list[tuple[int, int, str]]:
    """2k + 1 characters spread over ``a``, each with the stretch of a text within k edits
    where it must be found unless edited: (from, to, character)."""
    n = len(a)
    if n <= 2 * k + 1:
        return []
    if k == 0:
        # max_changed: 0 asks for equal texts; one anchor (the middle character, where
        # it must be in the other text too) is the whole spread, and k would divide by 0
        i = (n - 1) // 2
        return [(i, i + 1, a[i])]
    out = []
    for t in range(2 * k + 1):
        i = t * (n - 1) // (2 * k)
        out.append((max(0, i - k), i + k + 1, a[i]))
    return out


def _anchored(anchors: list[tuple[int, int, str]], b: str, k: int) -> bool:
    """A quick necessary condition for a text and ``b`` to be within ``k`` edits: of its
    anchors (``_anchors``) at most k are edited, each other one is found in ``b`` at
    most ``k`` places away."""
    misses = 0
    for lo, hi, ch in anchors:
        if b.find(ch, lo, hi) < 0:
            misses += 1
            if misses > k:
                return False
    return True


def _aligned(a: str, b: str, k: int) -> bool:
    """A necessary condition for ``a`` and ``b`` to be within ``k`` edits: a bigram of ``a``
    that no edit touched is found in ``b`` at most ``k`` places away, and edits touch at
    most 2k bigrams.  Cheap, and it rejects what bigram sets cannot: the same clauses in
    another order (common in template text), before any alignment is computed.

    A bigram of ``a`` at i is found at most k places away when it starts in ``b`` between
    i - k and i + k: a ``find`` bounded to ``b[i - k:i + k + 2]``, in C (a table of every
    place of every bigram of ``b`` cost a dictionary entry per character of ``b``)."""
    if len(a) < 2:
        return True
    find = b.find
    allowed = 2 * k
    for i in range(len(a) - 1):
        if find(a[i:i + 2], i - k if i > k else 0, i + k + 2) < 0:
            allowed -= 1
            if allowed < 0:
                return False
    return True


@lru_cache(maxsize=4096)
def _parts(k: int, length: int) -> tuple[tuple[int, int], ...] | None:
    """(start, size) of the k + 1 segments a text of this length is cut into, the longer
    ones last; None when it is shorter than k + 1 characters."""
    size, longer = divmod(length, k + 1)
    if size == 0:
        return None
    sizes = [size] * (k + 1 - longer) + [size + 1] * longer
    return tuple(zip([0, *accumulate(sizes)], sizes))


@lru_cache(maxsize=4096)
def _plan(k: int, n: int) -> tuple[tuple[int, tuple[tuple[int, int, int], ...]], ...]:
    """For a text of length n, per length of an earlier text within k (``length``) and per
    segment of that length: the first and last place in the text where the segment may
    stand unedited, and its size (``NearIndex._near_plain``)."""
    plan = []
    for length in range(max(1, n - k), n + k + 1):
        windows = _length_windows(k, n, length)
        if windows is not None:
            plan.append((length, windows))
    return tuple(plan)


@lru_cache(maxsize=4096)
def _length_windows(k: int, n: int, length: int) -> tuple[tuple[int, int, int], ...] | None:
    """``_plan``'s windows for one length of an earlier text (None: too short to cut).  A
    long text (``NearIndex._near_long``) asks only for the lengths the index holds, which
    for a paragraph are rarely any: its plan of 2k + 1 lengths is then never made."""
    parts = _parts(k, length)
    if parts is None:
        return None
    delta = n - length
    windows = []
    for i, (start, size) in enumerate(parts):
        first = start + (-i if -i > delta - k + i else delta - k + i)
        last = start + (i if i < delta + k - i else delta + k - i)
        windows.append((first if first > 0 else 0, last if last < n - size else n - size, size))
    return tuple(windows)


@lru_cache(maxsize=4096)
def _windows_by_size(k: int, n: int) -> dict[int, tuple[tuple[int, int, int, int], ...]]:
    """``_plan`` by segment size: size -> (length, segment, first place, last place + size)
    of each window of that size (a slice of another size never equals the segment)."""
    out: dict[int, list[tuple[int, int, int, int]]] = {}
    for length, windows in _plan(k, n):
        for i, (first, last, size) in enumerate(windows):
            out.setdefault(size, []).append((length, i, first, last + size))
    return {size: tuple(entries) for size, entries in out.items()}


# The kind under which a short length's plan is kept with the facts about expressions
# (``_probe_plan``)
_PLAN_FACT = "near-index probe plan"


@lru_cache(maxsize=4096)
def _probe_plan(k: int, n: int) -> tuple:
    """What a look-up of a text of length n needs, made in one walk of ``_plan``'s windows
    (a fresh process makes it for some fifty lengths at its first document: one function
    and one dict, not five tables each an lru entry built from the others):

    * the prober: every slice a window holds, each once, in one call (``itemgetter`` of
      slices; None when there is none): for one quick look at all of them (a slice of
      another size never equals a segment);
    * the picker: the k + 1 segments of a text of length n (what ``_cutter`` cuts) taken
      out of the prober's pieces: every segment is one of them (with no edit before or
      after it, a segment stands in its own place, in the window of its own length), so
      ``add`` files the unit ``candidates`` just looked up without slicing it again, and
      with the pieces' hashes made.  The same shape as ``_cutter``'s answer (one piece
      twice when k is 0); None when the text is too short to cut;
    * the slots: for each piece, in the prober's order, the (length, segment) of every
      window it stands in (a window of its size whose places include its start).  A
      piece that is a segment filed under one of those is found there, with no search of
      the windows (``NearIndex._found_at``); every place of every window is one of the
      pieces, so no unit is missed.  As long as the prober's answer (one slice: the piece
      twice, the second standing nowhere);
    * the cutter: ``_cutter``'s answer for the length, made of the picked slices (None
      when the text is too short to cut), for ``_filing_plan``.

    The pieces' order is the order their slices are first met in the walk (lengths, then
    segments, then places, as ``_plan`` lists them): the three parts agree because they
    are made together, and no answer depends on the order.  The windows are those of
    ``_length_windows``, computed here inline.

    A short length's plan (the texts ``candidates`` probes) is the same in every process
    of the same code, and walking the windows is ~230 k instructions a length (a seed's
    first document meets ~50): its plain data (the slices' bounds, the slots, the picks)
    is kept in the store of facts (``pattern_facts``: a file named by the code stamp,
    read once per process anyway) and only the two ``itemgetter``s are made here (~10 k).  A
    long text's lengths are many and rarely met again: walked each time."""
    if n < _LONG_TEXT:
        # kept as the marshal bytes of the plan, read here only for the lengths a run
        # meets: the file of facts is read whole by every run, an empty file's too
        kept = pattern_facts.answer(_PLAN_FACT, str(k), n, lambda: marshal.dumps(_probe_walk(k, n)))
        try:
            plan = marshal.loads(kept)
        except (TypeError, ValueError, EOFError):
            plan = None
        if not _sound(plan, k, n):
            plan = _probe_walk(k, n)        # a kept answer of another shape: not used
    else:
        plan = _probe_walk(k, n)
    starts, stops, slots, picks = plan
    if not starts:
        return None, None, slots, None
    slices = list(map(slice, starts, stops))
    prober = itemgetter(*slices) if len(slices) > 1 else itemgetter(slices[0], slices[0])
    if picks is None:
        return prober, None, slots, None
    picker = itemgetter(*picks) if len(picks) > 1 else itemgetter(picks[0], picks[0])
    # the cutter of the length (``_cutter``'s: the picked slices are the segments), for
    # ``_filing_plan``, from slices made here anyway
    cut = [slices[p] for p in picks]
    return prober, picker, slots, itemgetter(*cut) if len(cut) > 1 else itemgetter(cut[0], cut[0])


def _sound(plan, k: int, n: int) -> bool:
    """Whether a kept plan has the shape ``_probe_walk`` gives for (k, n): bounds and slots
    alike long, the bounds inside the text, k + 1 picks (two when k is 0) among the pieces
    exactly when the text can be cut."""
    try:
        starts, stops, slots, picks = plan
        pieces = len(starts)
        if len(stops) != pieces or len(slots) != (pieces if pieces > 1 else pieces + 1):
            return False
        if pieces and (min(starts) < 0 or max(stops) > n):
            return False
        # (a text can be cut, ``_parts`` not None, when it has k + 1 characters or more:
        # tested so, and the picks' range by their least and greatest, at the ~50 lengths
        # a fresh process reads)
        if picks is None:
            return n < k + 1
        return (n >= k + 1 and len(picks) == (k + 1 if k else 2)
                and min(picks) >= 0 and max(picks) < pieces)
    except (TypeError, ValueError):
        return False


def _probe_walk(k: int, n: int) -> tuple:
    """``_probe_plan``'s parts as plain data: the starts and stops of the pieces, the slots
    and the picks (None when the text is too short to cut), from one walk of the windows."""
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = {}
    get = by_pair.get
    parts = k + 1
    for length in range(n - k if n - k > 1 else 1, n + k + 1):
        size, longer = divmod(length, parts)
        if not size:
            continue            # too short to cut (``_parts``: None)
        delta = n - length
        short = parts - longer  # the first ``short`` segments are ``size`` long, the others one more
        start = 0
        for i in range(parts):
            piece = size if i < short else size + 1
            first = start + (-i if -i > delta - k + i else delta - k + i)
            last = start + (i if i < delta + k - i else delta + k - i)
            if first < 0:
                first = 0
            if last > n - piece:
                last = n - piece
            slot = (length, i)
            for p in range(first, last + 1):
                pair = (p, p + piece)
                held = get(pair)
                if held is None:
                    by_pair[pair] = [slot]
                else:
                    held.append(slot)
            start += piece
    if not by_pair:
        return (), (), ((),), None
    pairs = list(by_pair)
    starts, stops = zip(*pairs)
    slots = tuple(map(tuple, by_pair.values()))
    if len(slots) == 1:
        slots = (*slots, ())
    own = _parts(k, n)
    if own is None:
        return starts, stops, slots, None
    place = dict(zip(pairs, count()))
    return starts, stops, slots, tuple([place[(start, start + size)] for start, size in own])


def _getter(bounds) -> "itemgetter | None":
    """One call that cuts a text at all these (start, stop) bounds, in C: ``itemgetter`` of
    slices gives the tuple of pieces (of one slice it gives the piece alone, so one slice
    is asked twice: the tuple then holds it twice, which a set or a zip of the pieces'
    first k + 1 does not mind)."""
    slices = [slice(a, b) for a, b in bounds]
    if not slices:
        return None
    return itemgetter(*slices) if len(slices) > 1 else itemgetter(slices[0], slices[0])


@lru_cache(maxsize=4096)
def _cutter(k: int, length: int):
    """The k + 1 segments of a text of this length (``_parts``) in one call; None when it
    is too short to cut."""
    parts = _parts(k, length)
    return None if parts is None else _getter([(start, start + size) for start, size in parts])


def _prober(k: int, n: int):
    """Every slice ``_plan`` looks up in a text of length n, in one call (``_probe_plan``)."""
    return _probe_plan(k, n)[0]


def _picker(k: int, n: int):
    """The k + 1 segments of a text of length n out of the prober's pieces (``_probe_plan``)."""
    return _probe_plan(k, n)[1]


def _slots(k: int, n: int) -> tuple[tuple[tuple[int, int], ...], ...]:
    """The windows each of the prober's pieces stands in (``_probe_plan``)."""
    return _probe_plan(k, n)[2]


@lru_cache(maxsize=4096)
def _filing_plan(k: int, length: int):
    """What ``NearIndex._filing_of`` needs of a length, in one cache look-up: its cutter
    (``_cutter``), how many segments and their sizes (the first's and the last's: the
    sizes depend on the length only); (None, 0, ()) when too short to cut.  A length a
    text was looked up at (``_PROBES``: most of those a document files) has its cutter in
    its probe plan already, and its sizes are the arithmetic of ``_parts``: neither
    ``_parts`` nor ``_cutter`` is made for it (~20 k instructions a length, some fifty at
    a fresh process's first document)."""
    if (k, length) in _PROBES:
        size, longer = divmod(length, k + 1)
        cut = _probe_plan(k, length)[3]
        if size and cut is not None:
            return cut, k + 1, (size, size + 1 if longer else size)
    parts = _parts(k, length)
    if parts is None:
        return None, 0, ()
    return _cutter(k, length), len(parts), (parts[0][1], parts[-1][1])


def _wild_probe(grams: frozenset[str], lacking: int) -> tuple[str, ...] | None:
    """Of ``grams``, the bigrams of a text with placeholders, some that a text without
    placeholders lacking at most ``lacking`` of ``grams`` holds one of at least (None:
    too few to tell; empty: no such text).  The bigrams holding a placeholder are lacked
    by every such text, so of the others it may lack ``lacking`` less their count; of
    that many plus one, it holds one.  A two-character text is a bigram of a text
    exactly when it is in it (``in``: no bigrams made); these hold no placeholder, so
    every one is two characters once the text is (one of one character is its own
    bigram: None).  Which ones does not matter for the answer (sorted: the same in
    every process).  Asked both ways: a later text against the units with placeholders
    (``candidates``) and a text with placeholders against the units (``_lacking_at_most``)."""
    if any(len(g) != 2 for g in grams):
        return None
    wild = [g for g in grams if PLACEHOLDER in g]
    left = lacking - len(wild) + 1          # bigrams without placeholders it must hold one of
    plain = sorted(g for g in grams if PLACEHOLDER not in g)
    if left > len(plain):
        return None
    return tuple(plain[:left]) if left > 0 else ()


# (k, length) of the long texts looked up so far in this process (``_held_segments``)
_SEEN: set[tuple[int, int]] = set()
# the slices looked up per (k, length) (``_prober``): a short text's from its length's first
# look-up (``candidates``), a long text's from its second
_PROBES: dict[tuple[int, int], "itemgetter | None"] = {}


class NearIndex:
    def __init__(self, max_changed: int, *, figures_only_skeletons: bool = False,
                 postings_cap: int = 128, candidates_cap: int = 32, examine_cap: int = 256) -> None:
        self.max_changed = max_changed
        self.postings_cap = postings_cap
        self.candidates_cap = candidates_cap
        self.examine_cap = examine_cap
        self.norms: list[str] = []
        self._grams: list[frozenset[str] | None] = []     # bigram sets, made when first needed
        self._lengths: list[int] = []
        # units without placeholders by length, then one dict per segment (``_parts``): from
        # the segment's text to the unit holding it there, or the units (a list)
        self._segments: dict[int, list[dict[str, int | list[int]]]] = {}
        self._segment_texts: set[str] = set()            # every segment filed, any length or place
        self._filing: dict[int, tuple] = {}              # length -> (cutter, its segment dicts, picker)
        self._sizes: set[int] = set()                    # ... and their sizes
        self._short: dict[int, list[int]] = {}           # ... too short to cut into k + 1 segments
        self._wild_units: list[int] = []                 # units holding a placeholder
        self._wild_lacking: list[int] = []               # ... the bigrams each may lack of a text (2(k + its placeholders))
        self._wild_probes: list[tuple[str, ...] | None] = []    # ... and a few of its bigrams (``_wild_probe``)
        self._wild_sizes: list[int] = []                 # ... and how many bigrams it has
        self._wild: dict[str, list[int]] = {}            # the same, by all their bigrams
        # Every unit by its bigrams, for a text with placeholders to look up: filed up to
        # ``_filed`` when such a text first asks (most documents have none).
        self._postings: dict[str, list[int]] = {}
        self._frequency: Counter[str] = Counter()        # true counts (postings are capped)
        self._canonical: dict[str, str] = {}
        self._filed = 0
        self._wild_asked = 0                             # texts with placeholders looked up
        # With figures_only_skeletons, earlier units equal to a new one but for their figures
        # are dropped from its candidates: their skeletons (``figures_skeleton``) are made
        # when they are first among a text's candidates (most units never are).
        self._figures_only = figures_only_skeletons
        self._skeleton_of: dict[int, str] = {}
        # the text ``candidates`` last cut into the slices of its probe, and those slices
        self._probed: str | None = None
        self._probed_pieces: tuple = ()

    def __len__(self) -> int:
        return len(self.norms)

    def add(self, norm: str, grams: frozenset[str] | set[str] | None = None) -> int:
        """File a unit (its bigrams, when the caller has them, save making them again)."""
        position = len(self.norms)
        self.norms.append(norm)
        self._grams.append(frozenset(grams) if grams is not None else None)
        if PLACEHOLDER in norm:
            # a unit with placeholders may match a text of any length: -1 keeps it out of reach
            self._lengths.append(-1 - 10 * self.max_changed)
            self._wild_units.append(position)
            lacking = 2 * (self.max_changed + norm.count(PLACEHOLDER))
            self._wild_lacking.append(lacking)
            self._wild_probes.append(_wild_probe(self.grams_of(position), lacking))
            self._wild_sizes.append(len(self.grams_of(position)))
            for gram in self.grams_of(position):
                posting = self._wild.setdefault(gram, [])
                if len(posting) < _WILD_CAP:
                    posting.append(position)
            return position
        # -- texts without placeholders: filed by their segments (written out here: a call
        # per unit saved, on the path every unit without placeholders takes)
        length = len(norm)
        self._lengths.append(length)
        filing = self._filing.get(length)
        if filing is None:
            filing = self._filing[length] = self._filing_of(length)
        cut, lists, pick = filing
        if cut is None:
            self._short.setdefault(length, []).append(position)
            return position
        # k + 1 pieces (one piece twice when k is 0: map stops at the lists); the same text
        # object ``candidates`` just probed has them among its probe's slices (``_picker``,
        # kept with the length's filing once asked: no cache look-up per unit)
        if norm is self._probed:
            if pick is None:
                pick = _picker(self.max_changed, length)
                self._filing[length] = (cut, lists, pick)
            pieces = pick(self._probed_pieces)
        else:
            pieces = cut(norm)
        self._segment_texts.update(pieces)
        # A segment's first unit is filed as its position alone, not a list of one, all
        # k + 1 in one C call (each dict's setdefault); what a dict already held under a
        # segment (another unit's position or a list) comes back instead of this position,
        # and only then is a list made or grown, to ``postings_cap`` as before.
        held = list(map(_setdefault, lists, pieces, repeat(position)))
        if held.count(position) < len(held):
            cap = self.postings_cap
            for posting, piece, by_text in zip(held, pieces, lists):
                if posting.__class__ is int:
                    if posting != position and cap > 1:
                        by_text[piece] = [posting, position]
                elif len(posting) < cap:
                    posting.append(position)
        return position

    def grams_of(self, position: int) -> frozenset[str]:
        """The distinct character bigrams of a unit."""
        grams = self._grams[position]
        if grams is None:
            grams = self._grams[position] = frozen_bigrams(self.norms[position])
        return grams

    def _skeleton(self, position: int) -> str:
        skeleton = self._skeleton_of.get(position)
        if skeleton is None:
            skeleton = self._skeleton_of[position] = figures_skeleton(self.norms[position])
        return skeleton

    def _filing_of(self, length: int):
        """(cutter, the segment dicts, None: the picker is made when first needed) of a
        length (``_cutter``: None when too short)."""
        cut, count, sizes = _filing_plan(self.max_changed, length)
        if cut is None:
            return None, None, None
        lists = self._segments[length] = [{} for _ in range(count)]
        self._sizes.update(sizes)
        return cut, lists, None

    def _near_plain(self, norm: str) -> set[int]:
        """Earlier units without placeholders that may be within k edits of ``norm`` (which
        has none).  Such a unit r is cut into k + 1 segments (``_parts``); of k edits or
        fewer turning r into ``norm``, counted per segment (an insertion with the character
        before it), some segment i is untouched and has exactly i edits before it (the last
        i where the edits before reach i), so k - i at most after it.  It stands in
        ``norm`` shifted by d, with |d| <= i and |len(norm) - len(r) - d| <= k - i: a few
        slices of ``norm`` to look up per length and segment (``_plan``).  Texts with the
        same words in another order share bigrams, not segments at their places."""
        k = self.max_changed
        n = len(norm)
        if n >= _LONG_TEXT:
            found = self._near_long(norm, k, n)
            if self._short:
                found.update(self._near_short(n))
            return found
        found = set()
        hits = self._held_segments(norm, k, n)
        if hits:
            self._found_in_windows(norm, k, n, hits, found)
        if self._short:
            found.update(self._near_short(n))
        return found

    def _found_in_windows(self, norm: str, k: int, n: int, hits: set[str], found: set[int]) -> None:
        """Add to ``found`` the units whose segment filed stands in its window of ``norm``,
        among the segments ``hits`` (``_held_segments``).  Each slice of a window that is a
        segment filed is one of ``hits``: instead of a look-up per place of each window,
        each hit is searched for in the windows of its size (a find bounded to the window:
        its places, in C)."""
        segments = self._segments
        find = norm.find
        windows = _windows_by_size(k, n)
        for text in hits:
            for length, i, first, stop in windows.get(len(text), ()):
                lists = segments.get(length)
                # filed there (a look-up) before found in the window (a search): most
                # windows of the size are of another length or segment than the hit's
                if lists is not None:
                    hit = lists[i].get(text)
                    if hit is not None and find(text, first, stop) >= 0:
                        if hit.__class__ is int:        # one unit (filed alone by ``add``)
                            found.add(hit)
                        else:
                            found.update(hit)

    def _found_at(self, pieces: tuple, k: int, n: int, at: list[int]) -> set[int]:
        """``_found_in_windows`` from the probe's pieces (``_prober``) that are segments
        filed, by their number ``at``: each stands in the windows ``_slots`` names, so a
        unit is found when it is filed there under the piece's text (a look-up per
        window, no search; most pieces stand in one or two)."""
        segments = self._segments
        slots = _slots(k, n)
        found: set[int] = set()
        for j in at:
            piece = pieces[j]
            for length, i in slots[j]:
                lists = segments.get(length)
                if lists is not None:
                    hit = lists[i].get(piece)
                    if hit is not None:
                        if hit.__class__ is int:        # one unit (filed alone by ``add``)
                            found.add(hit)
                        else:
                            found.update(hit)
        return found

    def _near_short(self, n: int) -> set[int]:
        """The units too short to cut into segments within k of length n (all may match)."""
        k = self.max_changed
        found: set[int] = set()
        if self._short:
            for length in range(max(1, n - k), n + k + 1):
                found.update(self._short.get(length, ()))
        return found

    def _near_long(self, norm: str, k: int, n: int) -> set[int]:
        """``_near_plain``'s segment look-up for a long text (a paragraph), which few earlier
        units are near in length: each segment filed under a length within k is searched
        for in its window (``_plan``), a ``find`` per segment text, when there are fewer of
        them than the text's length; with more, the slices of the text are looked up as for
        a short text (``_held_segments``).  The same units either way: a unit is found when
        its segment i stands in window i of its length, however that is found out; the
        probe's slices of a long text cost a string each of the segment's size (a thousand
        of 70 characters for a 500-character paragraph), the filed segments a ``find``."""
        segments = self._segments
        # the lengths within k the index holds (``_plan``'s, in its order), their windows
        # made only for those: a paragraph rarely has an earlier one so near in length
        lengths = range(n - k if n - k > 1 else 1, n + k + 1)
        reach = [(_length_windows(k, n, length), lists)
                 for length, lists in zip(lengths, map(segments.get, lengths)) if lists is not None]
        found: set[int] = set()
        if not reach:
            return found        # no earlier unit without placeholders within k in length
        filed = sum([len(lists[0]) for _, lists in reach])
        if filed > n:
            hits = self._held_segments(norm, k, n)
            if hits:
                self._found_in_windows(norm, k, n, hits, found)
            return found
        find = norm.find
        for windows, lists in reach:
            for (first, last, size), by_text in zip(windows, lists):
                stop = last + size
                for text, hit in by_text.items():
                    if find(text, first, stop) >= 0:
                        if hit.__class__ is int:        # one unit (filed alone by ``add``)
                            found.add(hit)
                        else:
                            found.update(hit)
        return found

    def _held_segments(self, norm: str, k: int, n: int) -> set[str]:
        """The segments filed that some slice of ``norm`` is, among them every one that a
        slice ``_plan`` looks up is (most texts repeat nothing: one look at all the slices,
        in C, and usually no set made).  Asked for long texts (paragraphs) and the empty
        one: a long text's length met for the first time in the process is looked at in every
        slice of a segment's size instead (a document meets most paragraph lengths once, and
        the probe of a length is kept); the windows are then applied by the caller."""
        texts = self._segment_texts
        key = (k, n)
        if key in _SEEN:
            probe = _PROBES.get(key)
            if probe is None:
                probe = _PROBES[key] = _prober(k, n)
            if probe is None:
                return set()
            pieces = probe(norm)
            return set() if texts.isdisjoint(pieces) else texts.intersection(pieces)
        _SEEN.add(key)
        if len(_SEEN) > 8192:
            _SEEN.clear()
            _PROBES.clear()
        get = norm.__getitem__
        low, high = max(1, n - k) // (k + 1), (n + k) // (k + 1) + 1
        out: set[str] = set()
        for size in range(max(1, low), high + 1):
            if size in self._sizes:
                out.update(texts.intersection(map(get, map(slice, range(n - size + 1), range(size, n + 1)))))
        return out

    # -- texts with placeholders: bigram lists ------------------------------------------
    def _catch_up(self) -> None:
        """File the units not yet filed by their bigrams."""
        canonical, frequency, postings, cap = self._canonical, self._frequency, self._postings, self.postings_cap
        for position in range(self._filed, len(self.norms)):
            # one object per distinct bigram: the sets of a long document then hold
            # references, not a two-character string per occurrence
            grams = self.grams_of(position)
            grams = self._grams[position] = frozenset(map(canonical.setdefault, grams, grams))
            _count_elements(frequency, grams)     # Counter.update's own loop, without its checks
            for gram in grams:
                posting = postings.get(gram)
                if posting is None:
                    postings[gram] = [position]
                elif len(posting) < cap:
                    posting.append(position)
        self._filed = len(self.norms)

    def candidates(self, norm: str, share: float, scale: float = 1.0) -> list[int]:
        """Earlier units (positions, earliest first) sharing at least ``need`` of the
        bigrams of ``norm`` (need: their count x ``share`` x ``scale``) that may be within
        ``max_changed`` characters of ``norm``: every such unit within the bounds described
        above, and perhaps a few that are not."""
        k = self.max_changed
        held = True         # whether a slice of it may be a segment filed (``_near_plain``)
        hits = None         # ... and when the slices were looked at, which of them are segments
        if PLACEHOLDER not in norm and len(norm) < _LONG_TEXT:
            # The common case, in as few calls as may be: no slice of it is a segment filed.
            # A length met for the first time in the process has its probe made here
            # (``_probe_plan``, one walk of its windows): a one-file run meets some fifty
            # lengths, most of them again, and looking at every slice of a segment's size
            # instead (``_held_segments``' way for a long text met once) then the windows
            # of each hit (``_windows_by_size``) cost as much as the probe the second
            # meeting made anyway.  At most ``_LONG_TEXT`` lengths a k: no bound needed.
            key = (k, len(norm))
            probe = _PROBES.get(key)
            if probe is None:
                probe = _prober(k, key[1])      # None only for the empty text
                if probe is not None:
                    _PROBES[key] = probe
            if probe is not None:
                pieces = probe(norm)
                self._probed, self._probed_pieces = norm, pieces
                texts = self._segment_texts
                if texts.isdisjoint(pieces):
                    if not self._short:
                        wild = self._wild_units
                        if not wild:
                            return []
                        if len(wild) <= self.examine_cap:
                            # only the units with placeholders are left, each examined
                            # below: those near none (a document with an anonymised name
                            # early offers it to each later text) answer here, as the
                            # path below would (``_wild_near`` into an empty set); a text
                            # near one goes on and is asked again there
                            found = set()
                            self._wild_near(norm, found)
                            if not found:
                                return []
                    held = False    # only the short units and those with placeholders are left
                else:
                    # which of the slices are segments filed: ``_found_at`` reads their
                    # windows from their places
                    hits = list(compress(count(), map(texts.__contains__, pieces)))
        mine = norm.count(PLACEHOLDER)
        grams = None
        if mine:
            grams = frozen_bigrams(norm)
            # earlier units without placeholders lack at most 2(k + mine) of these bigrams
            allowed = 2 * (k + mine)
            found = None
            if self._wild_asked < _WILD_ASKS:
                # The first few texts with placeholders are compared with every earlier
                # unit, a set difference each (filing every unit by its bigrams costs more
                # than a few looks); placeholders on both sides: the caller's share, below.
                # More than ``examine_cap`` found (a short text, many placeholders): the
                # lists below, whose bounds decide which are examined.
                self._wild_asked += 1
                found = self._lacking_at_most(grams, allowed)
                found.update(self._wild_units)
                if len(found) > self.examine_cap:
                    found = None
                    self._wild_asked = _WILD_ASKS
            if found is None:
                self._catch_up()
                found = self._within(grams, allowed)
                if self._wild:
                    # placeholders on both sides may stand for anything: the caller's share only
                    found |= self._prefix(self._wild, grams, len(grams) * share * scale)
        else:
            # ... and, when this one has none either, differ in length by k at most
            if hits is not None:
                # ``_near_plain`` of a short text, from the segments found above
                found = self._found_at(self._probed_pieces, k, len(norm), hits)
                if self._short:
                    found.update(self._near_short(len(norm)))
            else:
                found = self._near_plain(norm) if held else self._near_short(len(norm)) if self._short else set()
            wild = self._wild_units
            if wild and len(found) + len(wild) <= self.examine_cap:
                # Every unit found is examined below (no more than ``examine_cap``, before
                # or after this), so a unit that fails one of the tests below is no
                # candidate whenever it is tested: the units with placeholders (which a
                # document with an anonymised name offers to each later text) are tested
                # here first for the bigrams they lack of this text, before the figures
                # skeleton, the anchors and the sort, which most then never need.
                self._wild_near(norm, found)
            else:
                found.update(wild)
        if not found:
            return []
        # With figures_only_skeletons, units that are the same text but for its figures (an
        # update, not a repeat) are left out, by their skeletons (each unit's made once).
        # When every unit found is examined (no more than ``examine_cap``), the test is
        # made in the loop, after the length and anchors, which most units found fail:
        # the tests are all necessary conditions, so their order leaves the answer as it
        # is, and most texts' skeletons are then never made; past the cap the units left
        # out must not be counted among those examined, so they are taken out first.
        skeleton = None
        updates = self._figures_only and len(found) <= self.examine_cap
        if self._figures_only and not updates:
            found = self._not_updates(norm, found)
            if not found:
                return []
        norms, skeleton_of = self.norms, self._skeleton
        # the bigrams of a text without placeholders are made when a unit first passes the
        # tests of length and anchors, which most units found in windows fail
        need = None if grams is None else len(grams) * share * scale
        out = []
        length = len(norm)
        anchors = _anchors(norm, k) if not mine else []
        examined = 0
        for p in sorted(found):
            examined += 1
            if examined > self.examine_cap:
                break
            other_norm = norms[p]
            theirs = other_norm.count(PLACEHOLDER) if mine or PLACEHOLDER in other_norm else 0
            plain = not mine and not theirs
            if plain and (abs(length - len(other_norm)) > k or not _anchored(anchors, other_norm, k)):
                continue
            if updates and other_norm != norm:
                if skeleton is None:
                    skeleton = figures_skeleton(norm)
                if skeleton_of(p) == skeleton:
                    continue
            if grams is None:
                grams = frozen_bigrams(norm)
                need = len(grams) * share * scale
            other = self.grams_of(p)
            # Every bigram of a text that the other lacks was touched by an edit (two per
            # changed character at most) or holds a placeholder (two per placeholder):
            # the other side's placeholders may stand for anything, so only this side's count.
            if not theirs and len(grams - other) > 2 * (k + mine):
                continue
            if not mine and len(other - grams) > 2 * (k + theirs):
                continue
            if len(grams & other) < need:
                continue
            if plain and not _aligned(norm, other_norm, k):
                continue
            out.append(p)
            if len(out) >= self.candidates_cap:
                break
        return out

    def _wild_near(self, norm: str, found: set[int]) -> None:
        """Add to ``found`` the units with placeholders that lack at most their allowance
        (``_wild_lacking``) of the bigrams of ``norm``, which has none.  (A method of its
        own: comprehensions in ``candidates`` made its variables cells, paid at every call.)

        A text of n characters has at most n - 1 distinct bigrams (one when n is 1), so a
        unit lacks at least that many fewer than it has: one that has more than allowed
        beyond them is passed over at once; so is one holding none of a few of its bigrams
        (``_wild_probe``, a search of this text each).  For the others the bigrams they
        lack are counted by searching this text for each (a bigram of a text of two
        characters or more is a two-character piece of it), stopping past the allowance:
        making the text's bigrams cost ~1,400 instructions a character, most of them for
        nothing when the unit lacks too many (a paragraph of a thousand characters)."""
        n = len(norm)
        most = n - 1 if n > 1 else n
        unit_grams = self._grams        # (a unit with placeholders has its bigrams made at ``add``)
        grams = None
        for p, lacking, probe, size in zip(self._wild_units, self._wild_lacking, self._wild_probes,
                                           self._wild_sizes):
            if size - most > lacking:
                continue
            if probe is not None:
                for gram in probe:
                    if gram in norm:
                        break
                else:
                    continue        # holds none of them
            theirs = unit_grams[p]
            if n > 1:
                # (its one-character bigram is the unit "§" itself, which no text without
                # placeholders holds: every other bigram has two characters)
                for gram in theirs:
                    if gram not in norm:
                        lacking -= 1
                        if lacking < 0:
                            break
                else:
                    found.add(p)
            else:
                if grams is None:
                    grams = frozen_bigrams(norm)
                if len(theirs - grams) <= lacking:
                    found.add(p)

    def _not_updates(self, norm: str, found: set[int]) -> set[int]:
        """The units of ``found`` but those equal to ``norm`` once figures and
        approximation words are taken out, yet not equal to it (their skeletons made once
        each, when first asked)."""
        skeleton, norms, skeleton_of = figures_skeleton(norm), self.norms, self._skeleton
        return {p for p in found if norms[p] == norm or skeleton_of(p) != skeleton}

    def _lacking_at_most(self, grams: frozenset[str], allowed: int) -> set[int]:
        """The units without placeholders that lack at most ``allowed`` of ``grams``, each
        compared (a set difference).  A unit of length m > 1 has at most m - 1 bigrams, so
        it lacks at least len(grams) - (m - 1) of them: the shorter ones (and those with
        placeholders, of length < 0 here) are passed over without making their bigrams.  (A
        unit of one character is its own bigram: when one is enough, every unit is compared.)"""
        lengths, grams_of = self._lengths, self.grams_of
        needed = len(grams) - allowed          # bigrams a unit must hold
        shortest = needed + 1 if needed > 1 else 0
        # A unit holding none of a few of these bigrams (``_wild_probe``: its own are
        # the text's here, lacked by a unit without placeholders) lacks too many: a
        # search of the unit's text each, before its bigrams are made (most never are).
        probe = _wild_probe(grams, allowed)
        if probe is None:
            return {p for p in range(len(self.norms)) if lengths[p] >= shortest and len(grams - grams_of(p)) <= allowed}
        return {p for p, norm in enumerate(self.norms) if lengths[p] >= shortest
                and any(map(norm.__contains__, probe)) and len(grams - grams_of(p)) <= allowed}

    def _within(self, grams, allowed: int) -> set[int]:
        """Units that may lack at most ``allowed`` of ``grams`` (all units with a posting
        list here; the caller sorts out those with placeholders).

        Bigrams no earlier unit has are lacked by all.  Of the r rarest others, such a unit
        then holds at least r - (allowed - absent); with r = allowed + 1 - absent that is
        one (a union of posting lists), and reading a few more lists and
        counting makes the test sharper at little cost.  A capped list may lack a unit that
        has its bigram, so each capped list read lowers the count required by one."""
        present = list(filter(self._postings.__contains__, grams))
        absent = len(grams) - len(present)
        scan = allowed + 1 - absent
        if scan <= 0:
            return set()
        present.sort(key=self._frequency.__getitem__)
        chosen = present[:scan + min(allowed, _EXTRA_LISTS)]
        # a list holds min(count, cap) units: it was cut when the count is above the cap
        capped = sum(map(self.postings_cap.__lt__, map(self._frequency.__getitem__, chosen)))
        required = len(chosen) - (allowed - absent) - capped
        if required <= 1:
            found: set[int] = set()
            for gram in present[:scan]:
                found.update(self._postings[gram])
            return found
        counts: dict[int, int] = {}     # Counter's counting loop without its constructor
        _count_elements(counts, chain.from_iterable(self._postings[g] for g in chosen))
        return {p for p, c in counts.items() if c >= required}

    def _prefix(self, postings: dict[str, list[int]], grams, need: float) -> set[int]:
        """Units sharing at least ``need`` of ``grams`` share one of the
        len(grams) - ceil(need) + 1 rarest (bigrams absent from the index count as such)."""
        present = [g for g in grams if g in postings]
        scan = len(grams) - math.ceil(need) + 1 - (len(grams) - len(present))
        found: set[int] = set()
        if scan <= 0:
            return found
        present.sort(key=lambda g: len(postings[g]))
        for gram in present[:scan]:
            found.update(postings[gram])
        return found

    def exact(self, norm: str) -> list[int]:
        """Earlier units with exactly this text, earliest first."""
        return [p for p, other in enumerate(self.norms) if other == norm]
