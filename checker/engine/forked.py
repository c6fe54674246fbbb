"""A few files checked in one forked child process, their results read back through a pipe.

A run that must check one or a few files among many (an edit run: the others come from
the results cache) keeps the checks out of the parent, whose memory then stays that of
the comparison (the checks' modules, rule tables and jieba's dictionary are ≈100 MiB,
and would stay in the parent until it exits).  A worker pool did that at the price of
its own start (``concurrent.futures`` and ``multiprocessing`` imported, queues and their
feeder threads, a management thread); one ``os.fork`` and a pipe do it for a few
milliseconds.  The child is forked at once, before the parent reads cache entries, so it
inherits no more than the settings.
"""
from __future__ import annotations

import os
import pickle
import signal
from typing import Callable, Iterator


class ChildDied(Exception):
    """The child ended before sending every result (killed, out of memory, a crash)."""


class ForkedResults:
    """An iterator over ``work(path)`` for each path, computed in one child process
    (``prepare`` run there first), in the order of ``paths``; ``close`` ends the child."""

    def __init__(self, paths: list[str], work: Callable, prepare: Callable[[], None]) -> None:
        self.left = len(paths)
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:                          # the child: never returns
            code = 1
            try:
                os.close(read)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)   # not the parent's interrupt handler
                prepare()
                with os.fdopen(write, "wb") as out:
                    for path in paths:
                        pickle.dump(work(path), out, protocol=pickle.HIGHEST_PROTOCOL)
                        out.flush()
                code = 0
            finally:
                # no atexit handlers, no flushing of the parent's buffered output
                os._exit(code)
        os.close(write)
        self.pid = pid
        self.pipe = os.fdopen(read, "rb")

    def __iter__(self) -> Iterator:
        return self

    def __next__(self):
        if self.left <= 0:
            self.close()
            raise StopIteration
        try:
            result = pickle.load(self.pipe)
        except (EOFError, pickle.UnpicklingError, OSError) as exc:
            self.close()
            raise ChildDied(str(exc)) from exc
        self.left -= 1
        if not self.left:
            self.close()
        return result

    def close(self) -> None:
        """End the child (at once if results are still owed) and collect it."""
        if self.pid is None:
            return
        if self.left > 0:
            try:
                os.kill(self.pid, signal.SIGTERM)
            except OSError:
                pass
        try:
            os.waitpid(self.pid, 0)
        except (OSError, ChildProcessError):
            pass
        self.pid = None
        self.pipe.close()
