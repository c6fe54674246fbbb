"""Data the document model and the checks read: unit names, rate words, verbs, tables.

Loaded from ``rules/data/*.yaml`` (each file a mapping of named entries) and extended
from ``.gwlint.yaml`` (``data:``).  Merging: lists are extended (duplicates dropped),
mappings are updated recursively, scalars are replaced.  Each consumer validates the
slice it reads with its own pydantic model, so a typo in user data names its key.
"""
from __future__ import annotations

import hashlib
import json
import threading
from functools import cached_property
from typing import Any, Callable, TypeVar

T = TypeVar("T")
M = TypeVar("M")


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


# -- things built from a lexicon -----------------------------------------------------------
# Grammars, compiled tables and validated slices of the data are built once per distinct
# lexicon (by fingerprint, so equal data loaded twice shares them) and kept for the process.
_BUILT: dict[tuple[str, object], Any] = {}
# Re-entrant: a build may itself read other views of the same lexicon.
_BUILT_LOCK = threading.RLock()


def built_from(lexicon: Lexicon, key: object, build: Callable[[Lexicon], T]) -> T:
    """``build(lexicon)``, computed once per lexicon data and ``key``."""
    cache_key = (lexicon.fingerprint, key)
    try:
        return _BUILT[cache_key]
    except KeyError:
        pass
    with _BUILT_LOCK:
        if cache_key not in _BUILT:
            _BUILT[cache_key] = build(lexicon)
        return _BUILT[cache_key]


def data_view(lexicon: Lexicon, model: type[M]) -> M:
    """The keys of the data that a pydantic ``model`` declares, validated once per lexicon
    (each consumer reads its own keys; a wrong type names the key)."""
    def build(lex: Lexicon) -> M:
        raw = lex.as_dict()
        return model.model_validate({k: raw[k] for k in model.model_fields if raw.get(k) is not None})

    return built_from(lexicon, ("view", model.__module__, model.__qualname__), build)
