"""How the `gwlint` command ends its process: without taking the interpreter apart.

When a script returns, Python tears itself down before the process ends: a last full
collection of the garbage collector, then every module's namespace cleared, and with it
every object of the run freed one by one (the rule set, the tables, the compiled
expressions, the document's layers).  For a one-file run that is 0.02-0.03 CPU s, a
tenth of the run, spent on memory the operating system takes back whole a moment later.

``leave`` does what the ending does that anyone can see, and then ends the process at
once (``os._exit``):
- the exit functions run (``atexit``): gwlint keeps its stores (compiled expressions,
  dataclass code, validated data views) there, and so do libraries (logging's flush);
- standard output and standard error are flushed (the report is written whole);
- the exit code is the one ``sys.exit`` would give.

It is safe because nothing else the teardown does is anyone's business in this
process: the files gwlint writes are closed by the code that writes them (``with``
blocks, the cache writers' ``close``), so no buffered data waits for a finaliser; the
temporary files it holds are anonymous; the kernel releases memory and descriptors.
Where the teardown would still do work of its own, the ordinary exit is taken instead:
- a thread other than the main one is running, or a worker pool was used (their exit
  hooks join workers and threads: ``threading._shutdown`` runs before ``atexit``);
- a profiler or tracer is set (cProfile and coverage write their results after the
  script's code returns), or Python was asked to inspect after the script (``-i``);
- the exit status is not a number (``sys.exit`` prints it);
- flushing a stream fails (a closed pipe: the interpreter reports it as it always did,
  exit status 120).
"""
from __future__ import annotations

import os
import sys


def exit_code(status: object) -> int | None:
    """The process exit code ``sys.exit(status)`` gives, or None when it would print
    ``status`` instead (not a number)."""
    if status is None:
        return 0
    if isinstance(status, int):
        return int(status)
    return None


def can_leave_at_once() -> bool:
    """Whether the interpreter's teardown has nothing left to do that anyone would see."""
    if sys.gettrace() is not None or sys.getprofile() is not None:
        return False
    if sys.flags.inspect or os.environ.get("PYTHONINSPECT"):
        return False
    # worker pools: their exit hooks (run by the teardown, some before atexit) join them
    if "multiprocessing" in sys.modules or "concurrent.futures" in sys.modules:
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() <= 1


def leave(status: object = None) -> None:
    """End the process with ``status`` as ``sys.exit(status)`` would, skipping the
    interpreter's teardown where ``can_leave_at_once``; otherwise raise ``SystemExit``."""
    code = exit_code(status)
    if code is None or not can_leave_at_once():
        raise SystemExit(status)
    import atexit

    atexit._run_exitfuncs()   # what the ending runs (and clears): an error in one is printed, as then
    try:
        for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
            if stream is not None:
                stream.flush()
    except BaseException:     # noqa: BLE001 - left to the ordinary ending, which reports it
        raise SystemExit(status) from None
    os._exit(code)
