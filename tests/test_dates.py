"""checker.core.dates: datetime's classes without datetime.py's body."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_classes_are_datetimes_own():
    import datetime

    from checker.core import dates

    for name in dates.__all__:
        assert getattr(dates, name) is getattr(datetime, name)
    assert dates.date.fromisoformat("2021-07-01") == datetime.date(2021, 7, 1)


def test_a_one_file_run_does_not_run_datetime_py(tmp_path):
    """The stored rule set's dates, the vocabulary views and the stale family's words
    take the classes from checker.core.dates: a run over a seed imports no datetime."""
    (source,) = (Path(__file__).resolve().parents[1] / "seeds").glob("003_*.txt")
    (tmp_path / "doc.txt").write_bytes(source.read_bytes())
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.stderr.write('datetime %s\\n' % ('datetime' in sys.modules)))\n"
            "sys.argv = ['gwlint', 'check', '--no-config', '--no-cache', '--format', 'json', 'doc.txt']\n"
            "from checker.cli.entry import run\nrun()\n")
    for _ in range(2):          # the first validates the rule set (pydantic imports datetime)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert '"violations"' in out.stdout
    assert [x for x in out.stderr.splitlines() if x.startswith("datetime")][-1] == "datetime False", out.stderr[-2000:]
