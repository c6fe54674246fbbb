"""What the count checks share: stated counts (``八项工程``), bracket and quote pairs, and
the splitting of a written list (``A、B和C``) into its items.

The word tables live in ``rules/enumeration/vocabulary.yaml`` and are compiled once per
lexicon (see checker.model.lexicon.built_from), never per document.
"""
from __future__ import annotations

import bisect

import re
from functools import lru_cache

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import built_from, data_view
from checker.model.markers import marker_end
from checker.model.numerals import parse_cn_int
from checker.core.patterns import Regex
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

# Opening -> closing marks that group text: a list item never splits inside them.
PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "〔": "〕", "「": "」"}
CLOSERS = {close: open_ for open_, close in PAIRS.items()}
# Pairs whose inside is a name or a slogan: a count written inside them is not a claim.
NAMING_PAIRS = frozenset("“‘《「")
# Marks that end a clause.
CLAUSE_END = frozenset("，,。；;：:！？!?\n")
SENTENCE_END = frozenset("。；;！？!?\n")


def after_marker(text: str, start: int, end: int) -> int:
    """Where a paragraph's content starts after its numbering marker (三、 （二） 12. ①),
    read by the document model's marker parser: a marker is never a list item."""
    marker = marker_end(text, start, end)
    return start if marker is None else marker


class CountData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    count_connectors: list[str] = Field(default_factory=list)
    count_open_ends: list[str] = Field(default_factory=list)
    count_not_before: list[str] = Field(default_factory=list)
    count_not_after: list[str] = Field(default_factory=list)
    count_list_joiners: list[str] = Field(default_factory=list)
    count_list_starters: list[str] = Field(default_factory=list)
    count_list_introducers: list[str] = Field(default_factory=list)
    count_fixed_phrases: list[str] = Field(default_factory=list)
    count_names: list[str] = Field(default_factory=list)
    count_joiner_exceptions: list[str] = Field(default_factory=list)
    count_numeral: Regex
    count_inline_marker: Regex
    respectively_word: str = Field(min_length=1)
    respectively_pair_words: list[str] = Field(default_factory=list)


class CountTables:
    """The expressions and data that read counted lists, for one vocabulary.

    ``claim``: a numeral and its classifier (八项, 6所, 两); ``joiners``: 和 / 及 / 以及 / 与
    inside the last item; ``fixed``: phrases whose 、 is not a list (县（市、区）);
    ``names``: names holding a numeral (二十大, 八项规定); ``inline_marker``: an inline
    enumerator, its numeral as group num (三是); ``quote_separators``: what may stand
    between two quoted items (、 和); ``open_end_chars``: one-character open ends (等)
    closing a quoted list; ``not_before`` / ``not_after``: count_not_before /
    count_not_after by word length, shortest first (the empty word, which every place
    holds, as length 0): a claim looks up one slice per length; ``connectors``:
    count_connectors longest first (a stable sort: of one length, in the data's order),
    sorted once here rather than at each claim stepping back over them."""

    # A plain class, not a dataclass: built once per vocabulary and read by attribute only
    # (never compared, hashed or copied), and a dataclass is ~0.2 ms of a fresh process to
    # make (its methods' text, annotations read, the class made again for its slots).
    __slots__ = ("data", "claim", "joiners", "fixed", "names", "inline_marker", "quote_separators",
                 "open_end_chars", "not_before", "not_after", "connectors")

    def __init__(self, data: CountData, claim: re.Pattern[str], joiners: re.Pattern[str] | None,
                 fixed: re.Pattern[str] | None, names: re.Pattern[str] | None, inline_marker: re.Pattern[str],
                 quote_separators: frozenset[str], open_end_chars: frozenset[str],
                 not_before: tuple[tuple[int, frozenset[str]], ...] = (),
                 not_after: tuple[tuple[int, frozenset[str]], ...] = (), connectors: tuple[str, ...] = ()) -> None:
        self.data = data
        self.claim = claim
        self.joiners = joiners
        self.fixed = fixed
        self.names = names
        self.inline_marker = inline_marker
        self.quote_separators = quote_separators
        self.open_end_chars = open_end_chars
        self.not_before = not_before
        self.not_after = not_after
        self.connectors = connectors


