"""``--fix`` leaves a read-only file as it is: one ``not fixed`` line, exit 2.

The fixed text is renamed over the file, which needs only its folder to be writable, so a
file its author had made read-only (``chmod a-w``) was rewritten all the same.
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys

TEXT = "今年以来,全区各部门围绕年度目标,扎实推进各项重点工作,主要指标保持平稳。\n"


def test_fix_leaves_a_read_only_file_alone(tmp_path):
    target = tmp_path / "plan.txt"
    target.write_text(TEXT, encoding="utf-8")
    writable = tmp_path / "other.txt"
    writable.write_text(TEXT, encoding="utf-8")
    os.chmod(target, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--fix", "plan.txt",
                               "other.txt"], cwd=tmp_path, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")})
        assert proc.returncode == 2, proc.stderr
        assert target.read_text(encoding="utf-8") == TEXT
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o444
        assert writable.read_text(encoding="utf-8") != TEXT          # the other file is fixed
        assert ("gwlint: plan.txt: not fixed: is read-only; left as it is, nothing written "
                "(make it writable to let --fix change it)") in proc.stderr.splitlines()
    finally:
        os.chmod(target, 0o644)
