"""SIGTERM treated as Ctrl-C, for the stretch of work that must clean up or report, and a
record of either having come."""
from __future__ import annotations

import _signal as signal   # signal.py's C half: the same calls, without its three IntEnums (~3 M instructions a run)
import threading
from contextlib import contextmanager


class Interrupts:
    """Whether Ctrl-C or SIGTERM reached the stretch (``seen``).  Code the interrupt strikes
    in may turn the KeyboardInterrupt into another error (numpy's C extension reports a
    failed import of ``datetime`` when Ctrl-C lands inside it): the caller asks this, not
    the exception's type, whether the run was interrupted."""

    # a plain class, not a dataclass (~0.2 ms of a fresh process to make): a flag read and set
    __slots__ = ("seen",)

    def __init__(self, seen: bool = False) -> None:
        self.seen = seen


@contextmanager
def terminate_as_interrupt():
    """While inside, SIGTERM (a CI timeout, an editor stopping the hook) raises
    KeyboardInterrupt, so a run still writes what it found and a fix removes its temporary
    file; both it and Ctrl-C are recorded in the ``Interrupts`` yielded.  Ctrl-C is taken
    over only from Python's own handler: ignored (a job started in the background) it
    stays ignored, and a program's own handler stays its.  Outside the main thread (where
    signals cannot be set) nothing changes and nothing is recorded."""
    interrupts = Interrupts()
    if threading.current_thread() is not threading.main_thread():
        yield interrupts
        return

    def interrupt(signum, frame):
        interrupts.seen = True
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):
        yield interrupts
        return
    ctrl_c = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if ctrl_c:
        signal.signal(signal.SIGINT, interrupt)
    try:
        yield interrupts
    finally:
        signal.signal(signal.SIGTERM, previous)
        if ctrl_c:
            signal.signal(signal.SIGINT, signal.default_int_handler)
