"""The installed gwlint's version: one source of truth, the package metadata.

pyproject.toml's ``version`` is the only place the number is written; installing
(``pip install .`` or ``-e .``) records it in the metadata, which this reads.  Reports,
the language server and ``--version`` all ask here.
"""
from __future__ import annotations

FALLBACK = "0.0.0+checkout"


def tool_version() -> str:
    found = _from_dist_info()
    if found:
        return found
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover - always there on 3.11
        return FALLBACK
    try:
        return version("gwlint")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return FALLBACK


def _from_dist_info() -> str | None:
    """The ``Version:`` of the first ``gwlint-*.dist-info/METADATA`` on ``sys.path``, the
    file importlib.metadata reads, found without importing importlib.metadata (which
    brings email, zipfile and socket: 20-40 ms, most of ``gwlint --version``)."""
    import os
    import sys

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        if "\0gwlint-" not in "\0" + "\0".join(names):
            continue        # one search of the names joined, not a test of each (~400 names)
        for name in names:
            if not (name.startswith("gwlint-") and name.endswith(".dist-info")):
                continue
            try:
                with open(os.path.join(entry or ".", name, "METADATA"), "rb") as fh:
                    for line in fh:         # bytes: only the version's line is decoded
                        if line.startswith(b"Version:"):
                            return line.split(b":", 1)[1].decode("utf-8").strip()
                        if not line.strip():
                            break          # the headers end at the first blank line
            except OSError:
                continue
    return None


def code_stamp() -> str:
    """The name, size and modification time of each of gwlint's modules: a checkout whose
    code changed without a new version number does not reuse results of the old code.
    Computed once per process (the code a process runs does not change under it)."""
    if _STAMP:
        return _STAMP[0]
    from checker.core import digests
    import os

    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))     # the checker package
    lines: list[str] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                stack.append(entry.path)
            elif entry.name.endswith(".py"):
                st = entry.stat()
                lines.append(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}\n")
    # one update of the lines joined: the digest of a stream does not depend on how it
    # is cut into updates (the same stamp as a line at a time)
    _STAMP.append(digests.blake2b("".join(lines).encode(), digest_size=16).hexdigest())
    return _STAMP[0]


_STAMP: list[str] = []
