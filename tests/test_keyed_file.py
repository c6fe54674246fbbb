"""Cache files read one key at a time (checker.core.keyed_file) and the store of known
expressions kept in one (checker.core.patterns._Known, format 11)."""
from __future__ import annotations

import marshal
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from checker.core import keyed_file, patterns
from checker.core.keyed_file import MISSING, KeyedFile, dumped, write_keyed

ROOT = Path(__file__).resolve().parents[1]


def _entries(n: int) -> dict[bytes, bytes]:
    return {f"第{i}条(?:款|项){'x' * (i % 7)}\0s0".encode(): dumped((True, (f"第{i}条",), (0, i), None, None, None))
            for i in range(n)}


def test_what_is_written_is_read_back_key_by_key(tmp_path):
    path = tmp_path / "k.marshal"
    entries = _entries(300)
    assert write_keyed(path, 3, entries)
    store = KeyedFile.open(path, 3)
    assert store is not None and len(store) == 300
    for key, value in entries.items():
        assert store.get(key) == marshal.loads(value)
    assert store.get(b"absent\0s0") is MISSING
    assert store.get(b"absent\0s0", None) is None
    assert store.raw() == entries


def test_the_keys_of_expressions_are_distinct():
    """Two (pattern, flags) pairs never share a key: flags, type, and texts ending alike."""
    pairs = [("a", 0), ("a", 2), ("a\0s2", 0), ("a\0s", 2), ("a\0", 0), (b"a", 0), (b"a\0s0", 0), ("", 0),
             ("第一", 0), ("第一", 256), ("\udc80", 0), ("a", 20)]
    keys = [patterns._known_key(pair) for pair in pairs]
    assert len(set(keys)) == len(pairs)
    assert patterns._known_key(("第一", 0)) == "第一".encode() + b"\0s0"


@pytest.mark.parametrize("whole", [True, False])
def test_damage_reads_as_a_miss(tmp_path, monkeypatch, whole):
    """A damaged entry is a missing key (the others still read); a damaged index, another
    format or another layout is no file.  Both ways of reading: whole, and piece by piece."""
    if not whole:
        monkeypatch.setattr(keyed_file, "_READ_WHOLE_MAX", 0)
    path = tmp_path / "k.marshal"
    entries = _entries(50)
    write_keyed(path, 2, entries)
    assert KeyedFile.open(path, 3) is None
    blob = bytearray(path.read_bytes())
    victim = sorted(entries)[10]
    first = KeyedFile.open(path, 2)
    start, end, _ = first.index[victim]
    base = len(blob) - (first.index[max(first.index, key=lambda k: first.index[k][1])][1])
    first.close()
    blob[base + start + 2] ^= 0x55                    # inside that entry's value
    path.write_bytes(bytes(blob))
    store = KeyedFile.open(path, 2)
    assert (store._data is not None) is whole
    assert store.get(victim) is MISSING
    assert all(store.get(key) == marshal.loads(value) for key, value in entries.items() if key != victim)
    assert victim not in store.raw() and len(store.raw()) == 49
    store.close()
    head = keyed_file._HEAD
    for damage in (lambda b: b.__setitem__(head + 3, b[head + 3] ^ 1),      # the index
                   lambda b: b.__setitem__(2, 0x21),                        # the magic
                   lambda b: b.__setitem__(len(keyed_file._MAGIC), 9)):      # the format
        copy = bytearray(blob)
        damage(copy)
        path.write_bytes(bytes(copy))
        assert KeyedFile.open(path, 2) is None
    path.write_bytes(bytes(blob[:-5]))                                      # torn: the last entry
    store = KeyedFile.open(path, 2)
    assert store.get(max(store.index, key=lambda k: store.index[k][1])) is MISSING
    store.close()
    path.write_bytes(b"\0" * 40)
    assert KeyedFile.open(path, 2) is None
    assert KeyedFile.open(tmp_path / "none.marshal", 2) is None


def test_a_torn_file_never_gives_a_wrong_value(tmp_path):
    path = tmp_path / "k.marshal"
    entries = _entries(40)
    write_keyed(path, 1, entries)
    blob = path.read_bytes()
    for cut in range(0, len(blob), 97):
        path.write_bytes(blob[:cut])
        store = KeyedFile.open(path, 1)
        if store is not None:
            for key, value in entries.items():
                assert store.get(key) in (MISSING, marshal.loads(value))


def test_a_lookup_decodes_only_its_own_entry(tmp_path, monkeypatch):
    """The point of the layout: a lookup in a file of 5,000 entries unmarshals the index
    once and then one value, not the other 4,999."""
    path = tmp_path / "k.marshal"
    entries = _entries(5_000)
    write_keyed(path, 1, entries)
    store = KeyedFile.open(path, 1)
    sizes = []
    real = marshal.loads

    class Counting:
        @staticmethod
        def loads(data):
            sizes.append(len(data))
            return real(data)

    monkeypatch.setattr(keyed_file, "marshal", Counting)
    key = sorted(entries)[1234]
    assert store.get(key) == real(entries[key])
    assert sizes == [len(entries[key])]


