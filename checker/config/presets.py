"""Presets: named starting points for `.gwlint.yaml` ``extends:``.

A preset is ``rules/presets/<name>.yaml`` (shipped with the rule packs).  It names the
preset it builds on (``extends``), and carries the same ``disable`` and ``rules`` settings
as a configuration file: the rules an audience turns on (``enable``), off, or runs with
other parameters.  ``default`` is the set that is right in every office's house style;
``gb-standards`` adds what the national standards for official text require beyond it.

A configuration's own settings come after its preset's: a rule the preset enables can
still be disabled, and parameters given in both are merged, the configuration's winning.
"""
from __future__ import annotations

import os

from checker.core.plain_model import BaseModel, ConfigDict, Field, ValidationError

from checker.config.schema import RuleSettings
from checker.core.errors import ConfigError
from checker.core.paths import builtin_rules_dir, builtin_rules_name
from checker.core.yaml_io import read_yaml
from checker.rules.errors import describe_validation_error

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from pathlib import Path     # annotations only: the one-file run imports no pathlib
    from typing import Any

NONE = "none"


class Preset(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    description: str = Field(min_length=1)
    extends: str | None = None
    disable: list[str] = Field(default_factory=list)
    rules: dict[str, RuleSettings | str] = Field(default_factory=dict)


def presets_dir() -> Path:
    return builtin_rules_dir() / "presets"


def presets_dir_name() -> str:
    """``presets_dir()`` as text (what the rule set's key reads: no pathlib on the one-file path)."""
    return os.path.join(builtin_rules_name(), "presets")


def available() -> list[str]:
    folder = presets_dir()
    return sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []


def load_preset(name: str) -> tuple[Path, Preset]:
    path = presets_dir() / f"{name}.yaml"
    if not path.is_file():
        names = ", ".join([*available(), NONE])
        raise ConfigError(f"field 'extends': unknown preset {name!r}; valid: {names}")
    content = read_yaml(path) or {}
    if not isinstance(content, dict):
        raise ConfigError(f"{path}: a preset is a mapping")
    try:
        preset = Preset.model_validate(content)
    except ValidationError() as exc:
        raise describe_validation_error(str(path), None, exc) from None
    for rule_id, setting in preset.rules.items():
        if isinstance(setting, str) and setting not in ("enable", "disable"):
            raise ConfigError(f"{path}: rule '{rule_id}': 'enable', 'disable' or a mapping of settings")
    return path, preset


def chain(name: str) -> list[tuple[Path, Preset]]:
    """The preset and those it builds on, the most basic first."""
    out: list[tuple[Path, Preset]] = []
    seen: set[str] = set()
    while name and name != NONE:
        if name in seen:
            raise ConfigError(f"presets extend each other in a circle: {' → '.join([*seen, name])}")
        seen.add(name)
        path, preset = load_preset(name)
        out.append((path, preset))
        name = preset.extends or ""
    return list(reversed(out))


def merge_setting(base: Any, over: Any) -> Any:
    """One rule's setting from a preset (``base``) overridden by a later one (``over``)."""
    if base is None or isinstance(over, str) or isinstance(base, str):
        if isinstance(over, RuleSettings) and base == "enable" and over.enabled is None:
            return over.model_copy(update={"enabled": True})
        return over
    merged = base.model_dump()
    for key, value in over.model_dump(exclude_unset=True).items():
        if key == "params":
            merged["params"] = {**merged.get("params", {}), **value}
        elif key == "ignore":
            merged["ignore"] = [*merged.get("ignore", []), *value]
        elif value is not None:
            merged[key] = value
    return RuleSettings.model_validate(merged)
