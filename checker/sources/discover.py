"""Find the files to check, with gitignore semantics throughout.

``include`` and ``exclude`` of ``.gwlint.yaml`` (and every other path pattern of the
configuration: a rule's ``ignore``, ``kinds``) are gitignore patterns, matched with
pathspec against the path relative to the configuration's folder: ``archive/**`` is
the top-level archive folder only, ``build/`` any folder named build, ``*.tmp.txt`` a
name at any depth, ``!keep.txt`` takes a file back.

Walking a directory honours ``.gitignore`` files by default, as git and ruff do: those of
the walked folders, those of its parents up to the repository's root, and the
repository's ``.git/info/exclude``; an ignored folder is not entered.  A file named on
the command line is checked even when git ignores it (only ``exclude`` removes it).
"""
from __future__ import annotations

import os
from functools import lru_cache

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from pathlib import Path     # annotations, and folders': a one-file run imports no pathlib

    from pathspec import GitIgnoreSpec

DEFAULT_INCLUDE = ("**/*.txt", "**/*.md", "**/*.docx")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".gwlint_cache", ".tox"}


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec      # only when there are patterns: an import of 10-20 ms

    return GitIgnoreSpec.from_lines(patterns)


def matches_any(path: str, patterns) -> bool:
    """Whether a relative POSIX path is matched by gitignore ``patterns`` (negations count)."""
    patterns = tuple(patterns)
    if not patterns:
        return False
    return _spec(patterns).match_file(path.replace(os.sep, "/"))


def glob_match(path: str, pattern: str) -> bool:
    """One gitignore pattern against a relative POSIX path."""
    return matches_any(path, (pattern,))


class GitIgnores:
    """The .gitignore files in force for a folder, from the repository's root down."""

    def __init__(self, layers: tuple[tuple[str, GitIgnoreSpec], ...] = ()) -> None:
        self.layers = layers

    @classmethod
    def above(cls, folder: Path) -> "GitIgnores":
        """The ignore files of ``folder``'s parents up to its repository's root (none
        outside a repository), and the repository's ``.git/info/exclude``."""
        folder = folder.resolve()
        chain = [folder, *folder.parents]
        root = next((p for p in chain if (p / ".git").exists()), None)
        if root is None:
            return cls()
        layers: list[tuple[str, GitIgnoreSpec]] = []
        info = root / ".git" / "info" / "exclude"
        if info.is_file():
            layers += _read_layer(root, info)
        for parent in reversed(chain[1:chain.index(root) + 1]):
            layers += _read_layer(parent, parent / ".gitignore")
        return cls(tuple(layers))

    def entering(self, folder: str) -> "GitIgnores":
        """These rules plus ``folder``'s own .gitignore."""
        from pathlib import Path     # a walk's

        extra = _read_layer(Path(folder), Path(folder) / ".gitignore")
        return GitIgnores(self.layers + tuple(extra)) if extra else self

    def ignored(self, path: str, is_dir: bool) -> bool:
        verdict = None
        absolute = os.path.abspath(path)
        for base, spec in self.layers:
            rel = os.path.relpath(absolute, base)
            if rel.startswith(".."):
                continue
            rel = rel.replace(os.sep, "/") + ("/" if is_dir else "")
            include = spec.check_file(rel).include
            if include is not None:  # a deeper file's pattern overrides a shallower one
                verdict = include
        return bool(verdict)


def _read_layer(base: Path, file: Path) -> list[tuple[str, GitIgnoreSpec]]:
    try:
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    from pathspec import GitIgnoreSpec      # only when an ignore file exists

    spec = GitIgnoreSpec.from_lines(lines)
    return [(os.path.abspath(base), spec)] if len(spec) else []


def discover(paths: list[str], include: tuple[str, ...] | list[str] = DEFAULT_INCLUDE,
             exclude: tuple[str, ...] | list[str] = (), root: Path | str | None = None,
             respect_gitignore: bool = True, skipped: list[tuple[str, str]] | None = None) -> list[str]:
    """Expand paths: files named explicitly are kept unless ``exclude`` matches them;
    directories are walked for files matching ``include`` and not ``exclude`` (nor, with
    ``respect_gitignore``, ignored by git).  A walk never gives what is not a regular file
    (a named pipe, a socket, a device: reading one blocks or never ends): such matches go to
    ``skipped`` as (path, what it is) when a list is given, and so do folders that could not
    be read (``checker.sources.walk.skipped_message`` words both)."""
    from checker.sources.walk import not_a_file, walk

    found: list[str] = []
    seen: set[str] = set()
    include, exclude = tuple(include), tuple(exclude)
    for given in paths:
        if os.path.isdir(given or "."):       # Path(given).is_dir() ("" is pathlib's "."): a file makes no Path
            from pathlib import Path

            p = Path(given)
            start = GitIgnores.above(p).entering(str(p)) if respect_gitignore else GitIgnores()
            rules = {os.path.normpath(str(p)): start}
            for dirpath, dirnames, entries in walk(str(p), skipped):
                here = rules.pop(os.path.normpath(dirpath), start)
                kept = []
                for d in sorted(dirnames):
                    full = os.path.join(dirpath, d)
                    if d in _SKIP_DIRS or here.ignored(full, True) or matches_any(_relative(full, root) + "/", exclude):
                        continue
                    kept.append(d)
                    if respect_gitignore:
                        rules[os.path.normpath(full)] = here.entering(full)
                dirnames[:] = kept
                for entry in sorted(entries, key=lambda e: e.name):
                    full = os.path.join(dirpath, entry.name)
                    rel = _relative(full, root)
                    if matches_any(rel, include) and not matches_any(rel, exclude) and not here.ignored(full, False):
                        kind = not_a_file(entry)
                        if kind is None:
                            _add(found, seen, full)
                        elif skipped is not None:
                            skipped.append((os.path.normpath(full), kind))
        elif not (exclude and matches_any(_relative(given, root), exclude)):
            _add(found, seen, given)
    return found


def _relative(path: str, root: Path | str | None) -> str:
    if root is None:
        return os.path.normpath(path).replace(os.sep, "/")
    from pathlib import Path     # a walk's, or a file's with excludes: not a plain one-file run's

    try:
        return Path(os.path.abspath(path)).relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return os.path.normpath(path).replace(os.sep, "/")


def _add(found: list[str], seen: set[str], path: str) -> None:
    norm = os.path.normpath(path)
    if norm not in seen:
        seen.add(norm)
        found.append(norm)
