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

import _signal as signal   # signal.py's C half: the same calls, without its three IntEnums (~3 M instructions a run)
import threading
import time
import re
from contextvars import ContextVar
from functools import lru_cache

from checker.core import pattern_facts
from checker.core.character_pairs import character_pairs
from checker.core.character_presence import character_presence
from checker.core.run_split import RunSearch, run_split
from checker.core.lazy_alias import lazy_alias
from checker.core.plain_model import AfterValidator
from checker.core.skipping_re import compile_skipping

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Annotated

# The ``regex`` module (an import of 10-25 ms, most of it its parser in Python) is imported
# when an expression is compiled, not before: a document holding none of an expression's
# required literals never needs it.  Its flags used here have ``re``'s values.
_FLAGS_KEPT = re.MULTILINE | re.DOTALL | re.UNICODE

class _Budget:
    """The time the current rule's user expressions may still take on this document.

    ``exact``: each call's CPU time is read and taken from ``left`` (``_run``).  A budget
    made not exact (``regex_budget``'s) reads no CPU clock until its timer first goes off
    (``_expired``): a call then takes only the wall clock's reading, ``wall`` summing
    them.  Reading the CPU clock is a system call (2.2 us here, two a call, some five
    hundred a document), the wall clock's is not (0.07 us).  Until the timer goes off
    — the rule's whole work on the document, inside the calls and between them, has not
    reached ``left`` — the calls' own time cannot have reached it either, so no call is
    refused that an exact budget would run; when it goes off, the calls so far are
    charged by their wall time (never less than their CPU time in this one thread), and
    from then on each call by its CPU time, as an exact budget does."""

    __slots__ = ("left", "exact", "wall")

    def __init__(self, seconds: float, exact: bool = True) -> None:
        self.left = seconds
        self.exact = exact
        self.wall = 0.0


_BUDGET: ContextVar[_Budget | None] = ContextVar("gwlint_regex_budget", default=None)


class RegexBudgetExceeded(TimeoutError):
    """A user-supplied regular expression ran out of the rule's time budget."""


def regex_budget(seconds: float | None) -> "_BudgetBlock":
    """Give the user expressions run inside this block ``seconds`` in all (``None`` or 0:
    no limit): CPU seconds in the main thread, wall seconds elsewhere (see ``_run``).
    Only the time spent matching counts, not the rest of the rule's work."""
    return _BudgetBlock(seconds)


class _BudgetBlock:
    """``regex_budget``'s block: the budget set on entry, taken away (and its timer
    stopped) on the way out, exception or not.  A class rather than a generator under
    ``contextmanager``: it is entered once per rule and document (a hundred times a
    document), and the generator's machinery cost three times as much."""

    __slots__ = ("_budget", "_token")

    def __init__(self, seconds: float | None) -> None:
        self._budget = _Budget(seconds, exact=False) if seconds else None

    def __enter__(self) -> None:
        self._token = _BUDGET.set(self._budget)

    def __exit__(self, *exc) -> bool:
        _BUDGET.reset(self._token)
        budget = self._budget
        if budget is not None and _TIMER.owner is budget:
            _TIMER.owner = None
            signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        return False


def _run(method, *args):
    """``method(*args)`` within the time left, which it then uses up.

    In the main thread the budget is CPU time, enforced by a CPU-time timer signal (both
    ``re`` and ``regex`` look at signals while matching), so a loaded machine does not
    make a normal expression look slow.  In other threads, where signals cannot be used,
    it is wall time, enforced by the ``regex`` module's own ``timeout``.

    The timer is set once per budget, to the time left, at its first expression, and
    runs on between the calls (two system calls fewer per call): it counts the rule's
    other work too, so it may go off early, and then ``_expired`` sets it again to what
    the expressions have really left — the budget still runs out exactly when the time
    measured inside the calls reaches it, as when the timer was set around each call.
    """
    budget = _BUDGET.get()
    if budget is None:
        return method(*args)
    if budget.left <= 0:
        raise RegexBudgetExceeded("the time budget for regular expressions is spent")
    if _cpu_timer_usable():
        timer = _TIMER
        if timer.owner is not budget:
            timer.owner = budget
            signal.setitimer(signal.ITIMER_VIRTUAL, max(budget.left, 0.001))
        if not budget.exact:
            timer.call_wall = start = time.monotonic()
            timer.armed = True
            try:
                return method(*args)
            finally:
                timer.armed = False
                if budget.exact:        # the timer went off in this call: the rest of it by CPU
                    budget.left -= time.process_time() - timer.start
                else:
                    budget.wall += time.monotonic() - start
        timer.start = start = time.process_time()
        timer.armed = True
        try:
            return method(*args)
        finally:
            timer.armed = False
            budget.left -= time.process_time() - start
    start = time.monotonic()
    try:
        return method(*args, timeout=budget.left)
    except TimeoutError:
        budget.left = 0
        raise RegexBudgetExceeded("a regular expression ran out of its time budget") from None
    finally:
        budget.left -= time.monotonic() - start


def _budget_left() -> None:
    """Raise as ``_run`` would when the budget is spent: a call skipped because it cannot
    match stops a rule whose budget ran out just as the call would have."""
    budget = _BUDGET.get()
    if budget is not None and budget.left <= 0:
        raise RegexBudgetExceeded("the time budget for regular expressions is spent")


class _Timer:
    armed = False           # inside an expression's call
    installed = False
    owner = None            # the budget the running timer was set for
    start = 0.0             # the CPU clock when the current call began (or was last charged)
    call_wall = 0.0         # the wall clock when the current call began (a budget not exact)


_TIMER = _Timer()


def _expired(signum, frame) -> None:
    """The timer went off: the budget is spent when the calls' own time reached it (the
    timer also counted the work between calls); else it is set to what is left."""
    timer = _TIMER
    budget = timer.owner
    if budget is None:
        return
    if not budget.exact:
        # the first time for a budget not exact: the calls so far charged by their wall
        # time, the current one's so far too, and the rest of it by CPU from now on
        budget.exact = True
        now = time.process_time()
        used = budget.wall + (time.monotonic() - timer.call_wall if timer.armed else 0.0)
        timer.start = now
        budget.left -= used
        if timer.armed and budget.left <= 0:
            timer.armed = False
            timer.owner = None
            raise RegexBudgetExceeded("a regular expression ran out of its time budget")
        signal.setitimer(signal.ITIMER_VIRTUAL, max(budget.left, 0.001))
        return
    left = budget.left
    if timer.armed:
        left -= time.process_time() - timer.start
        if left <= 0:
            timer.armed = False
            timer.owner = None
            raise RegexBudgetExceeded("a regular expression ran out of its time budget")
    signal.setitimer(signal.ITIMER_VIRTUAL, max(left, 0.001))


def _cpu_timer_usable() -> bool:
    # asked at every call: the thread's number, not current_thread()'s table look-up
    if threading.get_ident() != threading.main_thread().ident:
        return False
    if _TIMER.installed:
        return True
    if not hasattr(signal, "ITIMER_VIRTUAL"):
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
    return _analyse(pattern, flags)[0]


