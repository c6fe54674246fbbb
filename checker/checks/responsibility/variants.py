"""Kind ``responsibility-variants``: one unit spelt two ways in one document
(``高等教育和职业教育处`` / ``高等教育与职业教育处``).

Names come from the annotations.  Spellings of one unit are grouped (see
:func:`checker.model.annotations.same_unit`); the intended one is the registry's, else
the one written most often, else the first written.  Every use of another spelling is
reported at its span.  When a registry is configured, a spelling missing from it is left
to the registry rule, which names the registered form.  The note says how often and from
which line the intended spelling is written (the pack's ``intended_seen`` template)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.checks.no_params import Params

from checker.checks.finding import Finding
from checker.model.annotations import annotations_of, responsibility_data, same_unit, suffix_class, unit_key

MESSAGE_ARGS = frozenset({"name", "intended", "count", "first_line"})
MESSAGES = frozenset({"intended_seen"})


def check(doc, rule) -> Iterator[Finding]:
    data = responsibility_data(doc)
    uses = [u for ann in annotations_of(doc) for u in ann.units]
    counts = Counter(u.name for u in uses)
    order = list(dict.fromkeys(u.name for u in uses))
    registry = set(data.registry)
    # group spellings (union of pairwise matches)
    parent = {n: n for n in order}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    # Only names with a suffix in common can be spellings of one unit (the shortest listed
    # suffix is shared by any two that have one in common), and same_unit() is only worth
    # calling when they differ by a short insertion: equal keys (fillers dropped, full forms
    # abbreviated: 县卫生健康局 = 县卫健局) are linked at once.  Precomputing both keeps
    # this linear in practice instead of a suffix test per pair.
    suffix = {n: suffix_class(n, data) for n in order}
    bare = {n: unit_key(n, data) for n in order}
    by_suffix: dict[str, list[str]] = {}
    for n in order:
        if suffix[n] is not None:
            by_suffix.setdefault(suffix[n], []).append(n)
    for names in by_suffix.values():
        # equal keys: linked at once
        first_of_key: dict[str, str] = {}
        for n in names:
            a = first_of_key.setdefault(bare[n], n)
            if a != n:
                parent[root(n)] = root(a)
        # one is the other with a few characters inserted: look each shorter form up
        # (len x variant_insertion lookups per name) instead of testing every pair
        present = set(names)
        for long_ in names:
            for gap in range(1, data.variant_insertion + 1):
                for i in range(1, len(long_) - gap + 1):
                    short = long_[:i] + long_[i + gap:]
                    if short in present and same_unit(short, long_, data):
                        parent[root(long_)] = root(short)
    position = {n: i for i, n in enumerate(order)}
    groups: dict[str, list[str]] = {}
    for n in order:
        groups.setdefault(root(n), []).append(n)
    intended: dict[str, str] = {}
    for names in groups.values():
        if len(names) < 2:
            continue
        best = max(names, key=lambda n: (n in registry, counts[n], -position[n]))
        for n in names:
            if n != best:
                intended[n] = best
    first_line = {}
    for u in uses:
        first_line.setdefault(u.name, doc.position(u.span.start)[0])
    for u in uses:
        target = intended.get(u.name)
        if target is None or (registry and u.name not in registry):
            continue
        yield Finding(u.span, args={"name": u.name, "intended": target, "count": counts[target],
                                    "first_line": first_line[target]},
                      note="intended_seen")
