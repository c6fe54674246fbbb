"""When a project's results cache is pruned: at most once a day, after the run's report.

A run costs one ``stat``: making its ``ResultsCache``, it looks at the stamp ``pruned``
in ``.gwlint_cache`` (``note``); when the stamp is missing or a day old, the folder is
remembered, and ``gwlint check`` prunes it after writing its report (``prune_when_due``,
``checker.core.cache_upkeep.after_run``: the stamp is taken with an ``flock`` without
waiting, so of runs ending together in one project one prunes, and checked again under
it).  What goes is ``checker.engine.results_prune``'s to say.  Nothing here fails a run.
"""
from __future__ import annotations

import os
import time

STAMP = "pruned"             # in .gwlint_cache: its modification time is the last prune's
PERIOD = 86400.0             # seconds between prunes

_due: set[str] = set()       # the results caches this process used that are due


def note(root) -> None:
    """Remember the results cache ``root`` when it is due for its prune."""
    root = os.fspath(root)
    try:
        # a stamp from the future (a clock set back since) is due as well
        if 0 <= time.time() - os.stat(os.path.join(root, STAMP)).st_mtime < PERIOD:
            return
    except FileNotFoundError:
        if not os.path.isdir(root):
            return                     # a first run: nothing kept yet
    except (OSError, ValueError):
        return
    _due.add(root)


def prune_when_due(now: float | None = None) -> None:
    """Prune the results caches ``note`` found due (after the report; never raises)."""
    while _due:
        root = _due.pop()
        try:
            from checker.core.cache_upkeep import after_run
            from checker.engine.results_prune import prune
        except ImportError:            # pragma: no cover - a damaged installation: the run is done
            return
        after_run(root, STAMP, PERIOD, now, prune)
