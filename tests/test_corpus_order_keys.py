"""The order of the cross-document comparison: every document's key made with the folder
resolved once is the key ``order_key`` makes for it alone (issue 11)."""
from __future__ import annotations

import os
from pathlib import Path

from checker.checks.duplicates.corpus import order_key, order_keys


def _reference(path: str, root: Path) -> str:
    # the key as it was made before: both resolved, in one try
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return Path(path).as_posix()


def test_keys_made_together_are_the_keys_made_one_by_one(tmp_path, monkeypatch):
    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    for name in ("a.txt", "sub/b.txt"):
        (tmp_path / "real" / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "real")
    paths = ["a.txt", "sub/b.txt", "./sub/../a.txt", str(tmp_path / "link" / "sub" / "b.txt"),
             str(tmp_path / "other" / "c.txt"), "missing/d.txt", str(tmp_path / "loop" / "e.txt"), "../other/f.txt"]
    for root in (tmp_path / "real", tmp_path / "link", Path("."), Path("sub/.."), tmp_path / "loop",
                 tmp_path / "gone"):
        expected = [_reference(p, root) for p in paths]
        assert order_keys(paths, root) == expected, root
        assert [order_key(p, root) for p in paths] == expected, root
    # a run names its documents relative to its folder: the keys are those paths
    assert order_keys(["a.txt", "sub/b.txt"], Path(os.getcwd())) == ["a.txt", "sub/b.txt"]
