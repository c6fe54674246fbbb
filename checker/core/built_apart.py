"""Build a cache store in a forked child process, so the build's memory goes with it.

The first run in a fresh cache folder derives its stores from jieba's dictionary (the
typo family's phrase index, the segmenter's prefix table, the dictionary entries).  Built
in the process that then checks the documents, each build's peak added to whatever the
process already held, and the memory it let go stayed in the process (freed Python
objects pin the allocator's arenas, freed arrays leave holes in the heap): each build
started higher than the last, and the run ended far above a later run's.  A child forked
for the build starts from the parent's pages (shared, not copied), peaks at the parent's
size plus the build's own, writes the store and exits; the parent reads the store as any
later run does.

A child is forked only where that is safe and cheap: ``os.fork`` exists, the platform is
not macOS (libraries there may not survive a fork, see ``checker.engine.runner``), and no
other Python thread runs (a lock another thread holds at the fork stays held in the child
forever).  Otherwise, or when the child fails, the caller builds in its own process.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable

# Set False to build every store in the calling process (a test compares both ways).
ENABLED = True


def can_fork() -> bool:
    """Whether ``in_child`` would fork here."""
    if not ENABLED or not hasattr(os, "fork") or sys.platform == "darwin":
        return False
    frames = getattr(sys, "_current_frames", None)
    return frames is not None and len(frames()) == 1


def in_child(build: Callable[[], bool]) -> bool:
    """Run ``build`` in a forked child and wait for it: True when it returned true there
    (the store is kept), False when no child could be forked, or ``build`` raised or
    returned false, or the child was killed (the caller then builds here)."""
    if not can_fork():
        return False
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:                 # the child: never returns into the caller's code
        code = 1
        try:
            _large_blocks_apart()
            code = 0 if build() else 1
        except BaseException:    # noqa: BLE001 - the parent builds again and reports it
            code = 1
        finally:
            os._exit(code)       # no exit handlers, no flush of the parent's buffers
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:     # pragma: no cover - retried by Python itself since 3.5
            continue
    return os.waitstatus_to_exitcode(status) == 0


def _large_blocks_apart() -> None:
    """In the child: have glibc's malloc map every block of 128 KB or more on its own.
    By default it raises that threshold to the size of the largest mapped block freed so
    far (up to 32 MB), so after the build's first large array is freed the next ones come
    from the heap, and freeing them leaves holes the heap keeps: some 10 MB of the index
    build's peak.  Blocks mapped on their own are given back when freed.  Only the child,
    which exits after the build, is changed; elsewhere (no glibc) nothing is done."""
    try:
        import ctypes

        ctypes.CDLL(None).mallopt(-3, 128 * 1024)        # M_MMAP_THRESHOLD
    except (ImportError, OSError, AttributeError):        # pragma: no cover - not glibc
        pass
