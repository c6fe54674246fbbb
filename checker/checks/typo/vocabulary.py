"""The typo family's words and tables (``data: {typo: …}``), validated once per lexicon.

Everything lives under one key, ``typo``, spread over several files of ``rules/typo/``
(``vocabulary.yaml``, ``phrases.yaml``, ``confusables.yaml``, ``traditional.yaml``) that
the loader merges; a repository extends any list from ``.gwlint.yaml``::

    data: {typo: {phrases: [提质扩容增效], misspellings: {某错词: 某正词}}}
"""
from __future__ import annotations

import re
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.model.lexicon import Lexicon, built_from

KEY = "typo"


class ContextEntry(BaseModel):
    """A misspelling that depends on its neighbours: ``pattern`` (a regular expression that
    may name word classes as ``{verb}``) matches the wrong text; ``wrong`` is the part of
    the match that is reported and replaced by ``right``."""

    model_config = ConfigDict(extra="forbid")

    pattern: str = Field(min_length=1)
    wrong: str = Field(min_length=1)
    right: str = Field(min_length=1)
    note: str = ""


class SpinnerPair(BaseModel):
    """A word a synonym spinner puts in place of ``original`` (效劳 for 服务).  It is
    reported where putting ``original`` back makes a known word or phrase with the
    neighbouring characters (效劳体系 → 服务体系) and the spun form is no word itself;
    ``collocations`` adds compounds to look for beyond the dictionary, ``allow`` lists
    spun compounds that are right (研究 spun as 讨论: 讨论稿 is a word of its own)."""

    model_config = ConfigDict(extra="forbid")

    spun: str = Field(min_length=1)
    original: str = Field(min_length=1)
    collocations: list[str] = Field(default_factory=list)
    allow: list[str] = Field(default_factory=list)


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    misspellings: dict[str, str] = Field(default_factory=dict)
    house_style: dict[str, str] = Field(default_factory=dict)
    classes: dict[str, list[str]] = Field(default_factory=dict)
    context: dict[str, list[ContextEntry]] = Field(default_factory=dict)
    spinner: list[SpinnerPair] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    not_typos: list[str] = Field(default_factory=list)
    homophones: list[str] = Field(default_factory=list)
    shapes: list[str] = Field(default_factory=list)
    traditional: list[str] = Field(default_factory=list)

    @field_validator("misspellings", "house_style")
    @classmethod
    def _distinct(cls, table: dict[str, str]) -> dict[str, str]:
        for wrong, right in table.items():
            if not wrong or not right or wrong == right:
                raise ValueError(f"{wrong!r} -> {right!r}: both forms are needed and must differ")
        return table

    @cached_property
    def known(self) -> frozenset[str]:
        """Words and phrases this vocabulary vouches for: never a typo, whatever they
        look like (the official phrases, the statutory names, the jargon list)."""
        return frozenset(self.phrases) | frozenset(self.names) | frozenset(self.not_typos)

    @cached_property
    def traditional_map(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for line in self.traditional:
            for pair in line.split():
                if len(pair) == 2:
                    out[pair[0]] = pair[1]
        return out

    def expand(self, pattern: str) -> str:
        """``pattern`` with each ``{class}`` replaced by an alternation of that class."""
        def word_class(m: re.Match) -> str:
            words = self.classes.get(m.group(1))
            if words is None:
                raise ValueError(f"unknown word class {{{m.group(1)}}} in {pattern!r}")
            return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"

        return re.sub(r"\{([a-z_]+)\}", word_class, pattern)


def vocabulary(lexicon: Lexicon) -> Vocabulary:
    """The validated ``typo`` vocabulary of a lexicon, built once per lexicon."""
    return built_from(lexicon, ("typo-vocabulary",), lambda lex: Vocabulary.model_validate(lex.get(KEY) or {}))
