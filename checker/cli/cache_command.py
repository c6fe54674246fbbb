"""`gwlint cache`: what the user's cache folder holds, and emptying it.

``gwlint cache`` (or ``gwlint cache info``) lists the folder's stores by kind with their
sizes; ``gwlint cache clean`` removes every store (the next run builds what it needs
again), ``gwlint cache clean --unused`` only what the daily sweep would
(``checker.core.cache_sweep``).  The per-project results cache (``.gwlint_cache``) is
not this folder: delete it by hand.
"""
from __future__ import annotations

import sys
import time


def add_arguments(parser) -> None:
    parser.add_argument("action", nargs="?", choices=("info", "clean"), default="info",
                        help="info: what the cache folder holds (the default); clean: remove its stores")
    parser.add_argument("--unused", action="store_true",
                        help="with clean: only the stores no run has used lately (what the daily sweep removes)")


def run_cache(args) -> int:
    from checker.core.paths import cache_dir

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
