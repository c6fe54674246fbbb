"""jieba's logger without the logging module (checker.core.quiet_logging): nothing is
imported while no record is written, and a record is written as logging writes it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# What jieba does with logging at its import and after (jieba/__init__.py), in a module
# of a test's own: a logger with a handler on standard error, then a level.
_LIBRARY = """\
import logging
import sys
log_console = logging.StreamHandler(sys.stderr)
default_logger = logging.getLogger("probe_library")
default_logger.setLevel(logging.DEBUG)
default_logger.addHandler(log_console)

def set_level(level):
    default_logger.setLevel(level)
"""

_SCRIPT = """\
import sys
sys.path.insert(0, {folder!r})
if {stand_in}:
    from checker.core import quiet_logging
    sys.modules["logging"] = quiet_logging.module
import probe_library
if sys.modules.get("logging") is not None and {stand_in}:
    del sys.modules["logging"]
probe_library.set_level(30)
probe_library.default_logger.debug("not written %s", 1)
probe_library.default_logger.info("not written either")
sys.stdout.write(f"before {{'logging' in sys.modules}}\\n")
probe_library.default_logger.warning("written %s", 2)
try:
    raise ValueError("boom")
except ValueError:
    probe_library.default_logger.exception("Dump cache file failed.")
probe_library.default_logger.debug("below the level")
import logging
sys.stdout.write(f"same logger {{logging.getLogger('probe_library').level}} "
                 f"{{len(logging.getLogger('probe_library').handlers)}}\\n")
"""


def _run(tmp_path: Path, stand_in: bool) -> subprocess.CompletedProcess:
    (tmp_path / "probe_library.py").write_text(_LIBRARY)
    code = _SCRIPT.format(folder=str(tmp_path), stand_in=stand_in)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def test_records_are_written_as_logging_writes_them(tmp_path):
    real, quiet = _run(tmp_path, False), _run(tmp_path, True)
    assert real.returncode == quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == real.stderr
    assert "written 2" in real.stderr and "ValueError: boom" in real.stderr and "not written" not in real.stderr
    assert real.stdout == "before True\nsame logger 30 1\n"
    assert quiet.stdout == "before False\nsame logger 30 1\n"      # nothing imported until a record


def test_a_run_that_segments_imports_no_logging(tmp_path):
    (source,) = (Path(__file__).resolve().parents[1] / "seeds").glob("000_*.txt")
    (tmp_path / "doc.txt").write_bytes(source.read_bytes())
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = ("import atexit, sys\n"
            "atexit.register(lambda: sys.stderr.write('modules %s jieba %s\\n' % (sorted(m for m in "
            "('logging', 'traceback', 'tokenize', 'linecache', 'textwrap') if m in sys.modules), 'jieba' in sys.modules)))\n"
            "sys.argv = ['gwlint', 'check', '--no-config', '--no-cache', '--format', 'json', 'doc.txt']\n"
            "from checker.cli.entry import run\nrun()\n")
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    line = [x for x in out.stderr.splitlines() if x.startswith("modules")][-1]
    assert line == "modules [] jieba True", out.stderr[-2000:]
