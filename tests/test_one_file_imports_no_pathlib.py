"""A one-file check imports no pathlib (nor urllib.parse, ipaddress, fnmatch, ntpath,
which pathlib imports): 16 M instructions, some 3 ms, of a fresh process.  The one-file
path names its files as text (``checker.core.paths.cache_path``, the ``file()`` of each
store, ``Settings.root_text``); folders, --fix, configurations, the language server and
the reports import pathlib where they need it.  So does the default run, with its results
cache (``ResultsCache.root_text``, ``folder_text``): a miss, a hit, a miss after an edit."""
import pytest

from tests.entry_runs import (CACHED, CACHED_TEXT, ONE_FILE, ONE_FILE_TEXT, imported_by_a_warm_run,
                              imported_by_cached_runs)

# pathlib and what it imports (fnmatch too, but also shutil, which tempfile imports when a
# run writes a store: the second run of a fresh cache folder keeps its vouched files')
PATHLIB = ("pathlib", "urllib.parse", "ipaddress", "ntpath")


@pytest.mark.parametrize("seed", ["000_", "003_"])       # a document that needs jieba; a short one
@pytest.mark.parametrize("args", [ONE_FILE, ONE_FILE_TEXT], ids=["json", "text"])
def test_a_one_file_check_imports_no_pathlib(tmp_path, seed, args):
    # plain: as a regular install starts (the test environment's editable finder imports pathlib)
    assert imported_by_a_warm_run(tmp_path, PATHLIB, seed=seed, args=args, plain=True) == []


@pytest.mark.parametrize("seed", ["000_", "003_"])
@pytest.mark.parametrize("args", [CACHED, CACHED_TEXT], ids=["json", "text"])
def test_a_cached_one_file_check_imports_no_pathlib(tmp_path, seed, args):
    # `gwlint check FILE` as editors and pre-commit run it: the results cache's first run of
    # the file, the run that takes its results from the cache, and the run after an edit
    # (nor typing: test_typing_free_run covers the --no-cache run, this the cached one)
    found = imported_by_cached_runs(tmp_path, PATHLIB + ("typing",), seed=seed, args=args, plain=True)
    assert found == {"miss": [], "hit": [], "edited": []}
