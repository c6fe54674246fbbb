"""Load rule packs and their vocabularies.

A rules location is a folder of families — ``<family>/pack.yaml`` (a ``rules:`` list) and
``<family>/vocabulary.yaml`` or any other ``*.yaml`` beside it (the family's words) — plus
``model/*.yaml`` (the tables the document model parses with).  A user's own folder may also
hold flat packs (``*.yaml`` with a ``rules:`` list) and a ``data/`` folder, as before families.
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable

from checker.core import digests
from checker.core.plain_model import ValidationError

from checker.model.lexicon import MODEL_NAMESPACE, Lexicon, Vocabularies, merge_data
from checker.core.errors import ConfigError
from checker.core.paths import builtin_rules_dir
from checker.core.yaml_io import read_yaml, read_yaml_with_bytes
from checker.rules.errors import describe_validation_error
from checker.rules.rule import Rule
from checker.rules.schema import RulePack, RuleSpec

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from pathlib import Path     # annotations only: the one-file run imports no pathlib
    from typing import Any


PACK_NAME = "pack.yaml"


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))


def family_folders(location: Path) -> list[Path]:
    """The family folders of a rules location (those holding a ``pack.yaml``)."""
    return sorted(p.parent for p in location.glob(f"*/{PACK_NAME}"))


def pack_files(location: Path) -> list[Path]:
    if location.is_file():
        return [location]
    if not location.is_dir():
        raise ConfigError(f"{location}: no such rules directory or file")
    return [folder / PACK_NAME for folder in family_folders(location)] + _yaml_files(location)


def data_files(location: Path) -> list[Path]:
    """Every vocabulary and model table of a rules location, in a stable order."""
    if not location.is_dir():
        return []
    files: list[Path] = []
    for folder in [location / MODEL_NAMESPACE, *family_folders(location), location / "data"]:
        if folder.is_dir():
            files += [p for p in _yaml_files(folder) if p.name != PACK_NAME]
    return files


def namespace_of(path: Path) -> str:
    """The vocabulary namespace of a data file: its family folder's name (``model`` for
    the model's tables)."""
    return path.parent.name


def load_vocabularies(locations: Iterable[Path]) -> Vocabularies:
    data: dict[str, dict[str, Any]] = {}
    # Each namespace is fingerprinted by the bytes of its files (in order), never by the
    # expanded data: hashing is then linear in what was read.
    hashes: dict[str, Any] = {}
    for location in locations:
        for path in data_files(location):
            content, raw = read_yaml_with_bytes(path)
            content = content or {}
            if not isinstance(content, dict):
                raise ConfigError(f"{path}: a data file is a mapping of named entries")
            name = namespace_of(path)
            data[name] = merge_data(data.get(name, {}), content)
            hashes.setdefault(name, digests.sha1(f"gwlint-vocabulary:{name}".encode()))
            hashes[name].update(len(raw).to_bytes(8, "big") + raw)
    return Vocabularies(data, fingerprints={name: d.hexdigest() for name, d in hashes.items()})


def load_data(locations: Iterable[Path]) -> Lexicon:
    """The model's tables (the ``model`` namespace), which a Document parses with."""
    return load_vocabularies(locations).model


@lru_cache(maxsize=1)
def builtin_vocabularies() -> Vocabularies:
    """The shipped vocabularies, for rules and documents built without settings."""
    return load_vocabularies([builtin_rules_dir()])


def builtin_lexicon() -> Lexicon:
    """The shipped model tables, for documents built without settings."""
    return builtin_vocabularies().model


def load_pack(path: Path) -> list[Rule]:
    content = read_yaml(path)
    if content is None:
        return []
    if not isinstance(content, dict):
        raise ConfigError(f"{path}: a rule pack is a mapping with a 'rules:' list")
    try:
        pack = RulePack.model_validate(content)
    except ValidationError() as exc:
        raise describe_validation_error(str(path), None, exc) from None
    family = path.parent.name if path.name == PACK_NAME else (pack.family or "")
    return [build_rule(str(path), entry, i, family) for i, entry in enumerate(pack.rules)]


def build_rule(file: str, entry: dict[str, Any], index: int = 0, family: str = "") -> Rule:
    """A rule as written, its parameters still raw: ``checker.checks.registry.bind``
    validates them against the kind (the rules layer knows no kinds)."""
    rule_id = entry.get("id") if isinstance(entry, dict) else None
    label = rule_id if isinstance(rule_id, str) else f"#{index + 1}"
    if not isinstance(entry, dict):
        raise ConfigError(f"{file}: rule {label}: a rule is a mapping")
    try:
        spec = RuleSpec.model_validate(entry)
    except ValidationError() as exc:
        raise describe_validation_error(file, label, exc) from None
    return Rule(
        id=spec.id, kind=spec.kind, category=spec.category, severity=spec.severity,
        message=spec.message, why=spec.why.strip(),
        description=spec.description or first_line(spec.message),
        params=None, raw_params=dict(spec.params), examples=spec.examples,
        ignore=tuple(spec.ignore), limit=spec.limit, source=file, enabled=spec.enabled,
        family=family, messages=dict(spec.messages),
        standard=(spec.standard,) if isinstance(spec.standard, str) else tuple(spec.standard or ()),
    )


def validate_params(file: str, label: str, module, raw: dict[str, Any]):
    try:
        return module.Params.model_validate(raw)
    except ValidationError() as exc:
        raise describe_validation_error(file, label, exc, prefix=("params",)) from None
    except (ValueError, re.error) as exc:
        raise ConfigError(f"{file}: rule '{label}': field 'params': {exc}") from None


def check_message_args(file: str, label: str, message: str, provided: Iterable[str],
                       field: str = "message") -> None:
    allowed = set(provided)
    # The engine renders each line or column argument as a place in the source's own
    # terms (第12行 / 段落 4 / 表格 1 第2行第3列 …): ``first_line`` brings ``first_line_at``.
    allowed |= {f"{name}_at" for name in allowed if name.endswith(("_line", "_column"))}
    from string import Formatter    # here: `string` (its Template class) only for a rule set being validated

    try:
        names = {name for _, name, _, _ in Formatter().parse(message) if name}
    except ValueError as exc:
        raise ConfigError(f"{file}: rule '{label}': field '{field}': {exc}") from None
    unknown = sorted(n for n in names if n.split(".")[0].split("[")[0] not in allowed)
    if unknown:
        raise ConfigError(
            f"{file}: rule '{label}': field '{field}': unknown placeholder(s) {', '.join(unknown)}; "
            f"this kind provides: {', '.join(sorted(allowed)) or 'none'}")


def first_line(text: str) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return re.sub(r"\{[^}]*\}", "…", line)


def load_rules(locations: Iterable[Path]) -> list[Rule]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for location in locations:
        for path in pack_files(location):
            for rule in load_pack(path):
                if rule.id in seen:
                    raise ConfigError(f"{path}: rule '{rule.id}': field 'id': already defined in {seen[rule.id]}")
                seen[rule.id] = str(path)
                rules.append(rule)
    return rules
