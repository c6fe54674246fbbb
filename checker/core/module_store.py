"""gwlint's own modules' code, found and read from one file instead of some 190.

Importing a module from its folder costs the import system more than running the
module's code needs: a path finder asks each folder of the package for the name (a
listing kept per folder, a ``stat`` of the folder each time), builds a spec, then the
loader ``stat``s the source, opens and reads the ``.pyc`` beside it and checks its header
against the source.  A one-file run imports some 190 of gwlint's modules: 7-9 ms of
finding and 7-8 ms of opening and reading, for code that is the same at every run.

``install`` puts a finder first on ``sys.meta_path`` that answers for the ``checker``
modules kept in one file of the user's cache folder, made by earlier runs.  The file is
an index (per module: its file, whether it is a package, the size and modification time
its source had, and where its code is), sealed with a length and a CRC-32, then the code
objects, each marshalled as the ``.pyc`` holds it and read (with its own CRC-32 checked)
only when the module is imported: a run reads the index, ~30 KB, and the code it runs,
not the whole file.  The spec the finder gives is the one the path finder would build
(``spec_from_file_location`` with the same file and search locations), with a loader
that is the ordinary source loader but takes the code object from the store (and makes
the module with its import attributes set, by the import system's own function):
``__file__``, ``__path__``, ``__cached__``, tracebacks, ``get_source`` and resources are
unchanged (tests/test_module_store_attributes.py compares every module of a run).

A kept module is used only while its source file has the size and modification time it
had when its code was kept (one ``stat``, what the ``.pyc`` check compares too, to the
nanosecond here); a changed, moved or removed source is imported as usual, and a module
the store does not hold or holds stale is kept when the process ends (``atexit``: the
file is rewritten only then).  A code object whose bytes do not match their CRC is read
from the ``.pyc`` as usual, and kept again at exit (the store mended).  The file is named by the interpreter build (code objects are
its own), its optimisation level (``-O``, ``-OO``) and the package's folder (checkouts
share the cache folder), and only modules of that folder are taken from it.  Only the command line installs the finder
(``checker.cli.entry``); importing gwlint as a library is unchanged.
"""
from __future__ import annotations

import marshal
import os
import sys
import zlib
from importlib.machinery import ModuleSpec, SourceFileLoader

from checker.core import vouched

try:
    from importlib._bootstrap import _init_module_attrs     # the import system's own (_StoredLoader.create_module)
except ImportError:                                          # not there: the import sets them as usual
    _init_module_attrs = None

_FORMAT = 3                     # 2: an index, then each module's code read on its import; 3: __cached__ kept
_MAGIC = b"gwlint modules 3\n"
_HEAD = len(_MAGIC) + 12        # then the index's length (8 bytes) and CRC-32 (4 bytes)
_PACKAGE = "checker"
_KEEP = 4                       # files of other checkouts and builds kept (they share the folder)


class _Code:
    """The store's file, open for the process: each module's code read where the index
    says (``os.pread``: no shared file position).  ``unreadable``: the modules whose kept
    code failed its check when they were imported (read from their ``.pyc`` instead), to
    be kept again at exit so that the store is mended."""

    def __init__(self, fd: int, base: int, st: os.stat_result | None = None, checked: bool = False) -> None:
        self.fd = fd
        self.base = base
        self.unreadable: set[str] = set()
        self.st = st                # the file's fstat: what vouches for it (checker.core.vouched)
        self.checked = checked      # checked whole by a run since the machine started: no CRCs

    def read(self, offset: int, length: int, crc: int) -> bytes | None:
        return _read_piece(self.fd, self.base + offset, length, None if self.checked else crc)

    def check_whole(self, modules: dict) -> bool:
        """Whether every module's code in the file matches its CRC: read once a boot, at the
        exit of a run that found the file not yet vouched for, so that later runs need not."""
        return all(_read_piece(self.fd, self.base + entry[3][0], entry[3][1], entry[3][2]) is not None
                   for entry in modules.values())


def _read_piece(fd: int, at: int, length: int, crc: int | None) -> bytes | None:
    """``length`` bytes of ``fd`` at ``at`` when they are all there and match ``crc`` (not
    checked when None: a file vouched for); else None."""
    try:
        data = os.pread(fd, length, at)
    except OSError:
        return None
    return data if len(data) == length and (crc is None or zlib.crc32(data) == crc) else None


