"""The report format a command writes: resolved from `--format`, loaded, and checked against
`--output` before any work starts.  Shared by `gwlint check` and `gwlint report`."""
from __future__ import annotations

from checker.core.errors import ConfigError
from checker.report.registry import load_format, resolve_format


def chosen_format(args):
    """``(name, formatter)`` for ``args.format``.  An unknown format, or a format that writes
    files (Word, with ``BINARY``) without ``--output``, is the user's mistake: one line,
    exit 2, through the commands' ConfigError path."""
    name = resolve_format(args.format)
    try:
        formatter = load_format(name)
    except KeyError as exc:
        raise ConfigError(exc.args[0]) from None
    if getattr(formatter, "BINARY", False) and not args.output:
        raise ConfigError(f"--format {name} writes files; give --output")
    return name, formatter
