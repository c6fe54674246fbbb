"""The methods ``dataclasses`` writes, compiled once and kept between runs of the command line.

A ``@dataclass`` writes the source of its ``__init__``, ``__repr__``, ``__eq__`` … as text
and compiles it with ``exec``: a one-file run makes some forty dataclasses (spans,
findings, rules, the document's layers), about two hundred such texts and 0.015-0.02 CPU s
of compiling, the same texts every run.  ``install`` gives the ``dataclasses`` module an
``exec`` that takes the code object compiled from the same text (with the same file name,
``<string>``, that ``exec`` gives a text) from a file in the user's cache folder, and
compiles and keeps what it has not met.  The code is what ``exec`` would compile; only
the compiling is skipped.

A dataclass without a docstring gets one from ``inspect.signature`` (its ``__init__``'s
parameters as text), and ``dataclasses`` imports ``inspect`` for that alone: with ``ast``,
``dis`` and ``tokenize``, 7 ms of a one-file run that never uses them otherwise.  So
``install`` imports ``dataclasses`` with a stand-in for ``inspect`` whose ``signature``
gives the text kept from an earlier run for the same parameters (names, kinds, the
``repr`` of each default and each annotation: everything the text is made of), and
imports the real ``inspect`` only for what it has not met (and keeps the text).

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

_FORMAT = 3                 # 3: sealed with a CRC-32 (checker.core.sealed_file)
# What the file keeps (checker.core.sealed_file.keep_recent): the texts used by one of the
# last _RECENT saving runs, newest first, up to _BUDGET bytes of code.  A one-file run
# uses some two hundred texts, 0.35 MB.
_RECENT = 20
_BUDGET = 1_500_000


_SIGNATURE = "#signature "   # the keys of signature texts (a method's source starts with "def")


class _Store:
    """The file holds, per source text, the marshalled code object (read only when the
    text is met: a run reads the file's bytes, not every code object in it), per
    signature key its text, and the generation of the last saving run that used each."""

    def __init__(self) -> None:
        self.loaded = False
        self.code: dict[str, tuple] = {}         # the file's: source -> (marshalled code, generation)
        self.made: dict[str, object] = {}        # read or compiled by this process
        self.fresh: set[str] = set()             # compiled by this process
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

        build = digests.blake2b(f"{sys.version}|{sys.implementation.cache_tag}".encode(), digest_size=8).hexdigest()
        return cache_path(f"code-{build}-f{_FORMAT}.marshal")   # formats apart: checkouts on another keep theirs

    def _read(self) -> tuple[int, dict]:
        data = read_sealed(self.file(), _FORMAT)
        if data is None or not isinstance(data.get("code"), dict) or not isinstance(data.get("generation"), int):
            return 0, {}
        return data["generation"], data["code"]

    def compiled(self, source: str):
        # as exec compiles a text from ``dataclasses`` (no __future__ flags of this module)
        return self.kept(source, lambda: compile(source, "<string>", "exec", dont_inherit=True))

    def text(self, key: str, make):
        """The signature text kept under ``key`` (a ``_SIGNATURE`` key), or ``make()``'s."""
        return self.kept(key, make)

    def kept(self, key: str, make):
        """What the file keeps under ``key`` (marshal data), else ``make()``, kept at exit."""
        if not self.loaded:
            with self.lock:
                if not self.loaded:
                    self.code.update(self._read()[1])
                    self.loaded = True
        value = self.made.get(key)
        if value is None:
            stored = self.code.get(key)
            if stored is not None:
                value = marshal.loads(stored[0])
            else:
                value = make()
                self.fresh.add(key)
                if not self.new:
                    import atexit

                    atexit.register(self.save)
                self.new += 1
            self.made[key] = value
        return value

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
        write_sealed(self.file(), {"format": _FORMAT, "generation": generation + 1, "code": entries})


_STORE = _Store()


# Whether the command line is running (``install`` .. ``uninstall``): outside a run the
# stand-ins pass everything through, so what a caller makes afterwards (a test runner's
# dataclasses) is not compiled into the store, as ``re_cache.uninstall`` does for ``re``.
_ACTIVE = [False]


def _exec(source, globals=None, locals=None, /):      # noqa: A002 - exec's own parameters
    if isinstance(source, str):
        code = None
        if _ACTIVE[0]:
            try:
                code = _STORE.compiled(source)
            except SyntaxError:
                pass              # compiled below, where it raises as exec raises it
            except Exception:  # noqa: BLE001 - a store that fails is only slower: compiled below
                pass
        if code is None:
            # compiled here, not by exec: a text exec'd from this module would be compiled
            # with its ``from __future__ import annotations`` (dataclasses' __init__ given
            # string annotations, its docstring "(a: '_type_a' = 1) -> '_return_type'")
            code = compile(source, "<string>", "exec", dont_inherit=True)
        source = code
    return builtins.exec(source, globals, locals)


def exec_kept(source: str, scope: dict) -> None:
    """``exec(source, scope)`` for a text of gwlint's own made the same way every run
    (``checker.model.quantity``'s maker): while the command line runs, its code object
    comes from the store as a dataclass method's does; else it is compiled here."""
    _exec(source, scope)


def _annotation(value):
    """What ``inspect.formatannotation`` makes the text of an annotation from, for the
    kinds it is sure of (a string, None, a plain class outside ``typing``); else None."""
    if isinstance(value, str) or value is None:
        return repr(value)
    if type(value) is type and value.__module__ != "typing":
        return f"{value.__module__}:{value.__qualname__}"
    return None


def _signature_key(cls) -> str | None:
    """Everything the text of ``inspect.signature(cls)`` depends on, for a class whose
    signature is that of its own ``__init__`` (a dataclass's, written by ``dataclasses``):
    the parameters' names and kinds, the ``repr`` of each default and each annotation.
    None for any other class (a metaclass, a ``__new__``, ``__signature__`` …)."""
    init = cls.__dict__.get("__init__")
    if (type(cls) is not type or type(init) is not type(_signature_key) or "__new__" in cls.__dict__
            or any(hasattr(x, name) for x in (cls, init) for name in ("__signature__", "__wrapped__"))
            or hasattr(cls, "_partialmethod")):
        return None
    code = init.__code__
    annotations = []
    for name, value in init.__annotations__.items():
        text = _annotation(value)
        if text is None:
            return None
        annotations.append((name, text))
    count = code.co_argcount + code.co_kwonlyargcount + bool(code.co_flags & 0x04) + bool(code.co_flags & 0x08)
    kwdefaults = init.__kwdefaults__ or {}
    return _SIGNATURE + repr((code.co_varnames[:count], code.co_argcount, code.co_posonlyargcount,
                              code.co_kwonlyargcount, code.co_flags & 0x0C,
                              [repr(d) for d in init.__defaults__ or ()],
                              sorted((k, repr(v)) for k, v in kwdefaults.items()), annotations))


def _real_inspect():
    import importlib

    return importlib.import_module("inspect")


class _Signature(str):
    """A signature's text: all ``dataclasses`` does with a signature is ``str()`` it."""

    def __str__(self) -> str:
        return str.__str__(self)


def _signature(cls):
    """``inspect.signature(cls)`` as ``dataclasses`` uses it (its text)."""
    key = _signature_key(cls) if _ACTIVE[0] else None
    if key is None:
        return _real_inspect().signature(cls)
    try:
        return _Signature(_STORE.text(key, lambda: str(_real_inspect().signature(cls))))
    except (TypeError, ValueError):
        raise
    except Exception:  # noqa: BLE001 - a store that fails is only slower
        return _real_inspect().signature(cls)


class _InspectStandIn(type(sys)):
    """What ``dataclasses`` sees as ``inspect``: ``signature`` answered from the store, any
    other name from the real module (imported then)."""

    signature = staticmethod(_signature)

    def __getattr__(self, name):
        return getattr(_real_inspect(), name)


def install() -> None:
    """Give ``dataclasses`` the caching ``exec`` (once per process), and when it is first
    imported here, the stand-in for ``inspect``."""
    if "dataclasses" not in sys.modules and "inspect" not in sys.modules:
        stand_in = _InspectStandIn("inspect")
        sys.modules["inspect"] = stand_in
        try:
            import dataclasses  # noqa: F401 - binds the stand-in as its ``inspect``
        finally:
            if sys.modules.get("inspect") is stand_in:
                del sys.modules["inspect"]
    import dataclasses

    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec
    _ACTIVE[0] = True


def uninstall() -> None:
    """Stop keeping what ``dataclasses`` compiles (the command line calls this when it
    returns); ``dataclasses`` keeps the stand-ins, which then pass everything through."""
    _ACTIVE[0] = False
