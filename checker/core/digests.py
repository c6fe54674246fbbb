"""The hash functions gwlint uses (BLAKE2b, SHA-1, SHA-256), without OpenSSL.

``import hashlib`` loads OpenSSL's library and starts it (≈3 ms, a tenth of the
interpreter's own start) to offer algorithms gwlint never asks for.  The three it uses
are also CPython's own modules (``_blake2``, ``_sha1``, ``_sha256``/``_sha2``), the ones
hashlib itself falls back to: the same algorithms, so the same digests.  Where an
interpreter lacks them, hashlib's are used.

Each of those modules is a shared library loaded when imported (~0.8 M instructions
each).  Every run hashes with BLAKE2b (the stores' keys), so it is loaded with this
module; SHA-1 and SHA-256 are loaded at their first use (``__getattr__`` below), which a
check of one file with warm stores never makes: callers read them as ``digests.sha1``.
"""
from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b

__all__ = ["blake2b", "sha1", "sha256"]


def _sha1():
    try:
        from _sha1 import sha1
    except ImportError:  # pragma: no cover
        from hashlib import sha1
    return sha1


def _sha256():
    try:
        from _sha256 import sha256          # Python 3.11
    except ImportError:  # pragma: no cover
        try:
            from _sha2 import sha256        # Python 3.12 on
        except ImportError:
            from hashlib import sha256
    return sha256


_LOADERS = {"sha1": _sha1, "sha256": _sha256}


def __getattr__(name: str):
    """``sha1`` and ``sha256``, loaded when first asked for and kept as the module's own
    attributes (later reads do not come here)."""
    load = _LOADERS.get(name)
    if load is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = load()
    return value
