"""Errors of reading an input, each a clear one-line message naming the file."""


class InputError(Exception):
    """A file that cannot be read or decoded; reported as one line, exit code 2."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
