"""Regular expressions that users supply, run with a time budget.

Rule parameters (the ``pattern`` kind), the data tables and ``.gwlint.yaml`` ``data:``
hold regular expressions written by users.  One of them can backtrack catastrophically
(``(a+)+$`` on a long run of ``a``) and, run with ``re``, hang the whole run.  Here they
are compiled with the ``regex`` module, whose matching functions take a ``timeout``;
``UserPattern`` passes the time left in the budget of the rule being checked (set by the
engine with ``regex_budget``; the time spent matching is taken from it), so a runaway
expression raises ``TimeoutError`` and the engine reports that rule once for that file
(``rule-timeout``) and goes on.

``RegexList`` is the pydantic type of a list of such expressions: a pattern that does not
compile is an error at load time naming its field, not a crash in the middle of a run.
"""
from __future__ import annotations

import signal
import threading
import time
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Annotated, Iterator

from checker.core.plain_model import AfterValidator

# The ``regex`` module (an import of 10-25 ms, most of it its parser in Python) is imported
# when an expression is compiled, not before: a document holding none of an expression's
# required literals never needs it.  Its flags used here have ``re``'s values.
_FLAGS_KEPT = re.MULTILINE | re.DOTALL | re.UNICODE

class _Budget:
    """The time the current rule's user expressions may still take on this document."""

    __slots__ = ("left",)

    def __init__(self, seconds: float) -> None:
        self.left = seconds


_BUDGET: ContextVar[_Budget | None] = ContextVar("gwlint_regex_budget", default=None)


class RegexBudgetExceeded(TimeoutError):
    """A user-supplied regular expression ran out of the rule's time budget."""


@contextmanager
def regex_budget(seconds: float | None) -> Iterator[None]:
    """Give the user expressions run inside this block ``seconds`` in all (``None`` or 0:
    no limit): CPU seconds in the main thread, wall seconds elsewhere (see ``_run``).
    Only the time spent matching counts, not the rest of the rule's work."""
    token = _BUDGET.set(_Budget(seconds) if seconds else None)
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _run(method, *args):
    """``method(*args)`` within the time left, which it then uses up.

    In the main thread the budget is CPU time, enforced by a CPU-time timer signal (both
    ``re`` and ``regex`` look at signals while matching), so a loaded machine does not
    make a normal expression look slow.  In other threads, where signals cannot be used,
    it is wall time, enforced by the ``regex`` module's own ``timeout``.
    """
    budget = _BUDGET.get()
    if budget is None:
        return method(*args)
    if budget.left <= 0:
        raise RegexBudgetExceeded("the time budget for regular expressions is spent")
    if _cpu_timer_usable():
        start = time.process_time()
        _TIMER.armed = True
        signal.setitimer(signal.ITIMER_VIRTUAL, max(budget.left, 0.001))
        try:
            return method(*args)
        finally:
            _TIMER.armed = False
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            budget.left -= time.process_time() - start
    start = time.monotonic()
    try:
        return method(*args, timeout=budget.left)
    except TimeoutError:
        budget.left = 0
        raise RegexBudgetExceeded("a regular expression ran out of its time budget") from None
    finally:
        budget.left -= time.monotonic() - start


class _Timer:
    armed = False
    installed = False


_TIMER = _Timer()


def _expired(signum, frame) -> None:
    if _TIMER.armed:
        _TIMER.armed = False
        raise RegexBudgetExceeded("a regular expression ran out of its time budget")


def _cpu_timer_usable() -> bool:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "ITIMER_VIRTUAL"):
        return False
    if not _TIMER.installed:
        try:
            signal.signal(signal.SIGVTALRM, _expired)
        except (ValueError, OSError):
            return False
        _TIMER.installed = True
    return True


# -- required literals ------------------------------------------------------------------
# Most user expressions need some fixed text to match (a set phrase, 微信扫一扫, 关注公众号).
# When none of the texts an expression needs is in the string, it cannot match there, and
# the expression is not run at all (nor timed): the literal test is a plain substring
# search, much cheaper than a regex call with its time budget.  The texts are read from the
# expression's parse (re's parser, which `regex` agrees with on the syntax both accept);
# anything it cannot vouch for gives no literals, and the expression always runs.

