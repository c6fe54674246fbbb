"""What gwlint reads off an expression's parse, kept between runs.

``patterns.edge_sets`` (the characters every match begins and ends with) and
``patterns._line_probe`` (the newline probe of an expression anchored at line starts)
parse the expression with ``re``'s parser and walk the parse: ~26 M instructions of a
fresh process checking a seed (four expressions' edge sets 17 M, nineteen probes 9 M),
for the same answers every run.  Each answer is a pure function of the expression, its
flags, ``re``'s parser (the interpreter's version) and gwlint's code, so it is kept in a
sealed file (``checker.core.sealed_file``) named by the code stamp and holding the
interpreter's version, read at the first question of a process and extended at exit
with what the process computed.  An answer marshal cannot hold is simply not kept.
"""
from __future__ import annotations

import sys
import threading
from collections.abc import Callable

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1
LIMIT = 2_000                # answers kept in a file (user expressions of other configurations)
KEEP_FILES = 8               # files kept in the cache folder (one per code stamp: checkouts share it)


class _Facts:
    def __init__(self) -> None:
        self.loaded = False
        self.known: dict[tuple, Any] = {}
        self.fresh: dict[tuple, Any] = {}
        self.lock = threading.Lock()

    @staticmethod
    def path():
        """``file()`` as a ``Path``."""
        from pathlib import Path    # the run itself reads file(): no pathlib on the one-file path

        return Path(_Facts.file())

    @staticmethod
    def file() -> str:
        """The store's file, as text."""
        from checker.core.paths import cache_path
        from checker.core.version import code_stamp

        return cache_path(f"patternfacts-{code_stamp()[:20]}.marshal")

    def _read(self) -> dict:
        from checker.core.sealed_file import read_sealed

        data = read_sealed(self.file(), FORMAT)
        if data is None or data.get("python") != sys.version or not isinstance(data.get("facts"), dict):
            return {}
        return data["facts"]

    def answer(self, kind: str, pattern: str, flags: int, compute: Callable[[], Any]) -> Any:
        key = (kind, pattern, flags)
        with self.lock:
            if not self.loaded:
                self.loaded = True
                self.known = self._read()
            try:
                return self.known[key]
            except KeyError:
                pass
        value = compute()
        with self.lock:
            if not self.fresh:
                import atexit

                atexit.register(self.save)
            self.fresh[key] = value
            self.known[key] = value
        return value

    def save(self) -> None:
        import marshal

        from checker.core.sealed_file import write_sealed

        fresh, self.fresh = self.fresh, {}
        kept = dict(self._read())
        if len(kept) + len(fresh) > LIMIT:
            kept = {}
        for key, value in fresh.items():
            try:
                marshal.dumps(value)
            except ValueError:
                continue
            kept[key] = value
        if kept:
            write_sealed(self.file(), {"format": FORMAT, "python": sys.version, "facts": kept},
                         keep_newest=KEEP_FILES)


_FACTS = _Facts()


def answer(kind: str, pattern: str, flags: int, compute: Callable[[], Any]) -> Any:
    """``compute()``, the answer of kind ``kind`` about ``pattern`` with ``flags`` (a plain
    int), as kept by an earlier run when there is one.  ``pattern`` may be any key marshal
    can hold (a tuple of texts: gb-fixed-expression's list, whose wrong forms are kept),
    and the answer must be a pure function of it and the code."""
    return _FACTS.answer(kind, pattern, flags, compute)
