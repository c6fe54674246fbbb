"""The violations of a large run, kept on disk until the report writes them.

A run over a thousand documents finds about a hundred thousand violations; held as
objects in the parent process they were most of its peak memory (with the report text
built from them).  A ``ViolationSpool`` takes each file's own violations as the file is
checked and writes them, as plain rows, to memory and past a few megabytes to an
anonymous temporary file, and so the
violations found later (across files, unused directives), by path.  Iterating it reads
the paths back one at a time, in the contract's order (path, line, column, rule): each
path's blocks, in the order they were added, sorted with ``Violation.sort_key``.  Python's sort is stable, so the order is the one a sort of the
whole list gives: violations of one path keep their run order where their keys tie, and
violations of different paths never tie.

The temporary file is private to the process (marshal of tuples the process wrote itself;
nothing foreign is ever read), deleted when closed, and unlinked at once on POSIX.
"""
from __future__ import annotations

import io
import marshal

from collections import Counter
from collections.abc import Iterable, Iterator

from checker.engine.violation import Fix, Violation


def row_of(v: Violation, path: str | None) -> tuple:
    """A violation as a plain tuple (the results cache writes the same fields as JSON);
    its path is None when it is ``path``."""
    fix = None if v.fix is None else (v.fix.start, v.fix.end, v.fix.replacement)
    return (None if v.path == path else v.path, v.line, v.column, v.end_line, v.end_column, v.rule,
            v.category, v.severity, v.message, v.excerpt, fix, v.context, v.label)


def violation_of(row, path: str | None) -> Violation:
    (vpath, line, column, end_line, end_column, rule, category, severity, message, excerpt,
     fix, context, label) = row
    return Violation(path if vpath is None else vpath, line, column, end_line, end_column, rule, category,
                     severity, message, excerpt, None if fix is None else Fix(*fix), context, label)


def _row_key(row) -> tuple:
    """``Violation.sort_key`` of a row of one path, less the path."""
    return (row[1], row[2], row[5], row[3], row[4], row[8])


