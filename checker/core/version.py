"""The installed gwlint's version (reports, the language server, --version)."""
from __future__ import annotations

FALLBACK = "0.0.0+checkout"


def tool_version() -> str:
    try:
        from importlib.metadata import version

        return version("gwlint")
    except Exception:  # running from a checkout that is not installed
        return FALLBACK
