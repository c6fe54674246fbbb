"""Reading YAML the user or the package wrote: safe loading, one-line errors.

Anchors, aliases and merge keys are refused in every file (configuration, packs,
vocabularies): every file gwlint reads is written by hand and none needs them, while a
few hundred bytes of nested aliases expand to gigabytes.  The check scans tokens, which
is linear in the text and expands nothing.
"""
from __future__ import annotations


from checker.core.errors import ConfigError

TYPE_CHECKING = False  # not typing's: a run need not import typing (type checkers read the name as true)
if TYPE_CHECKING:
    from pathlib import Path     # annotations only: the one-file run imports no pathlib
    from typing import Any


def _yaml():
    """PyYAML and its safe loader, imported on first read: a run whose rule set comes
    from the cache (``checker.engine.ruleset_cache``) and that has no configuration file
    reads no YAML, and the import costs 0.02-0.04 CPU s.

    libyaml's CSafeLoader is safe_load's loader written in C: the same safe constructor
    (no Python objects from tags), about ten times faster, which matters because every
    run that reads rule packs reads all of them.  Without libyaml, the pure-Python
    SafeLoader."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    return read_yaml_with_bytes(path)[0]


def read_yaml_with_bytes(path: Path) -> tuple[Any, bytes]:
    """The YAML content of a file and the bytes it was read from (what fingerprints it)."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save rule packs and data as UTF-8") from None
    yaml, loader = _yaml()
    try:
        refuse_aliases(text, path)
        return yaml.load(text, Loader=loader), raw  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: invalid YAML{where}: {problem}") from None


def refuse_aliases(text: str, path: Path | str) -> None:
    """Raise ConfigError when the YAML text uses an anchor (&a), an alias (*a) or a merge
    key (<<)."""
    if "&" not in text and "*" not in text and "<<" not in text:
        return
    yaml, loader = _yaml()
    after_key = False
    for token in yaml.scan(text, Loader=loader):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            what = "an anchor" if isinstance(token, yaml.AnchorToken) else "an alias"
            raise ConfigError(f"{path}: YAML anchors, aliases and merge keys are not allowed; {what} "
                              f"(&{token.value} / *{token.value}) at line {token.start_mark.line + 1}: "
                              "write the values out")
        if after_key and isinstance(token, yaml.ScalarToken) and token.plain and token.value == "<<":
            raise ConfigError(f"{path}: YAML anchors, aliases and merge keys are not allowed; a merge key (<<) "
                              f"at line {token.start_mark.line + 1}: write the values out")
        after_key = isinstance(token, yaml.KeyToken)
