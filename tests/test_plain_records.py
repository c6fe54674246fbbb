"""Records a check builds once per vocabulary or reads by attribute only are plain classes
(issue 11: a dataclass is ~0.2 ms of a fresh process to make); each takes the arguments,
in the order and with the defaults, the dataclass it replaces took."""
from __future__ import annotations

import dataclasses

from checker.checks.enumeration.lists import CountTables
from checker.checks.gb_9704.attachments import Item
from checker.checks.punctuation.balance import _Open
from checker.checks.units.minority_form import Use
from checker.checks.responsibility.items import TaskItem
from checker.core.signals import Interrupts
from checker.engine.runner import RunResult
from checker.model.annotations import _Grammar, _Ordered
from checker.report.options import ReportOptions


def _values(obj) -> dict:
    return {name: getattr(obj, name) for name in type(obj).__slots__}


def test_not_dataclasses():
    for cls in (CountTables, Item, _Open, Use, _Grammar, _Ordered, ReportOptions, Interrupts, RunResult, TaskItem):
        assert not dataclasses.is_dataclass(cls)
        assert "__dict__" not in dir(cls(*range(_required(cls))))


def _required(cls) -> int:
    code = cls.__init__.__code__
    return code.co_argcount - 1 - len(cls.__init__.__defaults__ or ())


def test_arguments_and_defaults():
    assert _values(_Open("（", "(", 7)) == {"mark": "（", "written": "(", "offset": 7, "line_ends": 0}
    assert _values(Item(1, "1.", None, "名称", 5)) == {"number": 1, "marker": "1.", "marker_span": None,
                                                      "name": "名称", "name_span": 5}
    use = Use("g", "千克", 3)
    assert _values(use) == {"group": "g", "form": "千克", "span": 3, "fix": None, "shown": "", "word": "",
                            "first_text": "", "label": "", "extra": {}}
    assert Use("g", "f", 1).extra is not use.extra          # a dict of its own, as default_factory gave
    assert Use("g", "f", 1, "x", "s", "w", "t", "l", {"a": 1}).extra == {"a": 1}
    grammar = _Grammar(*range(8))
    assert list(_values(grammar).values()) == [*range(8), ()]
    tables = CountTables(*range(8))
    assert list(_values(tables).values()) == [*range(8), (), (), ()]
    ordered = _Ordered(*range(4))
    assert list(_values(ordered).values()) == [*range(4), (), (), None, None, {}, {}]
    assert _Ordered(*range(4)).keys is not ordered.keys
    assert _values(ReportOptions()) == {"color": False, "output_path": None, "rules": ()}
    assert _values(ReportOptions(True, "r.sarif", (1,))) == {"color": True, "output_path": "r.sarif", "rules": (1,)}
    assert Interrupts().seen is False and Interrupts(True).seen is True
    run = RunResult()
    assert _values(run) == {"files": 0, "violations": [], "errors": [], "results": [], "interrupted": False,
                            "cache": None}
    assert RunResult().violations is not run.violations and RunResult().errors is not run.errors
    assert RunResult().results is not run.results
    assert list(_values(RunResult(1, [2], [3], [4], True, 5)).values()) == [1, [2], [3], [4], True, 5]
    item = TaskItem("block")
    assert _values(item) == {"block": "block", "annotations": [], "required": False, "group": (), "task_style": False}
    assert TaskItem("b").annotations is not item.annotations
    assert list(_values(TaskItem(1, [2], True, (3,), True)).values()) == [1, [2], True, (3,), True]


def test_settings_arguments_and_defaults(tmp_path, monkeypatch):
    import pickle
    from pathlib import Path

    from checker.config.schema import Config
    from checker.engine.settings import Settings

    assert not dataclasses.is_dataclass(Settings)
    monkeypatch.chdir(tmp_path)
    made = Settings([1], "lexicon")
    # the root is kept as given (text from build_settings) and made a Path when read
    assert list(vars(made)) == ["rules", "lexicon", "vocabularies", "config", "_root", "config_path", "available"]
    assert made.vocabularies is None and made.config_path is None and made.available == []
    assert made.root_text == str(Path.cwd()) and isinstance(made._root, str)
    assert isinstance(made.config, Config) and made.root == Path.cwd() and isinstance(made.root, Path)
    assert Settings([1], "l", root="/x/y").root == Path("/x/y") and Settings([1], "l", root=Path("/z")).root_text == "/z"
    spelt = Settings([1], "l", root="./docs/")
    assert spelt.root == Path("docs") and spelt.root_text == "./docs/"     # reading root changes nothing
    assert Settings([1], "x").available is not made.available and Settings([1], "x").config is not made.config
    given = Settings([1], "l", "v", "c", "r", "p", [2])
    assert list(vars(given).values()) == [[1], "l", "v", "c", "r", "p", [2]]
    assert vars(pickle.loads(pickle.dumps(given))) == vars(given)


def test_file_result_arguments_and_defaults():
    import pickle

    from checker.engine.lint import FileResult

    assert not dataclasses.is_dataclass(FileResult)
    made = FileResult("a.txt")
    assert vars(made) == {"path": "a.txt", "violations": [], "errors": [], "corpus": {}, "source": None,
                          "suppressions": [], "unused_pending": False, "line_labels": None, "kind": None,
                          "cached_rows": None}
    other = FileResult("b.txt")
    assert all(getattr(other, n) is not getattr(made, n) for n in ("violations", "errors", "corpus", "suppressions"))
    given = FileResult("p", [1], [2], {3: 4}, "s", [5], True, {6: "x"}, "plan", [7])
    assert list(vars(given).values()) == ["p", [1], [2], {3: 4}, "s", [5], True, {6: "x"}, "plan", [7]]
    assert vars(pickle.loads(pickle.dumps(given))) == vars(given)