def _analyse(pattern: str, flags: int = 0) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """``required_literals`` and the expression's window: (the most text a match takes,
    the farthest past its start it reads, the farthest from its start a literal may
    begin), -1 for no bound, or ``()`` when a match may be empty or none is bounded
    (``_reach``, ``_required_lead``)."""
    import warnings
    from re import _constants as c, _parser

    # multi-line and dot-all change where a match may be, not what it holds
    if flags & ~_FLAGS_KEPT:
        return _NO_LITERALS, ()

    # ``regex``'s property classes (\p{Han}, \P{L}) are one character of some class each,
    # never a literal: read as \d and \D they leave the required texts unchanged
    if "\\p{" in pattern or "\\P{" in pattern:
        pattern = _plain_properties(pattern)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(pattern, flags & (c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL))
    except Exception:       # regex-only syntax (\p{Han}, named lists, fuzzy ...): no filter
        return _NO_LITERALS, ()
    if parsed.state.flags & ~(c.SRE_FLAG_UNICODE | c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL):
        return _NO_LITERALS, ()
    if not _read_alike(parsed, pattern, c):
        return _NO_LITERALS, ()
    found, lead = _required_lead(parsed, c)
    if not found:
        # none without reading sets as characters: read so, a few characters at most
        found, lead = _required_lead(parsed, c, sets=True)
        if not found or len(found) > _CLASS_CHARS_MAX:
            return _NO_LITERALS, ()
    window: tuple[int, ...] = ()
    try:
        multiline = bool((flags | parsed.state.flags) & c.SRE_FLAG_MULTILINE)
        bounds = _reach(parsed, c, multiline)
        if parsed.getwidth()[0] >= 1 and (bounds is not None or lead is not None):
            longest, reach = bounds if bounds is not None else (-1, -1)
            window = (longest, reach, -1 if lead is None else lead)
    except Exception:  # noqa: BLE001 - no window: the expression runs over the whole string
        window = ()
    return tuple(found), window


# -- context literals -------------------------------------------------------------------
# The required literals are read from what a match itself takes.  Around a match, its
# lookbehinds and lookaheads read text too: (?<=[\u4e00-\u9fff])[。.](?=、…) needs 。 or .
# (in every document), but the text must also hold "。、" or ".、" (in few).  Only a
# search of the whole string may use that (from position 0 a lookbehind sees nothing
# before, and up to the string's end a lookahead sees nothing after), so these texts are
# a second test for ``UserPattern`` at whole-string calls, not a source of windows.

_CONTEXT_MAX = 16               # alternatives of a run kept; more: the run is given up


