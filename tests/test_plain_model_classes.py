"""A plain model class made from one model base takes its tables from the base (issue 11):
they must be what merging over the class's MRO gives, as for any other class."""
from __future__ import annotations

from typing import ClassVar

from checker.core.plain_model import BaseModel, ConfigDict, Field, PrivateAttr, field_validator


def _merged(cls):
    """The tables as the general path makes them: over the MRO, after the class is made."""
    fields, private, config = {}, {}, {}
    for base in reversed(cls.__mro__):
        fields.update(base.__dict__.get("_plain_own_fields", {}))
        private.update(base.__dict__.get("_plain_own_private", {}))
        config.update(base.__dict__.get("model_config", {}) or {})
    return fields, private, config


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    a: int = 1
    b: list[str] = Field(default_factory=list)
    _seen: dict = PrivateAttr(default={})


class _Frozen(_Base):
    model_config = ConfigDict(frozen=True)

    c: str = "x"
    k: ClassVar[int] = 3

    @field_validator("c")
    @classmethod
    def _c(cls, value):
        return value


class _Again(_Frozen):
    a: int = 2          # a field of a base given again: its place stays the base's
    d: bool = False


class _Other(BaseModel):
    e: int = 0


class _Both(_Again, _Other):      # two bases: the general path
    f: int = 5


def test_tables_are_the_merge_over_the_mro():
    for cls in (_Base, _Frozen, _Again, _Both):
        fields, private, config = _merged(cls)
        assert list(cls._plain_fields.items()) == list(fields.items())
        assert cls._plain_private == private
        assert list(cls._plain_config.items()) == list(config.items())
        assert cls._plain_twin is None or cls.__dict__.get("_plain_twin") is not None
        for name, info in cls._plain_own_fields.items():
            assert info.name == name and info.owner is cls
    assert list(_Again._plain_fields) == ["a", "b", "c", "d"]
    assert list(_Frozen._plain_validators) == ["_c"] and _Again._plain_validators == {}
    assert "k" not in _Frozen._plain_fields


def test_frozen_hash_and_own_attributes():
    assert _Base.__hash__ is None or _Base.__hash__ is not BaseModel._frozen_hash
    for cls in (_Frozen, _Again, _Both):
        assert cls.__dict__["__hash__"] is BaseModel._frozen_hash
        for name in ("_plain_own_fields", "_plain_own_private", "_plain_validators", "_plain_fields",
                     "_plain_private", "_plain_twin", "_plain_config"):
            assert name in cls.__dict__
    one, two = _Again(a=3, c="y"), _Again(a=3, c="y")
    assert one == two and one != _Again(a=3)
    assert _Again.model_construct(a=4).model_dump() == {"a": 4, "b": [], "c": "x", "d": False}
    assert _Both().model_dump() == {"e": 0, "a": 2, "b": [], "c": "x", "d": False, "f": 5}


def test_validators_leave_the_class_in_their_order_and_a_shared_one_in_each_class():
    # a model's validators take themselves off the class as it is made (kinds17:
    # _Decorated.__set_name__), in the order of the class body, on either path
    check = field_validator("e")(classmethod(lambda cls, value: value))

    class One(BaseModel):
        e: int = 0
        _v = check

        @field_validator("e")
        @classmethod
        def _w(cls, value):
            return value

    class Two(_Other, _Base):          # two bases: the general path
        _v = check

    class Plain:                      # not a model: left as it is
        _v = check

    assert list(One._plain_validators) == ["_v", "_w"] and list(Two._plain_validators) == ["_v"]
    for cls in (One, Two):
        assert "_v" not in cls.__dict__ and cls._plain_validators["_v"] is check
    assert "_w" not in One.__dict__ and Plain.__dict__["_v"] is check
    assert One.model_validate({"e": "3"}).e == 3
