"""Lint of the shipped rule pack itself: ids, categories, docs, kinds, message placeholders."""
from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from checker.checks.params_doc import param_meanings
from checker.checks.registry import kind_table, load_bound_rules, load_kind
from checker.rules.categories import CATEGORIES
from checker.rules.loader import builtin_rules_dir, load_rules

RULES = load_bound_rules([builtin_rules_dir()])


def test_ids_are_unique_kebab_case():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", i) for i in ids)


def test_every_rule_is_documented_and_in_the_contract():
    for rule in RULES:
        assert rule.category in CATEGORIES, rule.id
        assert len(rule.why) >= 10, f"{rule.id}: write a real 'why'"
        assert rule.examples.bad and rule.examples.good, rule.id


def test_every_kind_module_has_the_protocol():
    for kind in kind_table():
        module = load_kind(kind)
        entry = "check_late" if getattr(module, "LATE", False) else "check"
        assert hasattr(module, "Params") and hasattr(module, entry), kind
        assert isinstance(getattr(module, "MESSAGE_ARGS", None), (set, frozenset, tuple)), kind


def test_every_parameter_is_documented():
    # `gwlint explain` and the family pages show these comments; a new parameter needs one.
    undocumented = []
    for kind in kind_table():
        params = load_kind(kind).Params
        meanings = param_meanings(params)
        for field in params.model_fields:
            if not meanings.get(field, "").strip():
                undocumented.append(f"{kind}.{field}")
    assert not undocumented, f"comment these Params fields: {undocumented}"


def test_param_meanings_reads_the_comments_of_the_fields():
    class Base(BaseModel):
        shared: int = 1         # from the base
        overridden: int = 2     # the base's word

    class Sample(Base):
        same_line: int = 3      # said on the line
        # said above,
        # over two lines
        above: int = 4
        bare: int = 5
        # a comment cut off by a blank line

        far: int = 6
        overridden: int = 7     # the subclass's word

    assert param_meanings(Sample) == {
        "shared": "from the base",
        "overridden": "the subclass's word",
        "same_line": "said on the line",
        "above": "said above, over two lines",
    }


def test_every_category_except_reserved_has_rules():
    covered = {r.category for r in RULES}
    missing = set(CATEGORIES) - covered
    assert not missing, f"no rule covers: {sorted(missing)}"


def test_data_files_are_mappings():
    import yaml

    from checker.rules.loader import data_files

    paths = data_files(builtin_rules_dir())
    assert len(paths) >= 10
    for path in paths:
        assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), dict), path


def test_rules_markdown_writes_a_page_per_family(tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "checker", "rules", "--no-config", "--markdown", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    families = {r.family for r in RULES}
    assert {p.stem for p in tmp_path.glob("*.md")} == families | {"README"}
    page = (tmp_path / "percent.md").read_text(encoding="utf-8")
    assert "## rate-above-100" in page and "**Why.**" in page and "义务教育巩固率达到103%" in page


def test_explain_shows_parameter_meanings():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "checker", "explain", "--no-config", "repeated-word"],
                         capture_output=True, text=True).stdout
    assert "max_word: 8" in out and "longest repeated word" in out
