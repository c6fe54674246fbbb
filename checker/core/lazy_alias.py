"""Type aliases made of ``typing``'s forms (``Literal[...]``, ``Annotated[...]``) that a run
need not import ``typing`` for.

Plain models' annotations name such aliases, and they are read only when pydantic
validates one of those models (a rule set, a configuration, a vocabulary view): never by
a run that takes its rules from the rule-set cache, for which importing ``typing`` to
build them cost ~12 M instructions (2 ms) of a one-file check.  ``lazy_alias(name, make)``
is a class standing in for the alias ``make(typing)``: pydantic asks a class for its
schema through ``__get_pydantic_core_schema__`` and is given the alias's, so validation,
its coercions and its messages are the alias's own.  Type checkers read the alias itself,
written beside it under ``if TYPE_CHECKING:``.
"""
from __future__ import annotations

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType
    from typing import Any


def lazy_alias(name: str, make: Callable[[ModuleType], Any]) -> type:
    """A class whose pydantic schema is that of ``make(typing)``, made when first asked."""

    def schema(cls: type, source: Any, handler: Any) -> Any:
        import typing

        return handler(make(typing))

    return type(name, (), {"__get_pydantic_core_schema__": classmethod(schema), "__slots__": (),
                           "__module__": make.__module__,
                           "__doc__": f"The type alias {name}, made when pydantic asks (see checker.core.lazy_alias)."})
