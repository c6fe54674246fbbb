"""gwlint's modules found and read from one file (checker.core.module_store): the same
modules as from their folders, and an edited module never taken from the store."""
from __future__ import annotations

import importlib
import os
import subprocess
import sys

import pytest

from checker.core import module_store


def _forget(package: str) -> None:
    for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
        del sys.modules[name]


def _read(store, folder):
    return module_store._read(store, str(folder))


def _keep(store, folder, package):
    module_store.keep(store, *_read(store, folder), package)


def _import_fresh(package: str, store, name: str, folder):
    """``name`` imported afresh with a finder on ``store`` first on the meta path."""
    _forget(package)
    finder = module_store._Finder(*_read(store, folder))
    sys.meta_path.insert(0, finder)
    try:
        importlib.invalidate_caches()
        return importlib.import_module(name)
    finally:
        sys.meta_path.remove(finder)


def test_a_kept_module_is_the_module_and_an_edited_one_is_read_again(tmp_path, monkeypatch):
    package = "module_store_probe_pkg"
    folder = tmp_path / package
    (folder / "sub").mkdir(parents=True)
    (folder / "__init__.py").write_text("VALUE = 1\n")
    (folder / "sub" / "__init__.py").write_text("")
    (folder / "sub" / "leaf.py").write_text("def where():\n    return __file__\nANSWER = 'first'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    store = tmp_path / "store.marshal"
    try:
        plain = _import_fresh(package, store, f"{package}.sub.leaf", tmp_path)          # nothing kept yet
        assert type(plain.__spec__.loader).__name__ == "SourceFileLoader"
        _keep(store, tmp_path, package)
        assert sorted(_read(store, tmp_path)[0]) == [package, f"{package}.sub", f"{package}.sub.leaf"]
        assert _read(store, tmp_path / "elsewhere")[0] == {}       # only modules of the package's folder

        kept = _import_fresh(package, store, f"{package}.sub.leaf", tmp_path)
        assert type(kept.__spec__.loader).__name__ == "_StoredLoader"
        for attr in ("__file__", "__cached__"):
            assert getattr(kept, attr) == getattr(plain, attr)
        assert kept.where() == plain.where() and kept.ANSWER == "first"
        assert sys.modules[f"{package}.sub"].__path__ == [str(folder / "sub")]
        assert kept.__spec__.submodule_search_locations is None
        assert kept.__loader__.get_source(kept.__name__) == (folder / "sub" / "leaf.py").read_text()

        # an edit of the same size, a moment later: the stamp (to the nanosecond) differs
        leaf = folder / "sub" / "leaf.py"
        leaf.write_text(leaf.read_text().replace("first", "other"))
        st = leaf.stat()
        os.utime(leaf, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
        edited = _import_fresh(package, store, f"{package}.sub.leaf", tmp_path)
        assert edited.ANSWER == "other" and type(edited.__loader__).__name__ == "SourceFileLoader"
        _keep(store, tmp_path, package)
        again = _import_fresh(package, store, f"{package}.sub.leaf", tmp_path)
        assert again.ANSWER == "other" and type(again.__loader__).__name__ == "_StoredLoader"

        leaf.unlink()                                      # removed: not found, as without the store
        _forget(package)
        finder = module_store._Finder(*_read(store, tmp_path))
        assert finder.find_spec(f"{package}.sub.leaf") is None
        assert sorted(_read(store, tmp_path)[0]) == [package, f"{package}.sub", f"{package}.sub.leaf"]

        # a damaged code object is read from its folder as usual
        _forget(package)
        (folder / "sub" / "leaf.py").write_text("ANSWER = 'third'\n")
        _import_fresh(package, store, f"{package}.sub.leaf", tmp_path)
        _keep(store, tmp_path, package)
        blob = store.read_bytes()
        at = blob.rindex(b"third")                         # the constant, in leaf's code object
        store.write_bytes(blob[:at] + b"thirx" + blob[at + 5:])
        damaged = _import_fresh(package, store, f"{package}.sub.leaf", tmp_path)
        assert damaged.ANSWER == "third" and type(damaged.__loader__).__name__ == "_StoredLoader"
    finally:
        _forget(package)


def _gwlint_then(after: str) -> str:
    """A program that checks doc.txt as the command line does, then runs ``after`` (the
    body of an atexit function, indented by four) when the interpreter ends."""
    return ("import atexit, sys\n"
            "def _after():\n" + after +
            "atexit.register(_after)\n"
            "sys.argv = ['gwlint', 'check', '--no-config', '--no-cache', '--format', 'json', 'doc.txt']\n"
            "from checker.cli.entry import run\nrun()\n")


def test_the_command_line_imports_gwlint_from_the_store_with_the_same_output(tmp_path):
    (tmp_path / "doc.txt").write_text("全市各单位要加强管理,提高效率。\n各单位要要认真落实。\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = _gwlint_then(
        "    loaders = {type(m.__spec__.loader).__name__ for n, m in sys.modules.items()\n"
        "               if n.startswith('checker.checks.') and getattr(m, '__spec__', None)}\n"
        "    sys.stderr.write(f'loaders {sorted(loaders)}\\n')\n")
    runs, stamps = [], []
    for _ in range(3):
        runs.append(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env))
        (store,) = (tmp_path / "cache" / "gwlint").glob("modules-*.marshal")
        stamps.append(store.stat().st_mtime_ns)
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout and '"violations"' in runs[0].stdout
    assert "loaders ['SourceFileLoader']" in runs[0].stderr, runs[0].stderr[-2000:]
    assert "loaders ['_StoredLoader']" in runs[1].stderr, runs[1].stderr[-2000:]
    assert stamps[1] == stamps[2]        # a run that met nothing new does not write the store


def test_code_kept_by_an_optimising_interpreter_is_never_run_by_another(tmp_path):
    """``python -O``/``-OO`` compile without asserts (and docstrings): their code is not the
    code of a plain run, as their ``.pyc`` files (``opt-1``, ``opt-2``) are apart.  A store
    shared between them gave a plain run the docstring-less code an ``-OO`` run had kept
    (and an ``-O`` run the asserts of a plain one)."""
    (tmp_path / "doc.txt").write_text("全市各单位要加强管理,提高效率。\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = _gwlint_then(
        "    from checker.engine import runner\n"
        "    sys.stderr.write(f'\\nloader {type(runner.__loader__).__name__} doc {runner.__doc__ is not None}\\n')\n")

    def last_line(*flags):
        done = subprocess.run([sys.executable, *flags, "-c", code], capture_output=True, text=True,
                              cwd=tmp_path, env=env)
        return done.stderr.strip().splitlines()[-1]

    assert last_line("-OO") == "loader SourceFileLoader doc False"       # keeps -OO code
    assert last_line("-OO") == "loader _StoredLoader doc False"
    assert last_line() == "loader SourceFileLoader doc True"             # not the -OO run's code
    assert last_line() == "loader _StoredLoader doc True"
    assert last_line("-OO") == "loader _StoredLoader doc False"


def _modules(store) -> tuple[set[str], set[str]]:
    """The modules the store's index names, and those whose kept code reads back whole (its
    own length and CRC-32), read as the format says: a header, the index, the code."""
    import marshal
    import zlib

    blob = store.read_bytes()
    length = int.from_bytes(blob[len(module_store._MAGIC):module_store._HEAD - 4], "little")
    index = marshal.loads(blob[module_store._HEAD:module_store._HEAD + length])
    base = module_store._HEAD + length
    return set(index), {name for name, (_, _, _, (offset, size, crc), _) in index.items()
                        if zlib.crc32(blob[base + offset:base + offset + size]) == crc}


@pytest.mark.parametrize("damage", ["cut in half", "a bit flipped"])
def test_a_damaged_store_is_mended_by_the_next_run(tmp_path, damage):
    """A module whose kept code fails its check is read from its ``.pyc`` (the report is
    the same) and kept again at exit: the run after reads every module from the store and
    has nothing to write.  (The damaged code was never kept again: every later run read
    those modules the slow way until a source changed.)"""
    (tmp_path / "doc.txt").write_text("全市各单位要加强管理,提高效率。\n各单位要要认真落实。\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = ("import atexit, sys\n"
            "def _after():\n"
            "    loaders = {type(m.__spec__.loader).__name__ for n, m in sys.modules.items()\n"
            "               if n.startswith(('checker.checks.', 'checker.engine.', 'checker.model.'))\n"
            "               and getattr(m, '__spec__', None)}\n"
            "    sys.stderr.write(f'loaders {sorted(loaders)}\\n')\n"
            "atexit.register(_after)\n"
            "sys.argv = ['gwlint', 'check', '--no-config', '--no-cache', '--format', 'json', 'doc.txt']\n"
            "from checker.cli.entry import run\nrun()\n")

    def run():
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
        (store,) = (tmp_path / "cache" / "gwlint").glob("modules-*.marshal")
        return done, store

    first, store = run()
    fresh, store = run()
    assert "loaders ['_StoredLoader']" in fresh.stderr, fresh.stderr[-2000:]
    named, kept = _modules(store)
    assert named == kept and "checker.engine.runner" in kept
    blob = bytearray(store.read_bytes())
    if damage == "cut in half":
        del blob[len(blob) // 2:]
    else:
        _, code_file = module_store._read(store, module_store._package_folder())
        offset, size, _ = module_store._read(store, module_store._package_folder())[0]["checker.engine.runner"][3]
        os.close(code_file.fd)
        blob[code_file.base + offset + size // 2] ^= 0x10
    store.write_bytes(bytes(blob))
    named, whole = _modules(store)
    assert named == kept and "checker.engine.runner" not in whole
    damaged, store = run()
    assert damaged.stdout == fresh.stdout
    # every module kept whole again (a damaged one the run did not import is left out,
    # to be kept by the first run that imports it)
    named, whole = _modules(store)
    assert named == whole and "checker.engine.runner" in whole, "the damaged store was not mended"
    stamp = store.stat().st_mtime_ns
    after, store = run()
    assert after.stdout == fresh.stdout
    assert "loaders ['_StoredLoader']" in after.stderr, after.stderr[-2000:]
    assert store.stat().st_mtime_ns == stamp        # nothing left to mend


@pytest.mark.parametrize("is_package", [False, True])
def test_the_stored_spec_is_the_one_spec_from_file_location_makes(tmp_path, is_package):
    """The finder makes its spec itself, with ``__cached__`` as kept (no
    ``cache_from_source`` per import): equal to ``spec_from_file_location``'s for the same
    loader in every attribute an import reads."""
    from importlib.util import cache_from_source, spec_from_file_location

    origin = str(tmp_path / ("pkg" if is_package else "") / ("__init__.py" if is_package else "leaf.py"))
    loader = object()
    made = module_store._spec("probe.leaf", origin, is_package, cache_from_source(origin), loader)
    plain = spec_from_file_location("probe.leaf", origin, loader=loader,
                                    submodule_search_locations=[] if is_package else None)
    assert made == plain          # ModuleSpec's own equality: name, loader, origin, locations, cached, has_location
    assert (made.parent, made.has_location, made.submodule_search_locations) == (
        plain.parent, plain.has_location, plain.submodule_search_locations)


def test_a_store_of_the_previous_format_is_ignored(tmp_path):
    """A file written by the format before (index entries without ``__cached__``, its own
    magic line) or an index whose entries do not have this format's shape reads as an empty
    store: every module is found by the path finder, nothing raises."""
    import marshal
    import zlib

    folder = str(tmp_path)
    entry = (str(tmp_path / "m.py"), False, (1, 2), (0, 1, zlib.crc32(b"x")))
    index = marshal.dumps({"m": entry})
    for magic in (b"gwlint modules 2\n", module_store._MAGIC):
        store = tmp_path / "store.marshal"
        store.write_bytes(magic + len(index).to_bytes(8, "little") + zlib.crc32(index).to_bytes(4, "little")
                          + index + b"x")
        modules, code = module_store._read(store, folder)
        assert modules == {}
        assert module_store._Finder(modules, code).find_spec("m") is None
        if code is not None:
            os.close(code.fd)
