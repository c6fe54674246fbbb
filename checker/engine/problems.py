"""An input that could not be checked (fully): one line naming it, kept as path and message.

``RunError`` is a ``str`` (``"path: message"``), so everything that prints or compares the
one-line errors keeps working, and it also carries ``path`` and ``message`` separately
for the JSON report's ``errors`` list (reports/json-contract.md).
"""
from __future__ import annotations

# The message of a path named on the command line that does not exist.  Such a path is not
# counted among the run's files (reports/json-contract.md), so the reports' counts need to
# tell it from an input that exists and could not be read (checker.report.counts).
MISSING_PATH = "no such file or directory"


class RunError(str):
    path: str
    message: str

    def __new__(cls, path: str, message: str) -> "RunError":
        self = super().__new__(cls, f"{path}: {message}" if path else message)
        self.path = path
        self.message = message
        return self

    def __reduce__(self):  # worker processes send these back to the parent
        return (RunError, (self.path, self.message))

    @classmethod
    def of(cls, value: str) -> "RunError":
        """A RunError from a plain one-line error (``"path: message"``)."""
        if isinstance(value, RunError):
            return value
        path, sep, message = value.partition(": ")
        return cls(path, message) if sep else cls("", value)

    def to_json(self) -> dict:
        return {"path": self.path, "message": self.message}
