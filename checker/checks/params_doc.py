"""What each parameter of a kind means, read from the kind's own source.

A kind documents its parameters where they are declared: the comment on a field's line,
or the comment lines just above it.  Reading them from the source keeps one place to
write them (no second copy in ``Field(description=…)`` to drift), and ``gwlint explain``
and the family pages show them.
"""
from __future__ import annotations

import ast
import inspect
import io
import tokenize
from functools import lru_cache


@lru_cache(maxsize=None)
def param_meanings(params_class: type) -> dict[str, str]:
    """Field name -> its comment, for a kind's ``Params`` class (empty when unreadable).

    Fields inherited from a shared base (``ToleranceParams``) keep the comments written
    there; a class's own comment on a field wins over its base's."""
    out: dict[str, str] = {}
    for cls in reversed(params_class.__mro__):
        if cls.__module__ in ("builtins", "checker.core.plain_model") or cls.__module__.split(".")[0] == "pydantic":
            continue
        out.update(_own_meanings(cls))
    return out


def _own_meanings(params_class: type) -> dict[str, str]:
    """Field name -> its comment, for the fields declared in the class's own body."""
    try:
        source = inspect.getsource(params_class)
    except (OSError, TypeError):
        return {}
    source = inspect.cleandoc("\n" + source) if source.startswith((" ", "\t")) else source
    comments: dict[int, str] = {}
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                comments[tok.start[0]] = tok.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError):
        return {}
    lines = source.splitlines()
    out: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ClassDef):
            continue
        for stmt in node.body:
            if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
                continue
            parts = []
            above = stmt.lineno - 1
            while above >= 1 and above in comments and lines[above - 1].lstrip().startswith("#"):
                parts.insert(0, comments[above])
                above -= 1
            for line in range(stmt.lineno, (stmt.end_lineno or stmt.lineno) + 1):
                if line in comments and not lines[line - 1].lstrip().startswith("#"):
                    parts.append(comments[line])
            if parts:
                out[stmt.target.id] = " ".join(parts)
    return out
