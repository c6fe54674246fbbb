"""The installed package must carry every subpackage and the rule packs."""
from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")}
    missing = on_disk - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    assert "checker.builtin_rules" in listed


def test_rule_packs_resolve_to_the_repository_rules_folder():
    from checker.rules.loader import builtin_rules_dir

    assert builtin_rules_dir().resolve() == (ROOT / "rules").resolve()
