"""Where a kind's code lives: each family package under ``checker.checks`` lists its kinds.

A family's ``__init__`` defines ``KINDS = {"kind-name": "module"}``; this module finds the
families by walking the package (no global list to edit), and imports a kind's module on
first use, so a run pays only for the kinds its rules use.
"""
from __future__ import annotations

import importlib
import sys
import os
from functools import lru_cache
from types import ModuleType

import checker.checks as _checks
from checker.core.errors import ConfigError
from checker.rules.loader import builtin_vocabularies, check_message_args, load_rules, validate_params


class UnknownKind(KeyError):
    pass


@lru_cache(maxsize=1)
def kind_table() -> dict[str, str]:
    """kind name -> dotted module path, over every family package."""
    table: dict[str, str] = {}
    for name in _subpackages(_checks.__path__):
        family = importlib.import_module(f"{_checks.__name__}.{name}")
        for kind, module in getattr(family, "KINDS", {}).items():
            if kind in table:
                raise RuntimeError(f"kind {kind!r} is defined by two families: {table[kind]} and {info.name}.{module}")
            table[kind] = f"{family.__name__}.{module}"
    return table


def _subpackages(path) -> list[str]:
    """The packages in these folders, by name: what ``pkgutil.iter_modules`` lists with
    ``ispkg``, without importing pkgutil and inspect (5-8 ms of a one-file run)."""
    names: list[str] = []
    for folder in path:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        names += [e.name for e in entries if "." not in e.name and e.name not in names and e.is_dir()
                  and os.path.isfile(os.path.join(e.path, "__init__.py"))]
    return names


def family_of_kind(kind: str) -> str:
    """The family package name (``units``, ``gb_15834`` …) that defines a kind."""
    return kind_table()[kind].split(".")[2]


def load_kind(name: str) -> ModuleType:
    table = kind_table()
    try:
        module_name = table[name]
    except KeyError:
        raise UnknownKind(f"unknown kind {name!r}; valid kinds: {', '.join(sorted(table))}") from None
    # asked for every rule on every document: a module imported already is taken from
    # sys.modules without the import system's locking and look-ups
    return sys.modules.get(module_name) or importlib.import_module(module_name)


def kind_constant(module: ModuleType, name: str, default=None):
    """A kind module's optional constant (``LATE``, ``CORPUS``, ``DEFERS_TO``) read from its
    namespace.  Asked for every rule of every document; on Python 3.11 a module's missing
    attribute costs a formatted AttributeError (some 7 k instructions) that ``getattr``'s
    default then drops.  Kind modules define no module ``__getattr__`` (a test holds them
    to it), so their namespace is every attribute they have."""
    return module.__dict__.get(name, default)


def bind(rule, vocabularies=None):
    """A rule as loaded, made runnable: its kind found, its parameters and message
    placeholders validated against the kind, its family and vocabularies attached.
    Errors name the pack file, the rule and the field, on one line."""
    from checker.core.errors import ConfigError
    from checker.rules.loader import builtin_vocabularies, check_message_args, validate_params

    try:
        module = load_kind(rule.kind)
    except UnknownKind as exc:
        raise ConfigError(f"{rule.source}: rule '{rule.id}': field 'kind': {exc.args[0]}") from None
    params = validate_params(rule.source, rule.id, module, rule.raw_params)
    provided = getattr(module, "MESSAGE_ARGS", ())
    check_message_args(rule.source, rule.id, rule.message, provided)
    for name, template in rule.messages.items():
        check_message_args(rule.source, f"{rule.id}' messages '{name}", template, provided)
    needed = getattr(module, "MESSAGES", ())
    if callable(needed):            # templates that depend on the rule's params
        needed = needed(params)
    missing = sorted(set(needed) - set(rule.messages))
    if missing:
        raise ConfigError(f"{rule.source}: rule '{rule.id}': field 'messages': missing template(s) "
                          f"{', '.join(missing)}; kind '{rule.kind}' needs them")
    return rule.with_changes(params=params, family=rule.family or family_of_kind(rule.kind),
                             vocabularies=vocabularies if vocabularies is not None else builtin_vocabularies())


def link_deferrals(rules: list, run: list | None = None) -> list:
    """``rules`` (the rules run on one document), each rule whose kind leaves some problems
    to other kinds (its module's ``DEFERS_TO``, a set of kind names) told which of these
    rules will report them (``rule.defers_to``, with their own parameters).  A problem
    whose reporter is not in the run — disabled, ignored for the path, not selected — is
    then reported by the deferring rule: one report per problem, never none.

    ``run``: the rules of ``rules`` actually run, when some are known to find nothing in
    the document (``checker.checks.empty_text``): only these are linked (and their kinds
    imported), each to its partners among all of ``rules`` — a partner left out for
    finding nothing still takes the problems it would report, as when it runs."""
    out = []
    for rule in rules if run is None else run:
        kinds = kind_constant(load_kind(rule.kind), "DEFERS_TO", ())
        if kinds or rule.defers_to:
            partners = tuple(r for r in rules if r.kind in kinds and r is not rule)
            rule = rule.with_changes(defers_to=partners)
        out.append(rule)
    return out


def load_bound_rules(locations, vocabularies=None) -> list:
    """Every rule of these locations, bound (see ``bind``) and run together."""
    return link_deferrals([bind(rule, vocabularies) for rule in load_rules(locations)])


def is_local(rule) -> bool:
    """Whether a rule's findings depend only on the paragraph they are in: its kind's
    ``LOCAL``, a flag or a function of the rule's parameters."""
    local = getattr(load_kind(rule.kind), "LOCAL", False)
    return bool(local(rule.params)) if callable(local) else bool(local)
