"""Find and read `.gwlint.yaml` (walking up from the current directory)."""
from __future__ import annotations

import os
TYPE_CHECKING = False
if TYPE_CHECKING:    # annotations only: the one-file run imports no pathlib
    from pathlib import Path

from checker.core import digests
from checker.core.plain_model import ValidationError

from checker.config.schema import Config
from checker.rules.errors import ConfigError, describe_validation_error
from checker.core.yaml_io import read_yaml_with_bytes

CONFIG_NAMES = (".gwlint.yaml", ".gwlint.yml")


def find_config(start: Path | None = None) -> Path | None:
    # walked with os.path (realpath is what Path.resolve calls): a run without a
    # configuration file imports no pathlib
    here = os.path.realpath(start or os.getcwd())
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(here, name)
            if os.path.isfile(candidate):
                from pathlib import Path

                return Path(candidate)
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def load_config(path: Path) -> Config:
    content, raw = read_yaml_with_bytes(path)
    if content is None:
        content = {}
    if not isinstance(content, dict):
        raise ConfigError(f"{path}: the configuration is a mapping of settings")
    try:
        config = Config.model_validate(content)
    except ValidationError() as exc:
        err = describe_validation_error(str(path), None, exc)
        raise ConfigError(str(err)) from None
    config._source_digest = digests.sha1(raw).hexdigest()   # fingerprints its data: bytes, not values
    return config
