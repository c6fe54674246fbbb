"""Inputs that are not regular files, named on the command line: a device, a pipe, stdin.

- ``limits.max_file_mb`` was checked against ``stat``'s size, which is 0 for a pipe or a
  device: ``gwlint check /dev/zero`` (or ``- < /dev/zero``) read until memory ran out.  Now
  the reading stops past the limit: one ``not checked: larger than N MB`` error, exit 2.
- The results cache (on by default) hashed each file's bytes before the check read them:
  a pipe (``gwlint check <(cmd)``) was emptied by the hash and then reported as "a named
  pipe (FIFO) that nothing writes to", its findings lost; a named pipe nothing writes to
  made the hash's ``open`` wait for good, though ``--no-cache`` refused it at once.
- ``/dev/null`` stays an empty document (as an empty file), and a pipe within the limit
  is checked as before.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

import pytest

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/zero") or not hasattr(os, "mkfifo"),
                                reason="needs /dev/zero and named pipes (POSIX)")

TEXT = "全市义务教育巩固率达到103%。\n"


def _check(folder, *args: str, stdin=None, pass_fds=(), cache: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(folder / "xdg")}
    env.pop("GWLINT_DEBUG", None)
    options = [] if cache else ["--no-cache"]
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--format", "json", *options, *args],
                            cwd=folder, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            pass_fds=pass_fds, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"gwlint {' '.join(args)} did not end")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _too_large(path: str, mb: str) -> dict:
    return {"path": path, "message": f"not checked: larger than {mb} MB, the limit for one input "
                                     "(limits.max_file_mb in .gwlint.yaml); read up to the limit and no further"}


@pytest.mark.parametrize("options", [[], ["--no-cache"], ["--jobs", "2"]])
def test_dev_zero_named_stops_at_the_size_limit(tmp_path, options):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    done = _check(tmp_path, "--no-config", *options, "/dev/zero", "a.txt")
    assert done.returncode == 2, done.stderr
    data = json.loads(done.stdout)
    assert data["errors"] == [_too_large("/dev/zero", "10")]
    assert data["files"] == 2
    assert [(v["path"], v["rule"]) for v in data["violations"]] == [("a.txt", "rate-above-100")]
    assert done.stderr.splitlines() == [f"gwlint: /dev/zero: {_too_large('', '10')['message']}"]


def test_standard_input_from_dev_zero_stops_at_the_size_limit(tmp_path):
    with open("/dev/zero", "rb") as zero:
        done = _check(tmp_path, "--no-config", "-", stdin=zero)
    assert done.returncode == 2, done.stderr
    assert json.loads(done.stdout)["errors"] == [_too_large("<stdin>", "10")]


def test_a_pipe_is_checked_up_to_the_configured_limit(tmp_path):
    (tmp_path / ".gwlint.yaml").write_text("limits:\n  max_file_mb: 0.001\n", encoding="utf-8")
    small, large = TEXT, TEXT * 40          # 41 and 1,640 bytes: under and over 1,000
    for text, name in ((small, "/dev/stdin"), (large, "/dev/stdin"), (small, "-"), (large, "-")):
        done = subprocess.run([sys.executable, "-m", "checker", "check", "--config", ".gwlint.yaml", "--format", "json", name],
                              cwd=tmp_path, input=text.encode(), capture_output=True, timeout=240,
                              env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "xdg")})
        data = json.loads(done.stdout)
        shown = "<stdin>" if name == "-" else name
        if text is small:
            assert (done.returncode, data["errors"]) == (1, []), done.stderr
            assert [v["rule"] for v in data["violations"]] == ["rate-above-100"]
        else:
            assert (done.returncode, data["errors"]) == (2, [_too_large(shown, "0.001")]), done.stderr
            assert data["violations"] == []


def test_dev_null_is_an_empty_document(tmp_path):
    done = _check(tmp_path, "--no-config", "/dev/null")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["files"], data["violations"], data["errors"]) == (1, [], [])


@pytest.mark.parametrize("cache", [True, False])
def test_a_pipe_named_as_dev_fd_keeps_its_text_with_the_cache_on(tmp_path, cache):
    # what the shell's <(cmd) gives: /dev/fd/N, the reading end of a pipe
    read_end, write_end = os.pipe()
    os.write(write_end, TEXT.encode())
    os.close(write_end)
    try:
        done = _check(tmp_path, "--no-config", f"/dev/fd/{read_end}", pass_fds=(read_end,), cache=cache)
    finally:
        os.close(read_end)
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert data["errors"] == []
    assert [v["rule"] for v in data["violations"]] == ["rate-above-100"]


def test_a_named_pipe_nothing_writes_to_is_refused_at_once_with_the_cache_on(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    done = _check(tmp_path, "--no-config", "pipe.txt")
    assert done.returncode == 2, done.stderr
    assert json.loads(done.stdout)["errors"] == [
        {"path": "pipe.txt", "message": "not checked: a named pipe (FIFO) that nothing writes to"}]


def test_a_fed_named_pipe_is_read_with_the_cache_on(tmp_path):
    # the cache's look at the file must not open the pipe: a writer waiting for a reader
    # would go on, write to nobody once it was closed, and the check would find it empty
    os.mkfifo(tmp_path / "pipe.txt")

    def feed():
        with open(tmp_path / "pipe.txt", "w", encoding="utf-8") as pipe:
            pipe.write(TEXT)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    done = _check(tmp_path, "--no-config", "pipe.txt")
    writer.join(timeout=10)
    assert done.returncode == 1, done.stderr
    assert [v["rule"] for v in json.loads(done.stdout)["violations"]] == ["rate-above-100"]
