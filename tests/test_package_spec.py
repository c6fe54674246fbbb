"""checker.core.package_spec finds jieba and regex as importlib.util.find_spec does, and a
one-file run that segments (seed 000) or runs regex programs does not import importlib.util."""
from __future__ import annotations

import importlib.util

from checker.core.package_spec import package_spec
from tests.entry_runs import imported_by_a_warm_run


def test_the_same_spec_as_importlib_util():
    for name in ("jieba", "regex", "yaml"):
        mine, theirs = package_spec(name), importlib.util.find_spec(name)
        assert (mine.name, mine.origin, mine.submodule_search_locations) == \
               (theirs.name, theirs.origin, theirs.submodule_search_locations)
    assert package_spec("no_such_package_gwlint") is None


def test_an_imported_package_answers_with_its_own_spec():
    import json

    assert package_spec("json") is json.__spec__


def test_a_one_file_run_imports_no_importlib_util(tmp_path):
    for seed in ("000_", "003_"):
        folder = tmp_path / seed
        folder.mkdir()
        assert imported_by_a_warm_run(folder, ("importlib.util",), seed, plain=True) == []
