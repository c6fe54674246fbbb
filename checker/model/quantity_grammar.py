"""The quantity grammar: one regular expression finds where numbers start, three read them.

* ``QuantityGrammar.candidates`` is ONE compiled regular expression that finds the
  candidate spans (an approximation word, then Arabic digits, ``百分之``, or a Chinese
  numeral followed by a magnitude or a unit, then a range's second end and suffixes);
* ``QuantityGrammar.parse`` reads a candidate span and returns its pieces (prefix, number,
  magnitude, 余/多, unit, range, suffixes) with offsets: ``quantity := end [range-mark
  end] {suffix}``, each piece one anchored regular expression tried where the last
  ended, no backtracking between pieces.  (This was a pyparsing grammar of the same
  pieces; reading them directly gives the same results — an equivalence test keeps
  the pyparsing form — and spares its import, 0.06 CPU s of every start.)

Both are built from the lexicon (``rules/data/units.yaml`` and ``quantities.yaml``) and
cached per ``Lexicon.fingerprint``, so a run compiles them once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import built_from, data_view, validated
from checker.core.patterns import RegexList, compile_alternation, compile_user
from checker.model.numerals import BIG_UNITS
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join
from checker.model.unfrozen_twin import unfrozen_twin

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

# Characters of Chinese numerals; a numeral may start with any of `_CN_FIRST`
# (not 零/〇, which start words such as 零起点, and not 百/千/万/亿, which start
# words such as 百姓 or 万人空巷).
_CN_FIRST = "一二两三四五六七八九十"
_CN_ALL = "零〇一二两三四五六七八九十百千万亿"
_DIGITS = "0-9０-９"
# Arabic digits with optional ASCII thousands separators (groups of exactly three)
# and a decimal part.  "1,200" is 1200; "38,首次" is not touched.
_ARABIC = rf"[{_DIGITS}]+(?:,[0-9]{{3}}(?![0-9]))*(?:\.[{_DIGITS}]+)?"
# A minus sign opens a negative value (入学率为-2%) only where no digit or letter stands
# before it, so ranges (1-2项) and dates (2023-02-28) keep their hyphens.
_SIGNED = rf"(?:(?<![{_DIGITS}A-Za-z])[-－−](?=[{_DIGITS}]))?{_ARABIC}"
_CN = rf"[{_CN_FIRST}][{_CN_ALL}]*"
_CN_AFTER_PERCENT = rf"[{_CN_FIRST}百][{_CN_ALL}]*"
# Parsed candidates are kept per grammar: documents repeat their quantities (2人, 100%).
_CACHE_SIZE = 20_000
_MISSING = object()


class QuantityData(BaseModel):
    """The slice of the lexicon the grammar reads, validated so a typo names its key."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    units: dict[str, str] = Field(default_factory=dict)
    magnitudes: dict[str, int] = Field(default_factory=dict)
    approx_prefixes: dict[str, str] = Field(default_factory=dict)
    approx_infixes: dict[str, str] = Field(default_factory=dict)
    approx_suffixes: dict[str, str] = Field(default_factory=dict)
    range_marks: list[str] = Field(default_factory=list)
    list_joiners: list[str] = Field(default_factory=list)
    not_quantities: RegexList = Field(default_factory=list)
    code_marks: str = "+＋·•/:：_#@&"



