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

import hashlib
import sys
import threading
from re import error as re_error

from checker.core.sealed_file import read_sealed, write_sealed

_FORMAT = 1
_LIMIT = 5_000             # entries kept in a process; past this, new patterns are not kept
_KEEP = 3_000              # entries kept in the file (see _Store.save)


class _Store:
    def __init__(self) -> None:
        self.loaded = False
        self.entries: dict[tuple, tuple] = {}
        self.used: set[tuple] = set()       # keys this process compiled
        self.new = 0
        self.lock = threading.Lock()

    @staticmethod
    def path():
        import _sre

        from checker.core.paths import cache_dir

        build = hashlib.blake2b(f"{sys.version}|{sys.implementation.cache_tag}|{_sre.MAGIC}|{_sre.CODESIZE}|"
                                f"{_sre.MAXREPEAT}|{_sre.MAXGROUPS}".encode(), digest_size=8).hexdigest()
        return cache_dir() / f"re-{build}.marshal"

    def _read(self) -> dict | None:
        data = read_sealed(self.path(), _FORMAT)
        return data["entries"] if data is not None and isinstance(data.get("entries"), dict) else None

    def load(self) -> None:
        with self.lock:
            if not self.loaded:
                self.loaded = True
                self.entries.update(self._read() or {})

    def save(self) -> None:
        """Keep what this process compiled (when it compiled something new), with what the
        file holds: one-file runs over different documents need different expressions
        (those built from what a document holds, the tables a rule builds only when its
        document has candidates), and a file holding one run's only made the next
        document's run compile again what the one before had kept.  Past ``_KEEP``
        entries (expressions whose text varies from run to run pile up) the file is
        started again from this run's."""
        if not self.new:
            return
        self.new = 0
        entries = {key: self.entries[key] for key in self.used if key in self.entries}
        stored = self._read() or {}
        if len(stored) + len(entries) <= _KEEP:
            entries = {**stored, **entries}
        write_sealed(self.path(), {"format": _FORMAT, "entries": entries})


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
    import _sre
    from re import _compiler, _constants, _parser

    if not isinstance(p, (str, bytes)) or flags & _constants.SRE_FLAG_DEBUG:
        return _INSTALLED[0](p, flags)
    if not _STORE.loaded:
        _STORE.load()
    flags = int(flags)          # re passes a plain int; a RegexFlag could not be stored
    key = (p, flags)
    hit = _STORE.entries.get(key)
    _STORE.used.add(key)
    if hit is not None:
        final_flags, code, groups, groupindex, indexgroup = hit
        return _sre.compile(p, final_flags, code, groups, groupindex, indexgroup)
    # what re._compiler.compile does, keeping the pieces
    parsed = _parser.parse(p, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]   # named opcodes are ints
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
    compiled = _sre.compile(p, *entry)
    if len(_STORE.entries) < _LIMIT:
        _STORE.entries[key] = entry
        if not _STORE.new:
            import atexit

            atexit.register(_STORE.save)
        _STORE.new += 1
    return compiled


def install() -> None:
    """Route ``re``'s compilations through the store (once per process)."""
    from re import _compiler

    if _INSTALLED or sys.version_info[:2] not in _MIRRORED:
        return
    _INSTALLED.append(_compiler.compile)
    _compiler.compile = _compile
