"""gwlint's own modules' code, found and read from one file instead of some 150.

Importing a module from its folder costs the import system more than running the
module's code needs: a path finder asks each folder of the package for the name (a
listing kept per folder, a ``stat`` of the folder each time), builds a spec, then the
loader ``stat``s the source, opens and reads the ``.pyc`` beside it and checks its header
against the source.  A one-file run imports some 150 of gwlint's modules: 7-9 ms of
finding and 7-8 ms of opening and reading, for code that is the same at every run.

``install`` puts a finder first on ``sys.meta_path`` that answers for the ``checker``
modules kept in one file of the user's cache folder, made by earlier runs: each module's
file, whether it is a package, the size and modification time its source had, and its
code object, marshalled as the ``.pyc`` holds it (read only when the module is imported).
The spec it gives is the one the path finder would build (``spec_from_file_location``
with the same file and search locations), with a loader that is the ordinary source
loader but takes the code object from the store: ``__file__``, ``__path__``,
``__cached__``, tracebacks, ``get_source`` and resources are unchanged.

A kept module is used only while its source file has the size and modification time it
had when its code was kept (one ``stat``, what the ``.pyc`` check compares too, to the
nanosecond here); a changed, moved or removed source is imported as usual, and a module
the store does not hold or holds stale is kept when the process ends (``atexit``: the
file is rewritten only then).  The file is named by the interpreter build (code objects
are its own) and the package's folder (checkouts share the cache folder).  Only the
command line installs the finder (``checker.cli.entry``); importing gwlint as a library
is unchanged.
"""
from __future__ import annotations

import marshal
import os
import sys
from importlib.machinery import SourceFileLoader
from importlib.util import spec_from_file_location

_FORMAT = 1
_PACKAGE = "checker"
_KEEP = 4                       # files of other code states kept (other checkouts share the folder)


class _StoredLoader(SourceFileLoader):
    """The source loader, its code object taken from the store."""

    def __init__(self, fullname: str, path: str, code: bytes) -> None:
        super().__init__(fullname, path)
        self._code = code

    def get_code(self, fullname):
        if fullname == self.name and self._code is not None:
            code, self._code = self._code, None     # once: a reload reads the file again
            return marshal.loads(code)
        return super().get_code(fullname)


class _Finder:
    """A meta path finder for the modules the store holds, each as the path finder would
    find it."""

    def __init__(self, modules: dict) -> None:
        self.modules = modules          # name -> (file, is a package, (size, mtime_ns), marshalled code)

    def find_spec(self, fullname, path=None, target=None):
        entry = self.modules.get(fullname)
        if entry is None:
            return None
        origin, is_package, stamp, code = entry
        try:
            st = os.stat(origin)
        except OSError:
            return None
        if (st.st_size, st.st_mtime_ns) != stamp:
            return None                 # edited since it was kept: the path finder finds it
        return spec_from_file_location(fullname, origin, loader=_StoredLoader(fullname, origin, code),
                                       submodule_search_locations=[] if is_package else None)

    def invalidate_caches(self) -> None:
        pass


def _path():
    from checker.core import digests
    from checker.core.paths import cache_dir

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    key = digests.blake2b(f"{sys.version}|{sys.implementation.cache_tag}|{package}".encode(), digest_size=10)
    return cache_dir() / f"modules-{key.hexdigest()}-f{_FORMAT}.marshal"


def install(path=None, package: str = _PACKAGE) -> None:
    """Put the store's finder first on ``sys.meta_path`` and keep, at exit, the package's
    modules this process imported that the store does not hold (``path`` and ``package``
    other than gwlint's for tests)."""
    import atexit

    path = path or _path()
    modules = _read(path)
    sys.meta_path.insert(0, _Finder(modules))
    atexit.register(keep, path, modules, package)


def _read(path) -> dict:
    from checker.core.sealed_file import read_sealed

    data = read_sealed(path, _FORMAT)
    modules = data.get("modules") if data is not None else None
    return dict(modules) if isinstance(modules, dict) else {}


def keep(path, stored: dict, package: str = _PACKAGE) -> None:
    """Add to the store the package's modules this process imported from their folders
    (new to the store, or edited since it kept them)."""
    found = {}
    prefix = package + "."
    for name, module in list(sys.modules.items()):
        if not (name == package or name.startswith(prefix)):
            continue
        spec = getattr(module, "__spec__", None)
        loader = getattr(spec, "loader", None)
        if type(loader) is not SourceFileLoader or spec.origin is None:
            continue                # kept already, a namespace, a stand-in or a module made in memory
        try:
            # the stat first: a source edited after the code below was read is kept stale
            # under its old stamp, and so never used
            st = os.stat(spec.origin)
            if name in stored and stored[name][2] == (st.st_size, st.st_mtime_ns):
                continue            # imported before the finder was installed, kept already
            code = loader.get_code(name)
        except (ImportError, OSError, SyntaxError, ValueError):
            continue
        found[name] = (spec.origin, spec.submodule_search_locations is not None, (st.st_size, st.st_mtime_ns),
                       marshal.dumps(code))
    if not found:
        return
    from checker.core.sealed_file import write_sealed

    write_sealed(path, {"format": _FORMAT, "modules": {**_current(stored), **found}}, keep_newest=_KEEP)


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
