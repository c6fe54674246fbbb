"""Finding the near-duplicates of a statement among the earlier ones of a document,
without comparing it with all of them.

The duplicate kinds call a unit a repeat of an earlier one when their normalised texts
differ by at most ``max_changed`` characters (``similarity.near_duplicate``).  Compared
pairwise, a document of n units costs n²/2 comparisons: a paragraph of 1,000 template
clauses took 45 s, a 1 MB line 44 s.  ``NearIndex`` keeps the earlier units by their
character bigrams and proposes, for a new unit, only the earlier ones that can pass:

* two texts within k edits of each other (no placeholder in either) have all but at most
  2k of their distinct bigrams in common (an edit touches at most two bigrams), so an
  earlier unit must hold at least one of any 2k + 1 bigrams of the new one: the posting
  lists of its 2k + 1 rarest bigrams hold every candidate (prefix filtering);
* a unit with a placeholder (an anonymised name, ``§``) matches whatever stands in its
  place, so for those the caller's weaker condition (a share of bigrams in common) picks
  the lists instead, read from a separate, small index; then the bigrams of the side
  holding placeholders that the other side lacks are bounded by 2k plus two per
  placeholder;
* with ``figures_only_skeletons``, earlier units equal to the new one once figures and
  approximation words are taken out, but not equal to it, are dropped at once: a change
  in figures only is not a repeat (``similarity.numerals_only_change``).

Candidates pass cheap necessary conditions first (length, bigrams each side lacks, the
share the caller asks for, bigrams found near the same place: ``_aligned``), so the
costly alignment runs only for likely repeats.

Bounds, so that a hostile document stays linear: a posting list keeps its first
``postings_cap`` units (a bigram found in more is too common to select by), and
``candidates`` looks at most at ``examine_cap`` units and returns at most
``candidates_cap``, earliest first.  Normal
documents never reach either bound; memory is one entry per distinct bigram of a unit,
at most ``postings_cap`` per bigram.
"""
from __future__ import annotations

import math
import re
from collections import Counter, _count_elements
from itertools import chain

from checker.model.similarity import PLACEHOLDER

_FIGURE_CHARS = frozenset("0123456789一二三四五六七八九十百千万亿两零〇.．%％年月日")
_APPROX = re.compile("以上|以下|以内|左右|不少于|不低于|超过|约|近|余|多|超")


