"""The planted corpus: tests/cases/<group>/…/<name>.txt with <name>.expected listing
``line:col rule-id`` per violation of that group (an empty file: none may be reported).
A group is a category of the contract (its violations are compared) or a rule family
(the violations of the rules of rules/<family>/pack.yaml are compared).  Cases run with
``--no-config``, or with the nearest ``.gwlint.yaml`` inside tests/cases (a folder of
cases for a preset: ``extends: gb-standards``).  Checked through the real command
line's JSON output."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from checker.rules.categories import CATEGORIES
from checker.rules.loader import builtin_rules_dir, load_rules

CASES = Path(__file__).parent / "cases"
TEXTS = sorted(p for p in CASES.rglob("*") if p.suffix in (".txt", ".md") and p.with_suffix(".expected").exists())


def _config_for(case: Path) -> Path | None:
    folder = case.parent
    while folder != CASES.parent:
        if (folder / ".gwlint.yaml").is_file():
            return folder / ".gwlint.yaml"
        if folder == CASES:
            break
        folder = folder.parent
    return None


@pytest.fixture(scope="module")
def reported() -> dict[str, set[tuple[int, int, str]]]:
    if not TEXTS:
        return {}
    batches: dict[Path | None, list[Path]] = defaultdict(list)
    for case in TEXTS:
        batches[_config_for(case)].append(case)
    out: dict[str, set] = defaultdict(set)
    for config, cases in batches.items():
        options = ["--config", str(config)] if config else ["--no-config"]
        proc = subprocess.run([sys.executable, "-m", "checker", "check", *options, "--format", "json",
                               "--fail-on", "error", *map(str, cases)], capture_output=True, text=True)
        assert proc.returncode in (0, 1), proc.stderr
        data = json.loads(proc.stdout)
        for v in data["violations"]:
            out[str(Path(v["path"]).resolve())].add((v["line"], v["column"], v["rule"], v["category"]))
    return out


def _family_rules(family: str) -> set[str]:
    return {r.id for r in load_rules([builtin_rules_dir()]) if Path(r.source).parent.name == family}


def _expected(path: Path) -> set[tuple[int, int, str]]:
    out = set()
    for line in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pos, rule = line.split()
            ln, col = pos.split(":")
            out.add((int(ln), int(col), rule))
    return out


@pytest.fixture(scope="module")
def family_of() -> dict[str, str]:
    from tests.helpers import every_rule

    return {r.id: r.family for r in every_rule()}


def test_every_case_group_is_a_family_or_a_category(family_of):
    groups = {p.relative_to(CASES).parts[0] for p in TEXTS}
    assert groups <= set(family_of.values()) | set(CATEGORIES)


@pytest.mark.parametrize("case", TEXTS, ids=[str(p.relative_to(CASES)) for p in TEXTS])
def test_planted_case(case: Path, reported):
    group = case.relative_to(CASES).parts[0]
    found = reported.get(str(case.resolve()), set())
    if group in CATEGORIES:
        got = {(l, c, r) for (l, c, r, cat) in found if cat == group}
    else:
        rules = _family_rules(group)
        assert rules, f"tests/cases/{group}: neither a category nor a rule family"
        got = {(l, c, r) for (l, c, r, _) in found if r in rules}
    assert got == _expected(case)