class _StoredLoader(SourceFileLoader):
    """The source loader, its code object taken from the store."""

    def __init__(self, fullname: str, path: str, code: _Code, where: tuple) -> None:
        SourceFileLoader.__init__(self, fullname, path)     # named: super() costs 1.2 k more
        self._stored = (code, where)

    def create_module(self, spec):
        """The new module with the attributes the import sets from its spec already set,
        by the import system's own function (``override``: the values and order it gives a
        new module).  The import's own pass (``module_from_spec``) then finds each set and
        leaves it: that pass asks the new module for ``__file__`` and ``__cached__`` first,
        and on Python 3.11 a module's missing attribute costs up to three formatted
        ``AttributeError``s (11-15 k instructions): ~22 k an import, 4.8 M of a seed's
        one-file run."""
        if _init_module_attrs is None:
            return None
        return _init_module_attrs(spec, type(sys)(spec.name), override=True)

    def get_code(self, fullname):
        stored, self._stored = self._stored, None   # once: a reload reads the .pyc again
        if fullname == self.name and stored is not None:
            data = stored[0].read(*stored[1])
            if data is not None:
                try:
                    return marshal.loads(data)
                except (EOFError, ValueError, TypeError):
                    pass
            stored[0].unreadable.add(fullname)      # damaged: kept again at exit
        return super().get_code(fullname)


class _Finder:
    """A meta path finder for the modules the store holds, each as the path finder would
    find it."""

    def __init__(self, modules: dict, code: _Code | None) -> None:
        # name -> (file, is a package, (size, mtime_ns), (offset, length, crc), its .pyc's path)
        self.modules = modules
        self.code = code

    def find_spec(self, fullname, path=None, target=None):
        entry = self.modules.get(fullname)
        if entry is None or self.code is None:
            return None
        origin, is_package, stamp, where, cached = entry
        try:
            st = os.stat(origin)
        except OSError:
            return None
        if st.st_mtime_ns != stamp[1] or st.st_size != stamp[0]:
            return None                 # edited since it was kept: the path finder finds it
        return _spec(fullname, origin, is_package, cached, _StoredLoader(fullname, origin, self.code, where))

    def invalidate_caches(self) -> None:
        pass


def _spec(name: str, origin: str, is_package: bool, cached: str | None, loader) -> ModuleSpec:
    """The spec ``spec_from_file_location(name, origin, loader=loader,
    submodule_search_locations=[] if is_package else None)`` makes for an absolute
    ``origin`` (what every kept module's is: ``keep`` takes them from imported modules'
    specs), with ``__cached__`` as kept and ``_initializing`` as the import leaves it.
    ``spec.cached`` is otherwise worked out on the module's import (``cache_from_source``:
    some 10 us a module, 200-odd modules a run) from the origin and three things of the
    interpreter (its cache tag, ``-O`` level and ``sys.pycache_prefix``), all of which
    name the store's file (``_path``)."""
    spec = ModuleSpec(name, loader, origin=origin)
    spec._set_fileattr = True           # has_location, as spec_from_file_location sets it
    spec.cached = cached
    # the value the import leaves (True while the module's code runs, then False; nothing
    # reads it before), set at once: the import asks a non-package for its ``__path__``,
    # and that missing attribute's error reads ``__spec__._initializing`` (absent: one
    # more AttributeError, ~4 k)
    spec._initializing = False
    if is_package:
        # spec_from_file_location's search location for a package: the folder of its file
        spec.submodule_search_locations = [origin.rpartition(os.sep)[0]]
    return spec




def _package_folder() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _path():
    from checker.core import digests
    from checker.core.paths import cache_path

    # sys.flags.optimize: -O and -OO compile other code (no asserts; no docstrings either),
    # which Python keeps apart too (the .opt-1/.opt-2.pyc files)
    # sys.pycache_prefix: where the kept __cached__ paths point (PYTHONPYCACHEPREFIX)
    key = digests.blake2b(f"{sys.version}|{sys.implementation.cache_tag}|{sys.flags.optimize}|"
                          f"{sys.pycache_prefix}|{_package_folder()}".encode(), digest_size=10)
    return cache_path(f"modules-{key.hexdigest()}-f{_FORMAT}.marshal")


def install(path=None, package: str = _PACKAGE, folder: str | None = None) -> None:
    """Put the store's finder first on ``sys.meta_path`` and keep, at exit, the package's
    modules this process imported that the store does not hold (``path``, ``package`` and
    its ``folder`` other than gwlint's for tests)."""
    import atexit

    path = path or _path()
    modules, code = _read(path, folder or _package_folder())
    sys.meta_path.insert(0, _Finder(modules, code))
    atexit.register(keep, path, modules, code, package)