# Units with placeholders are compared with each other by a share of bigrams only; their
# secondary lists are kept shorter.
_WILD_CAP = 32
# Texts up to this long, with more candidates than _PLACED_WHEN by their bigrams, are
# looked up by bigrams and their places too (_within_placed).
_PLACED_MAX = 200
_PLACED_WHEN = 48
# Lists read beyond the prefix to count hits (sharper, not needed for correctness).
_EXTRA_LISTS = 3
# The approximation words, then runs of figure characters, taken out in one pass: no
# approximation word starts with a figure character, so this removes what taking out the
# words first and the characters after does.
_FIGURES_AND_APPROX = re.compile(
    _APPROX.pattern + "|[" + re.escape("".join(sorted(_FIGURE_CHARS))) + "]+")


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
    another order (common in template text), before any alignment is computed."""
    if len(a) < 2:
        return True
    where: dict[str, list[int]] = {}
    for j in range(len(b) - 1):
        where.setdefault(b[j:j + 2], []).append(j)
    allowed = 2 * k
    for i in range(len(a) - 1):
        if not any(abs(j - i) <= k for j in where.get(a[i:i + 2], ())):
            allowed -= 1
            if allowed < 0:
                return False
    return True


class NearIndex:
    def __init__(self, max_changed: int, *, figures_only_skeletons: bool = False,
                 postings_cap: int = 128, candidates_cap: int = 32, examine_cap: int = 256) -> None:
        self.max_changed = max_changed
        self.postings_cap = postings_cap
        self.candidates_cap = candidates_cap
        self.examine_cap = examine_cap
        self.norms: list[str] = []
        self.grams: list[frozenset[str]] = []
        self._lengths: list[int] = []
        self._postings: dict[str, list[int]] = {}       # every unit
        # units without placeholders by (bigram, position // (k + 1)), once needed
        self._placed: dict[tuple[str, int], list[int]] | None = None
        self._wild: dict[str, list[int]] = {}           # units holding a placeholder, all bigrams
        self._wild_keys: dict[str, list[int]] = {}      # the same, under a few rare bigrams each
        self._frequency: Counter[str] = Counter()        # true counts (postings are capped)
        self._exact: dict[str, set[int]] = {}
        self._canonical: dict[str, str] = {}
        self._skeletons: dict[str, set[int]] | None = {} if figures_only_skeletons else None
        self._last_skeleton: tuple[str, str] = ("", "")   # candidates() then add() of one text

    def __len__(self) -> int:
        return len(self.norms)

    def add(self, norm: str, grams: frozenset[str] | set[str]) -> int:
        position = len(self.norms)
        # one object per distinct bigram: the sets of a long document then hold references,
        # not a two-character string per occurrence (a third of the index's memory)
        canonical = self._canonical
        grams = frozenset(map(canonical.setdefault, grams, grams))
        self.norms.append(norm)
        self.grams.append(grams)
        # a unit with placeholders may match a text of any length: -1 keeps it out of reach
        self._lengths.append(-1 - 10 * self.max_changed if PLACEHOLDER in norm else len(norm))
        placeholders = norm.count(PLACEHOLDER)
        cap = self.postings_cap
        if placeholders:
            # A later text without placeholders holds all but 2(k + placeholders) of these
            # bigrams, so at least one of any 2(k + placeholders) + 1 of them: file the unit
            # under that many of its rarest (so far) only.
            keys = 2 * (self.max_changed + placeholders) + 1
            # rarest first, ties in text order (stable sort): the same choice on every run
            chosen = (sorted(sorted(grams), key=self._frequency.__getitem__)[:keys]
                      if len(grams) > keys else grams)
            for gram in chosen:
                posting = self._wild_keys.setdefault(gram, [])
                if len(posting) < cap:
                    posting.append(position)
        _count_elements(self._frequency, grams)     # Counter.update's own loop, without its checks
        postings = self._postings
        for gram in grams:
            posting = postings.get(gram)
            if posting is None:
                postings[gram] = [position]
            elif len(posting) < cap:
                posting.append(position)
        if placeholders:
            for gram in grams:
                posting = self._wild.setdefault(gram, [])
                if len(posting) < _WILD_CAP:
                    posting.append(position)
        elif self._placed is not None:
            self._place(position, norm)
        self._exact.setdefault(norm, set()).add(position)
        if self._skeletons is not None:
            self._skeletons.setdefault(self._skeleton(norm), set()).add(position)
        return position

    def _place(self, position: int, norm: str) -> None:
        """File a unit without placeholders by bigram and where it stands (in steps of
        k + 1): a text within k edits has its untouched bigrams at most k places away."""
        if len(norm) > _PLACED_MAX + self.max_changed:
            return
        step = self.max_changed + 1
        placed, cap = self._placed, self.postings_cap
        for key in {(norm[i:i + 2], i // step) for i in range(len(norm) - 1)}:
            posting = placed.get(key)
            if posting is None:
                placed[key] = [position]
            elif len(posting) < cap:
                posting.append(position)

    def _skeleton(self, norm: str) -> str:
        if self._last_skeleton[0] != norm:
            self._last_skeleton = (norm, figures_skeleton(norm))
        return self._last_skeleton[1]

    def candidates(self, norm: str, grams: frozenset[str] | set[str], need: float) -> list[int]:
        """Earlier units (positions, earliest first) sharing at least ``need`` of ``grams``
        that may be within ``max_changed`` characters of ``norm``: every such unit within
        the bounds described above, and perhaps a few that are not."""
        k = self.max_changed
        mine = norm.count(PLACEHOLDER)
        if mine:
            # earlier units without placeholders lack at most 2(k + mine) of these bigrams
            found = self._within(grams, 2 * (k + mine))
        else:
            # ... and, when this one has none either, differ in length by k at most
            found = self._within(grams, 2 * k)
            lengths, length = self._lengths, len(norm)
            found = {p for p in found if abs(lengths[p] - length) <= k}
            if len(found) > _PLACED_WHEN and len(norm) <= _PLACED_MAX:
                # Many: formulaic text, where the same words recur in other orders.  Such a
                # unit also holds all but 2k of these bigrams within k places of where they
                # stand here (the index of places is built the first time it is needed).
                if self._placed is None:
                    self._placed = {}
                    for p, other in enumerate(self.norms):
                        if PLACEHOLDER not in other:
                            self._place(p, other)
                found &= self._within_placed(norm)
        if not mine:
            # earlier units with placeholders: filed under a few bigrams this one must hold
            for gram in grams & self._wild_keys.keys():
                found.update(self._wild_keys[gram])
        elif self._wild:
            # placeholders on both sides may stand for anything: the caller's share only
            found |= self._prefix(self._wild, grams, need)
        if not found:
            return []
        if self._skeletons is not None:
            same = self._skeletons.get(self._skeleton(norm))
            if same:
                # the same text but for its figures: an update, not a repeat (set operations
                # in the size of ``found``, whatever the size of the group)
                exact = self._exact.get(norm, set())
                found = (found - same) | (found & exact)
        out = []
        length = len(norm)
        anchors = _anchors(norm, k) if not mine else []
        examined = 0
        for p in sorted(found):
            examined += 1
            if examined > self.examine_cap:
                break
            other_norm = self.norms[p]
            theirs = other_norm.count(PLACEHOLDER) if mine or PLACEHOLDER in other_norm else 0
            plain = not mine and not theirs
            if plain and (abs(length - len(other_norm)) > k or not _anchored(anchors, other_norm, k)):
                continue
            other = self.grams[p]
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

    def _within_placed(self, norm: str) -> set[int]:
        """Units without placeholders within k edits of ``norm`` (which has none): of its
        bigram occurrences, all but 2k (those an edit touched) are found in such a unit at
        most k places away.  The same prefix argument as ``_within``, on occurrences: a
        unit holds one of any 2k + 1 of them, read from the lists of the (at most three)
        position steps each can fall in.  This keeps out texts with the same words in
        another order, which share the bigrams but not their places."""
        k = self.max_changed
        allowed = 2 * k
        step = k + 1
        placed = self._placed
        bigram_list = [norm[i:i + 2] for i in range(len(norm) - 1)]
        overall = self._frequency
        counts_of = [overall.get(g, 0) for g in bigram_list]
        # occurrences rarest first (by the bigram's count anywhere): only the few needed are
        # placed; one whose places hold no unit is lacked by all, like an absent bigram
        order = sorted(range(len(bigram_list)), key=counts_of.__getitem__)
        cap = self.postings_cap
        full: list[list[list[int]]] = []       # lists that may have been cut short
        lists: list[list[list[int]]] = []      # complete lists
        absent = 0
        # the rarest occurrences decide; looking further only finds commoner (cut) lists
        for i in order[:4 * (2 * allowed + 1)]:
            if len(lists) >= 2 * allowed + 1 - absent:
                break
            keys = [(bigram_list[i], s) for s in range(max(0, (i - k) // step), (i + k) // step + 1)]
            postings = [placed[key] for key in keys if key in placed] if counts_of[i] else []
            if not postings:
                absent += 1
                if absent > allowed:
                    return set()
                continue
            (full if any(len(p) >= cap for p in postings) else lists).append(postings)
        scan = allowed + 1 - absent
        if scan <= 0:
            return set()
        if len(lists) < scan:
            # too few complete lists: any scan of the occurrences (complete or not) will do
            found: set[int] = set()
            for postings in (lists + full)[:scan]:
                for posting in postings:
                    found.update(posting)
            return found
        # complete lists only: a unit within reach misses at most (allowed - absent) of them
        required = len(lists) - (allowed - absent)
        if required <= 1:
            found = set()
            for postings in lists[:scan]:
                for posting in postings:
                    found.update(posting)
            return found
        # a unit may stand in two steps of one occurrence: count it once per occurrence
        counts = Counter(chain.from_iterable(set(chain.from_iterable(postings)) for postings in lists))
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
        return sorted(self._exact.get(norm, ()))
