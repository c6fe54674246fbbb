"""A rule's regex budget reads no CPU clock per call until its timer first goes off
(checker/core/patterns.py, ``_Budget.exact``): the calls so far are then charged by their
wall time, and from then on each by its CPU time."""
from __future__ import annotations

import signal
import time

import pytest

from checker.core import patterns


def test_calls_read_no_cpu_clock_before_the_timer_goes_off(monkeypatch):
    reads = []
    real = time.process_time
    monkeypatch.setattr(time, "process_time", lambda: reads.append(1) or real())
    quick = patterns.compile_user("ab|cd")
    with patterns.regex_budget(1.0):
        budget = patterns._BUDGET.get()
        for _ in range(200):
            assert quick.search("xx" * 50 + "ab") is not None
        assert not budget.exact and budget.left == 1.0 and 0.0 < budget.wall < 1.0
    assert reads == []
    # an exact budget (the default of the class) reads it twice a call
    token = patterns._BUDGET.set(patterns._Budget(1.0))
    try:
        quick.search("xxab")
    finally:
        patterns._BUDGET.reset(token)
        patterns._TIMER.owner = None
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
    assert len(reads) == 2


def _fake_timer(monkeypatch):
    set_to: list[float] = []
    monkeypatch.setattr(patterns.signal, "setitimer", lambda which, seconds, *rest: set_to.append(seconds))
    timer = patterns._Timer()
    monkeypatch.setattr(patterns, "_TIMER", timer)
    return timer, set_to


def test_going_off_between_calls_charges_their_wall_time(monkeypatch):
    timer, set_to = _fake_timer(monkeypatch)
    budget = patterns._Budget(0.1, exact=False)
    budget.wall = 0.03
    timer.owner, timer.armed = budget, False
    patterns._expired(0, None)
    assert budget.exact and budget.left == pytest.approx(0.07)
    assert set_to == [pytest.approx(0.07)]
    patterns._expired(0, None)                  # exact from now on: set again to what is left
    assert set_to[-1] == pytest.approx(0.07) and len(set_to) == 2


def test_going_off_inside_a_call_charges_it_so_far_and_stops_a_runaway(monkeypatch):
    timer, set_to = _fake_timer(monkeypatch)
    budget = patterns._Budget(0.1, exact=False)
    budget.wall = 0.02
    timer.owner, timer.armed, timer.call_wall = budget, True, time.monotonic() - 0.05
    patterns._expired(0, None)
    assert budget.exact and 0.0 < budget.left <= 0.03 + 1e-3
    assert abs(timer.start - time.process_time()) < 0.05     # the rest of the call by CPU
    assert len(set_to) == 1
    runaway = patterns._Budget(0.1, exact=False)
    timer.owner, timer.armed, timer.call_wall = runaway, True, time.monotonic() - 0.2
    with pytest.raises(patterns.RegexBudgetExceeded):
        patterns._expired(0, None)
    assert not timer.armed and timer.owner is None


def test_a_runaway_expression_still_stops_and_the_rules_work_is_not_charged():
    quick, runaway = patterns.compile_user("ab|cd"), patterns.compile_user("^(a|aa)+$")
    start = time.process_time()
    with patterns.regex_budget(0.2):
        while time.process_time() - start < 0.5:          # the rule's own work, 2.5 budgets
            sum(range(20_000))
            assert quick.search("xxab") is not None
        assert patterns._BUDGET.get().exact               # the timer went off: charged by CPU since
    start = time.process_time()
    with pytest.raises(patterns.RegexBudgetExceeded):
        with patterns.regex_budget(0.2):
            runaway.search("a" * 40 + "!a")
    assert time.process_time() - start < 5
