"""What a one-file run of the `gwlint` command does not pay for (each a mechanism of
checker's start-up; the figures are in benchmarks/doc-speed.md)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.entry_runs import run_entry, settle


def test_the_collector_does_not_walk_the_start_up_objects(tmp_path):
    """run() sets the collection threshold before the imports: with Python's default the
    collector ran some twenty times before the first document (0.01 CPU s)."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    before = ("import gc\ncounts = []\n"
              "gc.callbacks.append(lambda phase, info: counts.append(info['generation']) if phase == 'start' else None)")
    after = "sys.stderr.write(f'collections {len(counts)}\\n')"
    args = ["check", "--no-config", "--no-cache", "--format", "json", "empty.txt"]
    for _ in range(2):                           # the second with the stores filled
        out = run_entry(tmp_path, args, before, after)
    line = [x for x in out.stderr.splitlines() if x.startswith("collections")][-1]
    assert int(line.split()[1]) <= 5, out.stderr      # some twenty with Python's threshold


def test_the_digests_are_hashlibs():
    """checker.core.digests takes CPython's own hash modules (hashlib loads OpenSSL for
    them): the digests must be hashlib's, every length and parameter gwlint uses."""
    import hashlib
    import random

    from checker.core import digests

    rng = random.Random(11)
    for size in (0, 1, 63, 64, 65, 127, 128, 129, 1000, 100_003):
        data = rng.randbytes(size)
        assert digests.sha1(data).hexdigest() == hashlib.sha1(data).hexdigest()
        assert digests.sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        for n in (8, 16, 20, 32, 64):
            assert digests.blake2b(data, digest_size=n).digest() == hashlib.blake2b(data, digest_size=n).digest()
        streamed = digests.blake2b(digest_size=20)
        for piece in (data[: size // 3], data[size // 3:]):
            streamed.update(piece)
        assert streamed.hexdigest() == hashlib.blake2b(data, digest_size=20).hexdigest()


@pytest.mark.parametrize("seed", [None, "000"])
def test_a_one_file_run_does_not_load_openssl(tmp_path, seed):
    """No hashlib (which loads OpenSSL's library at import) in a run over a text file,
    nor in one that segments words with jieba (which takes md5 from hashlib)."""
    from pathlib import Path

    if seed is None:
        (tmp_path / "doc.txt").write_text("全市各单位要加强管理,提高效率。\n", encoding="utf-8")
    else:
        (source,) = (Path(__file__).resolve().parents[1] / "seeds").glob(f"{seed}_*.txt")
        (tmp_path / "doc.txt").write_bytes(source.read_bytes())
    after = ("import os\nlibs = [l for l in open(f'/proc/{os.getpid()}/maps') if 'libcrypto' in l or 'libssl' in l]\n"
             "sys.stderr.write(f'modules {sorted(m for m in (\"hashlib\", \"_hashlib\", \"ssl\") if m in sys.modules)} "
             "libs {len(libs)} jieba {\"jieba\" in sys.modules}\\n')")
    args = ["check", "--no-config", "--no-cache", "--format", "json", "doc.txt"]
    for _ in range(2):
        out = run_entry(tmp_path, args, "", after)
    line = [x for x in out.stderr.splitlines() if x.startswith("modules")][-1]
    assert line == f"modules [] libs 0 jieba {seed is not None}", out.stderr[-2000:]


def test_jiebas_md5_stand_in_gives_hashlibs_digests():
    import hashlib

    from checker.model.tokens import _Hashlib

    for data in (b"", b"abc", "/some/dict.txt".encode() * 50):
        assert _Hashlib.md5(data).hexdigest() == hashlib.md5(data).hexdigest()


def test_a_one_file_json_run_makes_no_temporary_file(tmp_path):
    """The JSON report's spool keeps a few files' violations in memory: no temporary
    file, and no tempfile (nor shutil, random and the compression modules it brings)."""
    (tmp_path / "doc.txt").write_text("全市各单位要加强管理,提高效率。\n" * 30, encoding="utf-8")
    after = ("import os\nsys.stderr.write(f'modules {sorted(m for m in (\"tempfile\", \"shutil\", \"random\", \"bz2\") "
             "if m in sys.modules)} files {os.listdir(os.environ[\"TMPDIR\"])}\\n')")
    args = ["check", "--no-config", "--no-cache", "--format", "json", "doc.txt"]
    settle(tmp_path, args)
    out = run_entry(tmp_path, args, "", after)
    assert '"violations"' in out.stdout
    line = [x for x in out.stderr.splitlines() if x.startswith("modules")][-1]
    assert line == "modules [] files []", out.stderr[-2000:]


def test_an_empty_files_run_imports_only_what_it_uses(tmp_path):
    """Modules a check imports where it uses them (a finding, a comparison, fingerprints
    kept) are not imported by a run over an empty file."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    wanted = ("difflib", "heapq", "decimal", "base64", "struct", "hashlib", "tempfile")
    after = f"found = sorted(m for m in {wanted!r} if m in sys.modules)\nsys.stderr.write(f'modules {{found}}\\n')"
    args = ["check", "--no-config", "--no-cache", "--format", "json", "empty.txt"]
    settle(tmp_path, args)
    out = run_entry(tmp_path, args, "", after)
    line = [x for x in out.stderr.splitlines() if x.startswith("modules")][-1]
    assert line == "modules []", out.stderr[-2000:]


def test_the_entrys_own_imports_make_no_collection():
    """``checker`` (the package the console entry's module is in) is imported before the
    entry sets the collector's threshold: it imports no ``typing`` (three collections at
    Python's default threshold, each walking the young objects ``site`` left)."""
    code = ("import gc, sys\n"
            "had = 'typing' in sys.modules\n"
            "counts = []\n"
            "gc.callbacks.append(lambda phase, info: counts.append(1) if phase == 'start' else None)\n"
            "import checker.cli.entry\n"
            "print(had, 'typing' in sys.modules, len(counts))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    if out[0] == "True":
        pytest.skip("this interpreter's site imports typing itself")
    assert out[1] == "False"
    assert int(out[2]) <= 1         # the default threshold may be crossed once, by chance


def test_the_collector_is_off_for_a_one_file_check_only(tmp_path):
    """A `gwlint check` of one file runs without the collector (collector.off_for_one_run:
    its passes cost ~1.7 % of the run and free next to nothing before the process ends);
    a check of two files turns it back on before the first document, and another command
    never turns it off."""
    (tmp_path / "a.txt").write_text("全年完成投资12亿元。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("全年完成投资13亿元。\n", encoding="utf-8")
    after = "import gc\nsys.stderr.write(f'collector {gc.isenabled()}\\n')"

    def collector(args):
        out = run_entry(tmp_path, args, "", after)
        return [x for x in out.stderr.splitlines() if x.startswith("collector")][-1]

    check = ["check", "--no-config", "--no-cache", "--format", "json"]
    assert collector([*check, "a.txt"]) == "collector False"
    assert collector([*check, "a.txt", "b.txt"]) == "collector True"
    assert collector([*check, "."]) == "collector True"          # a folder of two files
    assert collector(["rules", "--no-config"]) == "collector True"
