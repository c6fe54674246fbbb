"""The on-disk index of reference documents for cross-document duplicate checks.

``.gwlint.yaml``::

    duplicates:
      reference: ["reports/**/*.txt"]   # globs relative to the configuration's folder
      cache: .gwlint_cache              # where the index is kept

A single-file run (a pre-commit hook) compares the file it checks with these documents.
Their fingerprints are kept in one JSON file per rule under the cache folder, each entry
keyed by the file's path, modification time and size; the whole index is keyed by the
rule's parameters and the data it reads, so changing either rebuilds it.  Only files
that changed are read again.  JSON rather than pickle: a cache inside a repository must
not be able to run code when it is loaded.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from checker.core import digests
from checker.core.whole_file import write_whole
from checker.model.document import Document
from checker.sources.discover import discover
from checker.sources.errors import InputError
from checker.sources.read import read_path

FORMAT = 1


@dataclass
class ReferenceIndex:
    summaries: dict[str, Any] = field(default_factory=dict)   # relative path -> fingerprints
    rebuilt: list[str] = field(default_factory=list)          # read and fingerprinted this run
    reused: list[str] = field(default_factory=list)           # taken from the cache


def cache_file(settings, rule) -> Path:
    folder = Path(settings.config.duplicates.cache)
    if not folder.is_absolute():
        folder = Path(settings.root) / folder
    return folder / f"duplicates-{rule.id}.json"


def index_key(settings, rule) -> str:
    blob = json.dumps({"format": FORMAT, "kind": rule.kind,
                       "params": rule.params.model_dump(mode="json"),
                       "data": settings.lexicon.fingerprint}, sort_keys=True)
    return digests.sha1(blob.encode()).hexdigest()


def reference_paths(settings) -> list[str]:
    root = Path(settings.root)
    globs = list(settings.config.duplicates.reference)
    if not globs or not root.is_dir():
        return []
    # Reference documents are named by their own globs: .gitignore does not hide them.
    return discover([str(root)], include=globs, exclude=settings.config.exclude, root=root, respect_gitignore=False)


def load_reference(settings, rule, collect: Callable[[Document, Any], Any],
                   exclude: set[str] = frozenset()) -> ReferenceIndex:
    """Fingerprints of the reference documents, except the files in ``exclude``
    (resolved paths: the files being checked, which take part as themselves)."""
    from checker.checks.duplicates.corpus import Fingerprints

    root = Path(settings.root).resolve()
    path = cache_file(settings, rule)
    key = index_key(settings, rule)
    cached = _read_cache(path, key)
    fresh: dict[str, Any] = {}
    out = ReferenceIndex()
    for file in reference_paths(settings):
        resolved = Path(file).resolve()
        try:
            rel = resolved.relative_to(root).as_posix()
            stat = resolved.stat()
        except (ValueError, OSError):
            continue
        stamp = [stat.st_mtime_ns, stat.st_size]
        entry = cached.get(rel)
        if entry is not None and entry.get("stamp") == stamp:
            summary = Fingerprints.from_json(entry["summary"])
            out.reused.append(rel)
        else:
            try:
                source = read_path(str(resolved))
            except InputError:
                continue
            doc = Document(source, settings.lexicon, settings.kind_for(str(resolved)))
            summary = collect(doc, rule)
            entry = {"stamp": stamp, "summary": summary.to_json(positions=False)}
            out.rebuilt.append(rel)
        fresh[rel] = entry
        if str(resolved) not in exclude:
            out.summaries[rel] = summary
    if out.rebuilt or set(fresh) != set(cached):
        _write_cache(path, key, fresh)
    return out


def _read_cache(path: Path, key: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != key or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def _write_cache(path: Path, key: str, files: dict[str, Any]) -> None:
    """Written whole or not at all; a cache that cannot be written only costs time next run."""
    body = json.dumps({"key": key, "files": files}, ensure_ascii=False, separators=(",", ":"))
    write_whole(path, body.encode("utf-8"))
