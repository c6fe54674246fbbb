"""The installed gwlint's version: one source of truth, the package metadata.

pyproject.toml's ``version`` is the only place the number is written; installing
(``pip install .`` or ``-e .``) records it in the metadata, which this reads.  Reports,
the language server and ``--version`` all ask here.
"""
from __future__ import annotations

FALLBACK = "0.0.0+checkout"


def tool_version() -> str:
    try:
        from importlib.metadata import PackageNotFoundError, version
    except ImportError:  # pragma: no cover - always there on 3.11
        return FALLBACK
    try:
        return version("gwlint")
    except PackageNotFoundError:  # running from a checkout that is not installed
        return FALLBACK
