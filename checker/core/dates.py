"""``datetime``'s classes, without running ``datetime.py``.

CPython's ``datetime`` module defines every class in Python, then replaces them all with
its C module's (``from _datetime import *`` at its end): importing it runs a 100 KB
module body (~1.5 CPU ms of a one-file run) for classes ``_datetime`` gives alone.  These
are the same class objects (``datetime.date is _datetime.date``), so values made here
and there are of one type.  ``from checker.core import dates as datetime`` reads as the
module did.
"""
try:
    from _datetime import date, datetime, time, timedelta, timezone
except ImportError:  # pragma: no cover - an interpreter without the C module
    from datetime import date, datetime, time, timedelta, timezone

__all__ = ["date", "datetime", "time", "timedelta", "timezone"]
