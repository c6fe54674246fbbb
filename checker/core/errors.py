"""The error every layer may raise for bad rules, data or configuration."""
from __future__ import annotations


class ConfigError(Exception):
    """Bad rules, data or configuration; the CLI prints it as one line and exits 2."""
