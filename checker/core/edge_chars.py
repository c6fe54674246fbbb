"""The characters a match of an expression can begin with, and end with before a final ``$``.

Read from the expression's parse (``re``'s parser: ``checker.core.patterns`` makes sure
``regex`` reads it alike).  A match anchored at a position (``match``) whose every match
takes at least one character can only begin with one of ``first_chars``; a match that ends
at a whole-text ``$`` can only end with one of ``last_chars`` (or before a final line
break).  When the character there is none of them, no call is needed: the expression
cannot match (``UserPattern.match`` and ``search``).

Only what can be vouched for gives a set: literals and sets of listed characters or
short ranges; a look-around, ``^`` or ``\\b`` takes no character and is passed over (it can
only forbid a match, never let a different character begin one).  Anything else — a
category such as ``\\d``, a negated set, ``.``, a back reference, a conditional, a match
that may be empty — gives None, and the expression is run as always.
"""
from __future__ import annotations

_SET_MAX = 512          # characters listed in a set; a wider set gives no answer


def first_chars(items, c) -> frozenset[str] | None:
    """The characters every match of the parsed sequence ``items`` begins with; None
    when unknown or when a match may be empty."""
    chars, may_be_empty = _edge(list(items), c, forward=True)
    return None if chars is None or may_be_empty else frozenset(chars)


def last_chars(items, c) -> frozenset[str] | None:
    """For a sequence ending in a whole-text ``$`` (not multi-line): the characters every
    match ends with before it; None when unknown, when it does not end so, or when a
    match may be empty."""
    items = list(items)
    if not items or items[-1] != (c.AT, c.AT_END):
        return None
    chars, may_be_empty = _edge(items[:-1], c, forward=False)
    return None if chars is None or may_be_empty else frozenset(chars)


def _edge(items: list, c, forward: bool) -> tuple[set[str] | None, bool]:
    """(the characters a match of ``items`` begins with — ends with when not
    ``forward`` — or None: unknown; whether a match may take no character)."""
    found: set[str] = set()
    for op, av in (items if forward else reversed(items)):
        if op is c.LITERAL:
            found.add(chr(av))
            return found, False
        if op is c.IN:
            members = _listed(av, c)
            if members is None:
                return None, False
            found |= members
            return found, False
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue                    # takes no character
        if op is c.AT:
            if av is c.AT_END and not forward:
                return None, False      # a $ inside: not the plain end this reads back from
            continue
        if op is c.SUBPATTERN:
            _, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                return None, False
            inner, empty = _edge(list(sub), c, forward)
        elif op is c.ATOMIC_GROUP:
            inner, empty = _edge(list(av), c, forward)
        elif op is c.BRANCH:
            inner, empty = set(), False
            for branch in av[1]:
                one, one_empty = _edge(list(branch), c, forward)
                if one is None:
                    return None, False
                inner |= one
                empty = empty or one_empty
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, sub = av
            if high == 0:
                continue                # x{0}: takes nothing
            inner, empty = _edge(list(sub), c, forward)
            empty = empty or low == 0
        else:
            return None, False
        if inner is None:
            return None, False
        found |= inner
        if not empty:
            return found, False
    return found, True


def _listed(items, c) -> set[str] | None:
    """The characters of a parsed set ``[...]`` made of literals and ranges only."""
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE:
            if av[1] - av[0] >= _SET_MAX:
                return None
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:
            return None
        if len(chars) > _SET_MAX:
            return None
    return chars
