"""Kind ``responsibility-registry``: a unit name in an annotation that is not in the
repository's registry (data ``responsibility.registry``, empty by default: then nothing is
checked).  Collective owners (各县区, 机关各处室 …) match ``registry_exempt``.  When a
registered name is a likely intended spelling, the report names it (the pack's
``registered`` note)."""
from __future__ import annotations

from functools import lru_cache
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.model.annotations import annotations_of, responsibility_data, same_unit
from checker.core.patterns import compile_alternation

MESSAGE_ARGS = frozenset({"name", "registered"})
MESSAGES = frozenset({"registered"})


@lru_cache(maxsize=8)
def _exempt(patterns: tuple[str, ...]):
    return compile_alternation(patterns)     # user data: bounded


def check(doc, rule) -> Iterator[Finding]:
    data = responsibility_data(doc)
    if not data.registry:
        return
    registry = set(data.registry)
    exempt = _exempt(tuple(data.registry_exempt))
    for ann in annotations_of(doc):
        for u in ann.units:
            if u.name in registry or (exempt and exempt.search(u.name)):
                continue
            near = next((r for r in data.registry if same_unit(u.name, r, data)), None)
            yield Finding(u.span, args={"name": u.name, "registered": near or ""},
                          note="registered" if near else None)
