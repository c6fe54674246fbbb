"""Plain run-time models, validated by pydantic only when something is validated.

Every schema of gwlint (a rule's shape, each kind's ``Params``, the vocabulary views, the
configuration) is written as a pydantic model would be — annotations, ``Field(...)``,
``ConfigDict(...)``, ``field_validator`` / ``model_validator`` — but on ``BaseModel`` from
here.  Such a class is a plain Python class: its instances are a ``__dict__`` of field
values, and what a run does with them (read fields, ``model_construct`` from the rule-set
cache, ``model_dump``, ``model_copy``, compare, hash a frozen one, pickle) needs no
pydantic.  Importing pydantic and building its validators cost about a fifth of a
one-file run; a run that reads its rules from the cache now does neither.

``model_validate`` (and calling the class) builds, once per class, its pydantic twin: a
pydantic model of the same fields, defaults, constraints, validators and configuration,
whose instances are turned back into the plain class (nested models included, through
``__get_pydantic_core_schema__``).  So validation, its coercions and its error messages
(file, rule and field, see ``checker.rules.errors``) are pydantic's, unchanged; only the
objects a run holds are plain.

``ValidationError`` is pydantic's: import it from pydantic where it is caught (the import
happens only on that path).
"""
from __future__ import annotations

import copy
from collections.abc import Callable

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["BaseModel", "ConfigDict", "Field", "PrivateAttr", "field_validator", "model_validator",
           "AfterValidator", "FieldInfo"]

_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "<required>"})()


def ConfigDict(**settings: Any) -> dict[str, Any]:      # noqa: N802 - pydantic's name
    return dict(settings)


class FieldInfo:
    """A field's declaration: its default (or factory), pydantic's other arguments and,
    read on demand, its resolved annotation."""

    __slots__ = ("default", "default_factory", "kwargs", "name", "owner")

    def __init__(self, default: Any = _MISSING, *, default_factory: Callable[[], Any] | None = None,
                 **kwargs: Any) -> None:
        self.default = default
        self.default_factory = default_factory
        self.kwargs = kwargs
        self.name = ""
        self.owner: type | None = None

    def is_required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    def get_default(self) -> Any:
        if self.default_factory is not None:
            return self.default_factory()
        value = self.default
        if isinstance(value, (list, dict, set, bytearray)):
            return copy.deepcopy(value)
        return value

    @property
    def annotation(self) -> Any:
        return _hints(self.owner)[self.name]

    @property
    def description(self) -> str | None:
        return self.kwargs.get("description")

    def pydantic(self) -> Any:
        """The same declaration as pydantic's ``Field``."""
        from pydantic import Field as PydanticField

        args = dict(self.kwargs)
        if self.default_factory is not None:
            args["default_factory"] = self.default_factory
        elif self.default is not _MISSING:
            args["default"] = self.default
        return PydanticField(**args)


def Field(default: Any = _MISSING, **kwargs: Any) -> Any:      # noqa: N802 - pydantic's name
    return FieldInfo(default, **kwargs)


class _PrivateAttr:
    __slots__ = ("default",)

    def __init__(self, default: Any = None) -> None:
        self.default = default


def PrivateAttr(default: Any = None) -> Any:      # noqa: N802 - pydantic's name
    return _PrivateAttr(default)


class AfterValidator:
    """pydantic's ``AfterValidator`` in an ``Annotated`` type, made pydantic's in the twin
    (pydantic reads it through ``__get_pydantic_core_schema__``)."""

    __slots__ = ("func",)

    def __init__(self, func: Callable[[Any], Any]) -> None:
        self.func = func

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import AfterValidator as Real

        return Real(self.func).__get_pydantic_core_schema__(source, handler)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AfterValidator) and other.func is self.func

    def __hash__(self) -> int:
        return hash(self.func)


class _Decorated:
    """A validator as written in the class body, made pydantic's in the twin."""

    def __init__(self, func: Any, kind: str, args: tuple, kwargs: dict) -> None:
        self.func = func
        self.kind = kind
        self.args = args
        self.kwargs = kwargs

    def __set_name__(self, owner: type, name: str) -> None:
        # ``type`` calls this for each value of a class body that has it, as the class is
        # made: a model's validator goes to its table and off the class, so that making a
        # model need not search its namespace for validators (few models have any).
        validators = owner.__dict__.get("_plain_validators")
        if validators is not None:
            validators[name] = self
            delattr(owner, name)

    def pydantic(self) -> Any:
        import pydantic

        make = pydantic.field_validator if self.kind == "field" else pydantic.model_validator
        return make(*self.args, **self.kwargs)(self.func)


