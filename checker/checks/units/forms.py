"""Helpers shared by the unit-consistency kinds.

* ``Vocabulary`` is the family's word tables (``rules/units/vocabulary.yaml``), validated
  once per vocabulary with ``words(rule)``.
* ``majority`` picks, from the ways one thing is written in a document, the form most
  uses agree on; the uses of the other forms are what the kinds report.
* ``first_seen`` gives the args of the note on where the document's own form is first
  written (the pack's ``first_seen`` template).
* ``MeasureTable`` reads the nouns a measure word counts, from the model's measure-word
  table (``Document.measure_words``) and the family's phrase boundaries.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable, Iterable

from checker.core.plain_model import BaseModel, ConfigDict, Field

from checker.model.lexicon import built_from, data_view
from checker.model.measure_words import MeasureWords

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any, TypeVar

    K = TypeVar("K", bound=Hashable)


class CompareMagnitudes(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    small: str        # natural below the boundary (53万元)
    large: str        # natural from the boundary on (1.6亿元)


class Vocabulary(BaseModel):
    """The units family's words; each key is described in rules/units/vocabulary.yaml."""

    model_config = ConfigDict(extra="ignore", defer_build=True)

    unit_spellings: list[list[str]] = Field(default_factory=list)
    unit_money_words: list[str] = Field(default_factory=list)
    unit_money_linkers: list[str] = Field(default_factory=list)
    money_unit: str = ""
    rounding_words: list[str] = Field(default_factory=list)
    unit_average_words: list[str] = Field(default_factory=list)
    unit_ratio_words: list[str] = Field(default_factory=list)
    unit_fraction_not_before: list[str] = Field(default_factory=list)
    compared_magnitudes: CompareMagnitudes | None = None
    magnitude_scope_words: dict[str, str] = Field(default_factory=dict)
    measure_word_boundaries: list[str] = Field(default_factory=list)
    noun_first_links: list[str] = Field(default_factory=list)
    noun_first_distributive: list[str] = Field(default_factory=list)
    breakdown_leads: list[str] = Field(default_factory=list)
    noun_first_quotas: list[str] = Field(default_factory=list)
    list_separator: str = ""


def words(rule: Any) -> Vocabulary:
    """The rule's units vocabulary, validated once per vocabulary data."""
    return data_view(rule.vocabulary, Vocabulary)


def built_for(doc: Any, rule: Any, name: str, build: Callable[[Any], Any]) -> Any:
    """``build(vocabulary)`` of what a kind reads from both the model's tables (the
    document's) and the family's words, computed once per pair of data."""
    return built_from(rule.vocabulary, (name, doc.lexicon.fingerprint), build)


def majority(forms: Iterable[K], prefer: Callable[[K], int] | None = None) -> K | None:
    """The form written most often (``forms`` in document order).

    A tie goes to the form ``prefer`` ranks lowest, else to the form written first, so
    the later, deviating spelling is the one reported.
    """
    counts = Counter(forms)
    if not counts:
        return None
    first_seen_at = {form: i for i, form in enumerate(counts)}   # Counter keeps insertion order
    return min(counts, key=lambda f: (-counts[f], prefer(f) if prefer else 0, first_seen_at[f]))


# Names of the args ``first_seen`` gives, for the kinds' MESSAGE_ARGS.
FIRST_SEEN_ARGS = frozenset({"first", "first_line"})


def first_seen(doc: Any, offset: int, form: str) -> dict[str, Any]:
    """Args of the note on where the document's own form is first written: the form and
    its line (the pack's ``first_seen`` template: ``“%”首见于第3行``)."""
    line, _ = doc.position(offset)
    return {"first": form, "first_line": line}


# -- measure words and their nouns (measure-word-fit, measure-word-mix) ----------------------

class MeasureTable:
    """The nouns of the measure-word table (noun -> measure words that fit it), read as
    noun phrases.

    ``nouns_after(text, offset)`` reads the nouns counted by a measure word that ends at
    ``offset``: the longest noun of the table starting right there, then the nouns of the
    table that follow it directly (``学校党支部``, ``学校校长``).  The measure word may
    count any of them (``10所学校校长`` counts schools, ``5名学校领导`` leaders), so a
    count fits when one of them accepts it.  It answers only when the last noun ends the
    noun phrase, i.e. punctuation, the end of the line or a boundary word
    (``measure_word_boundaries``: 和, 参加, 开展 …) follows; ``5名学校管理者`` may count
    a noun the table does not know, so it answers None rather than guess.
    """

    def __init__(self, table: MeasureWords, boundaries: Iterable[str]) -> None:
        self.table = table
        self.fits = table.fits
        self._longest = max((len(n) for n in self.fits), default=0)
        # A noun of the table at an offset begins with the character there and has one of
        # the table's lengths: other characters and lengths need no slice (most offsets
        # asked about, the end of every noun phrase among them, start no noun).
        self._firsts = frozenset(n[0] for n in self.fits if n)
        self._lengths = tuple(sorted({len(n) for n in self.fits if n}, reverse=True))
        self.boundaries = tuple(sorted(boundaries, key=len, reverse=True))

    def _noun_at(self, text: str, offset: int) -> str | None:
        """The longest noun of the table starting at ``offset`` (None: none does)."""
        if offset >= len(text) or text[offset] not in self._firsts:
            return None
        room = len(text) - offset
        fits = self.fits
        for size in self._lengths:
            if size <= room and text[offset:offset + size] in fits:
                return text[offset:offset + size]
        return None

    def nouns_after(self, text: str, offset: int) -> list[tuple[str, int]] | None:
        """The nouns (noun, end offset) of the noun phrase at ``offset``, or None."""
        nouns: list[tuple[str, int]] = []
        end = offset
        while (noun := self._noun_at(text, end)) is not None:
            end += len(noun)
            nouns.append((noun, end))
        if not nouns:
            return None
        if self.ends_phrase(text, end):
            return nouns
        return None

    def ends_phrase(self, text: str, offset: int) -> bool:
        """Whether a noun phrase may end at ``offset``: the end of the text, a blank,
        punctuation or a boundary word follows."""
        return offset >= len(text) or _ends_phrase(text[offset]) or text.startswith(self.boundaries, offset)


def measure_table(doc: Any, rule: Any) -> MeasureTable:
    """The document's measure-word table read with the rule's phrase boundaries."""
    return built_for(doc, rule, MeasureTable,
                     lambda _: MeasureTable(doc.measure_words, words(rule).measure_word_boundaries))


def _ends_phrase(char: str) -> bool:
    if char in "\n \t\u3000":
        return True
    return unicodedata.category(char).startswith("P")
