"""The methods ``dataclasses`` writes, compiled once and kept between runs of the command line.

A ``@dataclass`` writes the source of its ``__init__``, ``__repr__``, ``__eq__`` … as text
and compiles it with ``exec``: a one-file run makes some forty dataclasses (spans,
findings, rules, the document's layers), about two hundred such texts and 0.015-0.02 CPU s
of compiling, the same texts every run.  ``install`` gives the ``dataclasses`` module an
``exec`` that takes the code object compiled from the same text (with the same file name,
``<string>``, that ``exec`` gives a text) from a file in the user's cache folder, and
compiles and keeps what it has not met.  The code is what ``exec`` would compile; only
the compiling is skipped.

The file is keyed by the exact Python build (code objects are the interpreter's own),
carries a digest (a damaged file is ignored) and is written by the command line's process
only when it compiled something new.  ``install`` is called by the command line only:
importing gwlint as a library changes nothing in ``dataclasses``.
"""
from __future__ import annotations

import builtins
import sys
import threading

from checker.core.sealed_file import read_sealed, write_sealed

_FORMAT = 1
_KEEP = 2_000                # texts kept in the file; past this it starts again from this run's


class _Store:
    def __init__(self) -> None:
        self.loaded = False
        self.code: dict[str, object] = {}
        self.used: set[str] = set()
        self.new = 0
        self.lock = threading.Lock()

    @staticmethod
    def path():
        import hashlib

        from checker.core.paths import cache_dir

        build = hashlib.blake2b(f"{sys.version}|{sys.implementation.cache_tag}".encode(), digest_size=8).hexdigest()
        return cache_dir() / f"code-{build}.marshal"

    def _read(self) -> dict:
        data = read_sealed(self.path(), _FORMAT)
        entries = data.get("code") if data is not None else None
        return entries if isinstance(entries, dict) else {}

    def compiled(self, source: str):
        if not self.loaded:
            with self.lock:
                if not self.loaded:
                    self.code.update(self._read())
                    self.loaded = True
        code = self.code.get(source)
        if code is None:
            # as exec compiles a text from ``dataclasses`` (no __future__ flags of this module)
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.code[source] = code
            if not self.new:
                import atexit

                atexit.register(self.save)
            self.new += 1
        self.used.add(source)
        return code

    def save(self) -> None:
        if not self.new:
            return
        self.new = 0
        entries = {source: self.code[source] for source in self.used}
        stored = self._read()
        if len(stored) + len(entries) <= _KEEP:
            entries = {**stored, **entries}
        write_sealed(self.path(), {"format": _FORMAT, "code": entries})


_STORE = _Store()


def _exec(source, globals=None, locals=None, /):      # noqa: A002 - exec's own parameters
    if isinstance(source, str):
        try:
            source = _STORE.compiled(source)
        except SyntaxError:
            pass                  # exec raises it as always
        except Exception:  # noqa: BLE001 - a store that fails is only slower: exec compiles
            pass
    return builtins.exec(source, globals, locals)


def install() -> None:
    """Give ``dataclasses`` the caching ``exec`` (once per process)."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec
