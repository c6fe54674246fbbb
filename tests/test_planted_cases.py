"""The planted corpus: tests/cases/<family>/<name>.txt with <name>.expected listing
``line:col rule-id`` per violation of that family's rules (an empty file: none may be
reported).  Checked through the real command line's JSON output."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
TEXTS = sorted(p for p in CASES.rglob("*") if p.suffix in (".txt", ".md") and p.with_suffix(".expected").exists())


@pytest.fixture(scope="module")
def reported() -> dict[str, set[tuple[int, int, str]]]:
    if not TEXTS:
        return {}
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--format", "json",
                           "--fail-on", "error", *map(str, TEXTS)], capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    data = json.loads(proc.stdout)
    out: dict[str, set] = defaultdict(set)
    for v in data["violations"]:
        out[str(Path(v["path"]).resolve())].add((v["line"], v["column"], v["rule"], v["category"]))
    return out


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


def test_every_case_folder_is_a_family(family_of):
    families = set(family_of.values())
    assert {p.parent.name for p in TEXTS} <= families


@pytest.mark.parametrize("case", TEXTS, ids=[str(p.relative_to(CASES)) for p in TEXTS])
def test_planted_case(case: Path, reported, family_of):
    family = case.parent.name
    got = {(l, c, r) for (l, c, r, _) in reported.get(str(case.resolve()), set()) if family_of.get(r) == family}
    assert got == _expected(case)