_NO_LITERALS: tuple[str, ...] = ()


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Texts one of which every match of ``pattern`` contains; ``()`` when it cannot tell
    (flags, syntax that only ``regex`` knows, or an expression needing no fixed text)."""
    import warnings
    from re import _constants as c, _parser

    # multi-line and dot-all change where a match may be, not what it holds
    if flags & ~_FLAGS_KEPT:
        return _NO_LITERALS

    # ``regex``'s property classes (\p{Han}, \P{L}) are one character of some class each,
    # never a literal: read as \d and \D they leave the required texts unchanged
    if "\\p{" in pattern or "\\P{" in pattern:
        pattern = _plain_properties(pattern)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(pattern, flags & (c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL))
    except Exception:       # regex-only syntax (\p{Han}, named lists, fuzzy ...): no filter
        return _NO_LITERALS
    if parsed.state.flags & ~(c.SRE_FLAG_UNICODE | c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL):
        return _NO_LITERALS
    # Characters re reads as literals where regex may read syntax: {e<=1} (fuzzy
    # matching) and the ] of a POSIX class ([[:alpha:]]).  A ] is that only after a
    # POSIX class's [: ; elsewhere (an escaped \], 【\d+\]) both read the same mark.
    unsafe = {ord("{"), ord("}")}
    if _ambiguous_bracket(pattern):
        unsafe.add(ord("]"))

    def walk(items) -> bool:
        for op, av in items:
            if op is c.LITERAL and av in unsafe:
                return False
            if op is c.IN and any(o is c.LITERAL and a in unsafe for o, a in av):
                return False
            if op is c.BRANCH and not all(walk(b) for b in av[1]):
                return False
            if op is c.SUBPATTERN and not walk(av[3]):
                return False
            if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and not walk(av[2]):
                return False
            if op in (c.ATOMIC_GROUP,) and not walk(av):
                return False
            if op in (c.ASSERT, c.ASSERT_NOT) and not walk(av[1]):
                return False
            if op is c.GROUPREF_EXISTS and not (walk(av[1]) and (av[2] is None or walk(av[2]))):
                return False
        return True

    if not walk(parsed):
        return _NO_LITERALS
    found = _required(parsed, c)
    return tuple(found) if found else _NO_LITERALS


def _plain_properties(pattern: str) -> str:
    r"""``pattern`` with each property class \p{…} read as \d and \P{…} as \D (an escaped
    backslash before a p is left alone)."""
    out, i, n = [], 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt in "pP" and pattern.startswith("{", i + 2):
                close = pattern.find("}", i + 3)
                if close > 0:
                    out.append("\\d" if nxt == "p" else "\\D")
                    i = close + 1
                    continue
            out.append(pattern[i:i + 2])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _ambiguous_bracket(pattern: str) -> bool:
    r"""Whether a ] of ``pattern`` may be syntax to ``regex`` that ``re`` reads as a mark: a
    set opened by ] or ^] ([]a], which one reads as holding ], the other perhaps not)
    or a POSIX class inside a set ([[:alpha:]]).  An escaped \] is a mark to both."""
    i, n, in_set = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_set:
            if ch == "[" and pattern.startswith(":", i + 1):
                return True
            if ch == "]":
                in_set = False
        elif ch == "[":
            in_set = True
            j = i + 1
            if pattern.startswith("^", j):
                j += 1
            if pattern.startswith("]", j) or pattern.startswith(":", j):
                return True
            i = j
            continue
        i += 1
    return False


def _required(items, c) -> list[str] | None:
    """Texts one of which every match of the sequence ``items`` contains (the most
    selective choice among its parts), or None."""
    best: list[str] | None = None

    def better(option: list[str] | None) -> None:
        nonlocal best
        if option and all(option) and (best is None or (min(map(len, option)), -len(option))
                                       > (min(map(len, best)), -len(best))):
            best = option

    run: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            better(["".join(run)])
            run = []
        if op is c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                better(_required(sub, c))
        elif op is c.ATOMIC_GROUP:
            better(_required(av, c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, sub = av
            if low >= 1:
                better(_required(sub, c))
        elif op is c.BRANCH:
            options: list[str] = []
            for branch in av[1]:
                one = _required(branch, c)
                if not one:
                    options = []
                    break
                options += one
            if options:
                better(sorted(set(options), key=options.index))
    if run:
        better(["".join(run)])
    return best


# -- what earlier runs learned ------------------------------------------------------------
# Compiling an expression with ``regex`` costs about a millisecond, and a run meets some
# three hundred (the shipped packs and tables), of which a document needs a few dozen: the
# rest are ruled out by their required literals.  Each expression is compiled once to
# validate it; that it compiles (with this ``regex`` and Python) and its required literals
# are then kept in the user's cache folder, so later runs compile an expression only when
# a string holds one of its literals (or it has none).  An expression not known to compile
# is compiled when it is made, as always, so a bad one fails where it did.  What the
# compiler made of it is kept too, as ``regex`` pickles a compiled expression (the
# arguments of its engine's constructor): compiling it again is then that one call, with
# none of ``regex``'s parsing, which is written in Python.

_KNOWN_FORMAT = 3          # 3: a ] outside a POSIX class is a literal (more expressions filtered)
_KNOWN_LIMIT = 20_000          # entries kept; past this (user expressions churning) start afresh


class _Known:
    __slots__ = ("loaded", "ok", "literals", "programs", "dirty", "lock")

    def __init__(self) -> None:
        self.loaded = False
        self.ok: set[tuple[str, int]] = set()
        self.literals: dict[tuple[str, int], tuple[str, ...]] = {}
        # what regex's compiler made of an expression: the arguments of the engine's own
        # constructor, as a compiled expression is pickled (``Pattern._pickled_data``)
        self.programs: dict[tuple[str, int], tuple] = {}
        self.dirty = False
        self.lock = threading.Lock()

    @staticmethod
    def path():
        import sys

        from checker.core.paths import cache_dir

        version = _regex_build()
        return cache_dir() / (f"patterns-{version}-f{_KNOWN_FORMAT}"
                              f"-py{sys.version_info[0]}{sys.version_info[1]}.marshal")

    @staticmethod
    def _read(path) -> dict | None:
        from checker.core.sealed_file import read_sealed

        return read_sealed(path, _KNOWN_FORMAT)

    def load(self) -> None:
        with self.lock:
            if self.loaded:
                return
            self.loaded = True
            data = self._read(self.path())
            if data is not None:
                try:
                    self.ok |= {(p, f) for p, f in data["ok"]}
                    self.literals.update({(p, f): tuple(lits) for (p, f), lits in data["literals"].items()})
                    self.programs.update(data["programs"])
                except (KeyError, TypeError, ValueError):
                    self.ok, self.literals, self.programs = set(), {}, {}

    def compiles(self, key: tuple[str, int]) -> bool:
        if not self.loaded:
            self.load()
        return key in self.ok

    def add_ok(self, key: tuple[str, int]) -> None:
        if key not in self.ok:
            self.ok.add(key)
            self._changed()

    def compile(self, key: tuple[str, int]):
        """``regex.compile(*key)``, from the stored program when there is one."""
        if not self.loaded:
            self.load()
        program = self.programs.get(key)
        if program is not None:
            try:
                return _engine_compile(*program)
            except Exception:  # noqa: BLE001 - a program this regex cannot take: compile afresh
                del self.programs[key]
        import regex

        compiled = regex.compile(*key)
        try:
            data = compiled._pickled_data
            self.programs[key] = (data[0], int(data[1]), *data[2:])
            self._changed()
        except (AttributeError, TypeError, IndexError):
            pass
        return compiled

    def literals_of(self, key: tuple[str, int]) -> tuple[str, ...]:
        if not self.loaded:
            self.load()
        try:
            return self.literals[key]
        except KeyError:
            found = self.literals[key] = required_literals(*key)
            self._changed()
            return found

    def _changed(self) -> None:
        if not self.dirty:
            self.dirty = True
            import atexit

            atexit.register(self.save)

    def save(self) -> None:
        """Write what this process learned, merged with what the file holds now."""
        from checker.core.sealed_file import write_sealed

        if not self.dirty:
            return
        self.dirty = False
        path = self.path()
        ok, literals, programs = set(self.ok), dict(self.literals), dict(self.programs)
        data = self._read(path)
        if data is not None and len(data.get("ok", ())) + len(ok) <= _KNOWN_LIMIT:
            try:
                ok |= {(p, f) for p, f in data["ok"]}
                literals = {**{(p, f): tuple(v) for (p, f), v in data["literals"].items()}, **literals}
                programs = {**data["programs"], **programs}
            except (KeyError, TypeError, ValueError):
                pass
        write_sealed(path, {"format": _KNOWN_FORMAT, "ok": sorted(ok),
                            "literals": {k: literals[k] for k in sorted(literals)},
                            "programs": {k: programs[k] for k in sorted(programs)}})


def _regex_error() -> type:
    import regex

    return regex.error


def _regex_build() -> str:
    """Which ``regex`` is installed, without importing it: the size and time of its compiled
    engine (a stored program is this engine's; another build is another cache file)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("regex")
    folder = os.path.dirname(spec.origin) if spec is not None and spec.origin else ""
    try:
        engine = sorted(n for n in os.listdir(folder) if n.startswith("_regex.") and not n.endswith(".py"))[0]
        st = os.stat(os.path.join(folder, engine))
    except (OSError, IndexError):
        return "x"
    return f"{st.st_size:x}{st.st_mtime_ns:x}"[:24]


def _engine_compile(*program):
    return _engine().compile(*program)


def _engine():
    """``regex._regex``, the compiled engine, loaded without the ``regex`` package: the
    package's import parses its Python half (``_regex_core``, 6-9 ms of a one-file run),
    which a stored program does not need.  The module is loaded as the import system
    loads a submodule and kept under its own name, so a later ``import regex`` uses it."""
    import sys

    engine = sys.modules.get("regex._regex")
    if engine is None:
        import importlib.util
        import os
        from importlib.machinery import PathFinder

        spec = importlib.util.find_spec("regex")
        folder = spec.submodule_search_locations if spec is not None else None
        found = PathFinder.find_spec("regex._regex", list(folder)) if folder else None
        if found is None or found.loader is None:
            from regex import _regex as engine     # as before: through the package

            return engine
        engine = importlib.util.module_from_spec(found)
        sys.modules["regex._regex"] = engine
        try:
            found.loader.exec_module(engine)
        except BaseException:
            del sys.modules["regex._regex"]
            raise
    return engine


_KNOWN = _Known()


class UserPattern:
    """A user expression whose every call runs within the current budget.

    Offers the ``re.Pattern`` methods the checks use, with the same arguments.
    ``finditer`` finds all matches at once (timed as one call) and iterates over them.
    A call on a string lacking every text the expression needs (``required_literals``)
    returns no match at once.  An expression an earlier run compiled (see ``_Known``) is
    compiled on its first call that gets past that test; any other when it is made.
    """

    __slots__ = ("pattern", "flags", "_compiled", "_literals")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled = None
        self._literals: tuple[str, ...] | None = None     # found on first use
        key = (pattern, int(flags))
        if not _KNOWN.compiles(key):
            self._compiled = _KNOWN.compile(key)
            _KNOWN.add_ok(key)

    def _regex(self):
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _KNOWN.compile((self.pattern, int(self.flags)))
        return compiled

    @staticmethod
    def _end(string: str, endpos: int | None) -> int:
        return len(string) if endpos is None else endpos

    def _cannot_match(self, string: str, pos: int, endpos: int | None) -> bool:
        literals = self._literals
        if literals is None:
            literals = self._literals = _KNOWN.literals_of((self.pattern, int(self.flags)))
        if not literals:
            return False
        end = len(string) if endpos is None else endpos
        find = string.find
        for literal in literals:
            if find(literal, pos, end) >= 0:
                return False
        budget = _BUDGET.get()
        if budget is not None and budget.left <= 0:
            raise RegexBudgetExceeded("the time budget for regular expressions is spent")
        return True

    def lacks_literals(self, string: str) -> bool:
        """True when ``string`` holds none of the texts every match needs: no call on it
        or on any part of it can match."""
        return self._cannot_match(string, 0, None)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        if self._cannot_match(string, pos, endpos):
            return iter(())

        def all_matches(*args, **kw):
            return list(self._regex().finditer(*args, **kw))

        return iter(_run(all_matches, string, pos, self._end(string, endpos)))

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        if self._cannot_match(string, pos, endpos):
            return None
        return _run(self._regex().search, string, pos, self._end(string, endpos))

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        if self._cannot_match(string, pos, endpos):
            return None
        return _run(self._regex().match, string, pos, self._end(string, endpos))

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        if self._cannot_match(string, pos, endpos):
            return None
        return _run(self._regex().fullmatch, string, pos, self._end(string, endpos))

    def findall(self, string: str, pos: int = 0, endpos: int | None = None):
        if self._cannot_match(string, pos, endpos):
            return []
        return _run(self._regex().findall, string, pos, self._end(string, endpos))

    def sub(self, repl, string: str, count: int = 0):
        if self._cannot_match(string, 0, None):
            return string
        return _run(self._regex().sub, repl, string, count)

    def __repr__(self) -> str:
        return f"UserPattern({self.pattern!r})"


def check_pattern(pattern: str, flags: int = 0) -> None:
    """Raise ValueError (naming the pattern) when ``pattern`` does not compile."""
    if not isinstance(pattern, str):
        raise ValueError(f"a regular expression must be text, got {pattern!r}")
    try:
        _compile(pattern, flags)
    except (_regex_error(), TypeError, ValueError, OverflowError, RecursionError) as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None


def compile_user(pattern: str, flags: int = 0) -> UserPattern:
    """A bounded expression (compiled once per pattern and flags)."""
    return _compile(pattern, flags)


@lru_cache(maxsize=1024)
def _compile(pattern: str, flags: int) -> UserPattern:
    return UserPattern(pattern, flags)


def compile_alternation(patterns, *, longest_first: bool = False, suffix: str = "") -> UserPattern | None:
    """One bounded expression matching any of ``patterns`` (each grouped), then ``suffix``;
    None when there are none."""
    items = sorted(patterns, key=len, reverse=True) if longest_first else list(patterns)
    if not items:
        return None
    for pattern in items:           # a bad one is named, not the combined expression
        check_pattern(pattern)
    body = "|".join(f"(?:{p})" for p in items)
    return compile_user(f"(?:{body}){suffix}" if suffix else body)


def _all_compile(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        check_pattern(pattern)
    return patterns


RegexList = Annotated[list[str], AfterValidator(_all_compile)]


def _compiles(pattern: str) -> str:
    _all_compile([pattern])
    return pattern


# One regular expression that must compile.
Regex = Annotated[str, AfterValidator(_compiles)]
