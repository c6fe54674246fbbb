"""SIGTERM treated as Ctrl-C, for the stretch of work that must clean up or report."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager


@contextmanager
def terminate_as_interrupt():
    """While inside, SIGTERM (a CI timeout, an editor stopping the hook) raises
    KeyboardInterrupt, so a run still writes what it found and a fix removes its temporary
    file.  Outside the main thread (where signals cannot be set) it does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
