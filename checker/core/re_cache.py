"""Compiled ``re`` expressions kept between runs of the command line.

A one-file run compiles some two hundred regular expressions with ``re`` (the checks'
own, the tables built from the vocabularies, PyYAML's and rich's): about 0.1 CPU seconds,
nearly all of it in ``re``'s parser and code generator, which are written in Python.  What
they produce for a pattern and its flags — the flags in force, the program of the
matching engine (a list of integers) and the group names — depends on nothing else, so
it is kept in the user's cache folder, and a later run hands it straight to the engine
(``_sre.compile``, the call ``re`` itself ends with) without parsing anything.  The
result is the very pattern object ``re`` would have made (patterns compare equal when
their programs are equal; a test checks).

The file is keyed by the exact Python build and the engine's version numbers, carries a
digest (a damaged file is ignored), and is written only by the command line's process
when it compiled something new.  A pattern that fails to compile is never kept: ``re``
raises as always.  ``install`` is called by the command line only; importing gwlint as a
library changes nothing in ``re``.
"""
from __future__ import annotations

import sys
import threading
from array import array
from re import _compiler, _constants, _parser      # (Python 3.11 on: requires-python)
from re import error as re_error

import _sre

from checker.core.sealed_file import keep_recent, read_sealed, write_sealed

_FORMAT = 3                 # 3: sealed with a CRC-32 (checker.core.sealed_file)
_LIMIT = 5_000             # entries kept in a process; past this, new patterns are not kept
# What the file keeps (checker.core.sealed_file.keep_recent): the expressions used by one of
# the last _RECENT saving runs, newest first, up to _BUDGET bytes of programs.  A one-file
# run uses some 250 expressions, 0.3 MB of programs; the file once kept every expression any
# process had met (the test runner's, tokenize's in a new order per process, other
# checkouts'), 5 MB and 930 entries, and reading it cost a one-file run 30 ms.
_RECENT = 20
_BUDGET = 1_500_000


def _typecode() -> str:
    """The array type whose items are the engine's code words (``_sre.CODESIZE`` bytes)."""
    return {2: "H", 4: "I", 8: "Q"}[_sre.CODESIZE]


_CODE = _typecode()        # read once: ``program`` runs for each of a run's ~250 expressions


class _Store:
    """The file holds, per (pattern, flags), the flags in force, the program as bytes (its
    code words end to end: one object to read, where a list of ints is a million objects
    for marshal to make), the group count, names and numbers, and the generation of the
    last saving run that used it."""

    def __init__(self) -> None:
        self.loaded = False
        self.generation = 0
        self.entries: dict[tuple, tuple] = {}   # the file's
        self.fresh: dict[tuple, tuple] = {}     # compiled by this process (the program as a list)
        self.used: set[tuple] = set()           # keys this process compiled
        self.new = 0
        self.lock = threading.Lock()

    @staticmethod
    def path():
        """``file()`` as a ``Path``."""
        from pathlib import Path    # the run itself reads file(): no pathlib on the one-file path

        return Path(_Store.file())

    @staticmethod
    def file() -> str:
        """The store's file, as text."""
        from checker.core import digests
        from checker.core.paths import cache_path

        build = digests.blake2b(f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}|"
                                f"{_sre.MAXREPEAT}|{_sre.MAXGROUPS}".encode(), digest_size=8).hexdigest()
        return cache_path(f"re-{build}-f{_FORMAT}.marshal")   # formats apart: checkouts on another keep theirs

    def _read(self) -> tuple[int, dict]:
        data = read_sealed(self.file(), _FORMAT)
        if data is None or not isinstance(data.get("entries"), dict) or not isinstance(data.get("generation"), int):
            return 0, {}
        return data["generation"], data["entries"]

    def load(self) -> None:
        with self.lock:
            if not self.loaded:
                self.loaded = True
                self.generation, entries = self._read()
                self.entries.update(entries)

    def program(self, key) -> tuple | None:
        """The arguments of ``_sre.compile`` after the pattern, when the file holds them."""
        fresh = self.fresh.get(key)
        if fresh is not None:
            return fresh
        hit = self.entries.get(key)
        if hit is None:
            return None
        final_flags, blob, groups, groupindex, indexgroup, _generation = hit
        # an array's ``tolist`` makes the ints ~15 % cheaper than a memoryview's (which
        # unpacks each word by its format): ~1 M instructions of a seed's ~80 k words
        return final_flags, array(_CODE, blob).tolist(), groups, groupindex, indexgroup

    def save(self) -> None:
        """Keep this run's expressions (when it compiled something new) with the file's
        recent ones: one-file runs over different documents need different expressions
        (those built from what a document holds, the tables a rule builds only when its
        document has candidates), and a file holding one run's only made the next
        document's run compile again what the one before had kept."""
        if not self.new:
            return
        self.new = 0
        try:
            code = _typecode()
            used = {}
            for key in self.used:
                if key in self.fresh:
                    flags, program, groups, groupindex, indexgroup = self.fresh[key]
                    used[key] = (flags, array(code, program).tobytes(), groups, groupindex, indexgroup)
                elif key in self.entries:
                    used[key] = self.entries[key][:-1]
            generation, stored = self._read()
            entries = keep_recent(stored, used, generation + 1, _RECENT, _BUDGET, lambda value: len(value[1]))
        except Exception:  # noqa: BLE001 - a store that cannot be saved is not kept, never an error at exit
            return
        write_sealed(self.file(), {"format": _FORMAT, "generation": generation + 1, "entries": entries})


