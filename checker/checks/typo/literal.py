"""Kind ``typo-literal``: a misspelling that is never right (布署 → 部署, 台帐 → 台账).

The table (``table``: ``misspellings``, ``house_style`` or ``glyphs`` of the vocabulary) maps each
wrong form to its right one.  A match is not reported when it is part of a longer word
that is right as it stands: a dictionary word or listed phrase that holds the wrong form
where putting the right form in would make no word (found once in jieba's full
dictionary and cached), or a word of the document's segmentation that the match cuts
through (舞台|帐篷 holds 台帐).  A dictionary entry that is only the misspelling with a
one-character word before or after it (座落在, 小部份) guards nothing: it is the
misspelling followed by 在, the right form followed by 在 is as good.
"""
from __future__ import annotations

import json
import os
import re
from functools import cached_property
from collections.abc import Iterator

from checker.core import digests
from checker.core.plain_model import BaseModel, ConfigDict

from checker.checks.finding import Finding
from checker.checks.typo import index_keys
from checker.checks.typo.vocabulary import vocabulary
from checker.checks.typo.word_scan import WordScan
from checker.model.lexicon import built_from
from checker.model.span import Span
from checker.core.paths import cache_folder_names
from checker.model.tokens import full_dictionary_name, word_frequency
from checker.core.skipping_re import compile_skipping
from checker.core.escaped import escaped_join

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Literal

MESSAGE_ARGS = frozenset({"found", "right"})


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    table: Literal["misspellings", "house_style", "glyphs"] = "misspellings"  # which vocabulary table of wrong -> right pairs
    fix: bool = True            # offer the right form as a --fix replacement


def alternation(words) -> re.Pattern[str]:
    """One regular expression matching any of ``words``, longest first."""
    return compile_skipping(escaped_join(sorted(set(words), key=lambda w: (-len(w), w))))