def _read(path, folder: str) -> tuple[dict, _Code | None]:
    """The index (modules of ``folder`` only) and the open file, or nothing."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return {}, None
    try:
        st = os.fstat(fd)
        checked = vouched.checked_before(os.path.dirname(path), st)
        head = os.pread(fd, _HEAD, 0)
        length = int.from_bytes(head[len(_MAGIC):len(_MAGIC) + 8], "little")
        index = os.pread(fd, length, _HEAD) if head[:len(_MAGIC)] == _MAGIC and len(head) == _HEAD else b""
        if len(index) != length or not (checked or zlib.crc32(index) == int.from_bytes(head[-4:], "little")):
            raise ValueError("not a store")
        modules = marshal.loads(index)
        if not isinstance(modules, dict):
            raise ValueError("not a store")
    except (OSError, ValueError, EOFError, TypeError):
        os.close(fd)
        return {}, None
    inside = folder + os.sep
    # a file whose every entry is this folder's can be checked whole at exit and vouched for
    # (each file starts with the folder: all are absolute when it is, none when it is not;
    # os.path.isabs of each was 1.1 M instructions a run)
    if os.path.isabs(inside) and all(type(entry) is tuple and len(entry) == 5 and type(entry[0]) is str
                                     and entry[0].startswith(inside) for entry in modules.values()):
        return modules, _Code(fd, _HEAD + length, st, checked)
    modules = {name: entry for name, entry in modules.items()
               if isinstance(entry, tuple) and len(entry) == 5 and str(entry[0]).startswith(inside)
               and os.path.isabs(entry[0])}
    return modules, _Code(fd, _HEAD + length, None, checked)


def keep(path, stored: dict, code: _Code | None, package: str = _PACKAGE) -> None:
    """Add to the store the package's modules this process imported from their folders
    (new to the store, or edited since it kept them) and those whose kept code was found
    damaged (a torn file, a flipped bit): the store is rewritten with them whole, where
    otherwise every later run would read them from their ``.pyc`` until a source changed."""
    found = {}
    prefix = package + "."
    damaged = code.unreadable if code is not None else set()
    before = {}                 # imported before the finder was installed: name -> its loader
    for name, module in list(sys.modules.items()):
        if not (name == package or name.startswith(prefix)):
            continue
        spec = getattr(module, "__spec__", None)
        loader = getattr(spec, "loader", None)
        if spec is None or spec.origin is None or not (
                type(loader) is SourceFileLoader or (type(loader) is _StoredLoader and name in damaged)):
            continue                # kept already, a namespace, a stand-in or a module made in memory
        try:
            # the stat first: a source edited after the code below was read is kept stale
            # under its old stamp, and so never used
            st = os.stat(spec.origin)
            if name in stored and name not in damaged and stored[name][2] == (st.st_size, st.st_mtime_ns):
                before[name] = loader
                continue            # imported before the finder was installed, kept already
            data = marshal.dumps(loader.get_code(name))
        except (ImportError, OSError, SyntaxError, ValueError):
            continue
        found[name] = (spec.origin, spec.submodule_search_locations is not None, (st.st_size, st.st_mtime_ns), data,
                       spec.cached)
    if not found:
        if code is not None and code.st is not None and not code.checked and not damaged \
                and code.check_whole(stored):
            vouched.vouch(os.path.dirname(path), code.st)
            vouched.keep()
        return
    for name, entry in _current(stored).items():
        if name not in found and code is not None:
            data = code.read(*entry[3])
            if data is None and name in before:     # damaged, and its code at hand
                try:
                    data = marshal.dumps(before[name].get_code(name))
                except (ImportError, OSError, SyntaxError, ValueError):
                    pass
            if data is not None:
                found[name] = (*entry[:3], data, entry[4])
    _write(path, found)


def _current(stored: dict) -> dict:
    """The stored modules whose sources are as they were kept (edited or removed ones go)."""
    kept = {}
    for name, entry in stored.items():
        try:
            st = os.stat(entry[0])
        except (OSError, TypeError, IndexError):
            continue
        if (st.st_size, st.st_mtime_ns) == entry[2]:
            kept[name] = entry
    return kept


def _write(path, modules: dict) -> None:
    index, blobs, offset = {}, [], 0
    for name, (origin, is_package, stamp, data, cached) in sorted(modules.items()):
        index[name] = (origin, is_package, stamp, (offset, len(data), zlib.crc32(data)), cached)
        blobs.append(data)
        offset += len(data)
    head = marshal.dumps(index)
    from checker.core.whole_file import write_whole

    write_whole(path, b"".join([_MAGIC, len(head).to_bytes(8, "little"), zlib.crc32(head).to_bytes(4, "little"),
                                head, *blobs]), keep_newest=_KEEP)
