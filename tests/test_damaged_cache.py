"""What gwlint keeps in the user's cache folder may be found torn or emptied (a power cut
after a rename whose data never reached the disk, a full disk, a killed run): a later run
must read such a file as a miss, make it again, and report exactly what a run with a fresh
cache folder reports.  A write that fails must not leave its temporary file behind.

Real processes on real files: the cache folder of a run is damaged, then the command line
is run again.  (jieba's trimmed dictionary was kept as an unsealed text file: emptied, it
made the typo rules fail with "math domain error" on every document of every run.)"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = "000_65850cbc458b37d5.txt"       # a seed whose checks segment words (jieba)


def _run(cache: Path, preexec=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("GWLINT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "checker", "check", "--no-config", "--no-cache", "--format", "json",
                           SEED], cwd=ROOT / "seeds", capture_output=True, text=True, timeout=600, env=env,
                          preexec_fn=preexec)


def _same(done: subprocess.CompletedProcess, fresh: subprocess.CompletedProcess, what: str) -> None:
    assert done.stderr == "", f"{what}: {done.stderr}"
    assert (done.returncode, done.stdout) == (fresh.returncode, fresh.stdout), what


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """A run with a fresh cache folder, and that folder as the run left it."""
    cache = tmp_path_factory.mktemp("fresh")
    done = _run(cache)
    assert done.returncode in (0, 1) and done.stderr == "", done.stderr
    return done, cache / "gwlint"


@pytest.mark.parametrize("damage", ["emptied", "cut in half"])
def test_jiebas_cache_files_found_damaged_are_made_again(tmp_path, fresh, damage):
    report, kept = fresh
    names = sorted(p.name for p in kept.iterdir() if p.name.startswith("jieba-"))
    assert names            # the prefix table and the emission table
    for name in names:
        cache = tmp_path / name
        shutil.copytree(kept, cache / "gwlint")
        target = cache / "gwlint" / name
        size = target.stat().st_size
        with open(target, "r+b") as fh:
            fh.truncate(0 if damage == "emptied" else size // 2)
        _same(_run(cache), report, f"{name} {damage}, the first run after")
        _same(_run(cache), report, f"{name} {damage}, the second run after")
        assert target.stat().st_size == size, f"{name} was not made again"


@pytest.mark.parametrize("damage", ["emptied", "cut in half"])
def test_the_typo_indexs_arrays_found_damaged_are_made_again(tmp_path, fresh, damage):
    """The phrase index is a folder of .npy arrays, memory-mapped and read a few pages a
    run: an array emptied or cut short made the typo rules fail on every document (an
    empty file cannot be mapped; a short one does not hold its header's count)."""
    report, kept = fresh
    shutil.copytree(kept, tmp_path / "gwlint")
    (folder,) = [p for p in (tmp_path / "gwlint").glob("typo-index-*") if p.is_dir()]   # not typo-index-keys-*
    target = folder / "hashes.npy"
    size = target.stat().st_size
    with open(target, "r+b") as fh:
        fh.truncate(0 if damage == "emptied" else size // 2)
    _same(_run(tmp_path), report, f"hashes.npy {damage}, the first run after")
    assert target.stat().st_size == size, "the index was not made again"
    _same(_run(tmp_path), report, f"hashes.npy {damage}, the second run after")


def _limit_file_size() -> None:
    import resource

    # writes past 200 KB fail (EFBIG) instead of killing the process (SIGXFSZ ignored)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs RLIMIT_FSIZE (POSIX)")
def test_cache_writes_that_fail_leave_no_temporary_file(tmp_path, fresh):
    """Every cache file larger than the limit fails to be written (as on a full disk):
    the run reports as a fresh one does, and the cache folder holds no temporary file."""
    report, _ = fresh
    cache = tmp_path / "xdg"
    for attempt in ("first", "second"):
        _same(_run(cache, preexec=_limit_file_size), report, f"{attempt} run with writes failing")
        left = [p.relative_to(cache) for p in cache.rglob("*") if p.name.startswith((".", "tmp"))]
        assert not left, f"{attempt} run left {left}"