def _known(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return patterns._Known()


def test_known_expressions_are_kept_and_read_back(tmp_path, monkeypatch):
    first = _known(tmp_path, monkeypatch)
    keys = [("第[一二三]条", 0), (r"(?<=第)\d+(?=条)", 0), (r"^\s*附件[:：]", 8), ("ab+c", 2)]
    for key in keys:
        assert not first.compiles(key)
        first.compile(key)
        first.add_ok(key)
        first.literals_of(key)
        first.split_of(key)
        first.context_of(key)
    first.save()
    assert first.path().name.endswith(f"-f{patterns._KNOWN_FORMAT}-py{sys.version_info[0]}{sys.version_info[1]}.marshal")
    later = _known(tmp_path, monkeypatch)
    for key in keys:
        assert later.compiles(key)
        assert later.literals_of(key) == first.literals[key]
        assert later.window_of(key) == first.windows[key]
        assert later.split_of(key) == first.splits[key]
        assert later.context_of(key) == first.contexts[key]
        assert later.programs.get(key) is None and key in later.packed       # decoded when compiled
        compiled = later.compile(key)
        assert later.programs[key] == first.programs[key]
        text = "第二条 附件：12 abbbc\n附件:3"
        assert compiled.pattern == key[0]
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in first.compile(key).finditer(text)]
    assert not later.dirty
    assert later.seen == set(keys)          # nothing else was read


def test_known_expressions_of_two_processes_are_merged(tmp_path, monkeypatch):
    """Each process saves what it learned; the file keeps both, and fields another process
    added to an expression this one also knows."""
    one, two = _known(tmp_path, monkeypatch), _known(tmp_path, monkeypatch)
    one.compiles(("a+b", 0))
    two.compiles(("a+b", 0))
    one.add_ok(("a+b", 0))
    one.literals_of(("x[yz]", 0))
    two.split_of(("a+b", 0))
    two.compile(("c|d", 0))
    one.save()
    two.save()
    three = _known(tmp_path, monkeypatch)
    assert three.compiles(("a+b", 0))                       # one's, kept through two's save
    assert ("a+b", 0) in three.splits                        # two's
    assert three.literals_of(("x[yz]", 0)) == one.literals[("x[yz]", 0)]
    assert not three.dirty
    three.compile(("c|d", 0))
    assert ("c|d", 0) in three.programs and not three.dirty


def test_an_old_or_damaged_store_is_a_miss(tmp_path, monkeypatch):
    known = _known(tmp_path, monkeypatch)
    path = known.path()
    path.parent.mkdir(parents=True)
    from checker.core.sealed_file import write_sealed

    # the format-10 layout under this name: not read as entries
    write_sealed(path, {"format": 10, "ok": [("ab", 0)], "literals": {}, "windows": {}, "splits": {},
                        "contexts": {}, "programs": {}})
    assert not known.compiles(("ab", 0))
    path.write_bytes(b"\0" * 40)
    assert not _known(tmp_path, monkeypatch).compiles(("ab", 0))


def test_a_seed_run_reads_from_the_store_only_the_expressions_it_uses(tmp_path):
    """A store holding 3,000 expressions no run of the seed uses: the run looks up its own
    (about three hundred) and leaves the store as it found it."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    (seed,) = (ROOT / "seeds").glob("003_*.txt")
    filler = (
        "import sys\n"
        "from checker.core import patterns\n"
        "k = patterns._KNOWN\n"
        "for i in range(3000):\n"
        "    key = (f'第{i}号(?:文件|通知)' + 'x' * (i % 5), 0)\n"
        "    k.compile(key); k.add_ok(key); k.literals_of(key)\n"
    )
    subprocess.run([sys.executable, "-c", filler], env=env, check=True)
    probe = (
        "import sys, atexit\n"
        "from checker.core import patterns\n"
        "sys.argv = ['gwlint', 'check', '--no-cache', '--no-config', '--format', 'json', '--quiet', sys.argv[1]]\n"
        "atexit.register(lambda: print(len(patterns._KNOWN.seen), sum(p.startswith('第') and '号(?:' in p for p, f in patterns._KNOWN.seen), patterns._KNOWN.dirty, file=sys.stderr))\n"
        "from checker.cli.entry import run\n"
        "run()\n"
    )
    outputs = []
    for _ in range(2):          # the first run adds its own expressions, the second only reads
        done = subprocess.run([sys.executable, "-c", probe, str(seed)], env=env, capture_output=True, text=True)
        outputs.append(done.stdout)
        seen, filler_seen, dirty = done.stderr.split()[-3:]
    assert outputs[0] == outputs[1]
    assert 100 < int(seen) < 1000 and filler_seen == "0" and dirty == "False"
    (store,) = (tmp_path / "cache" / "gwlint").glob("patterns-*.marshal")
    assert len(KeyedFile.open(store, patterns._KNOWN_FORMAT)) > 3000
