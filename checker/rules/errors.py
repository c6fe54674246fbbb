"""Configuration and rule errors: one line naming the file, the rule and the field."""
from __future__ import annotations

from checker.core.plain_model import ValidationError


from checker.core.errors import ConfigError  # noqa: E402,F401 - re-exported: raised from this layer too


def describe_validation_error(file: str, rule_id: str | None, exc: ValidationError,
                              prefix: tuple[str, ...] = ()) -> ConfigError:
    """Turn pydantic's report into ``file: rule 'x': field 'params.y': problem``."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in (*prefix, *err["loc"]))
        msg = err["msg"]
        if err["type"] == "extra_forbidden":
            msg = "unknown key"
        elif err["type"] == "missing":
            msg = "required key is missing"
        parts.append(f"field '{loc}': {msg}" if loc else msg)
    where = f"{file}: rule '{rule_id}'" if rule_id else file
    return ConfigError(f"{where}: {'; '.join(parts)}")
