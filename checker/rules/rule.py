"""A loaded, validated rule ready to run."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from checker.core.plain_model import BaseModel

from checker.rules.schema import Examples

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from typing import Any


def normalise_clause(text: str) -> str:
    return " ".join(text.split()).replace("—", "-").replace("–", "-").replace("－", "-").upper()


class Deferred:
    """A value left to be made on first read (see ``_ReadOnFirstUse``): the rule-set cache
    gives a rule its parameters this way, so that a run imports only the kinds whose
    rules it reads (a run whose files all come from the results cache imports none)."""

    def resolve(self) -> Any:  # pragma: no cover - subclasses say how
        raise NotImplementedError


class _ReadOnFirstUse:
    """A dataclass field holding a value or a ``Deferred``, made the value on first read.
    Reads after the first cost one dictionary look-up more than a plain attribute."""

    def __set_name__(self, owner, name: str) -> None:
        self.slot = f"_{name}_value"

    def __get__(self, obj, owner=None):
        if obj is None:
            raise AttributeError(self.slot)      # no default: the field stays required
        value = obj.__dict__[self.slot]
        if isinstance(value, Deferred):
            value = obj.__dict__[self.slot] = value.resolve()
        return value

    def __set__(self, obj, value) -> None:
        obj.__dict__[self.slot] = value


@dataclass(frozen=True)
class Rule:
    """One rule of a pack: its kind, where it applies, its messages and its parameters."""

    id: str
    kind: str
    category: str
    severity: str
    message: str
    why: str
    description: str
    params: BaseModel = _ReadOnFirstUse()   # an instance of the kind's Params (or Deferred until read)
    examples: Examples = _ReadOnFirstUse()  # (or Deferred until read: the rule-set cache's, see there)
    raw_params: dict[str, Any] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()
    limit: int | None = None
    source: str = ""                  # the pack file it came from
    enabled: bool = True              # False: shipped off, switched on in .gwlint.yaml
    family: str = ""                  # whose vocabulary the rule reads (its pack's folder)
    messages: dict[str, str] = field(default_factory=dict)   # extra templates, by name
    vocabularies: Any = None          # the run's Vocabularies, attached by bind()
    # The rules of this run that report what this rule's kind leaves to them (its module's
    # DEFERS_TO kinds; set by checker.checks.registry.link_deferrals for each document).
    defers_to: tuple["Rule", ...] = ()

    @property
    def vocabulary(self):
        """The rule's family vocabulary (a Lexicon): the words its kind reads."""
        return self.vocabulary_of(self.family)

    def vocabulary_of(self, family: str):
        """Another family's vocabulary, for a kind that deliberately reads it (say why)."""
        if self.vocabularies is None:
            raise RuntimeError(f"rule {self.id!r} is not bound (checker.checks.registry.bind)")
        return self.vocabularies.namespace(family)
    standard: tuple[str, ...] = ()    # clauses of national standards it enforces
    messages: dict[str, str] = field(default_factory=dict)   # extra templates by name

    def cites(self, query: str) -> bool:
        """Whether one of its clauses is ``query`` or lies under it ("GB/T 15835" covers
        "GB/T 15835-2011 5.1.3", "GB/T 9704-2012 7.3" covers "GB/T 9704-2012 7.3.2", but
        "GB/T 1583" covers nothing), ignoring case, extra blanks and the form of the dash."""
        want = normalise_clause(query)
        if not want:
            return False
        for clause in map(normalise_clause, self.standard):
            if clause == want or (clause.startswith(want) and clause[len(want)] in " .-"):
                return True
        return False

    def fill(self, name: str, **args: Any) -> str:
        """The rule's ``messages[name]`` template filled with ``args``: the part of a
        message a kind composes (a detail chosen among several, a note on another place),
        worded in the pack.  A placeholder without an argument stays as written."""
        return self.messages[name].format_map(_Keep(args))

    def template(self, name: str | None = None) -> str:
        """The message template a finding asks for: ``message`` when ``name`` is None,
        else the template of that name in ``messages`` (bound rules have every name their
        kind's ``MESSAGES`` lists)."""
        return self.message if name is None else self.messages[name]

    def with_changes(self, **changes: Any) -> "Rule":
        return replace(self, **changes)

    @classmethod
    def restored(cls, values: dict[str, Any]) -> "Rule":
        """The rule ``cls(**values)`` makes, made as ``copy`` and ``pickle`` make an
        instance: its ``__dict__`` given whole (``values`` holds every field).  For the
        rule-set cache's start-up, which makes every rule of the set: the generated
        ``__init__`` of a frozen dataclass sets each of the 19 fields through
        ``object.__setattr__`` (~40 k instructions a rule, 4 M a run).  ``__init__`` does
        nothing else (no ``__post_init__``, no conversion): tests/test_rule_restored.py
        compares the two over the shipped rule set."""
        rule = cls.__new__(cls)
        rule.__dict__.update({key: values[name] for name, key in _stored_keys(cls)})
        return rule


def _stored_keys(cls) -> list[tuple[str, str]]:
    """Each field of ``cls`` with the ``__dict__`` key ``__init__`` stores it under (a
    ``_ReadOnFirstUse`` field's own slot), in ``__init__``'s order; found once."""
    keys = _STORED_KEYS.get(cls)
    if keys is None:
        from dataclasses import fields

        keys = _STORED_KEYS[cls] = [(f.name, _slot_of(vars(cls).get(f.name), f.name)) for f in fields(cls)]
    return keys


def _slot_of(attribute: Any, name: str) -> str:
    return attribute.slot if isinstance(attribute, _ReadOnFirstUse) else name


_STORED_KEYS: dict[type, list[tuple[str, str]]] = {}


class _Keep(dict):
    """Format arguments where a missing name shows as itself rather than raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
