"""Long runs show a progress bar on a terminal, and nothing when piped or with --quiet."""
from __future__ import annotations

import os
import pty
import subprocess
import sys


def _corpus(tmp_path, n=40):
    for i in range(n):
        (tmp_path / f"d{i:02d}.txt").write_text(f"2023年工作总结\n全年新增学位{i + 1}00个。\n", encoding="utf-8")
    return tmp_path


def _stderr_on_terminal(args) -> str:
    """Run gwlint with stderr on a pseudo-terminal; return what it wrote there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "checker", *args], stdout=subprocess.DEVNULL,
                            stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal(tmp_path):
    out = _stderr_on_terminal(["check", "--no-config", "--jobs", "1", str(_corpus(tmp_path))])
    assert "checking" in out


def test_quiet_silences_the_progress_bar(tmp_path):
    out = _stderr_on_terminal(["check", "--no-config", "--quiet", "--jobs", "1", str(_corpus(tmp_path))])
    assert "checking" not in out


def test_no_progress_when_piped(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", str(_corpus(tmp_path))],
                          capture_output=True, text=True)
    assert proc.stderr.strip() == ""
