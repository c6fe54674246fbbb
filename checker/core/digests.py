"""The hash functions gwlint uses (BLAKE2b, SHA-1, SHA-256), without OpenSSL.

``import hashlib`` loads OpenSSL's library and starts it (≈3 ms, a tenth of the
interpreter's own start) to offer algorithms gwlint never asks for.  The three it uses
are also CPython's own modules (``_blake2``, ``_sha1``, ``_sha256``/``_sha2``), the ones
hashlib itself falls back to: the same algorithms, so the same digests.  Where an
interpreter lacks them, hashlib's are used.
"""
from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter built without it
    from hashlib import blake2b
try:
    from _sha1 import sha1
except ImportError:  # pragma: no cover
    from hashlib import sha1
try:
    from _sha256 import sha256          # Python 3.11
except ImportError:  # pragma: no cover
    try:
        from _sha2 import sha256        # Python 3.12 on
    except ImportError:
        from hashlib import sha256

__all__ = ["blake2b", "sha1", "sha256"]
