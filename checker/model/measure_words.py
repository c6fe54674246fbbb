"""The measure-word table (``measure_words`` in ``rules/model/measure_words.yaml``).

One row per measure word: what it counts, the roles the rules read it in and the nouns it
fits.  The table is validated and indexed once per model data; a document hands it out as
``Document.measure_words``, and the units, numbers and enumeration kinds read their views
of it (``fits``, ``with_role`` …) instead of keeping lists of their own.
"""
from __future__ import annotations

from checker.core.lazy_alias import lazy_alias
from checker.core.plain_model import BaseModel, ConfigDict, Field, ValidationError

from checker.model.lexicon import Lexicon, built_from, validated

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any, Literal

    Counts = Literal["people", "things", "events", "time", "money", "length", "area", "mass", "volume", "power"]
    Role = Literal["after-number", "whole", "list-count", "generic", "may-count-action", "not-people-after-noun",
                   "phase-before-noun"]
else:   # the same alias, made only when pydantic validates (checker.core.lazy_alias)
    Counts = lazy_alias("Counts", lambda t: t.Literal["people", "things", "events", "time", "money", "length", "area",
                                                      "mass", "volume", "power"])
    Role = lazy_alias("Role", lambda t: t.Literal["after-number", "whole", "list-count", "generic", "may-count-action",
                                                  "not-people-after-noun", "phase-before-noun"])


class MeasureWord(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    counts: Counts
    roles: list[Role] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)


class MeasureWords:
    """The table, indexed for its readers.

    * ``words``: measure word -> its row;
    * ``fits``: noun -> the measure words that fit it (measure-word-fit, measure-word-mix);
    * ``with_role(role)``: the words having a role, in table order;
    * ``people_nouns``: the nouns a ``counts: people`` word fits;
    * ``unfit_after_noun(word)``: the nouns ``word`` does not fit when the noun comes first.
    """

    def __init__(self, words: dict[str, MeasureWord]) -> None:
        self.words = words
        fits: dict[str, set[str]] = {}
        for word, row in words.items():
            for noun in row.nouns:
                fits.setdefault(noun, set()).add(word)
        self.fits: dict[str, frozenset[str]] = {noun: frozenset(ws) for noun, ws in fits.items()}
        self.people_nouns = frozenset(noun for row in words.values() if row.counts == "people" for noun in row.nouns)
        self._roles: dict[str, tuple[str, ...]] = {}

    def with_role(self, role: Role) -> tuple[str, ...]:
        try:
            return self._roles[role]
        except KeyError:
            found = self._roles[role] = tuple(w for w, row in self.words.items() if role in row.roles)
            return found

    def has_role(self, word: str, role: Role) -> bool:
        row = self.words.get(word)
        return row is not None and role in row.roles

    def unfit_after_noun(self, word: str) -> frozenset[str]:
        return self.people_nouns if self.has_role(word, "not-people-after-noun") else frozenset()


def measure_words(lexicon: Lexicon) -> MeasureWords:
    """The table of a model lexicon, built once per lexicon data.  A malformed row raises
    ValueError naming the table and the word."""
    return built_from(lexicon, MeasureWords, _build)


class _Rows(BaseModel):
    """The validated rows, as one value the stored views keep (``lexicon.validated``)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    words: dict[str, MeasureWord] = Field(default_factory=dict)


def _build(lexicon: Lexicon) -> MeasureWords:
    return MeasureWords(validated(lexicon, _Rows, _table, _rows).words)


def _table(raw: dict) -> Any:
    return raw.get("measure_words") or {}


def _rows(raw: Any) -> _Rows:
    if not isinstance(raw, dict):
        raise ValueError("data 'model.measure_words': a mapping of measure word -> {counts, roles, nouns}")
    words: dict[str, MeasureWord] = {}
    for word, row in raw.items():
        try:
            words[str(word)] = MeasureWord.model_validate(row)
        except ValidationError() as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise ValueError(f"data 'model.measure_words.{word}{'.' + where if where else ''}': "
                             f"{first['msg']}") from None
    return _Rows.model_construct(words=words)
