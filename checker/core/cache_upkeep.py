"""The cache folder's daily sweep, run by ``gwlint check`` after its report is written.

A run costs one ``stat`` of the stamp file ``swept`` in the user's cache folder
(``checker.core.paths.sweep_cache_when_due``, which imports this module only when the
stamp is missing or older than a day).  Then the run takes the stamp (an ``flock``
without waiting: of processes ending together, one sweeps), marks it with the time, and
sweeps (``checker.core.cache_sweep``, a few milliseconds for a folder
of a hundred stores).  Whatever goes wrong is ignored: the sweep never fails a run, and a
sweep that cannot remove a file says nothing.
"""
from __future__ import annotations

import os
import sys
import time


def after_run(folder, stamp_name: str, period: float, now: float | None = None, sweeper=None) -> bool:
    """Sweep ``folder`` when its stamp ``stamp_name`` is missing or ``period`` seconds old
    (``checker.core.paths`` names both: it checks them on every run); True when swept.
    ``sweeper(folder, now)``: what sweeps, when not ``cache_sweep.sweep`` (a project's
    results cache is pruned under the same stamp rules: ``checker.engine.results_upkeep``)."""
    try:
        now = time.time() if now is None else now
        stamp = os.path.join(folder, stamp_name)
        try:
            if 0 <= now - os.stat(stamp).st_mtime < period:
                return False
        except FileNotFoundError:
            if not os.path.isdir(folder):
                return False               # no cache folder: nothing kept, nothing to sweep
        return _sweep_once(folder, stamp, period, now, sweeper)
    except Exception:  # noqa: BLE001 - upkeep never fails a run
        return False


def _sweep_once(folder, stamp: str, period: float, now: float, sweeper=None) -> bool:
    from pathlib import Path

    fd = os.open(stamp, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:                # pragma: no cover - not on POSIX: unlocked
            pass
        except OSError:
            return False                   # another process is sweeping
        if 0 <= now - os.fstat(fd).st_mtime < period and os.fstat(fd).st_size:
            return False                   # swept meanwhile
        os.write(fd, b"x")                 # not empty: a stamp written by a sweep
        os.utime(stamp, (now, now))
        try:
            sys.stdout.flush()             # the report out before the sweep's milliseconds
        except (OSError, ValueError):
            pass
        if sweeper is None:
            from checker.core.cache_sweep import sweep as sweeper

        sweeper(Path(folder), now)
        return True
    finally:
        os.close(fd)
