"""What a fresh process pays at its first expressions (checker.core.patterns): regex's
engine found once and without ``importlib.util``, a literal scan's pieces made only
when a search gets past its literal test."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

from checker.core.patterns import LiteralScan

ROOT = Path(__file__).resolve().parents[1]


def test_the_engine_is_found_once_and_without_importlib_util():
    """Run without ``site`` (``-S``: an editable install's finder imports importlib.util at
    start-up), as a regular install's process is: the store's name and the engine's load
    both look for ``regex._regex``, once, and import no ``importlib.util``."""
    code = ("import sys\n"
            "from checker.core import patterns\n"
            "build = patterns._regex_build()\n"
            "engine = patterns._engine()\n"
            "print(patterns._engine_spec() is patterns._engine_spec(), len(patterns._ENGINE_SPEC),\n"
            "      patterns._engine_file() == engine.__file__, build != 'x', 'importlib.util' in sys.modules,\n"
            "      'regex._regex_core' in sys.modules)\n")
    path = os.pathsep.join([str(ROOT), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    out = subprocess.run([sys.executable, "-S", "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": path})
    assert out.stdout.split() == ["True", "1", "True", "True", "False", "False"], out.stdout + out.stderr[-2000:]


def test_a_scan_makes_its_pieces_at_its_first_search_past_the_literal_test():
    """A scan's look-behind guard and rest (or its run search) are made when a search needs
    them, not when the scan is: a string without the literals leaves them unmade; what
    the scan finds is re's either way."""
    behind = re.compile(r"(?<![0-9])(?P<n>[0-9]+)个百分点")
    run = re.compile(r"[\u4e00-\u9fff]{1,12}〔(?:19|20)[0-9]{2}〕[0-9]{1,4}号")
    lacking = "全年经济运行总体平稳，" * 200
    holding = lacking + "比上年提高12个百分点，依据市政府〔2023〕15号文件。" + lacking
    for compiled in (behind, run):
        scan = LiteralScan(compiled)
        assert scan.literals
        assert list(scan.finditer(lacking)) == []
        assert (scan._body, scan._guard, scan._run) == (None, None, None), compiled.pattern
        found = [(m.span(), m.groups()) for m in scan.finditer(holding)]
        assert found == [(m.span(), m.groups()) for m in compiled.finditer(holding)] and found
        assert scan._body is not None or scan._run, compiled.pattern
    # the split and the run are what the search used
    assert LiteralScan(behind)._split and not LiteralScan(run)._split


def test_an_empty_text_is_not_searched_by_the_leftover_patterns():
    """The ``pattern`` kind keeps only spans that take a character, so an empty text has
    none to find: its expressions are not searched (nor compiled, nor regex's engine
    loaded) for it; a text with something in it is searched as before."""
    from checker.checks.leftovers import pattern

    class Searched(Exception):
        pass

    class Watched:
        pattern = "(?:x|)"

        def finditer(self, text):
            raise Searched

    assert pattern._spans(Watched(), "") == []
    try:
        pattern._spans(Watched(), "x")
    except Searched:
        pass
    else:
        raise AssertionError("a text with something in it was not searched")
