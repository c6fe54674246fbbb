"""Worker processes that start with the checks already built: the first worker checks the
run's first document, which imports the checks' modules and builds their grammars,
compiled expressions and tables, and only then forks the other workers from itself.

A forked worker used to build all of that on its own first document (≈0.27 CPU s and
≈75 MiB each, measured on the generated corpus), so a run of N workers built it N times.
Built once in the parent before a pool forked, it would stay in the parent for the whole
run (modules cannot be unloaded, freed heap is not given back), and the parent is the
process that grows with the cross-document comparison: its peak would rise by that much.
Built in a fresh interpreter (multiprocessing's forkserver with a preload), it would cost
an interpreter's start, the settings pickled to every worker and a resource tracker
process.  Here the process that builds is a worker that was going to build anyway: the
parent never holds the tables, nothing is built twice, and no process is added (the
first worker is the others' parent and collects them when the work ends).

The parent talks to each worker through two pipes it made before the first fork, so every
worker inherits its own pair: tasks (a chunk of ``items``, as two indices: the workers
have the list from the fork) and results (length-prefixed pickles).  The parent gives a
worker at most ``AHEAD`` chunks at a time, keeps at most ``window`` chunks given out and
not yet passed on (results it has not come to wait in the workers' pipes and in raw
bytes here), and passes results on in the order of ``items``.  A worker whose result pipe
ends while it owes results died: ``ChildDied``, as ``checker.engine.forked`` raises.

The first worker sends the pids of the others with its first results; ``shutdown``
without waiting kills them all, those it has not heard of too: each forked worker writes its
own pid into a pipe of the parent's as the first thing it does, so once the first worker is
killed (and can fork no more) the pipe names every worker there is.  A worker ends when its task pipe does (the parent
closed it, or died): no worker outlives the run by more than the chunk it is checking.
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import struct
from collections import deque
from typing import Callable, Iterator

from checker.engine.forked import ChildDied

AHEAD = 2                      # chunks given to one worker and not yet returned: one to check, one waiting
_TASK = struct.Struct("<QQ")   # a chunk: items[start:stop]
_SIZE = struct.Struct("<Q")    # a result frame's length
_PID = struct.Struct("<Q")     # a forked worker's pid, as it writes it
_RESULTS_PIPE = 1 << 20        # bytes a result pipe holds, and read at a time (/proc/sys/fs/pipe-max-size's default)


class ForkedPool:
    """``work(items[a:b])`` for consecutive chunks of ``items`` in ``workers`` processes;
    iterating gives each result of each chunk in order.  ``prepare()`` runs in the first
    worker before anything else, ``built()`` there once the first chunk (the first item
    alone) is checked, just before the others are forked."""

    def __init__(self, items: list, workers: int, work: Callable[[list], list],
                 prepare: Callable[[], None], built: Callable[[], None],
                 chunk: int, window: int) -> None:
        self.items, self.work = items, work
        # chunk 0 is the first item alone: the others wait for it to be checked
        starts = [0, 1] + list(range(1 + chunk, len(items), chunk))
        self.chunks = [(a, min(b, len(items))) for a, b in zip(starts, starts[1:] + [len(items)]) if a < b]
        self.window = max(window, workers)
        self.pids: list[int] = []               # the workers the first one forked
        self.tasks: list[int] = []              # the parent's ends
        self.results: list[int] = []
        theirs: list[tuple[int, int]] = []      # (task read end, result write end) of each worker
        self._forked_r, forked_w = os.pipe()    # each forked worker's pid, written by itself
        try:
            for _ in range(workers):
                task_r, task_w = os.pipe()
                result_r, result_w = os.pipe()
                _widen(result_r)
                self.tasks.append(task_w)
                self.results.append(result_r)
                theirs.append((task_r, result_w))
            self.first = os.fork()
        except BaseException:
            for fd in self.tasks + self.results + [fd for pair in theirs for fd in pair] + [self._forked_r, forked_w]:
                os.close(fd)
            raise
        if self.first == 0:                      # the first worker: never returns
            _first_worker(items, work, prepare, built, theirs, self.tasks + self.results + [self._forked_r], forked_w)
        for pair in theirs:
            for fd in pair:
                os.close(fd)
        os.close(forked_w)
        self.owed: list[deque] = [deque() for _ in range(workers)]   # chunk numbers, per worker
        self.buffers = [bytearray() for _ in range(workers)]
        self.done: dict[int, bytes] = {}
        self.given = self.passed = 0
        self.closed = False
        self.poll = select.poll()
        for fd in self.results:
            self.poll.register(fd, select.POLLIN)

    # -- the parent ---------------------------------------------------------------------
    def __iter__(self) -> Iterator:
        self._give()
        while self.passed < len(self.chunks):
            while self.passed not in self.done:
                self._receive(None)
            kind, value = pickle.loads(self.done.pop(self.passed))
            self.passed += 1
            self._give()
            if kind == "raise":
                raise value
            pids, results = value
            if pids:
                self.pids = pids
            for result in results:
                yield result
                # drain the pipes while the caller works on each result, or a worker that
                # finished a chunk would wait on a full pipe until the caller came back
                self._receive(0)
        self.shutdown()

    def _give(self) -> None:
        """Chunks to the least-busy workers, within ``AHEAD`` each and ``window`` in all
        (the first chunk to the first worker, which forks the others once it is done)."""
        while self.given < len(self.chunks) and self.given - self.passed < self.window:
            worker = 0 if self.given == 0 else min(range(len(self.owed)), key=lambda w: len(self.owed[w]))
            if len(self.owed[worker]) >= AHEAD:
                return
            # 16 bytes: far below a pipe's capacity, so this never waits on a busy worker
            try:
                os.write(self.tasks[worker], _TASK.pack(*self.chunks[self.given]))
            except BrokenPipeError:
                raise ChildDied(f"worker {worker} ended before its work") from None
            self.owed[worker].append(self.given)
            self.given += 1

    def _receive(self, timeout: int | None) -> None:
        """Read what the workers have sent (waiting up to ``timeout`` ms, None: until one
        sends); each whole frame is kept as the result of the chunk its worker owed first."""
        for fd, _ in self.poll.poll(timeout):
            worker = self.results.index(fd)
            data = os.read(fd, _RESULTS_PIPE)
            if not data:
                if self.owed[worker]:
                    raise ChildDied(f"worker {worker} ended with {len(self.owed[worker])} chunks owed")
                self.poll.unregister(fd)
                continue
            buffer = self.buffers[worker]
            buffer += data
            while len(buffer) >= _SIZE.size:
                (size,) = _SIZE.unpack_from(buffer)
                if len(buffer) < _SIZE.size + size:
                    break
                self.done[self.owed[worker].popleft()] = bytes(buffer[_SIZE.size:_SIZE.size + size])
                del buffer[:_SIZE.size + size]
                self._give()

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        """End the workers: their task pipes closed, they stop once their chunk is done
        (``wait``), or are killed at once; the first worker is collected (it collects the
        others).  Named as ``concurrent.futures``' pools name it, for the runner's ``_stop``."""
        if self.closed:
            return
        self.closed = True
        if not wait:
            _kill(self.first)
        for fd in self.tasks + self.results:
            os.close(fd)
        try:
            os.waitpid(self.first, 0)
        except ChildProcessError:
            pass
        if not wait:
            # The first worker is gone: it forks no more, and every worker it forked has
            # written its pid (or will, at once: the pipe ends when the last one has), even
            # those whose pids the first results would have named and the parent not read.
            self.pids = sorted(set(self.pids) | set(_forked_pids(self._forked_r)))
            for pid in self.pids:
                _kill(pid)
        os.close(self._forked_r)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def _forked_pids(forked_r: int) -> list[int]:
    """The pids in the pipe, read until its last writer has closed it."""
    data = b""
    while more := os.read(forked_r, 4096):
        data += more
    return [pid for (pid,) in _PID.iter_unpack(data[:len(data) - len(data) % _PID.size])]


def _widen(fd: int) -> None:
    """A result pipe that holds a whole chunk's results (Linux: 64 KiB by default, a chunk
    of 16 documents' results is ≈0.5 MB): a worker that finishes a chunk while the parent
    is busy with a result writes it and goes on, instead of waiting for the parent to read
    each 64 KiB.  Where the size cannot be set, the pipe stays as it is."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, _RESULTS_PIPE)
    except (ImportError, AttributeError, OSError):
        pass


