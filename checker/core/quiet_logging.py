"""A stand-in for ``logging`` while a library that only sets up a logger is imported.

jieba imports ``logging`` at its top to make a logger with a handler on standard error,
and gwlint sets that logger to warnings: a run never writes a record through it, yet the
import brings ``logging``, ``traceback``, ``linecache``, ``tokenize``, ``token`` and
``textwrap`` (3-5 CPU ms of a one-file run that segments words).  ``module`` is given to
the library as ``logging`` while it imports (``checker.model.tokens.import_jieba``): its
loggers and handlers keep the name, level and stream they are given, and the first record
at or above a logger's level — or any use beyond setting a level and adding a handler —
makes the real logger (``logging.getLogger`` of the same name, that level, a
``StreamHandler`` on each stream) and hands the call to it.  So what reaches standard
error is what the real module would write, and a program that asks ``logging`` for the
logger later gets the one the records went to.
"""
from __future__ import annotations

import sys

# logging's level numbers (fixed by its documentation)
CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET = 50, 40, 30, 20, 10, 0
_LEVELS = {"critical": CRITICAL, "error": ERROR, "exception": ERROR, "warning": WARNING, "warn": WARNING,
           "info": INFO, "debug": DEBUG}


class StreamHandler:
    """A handler remembered by its stream until the real one is needed."""

    def __init__(self, stream=None) -> None:
        self.stream = stream
        self._made = None

    def real(self):
        if self._made is None:
            import logging

            self._made = logging.StreamHandler(self.stream)
        return self._made

    def __getattr__(self, attr: str):
        return getattr(self.real(), attr)


class Logger:
    """A logger's name, level and handlers until it writes (or is asked for more)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.level = NOTSET
        self.handlers: list = []
        self._made = None

    def setLevel(self, level) -> None:  # noqa: N802 - logging's names
        if self._made is not None:
            self._made.setLevel(level)
        self.level = level

    def addHandler(self, handler) -> None:  # noqa: N802
        if self._made is not None:
            self._made.addHandler(handler.real() if isinstance(handler, StreamHandler) else handler)
        self.handlers.append(handler)

    def real(self):
        if self._made is None:
            import logging

            made = logging.getLogger(self.name)
            made.setLevel(self.level)
            for handler in self.handlers:
                made.addHandler(handler.real() if isinstance(handler, StreamHandler) else handler)
            self._made = made
        return self._made

    def __getattr__(self, attr: str):
        level = _LEVELS.get(attr)
        if level is not None and self._made is None and not isinstance(self.level, str) and level < self.level:
            return _drop                # below the level: the real logger would write nothing either
        return getattr(self.real(), attr)


def _drop(*args, **kwargs) -> None:
    return None


_loggers: dict[str, Logger] = {}


def getLogger(name: str | None = None) -> Logger:  # noqa: N802
    key = name or "root"
    if key not in _loggers:
        _loggers[key] = Logger(key)
    return _loggers[key]


class _Module:
    """What ``import logging`` gives while the stand-in is in place: the names above, and
    the real module's for anything else (imported then)."""

    __name__ = "logging"
    __spec__ = None

    CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET = CRITICAL, ERROR, WARNING, INFO, DEBUG, NOTSET
    StreamHandler = StreamHandler
    getLogger = staticmethod(getLogger)

    def __getattr__(self, attr: str):
        if sys.modules.get("logging") is self:
            del sys.modules["logging"]
        import logging

        return getattr(logging, attr)


module = _Module()
