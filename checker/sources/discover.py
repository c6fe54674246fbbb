"""Find the files to check: walk directories for *.txt and *.md, apply include/exclude globs."""
from __future__ import annotations

import fnmatch
import os
from pathlib import Path, PurePosixPath

DEFAULT_INCLUDE = ("**/*.txt", "**/*.md", "**/*.docx")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".gwlint_cache", ".tox"}


def glob_match(path: str, pattern: str) -> bool:
    """Match a relative POSIX path against a glob where ``**/`` may match no directory."""
    p = PurePosixPath(path.replace(os.sep, "/"))
    if p.match(pattern) or fnmatch.fnmatch(str(p), pattern):
        return True
    if pattern.startswith("**/"):
        return glob_match(path, pattern[3:])
    return False


def discover(paths: list[str], include: tuple[str, ...] | list[str] = DEFAULT_INCLUDE,
             exclude: tuple[str, ...] | list[str] = (), root: Path | None = None) -> list[str]:
    """Expand paths: files named explicitly are always kept (unless excluded); directories
    are walked recursively for files matching ``include``."""
    found: list[str] = []
    seen: set[str] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS)
                for name in sorted(filenames):
                    full = os.path.join(dirpath, name)
                    rel = _relative(full, root)
                    if any(glob_match(rel, g) for g in include) and not any(glob_match(rel, g) for g in exclude):
                        _add(found, seen, full)
        else:
            rel = _relative(given, root)
            if not any(glob_match(rel, g) for g in exclude):
                _add(found, seen, given)
    return found


def _relative(path: str, root: Path | None) -> str:
    if root is None:
        return os.path.normpath(path).replace(os.sep, "/")
    try:
        return Path(os.path.abspath(path)).relative_to(root.resolve()).as_posix()
    except ValueError:
        return os.path.normpath(path).replace(os.sep, "/")


def _add(found: list[str], seen: set[str], path: str) -> None:
    norm = os.path.normpath(path)
    if norm not in seen:
        seen.add(norm)
        found.append(norm)
