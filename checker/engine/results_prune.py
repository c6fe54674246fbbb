"""Pruning a project's results cache (``.gwlint_cache``) of what no run will use again.

Run at most once a day, after a run's report (``checker.engine.results_upkeep``), or by
``gwlint cache clean --results``.  A file's last use is the later of its last write and
its last read (its access time, which Linux's default ``relatime`` updates on the first
read each day: ``checker.core.cache_sweep.reads_recorded`` probes whether the folder
records reads; where it does not, nothing is removed by its use, only the leftovers).

What goes:
- a fingerprint folder (``results-*``) none of whose files was used for ``MAX_AGE``:
  another gwlint version or code, rules, data or configuration, no longer run;
- in a folder kept, a file's entry (``<key>.json`` and ``<key>.corpus.json``) unused for
  ``MAX_AGE`` *and* superseded: the file it names now has other bytes, or is gone.  An
  unchanged file's entry stays however long no run saw it (a pre-commit hook checks the
  files of each commit only; a run that copies its stored report reads no entry), as do
  the entries the kept comparison's index (``index.json``) names;
- a temporary file of a writer killed half-way (a dot name untouched for a day; a live
  writer's is seconds old), and a folder set aside by an earlier prune.

Reports and phase entries are trimmed by count as they are written (``KEEP_REPORTS``,
``KEEP_PHASES``).  Safe beside live runs: an entry removed under a reader is a miss
(``ResultsCache._read`` takes an ``OSError`` as one), an open file stays readable; a
whole folder is first renamed aside (one step), then emptied.  Nothing here raises.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

from checker.core.cache_sweep import DAY, LEFTOVER_AGE, reads_recorded
from checker.engine.results_cache import ResultsCache

MAX_AGE = 14 * DAY
PREFIX = "results-"          # a fingerprint folder
ASIDE = ".pruned-"           # a folder renamed aside before it is emptied
_KEY_LENGTH = 40             # ResultsCache.key: 20 bytes of blake2b, in hex
_HEX = frozenset("0123456789abcdef")


def prune(root: Path, now: float | None = None, cwd: str | None = None, everything: bool = False) -> list[str]:
    """Prune the results cache ``root`` (a ``.gwlint_cache`` folder); ``everything``: remove
    every fingerprint folder.  The names removed (folders, or ``folder/file``)."""
    now = time.time() if now is None else now
    removed: list[str] = []
    try:
        entries = list(os.scandir(root))
    except OSError:
        return removed
    by_use = everything or reads_recorded(root)
    for entry in entries:
        name = entry.name
        try:
            if name.startswith(ASIDE):
                if _last_use(entry.path, now - LEFTOVER_AGE, leftovers=True) < now - LEFTOVER_AGE and _rmtree(entry.path):
                    removed.append(name)
                continue
            if not (name.startswith(PREFIX) and entry.is_dir(follow_symlinks=False)):
                continue                   # the reference index, the probe, a stranger's file
            if everything or (by_use and _last_use(entry.path, now - MAX_AGE) < now - MAX_AGE):
                if _set_aside_and_remove(root, name):
                    removed.append(name)
                continue
            removed += [f"{name}/{f}" for f in stale_files(Path(entry.path), root, now, cwd, by_use)]
        except OSError:
            continue
    return removed


def stale_files(folder: Path, root: Path, now: float, cwd: str | None = None, by_use: bool = True) -> list[str]:
    """Remove from the fingerprint folder ``folder`` the superseded entries unused for
    ``MAX_AGE`` (only with ``by_use``) and the leftovers of killed writers; their names."""
    removed = []
    groups: dict[str, list[tuple[str, float]]] = {}
    for entry in os.scandir(folder):
        name = entry.name
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue                       # removed meanwhile
        used = max(st.st_mtime, st.st_atime)
        if name.startswith("."):
            if used < now - LEFTOVER_AGE and _unlink(entry.path):
                removed.append(name)
            continue
        key = _key_of(name)
        if key is not None and by_use:
            groups.setdefault(key, []).append((name, used))
    old = [key for key, files in groups.items() if max(u for _, u in files) < now - MAX_AGE]
    if not old:
        return removed
    indexed = _indexed_keys(folder)
    cwd = os.getcwd() if cwd is None else cwd
    for key in old:
        if key in indexed or _current(folder, key, root, cwd):
            continue
        removed += [name for name, _ in groups[key] if _unlink(str(folder / name))]
    return removed


def _key_of(name: str) -> str | None:
    """The entry key of a file's entry name (``<key>.json``, ``<key>.corpus.json``), else None."""
    for suffix in (".corpus.json", ".json"):
        if name.endswith(suffix):
            key = name[:-len(suffix)]
            if len(key) == _KEY_LENGTH and _HEX.issuperset(key):
                return key
    return None


def _current(folder: Path, key: str, root: Path, cwd: str) -> bool:
    """Whether the entry ``key`` is still that of the file it names: the path as given,
    read from the working folder or from the folder holding ``root`` (runs are made from
    either).  An entry whose path cannot be read is not (a damaged entry is a miss)."""
    try:
        with open(folder / f"{key}.json", "rb") as fh:
            path = json.loads(fh.read())["path"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not isinstance(path, str):
        return False
    places = {os.path.join(cwd, path), os.path.join(str(root.parent), path)}
    return any(ResultsCache.key(path, at=place) == key for place in places)


def _indexed_keys(folder: Path) -> set[str]:
    """The entry keys the kept comparison's index names (``runner._updated_phase`` reads
    the summaries of its changed files' previous entries)."""
    try:
        with open(folder / "index.json", "rb") as fh:
            keys = json.loads(fh.read())["keys"]
        return {k for k in keys.values() if isinstance(k, str)}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()


def _last_use(path: str, recent: float, leftovers: bool = False) -> float:
    """The latest write or read of the folder ``path`` or a file in it; the scan stops at
    the first use after ``recent`` (a folder in use is not listed to its end).
    ``leftovers``: only the folder's own times count (a folder set aside is not read)."""
    st = os.stat(path, follow_symlinks=False)
    last = max(st.st_mtime, st.st_atime) if leftovers else st.st_mtime
    if leftovers or last >= recent:
        return last
    for entry in os.scandir(path):
        try:
            ist = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        last = max(last, ist.st_mtime, ist.st_atime)
        if last >= recent:
            break
    return last


def _set_aside_and_remove(root: Path, name: str) -> bool:
    """Rename the folder ``name`` aside (a run opening its entries after that finds none:
    misses), then empty it; what is left is a leftover for the next prune."""
    aside = root / f"{ASIDE}{name}-{os.getpid()}"
    try:
        os.replace(root / name, aside)
    except OSError:
        return False
    _rmtree(str(aside))
    return True


def _rmtree(path: str) -> bool:
    import shutil

    shutil.rmtree(path, ignore_errors=True)
    return not os.path.lexists(path)


def _unlink(path: str) -> bool:
    try:
        os.unlink(path)
        return True
    except OSError:
        return False
