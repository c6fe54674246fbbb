"""Name the documents Spark lists as `gwlint check` would name them.

Spark lists files as URIs (``file:/abs/dir/a.txt``, ``hdfs://nn/docs/a.txt``).  A report,
a baseline, the order of the cross-document comparison and the per-path settings
(``kinds``, a rule's ``ignore``) all depend on a document's *path*, so a local file is
shown as the CLI shows it: the input argument joined with the file's place below it
(``gwlint spark corpus/`` reports ``corpus/2023/a.txt``).  Remote files keep their URI.

Pure functions of strings, imported by the executors; no pyspark here.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from checker.sources.discover import glob_match

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Folders `gwlint check` does not walk into (checker.sources.discover skips the same).
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
                       ".gwlint_cache", ".tox"})


def is_remote(arg: str) -> bool:
    """True for a URI of another file system (hdfs://, s3a://, …); ``file:`` is local."""
    return bool(_SCHEME.match(arg)) and not arg.startswith("file:") and not _is_drive(arg)


def _is_drive(arg: str) -> bool:
    return len(arg) > 1 and arg[1] == ":" and arg[0].isalpha() and (len(arg) == 2 or arg[2] in "\\/")


def local_path(uri: str) -> str | None:
    """The local file system path of a ``file:`` URI or a plain path; None for a remote URI."""
    if uri.startswith("file://"):
        rest = uri[len("file://"):]
        return rest if rest.startswith("/") else "/" + rest.split("/", 1)[-1]
    if uri.startswith("file:"):
        return uri[len("file:"):]
    return None if is_remote(uri) else uri


@dataclass(frozen=True)
class Input:
    """One input argument as given (``given``) and where it is (``absolute``; for a remote
    URI the URI itself)."""

    given: str
    absolute: str
    is_dir: bool


def resolve_inputs(args: list[str]) -> list[Input]:
    """Called on the driver: what each argument is, for naming what Spark finds below it."""
    out = []
    for arg in args:
        local = local_path(arg)
        if local is None:
            out.append(Input(arg, arg.rstrip("/"), True))
        else:
            out.append(Input(arg if not arg.startswith("file:") else local,
                             os.path.abspath(local), os.path.isdir(local)))
    # The most specific argument names a file that two arguments contain.
    out.sort(key=lambda i: len(i.absolute), reverse=True)
    return out


@dataclass(frozen=True)
class Located:
    path: str          # the name in reports (as `gwlint check` shows it)
    local: str | None  # where it is on this machine's file system, if local
    walked: bool       # found by walking a directory (include globs apply), not named
    below: str = ""    # its place below the directory it was found in


def locate(uri: str, inputs: list[Input]) -> Located:
    local = local_path(uri)
    if local is None:
        for given in inputs:
            base = given.absolute
            if uri.startswith(base + "/"):
                return Located(uri, None, True, uri[len(base) + 1:])
            if uri == base:
                return Located(uri, None, False)
        return Located(uri, None, True, uri.rsplit("/", 1)[-1])
    absolute = os.path.abspath(local)
    for given in inputs:
        if given.is_dir and absolute.startswith(given.absolute.rstrip("/") + "/"):
            below = os.path.relpath(absolute, given.absolute)
            return Located(os.path.normpath(os.path.join(given.given, below)), absolute, True,
                           below.replace(os.sep, "/"))
        if not given.is_dir and absolute == given.absolute:
            return Located(os.path.normpath(given.given), absolute, False)
    return Located(_shown(absolute), absolute, True, os.path.basename(absolute))


def _shown(absolute: str) -> str:
    try:
        return os.path.relpath(absolute) if Path(absolute).is_relative_to(Path.cwd()) else absolute
    except ValueError:
        return absolute


def selected(found: Located, include, exclude, root: Path) -> bool:
    """`gwlint check`'s choice: a file named explicitly is kept unless excluded; a file
    found in a folder must also match ``include`` and lie outside the skipped folders."""
    rel = relative_name(found, root)
    if any(glob_match(rel, g) for g in exclude):
        return False
    if not found.walked:
        return True
    if any(part in SKIP_DIRS for part in PurePosixPath(found.below).parts[:-1]):
        return False
    return any(glob_match(rel, g) for g in include)


def relative_name(found: Located, root: Path) -> str:
    """The path relative to the configuration's folder (as globs of the configuration see it)."""
    if found.local is None:
        return found.path
    try:
        return Path(found.local).relative_to(root).as_posix()
    except ValueError:
        return os.path.normpath(found.path).replace(os.sep, "/")
