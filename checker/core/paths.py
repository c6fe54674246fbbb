"""Where the shipped rule packs and tables are, installed or in a checkout, and the user's
cache folder (with the check, one ``stat``, of whether it is due for its daily sweep)."""
from __future__ import annotations

import os
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path


def builtin_rules_dir() -> Path:
    """The rule packs shipped with the package.

    Installed, they live in ``checker/builtin_rules`` (pyproject maps the repository's
    top-level ``rules/`` there); in an editable install or a checkout that folder does
    not exist and the repository's ``rules/`` is used directly.
    """
    from pathlib import Path     # the rule set is read from its store on the one-file path

    return Path(builtin_rules_name())


def builtin_rules_name() -> str:
    """``builtin_rules_dir`` as text (made with ``os.path``: no ``pathlib`` on the one-file path)."""
    package_dir = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))   # checker/
    installed = os.path.join(package_dir, "builtin_rules")
    if os.path.isdir(installed):
        return installed
    return os.path.join(os.path.dirname(package_dir), "rules")


def cache_dir() -> Path:
    """The user's cache folder for gwlint (``$XDG_CACHE_HOME/gwlint``, else ``~/.cache/gwlint``)."""
    from pathlib import Path     # the one-file path names its stores with cache_path

    return Path(cache_dir_name())


def cache_path(name: str) -> str:
    """The file or folder ``name`` in the user's cache folder, as text (``cache_dir() / name``
    without ``pathlib``, which the one-file path does not import)."""
    return os.path.join(cache_dir_name(), name)


def cache_dir_name() -> str:
    """``cache_dir()`` as text."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "gwlint")


SWEEP_STAMP = "swept"        # in the cache folder: its modification time is the last sweep's
SWEEP_PERIOD = 86400.0       # seconds between sweeps


def stamp_fresh(path: str, period: float, now: float | None = None) -> bool:
    """Whether the stamp file ``path`` was touched less than ``period`` seconds ago: the
    one test of the cache folders' daily upkeep (the sweep here, the results cache's
    prune).  A stamp from the future (a clock set back since) is not fresh.  Raises what
    ``os.stat`` raises (``FileNotFoundError``: never stamped)."""
    import time

    return 0 <= (time.time() if now is None else now) - os.stat(path).st_mtime < period


def sweep_cache_when_due() -> None:
    """Sweep the user's cache folder of unused stores (``checker.core.cache_upkeep``) when
    it was last swept over a day ago.  Here, beside ``cache_dir``, so that a run between
    sweeps pays one ``stat`` (of strings: no ``pathlib``) and imports nothing."""
    folder = cache_dir_name()
    try:
        if stamp_fresh(os.path.join(folder, SWEEP_STAMP), SWEEP_PERIOD):
            return
    except FileNotFoundError:
        if not os.access(folder, os.W_OK | os.X_OK):
            return                  # no folder, or one this user cannot sweep: every run would try
    except (OSError, ValueError):
        return
    try:
        from checker.core.cache_upkeep import after_run
    except ImportError:             # pragma: no cover - a damaged installation: the run is done
        return
    after_run(folder, SWEEP_STAMP, SWEEP_PERIOD)       # never raises


def cache_folders():
    """``cache_folder_names`` as ``Path`` objects."""
    from pathlib import Path     # the one-file path uses cache_folder_names

    for folder in cache_folder_names():
        yield Path(folder)


def cache_folder_names():
    """Where a cache file is looked for and kept, as text (no ``pathlib`` on the one-file
    path): the user's cache folder, then (only when that one cannot be used: not made, not
    writable) ``<temp>/gwlint`` when this user owns it or it does not exist yet.  A miss in
    a usable cache folder is a miss: the temporary folder is shared by every process and
    user of the machine, and a file found there (left by a run whose cache folder failed,
    or put there by another user) would be read by every later run instead of one written
    to the user's folder.  A generator, so the temporary folder (``tempfile``'s import and
    its writable-folder probe) is found only when needed."""
    first = cache_dir_name()
    yield first
    try:
        os.makedirs(first, exist_ok=True)
        if os.access(first, os.W_OK | os.X_OK):
            return
    except OSError:
        pass
    import tempfile

    fallback = os.path.join(tempfile.gettempdir(), "gwlint")
    try:
        owner = os.stat(fallback).st_uid
    except OSError:
        owner = None                    # not made yet: the writer makes it, as this user
    if owner is None or owner == getattr(os, "getuid", lambda: owner)():
        yield fallback