# -- the workers ---------------------------------------------------------------------------
def _first_worker(items, work, prepare, built, theirs, parents_ends, forked_w: int) -> None:
    code = 1
    try:
        for fd in parents_ends:
            os.close(fd)
        # not the parent's handler (which turns SIGTERM into an interrupt of the run)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        prepare()
        task_r, result_w = theirs[0]
        chunk = _next_task(task_r)
        if chunk is None:
            os._exit(0)
        results = _checked(work, items, chunk)
        built()
        pids = []
        for number, (task, result) in enumerate(theirs[1:], 1):
            pid = os.fork()
            if pid == 0:
                code = 1
                try:
                    # the parent learns of this worker before it does anything else (8
                    # bytes: a pipe takes them whole, at once)
                    os.write(forked_w, _PID.pack(os.getpid()))
                    os.close(forked_w)
                    for fd in (task_r, result_w, *(fd for pair in theirs[number + 1:] for fd in pair)):
                        os.close(fd)
                    _serve(items, work, task, result)
                    code = 0
                finally:
                    os._exit(code)
            pids.append(pid)
            os.close(task)             # the first worker keeps its own ends only
            os.close(result)
        os.close(forked_w)             # the pipe ends once the forked workers have written
        _send(result_w, results, pids)
        _serve(items, work, task_r, result_w)
        for pid in pids:               # collected here: their CPU is counted in the run's
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass
        code = 0
    finally:
        # no atexit handlers, no flushing of the parent's buffered output
        os._exit(code)


def _serve(items, work, task_r: int, result_w: int) -> None:
    """Check chunks until the task pipe ends."""
    while (chunk := _next_task(task_r)) is not None:
        _send(result_w, _checked(work, items, chunk))


def _checked(work, items, chunk: tuple[int, int]):
    try:
        return "ok", work(items[chunk[0]:chunk[1]])
    except Exception as exc:        # the parent raises it, as a pool's future would
        return "raise", exc


def _send(result_w: int, checked, pids: list[int] | None = None) -> None:
    kind, value = checked
    try:
        data = pickle.dumps((kind, (pids, value) if kind == "ok" else value), pickle.HIGHEST_PROTOCOL)
    except Exception as exc:
        data = pickle.dumps(("raise", RuntimeError(f"a worker's result could not be sent: {exc!r}")))
    view = memoryview(_SIZE.pack(len(data)) + data)
    while view:
        view = view[os.write(result_w, view):]


def _next_task(task_r: int) -> tuple[int, int] | None:
    data = b""
    while len(data) < _TASK.size:
        more = os.read(task_r, _TASK.size - len(data))
        if not more:
            return None
        data += more
    return _TASK.unpack(data)
