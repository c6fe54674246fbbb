"""Helpers shared by the unit-consistency kinds (``unit_*.py``).

* ``majority`` picks, from the ways one thing is written in a document, the form most
  uses agree on; the uses of the other forms are what the kinds report.
* ``data_for`` builds what a kind reads from the lexicon (tables, compiled patterns)
  once per lexicon (its fingerprint is the cache key), so a check never re-reads data
  nor re-compiles a pattern per document; a malformed table raises ValueError naming
  its key.
* ``MeasureTable`` reads the nouns a measure word counts.
"""
from __future__ import annotations

import threading
import unicodedata
from collections import Counter
from typing import Any, Callable, Hashable, Iterable, TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")

_CACHE: dict[tuple[str, str], Any] = {}
_LOCK = threading.Lock()


def data_for(lexicon: Any, name: str, build: Callable[[Any], T]) -> T:
    """``build(lexicon)`` computed once per (lexicon fingerprint, name)."""
    key = (getattr(lexicon, "fingerprint", ""), name)
    found = _CACHE.get(key)
    if found is None:
        with _LOCK:
            found = _CACHE.get(key)
            if found is None:
                found = build(lexicon)
                _CACHE[key] = found
    return found


def majority(forms: Iterable[K], prefer: Callable[[K], int] | None = None) -> K | None:
    """The form written most often (``forms`` in document order).

    A tie goes to the form ``prefer`` ranks lowest, else to the form written first, so
    the later, deviating spelling is the one reported.
    """
    counts = Counter(forms)
    if not counts:
        return None
    first_seen = {form: i for i, form in enumerate(counts)}   # Counter keeps insertion order
    return min(counts, key=lambda f: (-counts[f], prefer(f) if prefer else 0, first_seen[f]))


def line_note(doc: Any, offset: int, form: str) -> str:
    """The ``related`` note on where the document's own form is first written:
    ``“%”首见于第3行``."""
    line, _ = doc.position(offset)
    return f"“{form}”首见于第{line}行"


# -- measure words and their nouns (measure-word-fit, measure-word-mix) ----------------------

class MeasureTable:
    """``measure_words`` of the lexicon (noun -> measure words that fit it), read once.

    ``nouns_after(text, offset)`` reads the nouns counted by a measure word that ends at
    ``offset``: the longest noun of the table starting right there, then the nouns of the
    table that follow it directly (``学校党支部``, ``学校校长``).  The measure word may
    count any of them (``10所学校校长`` counts schools, ``5名学校领导`` leaders), so a
    count fits when one of them accepts it.  It answers only when the last noun ends the
    noun phrase, i.e. punctuation, the end of the line or a boundary word
    (``measure_word_boundaries``: 和, 参加, 开展 …) follows; ``5名学校管理者`` may count
    a noun the table does not know, so it answers None rather than guess.
    """

    def __init__(self, lexicon: Any, table_key: str = "measure_words",
                 boundaries_key: str = "measure_word_boundaries") -> None:
        raw = lexicon.get(table_key) or {}
        if not isinstance(raw, dict):
            raise ValueError(f"data '{table_key}': a mapping of noun -> list of measure words")
        self.fits: dict[str, frozenset[str]] = {}
        for noun, words in raw.items():
            if isinstance(words, str):
                words = [words]
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise ValueError(f"data '{table_key}': {noun!r}: a list of measure words")
            self.fits[str(noun)] = frozenset(words)
        self._longest = max((len(n) for n in self.fits), default=0)
        self.boundaries = tuple(sorted(lexicon.get(boundaries_key) or (), key=len, reverse=True))

    def _noun_at(self, text: str, offset: int) -> str | None:
        for size in range(min(self._longest, len(text) - offset), 0, -1):
            piece = text[offset:offset + size]
            if piece in self.fits:
                return piece
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
        if end >= len(text) or _ends_phrase(text[end]) or text.startswith(self.boundaries, end):
            return nouns
        return None


def _ends_phrase(char: str) -> bool:
    if char in "\n \t\u3000":
        return True
    return unicodedata.category(char).startswith("P")
