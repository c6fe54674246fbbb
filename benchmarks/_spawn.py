"""Run a command and write its resource usage: bench.py starts every measured command through this.

A process forked from a large parent reports the parent's resident size as its own peak
(Linux keeps the larger of the old and the new image's peak across exec), and bench.py grows
while it parses big reports. Started from this small process instead, the command's peak is
its own. Usage, with only built-in modules so that this process stays small (run with -S):

    python -S _spawn.py RESULT-FILE COMMAND [ARG...]

RESULT-FILE receives "user sys maxrss_kib exit_code wall_seconds" of the command.
"""
import os
import sys
import time


def main() -> None:
    result, argv = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    with open(result, "w") as fh:
        fh.write(f"{usage.ru_utime} {usage.ru_stime} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {wall}\n")
    sys.exit(0)


main()
