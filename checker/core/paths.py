"""Where the shipped rule packs and tables are, installed or in a checkout."""
from __future__ import annotations

import os
from pathlib import Path


def builtin_rules_dir() -> Path:
    """The rule packs shipped with the package.

    Installed, they live in ``checker/builtin_rules`` (pyproject maps the repository's
    top-level ``rules/`` there); in an editable install or a checkout that folder does
    not exist and the repository's ``rules/`` is used directly.
    """
    package_dir = Path(__file__).resolve().parents[1]   # checker/
    installed = package_dir / "builtin_rules"
    if installed.is_dir():
        return installed
    return package_dir.parent / "rules"


def cache_dir() -> Path:
    """The user's cache folder for gwlint (``$XDG_CACHE_HOME/gwlint``, else ``~/.cache/gwlint``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gwlint"


def cache_folders():
    """Where a cache file is looked for and kept: the user's cache folder, then (only when
    that one fails) ``<temp>/gwlint``.  A generator, so the temporary folder (``tempfile``'s
    import and its writable-folder probe) is found only when needed."""
    yield cache_dir()
    import tempfile

    yield Path(tempfile.gettempdir()) / "gwlint"