class Table:
    def __init__(self, entries: dict[str, str], known: frozenset[str], scan: WordScan | None = None,
                 memo=None) -> None:
        self.entries = entries
        # finds what regex finds, cheaper (word_scan); given: the one table_scan made
        self.scan = scan if scan is not None else WordScan.of(entries)
        self._known = known
        self._memo = memo         # () -> what the guards' key is remembered under (``guards``)

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        """The alternation of the wrong forms, longest first (None: no entries).  Made when
        asked: ``finditer`` reads it only when no ``WordScan`` stands for it (a form of one
        character), and escaping, sorting and compiling it was ~1 M instructions of each
        table in every fresh process."""
        return alternation(self.entries) if self.entries else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, wrong form)`` of each match of ``regex`` in ``text``, in order."""
        if self.scan is not None:
            return self.scan.finditer(text)
        return ((m.start(), m.end(), m.group()) for m in self.regex.finditer(text))

    @cached_property
    def guards(self) -> dict[str, list[tuple[str, int]]]:
        # found at the first match: most documents hold none, and finding the cached guards
        # (a key over the whole table, a JSON file) was most of a fresh process's cost here.
        # The key hashes the table and the ~2,000 known words (sorted, as JSON: ~1.4 ms); the
        # entries and known words are a pure function of the lexicon's data and the code, so
        # the key is remembered under their names (``index_keys``, as the phrase index's is)
        if not self.entries:
            return {}
        if self._memo is None:
            key = guards_key(self.entries, self._known)
        else:
            key = index_keys.remembered(self._memo(), lambda: guards_key(self.entries, self._known))
        return _cached_guards(key, self.entries, self._known)

    def covered(self, text: str, start: int, wrong: str) -> bool:
        for word, offset in self.guards.get(wrong, ()):
            at = start - offset
            if at >= 0 and text.startswith(word, at):
                return True
        return False


def table_for(rule) -> Table:
    params: Params = rule.params

    def build(lexicon):
        vocab = vocabulary(lexicon)
        def memo() -> str:
            from checker.core.version import code_stamp

            return index_keys.memo(code_stamp(), lexicon.fingerprint, GUARDS_FORMAT,
                                   os.stat(full_dictionary_name()).st_size,
                                   {"typo-guards": params.table}, ())

        return Table(dict(getattr(vocab, params.table)), vocab.known, table_scan(lexicon, params.table), memo)

    return built_from(rule.vocabulary, ("typo-literal", params.table), build)


def table_scan(lexicon, table: str) -> WordScan | None:
    """The ``WordScan`` of a vocabulary table's wrong forms (None: a form of one character,
    or none), made once per lexicon data: typo-literal's table and typo-phrase's
    misspellings (``phrase.misspelling_spans``) share it."""
    return built_from(lexicon, ("typo-literal-scan", table), lambda lex: WordScan.of(getattr(vocabulary(lex), table)))


def table_matches(doc, lexicon, table: str) -> list[tuple[int, int, str]]:
    """``table_scan(lexicon, table).finditer(doc.text)`` as a list, once per document,
    lexicon data and table (``Document.shared``): typo-misspelling's matches and the
    misspelling spans typo-phrase and typo-official-name leave to it
    (``phrase.misspelling_spans``) are the same scan of the same text.  Only for a table
    with a scan."""
    return doc.shared(("typo-literal-matches", lexicon.fingerprint, table),
                      lambda: list(table_scan(lexicon, table).finditer(doc.text)))


def check(doc, rule) -> Iterator[Finding]:
    params: Params = rule.params
    table = table_for(rule)
    if not table.entries:
        return
    text = doc.text
    found = table_matches(doc, rule.vocabulary, params.table) if table.scan is not None else table.finditer(text)
    for start, end, wrong in found:
        if table.covered(text, start, wrong) or _cuts_a_word(doc, start, end):
            continue
        right = table.entries[wrong]
        yield Finding(Span(start, end), args={"found": wrong, "right": right},
                      fix=right if params.fix else None)


def _cuts_a_word(doc, start: int, end: int) -> bool:
    for word, span in doc.tokens_in(start, end):
        straddles = span.start < start < span.end or span.start < end < span.end
        if straddles and len(word) > 1 and word_frequency(word) > 0:
            return True
    return False


# The guards' format: in their key (and so in their file's name) and in the memo it is
# remembered under
GUARDS_FORMAT = 3


def guards_key(entries: dict[str, str], known: frozenset[str]) -> str:
    """The name of the guards of this table and these known words (a hash of both)."""
    dictionary = full_dictionary_name()
    return digests.sha1(json.dumps([GUARDS_FORMAT, os.stat(dictionary).st_size, sorted(entries.items()), sorted(known)],
                                   ensure_ascii=False).encode()).hexdigest()[:16]


def _guards(entries: dict[str, str], known: frozenset[str]) -> dict[str, list[tuple[str, int]]]:
    """wrong form -> (longer word holding it, offset of the wrong form in it)."""
    if not entries:
        return {}
    return _cached_guards(guards_key(entries, known), entries, known)


_GUARDS: dict[str, dict] = {}      # key -> guards, read or found once a process
_GUARDS_KEPT = 8                    # the oldest dropped past this many (as the lru_cache it replaced)


def _cached_guards(key: str, entries: dict[str, str], known: frozenset[str]) -> dict[str, list[tuple[str, int]]]:
    """The guards named ``key``: kept in this process, else read from the cache folder,
    else found now (and kept there)."""
    guards = _GUARDS.get(key)
    if guards is None:
        if len(_GUARDS) >= _GUARDS_KEPT:    # a long-lived process whose vocabulary changes
            _GUARDS.pop(next(iter(_GUARDS)))
        guards = _GUARDS[key] = _read_or_found_guards(key, entries, known)
    return guards


def _read_or_found_guards(key: str, entries: dict[str, str], known: frozenset[str]) -> dict:
    for base in cache_folder_names():
        path = os.path.join(base, f"typo-guards-{key}.json")
        try:
            with open(path, encoding="utf-8") as fh:
                return {k: [tuple(x) for x in v] for k, v in json.load(fh).items()}
        except (OSError, ValueError):
            continue
    guards = _find_guards(dict(sorted(entries.items())), set(known))
    from checker.core.whole_file import write_whole

    blob = json.dumps(guards, ensure_ascii=False).encode("utf-8")
    for base in cache_folder_names():
        # whole or not at all, its temporary file removed when the write fails (a JSON
        # file cut short reads as a miss above)
        if write_whole(os.path.join(base, f"typo-guards-{key}.json"), blob):
            break
    return guards


def _find_guards(entries: dict[str, str], known: set[str]) -> dict[str, list[tuple[str, int]]]:
    """For each wrong form, the known words and dictionary words holding it (with where),
    but for those it does not guard (see the module's description).

    Read in two passes over the dictionary rather than from a set of all its words (~60 MB):
    the first finds the words holding a wrong form (a few thousand), the second which of
    the words their tests ask about (each repaired, each right form, the one-character
    words beside) are words.  ``x in words`` of a set of every word is ``x in present``
    for every ``x`` asked, so the guards are the same."""
    regex = alternation(entries)
    holding: dict[str, list[tuple[int, int, str]]] = {}
    for word in _every_word(known):
        if word not in holding:
            found = [(m.start(), m.end(), m.group()) for m in regex.finditer(word) if len(m.group()) != len(word)]
            if found:
                holding[word] = found
    asked: set[str] = set()
    for word, found in holding.items():
        for start, end, wrong in found:
            asked.update((word[:start] + entries[wrong] + word[end:], entries[wrong], word[:start], word[end:]))
    present = {word for word in _every_word(known) if word in asked}
    out: dict[str, list[tuple[str, int]]] = {}
    for word, found in holding.items():
        for start, end, wrong in found:
            repaired = word[:start] + entries[wrong] + word[end:]
            if repaired in present:
                continue          # the word is itself a misspelt compound (台帐管理)
            before, after = word[:start], word[end:]
            if entries[wrong] in present and (
                    (not before and len(after) == 1 and after in present)
                    or (not after and len(before) == 1 and before in present)):
                continue          # the misspelling and a word of one character (座落|在, 小|部份)
            out.setdefault(wrong, []).append((word, start))
    return {k: sorted(v) for k, v in sorted(out.items())}


def _every_word(known) -> Iterator[str]:
    """The known words, then the first word of every line of jieba's full dictionary (a
    word may come more than once)."""
    yield from known
    with open(full_dictionary_name(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(None, 1)        # the first word as line.split() gives it
            if parts:
                yield parts[0]
