"""When a project's results cache is pruned: at most once a day, after the run's report.

A run costs one ``stat``: making its ``ResultsCache``, it looks at the stamp ``pruned``
in ``.gwlint_cache`` (``results_cache._note_if_due``); when the stamp is missing or a
day old, the folder is remembered, and ``gwlint check`` prunes it after writing its
report (``prune_when_due``, through ``checker.core.cache_upkeep.after_run``: the stamp
is taken with an ``flock`` without waiting, so of runs ending together in one project
one prunes, and checked again under it).  What goes is ``checker.engine.results_prune``'s
to say.  Nothing here fails a run.
"""
from __future__ import annotations

import sys


def prune_when_due(now: float | None = None) -> None:
    """Prune the results caches this process found due (after the report; never raises)."""
    # not imported: a run that made no ResultsCache (--fix, --diff, standard input) has
    # nothing to prune and need not load the cache's module
    cache = sys.modules.get("checker.engine.results_cache")
    if cache is None:
        return
    while cache.due_for_prune:
        root = cache.due_for_prune.pop()
        try:
            from checker.core.cache_upkeep import after_run
            from checker.engine.results_prune import prune
        except ImportError:            # pragma: no cover - a damaged installation: the run is done
            return
        after_run(root, cache.PRUNE_STAMP, cache.PRUNE_PERIOD, now, prune)
