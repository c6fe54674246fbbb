"""checker.core.dates: datetime's classes without datetime.py's body."""
from __future__ import annotations

from tests.entry_runs import imported_by_a_warm_run


def test_the_classes_are_datetimes_own():
    import datetime

    from checker.core import dates

    for name in dates.__all__:
        assert getattr(dates, name) is getattr(datetime, name)
    assert dates.date.fromisoformat("2021-07-01") == datetime.date(2021, 7, 1)


def test_a_one_file_run_does_not_run_datetime_py(tmp_path):
    """The stored rule set's dates, the vocabulary views and the stale family's words
    take the classes from checker.core.dates: a run over a seed imports no datetime."""
    assert imported_by_a_warm_run(tmp_path, ("datetime",)) == []