def field_validator(*fields: str, **kwargs: Any) -> Callable[[Any], Any]:
    return lambda func: _Decorated(func, "field", fields, kwargs)


def model_validator(**kwargs: Any) -> Callable[[Any], Any]:
    return lambda func: _Decorated(func, "model", (), kwargs)


def _is_classvar(annotation: Any) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    import typing

    return annotation is typing.ClassVar or typing.get_origin(annotation) is typing.ClassVar


class _ModelType(type):
    def __new__(mcs, name: str, bases: tuple, namespace: dict[str, Any], **kwargs: Any):
        own_fields: dict[str, FieldInfo] = {}
        own_private: dict[str, Any] = {}
        validators: dict[str, _Decorated] = {}         # filled as the class is made (_Decorated.__set_name__)
        for attr, annotation in namespace.get("__annotations__", {}).items():
            if _is_classvar(annotation):
                continue
            value = namespace.get(attr, _MISSING)
            if attr.startswith("_"):
                if isinstance(value, _PrivateAttr):
                    namespace.pop(attr)
                    own_private[attr] = value.default
                continue
            if isinstance(value, FieldInfo):
                namespace.pop(attr)
                info = value
            else:
                namespace.pop(attr, None)
                info = FieldInfo(value)
            own_fields[attr] = info
        base = bases[0] if len(bases) == 1 else None
        if type(base) is _ModelType:
            # One model base (nearly every model): the class's MRO is its own name before
            # the base's, so what the loops below merge over it is the base's own merged
            # tables, then the class's.  Made before the class, they go into its namespace:
            # each attribute set on a made class costs a type's update (some 120 classes a
            # run, a third of their making).
            fields = dict(base._plain_fields)
            fields.update(own_fields)
            private = dict(base._plain_private)
            private.update(own_private)
            config = dict(base._plain_config)
            config.update(namespace.get("model_config", {}) or {})
            namespace.update(_plain_own_fields=own_fields, _plain_own_private=own_private,
                             _plain_validators=validators, _plain_fields=fields, _plain_private=private,
                             _plain_twin=None, _plain_config=config)
            if config.get("frozen"):
                namespace["__hash__"] = BaseModel._frozen_hash
            cls = super().__new__(mcs, name, bases, namespace, **kwargs)
            for attr, info in own_fields.items():
                info.name, info.owner = attr, cls
            return cls
        namespace["_plain_validators"] = validators
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        fields: dict[str, FieldInfo] = {}
        private: dict[str, Any] = {}
        for base in reversed(cls.__mro__[1:]):
            fields.update(base.__dict__.get("_plain_own_fields", {}))
            private.update(base.__dict__.get("_plain_own_private", {}))
        for attr, info in own_fields.items():
            info.name, info.owner = attr, cls
        fields.update(own_fields)
        private.update(own_private)
        cls._plain_own_fields = own_fields
        cls._plain_own_private = own_private
        cls._plain_fields = fields
        cls._plain_private = private
        cls._plain_twin = None
        config: dict[str, Any] = {}
        for base in reversed(cls.__mro__):
            config.update(base.__dict__.get("model_config", {}) or {})
        cls._plain_config = config
        if config.get("frozen"):
            cls.__hash__ = BaseModel._frozen_hash
        return cls

    @property
    def model_fields(cls) -> dict[str, FieldInfo]:
        return cls._plain_fields


def _hints(cls: type) -> dict[str, Any]:
    found = cls.__dict__.get("_plain_hints")
    if found is None:
        import typing

        found = typing.get_type_hints(cls, localns=_TypingNames(cls), include_extras=True)
        cls._plain_hints = found
    return found