@dataclass(frozen=True, slots=True)
class End:
    """One end of a parsed quantity (a plain quantity has one end)."""

    prefix: str | None
    prefix_start: int | None
    number_text: str
    number_start: int
    number_end: int
    percent_words: bool          # written 百分之…
    magnitude: str | None
    infix: str | None            # 余/多 after the number, before or after its magnitude
    unit: str | None
    unit_start: int | None
    end: int                     # just after this end (its unit, 余/多 or number)


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the grammar read at an anchor: offsets are relative to the window."""

    start: int
    end: int
    low: End
    high: End | None
    range_mark: str | None
    suffixes: tuple[str, ...]


# ``End`` and ``Parsed`` made as their unfrozen twins (``checker.model.unfrozen_twin``):
# the frozen constructor sets each field through ``object.__setattr__``, ~17 k
# instructions an End and ~10 k a Parsed against ~4 k and ~2.5 k by plain slot stores.
# A fresh process reads each distinct candidate of its document once (128 on seed 000);
# the objects are the constructor's, field for field (tests/test_quantity_grammar_records.py).
_EndTwin = unfrozen_twin(End)
_ParsedTwin = unfrozen_twin(Parsed)
_new = object.__new__


def made_end(prefix: str | None, prefix_start: int | None, number_text: str, number_start: int,
             number_end: int, percent_words: bool, magnitude: str | None, infix: str | None,
             unit: str | None, unit_start: int | None, end: int) -> End:
    """``End(...)`` of these fields, in their order (no check: the grammar's own values)."""
    made = _new(_EndTwin)
    made.prefix = prefix
    made.prefix_start = prefix_start
    made.number_text = number_text
    made.number_start = number_start
    made.number_end = number_end
    made.percent_words = percent_words
    made.magnitude = magnitude
    made.infix = infix
    made.unit = unit
    made.unit_start = unit_start
    made.end = end
    made.__class__ = End
    return made


def made_parsed(start: int, end: int, low: End, high: End | None, range_mark: str | None,
                suffixes: tuple[str, ...]) -> Parsed:
    """``Parsed(...)`` of these fields, in their order."""
    made = _new(_ParsedTwin)
    made.start = start
    made.end = end
    made.low = low
    made.high = high
    made.range_mark = range_mark
    made.suffixes = suffixes
    made.__class__ = Parsed
    return made


def _alternation(words: list[str] | dict[str, Any]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return escaped_join(ordered) if ordered else r"(?!x)x"


class GrammarTexts(BaseModel):
    """The grammar's expressions as text (``grammar_texts``): made from the word lists
    by sorting and joining them (~1.7 M instructions), and kept with the validated views
    (``lexicon.validated``: keyed by the lexicon's bytes and gwlint's code stamp), so a
    later run whose data and code did not change reads them from the views' store."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    candidates: str        # ``QuantityGrammar.candidates``
    starts: str            # the start gate (``_start_gate``)
    end: str               # one end of a quantity, with named parts (``_read``)
    marks: str             # the range marks
    suffixes: str          # the approximation words after a quantity


def grammar_texts(data: QuantityData) -> GrammarTexts:
    """The expressions of the grammar of ``data``."""
    units = _alternation(data.units)
    mags = _alternation(data.magnitudes)
    prefixes = _alternation(data.approx_prefixes)
    infixes = _alternation(data.approx_infixes)
    marks = _alternation(data.range_marks)
    suffixes = _alternation(data.approx_suffixes)
    blocking = _blocking_units(data)
    # The pieces after a number: [magnitude, unless a unit starts there (千米)] [余/多] [unit],
    # or 余/多 before the magnitude (900余万元, 20多亿元: more than 900万, the usual order)
    tail = (rf"(?:(?!{blocking})(?:{mags})(?:{infixes})?|(?:{infixes})(?:(?!{blocking})(?:{mags}))?)?"
            rf"(?:{units})?")
    end = rf"(?:{prefixes})?(?:百分之(?:{_ARABIC}|{_CN_AFTER_PERCENT})|(?:{_ARABIC}|{_CN}){tail})"
    # ONE regular expression for the candidate spans.  A number must not continue a
    # code or a longer number, and a Chinese numeral only counts when a magnitude,
    # 余/多, a unit or a range mark follows it, which keeps the thousands of
    # 一是/一批/统一 out of the grammar's way.
    candidates = (
        rf"(?P<prefix>{prefixes})?"
        rf"(?:百分之(?:{_ARABIC}|{_CN_AFTER_PERCENT})"
        rf"|(?<![{_DIGITS}A-Za-z.,]){_SIGNED}{tail}"
        rf"|(?<![{_CN_ALL}]){_CN}(?=(?:{mags})?(?:{infixes})?(?:{mags})?(?:{units}|(?:{marks})[{_CN_FIRST}])){tail})"
        rf"(?:(?:{marks}){end})?"
        rf"(?:{suffixes})*"
    )
    # A match begins with an approximation word, 百分之, a minus sign, a digit or a
    # Chinese numeral: ``find_candidate`` tries the expression only where one of these
    # characters stands (opening with an optional group, the expression gives ``re``
    # no first character to skip to, and a search tried it at every position).  One
    # character class is quicker than adding the numerals' look-behind to it.
    firsts = {w[0] for w in data.approx_prefixes if w} | set("百-－−０１２３４５６７８９" + _CN_FIRST)
    firsts.update(chr(c) for c in range(ord("0"), ord("9") + 1))
    # One end of a quantity, with named parts:
    #   [approximation word] (百分之 number | number [magnitude] [余/多] [unit])
    #   or number 余/多 magnitude [unit] (900余万元)
    one_end = (
        rf"(?P<prefix>{prefixes})?"
        rf"(?:百分之(?P<percent_number>{_ARABIC}|{_CN_AFTER_PERCENT})"
        rf"|(?P<number>{_SIGNED}|{_CN})"
        rf"(?:(?!{blocking})(?P<magnitude>{mags})(?P<infix>{infixes})?"
        rf"|(?P<infix_first>{infixes})(?:(?!{blocking})(?P<magnitude_after>{mags}))?)?"
        rf"(?P<unit>{units})?)"
    )
    return GrammarTexts.model_construct(candidates=candidates, starts=_start_gate(firsts, data), end=one_end,
                                        marks=marks, suffixes=suffixes)


def _blocking_units(data: QuantityData) -> str:
    """The units a magnitude is not read at (千米 is no 千 before 米), as an alternation.

    The look-ahead ``(?!units)`` stands right before the magnitudes' alternation: where
    no magnitude begins the magnitude fails anyway, and where one does, only a unit
    beginning with the same character can match.  So the units beginning with a
    magnitude's first character (or empty) make the same test as every unit — a few
    words instead of ~110, written six times in the candidate expression: its program,
    read from the store at each start, was 11 k code words."""
    if not all(data.magnitudes):        # an empty magnitude begins anywhere
        return _alternation(data.units)
    firsts = {m[0] for m in data.magnitudes}
    return _alternation([u for u in data.units if not u or u[0] in firsts])


def _no_pick(raw: Any) -> None:
    """(``grammar_texts`` reads the validated data, not the raw lexicon.)"""
    return None


def stored_texts(lexicon: Any, data: QuantityData) -> GrammarTexts:
    """``grammar_texts(data)`` for the lexicon's own data, once per lexicon data and kept
    between runs with the validated views."""
    return validated(lexicon, GrammarTexts, _no_pick, lambda _: grammar_texts(data))


class QuantityGrammar:
    """The compiled grammar for one lexicon (use ``grammar_for(lexicon)``)."""

    def __init__(self, data: QuantityData, texts: GrammarTexts | None = None) -> None:
        """``texts``: ``grammar_texts(data)`` (made here when not given)."""
        self.data = data
        if texts is None:
            texts = grammar_texts(data)
        self.candidates = compile_skipping(texts.candidates)
        self._starts = compile_skipping(texts.starts)
        # user data: bounded; one alternation, tried in the listed order like the list was
        # (each pattern compiled when the view was validated: a RegexList)
        try:
            self.not_quantities = [compile_alternation(data.not_quantities, checked=True)] if data.not_quantities else []
        except ValueError:          # e.g. two patterns naming the same group
            self.not_quantities = [compile_user(p) for p in data.not_quantities]
        self.list_joiners = tuple(sorted(data.list_joiners, key=len, reverse=True))
        # The magnitudes a Chinese numeral may end with (三十万, 五万亿): those made of its
        # section units only, longest first — 十/百/千 in a Chinese numeral are its digits
        # (三十万 is 30万, not 3十万).
        self.numeral_magnitudes = tuple(sorted(
            (m for m in data.magnitudes if m and all(c in BIG_UNITS for c in m)), key=len, reverse=True))
        end = compile_skipping(texts.end)
        if dict(end.groupindex) != {name: i for i, name in enumerate(_END_GROUPS, 1)}:
            raise ValueError("the end expression's groups are not _END_GROUPS in order")   # _end reads groups()
        self._expr = (end, compile_skipping(texts.marks), compile_skipping(texts.suffixes))
        self._parsed: dict[str, Parsed | None] = {}

    def find_candidate(self, text: str, pos: int):
        """What ``self.candidates.search(text, pos)`` finds: the expression matched at the
        first place from ``pos`` where it matches, tried only where a match can begin."""
        starts = self._starts.search
        match = self.candidates.match
        while True:
            at = starts(text, pos)
            if at is None:
                return None
            found = match(text, at.start())
            if found is not None:
                return found
            pos = at.start() + 1

    def parse(self, candidate: str) -> Parsed | None:
        """Parse a candidate span (offsets in the result are relative to it)."""
        cached = self._parsed.get(candidate, _MISSING)
        if cached is not _MISSING:
            return cached
        parsed = self._read(candidate)
        if len(self._parsed) > _CACHE_SIZE:
            self._parsed.clear()
        self._parsed[candidate] = parsed
        return parsed

    def _read(self, candidate: str) -> Parsed | None:
        """quantity := end [range-mark end] {suffix}, read from the candidate's start."""
        if "\t" in candidate:      # offsets as the grammar always gave them: tabs expanded
            candidate = candidate.expandtabs()
        end, marks, suffixes = self._expr
        low = end.match(candidate)
        if low is None:
            return None
        at = low.end()
        high = mark = None
        found = marks.match(candidate, at)
        if found is not None:
            high = end.match(candidate, found.end())
            if high is not None:
                mark, at = found.group(), high.end()
        taken: list[str] = []
        while (suffix := suffixes.match(candidate, at)) is not None:
            taken.append(suffix.group())
            at = suffix.end()
        return made_parsed(0, at, _end(low), _end(high) if high is not None else None, mark, tuple(taken))

    def excluded_at(self, text: str, number_start: int) -> int:
        """The length of a `not_quantities` match at a number (0: none matches)."""
        for pattern in self.not_quantities:
            match = pattern.match(text, number_start)
            if match:
                return max(match.end() - number_start, 1)
        return 0


def _start_gate(firsts: set[str], data: QuantityData) -> str:
    """Where a candidate may begin (the expression's text): one of ``firsts`` that opens what the candidate
    expression can begin with there.

    Of the places a character of ``firsts`` stands, more than half begin no candidate:
    一 of 一是/统一, 高 of 高质量, 大 of 大力, 不 of 不断 — each one a failed try of the
    candidate expression and a turn of ``find_candidate``'s loop.  The gate rules out
    most of them in the same search, and keeps every place a candidate begins, by what
    the candidate expression needs there: an approximation word followed by a number's
    first character; 百分之; a digit, or a sign before one; a Chinese numeral not after
    another numeral character, whose run of numeral characters reaches a character that
    opens a magnitude, 余/多, a unit or a range mark (the look-ahead the expression
    makes).  It consumes the first character, then tests the rest by look-arounds
    from behind it, so ``re`` skips from one of ``firsts`` to the next as it did."""
    numeral_words = [*data.magnitudes, *data.approx_infixes, *data.units, *data.range_marks]
    number_firsts = r"百\-－−" + _DIGITS + _CN_FIRST
    ways = [rf"(?<=百)(?=分之)", rf"(?<=[{_DIGITS}])", rf"(?<=[-－−])(?=[{_DIGITS}])"]
    if all(numeral_words):
        follow = "".join(sorted({w[0] for w in numeral_words}))
        # the character two back (before the consumed numeral) is no numeral character
        ways.append(rf"(?<=[{_CN_FIRST}])(?<![{_CN_ALL}][{_CN_ALL}])(?=[{_CN_ALL}]*[{re.escape(follow)}])")
    else:           # an empty word: the look-ahead holds anywhere
        ways.append(rf"(?<=[{_CN_FIRST}])")
    # An approximation word then a number's first character: one look-ahead trying, for
    # each word, a look-behind for its first character (the one consumed) then its rest —
    # the test a look-ahead per word made, with the characters' class written once (the
    # class of Han numerals and fullwidth digits is ~130 code words of the program each
    # run reads from the store; 28 copies were 40 % of it)
    # (behind a look-behind for any of their first characters, which most places fail at once)
    words = sorted({w for w in data.approx_prefixes if w})
    if words:
        heads = "".join(re.escape(c) for c in sorted({word[0] for word in words}))
        rests = "|".join(rf"(?<={re.escape(word[0])}){re.escape(word[1:])}" for word in words)
        ways.append(rf"(?<=[{heads}])(?=(?:{rests})[{number_firsts}])")
    return "[" + "".join(re.escape(c) for c in sorted(firsts)) + "](?:" + "|".join(ways) + ")"


# The end expression's groups, in their order (``QuantityGrammar.__init__`` checks it):
# ``_end`` reads them by ``groups()``, a quarter of the cost of ``groupdict()``.
_END_GROUPS = ("prefix", "percent_number", "number", "magnitude", "infix", "infix_first", "magnitude_after", "unit")


def _end(match: re.Match) -> End:
    prefix, percent_number, number, magnitude, infix, infix_first, magnitude_after, unit = match.groups()
    start = match.start()
    prefix = prefix or None
    at = start + (len(prefix) if prefix else 0)
    if percent_number:
        number = percent_number
        return made_end(prefix, start if prefix else None, number, at + 3, at + 3 + len(number),
                        True, None, None, "百分之", at, match.end())
    magnitude = magnitude or magnitude_after or None
    infix = infix or infix_first or None
    unit = unit or None
    number_end = at + len(number)
    unit_start = None
    if unit:
        unit_start = match.end() - len(unit)
    return made_end(prefix, start if prefix else None, number, at, number_end, False, magnitude, infix, unit,
                    unit_start, match.end())


def grammar_for(lexicon: Any) -> QuantityGrammar:
    """The grammar for a lexicon, compiled once per lexicon data."""
    def build(lex: Any) -> QuantityGrammar:
        data = data_view(lex, QuantityData)
        return QuantityGrammar(data, stored_texts(lex, data))

    return built_from(lexicon, QuantityGrammar, build)