class ViolationSpool:
    """A run's violations: a sequence for the report writers (``len``, truth, iteration in
    the contract's order), filled file by file.  ``severity_counts`` is kept as it fills,
    so that a summary needs no pass over the violations."""

    # Rows are kept in memory up to this many bytes, then moved to the temporary file: a
    # run over a few files (a one-file run writes some kilobytes) neither makes a file nor
    # imports tempfile (with shutil, random and the compression modules, ~3 ms).
    IN_MEMORY = 4 << 20

    def __init__(self) -> None:
        self._file = io.BytesIO()
        self._in_memory = True
        self._end = 0
        self._rows: dict[str, list[tuple[int, int]]] = {}     # path -> its blocks (offset, size)
        self._count = 0
        self.severity_counts: Counter = Counter()
        # blocks written while ``tagging`` (a phase that may be given up: ``forget_tagged``)
        self.tagging = False
        self._tagged: list[tuple[str, tuple[int, int], int, Counter]] = []
        # set by a run with a results cache: a function giving where the JSON report
        # keeps its violations text for the next run over the same files, or None
        self.keep_report = None
        # set by a run that updated a kept comparison: a function giving the stored report
        # of the run it updated, and the paths whose violations are as that report has them
        self.reuse_report = None
        self.reusable: set[str] = set()

    # -- filling
    def add_rows(self, path: str, rows: list) -> None:
        """One file's own violations as rows (``row_of``), in their run order."""
        if not rows:
            return
        if any(row[0] is not None and row[0] != path for row in rows):
            # a row naming another path is read back with that path's rows, where the
            # contract's order puts it
            self.extend_rows([row if row[0] is not None else (path, *row[1:]) for row in rows])
            return
        self._write(path, rows)

    def _write(self, path: str, rows: list) -> None:
        """A block of rows that all belong to ``path``."""
        blob = marshal.dumps(rows)
        if self._in_memory and self._end + len(blob) > self.IN_MEMORY:
            self._spill()
        self._file.seek(self._end)
        self._file.write(blob)
        block = (self._end, len(blob))
        self._rows.setdefault(path, []).append(block)
        self._end += len(blob)
        self._count += len(rows)
        severities = Counter(row[7] for row in rows)
        self.severity_counts.update(severities)
        if self.tagging:
            self._tagged.append((path, block, len(rows), severities))

    def _spill(self) -> None:
        """Move the rows written so far to an anonymous temporary file, used from now on."""
        self._in_memory = False
        try:
            import tempfile     # only a run that spools this much imports it

            spilled = tempfile.TemporaryFile(prefix="gwlint-run-")
        except OSError:                      # no writable temporary folder: in memory, as before
            return
        spilled.write(self._file.getbuffer()[:self._end])
        self._file = spilled

    def forget_tagged(self) -> None:
        """Take back every block written while ``tagging`` (the others stay)."""
        for path, block, count, severities in self._tagged:
            blocks = self._rows.get(path, [])
            if block in blocks:
                blocks.remove(block)
                self._count -= count
                self.severity_counts.subtract(severities)
            if not blocks:
                self._rows.pop(path, None)
        self.severity_counts = +self.severity_counts
        self._tagged = []

    def add_file(self, path: str, violations: list[Violation]) -> None:
        self.add_rows(path, [row_of(v, path) for v in violations])

    def extend(self, violations: Iterable[Violation]) -> None:
        """Violations of any paths, after the files' own (across files, unused directives)."""
        by_path: dict[str, list[tuple]] = {}
        for v in violations:
            by_path.setdefault(v.path, []).append(row_of(v, v.path))
        for path, rows in by_path.items():
            self._write(path, rows)

    def extend_rows(self, rows: Iterable) -> None:
        """As ``extend``, for rows that name their path (``row_of(v, None)``)."""
        by_path: dict[str, list] = {}
        for row in rows:
            by_path.setdefault(row[0], []).append(row)
        for path, group in by_path.items():
            self._write(path, group)

    def mark(self) -> tuple:
        """Where the spool stands, for ``rollback``."""
        return self._end, self._count, {p: len(b) for p, b in self._rows.items()}, Counter(self.severity_counts)

    def rollback(self, mark: tuple) -> None:
        """Forget what was added since ``mark`` (rows that turned out not to be wanted)."""
        self._end, self._count, sizes, self.severity_counts = mark
        for path in list(self._rows):
            if path not in sizes:
                del self._rows[path]
            else:
                del self._rows[path][sizes[path]:]

    def __iadd__(self, violations):
        self.extend(violations)
        return self

    def sort(self, key=None) -> None:
        """Always iterated in order: nothing to do."""

    # -- reading
    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __iter__(self) -> Iterator[Violation]:
        for path in sorted(self._rows):
            yield from self.of_path(path)

    def of_path(self, path: str) -> list[Violation]:
        """The violations of one path, sorted."""
        return [violation_of(row, path) for row in self.rows_of_path(path)]

    def rows(self) -> Iterator[tuple[str, tuple]]:
        """(path, row) for every violation, in the order of iteration, without making
        objects of them (a writer that only formats their fields)."""
        for path in sorted(self._rows):
            for row in self.rows_of_path(path):
                yield path, row

    def rows_of_path(self, path: str) -> list:
        """The rows of one path, sorted as its violations are (``Violation.sort_key``
        without the path, which is theirs)."""
        found: list = []
        for offset, size in self._rows.get(path, ()):
            self._file.seek(offset)
            found += marshal.loads(self._file.read(size))
        found.sort(key=_row_key)
        return found

    def paths(self) -> list[str]:
        return sorted(self._rows)

    def close(self) -> None:
        self._file.close()

    def __del__(self) -> None:
        try:
            self._file.close()
        except Exception:
            pass
