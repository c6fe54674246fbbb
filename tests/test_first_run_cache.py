"""The first run in a fresh cache folder: its findings are a warm run's, whether its stores
are built in a forked child or in the process, and two processes starting at once in
the same fresh folder both report them while each store is built once (checker.core.
store_lock, checker.core.built_apart)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# planted slips of the typo family (an idiom with a homophone, a doubled character, a
# literal misspelling) beside their right forms, in the writer's own words
TEXT = ("坚持实事求是，一切从实际出发。会议指出，要坚持实事是求，迫在眉睫的任务是迫在眉捷的整改。\n"
        "同志们要加强理论论学习，按时布署工作，把台帐管理好。\n")


def _gwlint(cache: Path, *args: str) -> subprocess.Popen:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    return subprocess.Popen([sys.executable, "-c", "from checker.cli.entry import run; run()", "check",
                             "--no-config", "--no-cache", "--format", "json", *args], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _out(proc: subprocess.Popen) -> bytes:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode in (0, 1), err.decode()
    return out


@pytest.fixture
def inputs(tmp_path):
    doc = tmp_path / "docs" / "planted.txt"
    doc.parent.mkdir()
    doc.write_text(TEXT, encoding="utf-8")
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    return [str(doc), str(seed)]


def test_a_fresh_cache_run_reports_what_a_warm_run_does(tmp_path, inputs):
    cache = tmp_path / "xdg"
    first = _out(_gwlint(cache, *inputs))
    kept = sorted(p.name for p in (cache / "gwlint").iterdir())
    assert any(name.startswith("typo-index-") for name in kept)
    assert any(name.startswith("typo-dictionary-entries-") for name in kept)
    assert any(name.startswith("jieba-") and "prefixes" in name for name in kept)
    second = _out(_gwlint(cache, *inputs))
    assert first == second
    assert b"typo-phrase" in first and b"typo-misspelling" in first


def test_two_runs_starting_at_once_in_a_fresh_cache(tmp_path, inputs):
    warm = tmp_path / "warm"
    expected = _out(_gwlint(warm, *inputs))
    cache = tmp_path / "shared"
    runs = [_gwlint(cache, *inputs) for _ in range(2)]
    assert [_out(p) for p in runs] == [expected, expected]
    assert _out(_gwlint(cache, *inputs)) == expected
    # nothing left half-made beside the stores
    assert not [p for p in (cache / "gwlint").iterdir() if p.name.startswith(".")]


_COUNTING = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from checker.checks.typo import dictionary_entries as de
    real = de.entries_body
    def counted(data, *a):
        with open(sys.argv[2], "a") as fh:
            fh.write("built\\n")
        time.sleep(0.5)                    # long enough for the others to find it missing
        return real(data, *a)
    de.entries_body = counted
    blob, start = de.entries(Path(sys.argv[1]))
    sys.stdout.buffer.write(bytes(blob[start:]))
""")


@pytest.mark.parametrize("apart", [True, False])
def test_a_store_missing_for_three_processes_is_built_once(tmp_path, apart):
    """Three processes find the dictionary entries missing at once: one builds them, the
    others wait on the store's lock, then read what it kept; all answer alike."""
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("".join(f"词{i} {i} n\n" for i in range(3000)), encoding="utf-8")
    log = tmp_path / "builds.log"
    script = _COUNTING if apart else "from checker.core import built_apart\nbuilt_apart.ENABLED = False\n" + _COUNTING
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    procs = [subprocess.Popen([sys.executable, "-c", script, str(dictionary), str(log)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outs = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
        outs.append(out)
    from checker.checks.typo.dictionary_entries import entries_body

    assert outs == [entries_body(dictionary.read_bytes())] * 3
    assert log.read_text().count("built") == 1


def test_the_stores_built_in_the_process_equal_those_built_apart(tmp_path, monkeypatch):
    """The phrase index kept by a forked child and the one built in the process (no fork)
    are the same files."""
    from checker.checks.typo import phrase, phrase_index
    from checker.core import built_apart
    from checker.engine.settings import build_settings

    rule = next(r for r in build_settings(no_config=True).rules if r.kind == "typo-phrase")
    kept = {}
    for apart in (True, False):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / str(apart)))
        monkeypatch.setattr(built_apart, "ENABLED", apart)
        monkeypatch.setattr(phrase, "built_from", lambda lexicon, key, build: build(lexicon))
        phrase_index.load.cache_clear()
        phrase.index_for(rule)
        folder = next(p for p in (tmp_path / str(apart) / "gwlint").glob("typo-index-*") if p.is_dir())
        # the arrays and the phrase lists (the marshal copy of the lists made when the
        # index is first read is not compared: marshal's bytes vary with reference counts)
        kept[apart] = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix in (".npy", ".json")}
    phrase_index.load.cache_clear()
    assert kept[True] == kept[False] and len(kept[True]) == len(phrase_index._ARRAYS) + 1      # the arrays and phrases.json
