"""``re.compile``, with the program told which characters a match can begin with.

``re``'s engine searches a string in one of three ways, chosen by its compiler: it skips
to the next occurrence of a literal prefix (``年度``), or to the next character of a set
when the expression opens with one (``[0-9]``, or a choice of single literals ``a|b``),
or — for anything else — it starts a full match attempt at every position of the string.
The compiler looks no further than that: an expression opening with a repeat
(``[0-9]{1,3}``, ``。{3,}``), a group holding a choice (``(?:https?|ftp)://``), a
look-behind or ``^`` gets the third way, some twenty times the cost per character of the
second, though its matches can only begin with a few characters.  Many of the checks'
own expressions are searched that way over whole documents or paragraphs.

``compile_skipping`` reads from the parse the characters every match begins with
(``first_set``: literals, sets, categories, through groups, choices, repeats, and past
look-arounds and anchors, which take no character) and, when ``re`` found no prefix or set
of its own, writes them into the program's information block as the set ``re`` would
have written for ``[...]``.  The engine then tries a match only where such a character
stands; the match tried there is the same program as before, so what it finds is what
``re.compile`` finds (only positions where no match can begin are passed over).  An
expression that may match the empty string, ignores case, reads ``.``, a negated set or
a back reference first, or anything unknown, keeps ``re``'s own program.

The information block's layout is ``re``'s own (``re._compiler._compile_info``), built
with its private helpers for the Python versions ``re_cache`` mirrors; on any other, or if
anything unexpected happens, the expression is compiled by ``re.compile`` as it is.
Programs are kept in ``re_cache``'s store (under their own key) when the command line
installed it, so a later run does not parse the expression.
"""
from __future__ import annotations

import re
import sys

from checker.core import re_cache

# re._compiler's helpers read here (the same Python versions re_cache mirrors)
_MIRRORED = ((3, 11), (3, 12), (3, 13))
_STORE_TAG = "first-set"        # the store's key: (pattern, flags, this)


# The expressions made so far, by (pattern, flags): the checks compile theirs at import or
# once per vocabulary, so this stays small (tests read it: ``made``).
_MADE: dict[tuple[str, int], re.Pattern] = {}
_MADE_MAX = 4096


def compile_skipping(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``: the same matches, found skipping the positions where
    no match can begin (see the module's description)."""
    key = (pattern, int(flags))
    found = _MADE.get(key)
    if found is None:
        found = _compile(*key)
        if len(_MADE) < _MADE_MAX:
            _MADE[key] = found
    return found


def made() -> list[tuple[str, int]]:
    """The (pattern, flags) pairs compiled so far."""
    return list(_MADE)


def _compile(pattern: str, flags: int) -> re.Pattern:
    if not isinstance(pattern, str) or sys.version_info[:2] not in _MIRRORED:
        return re.compile(pattern, flags)
    try:
        return re_cache.compile_program((pattern, flags, _STORE_TAG), pattern, lambda: _program(pattern, flags))
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - private interfaces changed: re's own program
        return re.compile(pattern, flags)


def _program(pattern: str, flags: int) -> tuple:
    """The arguments of ``_sre.compile`` after the pattern: ``re._compiler.compile``'s,
    with a first-character set in the information block when ``first_set`` gives one
    and ``re`` had neither a prefix nor a set."""
    from re import _compiler, _constants as c, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    final = flags | parsed.state.flags
    if code[0] == c.INFO and not code[2] & (c.SRE_INFO_PREFIX | c.SRE_INFO_CHARSET) and code[3] >= 1:
        items = first_set(parsed, final)
        if items:
            charset, _ = _compiler._optimize_charset(items)
            block = [int(c.INFO), 0, code[2] | c.SRE_INFO_CHARSET, code[3], code[4]]
            listed: list = []
            _compiler._compile_charset(charset, final, listed)
            block += [int(op) for op in listed]
            block[1] = len(block) - 1               # the block's length after its INFO word
            code = block + code[1 + code[1]:]       # the rest of the program as it was
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return final, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def first_set(parsed, flags: int) -> list | None:
    """The set items (``re``'s parse: literals, ranges, categories) one of which every
    match of ``parsed`` begins with; None when that cannot be told or a match may be
    empty, or under flags that change what a character matches (case, locale)."""
    from re import _constants as c

    if flags & (c.SRE_FLAG_IGNORECASE | c.SRE_FLAG_LOCALE) or not flags & c.SRE_FLAG_UNICODE:
        return None
    items, may_be_empty = _first(list(parsed), c)
    if items is None or may_be_empty:
        return None
    return items


def _first(sequence: list, c) -> tuple[list | None, bool]:
    """(the set items a match of ``sequence`` begins with, or None: unknown; whether a
    match may take no character).  Walks on past items that may take none (a look-around,
    an anchor, an optional group), adding what each may begin with."""
    found: list = []
    for op, av in sequence:
        if op is c.LITERAL:
            found.append((c.LITERAL, av))
            return found, False
        if op is c.IN:
            if any(item_op not in (c.LITERAL, c.RANGE, c.CATEGORY) for item_op, _ in av):
                return None, False          # a negated set (or anything else): no answer
            found += av
            return found, False
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue                        # takes no character: the next item begins the match
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None, False
            inner, empty = _first(list(sub), c)
        elif op is c.ATOMIC_GROUP:
            inner, empty = _first(list(av), c)
        elif op is c.BRANCH:
            inner, empty = [], False
            for branch in av[1]:
                one, one_empty = _first(list(branch), c)
                if one is None:
                    return None, False
                inner += one
                empty = empty or one_empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            if high == 0:
                continue                    # x{0}: takes nothing
            inner, empty = _first(list(sub), c)
            empty = empty or low == 0
        else:
            return None, False              # ., a negated literal, a back reference, a conditional ...
        if inner is None:
            return None, False
        found += inner
        if not empty:
            return found, False
    return found, True
