"""The typo family's words and tables (``data: {typo: …}``), validated once per lexicon.

The family's namespace, ``typo``, is spread over several files of ``rules/typo/``
(``vocabulary.yaml``, ``phrases.yaml``, ``confusables.yaml``, ``traditional.yaml``) that
the loader merges; a kind reads it as ``rule.vocabulary``, and a repository extends any
list from ``.gwlint.yaml``::

    data: {typo: {phrases: [提质扩容增效], misspellings: ["某错词>某正词"]}}

Each item of a word list may hold several words separated by spaces, and the shipped
files write them so, many to a line: every run reads these files, and a few hundred long
lines parse many times faster than thousands of short ones.
"""
from __future__ import annotations

import re
from functools import cached_property

from checker.core.plain_model import BaseModel, ConfigDict, Field, field_validator

from checker.model.lexicon import Lexicon, built_from, validated

class ContextEntry(BaseModel):
    """A misspelling that depends on its neighbours: ``pattern`` (a regular expression that
    may name word classes as ``{verb}``) matches the wrong text; ``wrong`` is the part of
    the match that is reported and replaced by ``right``."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

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

    model_config = ConfigDict(extra="forbid", defer_build=True)

    spun: str = Field(min_length=1)
    original: str = Field(min_length=1)
    collocations: list[str] = Field(default_factory=list)
    allow: list[str] = Field(default_factory=list)

    @field_validator("collocations", "allow")
    @classmethod
    def _split(cls, items: list[str]) -> list[str]:
        return _words(items)


def _words(items: list[str]) -> list[str]:
    return [w for item in items for w in item.split()]


def _pairs(items: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in _words(items):
        wrong, sep, right = item.partition(">")
        if not sep or not wrong or not right or wrong == right:
            raise ValueError(f"{item!r}: write a pair as wrong>right, two different forms")
        out[wrong] = right
    return out


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    misspellings_: list[str] = Field(default_factory=list, alias="misspellings")
    house_style_: list[str] = Field(default_factory=list, alias="house_style")
    glyphs_: list[str] = Field(default_factory=list, alias="glyphs")
    classes: dict[str, list[str]] = Field(default_factory=dict)
    context: dict[str, list[ContextEntry]] = Field(default_factory=dict)
    spinner: list[SpinnerPair] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    not_typos: list[str] = Field(default_factory=list)
    optional_in_names: list[str] = Field(default_factory=list)
    negators: list[str] = Field(default_factory=list)
    homophones: list[str] = Field(default_factory=list)
    shapes: list[str] = Field(default_factory=list)
    traditional: list[str] = Field(default_factory=list)

    @field_validator("misspellings_", "house_style_", "glyphs_")
    @classmethod
    def _valid_pairs(cls, items: list[str]) -> list[str]:
        _pairs(items)
        return items

    @field_validator("phrases", "names", "not_typos", "shapes", "traditional", "homophones", "optional_in_names",
                     "negators")
    @classmethod
    def _split(cls, items: list[str]) -> list[str]:
        return _words(items)

    @cached_property
    def misspellings(self) -> dict[str, str]:
        return _pairs(self.misspellings_)

    @cached_property
    def house_style(self) -> dict[str, str]:
        return _pairs(self.house_style_)

    @cached_property
    def glyphs(self) -> dict[str, str]:
        return _pairs(self.glyphs_)

    @cached_property
    def known(self) -> frozenset[str]:
        """Words and phrases this vocabulary vouches for: never a typo, whatever they
        look like (the official phrases, the statutory names, the jargon list)."""
        return frozenset(self.phrases) | frozenset(self.names) | frozenset(self.not_typos)

    @cached_property
    def traditional_map(self) -> dict[str, str]:
        pairs = self.traditional
        if set(map(len, pairs)) == {2}:
            # every entry a pair: the same dict made in C from the characters in turn
            # (the comprehension made two one-character strings and a step of Python per
            # pair: 5 M instructions for the 3,500 pairs, at each start that reads them)
            text = "".join(pairs)
            return dict(zip(text[0::2], text[1::2]))
        return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}

    @cached_property
    def traditional_keys(self) -> str:
        """The traditional characters of ``traditional_map``'s keys, in the entries' order
        (a repeated key more than once), made without the map: a document without any of
        them (most) needs the character class, never the map (its 7,000 one-character
        strings were ~0.7 ms of every fresh process's first document)."""
        pairs = self.traditional
        if set(map(len, pairs)) == {2}:
            return "".join(pairs)[0::2]
        return "".join(pair[0] for pair in pairs if len(pair) == 2)

    def expand(self, pattern: str) -> str:
        """``pattern`` with each ``{class}`` replaced by an alternation of that class."""
        def word_class(m: re.Match) -> str:
            words = self.classes.get(m.group(1))
            if words is None:
                raise ValueError(f"unknown word class {{{m.group(1)}}} in {pattern!r}")
            return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"

        return re.sub(r"\{([a-z_]+)\}", word_class, pattern)


def vocabulary(lexicon: Lexicon) -> Vocabulary:
    """The validated vocabulary (``rule.vocabulary``), built once per distinct data."""
    return validated(lexicon, Vocabulary, _whole)


def _whole(raw: dict) -> dict:
    return raw
