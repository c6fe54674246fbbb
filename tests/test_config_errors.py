"""Bad rules and configuration: exit 2 with one line naming file, rule and field."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

GWLINT = [sys.executable, "-m", "checker"]


def run(*args, cwd=None, input=None):
    return subprocess.run([*GWLINT, *args], capture_output=True, text=True, cwd=cwd, input=input)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_misspelt_rule_key_names_file_rule_and_field(tmp_path):
    pack = write(tmp_path / "pack" / "mine.yaml", """\
        rules:
          - id: my-rule
            kind: pattern
            category: placeholder
            severty: error
            message: x
            why: because
            examples: {bad: [a], good: [b]}
        """)
    doc = write(tmp_path / "d.txt", "正文。\n")
    proc = run("check", "--no-config", "--rules", str(pack.parent), str(doc))
    assert proc.returncode == 2
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "mine.yaml" in line and "my-rule" in line and "severty" in line


def test_unknown_kind_lists_valid_kinds(tmp_path):
    pack = write(tmp_path / "pack" / "p.yaml", """\
        rules:
          - id: r1
            kind: no-such-kind
            category: placeholder
            severity: error
            message: x
            why: because
            examples: {bad: [a], good: [b]}
        """)
    proc = run("check", "--no-config", "--rules", str(pack.parent), str(tmp_path))
    assert proc.returncode == 2
    assert "r1" in proc.stderr and "kind" in proc.stderr and "no-such-kind" in proc.stderr


def test_unknown_category_is_rejected(tmp_path):
    pack = write(tmp_path / "pack" / "p.yaml", """\
        rules:
          - id: r2
            kind: pattern
            category: spelling
            severity: error
            message: x
            why: because
            examples: {bad: [a], good: [b]}
        """)
    proc = run("rules", "--no-config", "--rules", str(pack.parent))
    assert proc.returncode == 2
    assert "r2" in proc.stderr and "category" in proc.stderr


def test_invalid_yaml_names_line(tmp_path):
    pack = write(tmp_path / "pack" / "p.yaml", "rules:\n  - id: [unclosed\n")
    proc = run("rules", "--no-config", "--rules", str(pack.parent))
    assert proc.returncode == 2 and "p.yaml" in proc.stderr and "line" in proc.stderr


def test_config_with_unknown_key(tmp_path):
    write(tmp_path / ".gwlint.yaml", "exclud: ['x/**']\n")
    proc = run("rules", cwd=tmp_path)
    assert proc.returncode == 2
    assert ".gwlint.yaml" in proc.stderr and "exclud" in proc.stderr


def test_config_naming_unknown_rule(tmp_path):
    write(tmp_path / ".gwlint.yaml", "rules:\n  no-such-rule: disable\n")
    proc = run("rules", cwd=tmp_path)
    assert proc.returncode == 2 and "no-such-rule" in proc.stderr


def test_undecodable_file_exits_2_but_others_are_checked(tmp_path):
    good = write(tmp_path / "good.txt", "正文。\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa\x00abc\x81\xff")
    proc = run("check", "--no-config", "--format", "json", str(good), str(bad))
    assert proc.returncode == 2
    assert "bad.txt" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    import json

    assert json.loads(proc.stdout)["files"] == 2


def test_missing_path_is_an_input_error(tmp_path):
    proc = run("check", "--no-config", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and "nope.txt" in proc.stderr


def test_unknown_format_is_a_usage_error(tmp_path):
    proc = run("check", "--no-config", "--format", "yaml", str(tmp_path))
    assert proc.returncode == 2 and "yaml" in proc.stderr


def test_rule_shipped_off_is_switched_on_by_config(tmp_path):
    pack = write(tmp_path / "pack" / "p.yaml", """\
        rules:
          - id: off-by-default
            kind: pattern
            category: placeholder
            severity: error
            message: 占位符
            why: a rule a repository opts into
            enabled: false
            params: {patterns: ['待补充']}
            examples: {bad: [（待补充）], good: [已补充]}
        """)
    doc = write(tmp_path / "d.txt", "本段（待补充）。\n")
    base = ["check", "--no-config", "--select", "off-by-default", "--rules", str(pack.parent), str(doc)]
    assert run(*base).returncode == 2  # --select names a rule that is not active
    cfg = write(tmp_path / "on.yaml", "rules:\n  off-by-default: enable\n")
    proc = run("check", "--config", str(cfg), "--rules", str(pack.parent), "--select", "off-by-default", str(doc))
    assert proc.returncode == 1, proc.stderr


def test_rule_pack_that_is_not_utf8_names_the_file(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "gbk.yaml").write_bytes("rules:\n  - id: 规则\n".encode("gbk"))
    proc = run("rules", "--no-config", "--rules", str(pack))
    assert proc.returncode == 2
    assert "gbk.yaml" in proc.stderr and "UTF-8" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_rule_fill_formats_a_template_of_the_messages_map():
    from checker.rules.loader import build_rule

    rule = build_rule("mine.yaml", {"id": "my-rule", "kind": "pattern", "category": "placeholder",
                                    "severity": "error", "message": "x", "why": "because",
                                    "examples": {"bad": ["a"], "good": ["b"]},
                                    "messages": {"where": "line {line}, column {column}"}})
    assert rule.fill("where", line=3, column=7) == "line 3, column 7"
    assert rule.fill("where", line=3) == "line 3, column {column}"


def test_a_rule_without_the_templates_its_kind_fills_is_refused_at_load():
    import pytest

    from checker.checks.registry import bind
    from checker.rules.errors import ConfigError
    from checker.rules.loader import build_rule

    entry = {"id": "my-paragraphs", "kind": "duplicate-paragraph", "category": "duplicate",
             "severity": "warning", "message": "x", "why": "because",
             "examples": {"bad": ["a"], "good": ["b"]}}
    with pytest.raises(ConfigError, match=r"mine.yaml: rule 'my-paragraphs': field 'messages': "
                                          r"missing template\(s\) first_seen"):
        bind(build_rule("mine.yaml", entry))
    bound = bind(build_rule("mine.yaml", {**entry, "messages": {"first_seen": "see line {first_line}"}}))
    assert bound.messages == {"first_seen": "see line {first_line}"}
