"""A few files checked in one forked child (checker.engine.forked) and the runner's use of it."""
from __future__ import annotations

import os
import signal

import pytest

from checker.engine.forked import ChildDied, ForkedResults

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")


def _work(path: str) -> tuple[str, int]:
    return path, os.getpid()


def test_results_come_back_in_order_from_one_other_process():
    got = list(ForkedResults(["a", "b", "c"], _work, lambda: None))
    assert [p for p, _ in got] == ["a", "b", "c"]
    assert len({pid for _, pid in got}) == 1 and got[0][1] != os.getpid()


def test_a_child_that_dies_is_reported_not_waited_for():
    def dying(path):
        if path == "b":
            os.kill(os.getpid(), signal.SIGKILL)
        return path

    results = ForkedResults(["a", "b", "c"], dying, lambda: None)
    assert next(results) == "a"
    with pytest.raises(ChildDied):
        next(results)


def test_an_edit_run_checks_the_changed_file_in_a_forked_child_not_a_pool(tmp_path, monkeypatch):
    from checker.engine import forked, runner
    from checker.engine.settings import build_settings

    shared = "各地区各部门要认真贯彻落实本通知的各项要求并及时报告工作进展情况。"
    own = ["春天的田野里农民们忙着播种希望和汗水交织成歌。", "城市的夜晚灯火通明道路上车辆川流不息十分热闹。",
           "山区学校的孩子们每天走很远的路去上学从不迟到。"]
    for i in range(3):
        (tmp_path / f"d{i}.txt").write_text(own[i] + "\n" + (shared + "\n" if i == 0 else ""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    settings = build_settings(no_config=True)
    paths = [f"d{i}.txt" for i in range(3)]
    cold = runner.run_paths(paths, settings, jobs=2, cache=True)

    class NoPool:
        def __init__(self, *a, **k):
            raise AssertionError("a pool was started for one file")

    children = []
    real = forked.ForkedResults

    def counting(*args, **kwargs):
        made = real(*args, **kwargs)
        children.append(made.pid)
        return made

    monkeypatch.setattr(runner, "ProcessPoolExecutor", NoPool)
    monkeypatch.setattr(forked, "ForkedResults", counting)
    (tmp_path / "d1.txt").write_text(own[1] + "\n" + shared + "\n", encoding="utf-8")
    edited = runner.run_paths(paths, build_settings(no_config=True), jobs=2, cache=True)
    assert edited.cache.rechecked == ["d1.txt"] and len(children) == 1
    fresh = runner.run_paths(paths, build_settings(no_config=True), jobs=1, cache=False)
    key = lambda run: sorted((v.path, v.line, v.column, v.rule, v.message) for v in run.violations)  # noqa: E731
    assert key(edited) == key(fresh) and key(cold) != key(fresh)
    assert any(v.rule == "duplicate-across-files" and v.path == "d1.txt" for v in fresh.violations)
