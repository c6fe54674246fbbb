"""The installed package must carry every subpackage and the rule packs."""
from __future__ import annotations

import tomllib

import pytest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_in_pyproject():
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    # a folder mapped to another name (the `gwlint` alias) is listed under that name
    renamed = {".".join(Path(folder).parts): name for name, folder in setuptools["package-dir"].items()}
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")}
    on_disk = {renamed.get(package, package) for package in on_disk}
    missing = on_disk - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    assert "checker.builtin_rules" in listed


def test_rule_packs_resolve_to_the_repository_rules_folder():
    from checker.rules.loader import builtin_rules_dir

    assert builtin_rules_dir().resolve() == (ROOT / "rules").resolve()


def test_every_rule_folder_is_a_listed_package():
    """setuptools warns ("Package would be ignored") for a data folder Python could import
    but `packages` does not name; each such folder of rules/ is named (gb-15834 and the
    like cannot be imported and ship as data of checker.builtin_rules)."""
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {f"checker.builtin_rules.{p.name}" for p in (ROOT / "rules").iterdir()
               if p.is_dir() and p.name.isidentifier() and any(p.glob("*.yaml"))}
    missing = folders - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_version_has_one_source_the_metadata_of_pyproject():
    import subprocess
    import sys
    from importlib.metadata import metadata

    from checker.core.version import tool_version

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert tool_version() == declared
    out = subprocess.run([sys.executable, "-m", "checker", "--version"], capture_output=True, text=True)
    assert out.stdout.strip() == f"gwlint {declared}"
    meta = metadata("gwlint")
    assert meta["License-Expression"] == "Apache-2.0"
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert {"Homepage", "Repository", "Issues", "Changelog"} <= set(urls)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {declared}" in changelog, "CHANGELOG.md has no section for the version in pyproject.toml"


@pytest.mark.slow
def test_wheel_builds_without_warnings_and_carries_types_data_and_licence(tmp_path):
    import subprocess
    import sys
    import zipfile

    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(tmp_path), str(ROOT)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    log = build.stdout + build.stderr
    assert "would be ignored" not in log and "SetuptoolsDeprecationWarning" not in log
    [wheel] = tmp_path.glob("gwlint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "checker/py.typed" in names and "gwlint/__main__.py" in names
    assert any(n.endswith("licenses/LICENSE") for n in names) and any(n.endswith("licenses/NOTICE") for n in names)
    shipped = {n.removeprefix("checker/builtin_rules/") for n in names if n.startswith("checker/builtin_rules/")}
    on_disk = {p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.yaml")}
    assert on_disk <= shipped, sorted(on_disk - shipped)
