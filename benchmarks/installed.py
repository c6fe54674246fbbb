"""Which gwlint install a benchmark times, and whether it is the checkout's code.

A user installs gwlint with ``pip install .`` (the README's first command): its modules
are copied into site-packages.  The development venv is an editable install (the README's
test command, ``pip install -e``): setuptools then puts a ``.pth`` file in site-packages
that imports its own finder at every interpreter start, and that finder imports pathlib,
urllib.parse, re, enum, contextlib and importlib.util before gwlint runs a line: 50 M
instructions (~9 ms) on every start of that venv's Python, which a user's install does not
pay.  So a one-file figure depends on which install is timed, and the benchmark says which.

A regular install is a copy: when the checkout has changed since, the benchmark would time
old code.  ``stale_files`` names the package and rule files whose installed copy differs.
"""
from __future__ import annotations

import json
import sysconfig
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path


@dataclass(frozen=True)
class Install:
    kind: str                   # "regular" or "editable"
    package: Path               # the folder the venv imports ``checker`` from
    stale: tuple[str, ...]      # files whose installed copy differs from the checkout's


def describe(checkout: Path) -> Install:
    """The gwlint install of the running interpreter, compared with ``checkout``."""
    import checker

    package = Path(checker.__file__).resolve().parent
    kind = "editable" if _editable() else "regular"
    ours = checkout / "checker"
    if package == ours.resolve():
        return Install(kind, package, ())
    # pyproject installs the checkout's rules/ as checker/builtin_rules and
    # checker/gwlint_alias as the top-level package gwlint
    stale = stale_files(ours, package, skip=("builtin_rules", "gwlint_alias"))
    stale += tuple(f"rules/{name}" for name in stale_files(checkout / "rules", package / "builtin_rules"))
    return Install(kind, package, stale)


def _editable() -> bool:
    # pip records how a distribution was installed (PEP 610): an editable install's
    # direct_url.json has dir_info.editable true.  Only the venv's site-packages is asked:
    # a checkout on sys.path (pytest puts it first) holds the build's gwlint.egg-info.
    site = sysconfig.get_path("purelib")
    for dist in metadata.distributions(name="gwlint", path=[site]):
        try:
            return bool(json.loads(dist.read_text("direct_url.json") or "{}").get("dir_info", {}).get("editable"))
        except ValueError:
            return False
    return False


def stale_files(source: Path, installed: Path, skip: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The files (relative names; bytecode caches and the folders ``skip`` left out) that
    differ between the checkout's folder ``source`` and the installed one, or exist in only
    one of them."""
    def files(root: Path) -> dict[str, bytes]:
        found = {}
        for path in root.rglob("*"):
            name = path.relative_to(root).as_posix()
            if path.is_file() and "__pycache__" not in path.parts and name.split("/", 1)[0] not in skip:
                found[name] = path.read_bytes()
        return found

    mine, theirs = files(source), files(installed)
    return tuple(sorted(name for name in mine.keys() | theirs.keys() if mine.get(name) != theirs.get(name)))


def summary(install: Install) -> str:
    """One line for the benchmark's header."""
    if install.kind == "editable":
        return (f"editable install ({install.package}): every start of this venv's Python also runs "
                "setuptools' editable finder, which a user's `pip install .` does not")
    if install.stale:
        return (f"regular install ({install.package}), STALE: {len(install.stale)} files differ from the "
                f"checkout (e.g. {install.stale[0]}); reinstall with `pip install --no-deps .`")
    return f"regular install ({install.package}), the checkout's code, as `pip install .` gives users"
