"""A number written in a document, with what it measures."""
from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields

from checker.core.code_cache import exec_kept
from checker.model.span import Span
from checker.model.unfrozen_twin import unfrozen_twin


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity such as ``约35.28亿元``, ``93.5%``, ``1-2项`` or ``百分之八十``.

    ``value`` is the number as written (35.28 for ``35.28亿元``); ``scaled`` multiplies
    by the magnitude.  For a range ``value`` is the low end and ``high`` the high end.
    """

    span: Span                      # the whole quantity, approximation words included
    text: str                       # span.of(doc.text)
    value: float
    number_text: str                # the digits as written: "93.5", "二十九", "1,200"
    unit: str | None = None         # "%", "％", "元", "所", "个百分点" … (None: bare number)
    magnitude: str | None = None    # "万", "亿", "千" … or None
    approx: tuple[str, ...] = ()    # approximation words: ("约",), ("以上",), ("近", "余") …
    high: float | None = None       # upper end of a range (None: not a range)
    high_unit: str | None = None    # unit written on the upper end, when it differs
    low_unit: str | None = None     # unit written on the lower end of a range ("50%～30%")
    is_chinese_numeral: bool = False
    list_id: int | None = None      # quantities of one list `30%、50%、70%` share an id
    indicator: str | None = None    # what it measures: "学前三年毛入学率"
    indicator_span: Span | None = None
    verb: str | None = None         # the linking verb: "达到", "下降", "提高" …
    verb_span: Span | None = None
    sentence: int | None = None     # index into Document.sentences
    # -- added with the quantity grammar (checker/model/quantities.py) -------------------
    # For a range, ``unit`` is the unit of the high end (else of the low end), and
    # ``low_unit``/``high_unit`` are the units as written on each end (None: none written).
    unit_kind: str | None = None    # kind of the unit from rules/data/units.yaml: "percent", "money", "count" …
    number_span: Span | None = None  # the digits of the (low) number: "93.5" in "约93.5%"
    unit_span: Span | None = None   # the unit as written (of the high end for a range)
    high_number_text: str | None = None  # the high end's digits as written
    low_magnitude: str | None = None     # a magnitude written on the low end of a range
    range_mark: str | None = None   # "-", "～", "至" … between the ends of a range
    bound: str | None = None        # what the approximation words say: "about", "above", "at-least", "below", "at-most"
    verb_kind: str | None = None    # "level", "increase", "decrease" or "share" (from quantities.yaml)
    # What the magnitude multiplies by, from the model data (`magnitudes` of
    # rules/model/units.yaml): 10000 for 万; 1 without a magnitude.  For a range,
    # ``low_multiplier`` is the low end's (its own magnitude, else the quantity's).
    multiplier: int = 1
    low_multiplier: int = 1


    @property
    def scaled(self) -> float:
        """The value with its magnitude applied (35.28亿 -> 3.528e9)."""
        return self.value * self.multiplier

    @property
    def is_range(self) -> bool:
        return self.high is not None

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "％", "百分之") or (self.unit or "").startswith("百分")


# ``Quantity(**values)`` without the dataclass constructor: its ``__init__`` sets each of
# the 28 fields by ``object.__setattr__`` (the class is frozen), some 8-15 us a quantity,
# a tenth of the quantities layer.  ``make_quantity`` makes the object as an instance of
# ``_Unfrozen`` (``unfrozen_twin``: Quantity's slots, no methods), sets its fields by
# plain attribute stores (a third of the cost of calling each slot's ``__set__``) and
# gives it the class ``Quantity``; it is then equal to, hashes and prints like the
# constructor's, and is frozen (tests/test_quantity_objects.py).  The function is
# written out a line per field, as ``dataclasses`` writes ``__init__`` (a loop over the
# fields costs half as much again): ``_d<i>`` is field i's default; a required field is
# read with ``values[name]``.
_Unfrozen = unfrozen_twin(Quantity)


def _maker(whole: bool = False):
    """``make_quantity``'s text, or with ``whole`` ``make_whole_quantity``'s: every field
    read by subscript (a dictionary holding them all spares the ``get`` calls)."""
    name = "make_whole_quantity" if whole else "make_quantity"
    scope = {"_new": object.__new__, "_Unfrozen": _Unfrozen, "Quantity": Quantity}
    lines = [f"def {name}(values):",
             '    """``Quantity(**values)`` for ``values`` holding only field names (the quantities',
             "    layer's own dictionaries): a missing field takes its default, a missing required",
             '    one raises ``KeyError``."""' if not whole else
             '    one raises ``KeyError`` (here every field must be there)."""',
             "    quantity = _new(_Unfrozen)",
             "    get = values.get"]
    for i, f in enumerate(fields(Quantity)):
        if f.default_factory is not MISSING:
            raise TypeError(f"make_quantity does not call default factories ({f.name})")
        scope[f"_d{i}"] = f.default
        read = f"values[{f.name!r}]" if f.default is MISSING or whole else f"get({f.name!r}, _d{i})"
        lines.append(f"    quantity.{f.name} = {read}")
    lines.append("    quantity.__class__ = Quantity")
    lines.append("    return quantity")
    # compiled once and kept between runs of the command line, as dataclasses' methods are
    # (the text is the same every run): a fresh one-file run 1.5 M instructions fewer
    exec_kept("\n".join(lines), scope)
    return scope[name]


# ``Quantity(**values)`` for ``values`` holding every field (KeyError otherwise)
make_whole_quantity = _maker(whole=True)


def __getattr__(name: str):
    # ``make_quantity`` (fields may be missing) is written and compiled when first imported:
    # the quantities layer uses ``make_whole_quantity`` only, and compiling the other's
    # text was ~0.6 M instructions of every run that finds a quantity
    if name == "make_quantity":
        made = globals()["make_quantity"] = _maker()
        return made
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
