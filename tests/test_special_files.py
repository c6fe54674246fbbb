"""A named pipe (FIFO), a socket or a device named like a document: a folder's walk does not
open it (one error line, exit 2, as any input that could not be checked), and a pipe named
on the command line is read only when something writes to it.  gwlint opened a FIFO found
in a folder and waited for a writer for good: the whole run hung."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")

TEXT = "义务教育巩固率达到103%。\n"


def _check(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "xdg")}
    env.pop("GWLINT_DEBUG", None)
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--no-config", "--no-cache", "--format",
                             "json", *args], cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)     # the run and its workers
        proc.communicate()
        pytest.fail(f"gwlint {' '.join(args)} hung")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_walk_leaves_pipes_and_sockets_unread_with_one_line_each(tmp_path, jobs):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("全市各单位要加强管理。\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.md"))
        done = _check(tmp_path, "--jobs", jobs, ".")
    finally:
        server.close()
    assert done.returncode == 2, done.stderr
    data = json.loads(done.stdout)
    assert ("a.txt", "rate-above-100") in {(v["path"], v["rule"]) for v in data["violations"]}
    assert data["errors"] == [{"path": "pipe.txt", "message": "not checked: a named pipe (FIFO), not a regular file"},
                              {"path": "sock.md", "message": "not checked: a socket, not a regular file"}]
    assert done.stderr.splitlines() == ["gwlint: pipe.txt: not checked: a named pipe (FIFO), not a regular file",
                                        "gwlint: sock.md: not checked: a socket, not a regular file"]


def test_a_named_pipe_named_with_nothing_writing_to_it_is_an_input_error(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    done = _check(tmp_path, "pipe.txt", "a.txt")
    assert done.returncode == 2, done.stderr
    data = json.loads(done.stdout)
    assert data["errors"] == [{"path": "pipe.txt", "message": "not checked: a named pipe (FIFO) that nothing writes to"}]
    assert {v["path"] for v in data["violations"]} == {"a.txt"}


def test_a_named_pipe_named_with_a_writer_is_read_to_its_end(tmp_path):
    """``gwlint check <(cmd)`` and a FIFO another program feeds: read as a stream."""
    os.mkfifo(tmp_path / "pipe.txt")

    def feed():
        with open(tmp_path / "pipe.txt", "w", encoding="utf-8") as fh:    # waits for gwlint to open it
            fh.write(TEXT)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    done = _check(tmp_path, "pipe.txt")
    writer.join(timeout=10)
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert [(v["path"], v["rule"]) for v in data["violations"]] == [("pipe.txt", "rate-above-100")]
    assert data["errors"] == []
