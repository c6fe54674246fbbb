"""jieba is imported with stand-ins in ``sys.modules`` for modules it barely uses
(checker.model.tokens.import_jieba): while it imports, any other thread of the process
that imports ``hashlib``, ``logging``, ``pkg_resources``, ``tempfile`` or ``pickle`` would
get the stand-in (a ``hashlib`` without ``sha256``).  A library user's program with other
threads must never see one; the words are segmented the same either way."""
from __future__ import annotations

import json
import subprocess
import sys

_PROBE = """\
import json, sys, threading
from checker.model import tokens

NAMES = ("pkg_resources", "hashlib", "logging", "tempfile", "pickle")
absent = [n for n in NAMES if n not in sys.modules]
seen = set()
stop = threading.Event()
started = threading.Event()

def watch():
    # what `import NAME` in this thread would get while the other thread imports jieba
    started.set()
    while not stop.is_set():
        for name in NAMES:
            module = sys.modules.get(name)
            if module is not None and getattr(getattr(module, "__spec__", None), "name", None) != name:
                seen.add(name)

if {threaded}:
    sys.setswitchinterval(1e-5)     # the threads take turns often: the window is ~10-30 ms
    watcher = threading.Thread(target=watch, daemon=True)   # (an error below must not leave it spinning)
    watcher.start()
    started.wait()
try:
    tokens.import_jieba()
    words = [word for word, _ in tokens.tokenize("为了了解基层情况，一对一帮扶在职人员，推进城市维护建设税征收管理。")]
finally:
    stop.set()
if {threaded}:
    watcher.join()
print(json.dumps({{"absent": absent, "seen": sorted(seen), "words": words,
                  "stand_ins_used": "pkg_resources" not in sys.modules}}))
"""


def _probe(tmp_path, threaded: bool) -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE.format(threaded=threaded)], capture_output=True, text=True,
                          timeout=300, env={"XDG_CACHE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return json.loads(done.stdout)


def test_no_other_thread_sees_a_stand_in_while_jieba_imports(tmp_path):
    alone, threaded = _probe(tmp_path, False), _probe(tmp_path, True)
    assert "pkg_resources" in threaded["absent"] and "hashlib" in threaded["absent"]
    assert threaded["seen"] == []
    assert threaded["words"] == alone["words"]
    assert alone["stand_ins_used"]          # a process with one thread still saves their imports
