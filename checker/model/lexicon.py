"""Data the document model and the checks read: unit names, rate words, verbs, tables.

Loaded from ``rules/data/*.yaml`` (each file a mapping of named entries) and extended
from ``.gwlint.yaml`` (``data:``).  Merging: lists are extended (duplicates dropped),
mappings are updated recursively, scalars are replaced.  Each consumer validates the
slice it reads with its own pydantic model, so a typo in user data names its key.
"""
from __future__ import annotations

import json
import threading
from functools import cached_property
from collections.abc import Callable

from checker.core import digests

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any, TypeVar

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
        return digests.sha1(blob.encode()).hexdigest()

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and other.fingerprint == self.fingerprint

    def as_dict(self) -> dict[str, Any]:
        return self._data


class _PackedLexicon(Lexicon):
    """A namespace of packed vocabularies (``Vocabularies.packed``): each key's value is
    unpacked when that key is first read, the whole data when it is read whole
    (``as_dict``, ``merged``).  A run whose views all come from their store
    (``_StoredViews``) reads a few keys of a few namespaces, and otherwise only the
    namespace's ``fingerprint``, which the loader gave."""

    def __init__(self, keys: list[str], unpack: Callable[[str], Any], fingerprint: str) -> None:
        self.__dict__["fingerprint"] = fingerprint
        self._keys = keys
        self._unpack = unpack
        self._values: dict[str, Any] = {}

    def _value(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = self._unpack(key)
            return value

    def get(self, key: str, default: Any = None) -> Any:
        if "_data" in self.__dict__:
            return self._data.get(key, default)
        return self._value(key) if key in self._keys else default

    def __getitem__(self, key: str) -> Any:
        if "_data" in self.__dict__ or key not in self._keys:
            return self._data[key]
        return self._value(key)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    @cached_property
    def _data(self) -> dict[str, Any]:
        # the whole namespace, in the loader's order (values already read are the same objects)
        return {key: self._value(key) for key in self._keys}

    def __getstate__(self) -> dict[str, Any]:
        # The unpacking function is a closure over the rule-set cache's bytes, which pickle
        # cannot carry (``gwlint spark`` broadcasts the settings): the copy travels with
        # its data whole, which every method reads first when it is there.
        state = {k: v for k, v in self.__dict__.items() if k != "_unpack"}
        state["_data"] = self._data
        return state


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
    def pick(raw: dict[str, Any]) -> dict[str, Any]:
        return {k: raw[k] for k in model.model_fields if raw.get(k) is not None}

    return validated(lexicon, model, pick)


def validated(lexicon: Lexicon, model: type[M], pick: Callable[[dict[str, Any]], Any],
              make: Callable[[Any], M] | None = None, name: str = "") -> M:
    """``model`` validated from ``pick(lexicon data)`` (or made by ``make`` from it, which
    validates in its own way), once per lexicon data and ``name`` (what ``pick`` reads,
    when that varies); validated views a run made are kept in the cache folder (see
    ``_StoredViews``)."""
    def build(lex: Lexicon) -> M:
        key = (lex.fingerprint, model.__module__, model.__qualname__, getattr(pick, "__qualname__", ""), name)
        stored = _VIEWS.get(key, model)
        if stored is not None:
            return stored
        picked = pick(lex.as_dict())
        view = make(picked) if make is not None else model.model_validate(picked)
        _VIEWS.keep(key, view)
        return view

    return built_from(lexicon, ("view", model.__module__, model.__qualname__, name), build)


def plain_values(view: Any) -> dict[str, Any]:
    """A model's values as plain data (nested models as their own plain data, dates as
    tagged text), without pydantic's serializer: what cache keys hash."""
    return _plain(view)


class _StoredViews:
    """Validated views of the data, kept between runs.

    Validating a vocabulary slice builds its model's validator first (pydantic's schema
    generation): some twenty models, 0.05-0.1 CPU s of a one-file run, for data that did
    not change.  A view is kept as its plain values (``model_dump``), under the lexicon's
    fingerprint (the bytes it was read from), the model and gwlint's code stamp, and made
    again without validation (``model_construct``, nested models rebuilt from the field
    types).  It is kept only when that copy equals the validated view, compared field by
    field, and when marshal can hold its values; otherwise it is validated every run, as
    before.  A damaged file is ignored.
    """

    FORMAT = 5               # 3: each model's data names its class and fields to make again (``_plain``); 4: lists joined; 5: a set's words in marshal's order
    LIMIT = 100              # views kept in a file
    KEEP_FILES = 8           # files kept in the cache folder (one per code stamp: checkouts share it)

    def __init__(self) -> None:
        self.loaded = False
        self.views: dict[tuple, Any] = {}
        self.fresh: dict[tuple, Any] = {}
        self.used: set[tuple] = set()
        self.lock = threading.Lock()

    @staticmethod
    def path():
        """``file()`` as a ``Path``."""
        from pathlib import Path    # the run itself reads file(): no pathlib on the one-file path

        return Path(_StoredViews.file())

    @staticmethod
    def file() -> str:
        """The store's file, as text."""
        from checker.core.paths import cache_path
        from checker.core.version import code_stamp

        return cache_path(f"views-{code_stamp()[:20]}.marshal")

    def _read(self) -> dict | None:
        from checker.core.sealed_file import read_sealed

        data = read_sealed(self.file(), self.FORMAT)
        return data.get("views") if data is not None and isinstance(data.get("views"), dict) else None

    def get(self, key: tuple, model: type[M]) -> M | None:
        with self.lock:
            if not self.loaded:
                self.loaded = True
                self.views = self._read() or {}
        stored = self.views.get(key)
        if stored is None:
            return None
        self.used.add(key)
        try:
            return _construct(model, stored)
        except Exception:  # noqa: BLE001 - what no longer fits is validated afresh
            return None

    def keep(self, key: tuple, view: Any) -> None:
        with self.lock:
            if not self.fresh:
                import atexit

                atexit.register(self.save)
            self.fresh[key] = view

    def save(self) -> None:
        import marshal

        from checker.core.sealed_file import write_sealed

        fresh, self.fresh = self.fresh, {}
        views = dict(self._read() or {})
        if len(views) > self.LIMIT:        # many data variants met: keep this run's only
            views = {key: value for key, value in views.items() if key in self.used}
        added = False
        for key, view in fresh.items():
            try:
                data = _plain(view, stored=True)
                marshal.dumps(data)
                if not _same(_construct(type(view), data), view):
                    continue
            except Exception:  # noqa: BLE001 - not plain data: validated each run
                continue
            views[key] = data
            added = True
        if added:
            # files of other code (a checkout that moved on) are dropped, the newest kept
            write_sealed(self.file(), {"format": self.FORMAT, "views": views}, keep_newest=self.KEEP_FILES)


_VIEWS = _StoredViews()


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and hasattr(tp, "model_construct") and hasattr(tp, "model_fields")


def _plain(view: Any, stored: bool = False) -> dict[str, Any]:
    """A model's values as plain data: per field, nested models as their own plain data.
    ``stored`` (the views' store): each model's data also names its class and the fields
    whose values stand in for something (``_construct``)."""
    cls = type(view)
    out: dict[str, Any] = {"__set__": sorted(view.model_fields_set)}
    for name in cls.model_fields:
        out[name] = _plain_value(getattr(view, name), stored)
    if stored:
        out[_TYPED] = [name for name in cls.model_fields if _stands_in(out[name])]
        out[_CLASS] = (cls.__module__, cls.__qualname__)
    return out


_DATE_TAGS = ("\0date", "\0datetime")      # marshal holds no dates: (tag, ISO text)


def _plain_value(value: Any, stored: bool = False) -> Any:
    import sys

    if _is_model(type(value)):
        return _plain(value, stored)
    # A date is an instance of a class of the datetime module: while that module is not
    # imported there is none, and importing it to be sure costs ~2 ms (with math).
    datetime = sys.modules.get("datetime")
    if datetime is not None and isinstance(value, datetime.datetime):
        return (_DATE_TAGS[1], value.isoformat())
    if datetime is not None and isinstance(value, datetime.date):
        return (_DATE_TAGS[0], value.isoformat())
    if isinstance(value, (list, tuple, set, frozenset)):
        if stored and _joinable(value):
            kind = _JOINED_KINDS.index(type(value))
            if type(value) in (set, frozenset):
                # in the order marshal writes a set's items (sorted by their bytes since
                # Python 3.11), so that the set made again from the split words, its items
                # added in that order, iterates as the one marshal would have made
                import marshal

                value = sorted(value, key=marshal.dumps)
            return (_JOINED, kind, _SEPARATOR.join(value))
        return type(value)(_plain_value(v, stored) for v in value)
    if isinstance(value, dict):
        return {k: _plain_value(v, stored) for k, v in value.items()}
    return value


# A list of words is kept in the store as one text, the words joined by a separator, and
# split again when the view is made (FORMAT 4).  marshal decodes each non-ASCII string it
# reads from UTF-8 on its own (~900 instructions for a word of two to four Han
# characters: 14,700 strings, 17 M of a run's 22 views); ``str.split`` cuts the words out
# of a text already decoded (a copy each).  A list is joined only when each item is a
# ``str`` free of the separator, so the split gives the same items in the same order, and
# the container is made again of its own type in that order (a set as marshal makes one:
# its items added in the stored order).  Whether a view comes back equal is checked before
# it is kept (``_StoredViews.save``), as for every view.
_JOINED = "\0joined"                     # (tag, index of the container's type, joined text)
_JOINED_KINDS = (list, tuple, set, frozenset)
_SEPARATOR = "\x1f"                       # the unit separator: no word of a vocabulary holds it
_JOIN_AT = 4                             # shorter lists are left as they are: nothing to gain


def _joinable(value: Any) -> bool:
    # exactly one of the four types (a subclass would come back as its base); a tuple
    # that opens with the tag is joined whatever its length, so that no stored tuple of
    # texts is ever taken for a joined one
    if type(value) not in _JOINED_KINDS or not value:
        return False
    if len(value) < _JOIN_AT and not (type(value) is tuple and value[0] == _JOINED):
        return False
    return all(type(v) is str and _SEPARATOR not in v for v in value)


def _is_joined(value: Any) -> bool:
    return type(value) is tuple and len(value) == 3 and value[0] == _JOINED


def _split(value: tuple) -> Any:
    words = value[2].split(_SEPARATOR)
    kind = _JOINED_KINDS[value[1]]
    return words if kind is list else kind(words)


def _construct(model: Any, data: dict[str, Any]) -> Any:
    # A field's value is made again only when its plain value holds something plain data
    # stands in for (a nested model's data, a tagged date); the others are equal to what
    # validation made.  Stored data names those fields and each nested model's class
    # (``_plain(stored=True)``): reading every list of words of every view to find them,
    # and resolving the annotations of the models they hold, was ~5 ms of each run.  Data
    # without those names is read by the annotations.
    fields = model.model_fields
    values = {name: data[name] for name in fields}
    typed = data.get(_TYPED)
    if typed is None:
        for name in fields:
            if _stands_in(values[name]):
                values[name] = _typed(fields[name].annotation, values[name])
    else:
        for name in typed:
            values[name] = _made_again(values[name])
    return model.model_construct(_fields_set=set(data["__set__"]), **values)


_TYPED = "__typed__"     # in a model's stored data: the fields whose values stand in for something
_CLASS = "__class__"     # in a model's stored data: (module, qualified name) of its class


def _made_again(value: Any) -> Any:
    """Stored plain data with each model's data (naming its class) and each tagged date
    made again; containers keep their types (``_plain_value`` kept them)."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, dict):
        if "__set__" in value:
            return _construct(_model_class(value[_CLASS]), value)
        return {k: _made_again(v) for k, v in value.items()}
    if _is_joined(value):
        return _split(value)
    if isinstance(value, tuple) and len(value) == 2 and value[0] in _DATE_TAGS:
        from checker.core import dates as datetime      # its classes, without datetime.py

        kind = datetime.datetime if value[0] == _DATE_TAGS[1] else datetime.date
        return kind.fromisoformat(value[1])
    if isinstance(value, (list, tuple, set, frozenset)):
        return type(value)(_made_again(v) for v in value)
    return value


def _model_class(name: tuple) -> type:
    """The model class a stored view names: gwlint's own only (the cache file is data)."""
    try:
        return _CLASSES[name]
    except (KeyError, TypeError):          # not met yet (or not a pair of texts: refused below)
        pass
    import importlib

    module, qualname = name
    if not module.startswith("checker.") or "<" in qualname:
        raise TypeError(f"not a class a view is stored with: {module}:{qualname}")
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not _is_model(found):
        raise TypeError(f"{module}:{qualname} is not a model")
    _CLASSES[name] = found
    return found


_CLASSES: dict[tuple, type] = {}     # the classes stored views named, found once per process


_SCALARS = (str, int, float, bool, type(None), bytes)


def _stands_in(value: Any) -> bool:
    """Whether plain data holds a model's data (a dict with ``__set__``) or a tagged date."""
    if isinstance(value, _SCALARS):
        return False
    if isinstance(value, dict):
        return "__set__" in value or any(_stands_in(v) for v in value.values())
    if isinstance(value, (list, tuple, set, frozenset)):
        if isinstance(value, tuple) and len(value) == 2 and value[0] in _DATE_TAGS or _is_joined(value):
            return True
        return not all(type(v) is str for v in value) and any(_stands_in(v) for v in value)
    return True


def _holds_model(annotation: Any) -> bool:
    """Whether a field type names a model anywhere (plain values need no rebuilding)."""
    try:
        return _HOLDS[annotation]
    except KeyError:
        pass
    except TypeError:            # an unhashable annotation: look each time
        return _rebuilt(annotation) or any(_holds_model(a) for a in _args(annotation))
    found = _HOLDS[annotation] = _rebuilt(annotation) or any(_holds_model(a) for a in _args(annotation))
    return found


def _rebuilt(tp: Any) -> bool:
    """Whether values of this type are stored as something else (models, dates)."""
    from checker.core import dates as datetime      # its classes, without datetime.py

    return _is_model(tp) or tp in (datetime.date, datetime.datetime)


def _args(annotation: Any) -> tuple:
    import typing

    return tuple(a for a in typing.get_args(annotation) if a is not Ellipsis)


_HOLDS: dict[Any, bool] = {}


def _typed(annotation: Any, value: Any) -> Any:
    """``value`` (plain data) with the models ``annotation`` names made again."""
    import types
    import typing

    if value is None or not _holds_model(annotation):
        return value
    if _is_joined(value):
        return _split(value)
    if isinstance(value, tuple) and len(value) == 2 and value[0] in _DATE_TAGS:
        from checker.core import dates as datetime      # its classes, without datetime.py

        kind = datetime.datetime if value[0] == _DATE_TAGS[1] else datetime.date
        return kind.fromisoformat(value[1])
    if _is_model(annotation):
        return _construct(annotation, value)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        models = [a for a in args if _is_model(a)]
        if models and isinstance(value, dict) and "__set__" in value:
            if len(models) != 1:
                raise TypeError("a union of models")
            return _construct(models[0], value)
        return value
    if origin in (list, set, frozenset) and args:
        return type(value)(_typed(args[0], v) for v in value)
    if origin is tuple and args:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], v) for v in value)
        return tuple(_typed(a, v) for a, v in zip(args, value))
    if origin is dict and len(args) == 2:
        return {k: _typed(args[1], v) for k, v in value.items()}
    if origin is typing.Annotated and args:
        return _typed(args[0], value)
    return value


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1 == 1.0 and [x] != (x,) are not
    enough: the copy must be what validation made)."""
    if type(a) is not type(b):
        return False
    if _is_model(type(a)):
        return (a.model_fields_set == b.model_fields_set
                and all(_same(getattr(a, n), getattr(b, n)) for n in type(a).model_fields)
                and a == b)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(v, b[k]) for k, v in a.items())
    return a == b


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

    @classmethod
    def packed(cls, unpack: Callable[[str, str], Any], keys: dict[str, list[str]],
               fingerprints: dict[str, str]) -> "Vocabularies":
        """Vocabularies whose data is made by ``unpack(namespace, key)``, value by value,
        when first read (``keys``: each namespace's keys in order).  The rule-set cache
        keeps each value packed: unmarshalling every word was more than half of reading
        the stored rule set, and a run whose views come from their store reads a few.  The
        data read whole (``_data``: a user's ``data:``, the cache's own store and checks)
        unpacks every value; a namespace's lexicon shares the values it has read."""
        vocabularies = cls.__new__(cls)
        vocabularies._fingerprints = dict(fingerprints)
        vocabularies._lexicons = {}
        vocabularies._keys = {name: list(names) for name, names in keys.items()}
        vocabularies._unpack = unpack
        return vocabularies

    @cached_property
    def _data(self) -> dict[str, dict[str, Any]]:
        # reached only by ``packed`` vocabularies (``__init__`` sets the attribute itself)
        return {name: self._packed_namespace(name).as_dict() for name in self._keys}

    def __getstate__(self) -> dict[str, Any]:
        # packed vocabularies travel as the data they stand for (see _PackedLexicon's)
        if "_unpack" not in self.__dict__:
            return self.__dict__
        state = {k: v for k, v in self.__dict__.items() if k != "_unpack"}
        state["_data"] = self._data
        return state

    def _packed_namespace(self, name: str) -> Lexicon:
        lex = self._lexicons.get(name)
        if lex is None:
            lex = self._lexicons[name] = _PackedLexicon(self._keys[name], lambda key: self._unpack(name, key),
                                                        self._fingerprints.get(name))
        return lex

    def namespaces(self) -> list[str]:
        return sorted(self._data if "_data" in self.__dict__ else self._keys)

    def namespace(self, name: str) -> Lexicon:
        try:
            return self._lexicons[name]
        except KeyError:
            pass
        if "_data" not in self.__dict__ and name in self._keys and self._fingerprints.get(name) is not None:
            return self._packed_namespace(name)
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
                fingerprints[name] = digests.sha1(
                    f"{self._fingerprints[name]}+{name}+{digest}".encode()).hexdigest()
        return Vocabularies(out, fingerprints)

    @cached_property
    def fingerprint(self) -> str:
        return digests.sha1("|".join(f"{n}:{self.namespace(n).fingerprint}"
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
