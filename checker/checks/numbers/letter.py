"""``number-letter``: a Latin letter typed (or OCR-read) for a digit: ``组织l次``, ``1O所``,
``2O22年``, ``l0个``.

Two shapes are reported, each with the digit as its fix:

* a run of digits and look-alike letters (``l I O o``) with at least one of each, not
  touching other Latin letters or digits: ``1O``, ``2O22``, ``l0``.  A run that starts
  and ends with a letter (``O2O``) is a word, not a number.
* a lowercase ``l`` alone (``digit_letters_alone``) between Chinese text and a measure
  word (role ``after-number`` in the model's measure-word table) or a magnitude
  (``digit_letter_magnitudes``): ``组织l次``.  Capital ``I`` alone is left out — it is a
  Roman numeral in ``I类``, ``I期``.

The look-alike letters and the digits they stand for are ``digit_letters``.

Real product names (``5G``, ``G20``, ``3D``, ``1+X``, ``2.0``) contain no look-alike
letter inside a digit run and are never reported.  Chemical formulas and codes that do
(``O3``, ``O2``, ``H2O``) pass in two ways: a token of the allow-list
(``number_letter_allow`` in the data) is never read, and an ``O``/``o`` is taken for a
0 (``digit_letters_zero``) only where a digit stands before it and either another digit or a measure word
follows the run (``2O22年``, ``1O所``) — never a leading O (``O3``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.checks.numbers.words import words
from checker.model.span import Span
from checker.core.patterns import literal_scan
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

MESSAGE_ARGS = frozenset({"found", "fixed"})

# A run of digits and letters; which letters may stand for digits is the vocabulary's.
_RUN = compile_skipping(r"(?<![A-Za-z0-9._\-/])[0-9A-Za-z]{2,}(?![A-Za-z0-9])")


@lru_cache(maxsize=16)
def _alone_regex(letters: tuple[str, ...], words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not letters or not words:
        return None
    words_alt = escaped_join(sorted(words, key=len, reverse=True))
    return compile_skipping(rf"(?<=[\u3400-\u9fff])(?:{escaped_join(letters)})(?=(?:{words_alt}))")


@lru_cache(maxsize=16)
def _allow_regex(tokens: tuple[str, ...]) -> re.Pattern[str] | None:
    if not tokens:
        return None
    alt = escaped_join(sorted(set(tokens), key=lambda w: (-len(w), w)))
    return literal_scan(compile_skipping(rf"(?<![A-Za-z0-9])(?:{alt})(?![A-Za-z0-9])"))


def _zero_fits(run: str, after: str, zero_like: list[str], words: tuple[str, ...]) -> bool:
    """An O/o stands for 0 only after a digit, and before a digit or a measure word."""
    for i, c in enumerate(run):
        if c not in zero_like:
            continue
        if i == 0 or not run[i - 1].isdigit():
            return False
        if i == len(run) - 1 or run[i + 1] in zero_like:
            tail = run[i + 1:].lstrip("".join(zero_like))
            if not tail and not after.startswith(words + ("%", "％")):
                return False
    return True


# Findings depend only on the paragraph they are in: the language server re-checks just
# the edited paragraphs with this kind while a full run follows.
LOCAL = True


def check(doc, rule) -> Iterator[Finding]:
    vocabulary = words(rule)
    text = doc.text
    letters = vocabulary.digit_letters
    if not letters:
        return
    after = doc.measure_words.with_role("after-number") + tuple(vocabulary.digit_letter_magnitudes)
    allow = _allow_regex(tuple(vocabulary.number_letter_allow))
    allowed = [m.span() for m in allow.finditer(text)] if allow else []
    found: list[tuple[int, int, str]] = []
    for m in literal_scan(_RUN).finditer(text):
        run = m.group(0)
        if not any(c in letters for c in run) or not any(c.isdigit() for c in run):
            continue
        if run[0] in letters and run[-1] in letters:
            continue
        if not all(c.isdigit() or c in letters for c in run):
            continue
        if any(a <= m.start() and m.end() <= b for a, b in allowed):
            continue
        if not _zero_fits(run, text[m.end():m.end() + 4], vocabulary.digit_letters_zero, after):
            continue
        found.append((m.start(), m.end(), "".join(letters.get(c, c) for c in run)))
    regex = _alone_regex(tuple(vocabulary.digit_letters_alone), after)
    if regex:
        for m in literal_scan(regex).finditer(text):
            found.append((m.start(), m.end(), letters.get(m.group(0), m.group(0))))
    for start, end, fixed in sorted(found):
        yield Finding(Span(start, end), args={"found": text[start:end], "fixed": fixed}, fix=fixed)
