"""`--format json`: exactly the schema of reports/json-contract.md."""
from __future__ import annotations

import json

from checker.engine.problems import RunError
from checker.engine.violation import severity_counts

try:
    from json.encoder import c_encode_basestring as _encode_text   # what json.dumps uses (ensure_ascii=False)
except ImportError:  # pragma: no cover - CPython always has it
    from json.encoder import py_encode_basestring as _encode_text


def build(run, violations: bool = True) -> dict:
    counts = severity_counts(run.violations)
    return {
        "version": 1,
        "files": run.files,
        "violations": [v.to_json() for v in run.violations] if violations else [],
        "summary": {"error": counts.get("error", 0), "warning": counts.get("warning", 0), "info": counts.get("info", 0)},
        # every input that could not be checked (fully), present and empty when none
        "errors": [RunError.of(e).to_json() for e in run.errors],
    }


# A run over unchanged files gives the violations text this writer stored (results cache)
COPIES_STORED = True
STREAMS = True     # render() writes the violations as it reads them (a spooled run's too)
_BATCH = 2000      # violations per write
_BATCH_CHARS = 1 << 20   # and characters at most


def render(run, stream, options) -> None:
    # Written in pieces of _BATCH violations: json.dump writes each token on its own
    # (130,000 writes for 3,000 violations), and one string of a large report doubled
    # the run's peak memory.
    report = build(run, violations=False)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    if not run.violations:
        stream.write(text + "\n")
        return
    # json.dumps indents in pure Python; the violations, nine tenths of a large report,
    # are written from a template instead, as json.dumps writes them (tests compare)
    empty = '\n  "violations": [],\n'
    at = text.index(empty)
    stream.write(text[:at] + '\n  "violations": [\n')
    tail = text[at + len(empty):]
    stored = getattr(run.violations, "write_json_block", None)   # a run over unchanged files: its stored text
    if stored is not None:
        stored(stream)
        stream.write("\n  ],\n" + tail + "\n")
        return
    # a run with a results cache keeps the text for the next run over the same files
    keeper = getattr(run.violations, "keep_report", None)
    sink = keeper() if keeper is not None else None
    complete = False
    ranges: dict[str, list[int]] = {}          # path -> its texts' bytes in the block, for the sink
    offset = -2
    try:
        batch: list[str] = []
        size = 0
        separator = ""
        rows = getattr(run.violations, "rows", None)        # a spooled run's: no objects made
        if rows is None:
            texts = ((v.path, _violation_text(v)) for v in run.violations)
        else:
            texts = _path_texts(run.violations)
        for path, text in texts:
            if sink is not None:
                start = offset + 2
                offset = start + len(text.encode("utf-8"))
                if path in ranges:
                    ranges[path][1] = offset
                else:
                    ranges[path] = [start, offset]
            batch.append(text)
            size += len(text)
            if len(batch) == _BATCH or size > _BATCH_CHARS:   # a copied text holds a file's violations
                piece = separator + ",\n".join(batch)
                stream.write(piece)
                if sink is not None:
                    sink.write(piece)
                separator = ",\n"
                batch = []
                size = 0
        if batch:
            piece = separator + ",\n".join(batch)
            stream.write(piece)
            if sink is not None:
                sink.write(piece)
        stream.write("\n  ],\n" + tail + "\n")
        complete = True
    finally:
        if sink is not None:
            sink.close(complete, ranges)


_TEMPLATE = ('    {{\n      "path": {},\n      "line": {},\n      "column": {},\n      "end_line": {},\n'
             '      "end_column": {},\n      "rule": {},\n      "category": {},\n      "severity": {},\n'
             '      "message": {},\n      "excerpt": {}\n    }}')


def _violation_text(v) -> str:
    """One violation as ``json.dumps(v.to_json(), ensure_ascii=False, indent=2)`` writes
    it inside the report's list: texts through json's own (C) string encoder, whole
    numbers as json writes them."""
    e = _encode_text
    return _TEMPLATE.format(e(v.path), int(v.line), int(v.column), int(v.end_line), int(v.end_column), e(v.rule),
                            e(v.category), e(v.severity), e(v.message), e(v.excerpt))


def _path_texts(spool):
    """(path, text) of a spooled run's violations in order; the paths the run marks as
    unchanged since a stored report (``reusable``) as that report's text for them, whole."""
    reuse = getattr(spool, "reuse_report", None)
    old = reuse() if reuse is not None else None
    reusable = getattr(spool, "reusable", ()) if old is not None else ()
    for path in spool.paths():
        if path in reusable:
            text = old.text_of(path)
            if text is not None:
                yield path, text
                continue
        for text in _rows_text((path, row) for row in spool.rows_of_path(path)):
            yield path, text
    if old is not None:
        old.close()


def _rows_text(rows):
    """``_violation_text`` of each spooled (path, row) (``checker.engine.spool.row_of``);
    the texts a report repeats (paths, rule names, categories, severities) encoded once."""
    e = _encode_text
    encoded: dict[str, str] = {}

    def once(text: str) -> str:
        found = encoded.get(text)
        if found is None:
            found = encoded[text] = e(text)
        return found

    template = _TEMPLATE.format
    for path, row in rows:
        yield template(once(path if row[0] is None else row[0]), int(row[1]), int(row[2]), int(row[3]),
                       int(row[4]), once(row[5]), once(row[6]), once(row[7]), e(row[8]), e(row[9]))
