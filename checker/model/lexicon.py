"""Data the document model and the checks read: unit names, rate words, verbs, tables.

Loaded from ``rules/data/*.yaml`` (each file a mapping of named entries) and extended
from ``.gwlint.yaml`` (``data:``).  Merging: lists are extended (duplicates dropped),
mappings are updated recursively, scalars are replaced.  Each consumer validates the
slice it reads with its own pydantic model, so a typo in user data names its key.
"""
from __future__ import annotations

import hashlib
import json
from functools import cached_property
from typing import Any


class Lexicon:
    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self._data: dict[str, Any] = data or {}

    def get(self, key: str, default: Any = None) -> Any:
        return self._data.get(key, default)

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __contains__(self, key: str) -> bool:
        return key in self._data

    def merged(self, extra: dict[str, Any]) -> "Lexicon":
        return Lexicon(merge_data(self._data, extra))

    @cached_property
    def fingerprint(self) -> str:
        """A stable hash of the data, used as a cache key for compiled grammars."""
        blob = json.dumps(self._data, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha1(blob.encode()).hexdigest()

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and other.fingerprint == self.fingerprint

    def as_dict(self) -> dict[str, Any]:
        return self._data


def merge_data(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge_data(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out