_STORE = _Store()
_INSTALLED: list = []


# The Python versions whose ``re._compiler.compile`` this module mirrors step by step (the
# parser's ``state``, ``_code`` and the six arguments of ``_sre.compile``).  On any other
# the store is not installed and ``re`` compiles as it always does.
_MIRRORED = ((3, 11), (3, 12), (3, 13))


def _compile(p, flags=0):
    """``re._compiler.compile``, reading the program from the store when it is there.
    Anything unexpected from these private interfaces hands the call back to ``re``'s own
    compiler: the store may save time, never change a result or raise where ``re`` would not."""
    try:
        return _stored_compile(p, flags)
    except re_error:
        raise
    except Exception:  # noqa: BLE001 - see the docstring
        return _INSTALLED[0](p, flags)


def _stored_compile(p, flags):
    if not isinstance(p, (str, bytes)) or flags & _constants.SRE_FLAG_DEBUG:
        return _INSTALLED[0](p, flags)
    if not _STORE.loaded:
        _STORE.load()
    flags = int(flags)          # re passes a plain int; a RegexFlag could not be stored
    key = (p, flags)
    _STORE.used.add(key)
    hit = _STORE.program(key)
    if hit is not None:
        return _sre.compile(p, *hit)
    # what re._compiler.compile does, keeping the pieces
    parsed = _parser.parse(p, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]   # named opcodes are ints
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
    compiled = _sre.compile(p, *entry)
    _keep(key, entry)
    return compiled


def compile_program(key: tuple, p: str, build):
    """``_sre.compile(p, *entry)`` for a program gwlint builds itself (``build()`` gives
    ``entry``: the final flags, the code, the group count, names and numbers), kept in the
    store under ``key`` like ``re``'s own when the command line installed the store, so a
    later run reads it instead of building it (``checker.core.skipping_re``)."""
    if not _INSTALLED or _compiler.compile is not _compile:
        return _sre.compile(p, *build())
    if not _STORE.loaded:
        _STORE.load()
    _STORE.used.add(key)
    hit = _STORE.program(key)
    if hit is not None:
        return _sre.compile(p, *hit)
    entry = build()
    compiled = _sre.compile(p, *entry)
    _keep(key, entry)
    return compiled


def _keep(key: tuple, entry: tuple) -> None:
    if len(_STORE.fresh) < _LIMIT:
        _STORE.fresh[key] = entry
        if not _STORE.new:
            import atexit

            atexit.register(_STORE.save)
        _STORE.new += 1


def install() -> None:
    """Route ``re``'s compilations through the store (until ``uninstall``)."""
    if _compiler.compile is _compile or sys.version_info[:2] not in _MIRRORED:
        return
    if not _INSTALLED:
        _INSTALLED.append(_compiler.compile)      # re's own, kept for the fallbacks above
    _compiler.compile = _compile


def uninstall() -> None:
    """Give ``re`` its own compiler back: the command line calls this when it returns, so
    that a process calling it as a function (a test runner) does not fill the store with
    what it compiles afterwards.  What was used is still saved at exit."""
    if _compiler.compile is _compile:
        _compiler.compile = _INSTALLED[0]