_HAN = compile_skipping(r"[\u4e00-\u9fff]")


def _alternation(words: list[str]) -> str:
    return escaped_join(sorted(set(words), key=lambda w: (-len(w), w)))


def tables_for(lexicon: Any, classifiers: tuple[str, ...]) -> CountTables:
    """The compiled count tables of a lexicon (built once per lexicon data); a count's
    classifiers are the measure words of role ``list-count`` in the model's table
    (``Document.measure_words``)."""
    return built_from(lexicon, (CountTables, classifiers), lambda lex: _build_tables(lex, classifiers))


def _build_tables(lexicon: Any, classifier_words: tuple[str, ...]) -> CountTables:
    data = data_view(lexicon, CountData)
    classifiers = _alternation(list(classifier_words)) or r"(?!)"
    claim = compile_skipping(rf"(?P<num>{data.count_numeral})(?P<cls>{classifiers})")
    joiners = compile_skipping(_alternation(data.count_list_joiners)) if data.count_list_joiners else None
    fixed = compile_skipping(_alternation(data.count_fixed_phrases)) if data.count_fixed_phrases else None
    names = compile_skipping(_alternation(data.count_names)) if data.count_names else None
    inline_marker = compile_skipping(data.count_inline_marker)
    if "num" not in inline_marker.groupindex:
        raise ValueError("data 'count_inline_marker' must name its numeral (?P<num>…)")
    # “A”、“B” and “A”和“B”: a list mark or a one-character joiner between quoted items.
    quote_separators = frozenset({"、"} | {w for w in data.count_list_joiners if len(w) == 1})
    open_end_chars = frozenset(w for w in data.count_open_ends if len(w) == 1)
    return CountTables(data, claim, joiners, fixed, names, inline_marker, quote_separators, open_end_chars,
                       words_by_length(data.count_not_before), words_by_length(data.count_not_after),
                       tuple(sorted(data.count_connectors, key=len, reverse=True)))


def words_by_length(words: list[str]) -> tuple[tuple[int, frozenset[str]], ...]:
    """``words`` grouped by length, shortest first (the empty word as length 0)."""
    lengths = sorted({len(w) for w in words})
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)


# Kept per numeral: a claim's is at most three characters of a short list
# (``count_numeral``), and some eighty a document are read (most of them 一 or 两), each
# a parse of the Chinese numeral's two passes over its characters.
@lru_cache(maxsize=4096)
def count_value(numeral: str) -> int | None:
    """The number a claim's numeral spells (``8``, ``八``, ``二十``), or None."""
    return int(numeral) if numeral.isdigit() else parse_cn_int(numeral)


def match_pairs(text: str, start: int, end: int) -> dict[int, int]:
    """Matched opening/closing marks of ``text[start:end]``, both ways (offset -> partner).

    An opening mark that is never closed (seed texts lose closing quotes) is left out,
    so it neither hides a claim nor swallows the rest of the paragraph.
    """
    partner: dict[int, int] = _Pairs()
    stacks: dict[str, list[int]] = {}
    for m in _MARKS.finditer(text, start, end):      # only the marks, not every character
        i, ch = m.start(), m.group()
        if ch in PAIRS:
            stacks.setdefault(ch, []).append(i)
        elif ch in CLOSERS:
            stack = stacks.get(CLOSERS[ch])
            if stack:
                j = stack.pop()
                partner[j] = i
                partner[i] = j
    return partner


_MARKS = compile_skipping("[" + re.escape("".join(sorted(set(PAIRS) | set(CLOSERS)))) + "]")


class _Pairs(dict):
    """The matched marks of ``match_pairs``, which also keep the index ``inside_naming``
    builds from them (once, not once per question)."""

    naming: tuple[list[int], list[int]] | None = None


