"""Reading YAML the user or the package wrote: safe loading, one-line errors."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from checker.core.errors import ConfigError

# libyaml's CSafeLoader is safe_load's loader written in C: the same safe constructor
# (no Python objects from tags), about ten times faster, which matters because every
# run reads every rule pack.  Fall back to the pure-Python SafeLoader without libyaml.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save rule packs and data as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}: invalid YAML{where}: {problem}") from None
