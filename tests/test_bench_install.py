"""benchmarks/installed.py tells which gwlint install a benchmark times (issue 11).

The one-file figures differ by ~9 ms between an editable install (setuptools' finder runs
at every interpreter start) and the regular install users get, and a regular install is a
copy that goes stale when the checkout changes: the benchmark must say which it times.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import installed  # noqa: E402


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_test_venv_is_editable_and_is_the_checkout():
    found = installed.describe(ROOT)
    assert found.kind == "editable"
    assert found.package == (ROOT / "checker").resolve()
    assert found.stale == ()
    assert "editable" in installed.summary(found)


def test_changed_missing_and_extra_files_are_stale(tmp_path):
    checkout = _tree(tmp_path / "src", {"a.py": "x = 1\n", "core/b.py": "y = 2\n", "core/c.py": "z\n",
                                       "py.typed": "", "gwlint_alias/__init__.py": "alias\n"})
    copy = _tree(tmp_path / "site", {"a.py": "x = 1\n", "core/b.py": "y = 3\n", "core/d.py": "w\n",
                                    "py.typed": "", "core/__pycache__/b.cpython-311.pyc": "bytes"})
    assert installed.stale_files(checkout, copy, skip=("gwlint_alias",)) == ("core/b.py", "core/c.py", "core/d.py")
    same = _tree(tmp_path / "same", {"a.py": "x = 1\n", "core/b.py": "y = 2\n", "core/c.py": "z\n",
                                    "py.typed": ""})
    assert installed.stale_files(checkout, same, skip=("gwlint_alias",)) == ()


def test_a_stale_regular_install_is_named_in_the_summary(tmp_path):
    line = installed.summary(installed.Install("regular", tmp_path, ("core/b.py",)))
    assert "STALE" in line and "core/b.py" in line
    assert "STALE" not in installed.summary(installed.Install("regular", tmp_path, ()))
