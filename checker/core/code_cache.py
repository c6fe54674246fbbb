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
import marshal
import sys
import threading

from checker.core.sealed_file import keep_recent, read_sealed, write_sealed

_FORMAT = 2
# What the file keeps (checker.core.sealed_file.keep_recent): the texts used by one of the
# last _RECENT saving runs, newest first, up to _BUDGET bytes of code.  A one-file run
# uses some two hundred texts, 0.35 MB.
_RECENT = 20
_BUDGET = 1_500_000


class _Store:
    """The file holds, per source text, the marshalled code object (read only when the
    text is met: a run reads the file's bytes, not every code object in it) and the
    generation of the last saving run that used it."""

    def __init__(self) -> None:
        self.loaded = False
        self.code: dict[str, tuple] = {}         # the file's: source -> (marshalled code, generation)
        self.made: dict[str, object] = {}        # read or compiled by this process
        self.fresh: set[str] = set()             # compiled by this process
        self.new = 0
        self.lock = threading.Lock()

    @staticmethod
    def path():
        import hashlib

        from checker.core.paths import cache_dir

        build = hashlib.blake2b(f"{sys.version}|{sys.implementation.cache_tag}".encode(), digest_size=8).hexdigest()
        return cache_dir() / f"code-{build}.marshal"

    def _read(self) -> tuple[int, dict]:
        data = read_sealed(self.path(), _FORMAT)
        if data is None or not isinstance(data.get("code"), dict) or not isinstance(data.get("generation"), int):
            return 0, {}
        return data["generation"], data["code"]

    def compiled(self, source: str):
        if not self.loaded:
            with self.lock:
                if not self.loaded:
                    self.code.update(self._read()[1])
                    self.loaded = True
        code = self.made.get(source)
        if code is None:
            stored = self.code.get(source)
            if stored is not None:
                code = marshal.loads(stored[0])
            else:
                # as exec compiles a text from ``dataclasses`` (no __future__ flags of this module)
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.fresh.add(source)
                if not self.new:
                    import atexit

                    atexit.register(self.save)
                self.new += 1
            self.made[source] = code
        return code

    def save(self) -> None:
        if not self.new:
            return
        self.new = 0
        try:
            used = {source: (marshal.dumps(code),) if source in self.fresh else self.code[source][:-1]
                    for source, code in self.made.items()}
            generation, stored = self._read()
            entries = keep_recent(stored, used, generation + 1, _RECENT, _BUDGET, lambda value: len(value[0]))
        except Exception:  # noqa: BLE001 - a store that cannot be saved is not kept, never an error at exit
            return
        write_sealed(self.path(), {"format": _FORMAT, "generation": generation + 1, "code": entries})


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
