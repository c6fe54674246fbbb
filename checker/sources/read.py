"""Read one input into a SourceText, choosing the adapter by the file's suffix."""
from __future__ import annotations

import os
import sys
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.sources.decode import decode_bytes
from checker.sources.directives import mask_directives
from checker.sources.errors import InputError
from checker.sources.source import SourceText

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DOCX_SUFFIXES = {".docx"}
# Formats gwlint does not read, with what to do instead (named, not called "binary").
UNSUPPORTED = {
    ".doc": "a Word 97-2003 .doc file",
    ".wps": "a WPS Writer .wps file",
    ".odt": "an OpenDocument .odt file",
}
_CONVERT = ("gwlint reads .docx, .txt and .md: save it as .docx (Word or WPS: File > Save As > .docx) "
            "or convert it with LibreOffice: soffice --headless --convert-to docx {name}")


def _suffix(path: str) -> str:
    """``Path(path).suffix.lower()`` without pathlib (which the one-file run does not
    import): ``os.path.splitext`` agrees with it on every name but one led or ended by a
    dot (``..md``, ``a.``) or a path ending in a separator, which pathlib is asked."""
    name = os.path.basename(path)
    if not name or name[0] == "." or name[-1] == ".":
        from pathlib import Path

        return Path(path).suffix.lower()
    return os.path.splitext(name)[1].lower()


def format_for(path: str) -> str:
    suffix = _suffix(path)
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in DOCX_SUFFIXES:
        return "docx"
    return "text"


def read_path(path: str, digest: bool = True, limit: int | None = None) -> SourceText:
    """The file decoded; ``digest=False``: its ``digest`` left empty (a worker whose
    source is dropped once checked: only --fix reads the digest); ``limit``: refused
    past that many bytes (``checker.sources.file_bytes``)."""
    from checker.sources.file_bytes import read_file_bytes

    return read_bytes(read_file_bytes(path, limit), path, digest=digest)


def read_bytes(data: bytes, path: str, fmt: str | None = None, digest: bool = True) -> SourceText:
    suffix = _suffix(path)
    if fmt is None and suffix in UNSUPPORTED:
        from pathlib import Path

        raise InputError(path, f"is {UNSUPPORTED[suffix]}, a format gwlint does not read; "
                               + _CONVERT.format(name=Path(path).name))

    from checker.sources.write import digest_of

    fmt = fmt or format_for(path)
    if fmt == "docx":
        from checker.sources.docx_source import read_docx

        source = read_docx(data, path)
    else:
        decoded = decode_bytes(data, path)
        source = adapt_text(decoded.text, path, fmt, encoding=decoded.encoding, bom=decoded.bom)
    if digest:      # sha-256 in CPython's portable code: ≈0.12 ms for 20 KB
        source.digest = digest_of(data)
    return source


def adapt_text(text: str, path: str, fmt: str = "text", *, encoding: str = "utf-8", bom: bool = False) -> SourceText:
    source = SourceText.from_decoded(path, text, encoding=encoding, bom=bom, format=fmt)
    if fmt == "markdown":
        from checker.sources.markdown_source import mask_markdown

        source.text = mask_markdown(source.text)
    source.text = mask_directives(source.text)
    return source


def read_stdin(path: str = "<stdin>", limit: int | None = None) -> SourceText:
    """Standard input (``-``) decoded; ``limit``: refused past that many bytes, the rest
    left unread (``gwlint check - < /dev/zero`` ended only when memory did)."""
    stream = sys.stdin.buffer
    if limit is None:
        data = stream.read()
    else:
        # piece by piece: a read of limit + 1 bytes would set that much memory aside first
        chunks, total = [], 0
        while total <= limit:
            chunk = stream.read1(1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        else:
            from checker.sources.file_bytes import too_large

            raise too_large(path, limit)
        data = b"".join(chunks)
    fmt = format_for(path) if path != "<stdin>" else "text"
    return read_bytes(data, path, fmt)
