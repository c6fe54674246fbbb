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
    def __init__(self, data: dict[str, Any] | None = None, fingerprint: str | None = None) -> None:
        """``fingerprint``: a hash of the bytes the data was read from (the loader gives
        it); without one, the data itself is hashed (data built in code)."""
        self._data: dict[str, Any] = data or {}
        if fingerprint is not None:
            self.__dict__["fingerprint"] = fingerprint

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
        """A stable hash of the data, used as a cache key for compiled grammars (data read
        from files is fingerprinted by their bytes instead, see ``__init__``)."""
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


class DataError(ValueError):
    """A user's ``data:`` entry that does not fit the shipped vocabularies (one line)."""


MODEL_NAMESPACE = "model"


class Vocabularies:
    """The words and tables of every family, by namespace: ``model`` (what the document
    model parses with) and one namespace per family (``units``, ``stale`` …).

    A check reads its own family's namespace as ``rule.vocabulary``; ``.gwlint.yaml``
    extends any of them as ``data: {<namespace>: {<key>: …}}``.
    """

    def __init__(self, data: dict[str, dict[str, Any]] | None = None,
                 fingerprints: dict[str, str] | None = None) -> None:
        """``fingerprints``: per namespace, a hash of the bytes it was read from (the
        loader gives them); a namespace without one is fingerprinted by its data."""
        self._data = {name: dict(value) for name, value in (data or {}).items()}
        self._fingerprints = dict(fingerprints or {})
        self._lexicons: dict[str, Lexicon] = {}

    def namespaces(self) -> list[str]:
        return sorted(self._data)

    def namespace(self, name: str) -> Lexicon:
        try:
            return self._lexicons[name]
        except KeyError:
            lex = self._lexicons[name] = Lexicon(self._data.get(name, {}), self._fingerprints.get(name))
            return lex

    @property
    def model(self) -> Lexicon:
        return self.namespace(MODEL_NAMESPACE)

    def extended(self, extra: dict[str, Any], where: str, digest: str | None = None) -> "Vocabularies":
        """These vocabularies extended by a user's ``data:`` mapping.

        Every namespace and key must already exist (a typo is an error, not a silent new
        table), and a value must have the shipped value's shape (a list stays a list).
        ``where`` names the file for the one-line error; ``digest`` is a hash of that
        file's bytes, which then fingerprints the namespaces it extends.
        """
        out = {name: dict(value) for name, value in self._data.items()}
        for name, entries in extra.items():
            if name not in out:
                raise DataError(f"{where}: data key '{name}': unknown namespace; "
                                f"valid: {', '.join(sorted(out))}")
            if not isinstance(entries, dict):
                raise DataError(f"{where}: data key '{name}': a namespace is a mapping of its keys")
            for key, value in entries.items():
                if key not in out[name]:
                    raise DataError(f"{where}: data key '{name}.{key}': unknown key; "
                                    f"valid: {', '.join(sorted(out[name]))}")
                shipped = out[name][key]
                if shipped is not None and value is not None and _shape(shipped) != _shape(value):
                    raise DataError(f"{where}: data key '{name}.{key}': expected a {_shape(shipped)}, "
                                    f"got a {_shape(value)}")
            out[name] = merge_data(out[name], entries)
        fingerprints = dict(self._fingerprints)
        for name in extra:
            fingerprints.pop(name, None)
            if digest is not None and name in self._fingerprints:
                fingerprints[name] = hashlib.sha1(
                    f"{self._fingerprints[name]}+{name}+{digest}".encode()).hexdigest()
        return Vocabularies(out, fingerprints)

    @cached_property
    def fingerprint(self) -> str:
        return hashlib.sha1("|".join(f"{n}:{self.namespace(n).fingerprint}"
                                     for n in self.namespaces()).encode()).hexdigest()

    def __getstate__(self) -> dict[str, Any]:
        return {"_data": self._data, "_fingerprints": self._fingerprints}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._data = state["_data"]
        self._fingerprints = state.get("_fingerprints", {})
        self._lexicons = {}


def _shape(value: Any) -> str:
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__
