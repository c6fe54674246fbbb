"""benchmarks/_probe.py runs `gwlint` as the console script does (issue 11).

bench.py's scaling row subtracts a no-rule run made through the console script from a
rule run made through the probe: the probe must set its process up and end it as the
console script does (``checker.cli.entry.prepare``, ``process_exit.leave``), or the
difference holds another start-up and the interpreter's teardown, which grows with the
documents.  The module store is the visible sign of ``prepare``: only an installed
store is written to the cache folder.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "城东片区今年共翻修老旧楼道四十二处，加装扶手和夜间照明灯，住户上下楼更加方便安全。"


def _run(command: list[str], folder: Path, cache: Path, probe: Path | None = None):
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    if probe is not None:
        env["GWLINT_BENCH_PROBE"] = str(probe)
    return subprocess.run(command + ["check", "--no-config", "--format", "json", "--quiet", "--no-cache",
                                     "--jobs", "1", "--select", "duplicate-across-files", "."],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=300)


def test_probe_runs_as_the_console_script(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"通知\n\n{SENTENCE}\n\n其他内容{name}。\n", encoding="utf-8")
    console = _run([sys.executable, "-c", "from checker.cli.entry import run; run()"], folder,
                   tmp_path / "cache-console")
    probe_file = tmp_path / "probe.json"
    probed = _run([sys.executable, str(ROOT / "benchmarks" / "_probe.py")], folder, tmp_path / "cache-probe",
                  probe_file)
    assert console.returncode == probed.returncode == 1, (console.stderr, probed.stderr)
    assert probed.stdout == console.stdout
    assert json.loads(probed.stdout)["violations"], "the copies were reported"
    assert isinstance(json.loads(probe_file.read_text())["corpus_phase_cpu"], float)
    # prepare() installed the module store, as the console entry does
    assert list((tmp_path / "cache-probe" / "gwlint").glob("modules-*.marshal"))
