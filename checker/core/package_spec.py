"""Where an installed top-level package is, without importing it or ``importlib.util``.

``importlib.util.find_spec`` answers that, but importing ``importlib.util`` costs a
one-file run ~1.2 M instructions, for a question the path finder (``importlib.machinery``,
loaded at start-up) answers alone for any package installed in a folder of ``sys.path``,
as jieba and regex are.  A package only another meta-path finder knows (an editable
install of it, say) is asked of ``importlib.util`` as before.
"""
from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec, PathFinder


def package_spec(name: str) -> ModuleSpec | None:
    """The spec of the top-level package ``name``: its module's when it is imported, else
    the one its import would use; None when it is not installed."""
    if name in sys.modules:
        return getattr(sys.modules[name], "__spec__", None)
    spec = PathFinder.find_spec(name)
    if spec is None:
        import importlib.util

        spec = importlib.util.find_spec(name)
    return spec