def context_literals(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Texts one of which the string holds wherever ``pattern`` matches in a search of the
    whole string, read with the lookarounds next to fixed text (a lookbehind's text just
    before what follows it, a lookahead's fixed start just after what precedes it); only
    when more selective than ``required_literals`` (its shortest text longer), else ()."""
    import warnings
    from re import _constants as c, _parser

    if flags & ~_FLAGS_KEPT or "\\p{" in pattern or "\\P{" in pattern:
        return _NO_LITERALS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(pattern, flags & (c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL))
    except Exception:       # noqa: BLE001 - regex-only syntax: nothing known
        return _NO_LITERALS
    if parsed.state.flags & ~(c.SRE_FLAG_UNICODE | c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL):
        return _NO_LITERALS
    if not _read_alike(parsed, pattern, c):
        return _NO_LITERALS
    found = _context_of(list(parsed), c)
    if not found:
        return _NO_LITERALS
    plain = required_literals(pattern, flags)
    if plain and min(map(len, found)) <= min(map(len, plain)):
        return _NO_LITERALS
    return tuple(found)


def behind_texts(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Texts one of which ends right where every match of ``pattern`` begins: the texts of
    a look-behind of fixed text opening the expression (``(?:(?<=共有)|(?<=累计))家``,
    ``(?<=[率比重])为``), or ``()``.  Only for an expression that never matches empty (its
    starts are tried one by one, ``_anchored``) and that ``re``'s parser reads as ``regex``
    does, with plain flags."""
    import warnings
    from re import _constants as c, _parser

    if flags & ~_FLAGS_KEPT or "\\p{" in pattern or "\\P{" in pattern:
        return _NO_LITERALS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(pattern, flags & (c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL))
        if parsed.state.flags & ~(c.SRE_FLAG_UNICODE | c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL):
            return _NO_LITERALS
        if not _read_alike(parsed, pattern, c) or not len(parsed) or parsed.getwidth()[0] < 1:
            return _NO_LITERALS
        texts = _behind_texts(*parsed[0], c)
    except Exception:       # noqa: BLE001 - regex-only syntax: nothing known
        return _NO_LITERALS
    return tuple(texts) if texts and all(texts) else _NO_LITERALS


# The look-behind's places tried before anything else when there are at most this many: a
# try costs some 1.5 us, reading the literals' occurrences (which ``_stretches`` and
# ``_starts`` need; frequent ones are read up to 257 times) some tens of us.
_BEHIND_FIRST = 16


def _behind_starts(string: str, texts: tuple[str, ...], end: int) -> list[int] | None:
    """The positions of ``string[:end]`` right after an occurrence of one of ``texts`` (where
    a match of an expression opening with their look-behind may begin), in order; None when
    there are more than ``_starts`` would try one by one."""
    most = min(_ANCHORED_MAX, end // _ANCHORED_SHARE)
    starts: set[int] = set()
    for text in texts:
        size = len(text)
        for at in _occurrences(string, text, 0, len(string)):
            if at + size <= end:
                starts.add(at + size)
                if len(starts) > most:
                    return None
    return sorted(starts)


def _joined_options(run: list[str], options: list[str]) -> list[str] | None:
    out = list(dict.fromkeys(a + b for a in run for b in options))
    return out if len(out) <= _CONTEXT_MAX else None


def _fixed_texts(items, c) -> list[str] | None:
    """The texts a sequence matches when it is fixed text (literals, sets of a few listed
    characters, groups and alternations of these), at most ``_CONTEXT_MAX``; else None."""
    out = [""]
    for op, av in items:
        if op is c.LITERAL:
            options = [chr(av)]
        elif op is c.IN:
            options = _class_chars(av, c)
        elif op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            options = None if add_flags or del_flags else _fixed_texts(sub, c)
        elif op is c.BRANCH:
            options = []
            for branch in av[1]:
                one = _fixed_texts(branch, c)
                if one is None:
                    return None
                options += one
        else:
            return None
        if options is None:
            return None
        out = _joined_options(out, options)
        if out is None:
            return None
    return out


def _fixed_start(items, c) -> list[str]:
    """The texts a sequence's fixed first items match (its fixed prefix), [""] for none."""
    out = [""]
    for item in items:
        options = _fixed_texts([item], c)
        joined = _joined_options(out, options) if options is not None else None
        if joined is None:
            break
        out = joined
    return out


def _behind_texts(op, av, c) -> list[str] | None:
    """For a lookbehind of fixed text (or a group or alternation of such): the texts one
    of which ends where it stands; else None."""
    if op is c.ASSERT and av[0] < 0:
        return _fixed_texts(av[1], c)
    if op is c.SUBPATTERN and not av[1] and not av[2] and len(av[3]) == 1:
        return _behind_texts(*av[3][0], c)
    if op is c.BRANCH:
        out: list[str] = []
        for branch in av[1]:
            one = _behind_texts(*branch[0], c) if len(branch) == 1 else None
            if one is None:
                return None
            out += one
        return list(dict.fromkeys(out)) if len(out) <= _CONTEXT_MAX else None
    return None


def _context_of(items, c) -> list[str] | None:
    """The most selective list of texts one of which stands in the string around every
    match of the top-level sequence ``items`` (see ``context_literals``), or None.  A run
    of contiguous text grows through fixed items; zero-width items between them (\\b, ^, a
    negative lookaround, a lookbehind inside a run) leave it contiguous; a lookbehind
    opening a run gives its texts; a lookahead gives the run followed by its fixed start;
    anything else ends the run."""
    best: list[str] | None = None

    def consider(texts: list[str] | None) -> None:
        nonlocal best
        if texts and all(texts) and (best is None or (min(map(len, texts)), -len(texts))
                                      > (min(map(len, best)), -len(best))):
            best = texts

    run = [""]
    for op, av in items:
        if run == [""]:
            behind = _behind_texts(op, av, c)
            if behind is not None:
                run = behind
                continue
        if op is c.ASSERT and av[0] > 0:
            ahead = _fixed_start(av[1], c)
            if ahead != [""]:
                consider(_joined_options(run, ahead))
            continue
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        options = _fixed_texts([(op, av)], c)
        joined = _joined_options(run, options) if options is not None else None
        if joined is not None:
            run = joined
            continue
        consider(run)
        run = [""]
    consider(run)
    return best


def _read_alike(parsed, pattern: str, c) -> bool:
    """Whether ``regex`` reads the parsed ``pattern`` as ``re``'s parser did (as far as the
    analyses here look).

    Characters re reads as literals where regex may read syntax: {e<=1} (fuzzy
    matching) and the ] of a POSIX class ([[:alpha:]]).  A ] is that only after a
    POSIX class's [: ; elsewhere (an escaped \\], 【\\d+\\]) both read the same mark."""
    unsafe = {ord("{"), ord("}")}
    in_set: set[int] = set()        # braces in a set are marks to both ([{}~])
    if _ambiguous_bracket(pattern):
        unsafe.add(ord("]"))
        in_set.add(ord("]"))

    def walk(items) -> bool:
        for op, av in items:
            if op is c.LITERAL and av in unsafe:
                return False
            if op is c.IN and any(o is c.LITERAL and a in in_set for o, a in av):
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

    return walk(parsed)


def edge_sets(pattern: str, flags: int = 0) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(the characters every match of ``pattern`` begins with, those every match ends with
    before a final whole-text ``$``), each None when it cannot tell
    (``checker.core.edge_chars``)."""
    import warnings
    from re import _constants as c, _parser

    from checker.core.edge_chars import first_chars, last_chars

    if flags & ~_FLAGS_KEPT or "\\p{" in pattern or "\\P{" in pattern:
        return None, None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(pattern, flags & (c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL))
    except Exception:       # regex-only syntax: no answer
        return None, None
    if parsed.state.flags & ~(c.SRE_FLAG_UNICODE | c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL):
        return None, None
    if not _read_alike(parsed, pattern, c):
        return None, None
    multiline = bool((flags | parsed.state.flags) & c.SRE_FLAG_MULTILINE)
    return first_chars(parsed, c), (None if multiline else last_chars(parsed, c))


# -- windows --------------------------------------------------------------------------------
# An expression that needs a literal and whose matches are at most W characters long can
# only match starting within W characters before an occurrence of one of its literals.  When
# a long string holds few occurrences, ``UserPattern.finditer`` searches just those
# stretches: each search is given an end past which no attempt starting in the stretch
# reads (the window's reach: its longest match and lookaheads, a $ or \b one character
# more), so it finds what a search of the whole string finds there, and nothing can match
# between the stretches.  Most of the shipped expressions need a rare text (a site's
# notice, a spam word) but begin with a character class the engine has to try at every
# position of a 20,000-character document.

def _reach(items, c, multiline: bool) -> tuple[int, int] | None:
    """(the most text a match of the sequence ``items`` takes, the farthest past its start
    that a match attempt reads), or None: unbounded, or syntax not accounted for."""
    offset = reach = 0
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
            width, ahead = 1, 1
        elif op is c.AT:
            if av in (c.AT_BEGINNING, c.AT_BEGINNING_LINE, c.AT_BEGINNING_STRING):
                width, ahead = 0, 0             # reads behind the position only
            elif av is c.AT_END and multiline:
                width, ahead = 0, 1             # a line end: the character at the position
            elif av in (c.AT_BOUNDARY, c.AT_NON_BOUNDARY):
                width, ahead = 0, 1
            else:                               # \Z, or $ of a whole string: its end
                return None
        elif op in (c.ASSERT, c.ASSERT_NOT):
            direction, sub = av
            inner = _reach(sub, c, multiline)
            if inner is None:
                return None
            if direction < 0:                   # a lookbehind reads behind, unless it looks ahead
                if inner[1] > inner[0]:
                    return None
                width, ahead = 0, 0
            else:
                width, ahead = 0, inner[1]
        elif op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None
            inner = _reach(sub, c, multiline)
            if inner is None:
                return None
            width, ahead = inner
        elif op is c.ATOMIC_GROUP:
            inner = _reach(av, c, multiline)
            if inner is None:
                return None
            width, ahead = inner
        elif op is c.BRANCH:
            width = ahead = 0
            for branch in av[1]:
                inner = _reach(branch, c, multiline)
                if inner is None:
                    return None
                width, ahead = max(width, inner[0]), max(ahead, inner[1])
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            if high is c.MAXREPEAT or high >= _WINDOW_MAX:
                return None
            inner = _reach(sub, c, multiline)
            if inner is None:
                return None
            width, ahead = high * inner[0], high * max(inner)
        else:                                   # back references and the rest: no window
            return None
        reach = max(reach, offset + ahead)
        offset += width
        if offset > _WINDOW_MAX or reach > _WINDOW_MAX:
            return None
    return offset, reach


_WINDOW_MAX = 400               # a longer window is not worth it


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


_POSIX_NAME = re.compile(r":\^?[A-Za-z]*:?\]")


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
            # [:：] (a colon, full- or half-width) is a set of marks to both; only what
            # reads as a POSIX class's name ([:alpha:]) is left in doubt
            if pattern.startswith("]", j) or _POSIX_NAME.match(pattern, j):
                return True
            i = j
            continue
        i += 1
    return False


def _required(items, c) -> list[str] | None:
    """Texts one of which every match of the sequence ``items`` contains (the most
    selective choice among its parts), or None."""
    return _required_lead(items, c)[0]


def _required_lead(items, c, sets: bool = False) -> tuple[list[str] | None, int | None]:
    """``_required`` and the farthest from the start of a match of ``items`` that the text
    it chose may begin (None: no bound).  ``sets``: a set of a few characters counts as
    that many one-character texts (``_class_chars``)."""
    best: list[str] | None = None
    best_lead: int | None = None

    def better(option: list[str] | None, lead: int | None) -> None:
        nonlocal best, best_lead
        if option and all(option) and (best is None or (min(map(len, option)), -len(option))
                                       > (min(map(len, best)), -len(best))):
            best, best_lead = option, lead

    def plus(a: int | None, b: int | None) -> int | None:
        return None if a is None or b is None else a + b

    run: list[str] = []
    run_at: int | None = 0
    offset: int | None = 0          # the most text the items before this one take
    for op, av in items:
        if op is c.LITERAL:
            if not run:
                run_at = offset
            run.append(chr(av))
            offset = plus(offset, 1)
            continue
        if run:
            better(["".join(run)], run_at)
            run = []
        if op is c.IN:
            if sets:
                better(_class_chars(av, c), offset)
        elif op is c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if not add_flags and not del_flags:
                better(*_shifted(_required_lead(sub, c, sets), offset))
        elif op is c.ATOMIC_GROUP:
            better(*_shifted(_required_lead(av, c, sets), offset))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, sub = av
            if low >= 1:                # the first time round starts here
                better(*_shifted(_required_lead(sub, c, sets), offset))
        elif op is c.BRANCH:
            options: list[str] = []
            lead: int | None = 0
            for branch in av[1]:
                one, one_lead = _required_lead(branch, c, sets)
                if not one:
                    options = []
                    break
                options += one
                lead = None if lead is None or one_lead is None else max(lead, one_lead)
            if options:
                better(sorted(set(options), key=options.index), plus(offset, lead))
        offset = plus(offset, _width(op, av, c))
    if run:
        better(["".join(run)], run_at)
    return best, best_lead


# A set of a few characters ([×XxＸ], [ \t]) is as good as the same number of one-character
# literals: every match holds one of them at that place.  Only plain members count (a
# negated set, a category such as \d, or a wide range says nothing cheap to look for).
_CLASS_CHARS_MAX = 8


def _class_chars(items, c) -> list[str] | None:
    """The characters of the set ``items`` (a parsed ``[...]``) when it is a few listed
    characters or short ranges, in their order; None otherwise."""
    chars: list[str] = []
    for op, av in items:
        if op is c.LITERAL:
            chars.append(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _CLASS_CHARS_MAX:
            chars += map(chr, range(av[0], av[1] + 1))
        else:
            return None
        if len(chars) > _CLASS_CHARS_MAX:
            return None
    return sorted(set(chars), key=chars.index) or None


def _shifted(found: tuple[list[str] | None, int | None], offset: int | None) -> tuple[list[str] | None, int | None]:
    literals, lead = found
    return literals, (None if lead is None or offset is None else lead + offset)


def _width(op, av, c) -> int | None:
    """The most text one item of a parsed expression takes (None: no bound)."""
    if op in (c.LITERAL, c.NOT_LITERAL, c.ANY, c.IN):
        return 1
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return 0
    if op is c.SUBPATTERN:
        return _widths(av[3], c)
    if op is c.ATOMIC_GROUP:
        return _widths(av, c)
    if op is c.BRANCH:
        widths = [_widths(b, c) for b in av[1]]
        return None if any(w is None for w in widths) else max(widths, default=0)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, high, sub = av
        inner = _widths(sub, c)
        if high is c.MAXREPEAT or inner is None:
            return None if inner != 0 else 0
        return high * inner
    return None


def _widths(items, c) -> int | None:
    total = 0
    for op, av in items:
        w = _width(op, av, c)
        if w is None:
            return None
        total += w
    return total


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

# 12: a keyed file (``keyed_file``), each expression's entry read when the run first asks
#     about it (11: the same with another index, never released); 10: context literals kept; 3: a ] outside a POSIX class is a literal;
#     4: windows kept; 5: leads; 6: splits; 7: sets, braces in sets; 8: CRC seal; 9: a set
#     opened by : ([:：]) is no POSIX class
_KNOWN_FORMAT = 12
_KNOWN_LIMIT = 20_000          # entries kept; past this (user expressions churning) start afresh
_KNOWN_FILES = 8               # files kept in the cache folder (one per regex build: checkouts share it)


def _known_key(key: tuple) -> bytes:
    """The file's key of an expression (its text and flags): the same pair, the same bytes.
    The text's bytes, then NUL and a mark of its type and the flags (none of which holds a
    NUL: the last NUL splits a key, so two pairs never share one)."""
    pattern, flags = key
    if type(pattern) is str:
        return pattern.encode("utf-8", "surrogatepass") + (_KEY_ENDS.get(flags) or b"\0s%d" % flags)
    return bytes(pattern) + b"\0b%d" % flags


_KEY_ENDS = {0: b"\0s0"}


class _Known:
    """What is known of each expression, read from the file one expression at a time: an
    entry is decoded at the first question about its expression (``_look``), so a run
    pays for the expressions it uses, not for every one the cache folder has met."""

    __slots__ = ("loaded", "store", "seen", "ok", "literals", "windows", "splits", "contexts", "programs",
                 "packed", "dirty", "lock")

    def __init__(self) -> None:
        self.loaded = False
        self.store = None                     # the file (keyed_file.KeyedFile), once opened
        self.seen: set[tuple[str, int]] = set()   # the expressions whose entry was looked up
        self.ok: set[tuple[str, int]] = set()
        self.literals: dict[tuple[str, int], tuple[str, ...]] = {}
        self.windows: dict[tuple[str, int], tuple[int, ...]] = {}     # see _analyse
        self.splits: dict[tuple[str, int], int] = {}                  # see _lookbehind_split
        self.contexts: dict[tuple[str, int], tuple[str, ...]] = {}    # see context_literals
        # what regex's compiler made of an expression: the arguments of the engine's own
        # constructor, as a compiled expression is pickled (``Pattern._pickled_data``)
        self.programs: dict[tuple[str, int], tuple] = {}
        # a program as the file keeps it (marshalled, without its first item), decoded when
        # the expression is compiled: a seed run looks up ~310 expressions and compiles ~64
        self.packed: dict[tuple[str, int], bytes] = {}
        self.dirty = False
        self.lock = threading.Lock()

    @staticmethod
    def path():
        """``file()`` as a ``Path``."""
        from pathlib import Path    # the run itself reads file(): no pathlib on the one-file path

        return Path(_Known.file())

    @staticmethod
    def file() -> str:
        """The store's file, as text."""
        import sys

        from checker.core.paths import cache_path

        version = _regex_build()
        return cache_path(f"patterns-{version}-f{_KNOWN_FORMAT}"
                          f"-py{sys.version_info[0]}{sys.version_info[1]}.marshal")

    @staticmethod
    def _open(path):
        from checker.core.keyed_file import KeyedFile

        return KeyedFile.open(path, _KNOWN_FORMAT)

    def load(self) -> None:
        with self.lock:
            if self.loaded:
                return
            self.loaded = True
            self.store = self._open(self.file())

    def _look(self, key: tuple[str, int]) -> None:
        """Bring the file's entry of ``key`` into the tables, once per expression.  No lock:
        the entry is in the tables before the key is marked seen, so a thread asking at the
        same time reads the entry itself (the same values) or finds the tables filled."""
        if not self.loaded:
            self.load()
        try:
            store = self.store
            if store is None:
                return
            record = store.get(_known_key(key), None)
            if record is None:
                return
            try:
                ok, literals, windows, split, context, program = record
            except (TypeError, ValueError):
                return
            if ok:
                self.ok.add(key)
            if windows is not None and literals is not None:
                self.literals[key], self.windows[key] = literals, windows
            if split is not None:
                self.splits[key] = split
            if context is not None:
                self.contexts[key] = context
            if type(program) is bytes:
                self.packed[key] = program
        finally:
            self.seen.add(key)

    def compiles(self, key: tuple[str, int]) -> bool:
        if key not in self.seen:
            self._look(key)
        return key in self.ok

    def add_ok(self, key: tuple[str, int]) -> None:
        if key not in self.ok:
            self.ok.add(key)
            self._changed()

    def compile(self, key: tuple[str, int]):
        """``regex.compile(*key)``, from the stored program when there is one."""
        if key not in self.seen:
            self._look(key)
        program = self.programs.get(key)
        # pop with a default: two threads (the language server's pools) may both get here
        # for one expression; the one that finds nothing left reads ``programs`` or compiles
        packed = self.packed.pop(key, None) if program is None else None
        if packed is not None:
            import marshal

            try:        # kept without its first item, the expression (the key's)
                program = self.programs[key] = (key[0], *marshal.loads(packed))
            except (ValueError, EOFError, TypeError):
                program = None
        elif program is None:
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
        if key not in self.seen:
            self._look(key)
        try:
            return self.literals[key]
        except KeyError:
            found, window = _analyse(*key)
            self.literals[key] = found
            self.windows[key] = window
            self._changed()
            return found

    def split_of(self, key: tuple[str, int]) -> int:
        if key not in self.seen:
            self._look(key)
        try:
            return self.splits[key]
        except KeyError:
            found = self.splits[key] = _lookbehind_split(*key)
            self._changed()
            return found

    def context_of(self, key: tuple[str, int]) -> tuple[str, ...]:
        if key not in self.seen:
            self._look(key)
        try:
            return self.contexts[key]
        except KeyError:
            found = self.contexts[key] = context_literals(*key)
            self._changed()
            return found

    def window_of(self, key: tuple[str, int]) -> tuple[int, ...]:
        if key not in self.seen:
            self._look(key)
        if key not in self.windows:
            self.literals.pop(key, None)
            self.literals_of(key)
        return self.windows[key]

    def _changed(self) -> None:
        if not self.dirty:
            self.dirty = True
            import atexit

            atexit.register(self.save)

    def _record(self, key: tuple[str, int]) -> tuple:
        """The file's entry of ``key``: each table's value or None; the program marshalled
        without its first item, the expression (which the key holds)."""
        from checker.core.keyed_file import dumped

        windows = self.windows.get(key)
        program = self.packed.get(key)
        if program is None and key in self.programs:
            program = dumped(self.programs[key][1:])
        return (key in self.ok, self.literals.get(key) if windows is not None else None, windows,
                self.splits.get(key), self.contexts.get(key), program)

    def save(self) -> None:
        """Write what this process learned, merged with what the file holds now (under the
        store's lock, so two processes saving at once both keep what they learned)."""
        import marshal

        from checker.core.keyed_file import dumped, write_keyed
        from checker.core.store_lock import store_lock

        if not self.dirty:
            return
        self.dirty = False
        keys = (self.ok | self.literals.keys() | self.splits.keys() | self.contexts.keys() | self.programs.keys()
                | self.packed.keys())
        mine = {key: self._record(key) for key in keys}
        path = self.path()
        with store_lock(path):
            stored = self._open(path)
            entries = {}
            if stored is not None:
                if len(stored) + len(mine) <= _KNOWN_LIMIT:
                    entries = stored.raw()
                stored.close()
            for key, record in mine.items():
                name = _known_key(key)
                older = entries.get(name)
                if older is not None:       # what another process kept and this one did not learn
                    try:
                        kept = marshal.loads(older)
                        if type(kept) is tuple and len(kept) == len(record):
                            record = (record[0] or bool(kept[0]),
                                      *(m if m is not None else o for m, o in zip(record[1:], kept[1:])))
                    except (ValueError, EOFError, TypeError):
                        pass
                blob = dumped(record)
                if blob is not None:
                    entries[name] = blob
            write_keyed(path, _KNOWN_FORMAT, entries, keep_newest=_KNOWN_FILES)


def _regex_error() -> type:
    import regex

    return regex.error


def _engine_file() -> str | None:
    """The path of ``regex``'s compiled engine (its ``_regex`` extension), found without
    importing ``regex``; None when it cannot be told.  The file ``_engine`` loads: a folder
    may hold another build's engine beside it (a ``_regex`` left by an older Python), and
    keying the stored programs by that one would leave them unchanged when the loaded
    engine is replaced."""
    spec = _engine_spec()
    return spec.origin if spec is not None and spec.origin else None


def _engine_spec():
    """How the import system would load ``regex._regex`` (the package not imported), or
    None; looked for once a process (the store's name and the engine's load both ask)."""
    if not _ENGINE_SPEC:
        _ENGINE_SPEC.append(_find_engine_spec())
    return _ENGINE_SPEC[0]


_ENGINE_SPEC: list = []


def _find_engine_spec():
    from importlib.machinery import PathFinder

    from checker.core.package_spec import package_spec      # (not importlib.util: see there)

    spec = package_spec("regex")
    folder = spec.submodule_search_locations if spec is not None else None
    found = PathFinder.find_spec("regex._regex", list(folder)) if folder else None
    return found if found is not None and found.loader is not None else None


def _regex_build() -> str:
    """Which ``regex`` is installed, without importing it: the size and time of its compiled
    engine (a stored program is this engine's; another build is another cache file)."""
    import os

    path = _engine_file()
    try:
        st = os.stat(path) if path else None
    except OSError:
        st = None
    if st is None:
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
        try:        # importlib.util's own function, where it lives (importing util costs ~1.2 M)
            from importlib._bootstrap import module_from_spec
        except ImportError:         # (private module: kept working if it moves)
            from importlib.util import module_from_spec

        found = _engine_spec()
        if found is None:
            from regex import _regex as engine     # as before: through the package

            return engine
        engine = module_from_spec(found)
        sys.modules["regex._regex"] = engine
        try:
            found.loader.exec_module(engine)
        except BaseException:
            del sys.modules["regex._regex"]
            raise
    return engine


_KNOWN = _Known()

# Strings at least this long share what is known of them between expressions: which
# literals they hold (a document's text is tested against some five hundred literals of
# two hundred expressions, many alike; each absent one is a scan of the whole text).
_SHARED_MIN = 2_000
# the string, character -> held, literal -> held, literal -> where, [its pair table, searches,
# its character table, characters asked about]
_SHARED: tuple = (None, {}, {}, {}, [None, 0, None, 0])
# The string's pair table (``character_pairs``) is made once this many literals have been
# searched for in it: it costs about as much as sixteen searches of the text, and a
# string asked about only a few literals would pay more than it saves.  A document checked
# by all the rules is asked about some two hundred (twenty generated documents: 3,943
# searches, 3,465 of them absent), a single rule about fifty at most (gb-fixed-expression's
# list; the leftover patterns about thirty-five): the table is made for the first, seldom
# for the second (unless one question brings that many literals at once).
_PAIRS_AFTER = 40
_NO_PAIRS = False       # (the string's table cannot be made: numpy not loaded)
# The string's character table (``character_presence``) is made once this many characters
# have been asked about: it costs about as much as twelve tests ``ch in string`` of an
# absent character, and a document checked by all the rules is asked about some five
# hundred.
_PRESENCE_AFTER = 12


def _shared_facts(string: str) -> tuple:
    """``_SHARED`` for ``string``, begun afresh when it is another string."""
    global _SHARED
    shared = _SHARED
    if shared[0] is not string:
        shared = _SHARED = (string, {}, {}, {}, [None, 0, None, 0])  # swapped whole: each thread reads one string's facts
    return shared


def _holds_any(string: str, literals: tuple[str, ...]) -> bool:
    """Whether ``string`` holds one of ``literals``, remembered per literal for the last
    long string asked about.  A literal one of whose characters the string lacks is not
    searched for (a search for one character is some twenty times cheaper than one for
    a text of several, and the characters recur across literals), nor one with a pair of
    neighbours the string's pair table lacks (``character_pairs``: numpy loaded, and the
    string asked about enough literals)."""
    shared = _shared_facts(string)
    chars, held, pairs = shared[1], shared[2], shared[4]
    if pairs[0] is None and pairs[1] + len(literals) > _PAIRS_AFTER:
        # this call alone may search past the threshold (a list of fifty literals, most
        # absent): the table now, before its searches rather than after
        pairs[0] = character_pairs(string) or _NO_PAIRS
    for literal in literals:
        known = held.get(literal)
        if known is None:
            known = _holds_chars(string, literal, chars, pairs)
            if known and len(literal) > 1:
                tables = pairs[0]
                if tables is None:
                    pairs[1] += 1
                    if pairs[1] > _PAIRS_AFTER:
                        tables = pairs[0] = character_pairs(string) or _NO_PAIRS
                known = (not tables or tables.may_hold(literal)) and literal in string   # (None, _NO_PAIRS: no table)
            held[literal] = known
        if known:
            return True
    return False


def holds_any(string: str, literals) -> bool:
    """``any(literal in string for literal in literals)``, answered for a long string with
    what is known of it already (``_holds_any``: the literals other checks asked about,
    its characters, its pair table)."""
    literals = tuple(literals)
    if len(string) >= _SHARED_MIN:
        return _holds_any(string, literals)
    return any(literal in string for literal in literals)


def _holds_chars(string: str, literal: str, chars: dict, tables: list) -> bool:
    """Whether ``string`` holds every character of ``literal`` (``chars``: what is known
    of characters already; ``tables``: the string's tables, ``_SHARED``'s last member)."""
    for ch in literal:
        has = chars.get(ch)
        if has is None:
            presence = tables[2]
            if presence is None:
                tables[3] += 1
                if tables[3] > _PRESENCE_AFTER:
                    presence = tables[2] = character_presence(string) or _NO_PAIRS
            has = chars[ch] = presence.holds(ch) if presence else ch in string
        if not has:
            return False
    return True


# Windowed searches (``_stretches``): only for strings this long, and only
# while a string holds few occurrences of the literals.
_WINDOWED_MIN = 1_000
_STRETCHES_MAX = 64


def _stretches(string: str, literals: tuple[str, ...], window: tuple[int, ...], pos: int,
               end: int) -> list[tuple[int, int]] | None:
    """The stretches of ``string`` where a match may start (see ``_analyse``'s window),
    merged and in order; None when the whole string is to be searched (no window, or
    literals too frequent for stretches to pay)."""
    if not window or window[0] < 0:
        return None
    longest = window[0]
    starts: list[tuple[int, int]] = []
    for literal in literals:
        back = longest - len(literal)
        for at in _occurrences(string, literal, pos, end):
            starts.append((max(pos, at - back), at))
            if len(starts) > _STRETCHES_MAX:
                return None
    starts.sort()
    merged: list[tuple[int, int]] = []
    for a, b in starts:
        if merged and a <= merged[-1][1] + 1:
            if b > merged[-1][1]:
                merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


# Where a literal occurs in a long string, kept for the string (``_SHARED``): the same
# frequent literals (。 、 年 .) open many expressions, and each of those found its
# occurrences again, up to the number that made it give up.  At most this many are kept:
# past them both ``_stretches`` (64) and ``_starts`` (each occurrence is one more start,
# at most ``_ANCHORED_MAX``) have given up.
_OCCURRENCES_KEPT = 257


def _occurrences(string: str, literal: str, pos: int, end: int):
    """The offsets at which ``literal`` begins within ``string[pos:end]``, overlapping ones
    too, in order (only the first ``_OCCURRENCES_KEPT`` when the whole of a long string is
    asked about: callers stop before those run out)."""
    find = string.find
    if pos == 0 and end >= len(string) >= _SHARED_MIN:
        shared = _shared_facts(string)
        kept = shared[3].get(literal)
        if kept is None:
            kept = []
            if shared[2].get(literal) is False:     # known absent (_holds_any): not searched again
                shared[3][literal] = kept
                return kept
            at = find(literal, 0, end)
            while at >= 0 and len(kept) < _OCCURRENCES_KEPT:
                kept.append(at)
                at = find(literal, at + 1, end)
            shared[3][literal] = kept
        return kept
    return _found(find, literal, pos, end)


def _found(find, literal: str, pos: int, end: int):
    at = find(literal, pos, end)
    while at >= 0:
        yield at
        at = find(literal, at + 1, end)


def _windowed(search, string: str, stretches: list[tuple[int, int]], reach: int, pos: int, end: int,
              timeout: float | None = None) -> list:
    """The matches ``finditer(string, pos, end)`` finds, searching only ``stretches``: each
    search is given an end no attempt starting in its stretch reads to, and a match
    starting past the stretch is not taken (the next stretch's search finds it, or it is
    not one).  ``timeout``: wall seconds for all the searches (``regex``'s, off the main
    thread)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    found = []
    at = pos
    for a, b in stretches:
        a = max(a, at)
        while a <= b:
            if deadline is None:
                m = search(string, a, min(end, b + reach + 1))
            else:
                m = search(string, a, min(end, b + reach + 1), timeout=max(deadline - time.monotonic(), 0.0))
            if m is None or m.start() > b:
                break
            found.append(m)
            at = a = m.end()        # a match is never empty here (_analyse)
    return found


def _starts(string: str, literals: tuple[str, ...], window: tuple[int, ...], pos: int,
            end: int) -> list[int] | None:
    """For an expression whose matches may run on without bound but hold a literal at
    most ``lead`` characters from their start (``_analyse``'s window): the positions
    where a match may start, in order; None when there are too many to try one by one."""
    if not window or window[2] < 0:
        return None
    lead = window[2]
    most = min(_ANCHORED_MAX, (end - pos) // _ANCHORED_SHARE)
    starts: set[int] = set()
    for literal in literals:
        for at in _occurrences(string, literal, pos, end):
            starts.update(range(max(pos, at - lead), at + 1))
            if len(starts) > most:
                return None
    return sorted(starts)


def _anchored(match, string: str, starts: list[int], end: int, timeout: float | None = None) -> list:
    """The matches ``finditer`` finds, tried at ``starts`` only (``match`` anchored there
    is what a search finds at that position; nowhere else can a match start).
    ``timeout``: wall seconds for all of them (``regex``'s, off the main thread)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    found = []
    at = -1
    for start in starts:
        if start < at:
            continue
        if deadline is None:
            m = match(string, start, end)
        else:
            m = match(string, start, end, timeout=max(deadline - time.monotonic(), 0.0))
        if m is not None:
            found.append(m)
            at = m.end()                # a match is never empty here (_analyse)
    return found


_ANCHORED_MAX = 256            # positions tried one by one; past this, the whole string is searched
# ... and at most one per this many characters: an anchored try costs some 1-2 us, a whole
# search 15-200 ns per character (a one-character literal such as 。 is everywhere)
_ANCHORED_SHARE = 64


# -- expressions anchored at line starts ----------------------------------------------------
# An expression that opens with ^ under MULTILINE (^[ \t]*第\d+页[ \t]*$) holds no literal
# to search for, and the engine has no shortcut for ^: a whole-text search tries every
# position (some 0.1-0.3 ms on a 20 KB document, a dozen such expressions a document).
# Every match starts at 0 or just after a "\n", so the same expression with its ^ read as
# a "\n" (the probe) finds, in one search that skips from newline to newline, the next
# line where it matches: the expression itself is then matched there, for its own groups.


def _line_probe(pattern: str, flags: int) -> tuple[str, int] | bool:
    """The probe's (pattern, flags) when every match of ``pattern`` begins at a line start
    (it opens with a top-level ^, AT_BEGINNING in the parse, under MULTILINE) and is never
    empty; False otherwise, and for anything re's parser cannot vouch for (flags, syntax
    only regex knows, \\G)."""
    import warnings
    from re import _constants as c, _parser

    if not pattern.startswith("^") or pattern[1:2] in ("", "*", "+", "?", "{") or "\\G" in pattern:
        return False
    if flags & ~_FLAGS_KEPT or not flags & re.MULTILINE:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _parser.parse(pattern, flags & (c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL))
        if parsed.state.flags & ~(c.SRE_FLAG_UNICODE | c.SRE_FLAG_MULTILINE | c.SRE_FLAG_DOTALL):
            return False
        if not len(parsed) or parsed[0] != (c.AT, c.AT_BEGINNING) or parsed.getwidth()[0] < 1:
            return False
    except Exception:       # noqa: BLE001 - regex-only syntax: searched whole
        return False
    return ("\\n" + pattern[1:], flags)


def _at_line_starts(match, probe_search, string: str, end: int, timeout: float | None = None) -> list:
    """The matches ``finditer(string, 0, end)`` finds for an expression every match of
    which begins at a line start and is not empty (``_line_probe``): tried at 0, then at
    each line start past the last match where the probe (the "\\n" before it, then the
    rest of the expression) matches.  After a match ending at e, the probe searched from
    e - 1 finds the first line start from e on.  None if the two ever disagree."""
    deadline = None if timeout is None else time.monotonic() + timeout

    def left() -> dict:
        return {} if deadline is None else {"timeout": max(deadline - time.monotonic(), 0.0)}

    found = []
    m = match(string, 0, end, **left())
    at = 0
    if m is not None:
        found.append(m)
        at = m.end()
    while True:
        q = probe_search(string, max(at - 1, 0), end, **left())
        if q is None:
            return found
        m = match(string, q.start() + 1, end, **left())
        if m is None:       # should not be (the probe matched the rest there): search whole
            return None
        found.append(m)
        at = m.end()


class LiteralScan:
    """A compiled ``re`` expression of a check, searched like a user expression: not at
    all in a string lacking every literal it needs, and over just the stretches before
    their occurrences when its window is bounded (``_analyse``).  An expression opening
    with a look-behind is searched without it, the look-behind tested where the rest
    matches (``_lookbehind_split``).  Offers ``finditer`` with ``re``'s arguments and
    results; what it finds is what ``re`` finds."""

    __slots__ = ("regex", "literals", "window", "_split", "_body", "_guard", "_run")

    def __init__(self, compiled: re.Pattern) -> None:
        self.regex = compiled
        key = (compiled.pattern, int(compiled.flags))
        self.literals = _KNOWN.literals_of(key)
        self.window = _KNOWN.window_of(key) if self.literals else ()
        self._split = _KNOWN.split_of(key)
        # the pieces searched instead of the whole are made at the first search past the
        # literal test (``_pieces``): half of a seed run's scans never get there, and each
        # piece is one more program to make (~30-40 k instructions from the store)
        self._body = self._guard = self._run = None

    def _pieces(self) -> None:
        """Make the look-behind's guard and the rest (``_lookbehind_split``), or the search
        from what follows an opening run of one set (``run_split``; ``_run`` False: none)."""
        compiled = self.regex
        split = self._split
        if split:
            if self._body is None:
                # the guard first: a thread finding the body set finds the guard too
                self._guard = re.compile(compiled.pattern[:split], compiled.flags)
                self._body = compile_skipping(compiled.pattern[split:], compiled.flags)
        elif self._run is None:
            run = None
            if isinstance(compiled.pattern, str):
                key = (compiled.pattern, int(compiled.flags))
                run = pattern_facts.answer("run-split", *key, lambda: run_split(*key))
            self._run = RunSearch(compiled, run, compile_skipping) if run else False

    def _search(self, string: str, pos: int, endpos: int):
        """``regex.search``: the rest's leftmost match where the look-behind holds (or the
        whole's, found from what follows its opening run: ``run_split``)."""
        body = self._body
        if body is None:
            if self._split:
                self._pieces()
                body = self._body
            else:
                if self._run is None:
                    self._pieces()
                if self._run:
                    return self._run.search(string, pos, endpos)
                return self.regex.search(string, pos, endpos)
        guard = self._guard.match
        while (m := body.search(string, pos, endpos)) is not None:
            if guard(string, m.start(), endpos) is not None:
                return m
            pos = m.start() + 1
        return None

    def _all(self, string: str, pos: int, end: int):
        while (m := self._search(string, pos, end)) is not None:
            yield m
            pos = m.end()           # never empty (_lookbehind_split, run_split)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        size = len(string)
        end = size if endpos is None else min(endpos, size)
        literals = self.literals
        if literals:
            if pos == 0 and end >= size and size >= _SHARED_MIN:
                if not _holds_any(string, literals):
                    return iter(())
            elif not any(string.find(literal, pos, end) >= 0 for literal in literals):
                return iter(())
            if end - pos >= _WINDOWED_MIN:
                stretches = _stretches(string, literals, self.window, pos, end)
                if stretches is not None:
                    return iter(_windowed(self._search, string, stretches, self.window[1], pos, end))
                starts = _starts(string, literals, self.window, pos, end)
                if starts is not None:
                    return iter(_anchored(self.regex.match, string, starts, end))
        if not self._split:
            if self._run is None:
                self._pieces()
            if not self._run:
                return self.regex.finditer(string, pos, end)
        return self._all(string, pos, end)


def _lookbehind_split(pattern: str, flags: int) -> int:
    """The length of ``pattern``'s opening look-behind (``(?<!…)`` or ``(?<=…)``) when the
    rest may be searched alone and the look-behind tested where it matches: the
    look-behind holds no group, the rest never matches empty, and re reads the two
    pieces as it reads the whole; else 0.  (re skips ahead to the characters a match
    can start with, but not past a look-behind: it tries every position instead.)"""
    if not pattern.startswith(("(?<!", "(?<=")) or flags & ~_FLAGS_KEPT:
        return 0
    end = _group_end(pattern)
    if end <= 0 or end >= len(pattern):
        return 0
    from re import _parser

    try:
        whole = _parser.parse(pattern, flags)
        head = _parser.parse(pattern[:end], flags)
        rest = _parser.parse(pattern[end:], flags)
        if (whole.state.groups != rest.state.groups or whole.state.groupdict != rest.state.groupdict
                or head.state.groups != 1 or whole.state.flags != rest.state.flags
                or repr(whole.data[:1]) != repr(head.data) or repr(whole.data[1:]) != repr(rest.data)
                or rest.getwidth()[0] < 1):
            return 0
    except Exception:  # noqa: BLE001 - anything unexpected: searched whole
        return 0
    return end


def _group_end(pattern: str) -> int:
    """Just past the group opening ``pattern`` (escapes and sets read over); 0 if none."""
    depth, i, n = 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i += 1
            if pattern.startswith("^", i):
                i += 1
            if pattern.startswith("]", i):
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return 0


@lru_cache(maxsize=1024)
def literal_scan(pattern: str | re.Pattern, flags: int = 0) -> LiteralScan:
    """``LiteralScan`` of an expression (compiled with ``re`` when given as text), made
    once per expression."""
    return LiteralScan(pattern if isinstance(pattern, re.Pattern) else compile_skipping(pattern, flags))


class UserPattern:
    """A user expression whose every call runs within the current budget.

    Offers the ``re.Pattern`` methods the checks use, with the same arguments.
    ``finditer`` finds all matches at once (timed as one call) and iterates over them.
    A call on a string lacking every text the expression needs (``required_literals``)
    returns no match at once.  An expression an earlier run compiled (see ``_Known``) is
    compiled on its first call that gets past that test; any other when it is made.
    """

    __slots__ = ("pattern", "flags", "_compiled", "_literals", "_window", "_probe", "_edges", "_context",
                 "_first_probe", "_behind")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled = None
        self._literals: tuple[str, ...] | None = None     # found on first use
        self._window: tuple[int, ...] | None = None       # found on first use (see _analyse)
        self._probe = None                                # found on first use (see _line_probe)
        self._edges = None                                # found on first use (see edge_sets)
        self._context: tuple[str, ...] | None = None      # found on first use (see context_literals)
        self._first_probe = None                          # found on first use (see _holds_no_first)
        self._behind: tuple[str, ...] | None = None        # found on first use (see behind_texts)
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
        size = len(string)
        end = size if endpos is None else endpos
        if pos == 0 and end >= size and size >= _SHARED_MIN:
            if _holds_any(string, literals):
                # a search of the whole string: the texts its lookarounds read must be there too
                context = self._context
                if context is None:
                    context = self._context = _KNOWN.context_of((self.pattern, int(self.flags)))
                if not context or _holds_any(string, context):
                    return False
        else:
            find = string.find
            for literal in literals:
                if find(literal, pos, end) >= 0:
                    return False
        _budget_left()
        return True

    def _edge_sets(self) -> tuple:
        edges = self._edges
        if edges is None:
            flags = int(self.flags)
            edges = self._edges = pattern_facts.answer("edges", self.pattern, flags,
                                                       lambda: edge_sets(self.pattern, flags))
        return edges

    def _holds_no_first(self, string: str, pos: int, end: int) -> bool:
        """``string[pos:end]`` holds none of the characters every match begins with
        (``edge_sets``): no match can begin in it.  For an expression needing no literal
        (``_cannot_match`` has nothing to test), over a long stretch: one ``re`` scan for a
        set of characters, where ``regex`` would try the whole expression (a look-behind,
        a set of fifty members) at each position."""
        probe = self._first_probe
        if probe is None:
            first = self._edges[0] if self._edges is not None else self._edge_sets()[0]
            probe = self._first_probe = (compile_skipping("[" + "".join(re.escape(ch) for ch in sorted(first)) + "]")
                                         if first else False)
        if probe is False or probe.search(string, pos, end) is not None:
            return False
        _budget_left()
        return True

    def _cannot_begin(self, string: str, pos: int, endpos: int | None) -> bool:
        """A match anchored at ``pos`` would begin with a character no match begins with
        (``edge_sets``; every match then takes one): there is none."""
        first = self._edges[0] if self._edges is not None else self._edge_sets()[0]
        if first is None or pos < 0:
            return False
        end = len(string) if endpos is None or endpos > len(string) else endpos
        if pos < end and string[pos] in first:
            return False
        _budget_left()
        return True

    def _cannot_end(self, string: str, pos: int, endpos: int | None) -> bool:
        """A match ending at a final ``$`` would end with a character no match ends with
        (``edge_sets``): a search of ``string[pos:endpos]`` finds none.  A line break
        at the end is left to the expression (``$`` may stand before it)."""
        last = self._edges[1] if self._edges is not None else self._edge_sets()[1]
        if last is None or pos < 0:
            return False
        end = len(string) if endpos is None or endpos > len(string) else endpos
        if pos < end and (string[end - 1] in last or string[end - 1] == "\n"):
            return False
        _budget_left()
        return True

    def required_texts(self) -> tuple[str, ...]:
        """The texts one of which every match holds (``required_literals``); empty when
        nothing is known (any string may match)."""
        literals = self._literals
        if literals is None:
            literals = self._literals = _KNOWN.literals_of((self.pattern, int(self.flags)))
        return literals

    def lacks_literals(self, string: str) -> bool:
        """True when ``string`` holds none of the texts every match needs: no call on it
        or on any part of it can match."""
        return self._cannot_match(string, 0, None)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None):
        if self._cannot_match(string, pos, endpos):
            return iter(())
        end = self._end(string, endpos)
        if not self._literals and end - pos >= _WINDOWED_MIN and self._holds_no_first(string, pos, end):
            return iter(())
        if end - pos >= _WINDOWED_MIN:
            after = None
            if pos == 0 and end >= len(string):
                # a look-behind of fixed text opening the expression: its matches begin only
                # right after an occurrence of one of its texts (``共有`` in a few places where
                # ``家``, the literal, is in hundreds).  A few such places are tried at once,
                # before the literals' occurrences are read; more, only when fewer than the
                # literals' starts
                behind = self._behind
                if behind is None:
                    flags = int(self.flags)
                    behind = self._behind = pattern_facts.answer("behind", self.pattern, flags,
                                                                 lambda: behind_texts(self.pattern, flags))
                if behind:
                    after = _behind_starts(string, behind, end)
                    if after is not None and len(after) <= _BEHIND_FIRST:
                        return iter(_run(_anchored, self._regex().match, string, after, end))
            window = self._window
            if window is None:
                window = self._window = _KNOWN.window_of((self.pattern, int(self.flags)))
            stretches = _stretches(string, self._literals, window, pos, end)
            if stretches is not None:
                return iter(_run(_windowed, self._regex().search, string, stretches, window[1], pos, end))
            starts = _starts(string, self._literals, window, pos, end)
            if after is not None and (starts is None or len(after) < len(starts)):
                starts = after
            if starts is not None:
                return iter(_run(_anchored, self._regex().match, string, starts, end))
            if pos == 0:
                probe = self._probe
                if probe is None:
                    flags = int(self.flags)
                    key = pattern_facts.answer("line probe", self.pattern, flags,
                                               lambda: _line_probe(self.pattern, flags))
                    probe = self._probe = _KNOWN.compile(key) if key else False
                if probe:
                    found = _run(_at_line_starts, self._regex().match, probe.search, string, end)
                    if found is not None:
                        return iter(found)

        def all_matches(*args, **kw):
            return list(self._regex().finditer(*args, **kw))

        return iter(_run(all_matches, string, pos, end))

    # ``search`` and ``match`` are asked some five hundred times a document (the quantities
    # layer's linker and not-a-quantity test, the indicators' trim), mostly of expressions
    # needing no literal: the steps of ``_cannot_match``, ``_cannot_end``/``_cannot_begin``
    # and ``_run`` are written out here, in the same order (a test compares them), so a
    # call costs a few attribute reads instead of four more Python calls.

    def search(self, string: str, pos: int = 0, endpos: int | None = None):
        literals = self._literals
        if literals is None:
            literals = self.required_texts()
        if literals and self._cannot_match(string, pos, endpos):
            return None
        edges = self._edges
        last = (edges if edges is not None else self._edge_sets())[1]
        if last is not None and pos >= 0:
            end = len(string) if endpos is None or endpos > len(string) else endpos
            if not (pos < end and (string[end - 1] in last or string[end - 1] == "\n")):
                _budget_left()
                return None
        compiled = self._compiled
        if compiled is None:
            compiled = self._regex()
        if _BUDGET.get() is None:
            return compiled.search(string, pos, len(string) if endpos is None else endpos)
        return _run(compiled.search, string, pos, len(string) if endpos is None else endpos)

    def match(self, string: str, pos: int = 0, endpos: int | None = None):
        literals = self._literals
        if literals is None:
            literals = self.required_texts()
        if literals and self._cannot_match(string, pos, endpos):
            return None
        edges = self._edges
        first = (edges if edges is not None else self._edge_sets())[0]
        if first is not None and pos >= 0:
            end = len(string) if endpos is None or endpos > len(string) else endpos
            if not (pos < end and string[pos] in first):
                _budget_left()
                return None
        compiled = self._compiled
        if compiled is None:
            compiled = self._regex()
        if _BUDGET.get() is None:
            return compiled.match(string, pos, len(string) if endpos is None else endpos)
        return _run(compiled.match, string, pos, len(string) if endpos is None else endpos)

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


def compile_alternation(patterns, *, longest_first: bool = False, suffix: str = "",
                        checked: bool = False) -> UserPattern | None:
    """One bounded expression matching any of ``patterns`` (each grouped), then ``suffix``;
    None when there are none.  ``checked``: each pattern was validated already (a
    ``RegexList`` field), so it is not checked again (a look-up of each in the
    known-expressions store, ~25 k instructions a pattern)."""
    items = sorted(patterns, key=len, reverse=True) if longest_first else list(patterns)
    if not items:
        return None
    for pattern in () if checked else items:    # a bad one is named, not the combined expression
        check_pattern(pattern)
    body = "|".join(f"(?:{p})" for p in items)
    return compile_user(f"(?:{body}){suffix}" if suffix else body)


def _all_compile(patterns: list[str]) -> list[str]:
    for pattern in patterns:
        check_pattern(pattern)
    return patterns


if TYPE_CHECKING:
    RegexList = Annotated[list[str], AfterValidator(_all_compile)]
else:   # the same alias, made only when pydantic validates (checker.core.lazy_alias)
    RegexList = lazy_alias("RegexList", lambda t: t.Annotated[list[str], AfterValidator(_all_compile)])


def _compiles(pattern: str) -> str:
    _all_compile([pattern])
    return pattern


# One regular expression that must compile.
if TYPE_CHECKING:
    Regex = Annotated[str, AfterValidator(_compiles)]
else:   # the same alias, made only when pydantic validates (checker.core.lazy_alias)
    Regex = lazy_alias("Regex", lambda t: t.Annotated[str, AfterValidator(_compiles)])
