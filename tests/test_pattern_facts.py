"""Answers read off an expression's parse, kept between runs (checker.core.pattern_facts)."""
from __future__ import annotations

import marshal
import re

import pytest

from checker.core import pattern_facts, patterns


@pytest.fixture
def facts(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return pattern_facts._Facts


def _never():
    raise AssertionError("computed again")


def test_an_answer_is_kept_for_the_next_process(facts):
    first = facts()
    assert first.answer("edges", "ab+c", 0, lambda: (frozenset("a"), frozenset("c"))) == (frozenset("a"), frozenset("c"))
    first.save()
    second = facts()                        # a later process: the file, not the parser
    assert second.answer("edges", "ab+c", 0, _never) == (frozenset("a"), frozenset("c"))
    assert second.answer("edges", "ab+c", re.M, lambda: (None, None)) == (None, None)    # flags are part of the key


def test_another_code_stamp_or_interpreter_answers_afresh(facts, monkeypatch):
    first = facts()
    first.answer("line probe", "^x", re.M, lambda: ("\\nx", re.M))
    first.save()
    monkeypatch.setattr(pattern_facts.sys, "version", "another interpreter")
    assert facts().answer("line probe", "^x", re.M, lambda: "fresh") == "fresh"


def test_a_damaged_file_answers_afresh(facts):
    first = facts()
    first.answer("edges", "x", 0, lambda: (frozenset("x"), frozenset("x")))
    first.save()
    path = first.path()
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 1
    path.write_bytes(bytes(blob))
    assert facts().answer("edges", "x", 0, lambda: "fresh") == "fresh"


def test_what_marshal_cannot_hold_is_not_kept(facts):
    first = facts()
    first.answer("edges", "y", 0, lambda: re.M)          # an IntFlag: not plain data
    first.answer("edges", "z", 0, lambda: (None, None))
    first.save()
    later = facts()
    assert later.answer("edges", "z", 0, _never) == (None, None)
    assert later.answer("edges", "y", 0, lambda: "fresh") == "fresh"


@pytest.mark.parametrize("pattern, flags", [
    ("第[一二三]条", 0), (r"\d+(?:\.\d+)?%$", 0), (r"^[ \t]*第\d+页[ \t]*$", re.M), ("(?i)abc", 0),
    (r"^\s*附件[:：]", re.M), (r"[A-Za-z]+\d", 0), (r"\p{Han}+", 0),
])
def test_kept_answers_equal_the_computed_ones(pattern, flags):
    """What the file gives back (a marshal round trip) is what the parser gives."""
    for compute in (patterns.edge_sets, patterns._line_probe):
        answer = compute(pattern, int(flags))
        assert marshal.loads(marshal.dumps(answer)) == answer


def test_a_seed_run_parses_no_expression_the_second_time(tmp_path, monkeypatch):
    """Over the same document, a second process reads every edge set and probe from the file."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    (source,) = (Path(__file__).resolve().parents[1] / "seeds").glob("003_*.txt")
    (tmp_path / "doc.txt").write_bytes(source.read_bytes())
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = ("import sys, atexit\n"
            "import re._parser as p\n"
            "calls = []\n"
            "real = p.parse\n"
            "p.parse = lambda *a, **k: calls.append(1) or real(*a, **k)\n"
            "atexit.register(lambda: sys.stderr.write('parses %d\\n' % len(calls)))\n"
            "sys.argv = ['gwlint', 'check', '--no-config', '--no-cache', '--format', 'json', 'doc.txt']\n"
            "from checker.cli.entry import run\nrun()\n")
    for _ in range(3):     # the first validates the rule set and compiles afresh
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert '"violations"' in out.stdout
    assert out.stderr.splitlines()[-1] == "parses 0", out.stderr[-2000:]
