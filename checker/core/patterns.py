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
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Annotated, Iterator

import regex
from pydantic import AfterValidator

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


class UserPattern:
    """A compiled user expression whose every call runs within the current budget.

    Offers the ``re.Pattern`` methods the checks use, with the same arguments.
    ``finditer`` finds all matches at once (timed as one call) and iterates over them.
    """

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._compiled = regex.compile(pattern, flags)

    @staticmethod
    def _end(string: str, endpos: int | None) -> int:
        return len(string) if endpos is None else endpos

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        def all_matches(*args, **kw):
            return list(self._compiled.finditer(*args, **kw))

        return iter(_run(all_matches, string, pos, self._end(string, endpos)))

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        return _run(self._compiled.search, string, pos, self._end(string, endpos))

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        return _run(self._compiled.match, string, pos, self._end(string, endpos))

    def fullmatch(self, string: str, pos: int = 0, endpos: int | None = None):
        return _run(self._compiled.fullmatch, string, pos, self._end(string, endpos))

    def findall(self, string: str, pos: int = 0, endpos: int | None = None):
        return _run(self._compiled.findall, string, pos, self._end(string, endpos))

    def sub(self, repl, string: str, count: int = 0):
        return _run(self._compiled.sub, repl, string, count)

    def __repr__(self) -> str:
        return f"UserPattern({self.pattern!r})"


def check_pattern(pattern: str, flags: int = 0) -> None:
    """Raise ValueError (naming the pattern) when ``pattern`` does not compile."""
    if not isinstance(pattern, str):
        raise ValueError(f"a regular expression must be text, got {pattern!r}")
    try:
        _compile(pattern, flags)
    except (regex.error, TypeError, ValueError, OverflowError, RecursionError) as exc:
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
