"""What a quantity measures: the indicator noun phrase before it and the verb that links them.

``学前三年毛入学率达到93.5%``: indicator ``学前三年毛入学率``, verb ``达到`` (a level).
``入学率比上年提高2%``: indicator ``入学率`` (``比上年`` dropped), verb ``提高`` (a change).
``公办率58.78%``: indicator ``公办率``, no verb.

The clause before a quantity runs back to the nearest clause mark (，、；：。 …, a line
end, a bracket) or to the end of the previous quantity in the same clause.  The verb is
the longest linking verb that ends right before the quantity (an approximation word
such as 达/超过 written in the quantity itself counts too); what precedes it, stripped of
leading function words and trailing comparison phrases (YAML data), is the indicator.
No jieba: the tables are enough and cost nothing to load.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import built_from, data_view
from checker.model.span import Span, known_span
from checker.core.patterns import RegexList, compile_alternation, compile_user
from checker.model.last_mark import last_mark
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

# Marks that end a clause: an indicator never reaches back over them.
CLAUSE_MARKS = frozenset("，,、；;：:。！？!?\n（(【[〔）)】]〕")
_OPENING = {"）": "（", ")": "(", "】": "【", "]": "[", "〕": "〔"}
# A short bracket without digits inside a noun phrase is kept: 副校(园)长配备率.
_SHORT_BRACKET = 4
# An indicator is a noun phrase, not a paragraph: look back at most this far.
MAX_LOOKBACK = 40
_EDGE = " \t\u3000"


class LinkData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    linking_verbs: dict[str, str] = Field(default_factory=dict)
    approx_prefixes: dict[str, str] = Field(default_factory=dict)
    indicator_leading_words: list[str] = Field(default_factory=list)
    indicator_leading_patterns: RegexList = Field(default_factory=list)
    indicator_trailing_patterns: RegexList = Field(default_factory=list)


def _link_record() -> type:
    """``Link``: the indicator and the linking verb found before a figure (what
    ``Linker.link`` returns).  The frozen dataclass is made at its first use: the
    quantities layer reads ``link_fields`` only, and making it cost every run ~0.7 M
    instructions.  ``from checker.model.indicators import Link`` gets it too."""
    found = globals().get("Link")
    if found is None:
        @dataclass(frozen=True, slots=True)
        class Link:
            """The indicator and the linking verb found before a figure."""

            __qualname__ = "Link"       # as when it was written at the module's top level

            indicator: str | None
            indicator_span: Span | None
            verb: str | None
            verb_span: Span | None
            verb_kind: str | None

        found = globals().setdefault("Link", Link)
    return found


def __getattr__(name: str):
    if name == "Link":
        return _link_record()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Linker:
    """Finds indicator and verb before a quantity; compiled once per lexicon."""

    def __init__(self, data: LinkData) -> None:
        self.verbs = data.linking_verbs
        self._verb_lengths = sorted({len(v) for v in self.verbs}, reverse=True)
        words = sorted(data.indicator_leading_words, key=len, reverse=True)
        leading = [escaped_join(words)] if words else []
        leading += data.indicator_leading_patterns
        # user-extendable patterns: bounded (checker.core.patterns)
        self._leading = compile_user(rf"(?:{'|'.join(leading)})") if leading else None
        # each pattern compiled when the view was validated (a RegexList)
        self._trailing = compile_alternation(data.indicator_trailing_patterns, suffix="$", checked=True)

    def verb_ending(self, text: str, start: int, end: int) -> str | None:
        """The longest linking verb that ends at ``end`` (and starts at or after ``start``)."""
        for length in self._verb_lengths:
            if end - length >= start and text[end - length:end] in self.verbs:
                return text[end - length:end]
        return None

    def link(self, text: str, floor: int, quantity_start: int, prefix: str | None) -> "Link":
        """Indicator and verb of the quantity starting at ``quantity_start``.

        ``floor`` is the earliest offset the clause may reach (the paragraph start or the
        end of the previous quantity); ``prefix`` is the approximation word written at
        the start of the quantity, which is the verb when it is one (达, 超过, 突破 …).
        """
        return _link_record()(*self.link_fields(text, floor, quantity_start, prefix))

    def link_fields(self, text: str, floor: int, quantity_start: int,
                    prefix: str | None) -> tuple[str | None, Span | None, str | None, Span | None, str | None]:
        """``link``'s fields as a tuple (indicator, indicator_span, verb, verb_span,
        verb_kind): the quantities layer reads them at once, and a frozen ``Link`` costs
        a call of ``object.__setattr__`` per field."""
        start = clause_start(text, floor, quantity_start)
        end = quantity_start
        verb = verb_span = None
        if prefix and prefix in self.verbs:
            verb, verb_span = prefix, known_span(quantity_start, quantity_start + len(prefix))
            # 比重到达2023%: the prefix 达 ends a longer verb (到达) begun before the figure.
            longer = self.verb_ending(text, start, quantity_start + len(prefix))
            if longer and len(longer) > len(prefix):
                verb, verb_span = longer, known_span(quantity_start + len(prefix) - len(longer), quantity_start + len(prefix))
                end = verb_span.start
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if verb is None:
            verb = self.verb_ending(text, start, end)
            if verb:
                verb_span = known_span(end - len(verb), end)
                end -= len(verb)
        indicator_span = self.trim(text, start, end)
        indicator = indicator_span.of(text) if indicator_span else None
        return indicator, indicator_span, verb, verb_span, self.verbs.get(verb) if verb else None

    def trim(self, text: str, start: int, end: int) -> Span | None:
        """Drop function words at the start and comparison phrases at the end."""
        changed = True
        while changed and start < end:
            changed = False
            while start < end and text[start] in _EDGE:
                start += 1
            while end > start and text[end - 1] in _EDGE:
                end -= 1
            if self._trailing is not None:
                match = self._trailing.search(text, start, end)
                if match and match.start() < match.end():
                    end = match.start()
                    changed = True
            if self._leading is not None and start < end:
                match = self._leading.match(text, start, end)
                if match and match.end() > start:
                    start = match.end()
                    changed = True
        return known_span(start, end) if start < end else None


def clause_start(text: str, floor: int, end: int) -> int:
    """The start of the clause that ends at ``end``, not before ``floor``."""
    lowest = max(floor, end - MAX_LOOKBACK)
    i = end
    while i > lowest:
        # the character loop this replaced (kept as the reference in
        # tests/test_number_layers_second_pass.py) stepped back over every character
        # that is no clause mark (eight a quantity on average): the window's last mark is
        # found by one match instead (``last_mark``; every closing bracket of ``_OPENING``
        # is a mark), and a window holding none leaves the clause reaching ``lowest``
        i = _LAST_CLAUSE_MARK(text, lowest, i) + 1
        if i == 0:
            return lowest
        ch = text[i - 1]
        if ch in _OPENING:
            # Keep a short bracket inside a noun phrase (园, 区) but stop at a long one.
            opener = _OPENING[ch]
            j = text.rfind(opener, max(lowest, i - 2 - _SHORT_BRACKET), i - 1)
            inner = text[j + 1:i - 1] if j >= 0 else ""
            if j >= 0 and inner and not any(c.isdigit() or c in CLAUSE_MARKS for c in inner):
                i = j
                continue
        return i
    return lowest


_LAST_CLAUSE_MARK = last_mark(CLAUSE_MARKS)


def linker_for(lexicon: Any) -> Linker:
    return built_from(lexicon, Linker, lambda lex: Linker(data_view(lex, LinkData)))


# -- rates ---------------------------------------------------------------------------------

class RateData(BaseModel):
    model_config = ConfigDict(extra="ignore", defer_build=True)

    rate_words: list[str] = Field(default_factory=list)
    rate_exceptions: list[str] = Field(default_factory=list)
    rate_unbounded: list[str] = Field(default_factory=list)


def is_rate(indicator: str | None, words: tuple[str, ...], exceptions: tuple[str, ...]) -> bool:
    """Whether an indicator names a rate, share or coverage (which cannot exceed 100%).

    ``入学率``, ``在园幼儿占比``, ``覆盖率`` are; ``增长率``, ``增幅``, ``完成率`` (which may
    exceed 100%) and ``经费`` are not.  A list of indicators (``通过率和开通支付率``) is a
    rate when its last member is.
    """
    if not indicator:
        return False
    kept = _ANSWERS.get((id(words), id(exceptions)))
    if kept is None or kept[0] is not words or kept[1] is not exceptions:
        if len(_ANSWERS) >= 8:
            _ANSWERS.clear()
        kept = _ANSWERS[(id(words), id(exceptions))] = (words, exceptions, {})
    answers = kept[2]
    answer = answers.get(indicator)
    if answer is None:
        if len(answers) >= _ANSWERS_MAX:
            answers.clear()
        answer = answers[indicator] = _is_rate(indicator, words, exceptions)
    return answer


# ``is_rate``'s answers per indicator, kept per pair of word tuples (by identity, the
# tuples held so an identity is never reused): the checks ask about the same indicators
# again and again, each answer two look-ups per word length.  ``rate_lexicon`` gives
# the same tuples for a lexicon every time, so the answers last across documents.
_ANSWERS: dict[tuple[int, int], tuple] = {}
_ANSWERS_MAX = 20_000


def _is_rate(indicator: str, words: tuple[str, ...], exceptions: tuple[str, ...]) -> bool:
    text = indicator.rstrip("”’\"'）)")
    # The longest matching entry decides: 成功率 (a rate word) beats 功率 (power, an
    # exception), which beats 率.
    return _longest_ending(text, words) > _longest_ending(text, exceptions)


def _longest_ending(text: str, words: tuple[str, ...]) -> int:
    """The length of the longest of ``words`` that ``text`` ends with (0: none, or only
    the empty word): a set look-up per length, longest first."""
    for n, endings in _by_length(words):
        if text[-n:] in endings:
            return n
    return 0


@lru_cache(maxsize=64)
def _by_length(words: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """The non-empty ``words`` grouped by length, longest first."""
    lengths = sorted({len(w) for w in words if w}, reverse=True)
    return tuple((n, frozenset(w for w in words if len(w) == n)) for n in lengths)


def rate_lexicon(lexicon: Any, bounded: bool = True) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(rate words, exceptions) of a lexicon.

    ``bounded`` asks for rates that cannot exceed 100%.  With ``bounded=False`` the
    question is only whether the indicator is a proportion written in %, so the
    exceptions listed again under ``rate_unbounded`` (比率, 使用率 may pass 100%, but
    their changes are still 个百分点) count as rates.
    """
    return built_from(lexicon, ("rate_lexicon", bounded), lambda lex: _rate_lexicon(lex, bounded))


def _rate_lexicon(lexicon: Any, bounded: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = data_view(lexicon, RateData)
    if bounded:
        return tuple(data.rate_words), tuple(data.rate_exceptions)
    unbounded = set(data.rate_unbounded)
    exceptions = tuple(e for e in data.rate_exceptions if e not in unbounded)
    return tuple(dict.fromkeys([*data.rate_words, *data.rate_unbounded])), exceptions
