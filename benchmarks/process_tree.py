"""Run a command and report each process of its tree: CPU and peak resident memory.

    python -S process_tree.py RESULT.json COMMAND [ARG...]

The command runs in its own session; every 50 ms this script reads /proc for the processes
of that session: each one's parent, its user+system CPU (the last reading before it ended:
up to 50 ms of it may be missed) and its peak resident set (VmHWM, which only grows, so the
last reading is its peak but for the last 50 ms).  The total CPU and the largest process's
peak are exact (``os.wait4``: the command and every process it, or its children, waited
for).  RESULT.json gets {"cpu", "wall", "maxrss_mib", "code", "processes": [{"pid",
"ppid", "role", "cpu", "peak_mib"}]}, role being "parent" (the command), "worker" (its
child) or "forked" (a child's child: a worker forked by the first one).  Only built-in
modules, so that this process stays small (run with -S); Linux only.
"""
import json
import os
import sys
import time

_TICK = os.sysconf("SC_CLK_TCK")


def _read(pid: int):
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(") ", 1)[1].split()
        hwm = 0
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
                    break
    except (OSError, IndexError):
        return None
    # fields[0] is the state, [1] the parent, [3] the session, [11]/[12] utime/stime
    return int(fields[1]), int(fields[3]), (int(fields[11]) + int(fields[12])) / _TICK, hwm, fields[0]


def main() -> None:
    result, argv = sys.argv[1], sys.argv[2:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.setsid()
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    seen = {}
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            read = _read(int(entry))
            if read is None or read[1] != pid or read[4] == "Z":
                continue
            ppid, _, cpu, hwm, _ = read
            old = seen.get(int(entry), (ppid, 0.0, 0))
            seen[int(entry)] = (ppid, max(old[1], cpu), max(old[2], hwm))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    processes = []
    for p, (ppid, cpu, hwm) in sorted(seen.items()):
        role = "parent" if p == pid else "worker" if ppid == pid else "forked"
        processes.append({"pid": p, "ppid": ppid, "role": role, "cpu": round(cpu, 2), "peak_mib": round(hwm / 1024, 1)})
    with open(result, "w") as fh:
        json.dump({"cpu": round(usage.ru_utime + usage.ru_stime, 3), "wall": round(wall, 2),
                   "maxrss_mib": round(usage.ru_maxrss / 1024, 1), "code": os.waitstatus_to_exitcode(status),
                   "processes": processes}, fh)


if __name__ == "__main__":
    main()
