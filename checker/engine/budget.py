"""The per-document wall-time budget: a runaway document becomes one error line.

In the main thread of a process (the CLI, its worker processes) a timer signal
interrupts whatever is running, Python code or a regular expression alike (both ``re``
and ``regex`` look at signals while matching).  Elsewhere (a thread of an embedding
program) the budget is checked between rules.
"""
from __future__ import annotations

import _signal as signal   # signal.py's C half: the same calls, without its three IntEnums (~3 M instructions a run)
import threading
import time
from contextlib import contextmanager
from collections.abc import Iterator


class FileBudgetExceeded(BaseException):
    """Raised inside a document's checks when its time is up.  A BaseException, so the
    engine's guard around each rule (``except Exception``) does not swallow it."""


class Budget:
    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds or None
        self.deadline = time.monotonic() + seconds if seconds else None
        self.armed = False

    def check(self) -> None:
        """Stop when the time is up (the cooperative check, between rules)."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise FileBudgetExceeded()


@contextmanager
def file_budget(seconds: float | None) -> Iterator[Budget]:
    budget = Budget(seconds)
    use_timer = (budget.seconds is not None and hasattr(signal, "setitimer")
                 and threading.current_thread() is threading.main_thread()
                 and signal.getitimer(signal.ITIMER_REAL)[0] == 0)   # never take a timer someone else set
    previous = None
    if use_timer:
        def expire(signum, frame):
            if budget.armed:
                budget.armed = False
                raise FileBudgetExceeded()

        try:
            previous = signal.signal(signal.SIGALRM, expire)
        except (ValueError, OSError):
            use_timer = False
    if use_timer:
        budget.armed = True
        signal.setitimer(signal.ITIMER_REAL, budget.seconds)
    try:
        yield budget
    finally:
        if use_timer:
            budget.armed = False            # a signal arriving from here on does nothing
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
