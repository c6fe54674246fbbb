"""`gwlint cache`: what the user's cache folder holds, and emptying it.

``gwlint cache`` (or ``gwlint cache info``) lists the folder's stores by kind with their
sizes; ``gwlint cache clean`` removes every store (the next run builds what it needs
again), ``gwlint cache clean --unused`` only what the daily sweep would
(``checker.core.cache_sweep``).  With ``--results [FOLDER]`` both act on a project's
results cache instead, ``FOLDER/.gwlint_cache`` (the working folder's by default):
``info`` lists its fingerprint folders, ``clean`` removes them all, ``clean --unused``
prunes it now as a run does once a day (``checker.engine.results_prune``).
"""
from __future__ import annotations

import sys
import time


def add_arguments(parser) -> None:
    parser.add_argument("action", nargs="?", choices=("info", "clean"), default="info",
                        help="info: what the cache folder holds (the default); clean: remove its stores")
    parser.add_argument("--unused", action="store_true",
                        help="with clean: only the stores no run has used lately (what the daily sweep removes)")
    parser.add_argument("--results", nargs="?", const=".", metavar="FOLDER",
                        help="act on the results cache FOLDER/.gwlint_cache (default: the working folder's) "
                             "instead of the user's cache folder")


def run_cache(args) -> int:
    from checker.core.paths import cache_dir

    if args.results is not None:
        from pathlib import Path

        from checker.engine.results_cache import FOLDER

        root = Path(args.results) / FOLDER
        return _clean_results(root, args.unused) if args.action == "clean" else _info_results(root)
    folder = cache_dir()
    if args.action == "clean":
        return _clean(folder, args.unused)
    return _info(folder)


def _clean(folder, unused: bool) -> int:
    from checker.core.cache_sweep import sweep

    removed = sweep(folder, everything=not unused) if folder.is_dir() else []
    stores = [name for name in removed if not name.startswith(("locks/", "."))]
    print(f"{folder}: {len(stores)} store{'' if len(stores) == 1 else 's'} removed")
    return 0


def _clean_results(root, unused: bool) -> int:
    from checker.engine.results_prune import PREFIX, prune

    removed = prune(root, everything=not unused) if root.is_dir() else []
    folders = sum(name.startswith(PREFIX) and "/" not in name for name in removed)
    entries = sum(name.endswith(".json") and "/" in name for name in removed)
    print(f"{root}: {folders} fingerprint folder{'' if folders == 1 else 's'} and "
          f"{entries} entry file{'' if entries == 1 else 's'} removed")
    return 0


def _info_results(root) -> int:
    import os

    from checker.engine.results_prune import MAX_AGE, PREFIX

    print(f"results cache: {root}")
    now, total, found = time.time(), 0, False
    try:
        folders = sorted((e for e in os.scandir(root) if e.name.startswith(PREFIX) and e.is_dir()), key=lambda e: e.name)
    except OSError:
        folders = []
    for entry in folders:
        size, last, count = 0, 0.0, 0
        try:
            inners = list(os.scandir(entry.path))
        except OSError:         # pruned by another run meanwhile
            continue
        for inner in inners:
            try:
                st = inner.stat(follow_symlinks=False)
            except OSError:
                continue
            size, last, count = size + st.st_size, max(last, st.st_mtime, st.st_atime), count + 1
        total += size
        found = True
        print(f"  {entry.name}  {count:6} files {_mb(size):>9}  last used {_ago(now - last)}")
    if not found:
        print("  empty")
    print(f"  total {_mb(total)}; fingerprints unused for {MAX_AGE / 86400:.0f} days are removed, and so are"
          f" the entries of files changed since that no run used for as long")
    sys.stdout.flush()
    return 0


def _info(folder) -> int:
    from checker.core.cache_families import FAMILIES, family_of
    from checker.core.cache_sweep import BUDGET, MAX_AGE, reads_recorded, survey
    from checker.core.paths import SWEEP_STAMP

    stores, temporary = survey(folder)
    print(f"cache folder: {folder}")
    if not stores:
        print("  empty")
    by_family: dict[str, list] = {}
    for store in stores:
        by_family.setdefault(family_of(store.name), []).append(store)
    now = time.time()
    for prefix in sorted(by_family, key=lambda p: -sum(s.size for s in by_family[p])):
        found = by_family[prefix]
        newest = max(s.last_use for s in found)
        print(f"  {prefix + '*':26} {len(found):4} {_mb(sum(s.size for s in found)):>9}"
              f"  last used {_ago(now - newest)}  {FAMILIES[prefix]}")
    total = sum(s.size for s in stores) + sum(s.size for s in temporary)
    print(f"  total {_mb(total)}; stores unused for {MAX_AGE / 86400:.0f} days are removed, "
          f"and past {_mb(BUDGET)} the least recently used")
    try:
        swept = f"last swept {_ago(now - (folder / SWEEP_STAMP).stat().st_mtime)}"
    except OSError:
        swept = "not swept yet"
    if folder.is_dir() and not reads_recorded(folder):
        swept += ("; this file system does not record reads (noatime), so unused stores cannot be told"
                  " from used ones and are not removed: run `gwlint cache clean`")
    print(f"  {swept}")
    sys.stdout.flush()
    return 0


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.1f} MB"


def _ago(seconds: float) -> str:
    if seconds < 3600:
        return f"{max(seconds, 0) / 60:.0f} min ago"
    if seconds < 86400:
        return f"{seconds / 3600:.0f} h ago"
    return f"{seconds / 86400:.0f} days ago"