def inside_naming(text: str, pos: int, partner: dict[int, int]) -> bool:
    """Whether ``pos`` lies inside a matched quote or title mark (a slogan or a name)."""
    index = getattr(partner, "naming", None)
    if index is None:
        # the naming marks by where they open, and the furthest close among the first i:
        # pos is inside one iff the furthest close of those opened before it lies after it
        spans = sorted((o, c) for o, c in partner.items() if o < c and text[o] in NAMING_PAIRS)
        opens, reach, furthest = [], [], -1
        for o, c in spans:
            furthest = max(furthest, c)
            opens.append(o)
            reach.append(furthest)
        index = (opens, reach)
        if isinstance(partner, _Pairs):
            partner.naming = index
    opens, reach = index
    i = bisect.bisect_left(opens, pos) - 1
    return i >= 0 and reach[i] > pos


def split_items(text: str, start: int, end: int, partner: dict[int, int], sep: str = "、") -> list[tuple[int, int]]:
    """Spans of the items of ``text[start:end]`` split at top-level ``sep``."""
    items: list[tuple[int, int]] = []
    i = item_start = start
    while i < end:
        ch = text[i]
        if ch in PAIRS and i in partner and partner[i] < end:
            i = partner[i] + 1
            continue
        if ch == sep:
            items.append((item_start, i))
            item_start = i + 1
        i += 1
    items.append((item_start, end))
    return items


def has_top_level(text: str, start: int, end: int, partner: dict[int, int], marks: frozenset[str]) -> bool:
    i = start
    while i < end:
        ch = text[i]
        if ch in PAIRS and i in partner and partner[i] < end:
            i = partner[i] + 1
            continue
        if ch in marks:
            return True
        i += 1
    return False


def joiner_count(text: str, start: int, end: int, partner: dict[int, int], tables: CountTables) -> int:
    """How many top-level 和/及/与 an item holds (each may join one more item)."""
    return len(_joiners(text, start, end, partner, tables))


def item_range(text: str, start: int, end: int, partner: dict[int, int], tables: CountTables) -> tuple[int, int]:
    """How many items one written item may stand for: (fewest, most).

    Each top-level 和/及/与 may join two items (市一中体育馆和职教中心实训楼 may be one
    project or two); it certainly does when both sides are names of one kind — they end in
    the same character (市财经学校和市农业学校, 初中和高中)."""
    joins = _joiners(text, start, end, partner, tables)
    segments = []
    previous = start
    for at, after in joins:
        segments.append(text[previous:at].strip())
        previous = after
    segments.append(text[previous:end].strip())
    certain = 0
    for left, right in zip(segments, segments[1:]):
        if len(left) >= 2 and len(right) >= 2 and left[-1] == right[-1] and _HAN.match(left[-1]):
            certain += 1
    return 1 + certain, 1 + len(joins)


def _joiners(text: str, start: int, end: int, partner: dict[int, int], tables: CountTables) -> list[tuple[int, int]]:
    """(start, end) of each top-level 和/及/与 of an item that may join two items."""
    if tables.joiners is None:
        return []
    found = []
    i = start
    while i < end:
        ch = text[i]
        if ch in PAIRS and i in partner and partner[i] < end:
            i = partner[i] + 1
            continue
        match = tables.joiners.match(text, i, end)
        if match and start < i and match.end() < end and not _in_word(text, i, match.group(), tables):
            found.append((i, match.end()))
            i = match.end()
            continue
        i += 1
    return found


def _in_word(text: str, at: int, joiner: str, tables: CountTables) -> bool:
    """Whether the joiner at ``at`` is part of a word such as 及格, 普及, 和谐."""
    for word in tables.data.count_joiner_exceptions:
        k = word.find(joiner)
        while k >= 0:
            if text.startswith(word, at - k):
                return True
            k = word.find(joiner, k + 1)
    return False
