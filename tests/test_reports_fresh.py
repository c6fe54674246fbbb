"""The committed reports of the seeds (reports/) must match what gwlint writes now."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_committed_reports_are_up_to_date():
    proc = subprocess.run([sys.executable, "reports/regenerate.py", "--check"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