class _TypingNames:
    """The local names ``typing.get_type_hints`` reads a model's annotations with: ``typing``'s
    own names, for those the model's modules do not bind.

    gwlint's modules import ``Any``, ``Literal`` … only for type checkers (``if
    TYPE_CHECKING:``): a run that validates nothing need not import ``typing``.  Validation
    (which imports pydantic, and with it ``typing``) still reads annotations such as
    ``Literal["a", "b"]``.  Each annotation is evaluated with its class's module as the
    globals and these as the locals, which are looked in first: so a name one of the
    modules binds (to other than typing's object of that name) is left to the module, as
    without locals; then come the classes' names (which ``get_type_hints`` reads without
    locals), then ``typing``'s.  ``eval`` looks locals up by ``__getitem__`` alone, so this
    is all the mapping needs."""

    def __init__(self, cls: type) -> None:
        import sys

        # the modules that write models' annotations: not this one (BaseModel's, which
        # binds Callable for itself) nor builtins (object's), which annotate no field
        self._modules = [vars(sys.modules[c.__module__]) for c in cls.__mro__
                         if c.__module__ in sys.modules and c.__module__ not in (__name__, "builtins")]
        self._classes = [vars(c) for c in cls.__mro__]

    def __getitem__(self, name: str) -> Any:
        import typing

        own = getattr(typing, name) if name in typing.__all__ else _MISSING
        bound = [names[name] for names in self._modules if name in names]
        if bound:
            if all(value is own for value in bound):
                return own
            raise KeyError(name)              # eval reads the class's module next
        for names in self._classes:
            if name in names:
                return names[name]
        if own is _MISSING:
            raise KeyError(name)
        return own


class BaseModel(metaclass=_ModelType):
    """A plain model (see the module's note); its instances hold their fields in
    ``__dict__`` and the names given when made in ``model_fields_set``."""

    model_config = {}

    def __init__(self, **data: Any) -> None:
        made = type(self).model_validate(data)
        object.__setattr__(self, "__dict__", made.__dict__)

    # -- made without validation

    @classmethod
    def model_construct(cls, _fields_set: set[str] | None = None, **values: Any):
        self = cls.__new__(cls)
        d = self.__dict__
        given: set[str] = set()
        for name, info in cls._plain_fields.items():
            if name in values:
                d[name] = values[name]
                given.add(name)
            elif "alias" in info.kwargs and info.kwargs["alias"] in values:
                d[name] = values[info.kwargs["alias"]]
                given.add(name)
            else:
                d[name] = info.get_default()
        d["__plain_fields_set__"] = given if _fields_set is None else set(_fields_set)
        for name, default in cls._plain_private.items():
            d[name] = copy.copy(default)
        return self

    @property
    def model_fields_set(self) -> set[str]:
        return self.__dict__["__plain_fields_set__"]

    # -- validated by the pydantic twin

    @classmethod
    def model_validate(cls, obj: Any):
        return cls._twin().model_validate(obj)

    @classmethod
    def _twin(cls) -> Any:
        twin = cls.__dict__.get("_plain_twin")
        if twin is None:
            twin = _make_twin(cls)
            cls._plain_twin = twin
        return twin

    @classmethod
    def _from_twin(cls, made: Any) -> Any:
        self = cls.__new__(cls)
        d = self.__dict__
        for name in cls._plain_fields:
            d[name] = getattr(made, name)
        d["__plain_fields_set__"] = set(made.model_fields_set)
        for name, default in cls._plain_private.items():
            d[name] = copy.copy(default)
        return self

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        twin = cls._twin().model

        def to_twin(value: Any) -> Any:
            if isinstance(value, cls):
                return twin.model_construct(_fields_set=set(value.model_fields_set),
                                            **{n: value.__dict__[n] for n in cls._plain_fields})
            return value

        inner = handler.generate_schema(twin)
        return core_schema.no_info_before_validator_function(
            to_twin, core_schema.no_info_after_validator_function(_to_plain(cls), inner))

    # -- what a run does with them

    def model_dump(self, *, mode: str = "python", exclude_unset: bool = False) -> dict[str, Any]:
        names = self.model_fields_set if exclude_unset else type(self)._plain_fields
        return {n: _dump(self.__dict__[n], mode) for n in type(self)._plain_fields if n in names}

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False):
        cls = type(self)
        other = cls.__new__(cls)
        d = dict(self.__dict__)
        if deep:
            d = copy.deepcopy(d)
        d["__plain_fields_set__"] = set(self.model_fields_set)
        for name, value in (update or {}).items():
            d[name] = value
            if name in cls._plain_fields:
                d["__plain_fields_set__"].add(name)
        other.__dict__.update(d)
        return other

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        names = type(self)._plain_fields
        a, b = self.__dict__, other.__dict__
        if any(a[n] != b[n] for n in names):
            return False
        return all(a.get(n) == b.get(n) for n in type(self)._plain_private)

    __hash__ = None          # as pydantic: hashable only when frozen

    def _frozen_hash(self) -> int:
        return hash(tuple(self.__dict__[n] for n in type(self)._plain_fields))

    def __setattr__(self, name: str, value: Any) -> None:
        if type(self)._plain_config.get("frozen") and name in type(self)._plain_fields:
            raise TypeError(f"{type(self).__name__} is frozen")
        self.__dict__[name] = value

    def __repr__(self) -> str:
        values = ", ".join(f"{n}={self.__dict__[n]!r}" for n in type(self)._plain_fields)
        return f"{type(self).__name__}({values})"

    def __iter__(self):
        for name in type(self)._plain_fields:
            yield name, self.__dict__[name]

    def __getstate__(self) -> dict[str, Any]:
        return self.__dict__

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def _to_plain(cls: type) -> Callable[[Any], Any]:
    return cls._from_twin


