"""Objects of a frozen slots dataclass made by plain attribute stores.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` (its own
``__setattr__`` refuses), some 0.3-0.5 us a field; the quantities and sentences layers
make hundreds of such objects a document.  ``unfrozen_twin(cls)`` is a plain class with
``cls``'s slots — the same names in the same order, the same base (``object``) — and
nothing else: an instance of it takes its fields by the interpreter's plain slot store,
then is given the class ``cls`` (``obj.__class__ = cls``).  Python allows that change
only between classes of one memory layout, which these two are by construction, so the
object is then field for field what the constructor makes: equal to, hashing, printing,
pickling and frozen like it (tests/test_quantity_objects.py,
tests/test_number_layers_second_pass.py).  Only for values the caller knows valid: the
class's ``__post_init__`` (a bounds check, say) is not run.
"""
from __future__ import annotations


def unfrozen_twin(cls: type) -> type:
    """A class with ``cls``'s slots (same names, same order) and no methods: its
    instances may be given the class ``cls`` once their fields are set."""
    if cls.__bases__ != (object,) or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__} is not a slots class derived from object")
    return type(f"_Unfrozen{cls.__name__}", (), {"__slots__": cls.__slots__, "__module__": cls.__module__})