def _dump(value: Any, mode: str) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode=mode)
    if isinstance(value, dict):
        if mode == "json":
            return {(k if isinstance(k, str) else str(_dump(k, mode))): _dump(v, mode) for k, v in value.items()}
        return {k: _dump(v, mode) for k, v in value.items()}
    if isinstance(value, list):
        return [_dump(v, mode) for v in value]
    if isinstance(value, (tuple, set, frozenset)):
        items = [_dump(v, mode) for v in value]
        return items if mode == "json" else type(value)(items)
    if mode == "json":
        from checker.core import dates as datetime      # its classes, without datetime.py

        if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
            return value.isoformat()
        if not isinstance(value, (str, int, float, bool, type(None))):
            raise TypeError(f"cannot dump {type(value).__name__} as JSON")
    return value


def _make_twin(cls: type) -> Any:
    """The pydantic model of a plain model class."""
    import pydantic

    bases = tuple(base._twin().model for base in cls.__bases__
                  if isinstance(base, _ModelType) and base is not BaseModel) or (pydantic.BaseModel,)
    namespace: dict[str, Any] = {
        "__module__": cls.__module__, "__qualname__": cls.__qualname__, "__doc__": cls.__doc__,
        # resolved here: the modules bind typing's names only for type checkers (_TypingNames)
        "__annotations__": {name: _hints(cls)[name] for name in cls.__dict__.get("__annotations__", {})},
    }
    skip = {"__dict__", "__weakref__", "__annotations__", "model_config", "__hash__", "_plain_hints",
            "_plain_twin"}
    for attr, value in cls.__dict__.items():
        if attr in skip or attr.startswith("_plain_"):
            continue
        namespace[attr] = value
    for attr, info in cls._plain_own_fields.items():
        if not (info.default is _MISSING and info.default_factory is None and not info.kwargs):
            namespace[attr] = info.pydantic()
    for attr, default in cls._plain_own_private.items():
        namespace[attr] = pydantic.PrivateAttr(default=default)
    for attr, decorated in cls._plain_validators.items():
        namespace[attr] = decorated.pydantic()
    own_config = dict(cls.__dict__.get("model_config", {}) or {})
    own_config.pop("defer_build", None)
    if own_config:
        namespace["model_config"] = pydantic.ConfigDict(**own_config)
    twin = type(pydantic.BaseModel)(cls.__name__, bases, namespace, __pydantic_reset_parent_namespace__=False)
    return _Twin(twin, cls)


class _Twin:
    """A pydantic model whose ``model_validate`` gives the plain class's instances."""

    def __init__(self, model: Any, plain: type) -> None:
        self.model = model
        self.plain = plain

    def model_validate(self, obj: Any) -> Any:
        if isinstance(obj, self.plain):
            return obj
        return self.plain._from_twin(self.model.model_validate(obj))

    def model_construct(self, **kwargs: Any) -> Any:
        return self.model.model_construct(**kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)


def ValidationError() -> type:      # noqa: N802 - read as ``except ValidationError() as exc``
    """pydantic's ``ValidationError`` class, imported when an exception is being matched
    (an ``except`` clause evaluates its class only then)."""
    from pydantic import ValidationError as Error

    return Error
